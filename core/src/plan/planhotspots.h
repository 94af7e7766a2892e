// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/plan/plan.h>

namespace pgdesk::core {

// The (at most 3) executed nodes with the largest exclusive time, largest first, each with the reason it
// is slow as far as the plan tells (a filter throwing rows away, a spill to disk, many loops, a
// misestimate). Empty for a plan without times.
QList<PlanHotspot> findHotspots(const Plan& plan);

} // namespace pgdesk::core
