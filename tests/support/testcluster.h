// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>

#include <QString>
#include <QStringList>

namespace pgdesk::test {

// The throwaway cluster the CTest fixture started (tests/support/cluster-fixture.sh). Absent → the
// test fails with a clear message: a missing server is a failure, never a skip.
struct Cluster {
    QString dir;  // cluster folder, also the unix socket folder
    QString host; // == dir
    int port = 0;
    QString user;         // trusted superuser
    QString authUser;     // scram-sha-256 role
    QString authPassword; // its password
    QString pgbin;        // server binaries (pg_ctl, psql …)
};

const Cluster& cluster();

// The pgbouncer (transaction pooling) the `pooler` fixture started in front of the cluster
// (tests/support/pooler-fixture.sh). Tests that use it need FIXTURES_REQUIRED pooler.
struct Pooler {
    QString dir;  // its folder: pgbouncer.ini, pgbouncer.log, unix socket
    QString host; // 127.0.0.1
    int port = 0;
};

const Pooler& pooler();
// A profile for the superuser through the pooler (TCP), marked as going through a transaction pooler.
// "pgdesk_pool1" is pgdesk_demo behind a pool of ONE server connection.
core::ConnectionProfile poolerProfile(const QString& database = QStringLiteral("pgdesk_demo"));

// A profile for the superuser on the cluster's unix socket.
core::ConnectionProfile profile(const QString& database = QStringLiteral("pgdesk_demo"));
// The same as a key=value conninfo string.
QString conninfo(const QString& database = QStringLiteral("pgdesk_demo"));
// A built program of the project ("pgdesk-cli", "pgdesk").
QString binary(const QString& name);
// Runs psql against the cluster (superuser) and returns its stdout; fails the test on error.
QString psql(const QString& sql, const QString& database = QStringLiteral("pgdesk_demo"));
// psql() of a statement that reads one value, without the trailing newline.
QString psqlValue(const QString& sql, const QString& database = QStringLiteral("pgdesk_demo"));
// Runs a script the way a user would (psql -f, stopping at the first error); fails the test on error,
// showing the script.
void loadScript(const QString& database, const QString& script);
// pg_dump --schema-only of the schemas (every one when empty), without its comments, \restrict lines and
// blank lines: two databases with the same schema give the same text.
QString schemaDump(const QString& database, const QStringList& schemas = {});
// The first line where two texts differ, both sides shown, for a readable failure.
QString firstDifference(const QString& a, const QString& b);
// Waits up to 10 s for psqlValue(sql) to read `expected` (statistics the server updates a little later).
bool waitForPsqlValue(const QString& sql, const QString& expected);

} // namespace pgdesk::test
