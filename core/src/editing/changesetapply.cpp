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

qsizetype AppliedCounts::of(ChangeOp op) const {
    switch (op) {
    case ChangeOp::Update:
        return updated;
    case ChangeOp::Insert:
        return inserted;
    case ChangeOp::Delete:
        return deleted;
    case ChangeOp::SoftDelete:
        return softDeleted;
    case ChangeOp::Restore:
        return restored;
    }
    return 0;
}

AppliedCounts countApplied(const ApplyResult& result, const ChangeSet& sent) {
    QList<ChangeOp> ops;
    for (const ChangeOutcome& row : result.rows)
        ops << row.op;
    if (ops.isEmpty())
        for (const Change& change : sent.changes)
            ops << change.op;
    AppliedCounts counts;
    for (ChangeOp op : std::as_const(ops)) {
        switch (op) {
        case ChangeOp::Update:
            ++counts.updated;
            break;
        case ChangeOp::Insert:
            ++counts.inserted;
            break;
        case ChangeOp::Delete:
            ++counts.deleted;
            break;
        case ChangeOp::SoftDelete:
            ++counts.softDeleted;
            break;
        case ChangeOp::Restore:
            ++counts.restored;
            break;
        }
    }
    return counts;
}

} // namespace pgdesk::core
