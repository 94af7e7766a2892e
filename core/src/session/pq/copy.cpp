// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/session/copy.h>

#include "session/pq/access.h"
#include <pgdesk/core/base/bytescan.h>

#include <pgdesk/core/base/errors.h>

#include <libpq-fe.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <utility>

namespace pgdesk::core::pq {

namespace {
constexpr qsizetype kCopySlice = 1 << 20;
} // namespace

qint64 copyIn(Connection& connection, const QString& statement,
              const std::function<bool(QByteArray&)>& produce) {
    pg_conn* conn = Access::require(connection);
    // The data is sent as UTF-8, like every parameter; another client encoding would garble it.
    if (QByteArray(pg_encoding_to_char(PQclientEncoding(conn))) != "UTF8")
        throwError(ErrorKind::Configuration, QStringLiteral("COPY needs client_encoding UTF8"));
    connection.notifyStatement(statement, {});
    Access::check(connection, PQexec(conn, statement.toUtf8().constData()), statement);

    // From here the connection is in COPY IN state: whatever happens, end the copy and drain the results.
    bool sendFailed = false;
    const char* abortMessage = nullptr;
    std::exception_ptr pending;
    try {
        QByteArray chunk;
        for (;;) {
            chunk.clear();
            const bool more = produce(chunk);
            // In slices: libpq holds a whole message in its buffer, a copy of a long chunk.
            for (qsizetype from = 0; from < chunk.size() && !sendFailed; from += kCopySlice)
                sendFailed = PQputCopyData(conn, chunk.constData() + from,
                                           int(std::min(kCopySlice, chunk.size() - from))) != 1;
            if (sendFailed)
                break;
            if (!more)
                break;
        }
    } catch (...) {
        // Rethrown once the aborted copy is drained, so the caller sees the real cause.
        pending = std::current_exception();
        abortMessage = "aborted by client";
    }
    PQputCopyEnd(conn, abortMessage);

    pg_result* failed = nullptr;
    qint64 copied = -1;
    while (pg_result* r = PQgetResult(conn)) {
        const ExecStatusType status = PQresultStatus(r);
        if (status == PGRES_COMMAND_OK && !failed) {
            copied = QByteArray(PQcmdTuples(r)).toLongLong();
            PQclear(r);
        } else if (!failed && status != PGRES_COMMAND_OK) {
            failed = r;
        } else {
            PQclear(r);
        }
        if (status == PGRES_COPY_IN) // cannot happen after PQputCopyEnd; never loop forever
            break;
    }
    if (pending) {
        if (failed)
            PQclear(failed);
        std::rethrow_exception(pending);
    }
    if (failed)
        Access::throwLastError(connection, statement, failed);
    if (copied < 0 || sendFailed)
        Access::throwLastError(connection, statement, nullptr);
    return copied;
}

char* writeCopyText(char* out, const char* value, qsizetype size) {
    // Runs of plain bytes copied whole, through a pointer into room made once: QByteArray::append() per run
    // (its insert()) and a second pass over each value byte by byte were a third of a CSV import's client
    // time.
    const char* const end = value + size;
    for (;;) {
        const char* special = findFirstOf(value, end, '\\', '\t', '\n', '\r');
        std::memcpy(out, value, size_t(special - value));
        out += special - value;
        if (special == end)
            return out;
        const char c = *special;
        *out++ = '\\';
        *out++ = c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '\\';
        value = special + 1;
    }
}

void appendCopyText(QByteArray& out, const QByteArray& value) {
    appendCopyText(out, value.constData(), value.size());
}

void appendCopyText(QByteArray& out, const char* value, qsizetype size) {
    const qsizetype start = out.size();
    out.resize(start + 2 * size);
    out.truncate(writeCopyText(out.data() + start, value, size) - out.constData());
}

void refuseCopyIn(Connection& connection, const QByteArray& reason) noexcept {
    if (pg_conn* conn = Access::handle(connection))
        PQputCopyEnd(conn, reason.constData());
}

// ---- CopyOut ---------------------------------------------------------------------------------------

CopyOut::CopyOut(Connection& connection, const QString& statement)
    : m_connection(connection)
    , m_conn(Access::require(connection))
    , m_statement(statement) {
    connection.notifyStatement(statement, {});
    PGresult* started =
        PQexecParams(m_conn, statement.toUtf8().constData(), 0, nullptr, nullptr, nullptr, nullptr, 0);
    if (!started || PQresultStatus(started) != PGRES_COPY_OUT)
        Access::throwLastError(connection, statement, started); // frees started
    PQclear(started);
}

CopyOut::~CopyOut() {
    release();
    if (m_finished)
        return;
    if (!m_dataDone) {
        m_connection.cancelHandle().cancel();
        skipData(m_connection); // the server stops soon; what it still sends is dropped
    }
    while (PGresult* r = PQgetResult(m_conn))
        PQclear(r);
}

void CopyOut::release() noexcept {
    if (m_buffer)
        PQfreemem(std::exchange(m_buffer, nullptr));
}

std::optional<std::string_view> CopyOut::next() {
    release();
    if (m_dataDone)
        return std::nullopt;
    const int n = PQgetCopyData(m_conn, &m_buffer, 0);
    if (n < 0) { // -1: done (or failed: the result says which); -2: connection trouble, likewise
        m_dataDone = true;
        return std::nullopt;
    }
    return std::string_view(m_buffer, size_t(n));
}

qint64 CopyOut::finish() {
    release();
    if (!m_dataDone) {
        skipData(m_connection);
        m_dataDone = true;
    }
    m_finished = true;
    PGresult* finished = PQgetResult(m_conn);
    while (PGresult* extra = PQgetResult(m_conn))
        PQclear(extra);
    if (!finished || PQresultStatus(finished) != PGRES_COMMAND_OK)
        Access::throwLastError(m_connection, m_statement, finished); // frees finished
    const qint64 rows = QByteArray(PQcmdTuples(finished)).toLongLong();
    PQclear(finished);
    return rows;
}

void CopyOut::skipData(Connection& connection) noexcept {
    pg_conn* conn = Access::handle(connection);
    if (!conn)
        return;
    char* buffer = nullptr;
    while (PQgetCopyData(conn, &buffer, 0) > 0) {
        PQfreemem(buffer);
        buffer = nullptr;
    }
}

} // namespace pgdesk::core::pq
