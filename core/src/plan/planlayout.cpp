// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/plan/planlayout.h>

#include <algorithm>

namespace pgdesk::core {

PlanLayout layoutPlan(const Plan& plan, const QSet<int>& collapsed, const PlanLayoutOptions& options) {
    PlanLayout out;
    const int count = int(plan.nodes.size());
    out.boxes = QList<QRectF>(count);
    out.visible = QList<bool>(count, false);
    if (count == 0)
        return out;
    const double w = options.nodeSize.width();
    const double h = options.nodeSize.height();
    // Pre-order puts every descendant after its node: one backward pass gives each visible subtree's
    // width, one forward pass places it.
    for (int id = 0; id < count; ++id) {
        const int parent = plan.nodes[id].parent;
        out.visible[id] = parent < 0 || (out.visible[parent] && !collapsed.contains(parent));
    }
    QList<double> width(count, w);
    for (int id = count - 1; id >= 0; --id) {
        if (!out.visible[id] || collapsed.contains(id))
            continue;
        double sum = 0;
        int shown = 0;
        for (int c : plan.nodes[id].children) {
            sum += width[c];
            ++shown;
        }
        if (shown > 0)
            width[id] = std::max(w, sum + options.horizontalGap * (shown - 1));
    }
    QList<double> left(count, 0); // the left edge of each node's subtree
    for (int id = 0; id < count; ++id) {
        if (!out.visible[id])
            continue;
        const PlanNode& n = plan.nodes[id];
        const double y = n.depth * (h + options.verticalGap);
        out.boxes[id] = QRectF(left[id] + (width[id] - w) / 2, y, w, h);
        out.bounds = out.visibleCount == 0 ? out.boxes[id] : out.bounds.united(out.boxes[id]);
        ++out.visibleCount;
        if (collapsed.contains(id))
            continue;
        double x = left[id];
        double childrenWidth = -options.horizontalGap;
        for (int c : n.children)
            childrenWidth += width[c] + options.horizontalGap;
        x += (width[id] - childrenWidth) / 2; // children narrower than the node: centred under it
        for (int c : n.children) {
            left[c] = x;
            x += width[c] + options.horizontalGap;
        }
    }
    return out;
}

} // namespace pgdesk::core
