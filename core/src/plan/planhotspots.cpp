// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/planhotspots.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace pgdesk::core {

namespace {

constexpr double kManyLoops = 1000;
constexpr double kMisestimate = 10;

QString count(double n) {
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(qint64(std::llround(n)));
}

bool isScan(const PlanNode& n) {
    return n.nodeType.endsWith(QLatin1String("Scan")) && n.nodeType != QLatin1String("CTE Scan") &&
           n.nodeType != QLatin1String("Subquery Scan");
}

bool isJoin(const PlanNode& n) {
    return n.nodeType == QLatin1String("Nested Loop") || n.nodeType == QLatin1String("Hash Join") ||
           n.nodeType == QLatin1String("Merge Join");
}

bool spillsHash(const PlanNode& n) {
    return (n.nodeType == QLatin1String("Hash") && n.hashBatches > 1) ||
           (n.nodeType.contains(QLatin1String("Aggregate")) && (n.hashBatches > 1 || n.diskUsageKb > 0));
}

// The reason of one hotspot, the most specific first.
PlanHotspot reasonFor(const Plan& plan, const PlanNode& n, double share, int rank) {
    const QString where =
        QStringLiteral("%1 (%2 % of the time, %3 ms): ")
            .arg(n.title(), QString::number(share * 100, 'f', 0), QString::number(n.exclusiveMs, 'f', 3));
    if (n.nodeType.contains(QLatin1String("Sort")) &&
        (n.sortSpaceType == QLatin1String("Disk") || n.sortMethod.startsWith(QLatin1String("external"))))
        return {n.id, HotspotReason::SortSpills,
                where + QStringLiteral("the sort spilled to disk (%1, %2 kB); more work_mem or an index "
                                       "in the sort's order avoids it")
                            .arg(n.sortMethod, count(double(n.sortSpaceKb)))};
    const PlanNode* hash = spillsHash(n) ? &n : nullptr;
    if (!hash && n.nodeType == QLatin1String("Hash Join"))
        for (int c : n.children)
            if (spillsHash(plan.nodes[c]))
                hash = &plan.nodes[c];
    if (hash)
        return {n.id, HotspotReason::HashSpills,
                where + QStringLiteral("the hash spilled to disk in %1 batches (planned %2); more work_mem "
                                       "keeps it in memory")
                            .arg(count(double(hash->hashBatches)),
                                 count(double(std::max<qint64>(hash->originalHashBatches, 1))))};
    const double removed = n.rowsRemovedByFilter;
    if (isScan(n) && removed > 0 && removed >= n.actualRows) {
        const double read = removed + n.actualRows;
        return {n.id, HotspotReason::FilterRemovesMostRows,
                where + QStringLiteral("its filter removed %1 % of the rows it read (%2 of %3 per loop); an "
                                       "index on the filtered columns may help")
                            .arg(QString::number(std::floor(removed / read * 1000 + 1e-9) / 10, 'f', 1),
                                 count(removed), count(read))};
    }
    const PlanNode* looped = n.loops >= kManyLoops ? &n : nullptr;
    if (!looped && n.nodeType == QLatin1String("Nested Loop"))
        for (int c : n.children)
            if (plan.nodes[c].loops >= kManyLoops)
                looped = &plan.nodes[c];
    if (looped)
        return {n.id, HotspotReason::ManyLoops,
                where + QStringLiteral("%1 ran %2 times under a nested loop (%3 ms each); a hash or merge "
                                       "join, or a better estimate of the outer rows, avoids the loops")
                            .arg(looped == &n ? QStringLiteral("it") : looped->title(), count(looped->loops),
                                 QString::number(looped->actualTotalMs, 'f', 3))};
    if (misestimateMagnitude(n) >= kMisestimate)
        return {n.id, isJoin(n) ? HotspotReason::JoinMisestimate : HotspotReason::Misestimate,
                where + QStringLiteral("%1 rows estimated, %2 actual (%3)%4")
                            .arg(count(n.planRows), count(n.actualRows), misestimateText(n),
                                 isJoin(n) ? QStringLiteral("; the join method was chosen for the estimate: "
                                                            "ANALYZE the tables or add extended statistics")
                                           : QStringLiteral("; ANALYZE the table"))};
    // Only the first is "the most"; the others are ranked, not called the most (a node at 16 % was).
    static const char* const ranks[] = {"the most time of any node", "the second most time of any node",
                                        "the third most time of any node"};
    return {n.id, HotspotReason::SlowNode, where + QLatin1String(ranks[std::clamp(rank, 1, 3) - 1])};
}

} // namespace

QList<PlanHotspot> findHotspots(const Plan& plan) {
    QList<int> ids;
    double total = 0;
    for (const PlanNode& n : plan.nodes)
        if (n.exclusiveMs > 0) {
            ids << n.id;
            total += n.exclusiveMs;
        }
    std::stable_sort(ids.begin(), ids.end(),
                     [&](int a, int b) { return plan.nodes[a].exclusiveMs > plan.nodes[b].exclusiveMs; });
    QList<PlanHotspot> out;
    for (int id : ids.mid(0, 3)) {
        out << reasonFor(plan, plan.nodes[id], plan.nodes[id].exclusiveMs / total, int(out.size()) + 1);
        out.last().rank = int(out.size());
    }
    return out;
}

double misestimateMagnitude(const PlanNode& n) {
    if (!n.misestimate)
        return 1;
    const double estimated = std::max(n.planRows, 1.0);
    const double actual = std::max(n.actualRows, 1.0);
    return std::max(actual / estimated, estimated / actual);
}

QString misestimateText(const PlanNode& n) {
    const double magnitude = misestimateMagnitude(n);
    if (magnitude < kMisestimate)
        return {};
    return QStringLiteral("%1× %2").arg(count(magnitude), n.actualRows > n.planRows
                                                              ? QStringLiteral("underestimated")
                                                              : QStringLiteral("overestimated"));
}

} // namespace pgdesk::core
