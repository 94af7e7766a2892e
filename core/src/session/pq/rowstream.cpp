// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/session/rowstream.h>

#include "session/pq/access.h"
#include <pgdesk/core/session/copy.h>

#include <libpq-fe.h>

namespace pgdesk::core::pq {

RowStream::RowStream(Connection& connection, const QString& sql, const Params& params,
                     TransactionSettings settings)
    : m_connection(connection)
    , m_sql(sql)
    , m_sent(connection.send(sql, params, settings)) {
    // If refused, the rows come in one result: still correct, just not streamed.
    PQsetSingleRowMode(Access::handle(connection));
}

RowStream::~RowStream() {
    if (m_done)
        return;
    m_connection.cancelHandle().cancel();
    drain();
}

std::optional<RowStream::Part> RowStream::next() {
    if (m_done)
        return std::nullopt;
    PGconn* conn = Access::handle(m_connection);
    while (PGresult* r = PQgetResult(conn)) {
        switch (PQresultStatus(r)) {
        case PGRES_SINGLE_TUPLE:
            return Part{Kind::Row, Result(r)};
        case PGRES_TUPLES_OK:
            return Part{Kind::Rows, Result(r)};
        case PGRES_COMMAND_OK:
            return Part{Kind::Command, Result(r)};
        case PGRES_EMPTY_QUERY:
            return Part{Kind::Empty, Result(r)};
        case PGRES_COPY_OUT:
            PQclear(r);
            CopyOut::skipData(m_connection); // the tag (COPY n) follows as a Command
            break;
        case PGRES_COPY_IN:
            PQclear(r);
            refuseCopyIn(m_connection, m_copyInRefusal); // the server then fails the statement
            break;
        default:
            // The first error; everything else is read first, so the connection is ready again.
            drain();
            Access::throwLastError(m_connection, m_sql, r); // frees r
        }
    }
    m_done = true;
    m_sent.finish();
    return std::nullopt;
}

void RowStream::drain() noexcept {
    m_done = true;
    PGconn* conn = Access::handle(m_connection);
    while (PGresult* r = PQgetResult(conn)) {
        // A COPY result repeats until the COPY ends: end it, or this would never stop.
        const ExecStatusType status = PQresultStatus(r);
        PQclear(r);
        if (status == PGRES_COPY_OUT)
            CopyOut::skipData(m_connection);
        else if (status == PGRES_COPY_IN)
            refuseCopyIn(m_connection, m_copyInRefusal);
    }
    m_sent.finish();
}

} // namespace pgdesk::core::pq
