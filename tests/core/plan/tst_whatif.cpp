// SPDX-License-Identifier: GPL-3.0-or-later
// What-if indexes with hypopg on the real server: a seq scan on a filtered column becomes an index scan in
// the what-if plan, and no real index exists afterwards; a database without hypopg says what to do.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/plan/plan.h>
#include <pgdesk/core/plan/whatif.h>
#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QTest>

using namespace pgdesk::core;
using pgdesk::test::psql;

class TestWhatIf final : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch;
    QString m_schema;

private slots:
    void initTestCase() {
        psql(QStringLiteral("create extension if not exists hypopg"));
        m_schema = QStringLiteral("whatif_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(
            m_schema,
            QStringLiteral("create table $S.orders (id int primary key, grp int, note text);"
                           "insert into $S.orders select g, g % 1000, 'n' from generate_series(1, 100000) g;"
                           "analyze $S.orders;"));
    }
    void cleanupTestCase() { m_scratch.reset(); }

    void seqScanBecomesIndexScan() {
        Connection c = Connection::open(pgdesk::test::profile());
        WhatIfRunner runner(c);
        QVERIFY(runner.availability().installed);
        const QString statement = QStringLiteral("select * from %1.orders where grp = :g").arg(m_schema);
        const Plan before0 = parsePlan(
            c.exec(
                 QStringLiteral("explain (format json) select * from %1.orders where grp = 42").arg(m_schema))
                .bytes(0, 0));
        QCOMPARE(before0.root().nodeType, QStringLiteral("Seq Scan"));
        const QStringList columns = conditionColumns(before0.root().conditions.first().second);
        QCOMPARE(columns, QStringList{QStringLiteral("grp")});
        HypotheticalIndex index;
        index.schema = m_schema;
        index.table = QStringLiteral("orders");
        index.columns = columns;
        const WhatIfOutcome outcome =
            runner.tryIndex(statement, index, {{QStringLiteral("g"), param(QStringLiteral("42"))}});
        QVERIFY(outcome.used);
        const Plan before = parsePlan(outcome.before);
        const Plan after = parsePlan(outcome.after);
        QCOMPARE(before.root().nodeType, QStringLiteral("Seq Scan"));
        bool indexed = false;
        for (const PlanNode& n : after.nodes)
            indexed = indexed || n.indexName == outcome.indexName;
        QVERIFY2(indexed, outcome.after.constData());
        QVERIFY(after.root().totalCost < before.root().totalCost);
        QVERIFY(outcome.createStatement.startsWith(QStringLiteral("CREATE INDEX CONCURRENTLY ON")));
        // Nothing real was built, and the session holds no hypothetical index any more.
        QCOMPARE(psql(QStringLiteral(
                          "select count(*) from pg_indexes where schemaname = '%1' and tablename = 'orders'")
                          .arg(m_schema)),
                 QStringLiteral("1")); // the primary key alone
        QCOMPARE(c.exec(QStringLiteral("select count(*) from hypopg_list_indexes")).text(0, 0),
                 QStringLiteral("0"));
    }

    // An index with these leading key columns exists: it is named and nothing is tried; an index on other
    // leading columns, a partial one or one of another method is not the same index.
    void anIndexThatExistsIsNamed() {
        Connection c = Connection::open(pgdesk::test::profile());
        c.exec(QStringLiteral("create index orders_grp_note on %1.orders (grp, note) include (id);"
                              "create index orders_note_grp on %1.orders (note, grp);"
                              "create index orders_grp_partial on %1.orders (grp) where grp > 5;"
                              "create index orders_grp_hash on %1.orders using hash (grp)")
                   .arg(m_schema));
        WhatIfRunner runner(c);
        HypotheticalIndex index;
        index.table = QStringLiteral("orders"); // found through the statement's plan
        index.columns = {QStringLiteral("grp")};
        const QString statement = QStringLiteral("select * from %1.orders where grp = 3").arg(m_schema);
        WhatIfOutcome outcome = runner.tryIndex(statement, index);
        QCOMPARE(outcome.existingIndex, m_schema + QStringLiteral(".orders_grp_note"));
        QVERIFY(!outcome.used);
        QVERIFY(outcome.createStatement.isEmpty());
        QCOMPARE(outcome.after, outcome.before);
        index.columns = {QStringLiteral("grp"), QStringLiteral("note"), QStringLiteral("id")}; // id: INCLUDE
        QVERIFY(runner.tryIndex(statement, index).existingIndex.isEmpty());
        index.columns = {QStringLiteral("grp")};
        index.method = QStringLiteral("hash");
        QCOMPARE(runner.tryIndex(statement, index).existingIndex,
                 m_schema + QStringLiteral(".orders_grp_hash"));
        index.method = QStringLiteral("brin");
        QVERIFY(runner.tryIndex(statement, index).existingIndex.isEmpty());
        c.exec(QStringLiteral("drop index %1.orders_grp_note, %1.orders_note_grp, %1.orders_grp_partial, "
                              "%1.orders_grp_hash")
                   .arg(m_schema));
    }

    void withoutHypopgItSaysWhatToDo() {
        Connection c = Connection::open(pgdesk::test::profile(QStringLiteral("postgres")));
        WhatIfRunner runner(c);
        const WhatIfAvailability a = runner.availability();
        QVERIFY(!a.installed);
        QVERIFY(a.installable);
        QVERIFY(a.hint.contains(QStringLiteral("CREATE EXTENSION hypopg")));
        HypotheticalIndex index;
        index.table = QStringLiteral("pg_class");
        index.columns = {QStringLiteral("relname")};
        QVERIFY_THROWS_EXCEPTION(NotFound, runner.tryIndex(QStringLiteral("select 1"), index));
    }
};

QTEST_GUILESS_MAIN(TestWhatIf)
#include "tst_whatif.moc"
