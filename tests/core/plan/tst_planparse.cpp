// SPDX-License-Identifier: GPL-3.0-or-later
// Reading plans without a server: the time rules (inclusive per process, exclusive with SubPlans, CTEs
// and InitPlans taken back where PostgreSQL spends them), misestimates, hotspots, the CLI's JSON, and the
// wrappings a plan comes in (psql's frame, auto_explain's log line). Every expected figure is computed by
// hand from the JSON in the test.
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/plan/plan.h>
#include <pgdesk/core/plan/plancompare.h>
#include <pgdesk/core/plan/planlayout.h>
#include <pgdesk/core/plan/whatif.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <limits>

using namespace pgdesk::core;

namespace {

// A node of a hand-written plan: {"Node Type": …, "Actual Total Time": t, "Actual Loops": loops, …}.
QJsonObject node(const QString& type, double perLoopMs, double loops, QJsonObject extra = {},
                 QJsonArray children = {}) {
    QJsonObject o = extra;
    o.insert(QStringLiteral("Node Type"), type);
    o.insert(QStringLiteral("Startup Cost"), 0.0);
    o.insert(QStringLiteral("Total Cost"), 10.0);
    if (!o.contains(QStringLiteral("Plan Rows")))
        o.insert(QStringLiteral("Plan Rows"), 100);
    o.insert(QStringLiteral("Plan Width"), 4);
    o.insert(QStringLiteral("Actual Startup Time"), 0.0);
    o.insert(QStringLiteral("Actual Total Time"), perLoopMs);
    if (!o.contains(QStringLiteral("Actual Rows")))
        o.insert(QStringLiteral("Actual Rows"), 100);
    o.insert(QStringLiteral("Actual Loops"), loops);
    if (!children.isEmpty())
        o.insert(QStringLiteral("Plans"), children);
    return o;
}

QJsonObject rel(const QString& relationship, QJsonObject o = {}) {
    o.insert(QStringLiteral("Parent Relationship"), relationship);
    return o;
}

QByteArray document(const QJsonObject& root, double planning = 0.5, double execution = 0) {
    QJsonObject top{{QStringLiteral("Plan"), root}, {QStringLiteral("Planning Time"), planning}};
    if (execution > 0)
        top.insert(QStringLiteral("Execution Time"), execution);
    return QJsonDocument(QJsonArray{top}).toJson();
}

void compareMs(double actual, double expected) {
    if (qAbs(actual - expected) > 1e-9)
        QFAIL(qPrintable(QStringLiteral("%1 ms, expected %2 ms").arg(actual, 0, 'g', 12).arg(expected)));
}

} // namespace

class TestPlanParse final : public QObject {
    Q_OBJECT

private slots:
    void nestedLoopManyLoops() {
        const Plan plan = parsePlan(document(
            node(QStringLiteral("Nested Loop"), 10, 1, {},
                 {node(QStringLiteral("Seq Scan"), 1, 1,
                       rel(QStringLiteral("Outer"), {{QStringLiteral("Relation Name"), QStringLiteral("a")},
                                                     {QStringLiteral("Schema"), QStringLiteral("public")}})),
                  node(QStringLiteral("Index Scan"), 0.008, 1000,
                       rel(QStringLiteral("Inner"), {{QStringLiteral("Relation Name"), QStringLiteral("b")},
                                                     {QStringLiteral("Index Name"), QStringLiteral("b_pkey")},
                                                     {QStringLiteral("Actual Rows"), 1},
                                                     {QStringLiteral("Plan Rows"), 1}}))}),
            0.2, 10.5));
        QCOMPARE(plan.nodes.size(), 3);
        QVERIFY(plan.analysed);
        QCOMPARE(plan.nodes[1].relation, QStringLiteral("public.a"));
        QCOMPARE(plan.nodes[2].title(), QStringLiteral("Index Scan using b_pkey on b"));
        compareMs(plan.nodes[2].totalMs, 8);
        compareMs(plan.nodes[0].exclusiveMs, 1);
        compareMs(plan.nodes[1].exclusiveMs, 1);
        compareMs(plan.nodes[2].exclusiveMs, 8);
        compareMs(plan.exclusiveSum(), plan.root().totalMs);
        QCOMPARE(plan.hotspots.size(), 3);
        QCOMPARE(plan.hotspots.first().id, 2);
        QCOMPARE(plan.hotspots.first().kind, HotspotReason::ManyLoops);
        QVERIFY2(plan.hotspots.first().reason.contains(QStringLiteral("1,000 times")),
                 qPrintable(plan.hotspots.first().reason));
    }

