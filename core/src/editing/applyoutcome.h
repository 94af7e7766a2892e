// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal to ChangeSetApplier: what an attempt's results mean for the change set, once its transaction
// has ended — the rows written, or the conflicts and errors to report after the rollback.

#include "editing/applyattempt.h"

#include <pgdesk/core/editing/changesetapplier.h>

namespace pgdesk::core::applying {

// The rows the set-based statements returned: one outcome per change (`changes` of them), in change order.
QList<ChangeOutcome> setBasedOutcomes(const SetBasedPlan& plan, const Attempt& done, qsizetype changes);

// The row each per-row statement returned, in change order.
QList<ChangeOutcome> rowOutcomes(const QList<PlannedStatement>& statements, const Attempt& done,
                                 const ChangeSet& changes);

// After the rollback of a per-row attempt that did not apply: the changes whose rows changed under the
// user, with those rows as they are now (read in one pipeline through `afterwards`). When none did, the
// attempt's error is thrown, blamed on its change; for a failed cast the server does not name, each value
// of the change is probed alone to name the column.
QList<ChangeConflict> explainAbort(const TableInfo& table, const ChangeSet& changes,
                                   const QList<PlannedStatement>& statements, const Attempt& attempt,
                                   const ChangeSetApplier::ConnectionRunner& afterwards);

} // namespace pgdesk::core::applying
