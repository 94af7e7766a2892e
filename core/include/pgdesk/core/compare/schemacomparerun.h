// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/compare/migration.h>
#include <pgdesk/core/compare/schemadiff.h>

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace pgdesk::core {

class Connection;

// One schema compare as the window, the CLI and agents run it (one path for all, so a rule or a speed-up
// lands everywhere): both sides read, at once when they are two connections (the servers do most of the
// work); compared; the migration of the target to the source planned, asking the target which tables have
// rows and which columns made NOT NULL hold NULLs; and, when asked, each step's locks analysed on the target.
struct SchemaCompareRun {
    SchemaSnapshot source;
    SchemaSnapshot target;
    QList<ObjectDifference> differences;
    Migration migration;
    QList<StatementLocks> locks; // one per migration statement, when analysed
    // What the plan asked the target: the tables with rows, the columns ("table.column") holding NULLs.
    QSet<QString> tablesWithRows;
    QSet<QString> columnsWithNulls;

    bool differ() const { return schemasDiffer(differences); }
    // The migration planned again with the values the user gave for `migration.valuesNeeded` and the USING
    // expressions of type changes ("table.column" keys both), from what was read (no server asked again).
    Migration planWith(const QHash<QString, QString>& fillValues,
                       const QHash<QString, QString>& usingExpressions = {}) const;
};

struct SchemaCompareSides {
    Connection* source = nullptr; // the same connection for both sides: read one after the other
    QString sourceSchema;
    Connection* target = nullptr;
    QString targetSchema;
};

// Throws what reading either side throws (the other read finished first).
SchemaCompareRun runSchemaCompare(const SchemaCompareSides& sides, bool analyseLocks);

// After a migration was applied: the source compared with the target read anew (nothing, when it did its
// work).
QList<ObjectDifference> compareAgain(const SchemaCompareRun& run, Connection& target,
                                     const QString& targetSchema);

} // namespace pgdesk::core
