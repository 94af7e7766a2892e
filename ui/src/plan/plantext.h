// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/plan/plan.h>

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace pgdesk::ui {

// What the plan views say about a node, translated (core's texts are the CLI's English).
class PlanText final {
    Q_DECLARE_TR_FUNCTIONS(PlanText)

public:
    // Under the title in the graph: "exclusive 12.3 ms (45 %) · total 20.1 ms", "rows 10 → 1,000 · 3 loops",
    // or the cost and estimated rows of a plan that was not analysed.
    static QStringList nodeLines(const core::PlanNode& node, double share);
    // "100×↑" (more rows than estimated) or "100×↓", from 10× on; empty otherwise.
    static QString misestimateBadge(const core::PlanNode& node);
    // Every property of the node, one per line ("Filter: (a > 1)").
    static QString toolTip(const core::PlanNode& node);
    // A hotspot in words: the node, its share of the time and the reason.
    static QString hotspot(const core::Plan& plan, const core::PlanHotspot& hotspot);
    static QString milliseconds(double ms);
    static QString count(double n);
};

} // namespace pgdesk::ui
