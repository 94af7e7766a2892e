// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/admin/loadorder.h>

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace pgdesk::core {

class Connection;

// What a schema holds, read once from the catalog, as a compare and a migration need it. Names are plain
// (unquoted); definitions come from the server's pg_get_*def with the schema's own names unqualified (so a
// schema compares with one of another name) and other schemas' names qualified. Objects that belong to an
// extension are left out: CREATE EXTENSION makes them.
struct ColumnShape {
    QString name;
    int position = 0;  // attnum: column order is no difference, but it tells a rename from a drop and an add
    QString type;      // format_type: "character varying(20)"
    QString collation; // when not the type's default
    bool notNull = false;
    bool isLocal = true; // false: inherited from a parent (partition, INHERITS)
    QString defaultExpression;
    QString generatedExpression; // GENERATED ALWAYS AS (…) STORED
    QString identity;            // "a" always, "d" by default, empty
    QString identityOptions;
    QString comment;
    int statistics = -1;
    QString acl;            // column privileges, sorted lines
    char storage = 'x';     // attstorage (storageName), SET STORAGE where not its type's
    char typeStorage = 'x'; // its type's: what a column not set apart has

    // Member by member, order and position included: equal shapes have equal compare texts (schemadiff.h),
    // and most of a schema's relations are equal ones, told so without making their texts.
    friend bool operator==(const ColumnShape&, const ColumnShape&) = default;
};

} // namespace pgdesk::core
// Moved in memory as they grow (a list of 40,000 columns grown by copies was 7 % of a compare).
Q_DECLARE_TYPEINFO(pgdesk::core::ColumnShape, Q_RELOCATABLE_TYPE);
namespace pgdesk::core {

// A constraint, index, trigger or policy: named within its table.
struct TablePart {
    QString name;
    QString definition; // pg_get_constraintdef (with NOT VALID), pg_get_indexdef, pg_get_triggerdef, policy
    QString comment;
    QString kind;          // constraint: p u x c f; trigger: its tgenabled
    bool validated = true; // constraint
    QString statistics;    // index: "column target, …" where an expression's statistics target is set

    friend bool operator==(const TablePart&, const TablePart&) = default;
};

struct RelationShape {
    QString name;
    QString kind; // relkind: r table, p partitioned table, v view, m materialized view, f foreign table
    QString persistence;
    QString options; // storage parameters, sorted
    QString partitionKey;
    QString partitionBound;
    QString parents; // INHERITS / PARTITION OF parents, as regclass prints them
    QString ofType;
    bool rowSecurity = false;
    bool forceRowSecurity = false;
    QString viewDefinition;
    QString comment;
    QString acl;
    QList<ColumnShape> columns;
    QList<TablePart> constraints;
    QList<TablePart> indexes;
    QList<TablePart> triggers;
    QList<TablePart> policies;
    // A partition's constraints and indexes that follow its parent's (or a child's inherited checks): not
    // compared, but after a detach they stay as the table's own, under these names and definitions.
    QList<TablePart> inheritedConstraints;
    QList<TablePart> inheritedIndexes;

    bool isView() const { return kind == QLatin1String("v") || kind == QLatin1String("m"); }
    bool isPartition() const { return !partitionBound.isEmpty(); }
    const ColumnShape* column(const QString& name) const;

    friend bool operator==(const RelationShape&, const RelationShape&) = default;
};

struct FunctionShape {
    QString name;              // proname
    QString identityArguments; // "integer, text"
    QString kind;              // prokind: f function, p procedure, a aggregate, w window
    QString definition; // CREATE OR REPLACE FUNCTION with the schema's name left out (aggregate: its parts)
    QString result;     // pg_get_function_result
    QString arguments;  // pg_get_function_arguments (names and defaults)
    QString comment;
    QString acl;

    QString signature() const { return name + QLatin1Char('(') + identityArguments + QLatin1Char(')'); }
};

struct TypeShape {
    QString name;
    QString kind;                              // typtype: e enum, d domain, c composite, r range
    QStringList labels;                        // enum
    QString baseType;                          // domain
    bool notNull = false;                      // domain
    QString defaultExpression;                 // domain
    QList<TablePart> checks;                   // domain
    QList<QPair<QString, QString>> attributes; // composite: name, type
    QString subtype;                           // range
    QString comment;
    QString acl;
};

struct SequenceShape {
    QString name;
    QString dataType;
    QString start, increment, min, max, cache;
    bool cycle = false;
    QString ownedBy; // table.column
    // The owning column when its table is in the sequence's schema: dropping it (or its table) drops the
    // sequence too.
    QString ownedTable, ownedColumn;
    QString comment;
    QString acl;
};

struct CollationShape {
    QString name;
    QString definition; // CREATE COLLATION's options: "provider = icu, deterministic = false, locale = '…'"
    QString comment;
};

struct SchemaSnapshot {
    QString schema;
    int serverVersion = 0;
    QList<RelationShape> relations;
    QList<FunctionShape> functions;
    QList<TypeShape> types;
    QList<SequenceShape> sequences;
    QList<CollationShape> collations;
    QStringList extensions;
    QHash<QString, QString> extensionVersions; // name → extversion
    // What a type change may say in USING, from the server's catalog (type names as columns show them):
    // pg_cast's pairs ("source\ntarget"), the string types (an explicit cast from or to one goes through
    // text I/O), and each domain's base type.
    QSet<QString> casts;
    QSet<QString> stringTypes;
    QHash<QString, QString> domainBases;
    // Between the schema's objects, by snapshot key ("relation:customer", "function:f(integer)",
    // "type:mood", "sequence:s"): (dependent, referenced), as pg_depend says.
    DependencyEdges dependencies;

    const RelationShape* relation(const QString& name) const;
};

// Reads a schema in one round trip (the catalog's lock timeout applies). Throws NotFound when the schema
// does not exist. Read with pg_catalog first on the path and read only, so none of the schema's functions
// (one shadowing format_type …) is called: its owner must not run code as whoever compares it.
SchemaSnapshot readSchemaSnapshot(Connection& connection, const QString& schema);
// Whether the table has a row (a NOT NULL column added without a default needs a value then).
bool tableHasRows(Connection& connection, const QString& schema, const QString& table);
// Whether a row of the table holds NULL in the column (one indexed or sequential probe, stopping at the
// first).
bool columnHasNulls(Connection& connection, const QString& schema, const QString& table,
                    const QString& column);

} // namespace pgdesk::core
