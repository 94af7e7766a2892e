// SPDX-License-Identifier: GPL-3.0-or-later
// Reading EXPLAIN (FORMAT JSON) and the time rules (README, "Reading a plan"): inclusive time per process,
// exclusive time with SubPlans, CTEs and InitPlans taken back where PostgreSQL spends them.
#include <pgdesk/core/plan/plan.h>

#include "plan/planhotspots.h"
#include <pgdesk/core/base/jsontext.h>

#include <pgdesk/core/base/errors.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace pgdesk::core {

namespace {

// A chain of plan nodes nests two JSON levels per node: reading goes this deep (PostgreSQL's own stack
// ends plans far earlier), iteratively, past Qt's reader (1,024 levels).
constexpr int kMaxJsonDepth = 200000;

// The plan's top object at the reader's cursor: [ {"Plan": …} ] as EXPLAIN gives it, or {"Plan": …} as
// auto_explain logs it. The reader stands before the top object (true) or anywhere (false).
bool atPlanDocument(json::Reader& r) {
    if (r.type() == json::Type::Array) {
        r.beginArray();
        if (!r.nextElement())
            return false;
    }
    if (r.type() != json::Type::Object)
        return false;
    const qsizetype top = r.offset();
    r.beginObject();
    std::string key;
    while (r.nextMember(&key)) {
        if (key == "Plan" && r.type() == json::Type::Object) {
            r.seek(top);
            return true;
        }
        r.skip();
    }
    return false;
}

// The plan document at `from` in `text`, ignoring what follows it (a log's next line). *tooDeep is set
// when the JSON there nests deeper than kMaxJsonDepth.
std::optional<QByteArray> planAt(const QByteArray& text, qsizetype from, bool* tooDeep) {
    qsizetype end = 0;
    try {
        end = json::validatePrefix(text, from, kMaxJsonDepth);
    } catch (const ConfigurationError& e) {
        *tooDeep = e.message().contains(QLatin1String("nested too deeply"));
        return std::nullopt;
    }
    const QByteArray candidate = text.mid(from, end - from);
    json::Reader r(candidate);
    if (!atPlanDocument(r))
        return std::nullopt;
    return candidate;
}

// psql's aligned output of a one-column result: " QUERY PLAN " over a dashed line, each value line led
// by a space and ended by "+" when the value goes on, "(1 row)" after.
QByteArray withoutPsqlFrame(const QByteArray& text) {
    const QList<QByteArray> lines = text.split('\n');
    qsizetype header = -1;
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        if (lines[i].trimmed() == "QUERY PLAN" && lines[i + 1].trimmed().startsWith("---")) {
            header = i;
            break;
        }
    }
    if (header < 0)
        return text;
    static const QRegularExpression rowCount(QStringLiteral("^\\(\\d+ rows?\\)$"));
    QByteArray out;
    for (qsizetype i = header + 2; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        if (rowCount.match(QString::fromUtf8(line.trimmed())).hasMatch())
            break;
        if (line.startsWith(' '))
            line.remove(0, 1);
        while (line.endsWith(' '))
            line.chop(1);
        if (line.endsWith('+'))
            line.chop(1);
        out += line;
        out += '\n';
    }
    return out;
}

QString jsonText(const QJsonObject& node, const char* key) {
    return node.value(QLatin1String(key)).toString();
}

// What the node works on, as psql writes it after " on ": the relation (schema-qualified when the plan is
// VERBOSE), CTE, function or tuplestore, then the alias when it differs; a subquery or VALUES list by its
// alias alone.
QString scanTarget(const QJsonObject& node) {
    QString name;
    for (const char* key :
         {"Relation Name", "CTE Name", "Function Name", "Table Function Name", "Tuplestore Name"}) {
        name = jsonText(node, key);
        if (!name.isEmpty())
            break;
    }
    const QString alias = jsonText(node, "Alias");
    if (name.isEmpty())
        return alias;
    const QString schema = jsonText(node, "Schema");
    QString target = schema.isEmpty() ? name : schema + QLatin1Char('.') + name;
    if (!alias.isEmpty() && alias != name)
        target += QLatin1Char(' ') + alias;
    return target;
}