    // Rule (a): below a Gather the figures are per process; W = 1 + Workers Launched.
    void parallelWorkers() {
        const Plan plan = parsePlan(document(
            node(QStringLiteral("Aggregate"), 100, 1, {{QStringLiteral("Strategy"), QStringLiteral("Plain")}},
                 {node(QStringLiteral("Gather"), 97, 1,
                       rel(QStringLiteral("Outer"),
                           {{QStringLiteral("Workers Planned"), 2}, {QStringLiteral("Workers Launched"), 2}}),
                       {node(QStringLiteral("Aggregate"), 95, 3, rel(QStringLiteral("Outer")),
                             {node(QStringLiteral("Seq Scan"), 80, 3,
                                   rel(QStringLiteral("Outer"),
                                       {{QStringLiteral("Parallel Aware"), true},
                                        {QStringLiteral("Relation Name"), QStringLiteral("t")}}))})})})));
        QCOMPARE(plan.nodes[2].processes, 3);
        QCOMPARE(plan.nodes[3].processes, 3);
        compareMs(plan.nodes[2].totalMs, 95);
        compareMs(plan.nodes[3].totalMs, 80);
        compareMs(plan.nodes[0].exclusiveMs, 3);
        compareMs(plan.nodes[1].exclusiveMs, 2);
        compareMs(plan.nodes[2].exclusiveMs, 15);
        compareMs(plan.nodes[3].exclusiveMs, 80);
        // One worker of two launched: W = 2.
        const Plan fewer = parsePlan(
            document(node(QStringLiteral("Gather"), 50, 1,
                          {{QStringLiteral("Workers Planned"), 2}, {QStringLiteral("Workers Launched"), 1}},
                          {node(QStringLiteral("Seq Scan"), 40, 2, rel(QStringLiteral("Outer")))})));
        compareMs(fewer.nodes[1].totalMs, 40);
        compareMs(fewer.nodes[0].exclusiveMs, 10);
    }

    // Rule (b): a SubPlan comes off its parent.
    void subPlanComesOffItsParent() {
        const Plan plan = parsePlan(
            document(node(QStringLiteral("Seq Scan"), 50, 1,
                          {{QStringLiteral("Relation Name"), QStringLiteral("a")},
                           {QStringLiteral("Filter"), QStringLiteral("(SubPlan 1)")}},
                          {node(QStringLiteral("Index Scan"), 0.04, 1000,
                                rel(QStringLiteral("SubPlan"),
                                    {{QStringLiteral("Subplan Name"), QStringLiteral("SubPlan 1")}}))})));
        compareMs(plan.nodes[1].totalMs, 40);
        compareMs(plan.nodes[0].exclusiveMs, 10);
        compareMs(plan.nodes[1].exclusiveMs, 40);
    }

    // Rule (c): a CTE's time comes off the CTE Scans that read it, shared by their totals; the CTE does not
    // come off its parent.
    void cteSharedByItsScans() {
        const QJsonObject cte =
            node(QStringLiteral("Seq Scan"), 20, 1,
                 rel(QStringLiteral("InitPlan"), {{QStringLiteral("Subplan Name"), QStringLiteral("CTE c")},
                                                  {QStringLiteral("Relation Name"), QStringLiteral("t")}}));
        const QJsonObject scan1 =
            node(QStringLiteral("CTE Scan"), 30, 1,
                 rel(QStringLiteral("Outer"), {{QStringLiteral("CTE Name"), QStringLiteral("c")},
                                               {QStringLiteral("Alias"), QStringLiteral("c")}}));
        const QJsonObject scan2 =
            node(QStringLiteral("CTE Scan"), 10, 1,
                 rel(QStringLiteral("Outer"), {{QStringLiteral("CTE Name"), QStringLiteral("c")},
                                               {QStringLiteral("Alias"), QStringLiteral("c2")}}));
        const Plan plan = parsePlan(document(
            node(QStringLiteral("Hash Join"), 50, 1, {},
                 {cte, scan1, node(QStringLiteral("Hash"), 12, 1, rel(QStringLiteral("Inner")), {scan2})})));
        QVERIFY(plan.nodes[1].isCte());
        compareMs(plan.nodes[0].exclusiveMs, 8);  // 50 − 30 − 12
        compareMs(plan.nodes[1].exclusiveMs, 20); // the CTE's own scan
        compareMs(plan.nodes[2].exclusiveMs, 15); // 30 − 20 × 30/40
        compareMs(plan.nodes[3].exclusiveMs, 2);  // 12 − 10
        compareMs(plan.nodes[4].exclusiveMs, 5);  // 10 − 20 × 10/40
        compareMs(plan.exclusiveSum(), 50);
    }

