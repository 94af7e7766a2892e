// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/schema/rowpolicy.h>

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace pgdesk::core {

// A column as the designer edits it. Type, default, generation expression and collation are SQL the user
// writes (as in every designer); each is checked to be one balanced fragment that cannot end its clause
// (checkSqlFragment) before it is placed. Names are always quoted; comments are string literals.
struct ColumnSpec {
    QString name;
    QString type; // "varchar(20)", "numeric(12,2)", "timestamptz"
    bool notNull = false;
    QString defaultExpr;
    QString identity;  // "", "always" or "by default"
    QString generated; // GENERATED ALWAYS AS (expr) STORED
    QString collation; // a collation name, quoted as an identifier
    QString comment;
    bool operator==(const ColumnSpec&) const = default;
};

struct ConstraintSpec {
    enum class Kind { PrimaryKey, Unique, Check, Exclusion, ForeignKey };
    Kind kind = Kind::PrimaryKey;
    QString name; // empty: the server names it
    QStringList columns;
    QString expression; // CHECK (…), or EXCLUDE's element list ("room WITH =, during WITH &&")
    QString method;     // EXCLUDE USING (gist)
    QString refSchema;
    QString refTable;
    QStringList refColumns;
    QString onDelete; // "cascade", "set null", "set default", "restrict", "" = no action
    QString onUpdate;
    // On an existing table: add NOT VALID (no scan under the lock) and validate after the commit in a
    // transaction of its own (SHARE UPDATE EXCLUSIVE). Checks and foreign keys only.
    bool validateSeparately = true;
    bool operator==(const ConstraintSpec&) const = default;
};

struct IndexSpec {
    QString name; // empty: the server names it
    QString method = QStringLiteral("btree");
    QStringList columns;     // column names, quoted
    QStringList expressions; // expression keys ("lower(email)"), after the columns
    QStringList include;
    QString predicate; // WHERE …
    bool unique = false;
    bool concurrently = true; // on an existing table: built after the commit, outside a transaction
    bool operator==(const IndexSpec&) const = default;
};

// One staged edit of an existing table, in the order made (undo drops the last).
struct DesignChange {
    enum class Step {
        AddColumn,
        DropColumn,
        RenameColumn,
        SetType, // text: the type; extra: USING expression (optional)
        SetNotNull,
        DropNotNull,
        SetDefault, // text: the expression
        DropDefault,
        SetColumnComment,
        AddConstraint,
        DropConstraint,
        AddIndex,
        DropIndex, // text: the index name (same schema)
        RenameTable,
        SetTableComment,
        SetOwner,
        // Row security (appended: a saved design stores the step's number).
        EnableRowSecurity,
        DisableRowSecurity,
        ForceRowSecurity, // the owner is bound by the policies too
        NoForceRowSecurity,
        CreatePolicy, // policy
        // ALTER POLICY text ON … TO … [USING] [WITH CHECK], then RENAME when policy.name differs. An empty
        // USING or WITH CHECK leaves the policy's as it is (ALTER cannot remove one, nor change its command
        // or AS: the designer stages DropPolicy and CreatePolicy for those).
        AlterPolicy,
        DropPolicy, // text: the policy's name
    };
    Step step = Step::AddColumn;
    QString column; // the column it concerns
    QString text;   // new name, type, default, comment or owner
    QString extra;
    ColumnSpec columnSpec;
    ConstraintSpec constraint;
    IndexSpec index;
    RowPolicy policy;
    bool operator==(const DesignChange&) const = default;
};

// A new table (creating: columns, constraints, partitioning, owner, comment) or changes to an existing one.
struct TableDesign {
    QString schema;
    QString table;
    bool creating = false;
    QList<ColumnSpec> columns;
    QList<ConstraintSpec> constraints;
    QList<IndexSpec> indexes;
    QString partitionBy; // "range (created_at)": PARTITION BY … of a new table
    QString owner;
    QString comment;
    bool rowSecurity = false; // a new table: ENABLE ROW LEVEL SECURITY
    bool forceRowSecurity = false;
    QList<RowPolicy> policies; // a new table's
    QList<DesignChange> changes;
    bool operator==(const TableDesign&) const = default;
};

struct DesignStatement {
    enum class Phase {
        Transaction, // in the one transaction, under lock_timeout
        After,       // after the commit, each in a transaction of its own (VALIDATE CONSTRAINT)
        Outside,     // after the commit, outside any transaction (CREATE INDEX CONCURRENTLY)
    };
    QString sql;
    Phase phase = Phase::Transaction;
    // Drops or may change stored data (DROP COLUMN, a type change): applied only when confirmed.
    bool destructive = false;
    QString description; // "drop column email (its data is lost)"
};

// Pure: the statements as one script, each ended by ";" on its own line (what the lock analysis reads and
// the SQL pages show), secrets masked (a subscription's password: maskStatementSecrets). Never sent.
QString designScript(const QList<DesignStatement>& statements);

// Pure: statements written elsewhere (GRANT, REVOKE, CREATE ROLE …) as steps of the one transaction.
QList<DesignStatement> transactionStatements(const QStringList& sql);

// Pure: one balanced SQL fragment for a slot of a statement (a type, a default, a predicate): no `;`
// outside quotes, parentheses balanced, no quote, comment or dollar quote left open, no comment, and no
// comma outside parentheses unless `list` (a default of "1, DROP COLUMN x" would add a step to ALTER
// TABLE). Throws ConfigurationError naming `what` otherwise.
void checkSqlFragment(const QString& fragment, const QString& what, bool list = false);
// stringLiteral() lives in base (sqlquote.h): the value panel's paths write literals too.

// Pure: the statements that make the design real, in order: one transaction for most, then the steps that
// must follow the commit. NOT NULL on an existing table goes through a validated check constraint
// (PostgreSQL 12 and later skip the scan under the lock then). Throws ConfigurationError for a design
// that cannot be written (a column without a name or type, a bad fragment).
QList<DesignStatement> designStatements(const TableDesign& design, int serverVersion = 150000);

// Pure: "name type [COLLATE c] [DEFAULT expr] [NOT NULL | NULL]" as a column (the CLI's --add-column, a
// designer's quick add); an unquoted name is folded to lower case as SQL does. ConfigurationError otherwise.
ColumnSpec columnSpecFromText(const QString& text);

// Pure: CREATE POLICY for `quotedTable`; roles quoted ("public" or none: PUBLIC), USING and WITH CHECK
// checked as fragments and refused where the command has none (INSERT has no USING, SELECT and DELETE no
// WITH CHECK). ConfigurationError otherwise.
QString createPolicySql(const RowPolicy& policy, const QString& quotedTable);

// Pure: ALTER POLICY `name` with the roles and the non-empty USING / WITH CHECK of `policy`, then RENAME TO
// when its name differs. The same checks as createPolicySql (its command only decides which clause it takes).
QStringList alterPolicySql(const QString& name, const RowPolicy& policy, const QString& quotedTable);

// Pure: "name [AS PERMISSIVE|RESTRICTIVE] [FOR command] [TO role[, role]] [USING (expr)] [WITH CHECK
// (expr)]", CREATE POLICY's words after the name (the CLI's --add-policy); an unquoted name is folded to
// lower case.
RowPolicy policyFromText(const QString& text);

QJsonObject designToJson(const TableDesign& design);
TableDesign designFromJson(const QJsonObject& json); // ConfigurationError when it is not a design

} // namespace pgdesk::core