// The node's line as psql's text EXPLAIN writes it ("Parallel Seq Scan on public.customer c", "Index Scan
// Backward using customer_pkey on customer", "Hash Left Join", "Insert on t"), the strategy of an aggregate
// or set operation in parentheses ("Aggregate (Hashed)", psql's HashAggregate).
QString nodeLabel(const QJsonObject& node) {
    const QString type = jsonText(node, "Node Type");
    QString label;
    if (node.value(QLatin1String("Parallel Aware")).toBool())
        label += QStringLiteral("Parallel ");
    if (node.value(QLatin1String("Async Capable")).toBool())
        label += QStringLiteral("Async ");
    const QString partial = jsonText(node, "Partial Mode"); // Simple, Partial or Finalize
    if (!partial.isEmpty() && partial != QLatin1String("Simple"))
        label += partial + QLatin1Char(' ');
    const QString operation = jsonText(node, "Operation"); // ModifyTable: Insert, Update, Delete, Merge
    const QString join = jsonText(node, "Join Type");
    if (type == QLatin1String("ModifyTable") && !operation.isEmpty()) {
        label += operation;
    } else if (!join.isEmpty() && join != QLatin1String("Inner")) {
        // "Hash Join" + Left = "Hash Left Join"; "Nested Loop" + Left = "Nested Loop Left Join".
        QString method = type;
        if (method.endsWith(QLatin1String(" Join")))
            method.chop(5);
        label += QStringLiteral("%1 %2 Join").arg(method, join);
    } else {
        label += type;
    }
    const QString command = jsonText(node, "Command"); // SetOp: Intersect, Except…
    if (!command.isEmpty())
        label += QLatin1Char(' ') + command;
    const QString strategy = jsonText(node, "Strategy"); // Aggregate, SetOp: Plain, Sorted, Hashed, Mixed
    if (!strategy.isEmpty() && strategy != QLatin1String("Plain"))
        label += QStringLiteral(" (%1)").arg(strategy);
    if (jsonText(node, "Scan Direction") == QLatin1String("Backward"))
        label += QStringLiteral(" Backward");
    const QString index = jsonText(node, "Index Name");
    const QString target = scanTarget(node);
    if (!index.isEmpty())
        label +=
            (target.isEmpty() ? QStringLiteral(" on ") : QStringLiteral(" using ")) + index; // bitmap: on
    if (!target.isEmpty())
        label += QStringLiteral(" on ") + target;
    return label;
}

// The object at the reader's cursor as text without its member `cut` (each other member's text as it was),
// the offset of `cut`'s value in *cutAt (-1 without it); the reader ends past the object.
QByteArray objectWithout(json::Reader& r, const QByteArray& text, std::string_view cut, qsizetype* cutAt) {
    *cutAt = -1;
    QByteArray out("{");
    r.beginObject();
    std::string key;
    for (;;) {
        const qsizetype before = r.offset();
        if (!r.nextMember(&key))
            break;
        const qsizetype valueAt = r.offset();
        r.skip();
        if (key == cut) {
            *cutAt = valueAt;
            continue;
        }
        const qsizetype keyAt = text.indexOf('"', before);
        if (out.size() > 1)
            out += ',';
        out += QByteArrayView(text).sliced(keyAt, r.offset() - keyAt);
    }
    return out + '}';
}

QJsonObject shallowObject(const QByteArray& text) {
    return QJsonDocument::fromJson(text).object(); // valid (validated whole) and shallow: its "Plans" cut
}

// One node of the plan, its "Plans" cut out: deep plans are walked with a stack of these, not recursion.
struct FlatNode {
    QJsonObject object;
    int parent;
};

