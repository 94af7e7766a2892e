// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/session/lockwait.h>

#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>

namespace pgdesk::core {

namespace {

const char* const kBlockerColumns =
    "SELECT a.pid, coalesce(a.usename::text, ''), coalesce(a.application_name, ''), "
    "coalesce(a.state, ''), coalesce(a.query, ''), "
    "coalesce(floor(extract(epoch FROM now() - a.xact_start))::bigint, -1) FROM pg_stat_activity a ";

QList<LockBlocker> blockers(const Result& r) {
    QList<LockBlocker> out;
    out.reserve(r.rowCount());
    for (int row = 0; row < r.rowCount(); ++row)
        out << LockBlocker{r.text(row, 0).toInt(), r.text(row, 1), r.text(row, 2),
                           r.text(row, 3),         r.text(row, 4), r.text(row, 5).toLongLong()};
    return out;
}

} // namespace

QList<LockBlocker> lockBlockers(Connection& connection, int pid) {
    return blockers(connection.exec(QLatin1String(kBlockerColumns) +
                                        QStringLiteral("WHERE a.pid = ANY (pg_blocking_pids($1::int)) "
                                                       "ORDER BY a.xact_start NULLS LAST, a.pid"),
                                    {param(static_cast<long long>(pid))}));
}

QList<LockBlocker> relationLockHolders(Connection& connection, const QString& schema,
                                       const QString& relation) {
    // A left join: a relation created in the holder's open transaction has no pg_class row we can see.
    return blockers(connection.exec(
        QLatin1String(kBlockerColumns) +
            QStringLiteral(
                "WHERE a.pid <> pg_backend_pid() AND a.pid IN ("
                " SELECT l.pid FROM pg_locks l"
                " LEFT JOIN pg_class c ON c.oid = l.relation"
                " LEFT JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE l.locktype = 'relation' AND l.granted AND l.mode = 'AccessExclusiveLock'"
                " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                " AND ($1::text IS NULL OR n.nspname = $1) AND ($2::text IS NULL OR c.relname = $2))"
                " ORDER BY a.xact_start NULLS LAST, a.pid"),
        {schema.isEmpty() ? nullParam() : param(schema),
         relation.isEmpty() ? nullParam() : param(relation)}));
}

QString describeBlocker(const LockBlocker& blocker, int maxQuery) {
    QString who = blocker.user;
    if (!blocker.state.isEmpty()) {
        QString state = blocker.state;
        if (blocker.transactionSeconds >= 0)
            state += QStringLiteral(" for %1 s").arg(blocker.transactionSeconds);
        who = who.isEmpty() ? state : who + QStringLiteral(", ") + state;
    }
    QString query = blocker.query.simplified();
    if (query.size() > maxQuery)
        query = query.left(maxQuery) + QChar(0x2026);
    QString text = QStringLiteral("PID %1").arg(blocker.pid);
    if (!who.isEmpty())
        text += QStringLiteral(" (%1)").arg(who);
    if (!query.isEmpty())
        text += QStringLiteral(": ") + query;
    return text;
}

} // namespace pgdesk::core
