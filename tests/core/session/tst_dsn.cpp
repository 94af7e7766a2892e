// SPDX-License-Identifier: GPL-3.0-or-later
// DSNs against the real server: what parseDsn and toDsn produce connects as meant, with key=value,
// URIs, passwords, session settings, the environment alone, ~/.pgpass and a service file. Parsing
// itself is tested without a server in tst_dsnparse.
#include "dsntest.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/dsn.h>
#include <pgdesk/core/session/servicefile.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace pgdesk::core;
using pgdesk::test::cluster;
using pgdesk::test::describe;
using pgdesk::test::EnvGuard;
using pgdesk::test::writeFile;

namespace {

QString currentDatabase(Connection& c) {
    return c.exec(QStringLiteral("select current_database()")).text(0, 0);
}

} // namespace

class TestDsn final : public QObject {
    Q_OBJECT
private slots:
    void connectWithKeyValueDsn() {
        const ParsedDsn d = parseDsn(pgdesk::test::conninfo());
        auto c = Connection::open(d.profile, d.password);
        QCOMPARE(currentDatabase(c), QStringLiteral("pgdesk_demo"));
    }

    void connectWithUri() {
        const QString uri =
            QStringLiteral("postgresql://%1@%2:%3/pgdesk_demo?application_name=uri%20test")
                .arg(cluster().user, QString::fromLatin1(QUrl::toPercentEncoding(cluster().host)),
                     QString::number(cluster().port));
        const ParsedDsn d = parseDsn(uri);
        QCOMPARE(d.profile.host, cluster().host);
        auto c = Connection::open(d.profile, d.password);
        QCOMPARE(currentDatabase(c), QStringLiteral("pgdesk_demo"));
        QCOMPARE(c.exec(QStringLiteral("show application_name")).text(0, 0), QStringLiteral("uri test"));
    }

    void connectWithPasswordInUri() {
        const QString uri =
            QStringLiteral("postgresql://%1:%2@127.0.0.1:%3/pgdesk_demo")
                .arg(cluster().authUser, QString::fromLatin1(QUrl::toPercentEncoding(cluster().authPassword)))
                .arg(cluster().port);
        const ParsedDsn d = parseDsn(uri);
        QCOMPARE(d.password, std::optional<QString>(cluster().authPassword));
        auto c = Connection::open(d.profile, d.password);
        QCOMPARE(c.exec(QStringLiteral("select current_user")).text(0, 0), cluster().authUser);
        QVERIFY(!maskDsnPassword(uri).contains(cluster().authPassword));
        QVERIFY_THROWS_EXCEPTION(AuthenticationError, Connection::open(d.profile, QStringLiteral("wrong")));
    }

    // Statement timeout and read-only survive profile -> toDsn -> parseDsn -> server.
    void connectWithToDsnSessionSettings() {
        ConnectionProfile p = pgdesk::test::profile();
        p.statementTimeoutMs = 1234;
        p.readOnly = true;
        p.extraOptions = {{QStringLiteral("options"), QStringLiteral("-c search_path=inventory,public")}};
        p.name.clear(); // not part of a DSN
        const ParsedDsn d = parseDsn(toDsn(p));
        QVERIFY2(d.profile == p, qPrintable(describe(d.profile)));
        auto c = Connection::open(d.profile);
        QCOMPARE(c.exec(QStringLiteral("show statement_timeout")).text(0, 0), QStringLiteral("1234ms"));
        QCOMPARE(c.exec(QStringLiteral("show default_transaction_read_only")).text(0, 0),
                 QStringLiteral("on"));
        QCOMPARE(c.exec(QStringLiteral("show search_path")).text(0, 0), QStringLiteral("inventory,public"));
    }

