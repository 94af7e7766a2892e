// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/editing/changesetapply.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/standby.h>

namespace pgdesk::core {

namespace {

ChangeSetApplier applierFor(const TableInfo& table, const ChangeSetApplyOptions& options) {
    ChangeSetApplier applier(tableWithoutCtidKey(table));
    applier.setReturnRows(options.returnRows);
    applier.setCancelToken(options.cancel);
    return applier;
}

AtomicOptions atomicOptions(const ChangeSetApplyOptions& options) {
    AtomicOptions atomic;
    atomic.write = options.write;
    return atomic;
}

} // namespace

ApplyResult applyChangeSet(Connection& connection, const TableInfo& table, const ChangeSet& changes,
                           const ChangeSetApplyOptions& options) {
    const ChangeSetApplier applier = applierFor(table, options);
    refuseWritesOnStandby(connection); // before a transaction the standby would refuse midway
    return applier.apply(connection, changes, atomicOptions(options));
}

ApplyResult applyChangeSet(Pool& pool, const TableInfo& table, const ChangeSet& changes,
                           const ChangeSetApplyOptions& options) {
    const ChangeSetApplier applier = applierFor(table, options);
    {
        auto connection = pool.acquire();
        refuseWritesOnStandby(*connection);
    }
    return applier.apply(pool, changes, atomicOptions(options));
}

namespace {

// The count of `op` in `counts` (const or not).
template <class Counts> auto& countOf(Counts& counts, ChangeOp op) {
    switch (op) {
    case ChangeOp::Update:
        return counts.updated;
    case ChangeOp::Insert:
        return counts.inserted;
    case ChangeOp::Delete:
        return counts.deleted;
    case ChangeOp::SoftDelete:
        return counts.softDeleted;
    case ChangeOp::Restore:
        break;
    }
    return counts.restored;
}

} // namespace

qsizetype AppliedCounts::of(ChangeOp op) const {
    return countOf(*this, op);
}

AppliedCounts countApplied(const ApplyResult& result, const ChangeSet& sent) {
    AppliedCounts counts;
    for (const ChangeOutcome& row : result.rows)
        ++countOf(counts, row.op);
    if (result.rows.isEmpty())
        for (const Change& change : sent.changes)
            ++countOf(counts, change.op);
    return counts;
}

} // namespace pgdesk::core