    // Rule (d): an InitPlan's time comes off the node that first uses its value, once.
    void initPlanFromItsUser() {
        const Plan plan = parsePlan(document(
            node(QStringLiteral("Seq Scan"), 30, 1,
                 {{QStringLiteral("Relation Name"), QStringLiteral("t")},
                  {QStringLiteral("Filter"), QStringLiteral("((a)::numeric > $0)")}},
                 {node(QStringLiteral("Aggregate"), 12, 1,
                       rel(QStringLiteral("InitPlan"),
                           {{QStringLiteral("Subplan Name"), QStringLiteral("InitPlan 1 (returns $0)")}}),
                       {node(QStringLiteral("Seq Scan"), 10, 1, rel(QStringLiteral("Outer")))})})));
        compareMs(plan.nodes[0].exclusiveMs, 18);
        compareMs(plan.nodes[1].exclusiveMs, 2);
        compareMs(plan.nodes[2].exclusiveMs, 10);
        compareMs(plan.exclusiveSum(), 30);
    }

    // $1 is not $10: the node naming $10 comes first in pre-order but does not use InitPlan 2's value.
    void initPlanParameterNumbers() {
        const Plan plan = parsePlan(document(node(
            QStringLiteral("Nested Loop"), 40, 1, {},
            {node(QStringLiteral("Result"), 5, 1,
                  rel(QStringLiteral("InitPlan"),
                      {{QStringLiteral("Subplan Name"), QStringLiteral("InitPlan 2 (returns $1)")}})),
             node(QStringLiteral("Seq Scan"), 10, 1,
                  rel(QStringLiteral("Outer"), {{QStringLiteral("Filter"), QStringLiteral("(x = $10)")}})),
             node(QStringLiteral("Index Scan"), 0.02, 1000,
                  rel(QStringLiteral("Inner"),
                      {{QStringLiteral("Index Cond"), QStringLiteral("(y = $1)")}}))})));
        compareMs(plan.nodes[0].exclusiveMs, 10); // 40 − 10 − 20; the InitPlan not taken from it
        compareMs(plan.nodes[2].exclusiveMs, 10);
        compareMs(plan.nodes[3].exclusiveMs, 15); // 20 − 5
        // Nobody names it: its parent pays.
        const Plan unnamed = parsePlan(document(node(
            QStringLiteral("Result"), 8, 1, {},
            {node(QStringLiteral("Result"), 3, 1,
                  rel(QStringLiteral("InitPlan"),
                      {{QStringLiteral("Subplan Name"), QStringLiteral("InitPlan 1 (returns $0)")}}))})));
        compareMs(unnamed.nodes[0].exclusiveMs, 5);
        // PostgreSQL 17 names it "(InitPlan 1).col1".
        const Plan named17 = parsePlan(document(
            node(QStringLiteral("Append"), 9, 1, {},
                 {node(QStringLiteral("Result"), 2, 1,
                       rel(QStringLiteral("InitPlan"),
                           {{QStringLiteral("Subplan Name"), QStringLiteral("InitPlan 1")}})),
                  node(QStringLiteral("Seq Scan"), 6, 1,
                       rel(QStringLiteral("Member"),
                           {{QStringLiteral("Filter"), QStringLiteral("(k = (InitPlan 1).col1)")}}))})));
        compareMs(named17.nodes[0].exclusiveMs, 3);
        compareMs(named17.nodes[2].exclusiveMs, 4);
    }

