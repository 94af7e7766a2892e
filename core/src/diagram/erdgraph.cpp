// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/diagram/erdgraph.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/param.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/session/connection.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <deque>

namespace pgdesk::core {

namespace {

// A foreign key as the whole database has it, before its tables are read. Constraints a partition inherits
// from its partitioned parent (conparentid) are the parent's, drawn once.
struct Link {
    Oid from = 0;
    Oid to = 0;
    QString name;
    QStringList fromColumns;
    QStringList toColumns;
    bool required = false;
    bool oneToOne = false;
};

const char* const kLinksSql = R"sql(
SELECT c.conrelid, c.confrelid, c.conname,
       (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(n, ord)
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS from_columns,
       (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(n, ord)
          JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS to_columns,
       (SELECT bool_and(a.attnotnull) FROM pg_attribute a
         WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)) AS required,
       EXISTS (SELECT 1 FROM pg_index i
                WHERE i.indrelid = c.conrelid AND i.indisunique AND i.indpred IS NULL
                  AND i.indnkeyatts = cardinality(c.conkey)
                  AND string_to_array(i.indkey::text, ' ')::int2[] @> c.conkey
                  AND string_to_array(i.indkey::text, ' ')::int2[] <@ c.conkey) AS one_to_one
  FROM pg_constraint c
 WHERE c.contype = 'f' AND c.conparentid = 0
 ORDER BY c.conrelid, c.conname
)sql";

QStringList names(const QByteArray& json) {
    QStringList out;
    for (const QJsonValue& v : QJsonDocument::fromJson(json).array())
        out << v.toString();
    return out;
}

QList<Link> readLinks(Connection& connection) {
    const Result r = connection.exec(QString::fromLatin1(kLinksSql), Params{});
    QList<Link> links;
    links.reserve(r.rowCount());
    for (int i = 0; i < r.rowCount(); ++i) {
        Link l;
        l.from = r.text(i, 0).toUInt();
        l.to = r.text(i, 1).toUInt();
        l.name = r.text(i, 2);
        l.fromColumns = names(r.bytes(i, 3));
        l.toColumns = names(r.bytes(i, 4));
        l.required = r.text(i, 5) == QLatin1String("t");
        l.oneToOne = r.text(i, 6) == QLatin1String("t");
        links << l;
    }
    return links;
}

// Tables (not partitions: their parent stands for them) with their columns, primary key marked; in the order
// given (oids) or by schema and name (a schema read).
const char* const kTablesSql = R"sql(
SELECT c.oid, n.nspname, c.relname, c.relkind,
       (SELECT json_agg(json_build_array(a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                                         COALESCE(a.attnum = ANY (pk.conkey), false)) ORDER BY a.attnum)
          FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_constraint pk ON pk.conrelid = c.oid AND pk.contype = 'p'
 WHERE c.relkind IN ('r', 'p', 'f') AND NOT c.relispartition AND %1
 ORDER BY %2
)sql";

ErdTable tableFrom(const Result& r, int i) {
    ErdTable t;
    t.oid = r.text(i, 0).toUInt();
    t.schema = r.text(i, 1);
    t.name = r.text(i, 2);
    const QString kind = r.text(i, 3);
    t.kind = kind == QLatin1String("p")   ? RelationKind::PartitionedTable
             : kind == QLatin1String("f") ? RelationKind::ForeignTable
                                          : RelationKind::Table;
    for (const QJsonValue& v : QJsonDocument::fromJson(r.bytes(i, 4)).array()) {
        const QJsonArray a = v.toArray();
        t.columns << ErdColumn{a.at(0).toString(), a.at(1).toString(), a.at(2).toBool(), a.at(3).toBool(),
                               false};
    }
    return t;
}

// The graph of these tables and the links among them; columns in a key marked.
ErdGraph assemble(QList<ErdTable> tables, const QList<Link>& links) {
    ErdGraph g;
    g.tables = std::move(tables);
    QHash<Oid, int> at;
    for (int i = 0; i < g.tables.size(); ++i)
        at.insert(g.tables[i].oid, i);
    for (const Link& l : links) {
        const int from = at.value(l.from, -1);
        const int to = at.value(l.to, -1);
        if (from < 0)
            continue;
        for (ErdColumn& c : g.tables[from].columns) { // a key column even when its table is not drawn
            if (l.fromColumns.contains(c.name))
                c.foreignKey = true;
        }
        if (to >= 0)
            g.edges << ErdEdge{from, to, l.name, l.fromColumns, l.toColumns, l.required, l.oneToOne};
    }
    return g;
}

QList<ErdTable> readTablesByOid(Connection& connection, const QList<Oid>& oids) {
    QStringList texts;
    for (const Oid o : oids)
        texts << QString::number(o);
    const Result r = connection.exec(QString::fromLatin1(kTablesSql)
                                         .arg(QStringLiteral("c.oid = ANY ($1::oid[])"),
                                              QStringLiteral("array_position($1::oid[], c.oid)")),
                                     {param(arrayLiteral(texts))});
    QList<ErdTable> tables;
    for (int i = 0; i < r.rowCount(); ++i)
        tables << tableFrom(r, i);
    return tables;
}

// A partition's partitioned root (pg_partition_root, PostgreSQL 12 and later; before, partitions are drawn
// as themselves), as SQL over pg_class c.
QString rootOid(const Connection& connection) {
    return connection.serverVersion() >= 120000
               ? QStringLiteral("COALESCE(pg_partition_root(c.oid)::oid, c.oid)")
               : QStringLiteral("c.oid");
}

Oid oidOf(Connection& connection, const QString& schema, const QString& table) {
    const Result r = connection.exec(
        // A partition stands for its partitioned root, as the diagram draws it.
        QStringLiteral("SELECT %1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                       "WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p', 'f')")
            .arg(rootOid(connection)),
        {param(schema), param(table)});
    if (r.rowCount() == 0)
        throwError(
            ErrorKind::NotFound,
            QStringLiteral("no table %1.%2 to draw").arg(quoteIdentifier(schema), quoteIdentifier(table)));
    return r.text(0, 0).toUInt();
}

// Breadth first over the links (pairs of ends), both ways: everything within `depth` steps of the roots,
// roots first, then by distance.
template <typename K> QList<K> around(const QList<std::pair<K, K>>& links, const QList<K>& roots, int depth) {
    QHash<K, QList<K>> next;
    for (const auto& [a, b] : links) {
        next[a] << b;
        next[b] << a;
    }
    QList<K> order = roots;
    QHash<K, int> distance;
    std::deque<K> queue;
    for (const K& r : roots) {
        distance.insert(r, 0);
        queue.push_back(r);
    }
    while (!queue.empty()) {
        const K o = queue.front();
        queue.pop_front();
        const int d = distance.value(o);
        if (d >= depth)
            continue;
        for (const K& n : next.value(o)) {
            if (distance.contains(n))
                continue;
            distance.insert(n, d + 1);
            order << n;
            queue.push_back(n);
        }
    }
    return order;
}

QList<Oid> around(const QList<Link>& links, Oid root, int depth) {
    QList<std::pair<Oid, Oid>> pairs;
    pairs.reserve(links.size());
    for (const Link& l : links)
        pairs << std::pair{l.from, l.to};
    return around<Oid>(pairs, {root}, std::max(0, depth));
}

} // namespace

QString ErdTable::qualifiedName() const {
    return schema + QLatin1Char('.') + name;
}

int ErdGraph::indexOf(const QString& schema, const QString& name) const {
    for (int i = 0; i < tables.size(); ++i) {
        if (tables[i].schema == schema && tables[i].name == name)
            return i;
    }
    return -1;
}

int ErdGraph::indexOf(Oid oid) const {
    for (int i = 0; i < tables.size(); ++i) {
        if (tables[i].oid == oid)
            return i;
    }
    return -1;
}

ErdGraph readErdSchemas(Connection& connection, const QStringList& schemas) {
    const Result r = connection.exec(
        QString::fromLatin1(kTablesSql)
            .arg(QStringLiteral("n.nspname = ANY ($1::text[])"), QStringLiteral("n.nspname, c.relname")),
        {param(arrayLiteral(schemas))});
    QList<ErdTable> tables;
    tables.reserve(r.rowCount());
    for (int i = 0; i < r.rowCount(); ++i)
        tables << tableFrom(r, i);
    return assemble(std::move(tables), readLinks(connection));
}

ErdGraph readErdNeighbourhood(Connection& connection, const QString& schema, const QString& table,
                              int depth) {
    const Oid root = oidOf(connection, schema, table);
    const QList<Link> links = readLinks(connection);
    return assemble(readTablesByOid(connection, around(links, root, depth)), links);
}

ErdGraph readErdTables(Connection& connection, const QList<std::pair<QString, QString>>& tables) {
    // Every name resolved in one statement (a diagram of thousands of tables grows by one without thousands
    // of round trips), in the order given.
    QStringList schemas;
    QStringList names;
    for (const auto& [schema, name] : tables) {
        schemas << schema;
        names << name;
    }
    const Result r =
        connection.exec(QStringLiteral("SELECT t.i, COALESCE(pg_partition_root(c.oid)::oid, c.oid) "
                                       "FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(s, n, i) "
                                       "LEFT JOIN pg_namespace ns ON ns.nspname = t.s "
                                       "LEFT JOIN pg_class c ON c.relnamespace = ns.oid AND c.relname = t.n "
                                       "AND c.relkind IN ('r', 'p', 'f') ORDER BY t.i"),
                        {param(arrayLiteral(schemas)), param(arrayLiteral(names))});
    QList<Oid> oids;
    QSet<Oid> seen;
    for (int i = 0; i < r.rowCount(); ++i) {
        if (r.isNull(i, 1)) {
            const auto& [schema, name] = tables[r.text(i, 0).toInt() - 1];
            throwError(
                ErrorKind::NotFound,
                QStringLiteral("no table %1.%2 to draw").arg(quoteIdentifier(schema), quoteIdentifier(name)));
        }
        const Oid o = r.text(i, 1).toUInt();
        if (!seen.contains(o)) {
            seen.insert(o);
            oids << o;
        }
    }
    return assemble(readTablesByOid(connection, oids), readLinks(connection));
}

ErdGraph readErdGrown(Connection& connection, const ErdGraph& graph, int table, int depth) {
    if (table < 0 || table >= graph.tables.size())
        throwError(ErrorKind::Configuration, QStringLiteral("no such table in the diagram"));
    const QList<Link> links = readLinks(connection);
    QList<Oid> oids;
    QSet<Oid> seen;
    for (const ErdTable& t : graph.tables) {
        oids << t.oid;
        seen.insert(t.oid);
    }
    for (const Oid o : around(links, graph.tables[table].oid, depth)) {
        if (!seen.contains(o)) {
            seen.insert(o);
            oids << o;
        }
    }
    return assemble(readTablesByOid(connection, oids), links);
}

ErdGraph erdNeighbourhood(const ErdGraph& graph, int root, int depth) {
    if (root < 0 || root >= graph.tables.size())
        return {};
    QList<std::pair<int, int>> pairs;
    for (const ErdEdge& e : graph.edges)
        pairs << std::pair{e.from, e.to};
    const QList<int> reached = around<int>(pairs, {root}, std::max(0, depth));
    const QSet<int> keep(reached.begin(), reached.end());
    ErdGraph g;
    QHash<int, int> mapped;
    for (int i = 0; i < graph.tables.size(); ++i) {
        if (keep.contains(i)) {
            mapped.insert(i, int(g.tables.size()));
            g.tables << graph.tables[i];
        }
    }
    for (ErdEdge e : graph.edges) {
        if (mapped.contains(e.from) && mapped.contains(e.to)) {
            e.from = mapped.value(e.from);
            e.to = mapped.value(e.to);
            g.edges << e;
        }
    }
    return g;
}

} // namespace pgdesk::core
