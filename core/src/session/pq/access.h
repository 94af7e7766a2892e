// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal to pgdesk_core's protocol layer (core/src/session/pq): the one way to a Connection's raw libpq
// handle. Everything else in core talks to the server through Connection, Result and the pq classes.
// The layer is the only code besides connection.cpp and result.cpp that includes libpq-fe.h. Pipeline,
// RowStream and COPY have public headers (session/pipeline.h, rowstream.h, copy.h) for the other areas; the
// rest (this, facade.h, notify.h, paramarrays.h) is private to session. Tested on its own in tst_protocol.

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/connection.h>

namespace pgdesk::core::pq {

class Access final {
public:
    // Null when the connection is not open.
    static pg_conn* handle(const Connection& connection) { return connection.m_conn; }
    // Throws the mapped error for a failed result (freed) or connection, with the statement attached.
    [[noreturn]] static void throwLastError(const Connection& connection, const QString& statement,
                                            pg_result* result = nullptr) {
        connection.throwLastError(statement, result);
    }
    // Adopts a successful result (rows, command, empty, COPY start, sync); throws the mapped error otherwise.
    static Result check(const Connection& connection, pg_result* result, const QString& statement) {
        return connection.check(result, statement);
    }
    // The raw handle, or ConnectionError "not connected".
    static pg_conn* require(const Connection& connection) {
        if (!connection.m_conn)
            throwError(ErrorKind::Connection, QStringLiteral("not connected"));
        return connection.m_conn;
    }
};

} // namespace pgdesk::core::pq
