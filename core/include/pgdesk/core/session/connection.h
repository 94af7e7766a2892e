// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/base/param.h>
#include <pgdesk/core/profiles/connectionprofile.h>
#include <pgdesk/core/session/result.h>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

struct pg_conn; // libpq's PGconn, kept opaque in public headers

namespace pgdesk::core {

namespace pq {
class Access;   // the protocol layer's way to the raw handle (core/src/pq, never public)
class Pipeline; // pgdesk/core/session/pipeline.h
} // namespace pq

// One statement of a batch sent in one round trip (Connection::exec(statements, localSettings)).
struct BatchStatement {
    QString sql;
    Params params;
};
// A server setting for one statement or batch only (Connection::exec(…, localSettings)): a name and value
// of our own, never user text.
struct LocalSetting {
    QString name;
    QString value;
};
using LocalSettings = QList<LocalSetting>;

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

class Connection;
class WriteUnlock;
class SshTunnel; // sshtunnel.h

// A statement sent with Connection::send(), whose results core's protocol layer reads (PQgetResult until
// null). Through a transaction pooler it may sit in a pipeline behind the profile's SET LOCALs: finish()
// (or the destructor, which never throws) reads the pipeline's end and leaves pipeline mode, so the
// connection is ready for the next statement. Move-only.
class SentStatement final {
public:
    SentStatement() = default;
    ~SentStatement();
    SentStatement(SentStatement&& other) noexcept;
    SentStatement& operator=(SentStatement&& other) noexcept;
    SentStatement(const SentStatement&) = delete;
    SentStatement& operator=(const SentStatement&) = delete;

    void finish() noexcept;

private:
    friend class Connection;
    explicit SentStatement(std::unique_ptr<pq::Pipeline> pipeline);
    std::unique_ptr<pq::Pipeline> m_pipeline; // set when a pipeline has to be ended
};

// Whether send() puts the profile's transaction settings ahead of the statement (through a pooler).
enum class TransactionSettings { Apply, Skip };

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

    // Connects (blocking); throws ConnectionError / AuthenticationError / ConfigurationError. A profile with
    // a password command runs it first and logs in with its output instead of `password` (passwordcommand.h).
    // A profile with SSH settings goes through its shared tunnel (SshTunnel::forProfile, started or restarted
    // here; SshError names the hop that failed); the connection keeps the tunnel alive while it is open.
    // A TLS failure gets a hint naming the setting to look at (sslrootcert, sslcert, sslkey, sslmode):
    // libpq's message says what it checked, not where that came from.
    static Connection open(const ConnectionProfile& profile, const std::optional<QString>& password = {});

    bool isOpen() const;        // handle present and status OK
    bool isIdle() const;        // no transaction open
    bool inTransaction() const; // inside a (possibly failed) transaction block
    bool inFailedTransaction() const;

    // Statements. Values always travel as parameters ($1, $2 …), never pasted into SQL.
    // Through a transaction pooler (profile().pooler), a statement sent on an idle connection starts a
    // transaction on whichever server session the pooler picks, so the profile's settings
    // (ConnectionProfile::transactionSettings()) go ahead of it as SET LOCAL in the same round trip:
    // in the same query string for exec(sql), in one pipeline for exec(sql, params) and send(). They
    // then hold for that statement's implicit transaction, or for the whole block it opens (BEGIN).
    Result exec(const QString& sql); // simple protocol; may hold several statements without parameters
    Result exec(const QString& sql, const Params& params);
    // exec(sql, params) with `localSettings` ahead of it in one pipeline, after the profile's transaction
    // settings: they hold for this statement's implicit transaction only, in the same round trip. Inside a
    // transaction block they would outlive the statement, so there it runs without them. They are set by
    // one set_config() SELECT, not SET LOCAL, which would log a warning on the user's server each time
    // outside a block; that SELECT takes the transaction's snapshot, so the statements after it must not
    // set an isolation level (ours never do).
    Result exec(const QString& sql, const Params& params, const LocalSettings& localSettings);
    // Several statements in one pipeline and one round trip, `localSettings` ahead of them as above (inside
    // a transaction block without them); their results in order. The first error is thrown after the
    // pipeline ended (the statements after it were skipped by the server).
    QList<Result> exec(const QList<BatchStatement>& statements, const LocalSettings& localSettings);
    // The same, handing each result to `arrived` (its index, the result) as soon as it is whole, while the
    // server works on the ones after it: the caller's work on one overlaps the server's on the next. Not
    // called for a failed statement or any after it.
    using ResultArrived = std::function<void(qsizetype, const Result&)>;
    QList<Result> exec(const QList<BatchStatement>& statements, const LocalSettings& localSettings,
                       const ResultArrived& arrived);
    // For core's protocol layer, which reads the results itself (single-row streaming): sends one statement
    // with the extended protocol, settings first as above unless Skip (statements that refuse to run in a
    // transaction block: VACUUM, CREATE DATABASE …). Single-row mode may be set right after; read the
    // results until null, then let the SentStatement go (or finish() it).
    [[nodiscard]] SentStatement send(const QString& sql, const Params& params = {},
                                     TransactionSettings settings = TransactionSettings::Apply);
    // Whether statements sent now get the profile's transaction settings ahead of them.
    bool needsTransactionSettings() const;
    // Prepared statements by name (unnamed when name is empty). A named statement outlives the
    // transaction on the server session, which a transaction pooler hands to other clients: refused there
    // (ConfigurationError).
    void prepare(const QByteArray& name, const QString& sql, int paramCount);
    Result execPrepared(const QByteArray& name, const Params& params);

