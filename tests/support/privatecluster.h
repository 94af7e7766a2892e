// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>

#include <QString>

namespace pgdesk::test {

// A throwaway PostgreSQL cluster of one test process (scripts/pgcluster start DIR --fast, no demo data),
// for fault tests that restart or stop the server: the fixture's cluster serves every test running in
// parallel and must stay up. The destructor destroys it; so does the `cluster` fixture's cleanup, which
// catches the ones a crashed test left behind (they are listed in PGDESK_TEST_CLUSTER_STATE.private).
class PrivateCluster final {
public:
    // Starts it (a few seconds: initdb + start). isStarted() says whether it worked, error() why not.
    // With `primary`, a streaming standby of it (pg_basebackup with a physical slot named after dir()'s
    // folder) instead. Every cluster has wal_level = logical.
    explicit PrivateCluster(const PrivateCluster* primary = nullptr);
    ~PrivateCluster();
    PrivateCluster(const PrivateCluster&) = delete;
    PrivateCluster& operator=(const PrivateCluster&) = delete;

    bool isStarted() const { return m_port != 0; }
    const QString& error() const { return m_error; }
    const QString& dir() const { return m_dir; }
    int port() const { return m_port; }
    const QString& pgbin() const { return m_pgbin; } // its server binaries (psql, pgbench …)

    // The superuser on the unix socket.
    core::ConnectionProfile profile(const QString& database = QStringLiteral("postgres")) const;
    // The superuser over TCP on 127.0.0.1 at `port` (default: the server's; a proxy's port to go through it).
    core::ConnectionProfile tcpProfile(int port = 0,
                                       const QString& database = QStringLiteral("postgres")) const;
    // psql as the superuser; returns stdout, or a null QString when psql failed (the error in error()).
    QString psql(const QString& sql, const QString& database = QStringLiteral("postgres"));

    // scripts/pgcluster restart: a fast shutdown (every session is terminated), then up on the same port.
    bool restart();
    // Restarts it as a hot standby without a primary (standby.signal, no primary_conninfo): it stays in
    // recovery, pg_is_in_recovery() is true and it refuses every write, as a streaming replica does.
    bool restartAsStandby();
    // pg_cron loaded (shared_preload_libraries, two restarts: its settings exist once it is loaded), running
    // jobs in background workers (no password to connect with), and installed in `postgres`.
    bool loadPgCron();

private:
    bool pgcluster(const QStringList& arguments, int timeoutMs = 120000);

    QString m_dir;
    int m_port = 0;
    QString m_pgbin;
    QString m_error;
};

} // namespace pgdesk::test
