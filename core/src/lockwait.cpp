#include <pgdesk/core/lockwait.h>

#include <pgdesk/core/connection.h>
#include <pgdesk/core/result.h>

namespace pgdesk::core {

QList<LockBlocker> lockBlockers(Connection& connection, int pid) {
    const Result r = connection.exec(
        QStringLiteral("SELECT a.pid, coalesce(a.usename::text, ''), coalesce(a.application_name, ''), "
                       "coalesce(a.state, ''), coalesce(a.query, ''), "
                       "coalesce(floor(extract(epoch FROM now() - a.xact_start))::bigint, -1) "
                       "FROM pg_stat_activity a WHERE a.pid = ANY (pg_blocking_pids($1::int)) "
                       "ORDER BY a.xact_start NULLS LAST, a.pid"),
        {param(static_cast<long long>(pid))});
    QList<LockBlocker> out;
    out.reserve(r.rowCount());
    for (int row = 0; row < r.rowCount(); ++row)
        out << LockBlocker{r.text(row, 0).toInt(), r.text(row, 1), r.text(row, 2),
                           r.text(row, 3),         r.text(row, 4), r.text(row, 5).toLongLong()};
    return out;
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
