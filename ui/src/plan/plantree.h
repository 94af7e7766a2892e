// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/plan/plan.h>

#include <QString>

class QTreeWidget;
class QWidget;

namespace pgdesk::ui {

// A plan as an indented tree, the text form of the plan view: node (as psql names it, a subplan's name
// after it), estimated and actual rows, loops, cost, actual time per loop; every property as a tooltip.
// Each item's Qt::UserRole is its node id.
QTreeWidget* createPlanTree(const core::Plan& plan, QWidget* parent);
// "Planning 0.1 ms · Execution 2.3 ms" when the plan has them.
QString planTimesSummary(const core::Plan& plan);

} // namespace pgdesk::ui
