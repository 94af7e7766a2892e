#pragma once

#include <pgdesk/core/connectionprofile.h>
#include <pgdesk/core/result.h>

#include <QByteArray>
#include <QList>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

struct pg_conn; // libpq's PGconn, kept opaque in public headers

namespace pgdesk::core {

// A statement parameter in text format; std::nullopt is SQL NULL.
using Param = std::optional<QByteArray>;
using Params = QList<Param>;

inline Param param(const QString& text) {
    return text.toUtf8();
}
inline Param param(const char* text) {
    return QByteArray(text);
}
inline Param param(long long value) {
    return QByteArray::number(value);
}
inline Param nullParam() {
    return std::nullopt;
}

// Cancels the statement running on one connection, from any thread (PQcancel). Copyable; stays safe
// to call after the connection is gone (it then does nothing useful, but does not crash).
class CancelHandle {
public:
    CancelHandle() = default;
    // Returns false when the cancel request could not be sent; the reason is in *error if given.
    bool cancel(QString* error = nullptr) const;
    bool isValid() const { return static_cast<bool>(m_state); }

private:
    friend class Connection;
    struct State;
    std::shared_ptr<State> m_state;
};

// Observes every statement sent (for echo logging and the SQL log dock). Parameters are already
// hidden ("$1 = <hidden>") when the profile says so.
using StatementObserver = std::function<void(const QString& sql, const QList<QString>& params)>;

// One libpq connection. Move-only: exactly one owner, closed (PQfinish) in the destructor.
// Not thread-safe: one thread at a time; cancelHandle() is the one thing other threads may use.
class Connection {
public:
    Connection() = default;
    ~Connection();
    Connection(Connection&& other) noexcept;
    Connection& operator=(Connection&& other) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Connects (blocking); throws ConnectionError / AuthenticationError / ConfigurationError.
    static Connection open(const ConnectionProfile& profile, const std::optional<QString>& password = {});

    bool isOpen() const;        // handle present and status OK
    bool isIdle() const;        // no transaction open
    bool inTransaction() const; // inside a (possibly failed) transaction block
    bool inFailedTransaction() const;

    // Statements. Values always travel as parameters ($1, $2 …), never pasted into SQL.
    Result exec(const QString& sql); // simple protocol; may hold several statements without parameters
    Result exec(const QString& sql, const Params& params);
    // Prepared statements by name (unnamed when name is empty).
    void prepare(const QByteArray& name, const QString& sql, int paramCount);
    Result execPrepared(const QByteArray& name, const Params& params);

    // Lightweight liveness check (an empty query); false when the server is gone.
    bool ping();

    QString quoteIdentifier(const QString& identifier) const; // PQescapeIdentifier
    QString quoteLiteral(const QString& value) const;         // PQescapeLiteral (for previews only)

    int serverVersion() const;           // e.g. 150020
    QString serverVersionString() const; // "15.20"
    int backendPid() const;
    QString parameterStatus(const char* name) const;
    std::chrono::steady_clock::time_point openedAt() const { return m_openedAt; }
    const ConnectionProfile& profile() const { return m_profile; }

    CancelHandle cancelHandle() const;
    void setStatementObserver(StatementObserver observer) { m_observer = std::move(observer); }
    // Echo log + observer for statements sent through native() (streaming, COPY, pipelines).
    void notifyStatement(const QString& sql, const Params& params) const;

    // The raw handle for core code that needs libpq directly (COPY, pipeline mode).
    pg_conn* native() const { return m_conn; }
    // Throws the mapped error for a failed result or connection, with the statement attached.
    [[noreturn]] void throwLastError(const QString& statement, pg_result* result = nullptr) const;
    // Checks a result from native calls: throws on error, otherwise adopts and returns it.
    Result check(pg_result* result, const QString& statement, const Params& params = {}) const;

private:
    void close() noexcept;

    pg_conn* m_conn = nullptr;
    ConnectionProfile m_profile;
    std::chrono::steady_clock::time_point m_openedAt;
    StatementObserver m_observer;
    CancelHandle m_cancel;
};

} // namespace pgdesk::core
