// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one reading of a relation's parts (columns, constraints, indexes, triggers, policies): a statement each
// over a scope of relation oids, expressions pretty or exact, parents' columns and the Structure page's
// detail on request. The Structure page's Structure*, the compare snapshot's ColumnShape and TablePart and
// DdlWriter's lines are projections of them, so a part's facts are taught once. The ERD and completion keep
// listing readers of their own, tuned for 10,000 tables.

#include <pgdesk/core/session/connection.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <utility>

namespace pgdesk::core {

// One grant of a column (aclexplode), in the ACL's order: roles as quote_ident prints them, "PUBLIC".
struct CatalogGrant {
    QString grantee;
    QString grantor;
    QString privilege; // "SELECT", "UPDATE", …
    bool grantable = false;
};

// The sequence an identity column draws from, with its options.
struct CatalogIdentitySequence {
    QString schema; // plain
    QString name;
    QString quotedSchema; // quote_ident
    QString quotedName;
    QString start, increment, min, max, cache;
    bool cycle = false;
};

// A column as the catalog has it: the one reading of columns that each view of a relation projects (the
// Structure page's StructureColumn, the compare snapshot's ColumnShape, the CREATE script's column lines),
// so a column's facts are taught once. Names plain; types and expressions the server's text (format_type,
// pg_get_expr) under the reading session's search_path.
struct CatalogColumn {
    qint64 relation = 0; // attrelid
    int position = 0;    // attnum
    QString name;
    QString quotedName; // quote_ident: quoted only where SQL needs it, as pg_dump writes names
    QString type;       // format_type with modifiers: "character varying(20)", a domain's name
    // When not the type's default: its schema and name, plain and as quote_ident writes them.
    QString collationSchema;
    QString collationName;
    QString collationQuotedSchema;
    QString collationQuotedName;
    bool notNull = false;
    bool isLocal = true; // false: inherited from a parent only (partition, INHERITS)
    QString defaultExpression;
    QString generatedExpression; // GENERATED ALWAYS AS (…) STORED: the expression
    QString identity;            // "a" always, "d" by default, empty
    std::optional<CatalogIdentitySequence> identitySequence;
    QString comment;
    char storage = 'p';     // attstorage: p plain, m main, e external, x extended
    char typeStorage = 'p'; // its type's (typstorage): a storage of its own when they differ
    int statistics = -1;    // attstattarget when set
    QStringList acl;        // its own grants as aclitem text ("alice=r/postgres"); empty when none
    QList<CatalogGrant> grants;
    // Read with ParentColumns::Read: the column of that name in the first parent (partition, INHERITS).
    bool hasParent = false;
    QString parentDefault;
    bool parentNotNull = false;

    // The collation as SQL names it with pg_catalog first on the search path (a pg_catalog one unqualified).
    QString collationSql() const;
    QString storageName() const; // of storage: see the function below
};

// An attstorage as SET STORAGE names it (in any case): "plain", "main", "external" or "extended".
QString storageName(char attstorage);

// How expressions are printed: as pg_dump prints them (to compare and to run), or pretty (to read).
enum class ExpressionStyle { Exact, Pretty };
// Whether the parent's column of each is read too (a CREATE script writes only what a child sets apart).
enum class ParentColumns { Skip, Read };

// The statement reading the columns of the relations `scope` selects (a query with their oids in a column
// named oid; `params` are its parameters), unordered: a reader puts each relation's in position order.
BatchStatement catalogColumnsStatement(const QString& scope, const Params& params, ExpressionStyle style,
                                       ParentColumns parents = ParentColumns::Skip);
// Each column of that statement's result, as it comes.
void forEachCatalogColumn(const Result& result, const std::function<void(CatalogColumn&&)>& each);

// A trigger as the catalog has it (not the internal ones behind foreign keys), for every reader of triggers.
struct CatalogTrigger {
    qint64 relation = 0; // tgrelid
    QString name;
    QString quotedName;     // quote_ident
    QString definition;     // pg_get_triggerdef
    int typeBits = 0;       // tgtype: ROW 1, BEFORE 2, INSERT 4, DELETE 8, UPDATE 16, TRUNCATE 32, INSTEAD 64
    char enabled = 'O';     // tgenabled: O origin, D disabled, R replica, A always
    QString function;       // regprocedure text: "audit_row()"
    bool inherited = false; // cloned onto a partition from its parent's (which a script makes instead)
    QString comment;
};

// The triggers of the relations `scope` selects, by relation and name.
BatchStatement catalogTriggersStatement(const QString& scope, const Params& params, ExpressionStyle style);
void forEachCatalogTrigger(const Result& result, const std::function<void(CatalogTrigger&&)>& each);

// A role a policy applies to: its name plain and as quote_ident writes it; PUBLIC has no name.
struct CatalogPolicyRole {
    QString name;   // empty: PUBLIC
    QString quoted; // "PUBLIC" for PUBLIC
};

// A row-level security policy as the catalog has it.
struct CatalogPolicy {
    qint64 relation = 0; // polrelid
    QString name;
    QString quotedName;
    bool permissive = true;
    char command = '*';             // polcmd: r SELECT, a INSERT, w UPDATE, d DELETE, * ALL
    QList<CatalogPolicyRole> roles; // in polroles order
    QString usingExpression;        // empty: none
    QString withCheckExpression;
    QString comment;

