// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/editing/changeset.h>
#include <pgdesk/core/editing/changesetapplier.h>

#include <QList>

#include <optional>

namespace pgdesk::core {

// Internal to ChangeSetApplier: a change set of many updates of the same columns, run as a few
// `UPDATE … FROM unnest(…)` statements instead of one statement per row. Every row keeps its own key and
// version check (`t.key = v.key AND t.xmin = v.version`), values stay exact (text arrays, each element cast
// to the column's type on the server), and each statement returns its rows with their position in the
// chunk, so outcomes map back to their changes.
struct SetBasedPlan {
    QList<PlannedStatement> statements; // one per chunk, in change order
    QList<qsizetype> firstChange;       // index in ChangeSet::changes of each chunk's first row
    QList<int> sizes;                   // rows per chunk: exactly that many must come back
};

// Below this many changes the per-row pipeline costs as little, and its preview is the SQL that runs.
inline constexpr int kSetBasedMinChanges = 64;

// nullopt when the change set does not qualify: fewer than kSetBasedMinChanges changes, any change that is
// not an update, ctid keys, a row changed twice (its later change expects the version of the earlier one),
// changes that set different columns (or any to DEFAULT), or anything the per-row planner would refuse
// (it then names it).
// With returnRows, each statement returns `t.*, t.xmin, v.ord` (the row, its new version, its 1-based
// position in the chunk); else only `v.ord`.
std::optional<SetBasedPlan> planSetBasedUpdates(const TableInfo& table, const ChangeSet& changes,
                                                bool returnRows = true, int chunkSize = 2500);

} // namespace pgdesk::core