    // Run-time partition pruning evaluates the InitPlan in the Append before any partition runs.
    void initPlanForRunTimePruning() {
        const Plan plan = parsePlan(document(node(
            QStringLiteral("Append"), 20, 1, {},
            {node(QStringLiteral("Result"), 0.5, 1,
                  rel(QStringLiteral("InitPlan"),
                      {{QStringLiteral("Subplan Name"), QStringLiteral("InitPlan 1 (returns $0)")}})),
             node(QStringLiteral("Seq Scan"), 0, 0,
                  rel(QStringLiteral("Member"), {{QStringLiteral("Relation Name"), QStringLiteral("p1")},
                                                 {QStringLiteral("Filter"), QStringLiteral("(k = $0)")}})),
             node(
                 QStringLiteral("Seq Scan"), 15, 1,
                 rel(QStringLiteral("Member"), {{QStringLiteral("Relation Name"), QStringLiteral("p2")},
                                                {QStringLiteral("Filter"), QStringLiteral("(k = $0)")}}))})));
        compareMs(plan.nodes[0].exclusiveMs, 4.5); // 20 − 15 − 0.5
        compareMs(plan.nodes[3].exclusiveMs, 15);
        // Rule (f): never executed.
        QVERIFY(!plan.nodes[2].executed);
        compareMs(plan.nodes[2].totalMs, 0);
        QVERIFY(!plan.nodes[2].misestimate);
    }

    // Rule (e): per-loop rounding can make a child's total larger than its parent's: never below zero.
    void roundingNeverNegative() {
        const Plan plan = parsePlan(
            document(node(QStringLiteral("Limit"), 1.0, 1, {},
                          {node(QStringLiteral("Index Scan"), 0.0011, 1000, rel(QStringLiteral("Outer")))})));
        compareMs(plan.nodes[0].exclusiveMs, 0);
        compareMs(plan.nodes[1].exclusiveMs, 1.1);
    }

    void misestimates() {
        const Plan plan = parsePlan(
            document(node(QStringLiteral("Hash Join"), 10, 1,
                          {{QStringLiteral("Plan Rows"), 10}, {QStringLiteral("Actual Rows"), 1000}},
                          {node(QStringLiteral("Seq Scan"), 2, 1,
                                rel(QStringLiteral("Outer"), {{QStringLiteral("Plan Rows"), 5000},
                                                              {QStringLiteral("Actual Rows"), 5}})),
                           node(QStringLiteral("Hash"), 1, 1, rel(QStringLiteral("Inner")))})));
        QCOMPARE(*plan.nodes[0].misestimate, 100.0);
        QCOMPARE(misestimateText(plan.nodes[0]), QStringLiteral("100× underestimated"));
        QCOMPARE(misestimateText(plan.nodes[1]), QStringLiteral("1,000× overestimated"));
        QCOMPARE(misestimateText(plan.nodes[2]), QString());
        QCOMPARE(plan.hotspots.first().id, 0);
        QCOMPARE(plan.hotspots.first().kind, HotspotReason::JoinMisestimate);
    }