    // The production guard (ConnectionProfile::writeGuarded()): the session starts read-only and takes writes
    // only between unlockWrites(key) and lockWrites() (SET default_transaction_read_only; through a pooler,
    // the SET LOCAL transaction_read_only is left out meanwhile). Both need an idle connection and do nothing
    // on other profiles. Use WriteScope (writeunlock.h) rather than calling them directly.
    void unlockWrites(const WriteUnlock& key);
    void lockWrites();
    bool writesUnlocked() const { return m_writesUnlocked; }
    // After each statement a user wrote runs on a locked, write-guarded session: the server's own word
    // (default_transaction_read_only, reported by servers since 14) that the session is still read-only.
    // A function can turn it off where no statement check sees it; then the open transaction is rolled
    // back, the setting turned on again, and the guard's refusal thrown (writeguard.h) naming `statement`.
    // Through a pooler every transaction gets SET LOCAL transaction_read_only instead: nothing to check.
    void checkWriteGuard(const QString& statement);

    // Lightweight liveness check (an empty query); false when the server is gone.
    bool ping();
    // Reads what the server sent while nobody was reading (a session that ended on its own says why in a
    // FATAL just before it closes: idle-in-transaction timeout, pg_terminate_backend, shutdown). Throws
    // that reason as a ConnectionError, with statement attached, when the session is over. Every
    // statement sent through this class calls it first: writing to a closed socket first would get a
    // reset that throws the reason away, leaving only "server closed the connection unexpectedly".
    void readPendingInput(const QString& statement);

    QString quoteIdentifier(const QString& identifier) const; // PQescapeIdentifier
    QString quoteLiteral(const QString& value) const;         // PQescapeLiteral (for previews only)
    // The SCRAM-SHA-256 verifier of `password` for `role` (PQencryptPasswordConn): what CREATE/ALTER ROLE
    // … PASSWORD is sent, so the password itself never reaches the server, its log or PgDesk's SQL log.
    QString encryptPassword(const QString& role, const QString& password) const;

    int serverVersion() const;           // e.g. 150020
    QString serverVersionString() const; // "15.20"
    // current_user and current_database() as the server sees them (one round trip): who a DSN or a
    // service entry turned out to be, for the window's title and the connection test.
    std::pair<QString, QString> userAndDatabase();
    int backendPid() const;
    // The host the connection reached: a name, an address, or the socket's folder (starting with '/').
    QString serverHost() const;
    QString parameterStatus(const char* name) const;
    // How the session writes values (DateStyle, IntervalStyle, TimeZone, extra_float_digits, bytea_output),
    // for a second connection that must read values as this one shows them. The first three the server
    // reports to libpq itself; the others take a round trip, skipped (left out) when `inFailedTransaction`.
    LocalSettings outputSettings(bool inFailedTransaction = false);
    std::chrono::steady_clock::time_point openedAt() const { return m_openedAt; }
    const ConnectionProfile& profile() const { return m_profile; }

    CancelHandle cancelHandle() const;
    // Where the server's notices and warnings go (as libpq's message text); without one, libpq's default
    // (standard error). The SET LOCALs sent for a pooler never report here.
    void setNoticeReceiver(std::function<void(const QString& notice)> receiver);
    void setStatementObserver(StatementObserver observer) { m_observer = std::move(observer); }
    // Echo log + observer for statements the protocol layer sends (streaming, COPY, pipelines).
    void notifyStatement(const QString& sql, const Params& params) const;

    struct NoticeState;

private:
    // The raw handle, the result check and the error mapping are for core/src/pq only.
    friend class pq::Access;
    // Throws the mapped error for a failed result or connection, with the statement attached.
    [[noreturn]] void throwLastError(const QString& statement, pg_result* result = nullptr) const;
    // Checks a result of a raw libpq call: throws on error, otherwise adopts and returns it.
    Result check(pg_result* result, const QString& statement) const;

    void close() noexcept;
    // The pipeline behind send() and exec(…, localSettings): `prefix` first, then the statement, one sync;
    // the prefix's answers are read, the statement's are left to the caller.
    std::unique_ptr<pq::Pipeline> sendPipelined(const QList<BatchStatement>& statements,
                                                const QList<BatchStatement>& prefix);
    // The prefix of a statement sent now: the profile's transaction settings when needed, then
    // `localSettings` (on an idle connection only).
    QList<BatchStatement> pipelinePrefix(const LocalSettings& localSettings) const;
    // As PQexecParams would, through that pipeline: the first error among the statement's results, else
    // the last result.
    Result execPipelined(const QString& sql, const Params& params, const QList<BatchStatement>& prefix);
    static Connection connect(const ConnectionProfile& profile, const std::optional<QString>& password);
    static Connection openDirect(const ConnectionProfile& profile, const std::optional<QString>& password);

    pg_conn* m_conn = nullptr;
    ConnectionProfile m_profile;
    std::chrono::steady_clock::time_point m_openedAt;
    StatementObserver m_observer;
    CancelHandle m_cancel;
    std::shared_ptr<NoticeState> m_notices; // libpq keeps a pointer to it: stable across moves
    bool m_writesUnlocked = false;
    std::shared_ptr<SshTunnel> m_tunnel; // released after close(): the tunnel outlives the socket
};

} // namespace pgdesk::core