// The nodes of the plan whose top object is at the reader's cursor, in pre-order; *top gets the top
// object without "Plan". One pass over the text: a node's members are gathered while its children, read in
// between, have theirs.
QList<FlatNode> flattenPlan(const QByteArray& json, QJsonObject* top) {
    json::Reader r(json);
    atPlanDocument(r);
    qsizetype planAt = -1;
    *top = shallowObject(objectWithout(r, json, "Plan", &planAt));
    struct Open {
        int index;       // in out
        QByteArray text; // its members so far, "Plans" left out
        bool inPlans = false;
    };
    QList<FlatNode> out{FlatNode{{}, -1}};
    std::vector<Open> open{{0, QByteArray("{")}};
    r.seek(planAt);
    r.beginObject();
    std::string key;
    while (!open.empty()) {
        Open& o = open.back();
        if (o.inPlans) {
            if (!r.nextElement()) {
                o.inPlans = false; // the array's end: the node's other members follow
            } else if (r.type() == json::Type::Object) {
                r.beginObject();
                out << FlatNode{{}, o.index};
                open.push_back({int(out.size()) - 1, QByteArray("{")});
            } else {
                r.skip();
            }
            continue;
        }
        const qsizetype before = r.offset();
        if (!r.nextMember(&key)) {
            out[o.index].object = shallowObject(o.text + '}');
            open.pop_back();
            continue;
        }
        if (key == "Plans" && r.type() == json::Type::Array) {
            r.beginArray();
            o.inPlans = true;
            continue;
        }
        r.skip();
        const qsizetype keyAt = json.indexOf('"', before);
        if (o.text.size() > 1)
            o.text += ',';
        o.text += QByteArrayView(json).sliced(keyAt, r.offset() - keyAt);
    }
    return out;
}

// max_worker_processes cannot exceed this: a plan file claiming more is clamped (the counts add up).
constexpr qint64 kMaxWorkers = 262143;

struct Builder {
    Plan& plan;

    static double number(const QJsonObject& o, const char* key) {
        return o.value(QLatin1String(key)).toDouble();
    }
    // A count of a plan file, which anyone may have written: out of range (1e308, -5, NaN) is clamped, never
    // cast (1e308 became -9.2e18).
    static qint64 integer(const QJsonObject& o, const char* key) {
        const double v = o.value(QLatin1String(key)).toDouble();
        if (!(v > 0))
            return 0;
        return v >= 9.2e18 ? std::numeric_limits<qint64>::max() : qint64(v);
    }
    static int smallInteger(const QJsonObject& o, const char* key) {
        return int(std::min<qint64>(integer(o, key), std::numeric_limits<int>::max()));
    }
    static QString text(const QJsonObject& o, const char* key) {
        return o.value(QLatin1String(key)).toString();
    }

    // The nodes in pre-order, each after its parent.
    void addAll(const QList<FlatNode>& flat) {
        plan.nodes.reserve(flat.size());
        for (const FlatNode& f : flat) {
            int depth = 0;
            int processes = 1;
            if (f.parent >= 0) {
                // Rule (a): the children of a Gather run in the leader and the launched workers; below them
                // the figures are per process. Its InitPlans and SubPlans run in the leader alone.
                const PlanNode& p = plan.nodes[f.parent];
                const bool gather =
                    p.nodeType == QLatin1String("Gather") || p.nodeType == QLatin1String("Gather Merge");
                const int workers =
                    p.workersLaunched >= 0 ? p.workersLaunched : std::max(p.workersPlanned, 0);
                const QString relationship = text(f.object, "Parent Relationship");
                const bool ordinary =
                    relationship != QLatin1String("InitPlan") && relationship != QLatin1String("SubPlan");
                depth = p.depth + 1;
                processes = gather && ordinary ? 1 + workers : p.processes;
            }
            add(f.object, f.parent, depth, processes);
        }
    }

