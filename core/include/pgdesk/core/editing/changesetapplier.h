// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/editing/changeset.h>
#include <pgdesk/core/editing/entityoperations.h>
#include <pgdesk/core/editing/rowstatementbuilder.h>
#include <pgdesk/core/session/atomic.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/transaction.h>
#include <pgdesk/core/session/writeunlock.h>

#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace pgdesk::core {

// atomic() for a caller's connection (which must not be inside a transaction): fn(connection) runs in one
// transaction at options.transaction (default: the profile's) and commits; any exception rolls back and
// propagates, except SerializationFailure / DeadlockDetected, which retry the whole fn after atomic()'s
// backoff, up to options.maxAttempts. Returns fn's result.
template <class Fn>
auto atomicOnConnection(Connection& connection, Fn&& fn, const AtomicOptions& options = {}) {
    const TransactionOptions transactionOptions =
        options.transaction.value_or(transactionOptionsFor(connection.profile()));
    for (int attempt = 1;; ++attempt) {
        try {
            const WriteScope unlocked(connection, options.write);
            Transaction transaction(connection, transactionOptions);
            auto result = fn(connection);
            transaction.commit();
            return result;
        } catch (const SerializationFailure&) {
            if (attempt >= options.maxAttempts)
                throw;
        }
        detail::sleepFor(detail::atomicBackoff(options, attempt));
    }
}

// One statement of a planned change set: `change` is the index in ChangeSet::changes it comes from.
struct PlannedStatement {
    qsizetype change = 0;
    QString sql;
    Params params;
    QList<CastValue> casts; // the values cast to column types, to blame a failed cast on its column
};

// A change whose row did not match its key and version: someone changed or deleted it since it was read.
struct ChangeConflict {
    qsizetype change = 0; // index in ChangeSet::changes
    ChangeOp op = ChangeOp::Update;
    Key key;
    QString expectedVersion;
    bool vanished = false; // no row has that key (for ctid: nothing lives at that position) any more
    // The row as it is now, read after the rollback (absent when vanished).
    std::optional<RowResult> current;
};

// What the server returned for one applied change: the row with its new version (Update, Insert,
// SoftDelete, Restore), or the deleted row (Delete).
struct ChangeOutcome {
    qsizetype change = 0;
    ChangeOp op = ChangeOp::Update;
    RowResult row;
};

struct ApplyResult {
    bool applied = false;            // committed (also true for an empty change set)
    QList<ChangeOutcome> rows;       // one per change, in order, when applied (and rows are returned)
    QList<ChangeConflict> conflicts; // non-empty: the transaction rolled back, nothing was written
    int attempts = 0;                // transactions started (retries after serialization failures)
    int statements = 0;              // statements sent in the last attempt
    qint64 elapsedMs = 0;
};

// ErrorInfo::field of the ConnectionError (or subclass) apply() throws when the connection failed, saying
// what the table holds: kApplyNotApplied — none of the changes (the transaction never reached COMMIT, or
// the server reported it rolled back); kApplyOutcomeUnknown — the connection was lost during COMMIT and the
// server could not be asked afterwards, so all of the changes or none (the message names the transaction to
// ask about). A COMMIT whose answer was lost but that the server reports committed is a normal success.
// The CLI exits 7 for kApplyOutcomeUnknown.
inline constexpr char kApplyNotApplied[] = "not_applied";
inline constexpr char kApplyOutcomeUnknown[] = "outcome_unknown";

