// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace pgdesk::core {

class Connection;

// A session that holds a lock another one waits for, as pg_stat_activity shows it. Other roles' queries
// read "<insufficient privilege>" unless the role may see them (pg_read_all_stats).
struct LockBlocker {
    int pid = 0;
    QString user;
    QString application;
    QString state;                  // "idle in transaction", "active" …
    QString query;                  // its current or last statement
    qint64 transactionSeconds = -1; // age of its open transaction, -1 when none
};

// The sessions that block server process `pid` (pg_blocking_pids), oldest transaction first; empty when
// it waits for no lock. Asked on `connection`, which must be another session than `pid`.
QList<LockBlocker> lockBlockers(Connection& connection, int pid);

// The other sessions holding an ACCESS EXCLUSIVE lock (ALTER TABLE, DROP, TRUNCATE, VACUUM FULL: the one
// mode that blocks reading a relation) on a relation of this database, in `schema` and named `relation`
// when given, oldest transaction first. After a lock_timeout the wait is over and pg_blocking_pids names
// nobody, but the holder is still in pg_locks.
QList<LockBlocker> relationLockHolders(Connection& connection, const QString& schema = {},
                                       const QString& relation = {});

// "PID 4711 (alice, idle in transaction for 42 s): ALTER TABLE …" with the statement on one line and cut
// at `maxQuery` characters: the plain-English line the CLI prints; the GUI words it through tr().
QString describeBlocker(const LockBlocker& blocker, int maxQuery = 120);

} // namespace pgdesk::core
