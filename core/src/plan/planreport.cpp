// SPDX-License-Identifier: GPL-3.0-or-later
// A plan's analysis as the CLI prints it: JSON for scripts, an indented tree for people.
#include <pgdesk/core/plan/plan.h>

#include <QJsonArray>
#include <QLocale>

#include <cmath>

namespace pgdesk::core {

namespace {

// Times keep a microsecond's precision past the plan's own (a per-loop time × loops ÷ workers).
double rounded(double ms) {
    return std::round(ms * 1e6) / 1e6;
}

QJsonValue optionalMs(const std::optional<double>& ms) {
    return ms ? QJsonValue(rounded(*ms)) : QJsonValue(QJsonValue::Null);
}

QString ms(double value) {
    return QString::number(value, 'f', 3) + QStringLiteral(" ms");
}

QString rows(double n) {
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(qint64(std::llround(n)));
}

} // namespace

QJsonObject planToJson(const Plan& plan) {
    QJsonArray nodes;
    for (const PlanNode& n : plan.nodes) {
        const QJsonValue null(QJsonValue::Null);
        const bool timed = n.analysed && (n.timed || !n.executed);
        nodes.append(QJsonObject{
            {QStringLiteral("id"), n.id},
            {QStringLiteral("parent"), n.parent < 0 ? null : QJsonValue(n.parent)},
            {QStringLiteral("node_type"), n.nodeType},
            {QStringLiteral("relation"), n.relation.isEmpty() ? null : QJsonValue(n.relation)},
            {QStringLiteral("loops"), n.analysed ? QJsonValue(n.loops) : null},
            {QStringLiteral("rows_estimated"), n.planRows},
            {QStringLiteral("rows_actual"), n.analysed ? QJsonValue(n.actualRows) : null},
            {QStringLiteral("total_ms"), timed ? QJsonValue(rounded(n.totalMs)) : null},
            {QStringLiteral("exclusive_ms"), timed ? QJsonValue(rounded(n.exclusiveMs)) : null},
            {QStringLiteral("misestimate"), n.misestimate ? QJsonValue(*n.misestimate) : null},
        });
    }
    QJsonArray hotspots;
    for (const PlanHotspot& h : plan.hotspots)
        hotspots.append(QJsonObject{{QStringLiteral("id"), h.id}, {QStringLiteral("reason"), h.reason}});
    return QJsonObject{
        {QStringLiteral("planning_ms"), optionalMs(plan.planningMs)},
        {QStringLiteral("execution_ms"), optionalMs(plan.executionMs)},
        {QStringLiteral("nodes"), nodes},
        {QStringLiteral("hotspots"), hotspots},
    };
}

QString planToText(const Plan& plan) {
    QString out;
    const double total = plan.exclusiveSum();
    for (const PlanNode& n : plan.nodes) {
        out += QString(n.depth * 2, QLatin1Char(' '));
        if (!n.subplanName.isEmpty())
            out += n.subplanName + QStringLiteral(": ");
        out += QStringLiteral("#%1 %2").arg(n.id).arg(n.title());
        QStringList facts;
        if (n.analysed && !n.executed) {
            facts << QStringLiteral("never executed");
        } else if (n.analysed) {
            if (n.timed)
                facts << QStringLiteral("exclusive %1 (%2 %)")
                             .arg(ms(n.exclusiveMs),
                                  QString::number(total > 0 ? n.exclusiveMs / total * 100 : 0, 'f', 1))
                      << QStringLiteral("total %1").arg(ms(n.totalMs));
            facts << QStringLiteral("rows %1 est., %2 actual").arg(rows(n.planRows), rows(n.actualRows));
            if (n.loops != 1)
                facts << QStringLiteral("%1 loops").arg(rows(n.loops));
            const QString mis = misestimateText(n);
            if (!mis.isEmpty())
                facts << mis;
        } else {
            facts << QStringLiteral("cost %1..%2")
                         .arg(QString::number(n.startupCost, 'f', 2), QString::number(n.totalCost, 'f', 2))
                  << QStringLiteral("rows %1").arg(rows(n.planRows));
        }
        out += QStringLiteral("  (") + facts.join(QStringLiteral("; ")) + QStringLiteral(")\n");
        for (const auto& [label, condition] : n.conditions)
            out += QString(n.depth * 2 + 4, QLatin1Char(' ')) + label + QStringLiteral(": ") + condition +
                   QLatin1Char('\n');
    }
    if (plan.planningMs)
        out += QStringLiteral("Planning: %1\n").arg(ms(*plan.planningMs));
    if (plan.executionMs)
        out += QStringLiteral("Execution: %1\n").arg(ms(*plan.executionMs));
    if (!plan.hotspots.isEmpty()) {
        out += QStringLiteral("Hotspots:\n");
        for (qsizetype i = 0; i < plan.hotspots.size(); ++i)
            out += QStringLiteral("  %1. #%2 %3\n")
                       .arg(i + 1)
                       .arg(plan.hotspots[i].id)
                       .arg(plan.hotspots[i].reason);
    }
    return out;
}

} // namespace pgdesk::core
