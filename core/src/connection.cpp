#include <pgdesk/core/connection.h>
#include <pgdesk/core/errors.h>

#include <QLoggingCategory>

#include <libpq-fe.h>

#include <mutex>
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

namespace {

QString trimmedLibpqMessage(const char* message) {
    QString text = QString::fromUtf8(message).trimmed();
    // libpq prefixes server errors with "ERROR:  " / "FATAL:  "; the kind is carried separately.
    for (const auto& prefix : {QStringLiteral("ERROR:  "), QStringLiteral("FATAL:  ")})
        if (text.startsWith(prefix))
            text = text.mid(prefix.size());
    return text;
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
    , m_cancel(std::move(other.m_cancel)) {
}

Connection& Connection::operator=(Connection&& other) noexcept {
    if (this != &other) {
        close();
        m_conn = std::exchange(other.m_conn, nullptr);
        m_profile = std::move(other.m_profile);
        m_openedAt = other.m_openedAt;
        m_observer = std::move(other.m_observer);
        m_cancel = std::move(other.m_cancel);
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
}

Connection Connection::open(const ConnectionProfile& profile, const std::optional<QString>& password) {
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
    c.m_conn = PQconnectdbParams(keywords.data(), values.data(), 0);
    if (!c.m_conn)
        throwError(ErrorKind::Connection, QStringLiteral("out of memory allocating a connection"));
    if (PQstatus(c.m_conn) != CONNECTION_OK)
        throwError(connectFailure(c.m_conn));
    c.m_openedAt = std::chrono::steady_clock::now();
    c.m_cancel.m_state = std::make_shared<CancelHandle::State>();
    c.m_cancel.m_state->cancel = PQgetCancel(c.m_conn);
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

void Connection::notifyStatement(const QString& sql, const Params& params) const {
    if (!m_observer && !m_profile.echo)
        return;
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
    info.statement = statement;
    if (result && PQresultErrorField(result, PG_DIAG_SQLSTATE)) {
        auto field = [result](int code) { return QString::fromUtf8(PQresultErrorField(result, code)); };
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
    } else {
        info.message = trimmedLibpqMessage(result ? PQresultErrorMessage(result) : PQerrorMessage(m_conn));
        if (info.message.isEmpty())
            info.message = trimmedLibpqMessage(PQerrorMessage(m_conn));
        info.kind = ErrorKind::Query;
    }
    // A statement that failed because the server went away is a connection error whatever it said.
    if (!m_conn || PQstatus(m_conn) != CONNECTION_OK)
        info.kind = (info.kind == ErrorKind::QueryCanceled) ? info.kind : ErrorKind::Connection;
    if (result)
        PQclear(result);
    throwError(std::move(info));
}

Result Connection::check(pg_result* result, const QString& statement, const Params&) const {
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

Result Connection::exec(const QString& sql) {
    requireOpen(m_conn);
    notifyStatement(sql, {});
    return check(PQexec(m_conn, sql.toUtf8().constData()), sql);
}

namespace {
struct ParamArrays {
    explicit ParamArrays(const Params& params) {
        values.reserve(params.size());
        lengths.reserve(params.size());
        for (const auto& p : params) {
            values.push_back(p ? p->constData() : nullptr);
            lengths.push_back(p ? int(p->size()) : 0);
        }
    }
    std::vector<const char*> values;
    std::vector<int> lengths;
};
} // namespace

Result Connection::exec(const QString& sql, const Params& params) {
    requireOpen(m_conn);
    notifyStatement(sql, params);
    const ParamArrays a(params);
    return check(PQexecParams(m_conn, sql.toUtf8().constData(), int(params.size()), nullptr, a.values.data(),
                              a.lengths.data(), nullptr, 0),
                 sql, params);
}

void Connection::prepare(const QByteArray& name, const QString& sql, int paramCount) {
    requireOpen(m_conn);
    notifyStatement(QStringLiteral("PREPARE %1 AS %2").arg(QString::fromUtf8(name), sql), {});
    check(PQprepare(m_conn, name.constData(), sql.toUtf8().constData(), paramCount, nullptr), sql);
}

Result Connection::execPrepared(const QByteArray& name, const Params& params) {
    requireOpen(m_conn);
    notifyStatement(QStringLiteral("EXECUTE %1").arg(QString::fromUtf8(name)), params);
    const ParamArrays a(params);
    return check(PQexecPrepared(m_conn, name.constData(), int(params.size()), a.values.data(),
                                a.lengths.data(), nullptr, 0),
                 QString::fromUtf8(name), params);
}

bool Connection::ping() {
    if (!m_conn || PQstatus(m_conn) != CONNECTION_OK)
        return false;
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

int Connection::serverVersion() const {
    return m_conn ? PQserverVersion(m_conn) : 0;
}

QString Connection::serverVersionString() const {
    return parameterStatus("server_version");
}

int Connection::backendPid() const {
    return m_conn ? PQbackendPID(m_conn) : 0;
}

QString Connection::parameterStatus(const char* name) const {
    return m_conn ? QString::fromUtf8(PQparameterStatus(m_conn, name)) : QString();
}

CancelHandle Connection::cancelHandle() const {
    return m_cancel;
}

} // namespace pgdesk::core
