// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/session/connection.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

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
};

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

} // namespace pgdesk::core
