// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/admin/activityreader.h>

#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>
#include <pgdesk/core/session/writeguard.h>

#include <QSet>

namespace pgdesk::core {

namespace {

// One statement for the whole picture, so the ages, the blocking pids and the lock modes describe the same
// moment. pg_blocking_pids() takes the lock manager's locks: asked only for processes that wait for a
// heavyweight lock, never for every row. A process waits for at most one lock, hence LIMIT 1.
const char* const kSessionsSql =
    "SELECT a.pid, coalesce(a.usename::text, ''), coalesce(a.datname::text, ''), "
    "coalesce(a.application_name, ''), coalesce(host(a.client_addr), ''), coalesce(a.client_port, -1), "
    "coalesce(a.backend_type, ''), coalesce(a.state, ''), coalesce(a.wait_event_type, ''), "
    "coalesce(a.wait_event, ''), coalesce(a.query, ''), "
    "a.backend_start, a.xact_start, a.query_start, a.state_change, "
    "coalesce(floor(extract(epoch FROM now() - a.backend_start))::bigint, -1), "
    "coalesce(floor(extract(epoch FROM now() - a.xact_start))::bigint, -1), "
    "coalesce(floor(extract(epoch FROM now() - a.query_start))::bigint, -1), "
    "coalesce(floor(extract(epoch FROM now() - a.state_change))::bigint, -1), "
    "CASE WHEN a.wait_event_type = 'Lock' THEN array_to_string(pg_blocking_pids(a.pid), ',') END, "
    "w.mode, w.locktype "
    "FROM pg_stat_activity a "
    "LEFT JOIN LATERAL (SELECT l.mode, l.locktype FROM pg_locks l WHERE l.pid = a.pid AND NOT l.granted "
    "LIMIT 1) w ON a.wait_event_type = 'Lock' "
    "WHERE a.pid IS DISTINCT FROM pg_backend_pid() "
    "ORDER BY a.backend_type IS DISTINCT FROM 'client backend', a.pid";

QList<int> pidList(const QString& text) {
    QList<int> pids;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        pids << part.toInt();
    return pids;
}

// `sql` is one of the two fixed statements below; the pid is bound.
bool signalBackend(Connection& connection, const QString& sql, int pid, const WriteAccess& write) {
    if (connection.profile().writeGuarded() && !write && !connection.writesUnlocked())
        throwWriteGuarded(connection.profile(), sql.contains(QLatin1String("terminate"))
                                                    ? QStringLiteral("terminating a session")
                                                    : QStringLiteral("cancelling a query"));
    const Result r = connection.exec(sql, {param(static_cast<long long>(pid))});
    return r.rowCount() == 1 && r.text(0, 0) == QLatin1String("t");
}

} // namespace

ActivityReader::ActivityReader(Connection& connection)
    : m_connection(connection) {
}

QList<BackendActivity> ActivityReader::sessions() {
    const Result r = m_connection.exec(QLatin1String(kSessionsSql), {});
    QList<BackendActivity> out;
    out.reserve(r.rowCount());
    QSet<int> blocking;
    for (int row = 0; row < r.rowCount(); ++row) {
        BackendActivity s;
        s.pid = r.text(row, 0).toInt();
        s.user = r.text(row, 1);
        s.database = r.text(row, 2);
        s.application = r.text(row, 3);
        s.clientAddress = r.text(row, 4);
        s.clientPort = r.text(row, 5).toInt();
        s.backendType = r.text(row, 6);
        s.state = r.text(row, 7);
        s.waitEventType = r.text(row, 8);
        s.waitEvent = r.text(row, 9);
        s.query = r.text(row, 10);
        s.backendStart = r.text(row, 11);
        s.transactionStart = r.text(row, 12);
        s.queryStart = r.text(row, 13);
        s.stateChange = r.text(row, 14);
        s.backendSeconds = r.text(row, 15).toLongLong();
        s.transactionSeconds = r.text(row, 16).toLongLong();
        s.querySeconds = r.text(row, 17).toLongLong();
        s.stateSeconds = r.text(row, 18).toLongLong();
        s.blockedBy = pidList(r.text(row, 19));
        s.waitingLockMode = r.text(row, 20);
        s.waitingLockType = r.text(row, 21);
        for (int pid : std::as_const(s.blockedBy))
            blocking.insert(pid);
        out << s;
    }
    for (BackendActivity& s : out)
        s.blocksOthers = blocking.contains(s.pid);
    return out;
}

bool ActivityReader::cancelBackend(int pid, const WriteAccess& write) {
    return signalBackend(m_connection, QStringLiteral("SELECT pg_cancel_backend($1::int)"), pid, write);
}

bool ActivityReader::terminateBackend(int pid, const WriteAccess& write) {
    return signalBackend(m_connection, QStringLiteral("SELECT pg_terminate_backend($1::int)"), pid, write);
}

bool ActivityReader::throughPooler() const {
    return m_connection.profile().pooler != PoolerMode::None;
}

QList<BackendActivity> lockInvolved(const QList<BackendActivity>& sessions) {
    QList<BackendActivity> out;
    for (const BackendActivity& s : sessions)
        if (s.isBlocked() || s.blocksOthers)
            out << s;
    return out;
}

namespace {

BlockingNode blockingNode(const QList<BackendActivity>& sessions, int index, QSet<int>& onPath,
                          QSet<int>& reached) {
    const BackendActivity& s = sessions.at(index);
    BlockingNode node{s.pid, s.waitingLockMode, {}};
    reached.insert(s.pid);
    onPath.insert(s.pid);
    for (qsizetype i = 0; i < sessions.size(); ++i)
        if (sessions.at(i).blockedBy.contains(s.pid) && !onPath.contains(sessions.at(i).pid))
            node.waiters << blockingNode(sessions, static_cast<int>(i), onPath, reached);
    onPath.remove(s.pid);
    return node;
}

} // namespace

QList<BlockingNode> blockingTree(const QList<BackendActivity>& sessions) {
    QSet<int> listed;
    for (const BackendActivity& s : sessions)
        listed.insert(s.pid);
    auto waitsForListed = [&listed](const BackendActivity& s) {
        for (int pid : s.blockedBy)
            if (listed.contains(pid))
                return true;
        return false;
    };
    QList<BlockingNode> roots;
    QSet<int> reached;
    QSet<int> onPath;
    for (qsizetype i = 0; i < sessions.size(); ++i) {
        const BackendActivity& s = sessions.at(i);
        if (s.blocksOthers && !waitsForListed(s))
            roots << blockingNode(sessions, static_cast<int>(i), onPath, reached);
    }
    // Waiters no root reaches: a cycle, or blockers not listed (the reader's own backend, a prepared
    // transaction); shown from themselves rather than lost.
    for (qsizetype i = 0; i < sessions.size(); ++i) {
        const BackendActivity& s = sessions.at(i);
        if ((s.isBlocked() || s.blocksOthers) && !reached.contains(s.pid))
            roots << blockingNode(sessions, static_cast<int>(i), onPath, reached);
    }
    return roots;
}

LockBlocker asBlocker(const BackendActivity& session) {
    return LockBlocker{session.pid,   session.user,  session.application,
                       session.state, session.query, session.transactionSeconds};
}

} // namespace pgdesk::core
