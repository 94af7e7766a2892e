// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/softdelete.h>
#include <pgdesk/core/session/result.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdesk::core {

class Connection;

// Query: the result of a read-only SQL query used as a source (CatalogReader::describeQuery).
enum class RelationKind { Table, PartitionedTable, View, MaterializedView, ForeignTable, Query };
QString relationKindName(RelationKind kind); // "table", "partitioned_table", "view", …
// pg_class.relkind ("r", "p", "v", "m", "f") as a RelationKind; anything else is a Table.
RelationKind relationKindFromRelkind(const QString& relkind);

// Broad family of a column's type; decides which filter operations and editors fit.
enum class TypeCategory {
    Boolean,
    Integer,
    Numeric,
    Float,
    Text,
    Uuid,
    Date,
    Time,
    Timestamp,
    Interval,
    Json,
    Array,
    Bytea,
    Network,
    Range,
    Enum,
    TsVector,
    Other
};

struct ColumnInfo {
    QString name;
    int number = 0;       // attnum
    Oid typeOid = 0;      // the column's type (a domain's own OID for domain columns)
    QString typeName;     // format_type with modifiers: "numeric(12,2)", "character varying(20)", "text[]"
    Oid baseTypeOid = 0;  // for domains: the base type; else == typeOid
    QString baseTypeName; // for domains: base type name; else == typeName
    QString domainName;   // non-empty for domain columns
    TypeCategory category = TypeCategory::Other;
    Oid elementTypeOid = 0;  // for arrays
    QString elementTypeName; // for arrays: "text", "integer"
    QStringList enumLabels;  // for enum columns (and arrays of enums), in sort order
    bool notNull = false;
    QString defaultExpression; // pg_get_expr of the default, empty if none
    bool isIdentity = false;   // GENERATED … AS IDENTITY
    bool identityAlways = false;
    bool isGenerated = false; // GENERATED ALWAYS AS (…) STORED
    QString comment;
    // The text search configuration the catalog says the column is searched with: named in a generated
    // tsvector's to_tsvector('english', …) or in an expression index to_tsvector('english', column);
    // empty when it says none. full_text filters use it (a tsvector built with English finds nothing
    // under another configuration).
    QString textSearchConfig;
    // The role's column privileges (GRANT SELECT (a, b) ON t …): the table's own privileges unless the
    // column has grants of its own. A column without SELECT is kept out of TableInfo::columns.
    bool canSelect = true;
    bool canInsert = true;
    bool canUpdate = true;
    // A query result's column (CatalogReader::describeQuery): the table and attnum it is a plain reference
    // to, as the server's row description says (PQftable / PQftablecol); 0 for an expression.
    Oid sourceTable = 0;
    int sourceColumn = 0;

    bool isTextLike() const; // text, varchar, char, citext-like, enums, name
};

struct UniqueConstraint {
    QString name;
    QStringList columns;
    bool isPrimaryKey = false;
    bool isIndexOnly = false; // a unique index that is not a constraint
    bool isPartial = false;   // partial unique index (cannot identify rows)
};

struct ForeignKey {
    QString name;
    QString schema; // referencing side
    QString table;
    QStringList columns;
    QString refSchema; // referenced side
    QString refTable;
    QStringList refColumns;
};

struct CheckConstraint {
    QString name;
    QString definition; // pg_get_constraintdef
};

// Conventions detected on a table; they drive the default view and editing.
struct Conventions {
    QStringList
        rowKey; // primary key, else a NOT NULL unique constraint; empty = read-only (ctid opt-in later)
    QString rowKeySource; // "primary_key", "unique:<name>", or "" when none
    SoftDeleteKind softDelete = SoftDeleteKind::None;
    QString softDeleteColumn;        // deleted_at / is_deleted / deleted / is_active / active
    QString createdAtColumn;         // created_at …
    QString updatedAtColumn;         // updated_at, last_update, modified_at …
    bool updatedAtByTrigger = false; // a BEFORE UPDATE row trigger exists (assume it maintains the column)
    bool uuidKey = false;            // single-column uuid row key
};

struct Privileges {
    bool select = false;
    bool insert = false;
    bool update = false;
    bool remove = false; // DELETE
};

struct TableInfo {
    Oid oid = 0;
    QString schema;
    QString name;
    RelationKind kind = RelationKind::Table;
    QString parentSchema; // for partitions: the partitioned parent
    QString parentName;
    QStringList partitions; // for partitioned tables: "schema.name" of direct partitions
    QString comment;
    double estimatedRows = 0; // reltuples, or a size-based estimate when never analyzed (-1)
    bool estimateFromSize = false;
    qint64 totalBytes = 0; // pg_total_relation_size
    Privileges privileges;
    QList<ColumnInfo> columns; // the columns this role may read (all of them with table-level SELECT)
    // Columns the role may not read (column privileges without table-level SELECT): never selected,
    // filtered or sorted on, so that browsing and exporting read the others instead of failing with
    // "permission denied for table"; describe lists them.
    QList<ColumnInfo> hiddenColumns;
    // Whether the role may read the row version (xmin: table-level SELECT, or GRANT SELECT (xmin)). Without
    // it, updates are guarded by the changed columns' values as read (Change::original) instead.
    bool versionReadable = true;
    QList<UniqueConstraint> uniques; // primary key first
    QList<ForeignKey> foreignKeys;   // this table references others
    QList<ForeignKey> referencedBy;  // others reference this table
    QList<CheckConstraint> checks;
    Conventions conventions;

    QString qualifiedName() const;                       // schema.name, unquoted, for display
    const ColumnInfo* column(const QString& name) const; // nullptr when absent (or hidden)
    // Every column, readable and hidden, in table order (attnum).
    QList<ColumnInfo> allColumns() const;
    bool isPartition() const { return !parentName.isEmpty(); }
};

// Editing a keyless table by physical position, for users who opt in: the table as a browser sees it,
// with a read-only, NOT NULL "ctid" column (type tid) first and ctid as its row key (rowKeySource "ctid"),
// so browsing, sorting, keyset paging and filters treat ctid like any key. Edits then go through a
// ChangeSet with useCtid (each row guarded by its version) on tableWithoutCtidKey(). Only plain tables
// without a row key qualify (a partitioned table's ctids repeat across partitions): else unchanged.
bool canEditByCtid(const TableInfo& table);
TableInfo tableWithCtidKey(TableInfo table);
bool isCtidKeyed(const TableInfo& table);
TableInfo tableWithoutCtidKey(TableInfo table);

} // namespace pgdesk::core
