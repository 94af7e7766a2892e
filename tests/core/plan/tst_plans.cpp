// SPDX-License-Identifier: GPL-3.0-or-later
// Plans of known shapes from the real server (EXPLAIN ANALYZE through ScriptRunner), analysed by
// core::parsePlan and checked against figures computed here from the server's own JSON: a nested loop
// with many loops, a parallel seq scan, a hash spilling to disk under a small work_mem, a join misestimated
// from stale statistics, a CTE read twice, an InitPlan, an Append over 200 partitions.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/browse/scriptrunner.h>
#include <pgdesk/core/plan/plan.h>
#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace pgdesk::core;

namespace {

double d(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toDouble();
}

QJsonObject child(const QJsonObject& o, int i) {
    return o.value(QLatin1String("Plans")).toArray().at(i).toObject();
}

// Actual Total Time × Actual Loops: a node's time over all loops in one process.
double allLoops(const QJsonObject& o) {
    return d(o, "Actual Total Time") * d(o, "Actual Loops");
}

void near(double actual, double expected, const char* what) {
    if (qAbs(actual - expected) > 1e-6)
        QFAIL(qPrintable(
            QStringLiteral("%1: %2, expected %3").arg(QLatin1String(what)).arg(actual).arg(expected)));
}

const PlanNode* findNode(const Plan& plan, const QString& type, const QString& relationSuffix = {}) {
    for (const PlanNode& n : plan.nodes)
        if (n.nodeType == type && (relationSuffix.isEmpty() || n.relation.endsWith(relationSuffix)))
            return &n;
    return nullptr;
}

} // namespace

class TestPlans final : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch;
    Connection m_c;
    QString m_schema;

    // EXPLAIN ANALYZE of `sql` after the settings, analysed; the server's JSON top object in `top`.
    Plan analyse(const QString& settings, const QString& sql, QJsonObject* top = nullptr) {
        ScriptRunner runner(m_c);
        if (!settings.isEmpty()) {
            const ScriptRun set = runner.run(settings);
            if (set.error)
                qFatal("%s", qPrintable(set.error->text));
        }
        ExplainOptions options;
        options.analyze = true;
        options.buffers = true;
        const ExplainResult result =
            runner.explain(QString(sql).replace(QStringLiteral("$S"), m_schema), options);
        runner.run(QStringLiteral("reset all"));
        if (top)
            *top = QJsonDocument::fromJson(result.json).array().at(0).toObject();
        return parsePlan(result.json);
    }