    void hotspotReasons() {
        const Plan sort = parsePlan(document(node(
            QStringLiteral("Sort"), 50, 1,
            {{QStringLiteral("Sort Method"), QStringLiteral("external merge")},
             {QStringLiteral("Sort Space Type"), QStringLiteral("Disk")},
             {QStringLiteral("Sort Space Used"), 2048}},
            {node(QStringLiteral("Seq Scan"), 10, 1,
                  rel(QStringLiteral("Outer"), {{QStringLiteral("Relation Name"), QStringLiteral("t")},
                                                {QStringLiteral("Rows Removed by Filter"), 99900},
                                                {QStringLiteral("Filter"), QStringLiteral("(a = 1)")}}))})));
        QCOMPARE(sort.hotspots.size(), 2);
        QCOMPARE(sort.hotspots[0].kind, HotspotReason::SortSpills);
        QCOMPARE(sort.hotspots[1].kind, HotspotReason::FilterRemovesMostRows);
        QVERIFY2(sort.hotspots[1].reason.contains(QStringLiteral("99.9 %")),
                 qPrintable(sort.hotspots[1].reason));
        const Plan hash = parsePlan(
            document(node(QStringLiteral("Hash Join"), 50, 1, {},
                          {node(QStringLiteral("Seq Scan"), 5, 1, rel(QStringLiteral("Outer"))),
                           node(QStringLiteral("Hash"), 10, 1,
                                rel(QStringLiteral("Inner"), {{QStringLiteral("Hash Batches"), 8},
                                                              {QStringLiteral("Original Hash Batches"), 1}}),
                                {node(QStringLiteral("Seq Scan"), 5, 1, rel(QStringLiteral("Outer")))})})));
        QCOMPARE(hash.hotspots.first().id, 0);
        QCOMPARE(hash.hotspots.first().kind, HotspotReason::HashSpills);
        // Slow nodes with no other reason: only the first is "the most time of any node" (a node at 16 %
        // was called that too); the others say their rank.
        const Plan slow = parsePlan(
            document(node(QStringLiteral("Append"), 100, 1, {},
                          {node(QStringLiteral("Seq Scan"), 50, 1, rel(QStringLiteral("Member"))),
                           node(QStringLiteral("Seq Scan"), 20, 1, rel(QStringLiteral("Member"))),
                           node(QStringLiteral("Seq Scan"), 16, 1, rel(QStringLiteral("Member")))})));
        QCOMPARE(slow.hotspots.size(), 3);
        for (const auto& h : slow.hotspots)
            QCOMPARE(h.kind, HotspotReason::SlowNode);
        QVERIFY2(slow.hotspots[0].reason.endsWith(QStringLiteral("the most time of any node")),
                 qPrintable(slow.hotspots[0].reason));
        QVERIFY2(slow.hotspots[1].reason.endsWith(QStringLiteral("the second most time of any node")),
                 qPrintable(slow.hotspots[1].reason));
        QVERIFY2(slow.hotspots[2].reason.endsWith(QStringLiteral("the third most time of any node")),
                 qPrintable(slow.hotspots[2].reason));
        QCOMPARE(slow.hotspots[2].rank, 3);
    }

    // A plan file is anyone's: counts far out of range are clamped, never wrapped (1e308 was -9.2e18).
    void hugeCountsAreClamped() {
        QJsonObject scan = node(QStringLiteral("Seq Scan"), 1, 1,
                                {{QStringLiteral("Shared Hit Blocks"), 1e308},
                                 {QStringLiteral("Shared Read Blocks"), -5},
                                 {QStringLiteral("Workers Planned"), 1e20}});
        scan.insert(QStringLiteral("Plan Width"), 1e308); // node() writes 4
        const Plan plan = parsePlan(document(scan));
        QCOMPARE(plan.nodes[0].planWidth, std::numeric_limits<int>::max());
        QCOMPARE(plan.nodes[0].buffers.sharedHit, std::numeric_limits<qint64>::max());
        QCOMPARE(plan.nodes[0].buffers.sharedRead, 0);
        QCOMPARE(plan.nodes[0].workersPlanned, 262143);
    }

    void notAnalysed() {
        QJsonObject root{{QStringLiteral("Node Type"), QStringLiteral("Seq Scan")},
                         {QStringLiteral("Relation Name"), QStringLiteral("t")},
                         {QStringLiteral("Plan Rows"), 1000},
                         {QStringLiteral("Total Cost"), 35.5}};
        const Plan plan =
            parsePlan(QJsonDocument(QJsonArray{QJsonObject{{QStringLiteral("Plan"), root}}}).toJson());
        QVERIFY(!plan.analysed);
        QVERIFY(plan.hotspots.isEmpty());
        const QJsonObject json = planToJson(plan);
        QVERIFY(json.value(QStringLiteral("planning_ms")).isNull());
        const QJsonObject n = json.value(QStringLiteral("nodes")).toArray().first().toObject();
        QVERIFY(n.value(QStringLiteral("total_ms")).isNull());
        QVERIFY(n.value(QStringLiteral("misestimate")).isNull());
        QCOMPARE(n.value(QStringLiteral("rows_estimated")).toDouble(), 1000.0);
        QVERIFY(planToText(plan).contains(QStringLiteral("cost 0.00..35.50")));
    }

