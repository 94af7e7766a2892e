// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdesk::core {

// Buffers as EXPLAIN (BUFFERS) gives them: inclusive of the node's children, in blocks.
struct PlanBuffers {
    qint64 sharedHit = 0;
    qint64 sharedRead = 0;
    qint64 sharedDirtied = 0;
    qint64 sharedWritten = 0;
    qint64 localHit = 0;
    qint64 localRead = 0;
    qint64 tempRead = 0;
    qint64 tempWritten = 0;
    double ioReadMs = 0; // track_io_timing
    double ioWriteMs = 0;
    bool any = false; // the plan carried buffer counts
};

// One node of a plan, with what the analysis computed (analyzePlan(), the time rules in README).
struct PlanNode {
    int id = 0;      // pre-order index, root 0
    int parent = -1; // -1 at the root
    QList<int> children;
    int depth = 0;

    QString nodeType; // "Seq Scan", "Hash Join", …
    QString relation; // "schema.table" or the table alone when the plan has no schema; empty if none
    QString schema;   // the two parts of relation ("Schema" only with VERBOSE)
    QString table;
    QString alias;
    QString indexName;
    QString cteName;            // a CTE Scan's CTE
    QString parentRelationship; // Outer, Inner, Member, SubPlan, InitPlan, Subquery, …
    QString subplanName;        // "InitPlan 1 (returns $0)", "SubPlan 2", "CTE name"
    QString joinType;           // Inner, Left, Semi, …
    QString strategy;           // Hashed, Sorted, Plain (aggregates)
    bool parallelAware = false;

    double startupCost = 0;
    double totalCost = 0;
    double planRows = 0; // per loop
    int planWidth = 0;

    bool analysed = false;      // the plan has actual figures (EXPLAIN ANALYZE)
    bool executed = false;      // analysed and run at least once (not "never executed")
    bool timed = false;         // actual times present (not TIMING OFF)
    double actualStartupMs = 0; // per loop, as the plan gives them
    double actualTotalMs = 0;
    double actualRows = 0; // per loop
    double loops = 0;
    int workersPlanned = -1; // Gather / Gather Merge
    int workersLaunched = -1;
    int processes = 1; // W: the processes sharing the node (rule a)

    double totalMs = 0;                // inclusive, over all loops (rule a)
    double exclusiveMs = 0;            // own time, over all loops (rules b–f)
    std::optional<double> misestimate; // actual rows / estimated rows, null when not analysed or never run

    PlanBuffers buffers;
    QList<QPair<QString, QString>> conditions; // ("Filter", "(a > 1)"), ("Hash Cond", …), in the plan's order
    double rowsRemovedByFilter = 0;
    double rowsRemovedByJoinFilter = 0;
    double rowsRemovedByIndexRecheck = 0;
    QString sortMethod;
    QString sortSpaceType; // Memory or Disk
    qint64 sortSpaceKb = 0;
    qint64 hashBatches = 0;
    qint64 originalHashBatches = 0;
    qint64 diskUsageKb = 0; // hash aggregate / hash spill
    qint64 subplansRemoved = 0;

    QJsonObject properties; // every property of the node as the server gave it, children left out

    bool isInitPlan() const { return parentRelationship == QLatin1String("InitPlan"); }
    bool isCte() const { return isInitPlan() && subplanName.startsWith(QLatin1String("CTE ")); }
    // The node as psql's text EXPLAIN names it: "Parallel Seq Scan on public.t x", "Index Scan Backward
    // using t_pkey on t", "Hash Left Join", "Update on t", "Aggregate (Hashed)", "CTE Scan on c".
    QString label;
    QString title() const;
};

// Why a node is a hotspot.
enum class HotspotReason {
    FilterRemovesMostRows, // a scan reads rows that its filter throws away
    SortSpills,            // sort went to disk
    HashSpills,            // hash or hash aggregate used batches / disk
    ManyLoops,             // a node run many times under a nested loop
    JoinMisestimate,       // a join whose rows were misestimated by 10× or more
    Misestimate,           // another node misestimated by 10× or more
    SlowNode,              // none of the above: it is where the time goes
};

struct PlanHotspot {
    int id = 0;
    HotspotReason kind = HotspotReason::SlowNode;
    QString reason; // one sentence for people, with the figures
    int rank = 1;   // 1 for the node with the most time of its own, 2 and 3 for the next
};

struct Plan {
    QList<PlanNode> nodes; // pre-order, root first
    bool analysed = false;
    std::optional<double> planningMs;
    std::optional<double> executionMs;
    double triggersMs = 0;
    QString queryText;           // auto_explain's "Query Text", if any
    QJsonObject settings;        // EXPLAIN (SETTINGS): settings that differ from the defaults
    QList<PlanHotspot> hotspots; // at most 3, largest exclusive time first
    QByteArray json;             // the plan's JSON text as read

    const PlanNode& root() const { return nodes.first(); }
    // The sum of every node's exclusive time (= the root's total when the rules balance).
    double exclusiveSum() const;
};

// The EXPLAIN (FORMAT JSON) document in `text`: the JSON itself, psql's aligned output of it (header, "+"
// continuation marks and "(1 row)" around it), or a log line from auto_explain (text before the JSON); or
// a plan in EXPLAIN's text format, turned into JSON by textPlanToJson().
// Throws ConfigurationError (field "plan") when no plan is found.
QByteArray extractPlanJson(const QByteArray& text);

// EXPLAIN's text format (psql's output, auto_explain's plan in a server log with its "Query Text:") as the
// JSON format's document, so one reader analyses both; nullopt when `text` holds no text plan. Property
// lines keep their names ("Filter", "Rows Removed by Filter"); the figures EXPLAIN writes several to a
// line (Buffers, Sort Method, Buckets) get the JSON format's names.
std::optional<QByteArray> textPlanToJson(const QByteArray& text);

// Reads a plan (anything extractPlanJson() accepts; the first statement's plan when there are several) and
// analyses it: pre-order ids, inclusive and exclusive times, misestimates, hotspots. Throws as
// extractPlanJson() for a document that is not a plan.
Plan parsePlan(const QByteArray& text);

// The misestimate as people read it: "10× underestimated" (more rows than estimated), "250× overestimated";
// empty when within 10× or unknown.
QString misestimateText(const PlanNode& node);
// The size of a misestimate: max(a/e, e/a) with a row count of 0 taken as 1; 1 when unknown.
double misestimateMagnitude(const PlanNode& node);

// The plan as the CLI prints `--format json`: {"planning_ms", "execution_ms", "nodes", "hotspots"}.
QJsonObject planToJson(const Plan& plan);
// The plan as indented text, one node per line with its times, rows and misestimate, then the hotspots.
QString planToText(const Plan& plan);

} // namespace pgdesk::core
