// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/pq/paramarrays.h"
#include <pgdesk/core/session/pipeline.h>
#include <pgdesk/core/sqltext/secretmask.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/passwordcommand.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/roundtrips.h>
#include <pgdesk/core/session/sshtunnel.h>
#include <pgdesk/core/session/writeguard.h>
#include <pgdesk/core/session/writeunlock.h>

#include <QLoggingCategory>

#include <libpq-fe.h>

#include <poll.h>

#include <algorithm>
#include <mutex>
#include <utility>
#include <vector>

Q_LOGGING_CATEGORY(lcSql, "pgdesk.sql", QtInfoMsg)

namespace pgdesk::core {

struct CancelHandle::State {
    std::mutex mutex;
    PGcancel* cancel = nullptr;
};

bool CancelHandle::cancel(QString* error) const {
    if (!m_state)
        return false;
    std::lock_guard lock(m_state->mutex);
    if (!m_state->cancel)
        return false;
    char buffer[256] = {};
    const bool ok = PQcancel(m_state->cancel, buffer, sizeof buffer) == 1;
    if (!ok && error)
        *error = QString::fromUtf8(buffer);
    return ok;
}

struct Connection::NoticeState {
    PQnoticeReceiver original = nullptr; // libpq's default, which ignores its argument
    std::function<void(const QString&)> receiver;
    bool suppress = false;
    // A FATAL that came while no statement was running: libpq hands such errors to the notice receiver.
    // It is why the session ended, so it becomes the next error instead of a notice.
    std::optional<ErrorInfo> fatal;
};

namespace {

// The fields of a server error (or notice), its kind chosen from the SQLSTATE.
ErrorInfo serverErrorInfo(const PGresult* result) {
    auto field = [result](int code) { return QString::fromUtf8(PQresultErrorField(result, code)); };
    ErrorInfo info;
    info.sqlState = field(PG_DIAG_SQLSTATE);
    info.message = field(PG_DIAG_MESSAGE_PRIMARY);
    info.detail = field(PG_DIAG_MESSAGE_DETAIL);
    info.hint = field(PG_DIAG_MESSAGE_HINT);
    info.column = field(PG_DIAG_COLUMN_NAME);
    info.table = field(PG_DIAG_TABLE_NAME);
    info.constraint = field(PG_DIAG_CONSTRAINT_NAME);
    info.context = field(PG_DIAG_CONTEXT);
    info.position = field(PG_DIAG_STATEMENT_POSITION).toInt();
    info.kind = errorKindFromSqlState(info.sqlState.toStdString());
    return info;
}

void forwardNotice(void* arg, const PGresult* notice) {
    auto* state = static_cast<Connection::NoticeState*>(arg);
    const char* severity = PQresultErrorField(notice, PG_DIAG_SEVERITY_NONLOCALIZED);
    if (severity && (qstrcmp(severity, "FATAL") == 0 || qstrcmp(severity, "PANIC") == 0)) {
        state->fatal = serverErrorInfo(notice);
        state->fatal->kind = ErrorKind::Connection;
        return;
    }
    if (state->suppress)
        return;
    if (state->receiver)
        state->receiver(QString::fromUtf8(PQresultErrorMessage(notice)).trimmed());
    else if (state->original)
        state->original(nullptr, notice);
}

QString trimmedLibpqMessage(const char* message) {
    QString text = QString::fromUtf8(message).trimmed();
    // libpq prefixes server errors with "ERROR:  " / "FATAL:  "; the kind is carried separately.
    for (const auto& prefix : {QStringLiteral("ERROR:  "), QStringLiteral("FATAL:  ")})
        if (text.startsWith(prefix))
            text = text.mid(prefix.size());
    return text;
}

// TLS failures name what libpq checked but not which setting to look at: a hint does.
void explainTlsFailure(ErrorInfo& info, const ConnectionProfile& profile) {
    const QString lower = info.message.toLower();
    auto file = [](const QString& path) {
        return path.isEmpty() ? QStringLiteral("libpq's default file") : QStringLiteral("\"%1\"").arg(path);
    };
    if (lower.contains(QLatin1String("certificate verify failed"))) {
        info.hint =
            QStringLiteral("the server's certificate is not signed by a certificate authority in sslrootcert "
                           "(%1): the server may not be the one you meant, or sslrootcert is the wrong file")
                .arg(file(profile.sslRootCert));
    } else if (lower.contains(QLatin1String("does not match host name"))) {
        info.hint =
            QStringLiteral("the server's certificate was issued for another host name: connect by the name "
                           "it names, or use sslmode=verify-ca to check only who signed it");
    } else if (lower.contains(QLatin1String("alert unknown ca")) ||
               lower.contains(QLatin1String("alert bad certificate")) ||
               lower.contains(QLatin1String("alert certificate"))) {
        info.kind = ErrorKind::Authentication;
        info.hint = QStringLiteral("the server does not accept the client certificate in sslcert (%1)")
                        .arg(file(profile.sslCert));
    } else if (lower.contains(QLatin1String("requires a valid client certificate"))) {
        info.kind = ErrorKind::Authentication;
        info.sqlState = QStringLiteral("28000");
        info.hint =
            QStringLiteral("this server lets the user in by client certificate: set sslcert and sslkey");
    } else if (lower.contains(QLatin1String("but not private key file")) ||
               lower.contains(QLatin1String("could not open private key file")) ||
               lower.contains(QLatin1String("could not load private key file"))) {
        info.kind = ErrorKind::Configuration;
        info.field = QStringLiteral("sslkey");
    } else if (lower.contains(QLatin1String("root certificate file")) &&
               lower.contains(QLatin1String("does not exist"))) {
        info.kind = ErrorKind::Configuration;
        info.field = QStringLiteral("sslrootcert");
    }
}

// Connection-time failures arrive without a SQLSTATE from libpq; the message is all there is.
ErrorInfo connectFailure(PGconn* conn) {
    ErrorInfo info;
    info.message = trimmedLibpqMessage(PQerrorMessage(conn));
    info.kind = ErrorKind::Connection;
    const QString lower = info.message.toLower();
    if (lower.contains(QLatin1String("password authentication failed"))) {
        info.kind = ErrorKind::Authentication;
        info.sqlState = QStringLiteral("28P01");
    } else if (lower.contains(QLatin1String("no password supplied")) ||
               lower.contains(QLatin1String("authentication failed")) ||
               (lower.contains(QLatin1String("role ")) && lower.contains(QLatin1String("does not exist"))) ||
               lower.contains(QLatin1String("no pg_hba.conf entry"))) {
        info.kind = ErrorKind::Authentication;
        info.sqlState = QStringLiteral("28000");
    } else if (lower.contains(QLatin1String("too many clients"))) {
        info.sqlState = QStringLiteral("53300");
    } else if (lower.contains(QLatin1String("invalid connection option")) ||
               lower.contains(QLatin1String("invalid sslmode value")) ||
               lower.contains(QLatin1String("invalid port number")) ||
               lower.contains(QLatin1String("invalid integer value"))) {
        info.kind = ErrorKind::Configuration;
    }
    return info;
}

} // namespace

Connection::~Connection() {
    close();
}

Connection::Connection(Connection&& other) noexcept
    : m_conn(std::exchange(other.m_conn, nullptr))
    , m_profile(std::move(other.m_profile))
    , m_openedAt(other.m_openedAt)
    , m_observer(std::move(other.m_observer))
    , m_cancel(std::move(other.m_cancel))
    , m_notices(std::move(other.m_notices))
    , m_writesUnlocked(std::exchange(other.m_writesUnlocked, false))
    , m_tunnel(std::move(other.m_tunnel)) {
}

Connection& Connection::operator=(Connection&& other) noexcept {
    if (this != &other) {
        close();
        m_conn = std::exchange(other.m_conn, nullptr);
        m_profile = std::move(other.m_profile);
        m_openedAt = other.m_openedAt;
        m_observer = std::move(other.m_observer);
        m_cancel = std::move(other.m_cancel);
        m_notices = std::move(other.m_notices);
        m_writesUnlocked = std::exchange(other.m_writesUnlocked, false);
        m_tunnel = std::move(other.m_tunnel);
    }
    return *this;
}

void Connection::close() noexcept {
    if (m_cancel.m_state) {
        std::lock_guard lock(m_cancel.m_state->mutex);
        if (m_cancel.m_state->cancel)
            PQfreeCancel(m_cancel.m_state->cancel);
        m_cancel.m_state->cancel = nullptr;
    }
    if (m_conn)
        PQfinish(m_conn);
    m_conn = nullptr;
    m_notices.reset();
}

Connection Connection::open(const ConnectionProfile& profile, const std::optional<QString>& given) {
    profile.validate();
    // A password command runs for every new connection (tokens expire); its output is never logged.
    const std::optional<QString> password = connectionPassword(profile, given);
    if (!profile.ssh.enabled())
        return openDirect(profile, password);
    auto tunnel = SshTunnel::forProfile(profile);
    const int localPort = tunnel->ensureUp();
    Connection c;
    try {
        c = openDirect(SshTunnel::throughTunnel(profile, localPort), password);
    } catch (const ConnectionError&) {
        tunnel->throwIfDown(); // the tunnel died under libpq: its hop is the news, not libpq's EOF
        throw;
    }
    // The profile as the user knows it (for connections of its own, display); only the pooler fallback kept.
    const PoolerMode pooler = c.m_profile.pooler;
    c.m_profile = profile;
    c.m_profile.pooler = pooler;
    c.m_tunnel = std::move(tunnel);
    return c;
}

Connection Connection::openDirect(const ConnectionProfile& profile, const std::optional<QString>& password) {
    try {
        return connect(profile, password);
    } catch (const ConnectionError& e) {
        // pgbouncer refuses startup options ("unsupported startup parameter: options"). Ours carry only
        // the profile's session settings: a profile that did not say it goes through a pooler gets them
        // per transaction instead, as if it had (the safe assumption: transaction pooling).
        const bool ownOptionsOnly =
            std::none_of(profile.extraOptions.begin(), profile.extraOptions.end(),
                         [](const auto& option) { return option.first == QLatin1String("options"); });
        if (profile.pooler != PoolerMode::None || !ownOptionsOnly ||
            !e.message().contains(QLatin1String("unsupported startup parameter")))
            throw;
        ConnectionProfile pooled = profile;
        pooled.pooler = PoolerMode::Transaction;
        return connect(pooled, password);
    }
}

Connection Connection::connect(const ConnectionProfile& profile, const std::optional<QString>& password) {
    profile.validate();
    const auto parameters = profile.connectionParameters(password);
    std::vector<const char*> keywords;
    std::vector<const char*> values;
    for (const auto& [key, value] : parameters) {
        keywords.push_back(key.constData());
        values.push_back(value.constData());
    }
    keywords.push_back(nullptr);
    values.push_back(nullptr);

    Connection c;
    c.m_profile = profile;
    ThreadRoundTrips::note();
    c.m_conn = PQconnectdbParams(keywords.data(), values.data(), 0);
    if (!c.m_conn)
        throwError(ErrorKind::Connection, QStringLiteral("out of memory allocating a connection"));
    if (PQstatus(c.m_conn) != CONNECTION_OK) {
        ErrorInfo info = connectFailure(c.m_conn);
        explainTlsFailure(info, profile);
        throwError(std::move(info));
    }
    c.m_openedAt = std::chrono::steady_clock::now();
    c.m_cancel.m_state = std::make_shared<CancelHandle::State>();
    c.m_cancel.m_state->cancel = PQgetCancel(c.m_conn);
    c.m_notices = std::make_shared<NoticeState>();
    c.m_notices->original = PQsetNoticeReceiver(c.m_conn, forwardNotice, c.m_notices.get());
    return c;
}

bool Connection::isOpen() const {
    return m_conn && PQstatus(m_conn) == CONNECTION_OK;
}

bool Connection::isIdle() const {
    return m_conn && PQtransactionStatus(m_conn) == PQTRANS_IDLE;
}

bool Connection::inTransaction() const {
    if (!m_conn)
        return false;
    const auto s = PQtransactionStatus(m_conn);
    return s == PQTRANS_INTRANS || s == PQTRANS_INERROR || s == PQTRANS_ACTIVE;
}

bool Connection::inFailedTransaction() const {
    return m_conn && PQtransactionStatus(m_conn) == PQTRANS_INERROR;
}

void Connection::notifyStatement(const QString& statement, const Params& params) const {
    ThreadRoundTrips::note();
    if (!m_observer && !m_profile.echo)
        return;
    const QString sql = maskStatementSecrets(statement); // CREATE ROLE … PASSWORD, a conninfo's password
    QList<QString> shown;
    shown.reserve(params.size());
    for (const auto& p : params) {
        if (m_profile.hideParameters)
            shown.append(QStringLiteral("<hidden>"));
        else
            shown.append(p ? QString::fromUtf8(*p) : QStringLiteral("NULL"));
    }
    if (m_profile.echo) {
        if (shown.isEmpty())
            qCInfo(lcSql).noquote() << sql;
        else
            qCInfo(lcSql).noquote() << sql << "-- params:" << shown;
    }
    if (m_observer)
        m_observer(sql, shown);
}

void Connection::throwLastError(const QString& statement, pg_result* result) const {
    ErrorInfo info;
    info.statement = maskStatementSecrets(statement);
    if (result && PQresultErrorField(result, PG_DIAG_SQLSTATE)) {
        info = serverErrorInfo(result);
        info.statement = maskStatementSecrets(statement);
    } else {
        info.message = trimmedLibpqMessage(result ? PQresultErrorMessage(result) : PQerrorMessage(m_conn));
        if (info.message.isEmpty())
            info.message = trimmedLibpqMessage(PQerrorMessage(m_conn));
        info.kind = ErrorKind::Query;
    }
    // A statement that failed because the server went away is a connection error whatever it said, and
    // the server's own reason, when it gave one while idle, says more than libpq's "closed unexpectedly".
    if (!m_conn || PQstatus(m_conn) != CONNECTION_OK) {
        if (m_notices && m_notices->fatal && info.sqlState.isEmpty()) {
            info = *m_notices->fatal;
            info.statement = maskStatementSecrets(statement);
        }
        info.kind = (info.kind == ErrorKind::QueryCanceled) ? info.kind : ErrorKind::Connection;
    }
    if (result)
        PQclear(result);
    throwError(std::move(info));
}

Result Connection::check(pg_result* result, const QString& statement) const {
    if (!result)
        throwLastError(statement, nullptr);
    switch (PQresultStatus(result)) {
    case PGRES_COMMAND_OK:
    case PGRES_TUPLES_OK:
    case PGRES_EMPTY_QUERY:
    case PGRES_SINGLE_TUPLE:
    case PGRES_COPY_IN:
    case PGRES_COPY_OUT:
    case PGRES_COPY_BOTH:
    case PGRES_PIPELINE_SYNC:
        return Result(result);
    default:
        throwLastError(statement, result);
    }
}

static void requireOpen(pg_conn* conn) {
    if (!conn)
        throwError(ErrorKind::Connection, QStringLiteral("not connected"));
}

void Connection::unlockWrites(const WriteUnlock& /*key: its existence is the permission*/) {
    if (!m_profile.writeGuarded() || m_writesUnlocked)
        return;
    if (!isIdle())
        throwError(ErrorKind::Query, QStringLiteral("writing can only be unlocked outside a transaction"));
    // Direct: the session's default (a startup option) is turned off. Through a pooler the session is not
    // ours; the flag leaves the SET LOCAL transaction_read_only out of the next transactions instead.
    if (m_profile.pooler == PoolerMode::None)
        exec(QStringLiteral("SET default_transaction_read_only = off"));
    m_writesUnlocked = true;
}

void Connection::lockWrites() {
    if (!m_writesUnlocked)
        return;
    if (!isIdle())
        throwError(ErrorKind::Query, QStringLiteral("writing can only be locked outside a transaction"));
    // The flag stays set when the RESET fails, so the pool discards the connection rather than lend it out.
    if (m_profile.pooler == PoolerMode::None)
        exec(QStringLiteral("RESET default_transaction_read_only")); // back to the startup option: on
    m_writesUnlocked = false;
}

void Connection::checkWriteGuard(const QString& statement) {
    if (!m_conn || !m_profile.writeGuarded() || m_writesUnlocked || m_profile.pooler != PoolerMode::None)
        return;
    QString value = parameterStatus("default_transaction_read_only");
    if (value.isEmpty() && isOpen()) // not reported before PostgreSQL 14
        value = exec(QStringLiteral("SHOW default_transaction_read_only"), Params{}).text(0, 0);
    if (value.isEmpty() || value == QLatin1String("on"))
        return; // a lost connection says so at the next statement
    if (inTransaction())
        exec(QStringLiteral("ROLLBACK"), Params{});
    exec(QStringLiteral("SET default_transaction_read_only = on"), Params{});
    ErrorInfo info;
    info.kind = ErrorKind::Configuration;
    info.field = QLatin1String(kWriteGuardField);
    info.statement = maskStatementSecrets(statement);
    info.message = QStringLiteral("the statement turned the production guard's read-only setting off; its "
                                  "transaction was rolled back and the setting turned on again");
    throwError(std::move(info));
}

bool Connection::needsTransactionSettings() const {
    return m_conn && m_profile.pooler != PoolerMode::None && isIdle() &&
           !m_profile.transactionSettings(m_writesUnlocked).isEmpty();
}

void Connection::readPendingInput(const QString& statement) {
    requireOpen(m_conn);
    if (PQisBusy(m_conn) || PQpipelineStatus(m_conn) != PQ_PIPELINE_OFF)
        return; // a statement is under way: its results carry any error
    pollfd fd{PQsocket(m_conn), POLLIN, 0};
    if (fd.fd < 0 || ::poll(&fd, 1, 0) <= 0)
        return; // nothing waiting: the usual case, one system call
    // PQconsumeInput only reads; PQisBusy parses, handing a FATAL to forwardNotice. The end of the stream
    // follows it, maybe in a later read: wait for that briefly, so the connection reads as closed.
    PQconsumeInput(m_conn);
    PQisBusy(m_conn);
    for (int i = 0; i < 20 && m_notices->fatal && PQstatus(m_conn) == CONNECTION_OK; ++i) {
        fd.revents = 0;
        if (::poll(&fd, 1, 50) > 0)
            PQconsumeInput(m_conn);
    }
    if (m_notices->fatal) { // a FATAL always ends the session
        ErrorInfo info = *m_notices->fatal;
        info.statement = maskStatementSecrets(statement);
        throwError(std::move(info));
    }
    if (PQstatus(m_conn) != CONNECTION_OK)
        throwLastError(statement);
}

Result Connection::exec(const QString& sql) {
    requireOpen(m_conn);
    readPendingInput(sql);
    QByteArray text = sql.toUtf8();
    if (needsTransactionSettings()) {
        // In one query string the statements share an implicit transaction (or the block a BEGIN opens),
        // and SET LOCAL takes no snapshot, so BEGIN ISOLATION LEVEL … still works after it.
        const QString settings = m_profile.transactionSettings(m_writesUnlocked).join(QStringLiteral("; "));
        notifyStatement(settings, {});
        text = settings.toUtf8() + "; " + text;
    }
    notifyStatement(sql, {});
    return check(PQexec(m_conn, text.constData()), sql);
}

Result Connection::exec(const QString& sql, const Params& params) {
    return exec(sql, params, LocalSettings{});
}

QList<BatchStatement> Connection::pipelinePrefix(const LocalSettings& localSettings) const {
    QList<BatchStatement> prefix;
    if (!isIdle())
        return prefix;
    if (needsTransactionSettings()) {
        // SET LOCAL, not set_config(): it takes no snapshot, so a BEGIN ISOLATION LEVEL … of the user's
        // after it still works.
        for (const QString& setting : m_profile.transactionSettings(m_writesUnlocked))
            prefix.append({setting, {}});
    }
    if (!localSettings.isEmpty()) {
        QStringList calls;
        Params params;
        for (const LocalSetting& s : localSettings) {
            calls
                << QStringLiteral("set_config($%1, $%2, true)").arg(params.size() + 1).arg(params.size() + 2);
            params << param(s.name) << param(s.value);
        }
        prefix.append({QStringLiteral("select ") + calls.join(QStringLiteral(", ")), params});
    }
    return prefix;
}

Result Connection::exec(const QString& sql, const Params& params, const LocalSettings& localSettings) {
    requireOpen(m_conn);
    readPendingInput(sql);
    const QList<BatchStatement> prefix = pipelinePrefix(localSettings);
    if (!prefix.isEmpty())
        return execPipelined(sql, params, prefix);
    notifyStatement(sql, params);
    const pq::ParamArrays a(params);
    return check(PQexecParams(m_conn, sql.toUtf8().constData(), a.count(), nullptr, a.values.data(),
                              a.lengths.data(), nullptr, 0),
                 sql);
}

QList<Result> Connection::exec(const QList<BatchStatement>& statements, const LocalSettings& localSettings) {
    return exec(statements, localSettings, {});
}

QList<Result> Connection::exec(const QList<BatchStatement>& statements, const LocalSettings& localSettings,
                               const ResultArrived& arrived) {
    if (statements.isEmpty())
        return {};
    requireOpen(m_conn);
    readPendingInput(statements.first().sql);
    const std::unique_ptr<pq::Pipeline> pipeline = sendPipelined(statements, pipelinePrefix(localSettings));
    QList<Result> results;
    std::optional<ErrorInfo> failed;
    for (qsizetype i = 0; i < statements.size(); ++i) {
        pq::Pipeline::Answer answer = pipeline->next();
        if (answer.error && !failed)
            failed = std::move(answer.error);
        results << answer.result;
        if (arrived && !failed)
            arrived(i, results.last());
    }
    pipeline->finish();
    if (failed)
        throwError(std::move(*failed));
    return results;
}

Result Connection::execPipelined(const QString& sql, const Params& params,
                                 const QList<BatchStatement>& prefix) {
    const std::unique_ptr<pq::Pipeline> pipeline = sendPipelined({{sql, params}}, prefix);
    pq::Pipeline::Answer answer = pipeline->next();
    pipeline->finish();
    if (answer.error)
        throwError(std::move(*answer.error));
    return answer.result;
}

SentStatement Connection::send(const QString& sql, const Params& params, TransactionSettings settings) {
    requireOpen(m_conn);
    readPendingInput(sql);
    if (settings == TransactionSettings::Skip || !needsTransactionSettings()) {
        notifyStatement(sql, params);
        const pq::ParamArrays a(params);
        if (PQsendQueryParams(m_conn, sql.toUtf8().constData(), a.count(), nullptr, a.values.data(),
                              a.lengths.data(), nullptr, 0) != 1)
            throwLastError(sql);
        return {};
    }
    return SentStatement(sendPipelined({{sql, params}}, pipelinePrefix({})));
}

std::unique_ptr<pq::Pipeline> Connection::sendPipelined(const QList<BatchStatement>& statements,
                                                        const QList<BatchStatement>& prefix) {
    // One pipeline, one sync: the SET LOCALs and the statements share the implicit transaction (or the
    // block a statement opens), in one round trip.
    const QString& sql = statements.first().sql;                // names what failed
    auto pipeline = std::make_unique<pq::Pipeline>(*this, sql); // leaves pipeline mode whatever happens
    for (const BatchStatement& s : prefix)
        pipeline->send(s.sql, s.params);
    for (const BatchStatement& s : statements)
        pipeline->send(s.sql, s.params);
    pipeline->sync(sql);
    // SET LOCAL outside an explicit block warns that it lasts only for the transaction, which is the
    // point here: that warning is not passed on. A failed SET aborts the pipeline, so the statement then
    // reports PGRES_PIPELINE_ABORTED; the SET's own error is thrown instead.
    std::optional<ErrorInfo> failed;
    {
        m_notices->suppress = true;
        struct Unsuppress {
            NoticeState& state;
            ~Unsuppress() { state.suppress = false; }
        } unsuppress{*m_notices};
        try {
            for (qsizetype i = 0; i < prefix.size(); ++i) {
                pq::Pipeline::Answer answer = pipeline->next();
                if (!failed && answer.error)
                    failed = std::move(answer.error);
            }
        } catch (const ConnectionError& e) {
            failed = e.info();
        }
    }
    if (failed) {
        pipeline->finish();
        QStringList shown;
        for (const BatchStatement& s : prefix)
            shown << s.sql;
        failed->statement = shown.join(QStringLiteral("; "));
        throwError(std::move(*failed));
    }
    return pipeline;
}

void Connection::setNoticeReceiver(std::function<void(const QString&)> receiver) {
    if (m_notices)
        m_notices->receiver = std::move(receiver);
}

// ---- SentStatement ---------------------------------------------------------------------------------

SentStatement::SentStatement(std::unique_ptr<pq::Pipeline> pipeline)
    : m_pipeline(std::move(pipeline)) {
}

SentStatement::~SentStatement() {
    finish();
}

SentStatement::SentStatement(SentStatement&& other) noexcept
    : m_pipeline(std::move(other.m_pipeline)) {
}

SentStatement& SentStatement::operator=(SentStatement&& other) noexcept {
    if (this != &other) {
        finish();
        m_pipeline = std::move(other.m_pipeline);
    }
    return *this;
}

void SentStatement::finish() noexcept {
    if (m_pipeline)
        m_pipeline->finish(); // the rest of the statement's results if the caller stopped early, the sync
    m_pipeline.reset();
}

void Connection::prepare(const QByteArray& name, const QString& sql, int paramCount) {
    requireOpen(m_conn);
    if (!name.isEmpty() && m_profile.pooler != PoolerMode::None)
        throwConfigurationError(
            QStringLiteral("pooler_mode"),
            QStringLiteral("a named prepared statement (%1) would stay on a server session that a "
                           "transaction pooler shares with other clients")
                .arg(QString::fromUtf8(name)));
    readPendingInput(sql);
    notifyStatement(QStringLiteral("PREPARE %1 AS %2").arg(QString::fromUtf8(name), sql), {});
    check(PQprepare(m_conn, name.constData(), sql.toUtf8().constData(), paramCount, nullptr), sql);
}

Result Connection::execPrepared(const QByteArray& name, const Params& params) {
    requireOpen(m_conn);
    readPendingInput(QString::fromUtf8(name));
    notifyStatement(QStringLiteral("EXECUTE %1").arg(QString::fromUtf8(name)), params);
    const pq::ParamArrays a(params);
    return check(
        PQexecPrepared(m_conn, name.constData(), a.count(), a.values.data(), a.lengths.data(), nullptr, 0),
        QString::fromUtf8(name));
}

bool Connection::ping() {
    if (!m_conn || PQstatus(m_conn) != CONNECTION_OK)
        return false;
    ThreadRoundTrips::note();
    PGresult* r = PQexec(m_conn, "");
    const bool ok = r && PQresultStatus(r) == PGRES_EMPTY_QUERY;
    PQclear(r);
    return ok && PQstatus(m_conn) == CONNECTION_OK;
}

QString Connection::quoteIdentifier(const QString& identifier) const {
    requireOpen(m_conn);
    const QByteArray utf8 = identifier.toUtf8();
    char* quoted = PQescapeIdentifier(m_conn, utf8.constData(), size_t(utf8.size()));
    if (!quoted)
        throwError(ErrorKind::Data, trimmedLibpqMessage(PQerrorMessage(m_conn)));
    QString result = QString::fromUtf8(quoted);
    PQfreemem(quoted);
    return result;
}

QString Connection::quoteLiteral(const QString& value) const {
    requireOpen(m_conn);
    const QByteArray utf8 = value.toUtf8();
    char* quoted = PQescapeLiteral(m_conn, utf8.constData(), size_t(utf8.size()));
    if (!quoted)
        throwError(ErrorKind::Data, trimmedLibpqMessage(PQerrorMessage(m_conn)));
    QString result = QString::fromUtf8(quoted);
    PQfreemem(quoted);
    return result;
}

QString Connection::encryptPassword(const QString& role, const QString& password) const {
    requireOpen(m_conn);
    QByteArray secret = password.toUtf8();
    char* verifier =
        PQencryptPasswordConn(m_conn, secret.constData(), role.toUtf8().constData(), "scram-sha-256");
    secret.fill('\0'); // the copy this function made
    if (!verifier)
        throwError(ErrorKind::Query, trimmedLibpqMessage(PQerrorMessage(m_conn)));
    QString result = QString::fromUtf8(verifier);
    PQfreemem(verifier);
    return result;
}

int Connection::serverVersion() const {
    return m_conn ? PQserverVersion(m_conn) : 0;
}

QString Connection::serverVersionString() const {
    return parameterStatus("server_version");
}

std::pair<QString, QString> Connection::userAndDatabase() {
    const Result who = exec(QStringLiteral("select current_user, current_database()"));
    return {who.text(0, 0), who.text(0, 1)};
}

int Connection::backendPid() const {
    return m_conn ? PQbackendPID(m_conn) : 0;
}

QString Connection::serverHost() const {
    const char* host = m_conn ? PQhost(m_conn) : nullptr;
    return host ? QString::fromUtf8(host) : QString();
}

QString Connection::parameterStatus(const char* name) const {
    return m_conn ? QString::fromUtf8(PQparameterStatus(m_conn, name)) : QString();
}

LocalSettings Connection::outputSettings(bool inFailedTransaction) {
    LocalSettings settings;
    for (const char* name : {"DateStyle", "IntervalStyle", "TimeZone"})
        settings << LocalSetting{QString::fromLatin1(name), parameterStatus(name)};
    if (inFailedTransaction)
        return settings;
    const Result result =
        exec(QStringLiteral("select current_setting('extra_float_digits'), current_setting('bytea_output')"));
    settings << LocalSetting{QStringLiteral("extra_float_digits"), result.text(0, 0)}
             << LocalSetting{QStringLiteral("bytea_output"), result.text(0, 1)};
    return settings;
}

CancelHandle Connection::cancelHandle() const {
    return m_cancel;
}

} // namespace pgdesk::core
