// SPDX-License-Identifier: GPL-3.0-or-later
// The ER diagram's graph read from the real server: the neighbourhood of a table at depth 1 and 2 on a
// schema with a cycle, a self-reference, composite and identifying keys, a one-to-one key, a table in
// another schema, a partitioned table (drawn as itself, never its partitions) and a hostile name holds
// exactly the expected tables and edges, with cardinalities and key marks; a schema, chosen tables and a
// grown diagram likewise.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/diagram/erdgraph.h>
#include <pgdesk/core/session/connection.h>

#include <QTest>

using namespace pgdesk::core;

class TestErdGraph final : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_other; // first: dropped after the connection closes
    std::optional<pgdesk::test::ScratchSchema> m_scratch;
    Connection m_c;
    const QString m_schema = QStringLiteral("erd_%1").arg(QCoreApplication::applicationPid());
    const QString m_otherSchema = QStringLiteral("erd_other_%1").arg(QCoreApplication::applicationPid());
    const QString m_weird = QStringLiteral("we\"ird */ $$\n");

    // "table" names, the schema left out when it is the suite's, sorted.
    QStringList tableNames(const ErdGraph& g) const {
        QStringList names;
        for (const ErdTable& t : g.tables)
            names << (t.schema == m_schema ? t.name : t.qualifiedName());
        names.sort();
        return names;
    }
    // "from>to" per edge, sorted.
    QStringList edgeNames(const ErdGraph& g) const {
        QStringList names;
        for (const ErdEdge& e : g.edges) {
            const auto name = [&](int i) {
                const ErdTable& t = g.tables[i];
                return t.schema == m_schema ? t.name : t.qualifiedName();
            };
            names << name(e.from) + QLatin1Char('>') + name(e.to);
        }
        names.sort();
        return names;
    }
    const ErdEdge* edge(const ErdGraph& g, const QString& from, const QString& to) const {
        for (const ErdEdge& e : g.edges) {
            if (g.tables[e.from].name == from && g.tables[e.to].name == to)
                return &e;
        }
        return nullptr;
    }