    QString commandKeyword() const; // "SELECT", …, "ALL"
};

// The policies of the relations `scope` selects, by relation and name.
BatchStatement catalogPoliciesStatement(const QString& scope, const Params& params, ExpressionStyle style);
void forEachCatalogPolicy(const Result& result, const std::function<void(CatalogPolicy&&)>& each);

// How much of a constraint or index is read: what a script and a compare need, or also what the Structure
// page shows (key columns, what a foreign key references and does, an index's keys, size and use).
enum class PartDetail { Definition, Full };

// A constraint (primary key, unique, exclusion, check, foreign key) as the catalog has it.
struct CatalogConstraint {
    qint64 relation = 0; // conrelid
    QString name;
    QString quotedName; // quote_ident
    char kind = 'c';    // contype: p u x c f
    QString definition; // pg_get_constraintdef, with " NOT VALID" where not validated
    bool validated = true;
    bool isLocal = true;    // conislocal: declared on this table (also when inherited too)
    bool inherited = false; // coninhcount > 0: from a parent (partition, INHERITS)
    bool cloned = false;    // conparentid set: made for a partition from its parent's, which a script makes
    // A foreign key's clone for a partition of the table it references (same table as its parent): the
    // declared key stands for it.
    bool referenceClone = false;
    QString indexName; // p u x: the index behind it
    bool deferrable = false;
    bool deferred = false;
    QString comment;
    // Read with PartDetail::Full: the key's columns by name in key order, and what a foreign key references.
    QStringList columns;
    QString refSchema;
    QString refTable;
    QStringList refColumns;
    char onUpdate = 'a'; // confupdtype: a no action, r restrict, c cascade, n set null, d set default
    char onDelete = 'a';
    char matchType = 's'; // confmatchtype: s simple, f full, p partial
};

// The constraints of the relations `scope` selects, by relation and name.
BatchStatement catalogConstraintsStatement(const QString& scope, const Params& params, ExpressionStyle style,
                                           PartDetail detail = PartDetail::Definition);
void forEachCatalogConstraint(const Result& result, const std::function<void(CatalogConstraint&&)>& each);

// An index as the catalog has it.
struct CatalogIndex {
    qint64 relation = 0; // indrelid
    QString name;
    QString quotedName;         // quote_ident
    QString qualifiedName;      // schema.index, each quoted where SQL needs it
    QString tableQualifiedName; // its table's, as pg_get_indexdef names it
    QString tableQuotedName;
    QString definition;     // pg_get_indexdef
    QString constraintName; // the primary key, unique or exclusion constraint it backs; empty otherwise
    bool unique = false;
    bool primary = false;
    bool exclusion = false;
    bool valid = true; // false after a failed CREATE INDEX CONCURRENTLY
    bool ready = true;
    bool clustered = false;
    QString parentIndex; // qualified: the partitioned table's index it is attached to
    // Statistics targets set on its columns (expressions): (column number, target), in column order.
    QList<std::pair<int, int>> statistics;
    QString comment;
    // Read with PartDetail::Full.
    QString method;       // "btree", "gin", …
    QStringList keys;     // key columns or expressions, in order
    QStringList included; // INCLUDE columns
    QString predicate;    // a partial index's WHERE, without the keyword
    qint64 sizeBytes = 0;
    std::optional<qint64> scans; // none without statistics

    QString statisticsText() const; // "2 500, 3 100"
};

// The indexes of the relations `scope` selects, by relation and name; with PartDetail::Definition not those
// behind a constraint (a script and a compare make them with it).
BatchStatement catalogIndexesStatement(const QString& scope, const Params& params, ExpressionStyle style,
                                       PartDetail detail = PartDetail::Definition);
void forEachCatalogIndex(const Result& result, const std::function<void(CatalogIndex&&)>& each);

} // namespace pgdesk::core
