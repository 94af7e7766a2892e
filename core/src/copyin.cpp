#include "copyin.h"

#include <pgdesk/core/errors.h>

#include <libpq-fe.h>

#include <exception>

namespace pgdesk::core {

qint64 copyIn(Connection& connection, const QString& statement,
              const std::function<bool(QByteArray&)>& produce) {
    pg_conn* conn = connection.native();
    if (!conn)
        throwError(ErrorKind::Connection, QStringLiteral("not connected"));
    // The data is sent as UTF-8, like every parameter; another client encoding would garble it.
    if (QByteArray(pg_encoding_to_char(PQclientEncoding(conn))) != "UTF8")
        throwError(ErrorKind::Configuration, QStringLiteral("COPY needs client_encoding UTF8"));
    connection.notifyStatement(statement, {});
    connection.check(PQexec(conn, statement.toUtf8().constData()), statement);

    // From here the connection is in COPY IN state: whatever happens, end the copy and drain the results.
    bool sendFailed = false;
    const char* abortMessage = nullptr;
    std::exception_ptr pending;
    try {
        QByteArray chunk;
        for (;;) {
            chunk.clear();
            const bool more = produce(chunk);
            if (!chunk.isEmpty() && PQputCopyData(conn, chunk.constData(), int(chunk.size())) != 1) {
                sendFailed = true;
                break;
            }
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
        connection.throwLastError(statement, failed);
    if (copied < 0 || sendFailed)
        connection.throwLastError(statement, nullptr);
    return copied;
}

} // namespace pgdesk::core