private slots:
    void initTestCase() {
        m_c = Connection::open(pgdesk::test::profile());
        m_scratch.emplace(
            m_schema,
            QStringLiteral(
                "create table $S.customer (id int primary key, name text not null,"
                "  referrer int references $S.customer (id));"
                "create table $S.orders (id int primary key, customer_id int not null references $S.customer "
                "(id));"
                "create table $S.product (sku text, variant int, primary key (sku, variant));"
                "create table $S.order_line (order_id int references $S.orders (id), line int, sku text, "
                "variant int,"
                "  primary key (order_id, line), foreign key (sku, variant) references $S.product (sku, "
                "variant));"
                "create table $S.profile (customer_id int primary key references $S.customer (id));"
                "create table $S.a (id int primary key, b_id int);"
                "create table $S.b (id int primary key, a_id int references $S.a (id));"
                "alter table $S.a add foreign key (b_id) references $S.b (id);"
                "create table $S.island (id int primary key);"
                "create table $S.events (id int, customer_id int references $S.customer (id), at date)"
                "  partition by range (at);"
                "create table $S.events_2024 partition of $S.events for values from ('2024-01-01') to "
                "('2025-01-01');"
                "create table $S.\"we\"\"ird */ $$\n\" (id int primary key, \"co\"\"l\" int references "
                "$S.orders (id));"));
        m_other.emplace(
            m_otherSchema,
            QStringLiteral("create table $S.audit (id int, customer_id int references %1.customer (id));")
                .arg(m_schema));
    }

    void neighbourhoodAtDepthOneAndTwo() {
        const ErdGraph one = readErdNeighbourhood(m_c, m_schema, QStringLiteral("orders"), 1);
        QCOMPARE(one.tables.first().name, QStringLiteral("orders")); // the root first
        QCOMPARE(tableNames(one), (QStringList{"customer", "order_line", "orders", m_weird}));
        QCOMPARE(edgeNames(one), (QStringList{"customer>customer", "order_line>orders", "orders>customer",
                                              m_weird + QStringLiteral(">orders")}));
        const ErdGraph two = readErdNeighbourhood(m_c, m_schema, QStringLiteral("orders"), 2);
        QCOMPARE(tableNames(two), (QStringList{"customer", m_otherSchema + QStringLiteral(".audit"), "events",
                                               "order_line", "orders", "product", "profile", m_weird}));
        QCOMPARE(edgeNames(two).size(), 8);
        QVERIFY(edgeNames(two).contains(m_otherSchema + QStringLiteral(".audit>customer")));
        QVERIFY(edgeNames(two).contains(QStringLiteral("events>customer")));
        QCOMPARE(tableNames(readErdNeighbourhood(m_c, m_schema, QStringLiteral("orders"), 0)),
                 QStringList{"orders"});
        QVERIFY_THROWS_EXCEPTION(NotFound, readErdNeighbourhood(m_c, m_schema, QStringLiteral("nope"), 1));
        // A partition is not a table of the diagram: its partitioned parent stands for it.
        const ErdGraph partition = readErdNeighbourhood(m_c, m_schema, QStringLiteral("events_2024"), 1);
        QVERIFY(!partition.isEmpty());
        QCOMPARE(partition.tables.first().name, QStringLiteral("events"));
        QCOMPARE(tableNames(partition), (QStringList{"customer", "events"}));
    }

    void cycleAndSelfReference() {
        const ErdGraph cycle = readErdNeighbourhood(m_c, m_schema, QStringLiteral("a"), 5);
        QCOMPARE(tableNames(cycle), (QStringList{"a", "b"}));
        QCOMPARE(edgeNames(cycle), (QStringList{"a>b", "b>a"}));
        const ErdGraph self = readErdNeighbourhood(m_c, m_schema, QStringLiteral("customer"), 1);
        const ErdEdge* loop = edge(self, QStringLiteral("customer"), QStringLiteral("customer"));
        QVERIFY(loop && loop->isSelfReference());
        QVERIFY(!loop->required); // referrer may be NULL
        QCOMPARE(tableNames(readErdNeighbourhood(m_c, m_schema, QStringLiteral("island"), 3)),
                 QStringList{"island"});
    }

    void cardinalitiesAndKeyMarks() {
        const ErdGraph g = readErdSchemas(m_c, {m_schema});
        QCOMPARE(tableNames(g), (QStringList{"a", "b", "customer", "events", "island", "order_line", "orders",
                                             "product", "profile", m_weird}));
        const ErdEdge* composite = edge(g, QStringLiteral("order_line"), QStringLiteral("product"));
        QVERIFY(composite);
        QCOMPARE(composite->fromColumns, (QStringList{"sku", "variant"}));
        QCOMPARE(composite->toColumns, (QStringList{"sku", "variant"}));
        QVERIFY(!composite->required && !composite->oneToOne);
        const ErdEdge* required = edge(g, QStringLiteral("orders"), QStringLiteral("customer"));
        QVERIFY(required && required->required && !required->oneToOne);
        const ErdEdge* oneToOne = edge(g, QStringLiteral("profile"), QStringLiteral("customer"));
        QVERIFY(oneToOne && oneToOne->oneToOne && oneToOne->required);
        const ErdTable& line = g.tables[g.indexOf(m_schema, QStringLiteral("order_line"))];
        QCOMPARE(line.columns.size(), 4);
        QVERIFY(line.columns[0].primaryKey && line.columns[0].foreignKey && line.columns[0].notNull);
        QVERIFY(line.columns[1].primaryKey && !line.columns[1].foreignKey);
        QVERIFY(!line.columns[2].primaryKey && line.columns[2].foreignKey && !line.columns[2].notNull);
        QCOMPARE(line.columns[3].type, QStringLiteral("integer"));
        const ErdTable& weird = g.tables[g.indexOf(m_schema, m_weird)];
        QCOMPARE(weird.columns[1].name, QStringLiteral("co\"l"));
        QVERIFY(weird.columns[1].foreignKey);
        QCOMPARE(g.tables[g.indexOf(m_schema, QStringLiteral("events"))].kind,
                 RelationKind::PartitionedTable);
        // The audit table of the other schema is not in this schema's diagram, nor its key.
        QVERIFY(!edgeNames(g).join(QLatin1Char(' ')).contains(QStringLiteral("audit")));
    }

    void chosenTablesAndGrowing() {
        ErdGraph g =
            readErdTables(m_c, {{m_schema, QStringLiteral("orders")}, {m_schema, QStringLiteral("product")}});
        QCOMPARE(tableNames(g), (QStringList{"orders", "product"}));
        QVERIFY(g.edges.isEmpty());                 // no key between them
        QVERIFY(g.tables[0].columns[1].foreignKey); // customer_id is a key even with customer not drawn
        g = readErdGrown(m_c, g, g.indexOf(m_schema, QStringLiteral("product")), 1);
        QCOMPARE(tableNames(g), (QStringList{"order_line", "orders", "product"}));
        QCOMPARE(g.tables[0].name, QStringLiteral("orders")); // the diagram's tables keep their places
        QCOMPARE(edgeNames(g), (QStringList{"order_line>orders", "order_line>product"}));
        QVERIFY_THROWS_EXCEPTION(NotFound, readErdTables(m_c, {{m_schema, QStringLiteral("nope")}}));
    }

    void pureNeighbourhood() {
        const ErdGraph g = readErdSchemas(m_c, {m_schema});
        const ErdGraph one = erdNeighbourhood(g, g.indexOf(m_schema, QStringLiteral("orders")), 1);
        QCOMPARE(tableNames(one), (QStringList{"customer", "order_line", "orders", m_weird}));
        QCOMPARE(edgeNames(one), edgeNames(readErdNeighbourhood(m_c, m_schema, QStringLiteral("orders"), 1)));
        QVERIFY(erdNeighbourhood(g, -1, 1).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestErdGraph)
#include "tst_erdgraph.moc"