    // The CLI's JSON: pre-order ids, parents, and the fields scripts read.
    void cliJson() {
        const Plan plan = parsePlan(document(
            node(
                QStringLiteral("Nested Loop"), 10, 1, {},
                {node(QStringLiteral("Seq Scan"), 1, 1,
                      rel(QStringLiteral("Outer"), {{QStringLiteral("Relation Name"), QStringLiteral("a")}})),
                 node(QStringLiteral("Index Scan"), 0.008, 1000, rel(QStringLiteral("Inner")))}),
            0.25, 10.5));
        const QJsonObject json = planToJson(plan);
        QCOMPARE(json.value(QStringLiteral("planning_ms")).toDouble(), 0.25);
        QCOMPARE(json.value(QStringLiteral("execution_ms")).toDouble(), 10.5);
        const QJsonArray nodes = json.value(QStringLiteral("nodes")).toArray();
        QCOMPARE(nodes.size(), 3);
        const QJsonObject root = nodes[0].toObject();
        QVERIFY(root.value(QStringLiteral("parent")).isNull());
        QVERIFY(root.value(QStringLiteral("relation")).isNull());
        const QJsonObject inner = nodes[2].toObject();
        QCOMPARE(inner.value(QStringLiteral("id")).toInt(), 2);
        QCOMPARE(inner.value(QStringLiteral("parent")).toInt(), 0);
        QCOMPARE(inner.value(QStringLiteral("node_type")).toString(), QStringLiteral("Index Scan"));
        QCOMPARE(inner.value(QStringLiteral("loops")).toDouble(), 1000.0);
        QCOMPARE(inner.value(QStringLiteral("total_ms")).toDouble(), 8.0);
        QCOMPARE(inner.value(QStringLiteral("exclusive_ms")).toDouble(), 8.0);
        QCOMPARE(inner.value(QStringLiteral("misestimate")).toDouble(), 1.0);
        QCOMPARE(nodes[1].toObject().value(QStringLiteral("relation")).toString(), QStringLiteral("a"));
        const QJsonArray hotspots = json.value(QStringLiteral("hotspots")).toArray();
        QCOMPARE(hotspots.first().toObject().value(QStringLiteral("id")).toInt(), 2);
        QVERIFY(!hotspots.first().toObject().value(QStringLiteral("reason")).toString().isEmpty());
    }

