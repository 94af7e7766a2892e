// SPDX-License-Identifier: GPL-3.0-or-later
// EXPLAIN's text format read by textPlanToJson(): for each of some thirty queries of every node kind, the
// real server's text plan and its JSON plan of the same query analyse to the same nodes (kind, relation,
// alias, index, join type, strategy, subplan, costs, estimated and actual rows, loops, conditions, title),
// with VERBOSE's schemas and outputs, ANALYZE without timing, a write rolled back, hostile identifiers,
// psql's frame around it and a log line's tabs.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/plan/plan.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace pgdesk::core;

class TestPlanText final : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch;
    Connection m_c;
    QString m_schema;

    QByteArray explain(const QString& options, const QString& sql) {
        const Result r = m_c.exec(QStringLiteral("EXPLAIN (%1) %2")
                                      .arg(options, QString(sql).replace(QStringLiteral("$S"), m_schema)));
        QStringList lines;
        for (int row = 0; row < r.rowCount(); ++row)
            lines << r.text(row, 0);
        return lines.join(QLatin1Char('\n')).toUtf8();
    }

    // The same query's text and JSON plans, read and compared node by node.
    void compare(const QString& options, const QString& settings, const QString& sql) {
        m_c.exec(QStringLiteral("BEGIN"));
        if (!settings.isEmpty())
            m_c.exec(settings);
        m_c.exec(QStringLiteral("SAVEPOINT plan")); // ANALYZE runs a write: each run from the same rows
        const QByteArray text = explain(options + QStringLiteral(", FORMAT TEXT"), sql);
        m_c.exec(QStringLiteral("ROLLBACK TO SAVEPOINT plan"));
        const QByteArray json = explain(options + QStringLiteral(", FORMAT JSON"), sql);
        m_c.exec(QStringLiteral("ROLLBACK"));
        const auto converted = textPlanToJson(text);
        QVERIFY2(converted, text.constData());
        const Plan fromText = parsePlan(text);
        const Plan fromJson = parsePlan(json);
        const QString where = QStringLiteral("%1\n%2").arg(sql, QString::fromUtf8(text));
        QVERIFY2(fromText.nodes.size() == fromJson.nodes.size(), qPrintable(where));
        for (qsizetype i = 0; i < fromJson.nodes.size(); ++i) {
            const PlanNode& t = fromText.nodes[i];
            const PlanNode& j = fromJson.nodes[i];
            bool failed = false;
            const auto same = [&](const auto& a, const auto& b, const char* what) {
                if (a != b && !std::exchange(failed, true))
                    QFAIL(qPrintable(
                        QStringLiteral("node %1 %2 differs\n%3").arg(i).arg(QLatin1String(what), where)));
            };
            same(t.title(), j.title(), "title");
            same(t.nodeType, j.nodeType, "node type");
            same(t.relation, j.relation, "relation");
            same(t.schema, j.schema, "schema");
            same(t.alias, j.alias, "alias");
            same(t.indexName, j.indexName, "index");
            same(t.cteName, j.cteName, "CTE");
            same(t.joinType, j.joinType, "join type");
            same(t.strategy, j.strategy, "strategy");
            same(t.parallelAware, j.parallelAware, "parallel");
            same(t.subplanName, j.subplanName, "subplan name");
            same(t.parent, j.parent, "parent");
            same(t.isInitPlan(), j.isInitPlan(), "InitPlan");
            same(t.parentRelationship == QLatin1String("SubPlan"),
                 j.parentRelationship == QLatin1String("SubPlan"), "SubPlan");
            same(t.startupCost, j.startupCost, "startup cost");
            same(t.totalCost, j.totalCost, "total cost");
            same(t.planRows, j.planRows, "plan rows");
            same(t.planWidth, j.planWidth, "width");
            same(t.analysed, j.analysed, "analysed");
            same(t.executed, j.executed, "executed");
            same(t.actualRows, j.actualRows, "actual rows");
            same(t.loops, j.loops, "loops");
            same(t.rowsRemovedByFilter, j.rowsRemovedByFilter, "rows removed by filter");
            same(t.conditions, j.conditions, "conditions");
            same(t.workersPlanned, j.workersPlanned, "workers planned");
            same(t.sortMethod, j.sortMethod, "sort method");
            same(t.sortSpaceType, j.sortSpaceType, "sort space type");
            same(t.hashBatches, j.hashBatches, "hash batches");
            for (const char* key : {"Output", "Sort Key", "Group Key", "Hash Buckets"})
                same(t.properties.value(QLatin1String(key)), j.properties.value(QLatin1String(key)), key);
            if (failed)
                return;
        }
        QCOMPARE(fromText.settings, fromJson.settings);
    }

    static QStringList queries() {
        return {
            QStringLiteral("select * from $S.a where g = 3"),
            QStringLiteral("select * from $S.a join $S.b on b.a_id = a.id where a.g < 5"),
            QStringLiteral("select * from $S.a left join $S.b on b.a_id = a.id where a.id < 50"),
            QStringLiteral("select g, count(*) from $S.a group by g"),
            QStringLiteral("select * from $S.a order by t desc limit 10"),
            QStringLiteral("select * from $S.a where id in (select a_id from $S.b where v > 5)"),
            QStringLiteral("select * from $S.a where not exists (select from $S.b where b.a_id = a.id)"),
            QStringLiteral("select (select max(v) from $S.b), * from $S.a limit 3"),
            QStringLiteral(
                "select *, (select count(*) from $S.b where b.a_id = a.id) from $S.a where id < 10"),
            QStringLiteral(
                "with c as materialized (select * from $S.a where g = 1) select * from c x join c y "
                "on x.id = y.id"),
            QStringLiteral(
                "with recursive r(n) as (select 1 union all select n + 1 from r where n < 10) select "
                "* from r"),
            QStringLiteral("select * from generate_series(1, 10) g(i)"),
            QStringLiteral("select * from (values (1, 'a'), (2, 'b')) v(x, y)"),
            QStringLiteral("select * from $S.p where k between 5 and 30"),
            QStringLiteral("select g from $S.a intersect select a_id from $S.b"),
            QStringLiteral("select distinct g from $S.a order by g"),
            QStringLiteral("select g, sum(id) over (partition by g) from $S.a"),
            QStringLiteral("select * from $S.a where id = any('{1,2,3}')"),
            QStringLiteral("select * from $S.\"we\"\"ird.name\" \"x y\" where \"x y\".\"a b\" > 1"),
            QStringLiteral("select * from $S.a order by id desc limit 5"),
            QStringLiteral("select * from $S.a order by id, t limit 10"),
            QStringLiteral("select * from $S.a where id < 3 for update"),
            QStringLiteral("select generate_series(1, 3), id from $S.a limit 2"),
            QStringLiteral("select * from $S.a where id < 5 or g = 3"),
            QStringLiteral("select * from $S.a x, lateral (select * from $S.b where b.a_id = x.id limit 1) y "
                           "where x.id < 20"),
            QStringLiteral("update $S.a set t = t where id < 5"),
            QStringLiteral("insert into $S.b select id + 100000, id, 1 from $S.a where id < 3"),
            QStringLiteral("delete from $S.b where id > 100000"),
        };
    }

