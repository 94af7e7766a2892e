// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>
#include <pgdesk/core/session/connection.h>

#include <QString>

#include <memory>
#include <optional>

namespace pgdesk::core {

struct TransactionOptions {
    std::optional<IsolationLevel> isolation; // empty: the server's default_transaction_isolation
    bool readOnly = false;
    bool deferrable = false; // only meaningful for SERIALIZABLE READ ONLY

    bool operator==(const TransactionOptions&) const = default;
};

// The profile's defaults: isolation = profile.isolation, readOnly = profile.readOnly.
TransactionOptions transactionOptionsFor(const ConnectionProfile& profile);
// "BEGIN ISOLATION LEVEL REPEATABLE READ READ WRITE" (no isolation clause when none is set).
QString beginStatement(const TransactionOptions& options);

class Savepoint;

// One transaction block on a connection (RAII). BEGIN in the constructor; the destructor rolls back
// unless commit() or rollback() ran, and never throws. Move-only; the connection must outlive it.
class Transaction final {
public:
    // Throws QueryError if the connection is already inside a transaction (use savepoint() to nest). On a
    // write-guarded profile's connection not unlocked (writeunlock.h) it begins READ ONLY whatever the
    // options.
    explicit Transaction(Connection& connection, TransactionOptions options = {});
    ~Transaction();
    Transaction(Transaction&& other) noexcept = default;
    Transaction& operator=(Transaction&& other) noexcept;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // COMMIT. On failure (deferred constraint, serialization failure, or a transaction that had already
    // failed, which PostgreSQL answers with ROLLBACK) the error propagates and the transaction is over.
    void commit();
    // ROLLBACK; does nothing when the transaction is no longer active.
    void rollback();
    bool isActive() const;
    Connection& connection();
    const TransactionOptions& options() const { return m_options; }

    // SAVEPOINT pgdesk_sp_N. Savepoints nest: each new one lives inside the ones still active.
    Savepoint savepoint();

    // Shared with the transaction's savepoints so they know whether they (and it) still exist,
    // whatever order the objects are destroyed or moved in.
    struct State;

private:
    void finish(const QString& statement);

    std::shared_ptr<State> m_state;
    TransactionOptions m_options;
};

// A savepoint inside a Transaction (RAII). The destructor rolls back to it and releases it unless
// release() or rollback() ran, and never throws. Releasing or rolling back an outer savepoint, or ending
// the transaction, ends the inner ones too (as in PostgreSQL); their destructors then do nothing.
class Savepoint final {
public:
    ~Savepoint();
    Savepoint(Savepoint&& other) noexcept = default;
    Savepoint& operator=(Savepoint&& other) noexcept;
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;

    // RELEASE SAVEPOINT: keeps the work done since the savepoint.
    void release();
    // ROLLBACK TO SAVEPOINT + RELEASE: undoes the work since the savepoint (also recovers an aborted
    // transaction) and ends the savepoint.
    void rollback();
    bool isActive() const;
    const QString& name() const { return m_name; }

private:
    friend class Transaction;
    Savepoint(std::shared_ptr<Transaction::State> state, int id);
    void end(bool rollBack);

    std::shared_ptr<Transaction::State> m_state;
    int m_id = 0;
    QString m_name;
};

} // namespace pgdesk::core
