// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/pq/notify.h"

#include "session/pq/access.h"

#include <libpq-fe.h>

#include <poll.h>

namespace pgdesk::core::pq {

namespace {

void consume(Connection& connection, pg_conn* conn) {
    if (PQconsumeInput(conn) != 1)
        Access::throwLastError(connection, QStringLiteral("LISTEN"));
}

void take(pg_conn* conn, QList<Notification>& out) {
    while (PGnotify* n = PQnotifies(conn)) {
        out.append({QString::fromUtf8(n->relname), QString::fromUtf8(n->extra), n->be_pid,
                    QDateTime::currentDateTimeUtc()});
        PQfreemem(n);
    }
}

} // namespace

QList<Notification> readNotifications(Connection& connection, int timeoutMs) {
    pg_conn* conn = Access::require(connection);
    QList<Notification> out;
    consume(connection, conn);
    take(conn, out);
    if (!out.isEmpty() || timeoutMs <= 0)
        return out;
    pollfd fd{PQsocket(conn), POLLIN, 0};
    if (fd.fd < 0)
        Access::throwLastError(connection, QStringLiteral("LISTEN"));
    if (::poll(&fd, 1, timeoutMs) > 0) {
        consume(connection, conn);
        take(conn, out);
    }
    return out;
}

} // namespace pgdesk::core::pq