private slots:
    void initTestCase() {
        m_schema = QStringLiteral("plans_%1").arg(QCoreApplication::applicationPid());
        QString partitions;
        for (int i = 0; i < 200; ++i)
            partitions +=
                QStringLiteral("create table $S.p%1 partition of $S.p for values from (%2) to (%3);")
                    .arg(i)
                    .arg(i * 100)
                    .arg(i * 100 + 100);
        m_scratch.emplace(
            m_schema,
            QStringLiteral("create table $S.a (id int primary key, grp int);"
                           "insert into $S.a select g, g % 100 from generate_series(1, 1000) g;"
                           "create table $S.big (id int, pad text);"
                           "insert into $S.big select g, repeat('x', 100) from generate_series(1, 200000) g;"
                           "create table $S.stale (id int, grp int) with (autovacuum_enabled = off);"
                           "insert into $S.stale select g, g % 100 from generate_series(1, 1000) g;"
                           "analyze $S.a, $S.big, $S.stale;"
                           // Statistics say 1 % of the rows have grp 1; after this every row has.
                           "update $S.stale set grp = 1;"
                           "create table $S.p (k int, v int) partition by range (k);") +
                partitions +
                QStringLiteral(
                    "insert into $S.p select g, g from generate_series(0, 19999) g; analyze $S.p;"));
        m_c = Connection::open(pgdesk::test::profile());
    }

    void nestedLoopWithManyLoops() {
        QJsonObject top;
        const Plan plan = analyse(QStringLiteral("set enable_hashjoin = off; set enable_mergejoin = off; "
                                                 "set enable_material = off"),
                                  QStringLiteral("select * from $S.a x join $S.a y on y.id = x.id"), &top);
        const QJsonObject loop = top.value(QStringLiteral("Plan")).toObject();
        QCOMPARE(loop.value(QStringLiteral("Node Type")).toString(), QStringLiteral("Nested Loop"));
        const QJsonObject outer = child(loop, 0), inner = child(loop, 1);
        QCOMPARE(plan.nodes[2].loops, 1000.0);
        near(plan.nodes[2].totalMs, allLoops(inner), "inner total");
        near(plan.nodes[0].exclusiveMs, qMax(0.0, allLoops(loop) - allLoops(outer) - allLoops(inner)),
             "loop");
        near(*plan.nodes[0].misestimate, d(loop, "Actual Rows") / d(loop, "Plan Rows"), "misestimate");
        QVERIFY(plan.nodes[0].buffers.any);
        QCOMPARE(plan.nodes[0].buffers.sharedHit + plan.nodes[0].buffers.sharedRead,
                 qint64(d(loop, "Shared Hit Blocks") + d(loop, "Shared Read Blocks")));
        QVERIFY(plan.executionMs && plan.planningMs);
    }

    void parallelSeqScan() {
        QJsonObject top;
        const Plan plan = analyse(QStringLiteral("set max_parallel_workers_per_gather = 2; "
                                                 "set parallel_setup_cost = 0; set parallel_tuple_cost = 0; "
                                                 "set min_parallel_table_scan_size = 0"),
                                  QStringLiteral("select count(*) from $S.big where id % 7 = 0"), &top);
        const PlanNode* gather = findNode(plan, QStringLiteral("Gather"));
        const PlanNode* scan = findNode(plan, QStringLiteral("Seq Scan"), QStringLiteral("big"));
        QVERIFY(gather && scan);
        QVERIFY(scan->parallelAware);
        QVERIFY(gather->workersLaunched >= 0);
        QCOMPARE(scan->processes, 1 + gather->workersLaunched);
        near(scan->totalMs, scan->actualTotalMs * scan->loops / (1 + gather->workersLaunched), "per process");
        QCOMPARE(scan->loops, double(1 + gather->workersLaunched));
        QCOMPARE(plan.nodes[0].processes, 1);
    }

    void hashSpillsUnderSmallWorkMem() {
        const Plan plan =
            analyse(QStringLiteral("set work_mem = '64kB'; set enable_mergejoin = off; "
                                   "set enable_nestloop = off; set max_parallel_workers_per_gather = 0"),
                    QStringLiteral("select count(*) from $S.big x join $S.big y using (id)"));
        const PlanNode* hash = findNode(plan, QStringLiteral("Hash"));
        QVERIFY(hash);
        QVERIFY2(hash->hashBatches > 1, qPrintable(QString::number(hash->hashBatches)));
        QVERIFY(hash->buffers.tempWritten > 0 ||
                findNode(plan, QStringLiteral("Hash Join"))->buffers.tempWritten > 0);
        bool named = false;
        for (const PlanHotspot& h : plan.hotspots)
            named = named || h.kind == HotspotReason::HashSpills;
        QVERIFY2(named, qPrintable(planToText(plan)));
    }

    void joinMisestimatedFromStaleStatistics() {
        QJsonObject top;
        const Plan plan = analyse(QStringLiteral("set enable_nestloop = off; set enable_mergejoin = off"),
                                  QStringLiteral("select * from $S.stale s join $S.a a on a.id = s.id "
                                                 "where s.grp = 1"),
                                  &top);
        const PlanNode* join = findNode(plan, QStringLiteral("Hash Join"));
        QVERIFY(join);
        const QJsonObject j = top.value(QStringLiteral("Plan")).toObject();
        QCOMPARE(j.value(QStringLiteral("Node Type")).toString(), QStringLiteral("Hash Join"));
        QCOMPARE(d(j, "Actual Rows"), 1000.0);
        near(*join->misestimate, 1000.0 / d(j, "Plan Rows"), "join misestimate");
        QVERIFY2(misestimateMagnitude(*join) >= 10, qPrintable(planToText(plan)));
        QVERIFY(misestimateText(*join).endsWith(QStringLiteral("underestimated")));
    }

    // The CTE's time comes off its two scans, shared by their totals; it does not come off the join.
    void cteReadTwice() {
        QJsonObject top;
        const Plan plan =
            analyse({},
                    QStringLiteral("with c as materialized (select * from $S.big where id <= 5000) "
                                   "select count(*) from c c1 join c c2 on c1.id = c2.id"),
                    &top);
        const PlanNode* cte = nullptr;
        QList<const PlanNode*> scans;
        for (const PlanNode& n : plan.nodes) {
            if (n.isCte())
                cte = &n;
            if (n.nodeType == QLatin1String("CTE Scan"))
                scans << &n;
        }
        QVERIFY(cte);
        QCOMPARE(scans.size(), 2);
        const double scanned = scans[0]->totalMs + scans[1]->totalMs;
        for (const PlanNode* s : scans) {
            double fromChildren = 0;
            for (int c : s->children)
                fromChildren += plan.nodes[c].totalMs;
            near(s->exclusiveMs, qMax(0.0, s->totalMs - fromChildren - cte->totalMs * s->totalMs / scanned),
                 "CTE scan");
        }
        const PlanNode& parent = plan.nodes[cte->parent];
        double children = 0;
        for (int c : parent.children)
            if (!plan.nodes[c].isInitPlan())
                children += plan.nodes[c].totalMs;
        near(parent.exclusiveMs, qMax(0.0, parent.totalMs - children), "the CTE's parent");
    }

    // SELECT … WHERE id = (SELECT max …): the InitPlan's time comes off the scan that compares with $0.
    void initPlanFromTheScanThatUsesIt() {
        const Plan plan =
            analyse(QStringLiteral("set enable_indexscan = off; set enable_bitmapscan = off"),
                    QStringLiteral("select * from $S.a where grp = (select max(grp) from $S.a)"));
        const PlanNode& scan = plan.root();
        QCOMPARE(scan.nodeType, QStringLiteral("Seq Scan"));
        const PlanNode* init = nullptr;
        for (const PlanNode& n : plan.nodes)
            if (n.isInitPlan())
                init = &n;
        QVERIFY(init);
        QCOMPARE(init->parent, 0);
        near(scan.exclusiveMs, qMax(0.0, scan.totalMs - init->totalMs), "the scan");
        near(plan.exclusiveSum(), scan.totalMs, "exclusive times add up to the root's total");
    }

    void appendOver200Partitions() {
        QJsonObject top;
        const Plan plan = analyse(QStringLiteral("set max_parallel_workers_per_gather = 0"),
                                  QStringLiteral("select count(*) from $S.p where v >= 0"), &top);
        const PlanNode* append = findNode(plan, QStringLiteral("Append"));
        QVERIFY(append);
        QCOMPARE(append->children.size(), 200);
        QCOMPARE(plan.nodes.size(), 202);
        double children = 0;
        for (int c : append->children) {
            QCOMPARE(plan.nodes[c].parent, append->id);
            children += plan.nodes[c].totalMs;
        }
        near(append->exclusiveMs, qMax(0.0, append->totalMs - children), "append");
        QCOMPARE(plan.nodes.last().relation, QStringLiteral("p199")); // the schema only with VERBOSE
        QCOMPARE(plan.nodes[append->children.first()].actualRows, 100.0);
        QVERIFY(plan.hotspots.size() == 3);
    }
};

QTEST_GUILESS_MAIN(TestPlans)
#include "tst_plans.moc"