// Applies a change set to one table: every change becomes one statement (UPDATE / INSERT / DELETE …
// RETURNING the row and its new xmin), all of them sent in libpq pipeline mode inside one transaction at
// the profile's isolation level, so a change set costs a few round trips whatever its size. Statements of
// one shape share one parse (pq::Pipeline).
//
// 64 or more updates of the same columns first run set-based (src/editing/setbasedupdate.h: UPDATE … FROM
// unnest(one text[] per column) WITH ORDINALITY, 2,500 rows a statement, each row still checked by key and
// version, RETURNING its position): a round trip per 2,500 rows instead of a statement each. Any shortfall
// or error rolls that attempt back and the per-row pipeline runs instead, naming the change at fault; a
// cancel or a timeout ends the apply, a serialization failure retries it.
//
// Every statement that addresses an existing row says `WHERE <row key> AND xmin = <version read>` and must
// match exactly one row. A row that matches none was changed or deleted by someone else: the whole change set
// rolls back and ApplyResult::conflicts lists every such change with the row's current values. Any other
// error rolls back too and is thrown with the change it came from in the message ("change 500 (update
// (id=500)), column \"qty\": …") and in ErrorInfo::field ("change 500"), plus the column where the server
// or a value's cast names one. Serialization failures and deadlocks retry the whole transaction (atomic()
// semantics, AtomicOptions). The change set itself is never modified, so nothing staged is lost.
//
// The transaction id is read just before COMMIT (one round trip): if the connection is lost during COMMIT,
// a fresh connection with the same settings asks the server for that transaction's status (pg_xact_status,
// up to 5 s, e.g. while the server restarts: session/commitoutcome.h): committed counts as applied, anything
// else is thrown as described above.
//
// Rules shared with EntityOperations (RowStatementBuilder): values are parameters cast to the column's type,
// generated columns are refused, updated_at = now() unless a trigger maintains it or the change sets it,
// soft delete per the table's convention. Only tables and partitioned tables can be edited; a table without a
// row key only with ChangeSet::useCtid (each row then found by ctid and version, at most one change per row).
// Within one change set, a later change to a row an earlier change already wrote expects the version that
// write made (this transaction's own), not the one read before.
//
// run(), behind both apply()s, only calls the phases: src/editing/applyattempt.cpp (the attempt in its
// transaction, set-based then row by row, the lost-COMMIT check) and applyoutcome.cpp (the rows written, or
// the conflicts and the blamed error after a rollback).
class ChangeSetApplier final {
public:
    explicit ChangeSetApplier(TableInfo table);

    // Pure: the statements, in change order. ConfigurationError / NotFound naming the change for changes
    // that cannot apply to this table (unknown or generated columns, wrong key columns, no soft-delete
    // convention, keyless table without the ctid opt-in, change set for another table).
    QList<PlannedStatement> plan(const ChangeSet& changes) const;
    // Pure: the same statements with the values written as literals, one per line ending in ';' — for
    // showing, never for running. Connection::quoteLiteral fits as the quoter too.
    QString preview(const ChangeSet& changes, const LiteralQuoter& quote = quoteLiteralPure) const;
    // The same, one string per statement (no ';'), in plan() order.
    QStringList previewStatements(const ChangeSet& changes,
                                  const LiteralQuoter& quote = quoteLiteralPure) const;

    // Applies on a connection that is not inside a transaction.
    ApplyResult apply(Connection& connection, const ChangeSet& changes,
                      const AtomicOptions& options = {}) const;
    // Applies through atomic() on a pooled connection; conflicts are read on a pooled connection too.
    ApplyResult apply(Pool& pool, const ChangeSet& changes, const AtomicOptions& options = {}) const;

    const TableInfo& table() const { return m_table; }
    // Whether ApplyResult::rows lists the rows written (default). Without, set-based statements return only
    // each row's position, which saves reading back every row of a large change set.
    void setReturnRows(bool on) { m_returnRows = on; }
    // Lets another thread stop the apply: the statement running (say, waiting on a row lock) is cancelled
    // and the transaction rolls back; a cancel that comes between statements stops the apply before
    // COMMIT. Once COMMIT is sent the outcome is the server's (a cancel then changes nothing): apply()
    // either returns (written) or throws QueryCanceled (nothing written).
    void setCancelToken(std::shared_ptr<CancelToken> token) { m_cancel = std::move(token); }

    // What the pipeline of one attempt produced (internal, public for the transaction runners).
    struct Attempt;
    using TransactionRunner = std::function<Attempt(const std::function<Attempt(Connection&)>&)>;
    using ConnectionRunner = std::function<void(const std::function<void(Connection&)>&)>;

private:
    QList<PlannedStatement> build(const ChangeSet& changes, const LiteralQuoter& quote) const;
    ApplyResult run(const ChangeSet& changes, const TransactionRunner& inTransaction,
                    const ConnectionRunner& afterwards) const;

    TableInfo m_table;
    bool m_returnRows = true;
    std::shared_ptr<CancelToken> m_cancel;
};

} // namespace pgdesk::core