    void add(const QJsonObject& o, int parent, int depth, int processes) {
        const int id = int(plan.nodes.size());
        plan.nodes.append(PlanNode{});
        if (parent >= 0)
            plan.nodes[parent].children << id;
        PlanNode n;
        n.id = id;
        n.parent = parent;
        n.depth = depth;
        n.processes = processes;
        n.nodeType = text(o, "Node Type");
        n.label = nodeLabel(o);
        const QString relation = text(o, "Relation Name");
        const QString schema = text(o, "Schema");
        n.relation = relation.isEmpty() || schema.isEmpty() ? relation : schema + QLatin1Char('.') + relation;
        n.schema = schema;
        n.table = relation;
        n.alias = text(o, "Alias");
        n.indexName = text(o, "Index Name");
        n.cteName = text(o, "CTE Name");
        n.parentRelationship = text(o, "Parent Relationship");
        n.subplanName = text(o, "Subplan Name");
        n.joinType = text(o, "Join Type");
        n.strategy = text(o, "Strategy");
        n.parallelAware = o.value(QLatin1String("Parallel Aware")).toBool();
        n.startupCost = number(o, "Startup Cost");
        n.totalCost = number(o, "Total Cost");
        n.planRows = number(o, "Plan Rows");
        n.planWidth = smallInteger(o, "Plan Width");
        n.analysed = o.contains(QLatin1String("Actual Loops"));
        n.loops = number(o, "Actual Loops");
        n.executed = n.analysed && n.loops > 0;
        n.timed = o.contains(QLatin1String("Actual Total Time"));
        n.actualStartupMs = number(o, "Actual Startup Time");
        n.actualTotalMs = number(o, "Actual Total Time");
        n.actualRows = number(o, "Actual Rows");
        if (o.contains(QLatin1String("Workers Planned")))
            n.workersPlanned = int(std::min<qint64>(integer(o, "Workers Planned"), kMaxWorkers));
        if (o.contains(QLatin1String("Workers Launched")))
            n.workersLaunched = int(std::min<qint64>(integer(o, "Workers Launched"), kMaxWorkers));
        PlanBuffers& b = n.buffers;
        b.any = o.contains(QLatin1String("Shared Hit Blocks"));
        b.sharedHit = integer(o, "Shared Hit Blocks");
        b.sharedRead = integer(o, "Shared Read Blocks");
        b.sharedDirtied = integer(o, "Shared Dirtied Blocks");
        b.sharedWritten = integer(o, "Shared Written Blocks");
        b.localHit = integer(o, "Local Hit Blocks");
        b.localRead = integer(o, "Local Read Blocks");
        b.tempRead = integer(o, "Temp Read Blocks");
        b.tempWritten = integer(o, "Temp Written Blocks");
        b.ioReadMs = number(o, "I/O Read Time");
        b.ioWriteMs = number(o, "I/O Write Time");
        n.rowsRemovedByFilter = number(o, "Rows Removed by Filter");
        n.rowsRemovedByJoinFilter = number(o, "Rows Removed by Join Filter");
        n.rowsRemovedByIndexRecheck = number(o, "Rows Removed by Index Recheck");
        n.sortMethod = text(o, "Sort Method");
        n.sortSpaceType = text(o, "Sort Space Type");
        n.sortSpaceKb = integer(o, "Sort Space Used");
        n.hashBatches = std::max(integer(o, "Hash Batches"), integer(o, "HashAgg Batches"));
        n.originalHashBatches = integer(o, "Original Hash Batches");
        n.diskUsageKb = integer(o, "Disk Usage");
        n.subplansRemoved = integer(o, "Subplans Removed");
        static const char* const kConditions[] = {"Index Cond", "Recheck Cond",   "TID Cond",
                                                  "Merge Cond", "Hash Cond",      "Join Filter",
                                                  "Filter",     "One-Time Filter"};
        for (const char* key : kConditions)
            if (o.contains(QLatin1String(key)))
                n.conditions << qMakePair(QString::fromLatin1(key), text(o, key));
        n.properties = o; // without "Plans"
        if (n.executed && n.timed)
            n.totalMs = n.actualTotalMs * n.loops / processes;
        if (n.executed && n.planRows > 0)
            n.misestimate = n.actualRows / n.planRows;
        plan.nodes[id] = n;
    }
};

bool inSubtree(const Plan& plan, int node, int root) {
    for (int at = node; at >= 0; at = plan.nodes[at].parent)
        if (at == root)
            return true;
    return false;
}