    void connectWithEnvironmentOnly() {
        EnvGuard host("PGHOST"), port("PGPORT"), user("PGUSER"), db("PGDATABASE");
        qputenv("PGHOST", cluster().host.toUtf8());
        qputenv("PGPORT", QByteArray::number(cluster().port));
        qputenv("PGUSER", cluster().user.toUtf8());
        qputenv("PGDATABASE", "pgdesk_demo");
        const ParsedDsn d = parseDsn(QString());
        QVERIFY(d.profile == ConnectionProfile());
        auto c = Connection::open(d.profile);
        QCOMPARE(currentDatabase(c), QStringLiteral("pgdesk_demo"));
        QCOMPARE(c.exec(QStringLiteral("select current_user")).text(0, 0), cluster().user);
    }

    void connectWithPgpass() {
        const QString pgpass = QDir::homePath() + QStringLiteral("/.pgpass");
        QVERIFY2(!QFile::exists(pgpass), "refusing to touch an existing ~/.pgpass");
        const ParsedDsn d =
            parseDsn(QStringLiteral("host=127.0.0.1 port=%1 user=%2 dbname=pgdesk_demo connect_timeout=5")
                         .arg(cluster().port)
                         .arg(cluster().authUser));
        QVERIFY(!d.password);
        // The fixture's hba wants a password for this role: without one, authentication fails.
        QVERIFY_THROWS_EXCEPTION(AuthenticationError, Connection::open(d.profile));
        writeFile(pgpass,
                  QStringLiteral("# host:port:db:user:password\n127.0.0.1:%1:*:%2:%3\n")
                      .arg(cluster().port)
                      .arg(cluster().authUser, cluster().authPassword)
                      .toUtf8(),
                  QFile::ReadOwner | QFile::WriteOwner);
        struct Remove {
            QString path;
            ~Remove() { QFile::remove(path); }
        } cleanup{pgpass};
        auto c = Connection::open(d.profile);
        QCOMPARE(c.exec(QStringLiteral("select current_user")).text(0, 0), cluster().authUser);
    }

    void connectWithServiceFile() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("pg_service.conf"));
        writeFile(file,
                  QStringLiteral("# test services\n"
                                 "[pgdesk_svc]\n"
                                 "host=%1\nport=%2\nuser=%3\ndbname=pgdesk_demo\n"
                                 "\n"
                                 "[pgdesk_auth_svc]\n"
                                 "host=127.0.0.1\nport=%2\nuser=%4\npassword=%5\ndbname=pgdesk_demo\n")
                      .arg(cluster().host)
                      .arg(cluster().port)
                      .arg(cluster().user, cluster().authUser, cluster().authPassword)
                      .toUtf8(),
                  QFile::ReadOwner | QFile::WriteOwner);
        EnvGuard guard("PGSERVICEFILE");
        qputenv("PGSERVICEFILE", QFile::encodeName(file));
        QCOMPARE(serviceFileLocations().first(), file);

        ConnectionProfile p;
        p.service = QStringLiteral("pgdesk_svc");
        auto c = Connection::open(p);
        QCOMPARE(currentDatabase(c), QStringLiteral("pgdesk_demo"));

        // The password comes from the service file, through libpq; PgDesk never sees it.
        const ParsedDsn d = parseDsn(QStringLiteral("service=pgdesk_auth_svc"));
        QCOMPARE(d.profile.service, QStringLiteral("pgdesk_auth_svc"));
        auto a = Connection::open(d.profile);
        QCOMPARE(a.exec(QStringLiteral("select current_user")).text(0, 0), cluster().authUser);

        const auto profiles = readServiceFile(file);
        QCOMPARE(profiles.size(), 2);
        QCOMPARE(profiles[0].name, QStringLiteral("pgdesk_svc"));
        QCOMPARE(profiles[0].host, cluster().host);
        QCOMPARE(profiles[0].port, cluster().port);
        QCOMPARE(profiles[1].name, QStringLiteral("pgdesk_auth_svc"));
        QCOMPARE(profiles[1].user, cluster().authUser);
        QVERIFY(!describe(profiles[1]).contains(cluster().authPassword));
        // The imported profile connects on its own fields (password given separately).
        auto imported = Connection::open(profiles[0]);
        QCOMPARE(currentDatabase(imported), QStringLiteral("pgdesk_demo"));
    }
};

QTEST_GUILESS_MAIN(TestDsn)
#include "tst_dsn.moc"
