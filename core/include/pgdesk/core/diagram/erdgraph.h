// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The graph an ER diagram draws: tables with their columns (key and nullability marks) and the foreign keys
// between them, with the cardinality each end has. Read from the catalog in a few bulk statements (every
// foreign key of the database in one, the chosen tables' columns in another: a database of thousands of
// tables in well under a second), grown on demand, written as Mermaid or DOT.

#include <pgdesk/core/catalog/catalog.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace pgdesk::core {

class Connection;

struct ErdColumn {
    QString name;
    QString type; // format_type, with modifiers: "numeric(12,2)"
    bool notNull = false;
    bool primaryKey = false;
    bool foreignKey = false; // part of a foreign key of its table
};

struct ErdTable {
    Oid oid = 0;
    QString schema;
    QString name;
    RelationKind kind = RelationKind::Table; // a table, partitioned table or foreign table
    QList<ErdColumn> columns;

    QString qualifiedName() const; // schema.name, unquoted, for display
};

// A foreign key: `from` (the referencing table, the "many" end) references `to` (the "one" end).
struct ErdEdge {
    int from = -1; // indexes into ErdGraph::tables
    int to = -1;
    QString name;
    QStringList fromColumns; // in the key's order, matched one to one with toColumns
    QStringList toColumns;
    bool required = false; // every referencing column NOT NULL: each row has exactly one parent, else 0..1
    bool oneToOne = false; // the referencing columns are unique on their own: at most one child per parent

    bool isSelfReference() const { return from == to; }
};

struct ErdGraph {
    QList<ErdTable> tables;
    QList<ErdEdge> edges;

    int indexOf(const QString& schema, const QString& name) const; // -1 when absent
    int indexOf(Oid oid) const;
    bool isEmpty() const { return tables.isEmpty(); }
};

// The tables of these schemas (plain, partitioned and foreign tables; partitions are drawn as their parent)
// and the foreign keys among them.
ErdGraph readErdSchemas(Connection& connection, const QStringList& schemas);
// The table and every table within `depth` foreign-key steps of it, either way (referencing and referenced,
// across schemas), with the keys among them. A partition stands for its partitioned root; an unknown table is
// NotFound.
ErdGraph readErdNeighbourhood(Connection& connection, const QString& schema, const QString& table, int depth);
// Chosen tables and the foreign keys among them (an unknown one is NotFound).
ErdGraph readErdTables(Connection& connection, const QList<std::pair<QString, QString>>& tables);
// A diagram grown on demand: `graph`'s tables and those within `depth` steps of its table `table`, read
// again with every key among them (tables in `graph`'s order first, the new ones after).
ErdGraph readErdGrown(Connection& connection, const ErdGraph& graph, int table, int depth);

// Pure: the part of `graph` within `depth` steps of table `root`, either way, tables in the graph's order.
ErdGraph erdNeighbourhood(const ErdGraph& graph, int root, int depth);

} // namespace pgdesk::core