// The expressions of a node: every string the node shows except its names.
bool usesParameter(const PlanNode& n, const QRegularExpression& reference) {
    static const QStringList kNames = {
        QStringLiteral("Node Type"),     QStringLiteral("Parent Relationship"),
        QStringLiteral("Subplan Name"),  QStringLiteral("Relation Name"),
        QStringLiteral("Schema"),        QStringLiteral("Alias"),
        QStringLiteral("Index Name"),    QStringLiteral("CTE Name"),
        QStringLiteral("Function Name"),
    };
    for (auto it = n.properties.constBegin(); it != n.properties.constEnd(); ++it) {
        if (kNames.contains(it.key()))
            continue;
        const QJsonValue v = it.value();
        if (v.isString() && reference.match(v.toString()).hasMatch())
            return true;
        if (v.isArray())
            for (const QJsonValue& e : v.toArray())
                if (e.isString() && reference.match(e.toString()).hasMatch())
                    return true;
    }
    return false;
}

// What names an InitPlan's value in other nodes' expressions: "$0" or "$0,$1" from
// "InitPlan 1 (returns $0,$1)" (PostgreSQL up to 16), else "(InitPlan 1)" (17 on).
std::optional<QRegularExpression> initPlanReference(const PlanNode& init) {
    static const QRegularExpression returns(QStringLiteral("returns ((?:\\$\\d+,?)+)"));
    const QRegularExpressionMatch m = returns.match(init.subplanName);
    QStringList alternatives;
    if (m.hasMatch()) {
        for (const QString& p : m.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts))
            alternatives << QRegularExpression::escape(p) + QStringLiteral("(?!\\d)"); // $1 is not $10
    } else {
        static const QRegularExpression number(QStringLiteral("^InitPlan (\\d+)"));
        const QRegularExpressionMatch n = number.match(init.subplanName);
        if (!n.hasMatch())
            return std::nullopt;
        alternatives << QStringLiteral("\\(InitPlan ") + n.captured(1) + QStringLiteral("\\)");
    }
    return QRegularExpression(alternatives.join(QLatin1Char('|')));
}

bool isAppend(const PlanNode& n) {
    return n.nodeType == QLatin1String("Append") || n.nodeType == QLatin1String("Merge Append");
}

// Whether an Append pruned partitions while running: some were removed or some children never ran.
bool prunedAtRunTime(const Plan& plan, const PlanNode& n) {
    if (!isAppend(n) || !n.executed)
        return false;
    if (n.subplansRemoved > 0)
        return true;
    return std::any_of(n.children.cbegin(), n.children.cend(), [&](int c) {
        const PlanNode& child = plan.nodes[c];
        return !child.isInitPlan() && child.parentRelationship != QLatin1String("SubPlan") &&
               child.analysed && !child.executed;
    });
}

// Rule (d): the node an InitPlan's time is taken back from.
int initPlanCharge(const Plan& plan, const PlanNode& init) {
    const int parent = init.parent;
    const std::optional<QRegularExpression> reference = initPlanReference(init);
    if (!reference)
        return parent;
    const int end = [&] { // the parent's subtree ends where the next node outside it starts (pre-order)
        int i = parent + 1;
        while (i < int(plan.nodes.size()) && inSubtree(plan, i, parent))
            ++i;
        return i;
    }();
    for (int i = parent; i < end; ++i) {
        const PlanNode& n = plan.nodes[i];
        if (inSubtree(plan, i, init.id) || !n.executed || !usesParameter(n, *reference))
            continue;
        for (int up = n.parent; up >= 0 && inSubtree(plan, up, parent); up = plan.nodes[up].parent)
            if (prunedAtRunTime(plan, plan.nodes[up]))
                return up;
        return i;
    }
    return parent;
}

