// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal to ChangeSetApplier: one attempt at a change set inside its transaction (the statements in one
// pipeline, their rows checked), and the transaction around it with the lost-COMMIT check.

#include "editing/setbasedupdate.h"

#include <pgdesk/core/editing/changesetapplier.h>

#include <exception>
#include <memory>
#include <optional>

namespace pgdesk::core {

struct ChangeSetApplier::Attempt {
    QList<Result> results;          // per statement; null when the pipeline was aborted before it
    std::optional<ErrorInfo> error; // as the server said it (blame() adds the change when thrown)
    qsizetype failedStatement = -1;
};

namespace applying {

using Attempt = ChangeSetApplier::Attempt;

// Thrown out of the transaction so that atomic() (or its connection twin) rolls back instead of committing,
// carrying what the attempt found. Not an Error: it never leaves the applier.
struct AttemptAborted final : std::exception {
    explicit AttemptAborted(Attempt a)
        : attempt(std::move(a)) {}
    const char* what() const noexcept override { return "change set attempt aborted"; }
    Attempt attempt;
};

// Sends every statement in one pipeline, statements of one shape sharing one parse (pq::Pipeline). After
// the first error the server skips the rest; that error is returned, not thrown, unless the connection
// itself failed.
Attempt runPipeline(Connection& connection, const QList<PlannedStatement>& statements);

// In the transaction, the set-based statements: every chunk must return all of its rows. A shortfall or an
// error throws AttemptAborted (the per-row pipeline then names which change it was); a retryable error or a
// cancel is thrown as itself (the transaction runs again; the apply ends).
Attempt runSetBased(Connection& connection, const SetBasedPlan& plan);

// In the transaction, one statement per change: each must match exactly one row. An error or a row that
// matched none (a conflict) or several (a key that does not identify a row) throws AttemptAborted; a
// retryable error is thrown blamed on its change, so the transaction runs again.
Attempt runRowByRow(Connection& connection, const QList<PlannedStatement>& statements,
                    const ChangeSet& changes);

// Runs one transaction through `runner` and makes a lost connection say what it means for the change set
// (ChangeSetApplier::apply): before COMMIT went out the server rolled back; during COMMIT the server is
// asked on a fresh connection, and a transaction it committed counts as applied.
Attempt commitChecked(const ChangeSetApplier::TransactionRunner& runner,
                      const std::function<Attempt(Connection&)>& fn, qsizetype changes,
                      const std::shared_ptr<CancelToken>& cancel);

// "change 500 (update (id=500)), column \"qty\": <message>", and the change as the error's field.
ErrorInfo blame(ErrorInfo info, qsizetype index, const Change& change, const QString& sql);

} // namespace applying
} // namespace pgdesk::core
