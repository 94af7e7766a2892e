// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/plan/plan.h>

#include <QList>
#include <QRectF>
#include <QSet>
#include <QSizeF>

namespace pgdesk::core {

// Where each visible node of a plan goes in a top-down tree: the root on top, each node centred over its
// children, subtrees side by side. Pure and linear in the nodes, so a 1,000-node plan lays out in well
// under a millisecond (on a worker or not); the view draws from it and never lays out on zoom or pan.
struct PlanLayout {
    QList<QRectF> boxes; // by node id; an empty rectangle for a node hidden under a collapsed one
    QList<bool> visible; // by node id
    QRectF bounds;       // of every visible box
    int visibleCount = 0;
};

struct PlanLayoutOptions {
    QSizeF nodeSize{220, 72};
    double horizontalGap = 24; // between neighbouring subtrees
    double verticalGap = 48;   // between a node and its children
};

// `collapsed`: nodes whose children are hidden (the node itself stays).
PlanLayout layoutPlan(const Plan& plan, const QSet<int>& collapsed = {},
                      const PlanLayoutOptions& options = {});

} // namespace pgdesk::core