void computeExclusive(Plan& plan) {
    QList<PlanNode>& nodes = plan.nodes;
    // (b) a node's own time: its total less its children's, InitPlans and CTEs excepted.
    for (PlanNode& n : nodes) {
        n.exclusiveMs = n.totalMs;
        for (int c : n.children)
            if (!nodes[c].isInitPlan())
                n.exclusiveMs -= nodes[c].totalMs;
    }
    for (const PlanNode& init : std::as_const(nodes)) {
        if (!init.isInitPlan() || init.parent < 0 || init.totalMs <= 0)
            continue;
        if (init.isCte()) {
            // (c) the CTE ran as its scans read it: its time comes off the scans, shared by their totals.
            const QString name = init.subplanName.mid(4);
            QList<int> scans;
            double scanned = 0;
            for (const PlanNode& n : std::as_const(nodes))
                if (n.nodeType == QLatin1String("CTE Scan") && n.cteName == name &&
                    inSubtree(plan, n.id, init.parent) && !inSubtree(plan, n.id, init.id)) {
                    scans << n.id;
                    scanned += n.totalMs;
                }
            if (scanned > 0) {
                for (int s : scans)
                    nodes[s].exclusiveMs -= init.totalMs * nodes[s].totalMs / scanned;
                continue;
            }
        }
        // (d) once, from the node that first evaluated the InitPlan's value (a CTE no scan read: its parent).
        nodes[init.isCte() ? init.parent : initPlanCharge(plan, init)].exclusiveMs -= init.totalMs;
    }
    for (PlanNode& n : nodes) // (e) per-loop rounding; (f) a node never run has no time
        if (n.exclusiveMs < 0 || !n.executed)
            n.exclusiveMs = 0;
}

} // namespace

QString PlanNode::title() const {
    return label;
}

double Plan::exclusiveSum() const {
    double sum = 0;
    for (const PlanNode& n : nodes)
        sum += n.exclusiveMs;
    return sum;
}

QByteArray extractPlanJson(const QByteArray& text) {
    const QByteArray body = withoutPsqlFrame(text);
    // The first '[' or '{' that starts a plan: a log line's prefix may hold brackets of its own ("[1234]").
    int tries = 0;
    bool tooDeep = false;
    for (qsizetype i = 0; i < body.size() && tries < 256 && !tooDeep; ++i) {
        if (body[i] != '[' && body[i] != '{')
            continue;
        ++tries;
        if (auto json = planAt(body, i, &tooDeep))
            return *json;
    }
    if (!tooDeep)
        if (auto converted = textPlanToJson(body))
            return *converted;
    if (tooDeep) // a plan may be there, but deeper than is read: said, rather than "no plan"
        throwConfigurationError(
            QStringLiteral("plan"),
            QStringLiteral("the JSON nests more than %L1 levels deep (a plan of %L2 nodes "
                           "one below the other): too deep to read")
                .arg(kMaxJsonDepth)
                .arg(kMaxJsonDepth / 2));
    throwConfigurationError(
        QStringLiteral("plan"),
        QStringLiteral("no EXPLAIN plan found: expected a JSON document with a \"Plan\" or a plan in "
                       "EXPLAIN's text format (as EXPLAIN, psql or auto_explain give it)"));
}

Plan parsePlan(const QByteArray& text) {
    Plan plan;
    plan.json = extractPlanJson(text);
    QJsonObject top;
    const QList<FlatNode> flat = flattenPlan(plan.json, &top);
    if (top.contains(QLatin1String("Planning Time")))
        plan.planningMs = top.value(QLatin1String("Planning Time")).toDouble();
    if (top.contains(QLatin1String("Execution Time")))
        plan.executionMs = top.value(QLatin1String("Execution Time")).toDouble();
    for (const QJsonValue& t : top.value(QLatin1String("Triggers")).toArray())
        plan.triggersMs += t.toObject().value(QLatin1String("Time")).toDouble();
    plan.queryText = top.value(QLatin1String("Query Text")).toString();
    plan.settings = top.value(QLatin1String("Settings")).toObject();
    Builder{plan}.addAll(flat);
    plan.analysed = plan.root().analysed;
    computeExclusive(plan);
    plan.hotspots = findHotspots(plan);
    return plan;
}

} // namespace pgdesk::core
