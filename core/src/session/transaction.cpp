// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/transaction.h>
#include <pgdesk/core/sqltext/secretmask.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace pgdesk::core {

struct Transaction::State {
    Connection* connection = nullptr;
    bool active = false;
    int lastSavepointId = 0;
    std::vector<int> savepoints; // ids of the savepoints still alive, innermost last
};

namespace {

[[noreturn]] void throwTransactionError(const QString& message, const QString& statement) {
    ErrorInfo info;
    info.kind = ErrorKind::Query;
    info.message = message;
    info.statement = maskStatementSecrets(statement);
    throwError(std::move(info));
}

// For paths that must not throw: the session is being abandoned anyway, and a dead connection is
// discarded by its owner (or the pool) later.
void rollbackQuietly(Connection* connection) noexcept {
    try {
        if (connection && connection->isOpen() && connection->inTransaction())
            connection->exec(QStringLiteral("ROLLBACK"));
    } catch (...) {
    }
}

} // namespace

TransactionOptions transactionOptionsFor(const ConnectionProfile& profile) {
    TransactionOptions options;
    options.isolation = profile.isolation;
    options.readOnly = profile.readOnly;
    return options;
}

QString beginStatement(const TransactionOptions& options) {
    QString sql = QStringLiteral("BEGIN");
    if (options.isolation)
        sql += QStringLiteral(" ISOLATION LEVEL ") + isolationLevelSql(*options.isolation);
    sql += options.readOnly ? QStringLiteral(" READ ONLY") : QStringLiteral(" READ WRITE");
    if (options.deferrable)
        sql += QStringLiteral(" DEFERRABLE");
    return sql;
}

// ---- Transaction -----------------------------------------------------------------------------------

Transaction::Transaction(Connection& connection, TransactionOptions options)
    : m_options(options) {
    // The production guard: BEGIN READ WRITE would override the session's read-only default, so a locked
    // write-guarded session only ever begins READ ONLY (the server refuses the writes, 25006).
    if (connection.profile().writeGuarded() && !connection.writesUnlocked())
        m_options.readOnly = true;
    options = m_options;
    // BEGIN inside a transaction is only a warning in PostgreSQL; silently joining the outer
    // transaction would make commit() here end work that belongs to someone else.
    if (connection.inTransaction())
        throwTransactionError(
            QStringLiteral("the connection is already inside a transaction; use a savepoint"),
            beginStatement(options));
    connection.exec(beginStatement(options));
    m_state = std::make_shared<State>();
    m_state->connection = &connection;
    m_state->active = true;
}

Transaction::~Transaction() {
    if (isActive()) {
        m_state->active = false;
        m_state->savepoints.clear();
        rollbackQuietly(m_state->connection);
    }
}

Transaction& Transaction::operator=(Transaction&& other) noexcept {
    if (this != &other) {
        if (isActive()) {
            m_state->active = false;
            m_state->savepoints.clear();
            rollbackQuietly(m_state->connection);
        }
        m_state = std::move(other.m_state);
        m_options = other.m_options;
    }
    return *this;
}

bool Transaction::isActive() const {
    return m_state && m_state->active;
}

Connection& Transaction::connection() {
    if (!m_state)
        throwTransactionError(QStringLiteral("transaction object was moved from"), QString());
    return *m_state->connection;
}

void Transaction::finish(const QString& statement) {
    // Over whatever happens next: a failed COMMIT or ROLLBACK ends the block on the server too.
    m_state->active = false;
    m_state->savepoints.clear();
    Connection* connection = m_state->connection;
    Result result;
    try {
        result = connection->exec(statement);
    } catch (...) {
        rollbackQuietly(connection); // in case the server kept the block open (e.g. a canceled COMMIT)
        throw;
    }
    if (statement == QLatin1String("COMMIT") && result.commandTag() == QLatin1String("ROLLBACK"))
        throwTransactionError(
            QStringLiteral(
                "the transaction was rolled back: COMMIT of a transaction that had already failed"),
            statement);
}

void Transaction::commit() {
    if (!isActive())
        throwTransactionError(QStringLiteral("no active transaction to commit"), QStringLiteral("COMMIT"));
    finish(QStringLiteral("COMMIT"));
}

void Transaction::rollback() {
    if (!isActive())
        return;
    finish(QStringLiteral("ROLLBACK"));
}

Savepoint Transaction::savepoint() {
    if (!isActive())
        throwTransactionError(QStringLiteral("no active transaction for a savepoint"),
                              QStringLiteral("SAVEPOINT"));
    const int id = m_state->lastSavepointId + 1;
    Savepoint sp(m_state, id);
    m_state->connection->exec(QStringLiteral("SAVEPOINT ") + sp.name());
    m_state->lastSavepointId = id;
    m_state->savepoints.push_back(id);
    return sp;
}

// ---- Savepoint -------------------------------------------------------------------------------------

Savepoint::Savepoint(std::shared_ptr<Transaction::State> state, int id)
    : m_state(std::move(state))
    , m_id(id)
    , m_name(QStringLiteral("pgdesk_sp_%1").arg(id)) {
}

Savepoint::~Savepoint() {
    if (isActive()) {
        try {
            end(true);
        } catch (...) {
        }
    }
}

Savepoint& Savepoint::operator=(Savepoint&& other) noexcept {
    if (this != &other) {
        if (isActive()) {
            try {
                end(true);
            } catch (...) {
            }
        }
        m_state = std::move(other.m_state);
        m_id = other.m_id;
        m_name = std::move(other.m_name);
    }
    return *this;
}

bool Savepoint::isActive() const {
    return m_state && m_state->active &&
           std::find(m_state->savepoints.begin(), m_state->savepoints.end(), m_id) !=
               m_state->savepoints.end();
}

void Savepoint::release() {
    end(false);
}

void Savepoint::rollback() {
    end(true);
}

void Savepoint::end(bool rollBack) {
    const QString statement =
        rollBack ? QStringLiteral("ROLLBACK TO SAVEPOINT %1; RELEASE SAVEPOINT %1").arg(m_name)
                 : QStringLiteral("RELEASE SAVEPOINT %1").arg(m_name);
    if (!isActive())
        throwTransactionError(QStringLiteral("savepoint %1 is no longer active").arg(m_name), statement);
    // Ending a savepoint ends every savepoint created inside it, on the server as here.
    auto& ids = m_state->savepoints;
    ids.erase(std::find(ids.begin(), ids.end(), m_id), ids.end());
    m_state->connection->exec(statement);
}

} // namespace pgdesk::core