private slots:
    void initTestCase() {
        m_schema = QStringLiteral("plantext_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(
            m_schema,
            QStringLiteral("create table $S.a (id int primary key, g int, t text);"
                           "create index on $S.a (g);"
                           "insert into $S.a select i, i % 10, md5(i::text) from generate_series(1, 5000) i;"
                           "create table $S.b (id int primary key, a_id int references $S.a, v numeric);"
                           "create index on $S.b (a_id);"
                           "insert into $S.b select i, 1 + i % 4000, i % 13 from generate_series(1, 8000) i;"
                           "create table $S.p (k int, x text) partition by range (k);"
                           "create table $S.p1 partition of $S.p for values from (0) to (10);"
                           "create table $S.p2 partition of $S.p for values from (10) to (20);"
                           "create table $S.p3 partition of $S.p for values from (20) to (40);"
                           "insert into $S.p select i % 40, 'x' from generate_series(1, 2000) i;"
                           "create table $S.\"we\"\"ird.name\" (\"a b\" int);"
                           "insert into $S.\"we\"\"ird.name\" select generate_series(1, 100);"
                           "analyze $S.a, $S.b, $S.p, $S.\"we\"\"ird.name\";"));
        m_c = Connection::open(pgdesk::test::profile());
    }

    void estimatesAgree() {
        for (const QString& sql : queries())
            compare(QStringLiteral("COSTS"), {}, sql);
    }

    void verboseAgrees() {
        for (const QString& sql : queries())
            compare(QStringLiteral("VERBOSE"), {}, sql);
    }

    // Actual rows and loops (timing off: the times of two runs differ), writes rolled back.
    void analysedAgree() {
        for (const QString& sql : queries())
            compare(QStringLiteral("ANALYZE, TIMING OFF"),
                    QStringLiteral("SET LOCAL max_parallel_workers_per_gather = 0"), sql);
    }

    // Other strategies: a nested loop, a merge join, a group aggregate, bitmap scans, a parallel plan,
    // settings that differ from the defaults.
    void forcedShapesAgree() {
        const QString nestLoop =
            QStringLiteral("SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off");
        compare(QStringLiteral("COSTS, SETTINGS"), nestLoop, queries()[1]);
        compare(QStringLiteral("ANALYZE, TIMING OFF"), nestLoop, queries()[1]);
        const QString merge =
            QStringLiteral("SET LOCAL enable_hashjoin = off; SET LOCAL enable_nestloop = off");
        compare(QStringLiteral("COSTS"), merge, queries()[1]);
        compare(QStringLiteral("ANALYZE, TIMING OFF"), merge, queries()[2]);
        compare(QStringLiteral("ANALYZE, TIMING OFF"), QStringLiteral("SET LOCAL enable_hashagg = off"),
                queries()[3]);
        compare(QStringLiteral("ANALYZE, TIMING OFF"), QStringLiteral("SET LOCAL enable_hashagg = off"),
                queries()[14]);
        compare(QStringLiteral("ANALYZE, TIMING OFF"),
                QStringLiteral("SET LOCAL enable_indexscan = off; SET LOCAL enable_seqscan = off"),
                queries()[23]);
        compare(
            QStringLiteral("COSTS, SETTINGS"),
            QStringLiteral("SET LOCAL parallel_setup_cost = 0; SET LOCAL parallel_tuple_cost = 0; SET LOCAL "
                           "min_parallel_table_scan_size = 0; SET LOCAL max_parallel_workers_per_gather = 2"),
            queries()[3]);
        compare(
            QStringLiteral("COSTS"),
            QStringLiteral("SET LOCAL parallel_setup_cost = 0; SET LOCAL parallel_tuple_cost = 0; SET LOCAL "
                           "min_parallel_table_scan_size = 0; SET LOCAL max_parallel_workers_per_gather = 2"),
            queries()[1]);
    }

    // Times, buffers and the top lines, from one real run read both ways is not possible (two runs differ):
    // a text plan written as the server writes it.
    void timesBuffersAndTop() {
        const QByteArray text =
            " QUERY PLAN \n"
            "-----------------------------------------------------------------------\n"
            " Sort  (cost=10.50..10.75 rows=100 width=8) (actual time=0.200..0.250 rows=100 loops=1)\n"
            "   Sort Key: a.g DESC, (lower(a.t))\n"
            "   Sort Method: external merge  Disk: 1234kB\n"
            "   Buffers: shared hit=5 read=2, temp read=3 written=4\n"
            "   ->  Hash Join  (cost=1.00..8.00 rows=100 width=8) (actual time=0.050..0.150 rows=100 "
            "loops=1)\n"
            "         Hash Cond: (a.id = b.a_id)\n"
            "         Buffers: shared hit=5 read=2\n"
            "         ->  Seq Scan on a  (cost=0.00..4.00 rows=200 width=8) (actual time=0.010..0.040 "
            "rows=200 loops=1)\n"
            "               Filter: (g > 1)\n"
            "               Rows Removed by Filter: 800\n"
            "         ->  Hash  (cost=0.50..0.50 rows=40 width=4) (never executed)\n"
            "               Buckets: 2048 (originally 1024)  Batches: 4 (originally 1)  Memory Usage: 33kB\n"
            "               ->  Seq Scan on b  (cost=0.00..0.50 rows=40 width=4) (never executed)\n"
            " Planning:\n"
            "   Buffers: shared hit=12\n"
            " Planning Time: 0.123 ms\n"
            " Trigger for constraint b_a_id_fkey: time=0.400 calls=2\n"
            " Execution Time: 1.500 ms\n"
            "(19 rows)\n";
        const Plan plan = parsePlan(text);
        QCOMPARE(plan.nodes.size(), 5);
        QCOMPARE(plan.planningMs.value(), 0.123);
        QCOMPARE(plan.executionMs.value(), 1.5);
        QCOMPARE(plan.triggersMs, 0.4);
        const PlanNode& sort = plan.nodes[0];
        QCOMPARE(sort.sortMethod, QStringLiteral("external merge"));
        QCOMPARE(sort.sortSpaceType, QStringLiteral("Disk"));
        QCOMPARE(sort.sortSpaceKb, qint64(1234));
        QCOMPARE(sort.buffers.sharedHit, qint64(5));
        QCOMPARE(sort.buffers.sharedRead, qint64(2));
        QCOMPARE(sort.buffers.tempRead, qint64(3));
        QCOMPARE(sort.buffers.tempWritten, qint64(4));
        QCOMPARE(sort.properties.value(QLatin1String("Sort Key")).toArray(),
                 QJsonArray({QStringLiteral("a.g DESC"), QStringLiteral("(lower(a.t))")}));
        QCOMPARE(sort.actualTotalMs, 0.25);
        const PlanNode& scan = plan.nodes[2];
        QCOMPARE(scan.relation, QStringLiteral("a"));
        QCOMPARE(scan.rowsRemovedByFilter, 800.0);
        const PlanNode& hash = plan.nodes[3];
        QCOMPARE(hash.hashBatches, qint64(4));
        QCOMPARE(hash.originalHashBatches, qint64(1));
        QVERIFY(!hash.executed);
        QCOMPARE(hash.parent, 1);
        QCOMPARE(plan.nodes[4].parent, 3);
        QVERIFY(plan.nodes[4].timed); // a node that never ran has times of 0 in a timed plan, as in JSON
        QVERIFY(!plan.hotspots.isEmpty());
    }

    // auto_explain's text in a log: the duration line, a query text over two lines, tabs before each line.
    void autoExplainLogText() {
        const QByteArray text = "duration: 0.042 ms  plan:\n"
                                "\tQuery Text: select *\n"
                                "\t  from t where id = 1\n"
                                "\tIndex Scan using t_pkey on t  (cost=0.15..8.17 rows=1 width=36) (actual "
                                "time=0.010..0.011 rows=1 loops=1)\n"
                                "\t  Index Cond: (id = 1)\n";
        const Plan plan = parsePlan(text);
        QCOMPARE(plan.queryText, QStringLiteral("select *\n  from t where id = 1"));
        QCOMPARE(plan.nodes.size(), 1);
        QCOMPARE(plan.root().indexName, QStringLiteral("t_pkey"));
        QCOMPARE(plan.root().conditions.value(0).second, QStringLiteral("(id = 1)"));
    }

    // Text that is no plan is refused as before; a plan without figures (COSTS OFF) is read.
    void notAPlan() {
        for (const QByteArray& junk :
             {QByteArray("hello"), QByteArray("Filter: (a > 1)\n"), QByteArray(),
              QByteArray("->  Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)\n  ->  x")}) {
            QVERIFY_THROWS_EXCEPTION(ConfigurationError, parsePlan(junk));
        }
        const Plan bare = parsePlan("Hash Join\n  Hash Cond: (a.id = b.id)\n  ->  Seq Scan on a\n  ->  Hash\n"
                                    "        ->  Seq Scan on b\n");
        QCOMPARE(bare.nodes.size(), 4);
        QCOMPARE(bare.nodes[3].relation, QStringLiteral("b"));
        QCOMPARE(bare.nodes[3].parent, 2);
        // Nesting deeper than is read is said, not crashed on.
        QByteArray deep = "Result  (cost=0.00..0.01 rows=1 width=4)\n";
        for (int i = 1; i < 1500; ++i)
            deep += QByteArray(i * 6 - 4, ' ') + "->  Result  (cost=0.00..0.01 rows=1 width=4)\n";
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, parsePlan(deep));
    }
};

QTEST_GUILESS_MAIN(TestPlanText)
#include "tst_plantext.moc"
