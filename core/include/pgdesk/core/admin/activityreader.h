// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/session/lockwait.h>
#include <pgdesk/core/session/writeunlock.h>

#include <QList>
#include <QString>

namespace pgdesk::core {

class Connection;

// One server process as pg_stat_activity shows it. Text fields are empty where the server has NULL;
// other roles' queries read "<insufficient privilege>" unless the role may see them (pg_read_all_stats).
struct BackendActivity {
    int pid = 0;
    QString user;
    QString database;
    QString application;
    QString clientAddress; // host(client_addr); empty for a unix-socket client and for background workers
    int clientPort = -1;   // -1 for a unix socket, NULL (background workers) reads -1 too
    QString backendType;   // "client backend", "autovacuum worker", "walsender" …
    QString state;         // "active", "idle", "idle in transaction" …; empty for most background processes
    QString waitEventType; // "Lock", "IO", "Client" …
    QString waitEvent;     // "transactionid", "ClientRead" …
    QString query;         // its current or last statement

    // PostgreSQL's exact text (in the reading session's DateStyle and TimeZone); empty when NULL.
    QString backendStart;
    QString transactionStart;
    QString queryStart;
    QString stateChange;

    // Ages in whole seconds, computed on the server (now() - …) so the client's clock plays no part;
    // -1 when the matching timestamp is NULL (no transaction open, no query yet).
    qint64 backendSeconds = -1;
    qint64 transactionSeconds = -1;
    qint64 querySeconds = -1;
    qint64 stateSeconds = -1;

    // pg_blocking_pids(pid): the processes holding or queued ahead for the lock it waits for; empty
    // unless it waits for a heavyweight lock.
    QList<int> blockedBy;
    QString waitingLockMode; // the mode it waits for ("ShareLock", "AccessExclusiveLock"), from pg_locks
    QString waitingLockType; // what it waits on ("transactionid", "relation", "tuple" …)
    // Set by sessions(): another listed process names this one in its blockedBy.
    bool blocksOthers = false;

    bool isBlocked() const { return !blockedBy.isEmpty(); }
    bool isIdleInTransaction() const { return state.startsWith(QLatin1String("idle in transaction")); }
};

// Reads the server's activity and signals backends. Through a transaction pooler the connection reaches
// whichever server session the pooler picks: backends are the pooler's server connections, not its
// client sessions (throughPooler() says so, for callers to tell the user).
class ActivityReader final {
public:
    explicit ActivityReader(Connection& connection);

    // Every server process of the cluster except the reader's own backend, in one statement: client
    // backends first, then by pid.
    QList<BackendActivity> sessions();

    // pg_cancel_backend / pg_terminate_backend. False when `pid` is no PostgreSQL server process (the
    // server only warns); throws PermissionDenied when the role may not signal it (another role's
    // backend without pg_signal_backend, or a superuser's), other typed errors as any statement. On a
    // production profile they act on other sessions only with the guard's key (writeunlock.h): without
    // it the guard's refusal (writeguard.h) is thrown and nothing is sent.
    bool cancelBackend(int pid, const WriteAccess& write = {});
    bool terminateBackend(int pid, const WriteAccess& write = {});

    bool throughPooler() const;

private:
    Connection& m_connection;
};

// The sessions that are blocked or block another (for `activity --blocking` and the blocking tree);
// `sessions` as sessions() returned them, order kept.
QList<BackendActivity> lockInvolved(const QList<BackendActivity>& sessions);

// Who blocks whom: a node per session, its children the sessions waiting for it (with the lock mode they
// wait for). A waiter blocked by two sessions is under both.
struct BlockingNode {
    int pid = 0;
    QString lockMode; // what this session waits for; empty for a root that waits for nothing
    QList<BlockingNode> waiters;
};

// The trees of lockInvolved(sessions): roots are sessions that block others and wait for nobody listed.
// Sessions only reached through a cycle (a deadlock the server has not resolved yet) are roots too, and a
// path never repeats a session, so the trees are finite.
QList<BlockingNode> blockingTree(const QList<BackendActivity>& sessions);

// The session as lockwait.h's LockBlocker, so describeBlocker() words it like every lock message.
LockBlocker asBlocker(const BackendActivity& session);

} // namespace pgdesk::core
