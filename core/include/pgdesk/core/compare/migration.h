// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/compare/schemasnapshot.h>
#include <pgdesk/core/schema/lockanalysis.h>
#include <pgdesk/core/schema/schemaapply.h>
#include <pgdesk/core/schema/tabledesign.h>

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace pgdesk::core {

class Connection;

struct MigrationOptions {
    // Whether a target table has rows (a NOT NULL column added without a default needs a value then).
    // Unset: every table is taken to have rows.
    std::function<bool(const QString& table)> hasRows;
    // Whether a target column (table, column: the target's names) that becomes NOT NULL holds NULLs: its
    // NULLs need a value then, or SET NOT NULL fails. Unset: taken to hold none.
    std::function<bool(const QString& table, const QString& column)> hasNulls;
    // "table.column" → the SQL value a NOT NULL column added to a table with rows gets, or that the NULLs of
    // a column made NOT NULL are set to (the window asks).
    QHash<QString, QString> fillValues;
    // "table.column" → the USING expression of its type change, typed by the user (the window asks), in
    // place of the cast the catalog chose: "to_timestamp(col)", "md5(col::text)::uuid".
    QHash<QString, QString> usingExpressions;
    // A column (or table) that disappears while one of the same type appears in its place is renamed, not
    // dropped and added (the rename keeps its data). Off: drop and add.
    bool renames = true;
};

// The statements that make the target schema equal to the source, in dependency order: tables changed with
// ALTER, never dropped and created again; destructive steps marked (applied only when confirmed); a step
// that cannot be in the transaction (or uses an enum value the transaction adds) after it.
// A column's type change in a migration, with the USING expression it has (the catalog's choice or the
// user's): what the window offers to edit.
struct TypeChange {
    QString table;
    QString column;
    QString from;
    QString to;
    QString usingExpression;
    bool given = false; // the user's expression, not the catalog's
};

struct Migration {
    QString sourceSchema;
    QString targetSchema;
    QList<DesignStatement> statements;
    QStringList decisions; // what the migration chose, a sentence each (the script's comments, the window)
    QStringList blockers; // why it cannot run as it is (a NOT NULL column with no value for existing rows …)
    // The NOT NULL columns added without a default to a table with rows, and the columns made NOT NULL that
    // hold NULLs, as (table, column): the value for their rows goes into MigrationOptions::fillValues as
    // "table.column" (the window asks for it).
    QList<std::pair<QString, QString>> valuesNeeded;
    QList<TypeChange> typeChanges;

    bool isEmpty() const { return statements.isEmpty(); }
    bool hasDestructive() const;
    // The session settings every statement assumes: the target schema first on the search path (the source's
    // expressions name its objects unqualified) and function bodies not checked while objects are created.
    QStringList sessionSettings() const;
    // The script as psql runs it: a header with the decisions, the settings, BEGIN … COMMIT with a
    // lock_timeout, and the steps after the commit; "-- DESTRUCTIVE: <why>" directly before each such step.
    QString script(const QString& title, int lockTimeoutMs = 5000) const;
};

// Pure: plans the migration of `target` to `source`.
Migration planMigration(const SchemaSnapshot& source, const SchemaSnapshot& target,
                        const MigrationOptions& options = {});

// Runs a migration on the target's connection with SchemaApplier (one transaction under lock_timeout,
// destructive steps only when confirmed, the production guard's key), its session settings set first and
// reset afterwards whatever happens (a pooled connection goes back as it came). Refuses a migration with
// blockers (ConfigurationError) before anything is sent.
SchemaApplyResult applyMigration(Connection& connection, const Migration& migration,
                                 const SchemaApplyOptions& options);
// The lock analysis of the migration's statements, one per statement, read with its session settings (its
// index and trigger definitions name their tables as the target schema's search path finds them).
QList<StatementLocks> analyzeMigration(Connection& connection, const Migration& migration);

} // namespace pgdesk::core
