// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/editing/changesetapplier.h>

#include <memory>

namespace pgdesk::core {

class CancelToken;
class Pool;

// Applying a change set as every front end does it: a table tab's Apply (the window's staged edits and
// Compare Data's), `pgdesk-cli apply`, and a person applying an agent's proposal. What each did for itself
// is one path: a ctid key left out (the tab's own stand-in), the standby refused before anything is sent
// (a failover since the tab was read included), the production key, the cancel token, and the counts of
// what was written. The table is the one the profile reads (readTableForProfile): its row key and soft
// delete are the ones the changes were staged by.
struct ChangeSetApplyOptions {
    WriteAccess write;      // a production profile's key; empty there: the server refuses (25006)
    bool returnRows = true; // ApplyResult::rows lists the rows written (the CLI's JSON); a tab reloads
    std::shared_ptr<CancelToken> cancel; // another thread may stop it (ChangeSetApplier::setCancelToken)
};

// Throws what ChangeSetApplier::apply throws; conflicts come back in the result (nothing written then).
ApplyResult applyChangeSet(Connection& connection, const TableInfo& table, const ChangeSet& changes,
                           const ChangeSetApplyOptions& options = {});
// Through the pool (atomic(): a pooled connection, conflicts read on one too).
ApplyResult applyChangeSet(Pool& pool, const TableInfo& table, const ChangeSet& changes,
                           const ChangeSetApplyOptions& options = {});

// What an apply wrote, by operation: from the rows it returned when it returned them, else from the change
// set it committed (one row a change).
struct AppliedCounts {
    qsizetype updated = 0;
    qsizetype inserted = 0;
    qsizetype deleted = 0;
    qsizetype softDeleted = 0;
    qsizetype restored = 0;
    qsizetype total() const { return updated + inserted + deleted + softDeleted + restored; }
    qsizetype of(ChangeOp op) const;
    bool operator==(const AppliedCounts&) const = default;
};
AppliedCounts countApplied(const ApplyResult& result, const ChangeSet& sent);

} // namespace pgdesk::core
