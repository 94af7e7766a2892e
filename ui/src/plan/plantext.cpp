// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/plantext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <cmath>

namespace pgdesk::ui {

QString PlanText::milliseconds(double ms) {
    return tr("%1 ms").arg(QLocale().toString(ms, 'f', ms < 10 ? 3 : 1));
}

QString PlanText::count(double n) {
    return QLocale().toString(qint64(std::llround(n)));
}

QStringList PlanText::nodeLines(const core::PlanNode& n, double share) {
    QStringList lines;
    if (!n.analysed) {
        lines << tr("cost %1..%2")
                     .arg(QLocale().toString(n.startupCost, 'f', 2), QLocale().toString(n.totalCost, 'f', 2))
              << tr("rows %1 (estimated)").arg(count(n.planRows));
    } else if (!n.executed) {
        lines << tr("never executed");
    } else {
        if (n.timed)
            lines << tr("exclusive %1 (%2 %) · total %3")
                         .arg(milliseconds(n.exclusiveMs), QLocale().toString(share * 100, 'f', 1),
                              milliseconds(n.totalMs));
        QString rows = tr("rows %1 → %2").arg(count(n.planRows), count(n.actualRows));
        if (n.loops != 1)
            rows += QStringLiteral(" · ") + tr("%n loop(s)", nullptr, int(std::min(n.loops, 2e9)));
        lines << rows;
    }
    if (!n.subplanName.isEmpty())
        lines << n.subplanName;
    for (const auto& [label, condition] : n.conditions)
        lines << label + QStringLiteral(": ") + condition;
    return lines;
}

QString PlanText::misestimateBadge(const core::PlanNode& n) {
    const double magnitude = core::misestimateMagnitude(n);
    if (magnitude < 10)
        return {};
    return QStringLiteral("%1×%2").arg(count(magnitude),
                                       n.actualRows > n.planRows ? QStringLiteral("↑") : QStringLiteral("↓"));
}

QString PlanText::toolTip(const core::PlanNode& n) {
    QStringList details;
    const QString mis = misestimateBadge(n);
    if (!mis.isEmpty())
        details << (n.actualRows > n.planRows ? tr("%1 more rows than estimated")
                                              : tr("%1 fewer rows than estimated"))
                       .arg(mis.chopped(1));
    for (auto it = n.properties.begin(); it != n.properties.end(); ++it) {
        const QJsonValue v = it.value();
        QString text;
        if (v.isString())
            text = v.toString();
        else if (v.isDouble())
            text = QLocale().toString(v.toDouble(), 'g', 12);
        else if (v.isBool())
            text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else if (v.isArray())
            text = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
        else if (v.isObject())
            text = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        details << QStringLiteral("%1: %2").arg(it.key(), text);
    }
    return details.join(QLatin1Char('\n'));
}

QString PlanText::hotspot(const core::Plan& plan, const core::PlanHotspot& h) {
    const core::PlanNode& n = plan.nodes[h.id];
    const double total = plan.exclusiveSum();
    QString why;
    switch (h.kind) {
    case core::HotspotReason::SortSpills:
        why = tr("the sort spilled to disk (%1 kB); more work_mem or an index in the sort's order avoids it")
                  .arg(count(double(n.sortSpaceKb)));
        break;
    case core::HotspotReason::HashSpills:
        why = tr("the hash spilled to disk in batches; more work_mem keeps it in memory");
        break;
    case core::HotspotReason::FilterRemovesMostRows:
        why =
            tr("its filter removed %1 % of the rows it read; an index on the filtered columns may help")
                .arg(QLocale().toString(
                    std::floor(n.rowsRemovedByFilter / (n.rowsRemovedByFilter + n.actualRows) * 1000 + 1e-9) /
                        10,
                    'f', 1));
        break;
    case core::HotspotReason::ManyLoops:
        why =
            tr("it (or its inner side) ran many times under a nested loop; a hash or merge join, or a better "
               "estimate of the outer rows, avoids the loops");
        break;
    case core::HotspotReason::JoinMisestimate:
        why = tr("%1 rows estimated, %2 actual: the join method was chosen for the estimate; ANALYZE the "
                 "tables "
                 "or add extended statistics")
                  .arg(count(n.planRows), count(n.actualRows));
        break;
    case core::HotspotReason::Misestimate:
        why =
            tr("%1 rows estimated, %2 actual; ANALYZE the table").arg(count(n.planRows), count(n.actualRows));
        break;
    case core::HotspotReason::SlowNode:
        why = h.rank <= 1   ? tr("the most time of any node")
              : h.rank == 2 ? tr("the second most time of any node")
                            : tr("the third most time of any node");
        break;
    }
    return tr("#%1 %2 — %3 % of the time (%4): %5")
        .arg(QString::number(n.id), n.title(),
             QLocale().toString(total > 0 ? n.exclusiveMs / total * 100 : 0, 'f', 0),
             milliseconds(n.exclusiveMs), why);
}

} // namespace pgdesk::ui