    // psql's aligned output, auto_explain's log line, a log prefix with brackets, text after the plan.
    void wrappings() {
        const QByteArray psql = "                 QUERY PLAN                 \n"
                                "--------------------------------------------\n"
                                " [                                         +\n"
                                "   {                                       +\n"
                                "     \"Plan\": {                             +\n"
                                "       \"Node Type\": \"Result\",            +\n"
                                "       \"Plan Rows\": 1                      +\n"
                                "     },                                    +\n"
                                "     \"Planning Time\": 0.031              +\n"
                                "   }                                       +\n"
                                " ]\n"
                                "(1 row)\n\n";
        const Plan fromPsql = parsePlan(psql);
        QCOMPARE(fromPsql.root().nodeType, QStringLiteral("Result"));
        QCOMPARE(*fromPsql.planningMs, 0.031);
        const QByteArray log =
            "2026-11-25 12:00:00 UTC [4242] LOG:  duration: 0.050 ms  plan:\n"
            "\t{\n\t  \"Query Text\": \"select 1\",\n\t  \"Plan\": {\n"
            "\t    \"Node Type\": \"Result\", \"Actual Total Time\": 0.002, \"Actual Loops\": 1\n"
            "\t  }\n\t}\n"
            "2026-11-25 12:00:01 UTC [4242] LOG:  statement: select 2\n";
        const Plan fromLog = parsePlan(log);
        QCOMPARE(fromLog.queryText, QStringLiteral("select 1"));
        QVERIFY(fromLog.analysed);
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, parsePlan("[{\"NotAPlan\": 1}]"));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, parsePlan("QUERY PLAN\n------\n Scanning t\n"));
        QCOMPARE(parsePlan("QUERY PLAN\n------\n Seq Scan on t\n").root().relation,
                 QStringLiteral("t")); // text
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, parsePlan(QByteArray()));
    }

    // A plan 5,000 nodes deep (10,000 JSON levels, past Qt's reader) is read, without recursion; one past
    // the reader's 200,000 levels is said to be too deep, not "no plan found". Plans compare at that depth.
    void deepPlans() {
        const auto nested = [](int depth) {
            QByteArray json = "[{\"Plan\": ";
            for (int i = 0; i < depth; ++i)
                json += "{\"Node Type\": \"Limit\", \"Total Cost\": 1.0, \"Plans\": [";
            json += "{\"Node Type\": \"Result\", \"Total Cost\": 1.0}";
            for (int i = 0; i < depth; ++i)
                json += "]}";
            return json + ", \"Planning Time\": 0.5}]";
        };
        QCOMPARE(parsePlan(nested(400)).nodes.size(), 401);
        const Plan deep = parsePlan("log line: " + nested(5000) + "\nnext line {");
        QCOMPARE(deep.nodes.size(), 5001);
        QCOMPARE(deep.nodes.last().depth, 5000);
        QCOMPARE(deep.nodes.last().nodeType, QStringLiteral("Result"));
        QCOMPARE(deep.nodes[4999].children, QList<int>{5000});
        QCOMPARE(deep.planningMs, 0.5);
        QVERIFY(!deep.nodes[10].properties.contains(QStringLiteral("Plans")));
        QCOMPARE(comparePlans(deep, deep).matched, 5001);
        QVERIFY(!planToText(deep).isEmpty());
        try {
            parsePlan(nested(100001));
            QFAIL("a plan past the reader's depth was read");
        } catch (const ConfigurationError& e) {
            QVERIFY2(e.message().contains(QStringLiteral("too deep")), qPrintable(e.message()));
        }
    }

    void layout() {
        const Plan plan = parsePlan(
            document(node(QStringLiteral("Hash Join"), 10, 1, {},
                          {node(QStringLiteral("Seq Scan"), 2, 1, rel(QStringLiteral("Outer"))),
                           node(QStringLiteral("Hash"), 1, 1, rel(QStringLiteral("Inner")),
                                {node(QStringLiteral("Seq Scan"), 1, 1, rel(QStringLiteral("Outer")))})})));
        PlanLayoutOptions options;
        const PlanLayout all = layoutPlan(plan, {}, options);
        QCOMPARE(all.visibleCount, 4);
        QCOMPARE(all.boxes[0].center().x(), (all.boxes[1].center().x() + all.boxes[2].center().x()) / 2);
        QCOMPARE(all.boxes[3].center().x(), all.boxes[2].center().x()); // an only child under its parent
        QVERIFY(all.boxes[1].right() + options.horizontalGap <= all.boxes[2].left());
        QVERIFY(all.boxes[1].top() >= all.boxes[0].bottom() + options.verticalGap);
        QCOMPARE(all.bounds, all.boxes[0].united(all.boxes[1]).united(all.boxes[2]).united(all.boxes[3]));
        const PlanLayout hash = layoutPlan(plan, {2}, options);
        QCOMPARE(hash.visibleCount, 3);
        QVERIFY(!hash.visible[3] && hash.visible[2]);
        const PlanLayout root = layoutPlan(plan, {0}, options);
        QCOMPARE(root.visibleCount, 1);
        QCOMPARE(root.bounds.size(), options.nodeSize);
    }

    // Before and after an index: the Seq Scan and the Index Scan on the table are one node that changed;
    // a Sort only the second plan has is new.
    void compare() {
        const auto scan = [](const QString& type) {
            return node(type, 5, 1,
                        rel(QStringLiteral("Outer"), {{QStringLiteral("Relation Name"), QStringLiteral("t")},
                                                      {QStringLiteral("Alias"), QStringLiteral("t")}}));
        };
        const Plan before = parsePlan(
            document(node(QStringLiteral("Aggregate"), 10, 1, {}, {scan(QStringLiteral("Seq Scan"))})));
        const Plan after =
            parsePlan(document(node(QStringLiteral("Aggregate"), 3, 1, {},
                                    {node(QStringLiteral("Sort"), 2, 1, rel(QStringLiteral("Outer")),
                                          {scan(QStringLiteral("Index Scan"))})})));
        const PlanComparison c = comparePlans(before, after);
        QCOMPARE(c.matched, 1); // the aggregates; the scan sits under a new Sort: another place
        const PlanComparison same = comparePlans(before, before);
        QCOMPARE(same.matched, 2);
        QCOMPARE(same.changed, 0);
        const Plan indexed = parsePlan(
            document(node(QStringLiteral("Aggregate"), 3, 1, {}, {scan(QStringLiteral("Index Scan"))})));
        const PlanComparison changed = comparePlans(before, indexed);
        QCOMPARE(changed.matched, 2);
        QCOMPARE(changed.changed, 1);
        QCOMPARE(changed.pairs[1].before, 1);
        QCOMPARE(changed.pairs[1].after, 1);
        // Children aligned in order: a member only the second plan has is new, the others match.
        QJsonArray three, two;
        for (int i : {1, 2, 3}) {
            const QJsonObject member =
                node(QStringLiteral("Seq Scan"), 1, 1,
                     rel(QStringLiteral("Member"),
                         {{QStringLiteral("Relation Name"), QStringLiteral("p%1").arg(i)}}));
            three.append(member);
            if (i != 2)
                two.append(member);
        }
        const PlanComparison members =
            comparePlans(parsePlan(document(node(QStringLiteral("Append"), 5, 1, {}, two))),
                         parsePlan(document(node(QStringLiteral("Append"), 5, 1, {}, three))));
        QCOMPARE(members.matched, 3);
        QCOMPARE(members.pairs.size(), 4);
        QCOMPARE(members.pairs[2].before, -1);
        QCOMPARE(members.pairs[2].after, 2);
    }

    // What-if indexes, pure: the columns of a condition as EXPLAIN prints it, and the statement to build one.
    void conditionColumnsAndCreateIndex() {
        QCOMPARE(conditionColumns(QStringLiteral("((status = 'paid'::text) AND (amount > '10'::numeric))")),
                 (QStringList{QStringLiteral("status"), QStringLiteral("amount")}));
        QCOMPARE(conditionColumns(QStringLiteral("(lower((name)::text) ~~ 'jo%'::text)")),
                 QStringList{QStringLiteral("name")});
        QCOMPARE(conditionColumns(QStringLiteral("((o.customer_id = c.customer_id) AND (o.note IS NULL))")),
                 (QStringList{QStringLiteral("customer_id"), QStringLiteral("note")}));
        QCOMPARE(conditionColumns(QStringLiteral("(\"Odd \"\"Name\"\"\" = ANY ('{1,2}'::integer[]))")),
                 QStringList{QStringLiteral("Odd \"Name\"")});
        QCOMPARE(conditionColumns(QStringLiteral("(created_at > (now() - '1 day'::interval))")),
                 QStringList{QStringLiteral("created_at")});
        QCOMPARE(conditionColumns(QStringLiteral("((v)::character varying = 'x'::character varying)")),
                 QStringList{QStringLiteral("v")});
        HypotheticalIndex index;
        index.schema = QStringLiteral("sales");
        index.table = QStringLiteral("order\"s");
        index.columns = {QStringLiteral("status"), QStringLiteral("a b")};
        QCOMPARE(createIndexStatement(index),
                 QStringLiteral("CREATE INDEX CONCURRENTLY ON \"sales\".\"order\"\"s\" USING \"btree\" "
                                "(\"status\", \"a b\")"));
        index.schema.clear();
        QCOMPARE(createIndexStatement(index, false),
                 QStringLiteral("CREATE INDEX ON \"order\"\"s\" USING \"btree\" (\"status\", \"a b\")"));
    }

    // Many nodes: an Append over 1,000 partitions reads in pre-order with each one's parent.
    void wideAppend() {
        QJsonArray members;
        for (int i = 0; i < 1000; ++i)
            members.append(node(QStringLiteral("Seq Scan"), 0.01, 1,
                                rel(QStringLiteral("Member"),
                                    {{QStringLiteral("Relation Name"), QStringLiteral("p%1").arg(i)}})));
        const Plan plan = parsePlan(document(node(QStringLiteral("Append"), 15, 1, {}, members)));
        QCOMPARE(plan.nodes.size(), 1001);
        QCOMPARE(plan.nodes[1000].parent, 0);
        QCOMPARE(plan.nodes[1000].relation, QStringLiteral("p999"));
        compareMs(plan.nodes[0].exclusiveMs, 5);
    }
};

QTEST_GUILESS_MAIN(TestPlanParse)
#include "tst_planparse.moc"
