// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"

#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

using namespace pgdesk::test;

class TestCliProfiles final : public QObject {
    Q_OBJECT

    static QStringList at(const QString& name) { return {QStringLiteral("--profile"), name}; }

private slots:
    void addListShowTestRemove() {
        const QString port = QString::number(cluster().port);
        auto r = runCli({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("local"),
                         QStringLiteral("--host"), cluster().host, QStringLiteral("--port"), port,
                         QStringLiteral("--database"), QStringLiteral("pgdesk_demo"),
                         QStringLiteral("--user"), cluster().user, QStringLiteral("--pool-size"),
                         QStringLiteral("3"), QStringLiteral("--pool-pre-ping")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        r = runCli({QStringLiteral("profiles"), QStringLiteral("list"), QStringLiteral("--format"),
                    QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).toObject()[QStringLiteral("name")].toString(), QStringLiteral("local"));
        QCOMPARE(
            list.at(0).toObject()[QStringLiteral("pool")].toObject()[QStringLiteral("pool_size")].toInt(), 3);

        r = runCli({QStringLiteral("profiles"), QStringLiteral("show"), QStringLiteral("local")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("pool_pre_ping")));

        r = runCli({QStringLiteral("profiles"), QStringLiteral("test"), QStringLiteral("local")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.startsWith(QStringLiteral("ok: postgres@pgdesk_demo")));

        r = runCli(at(QStringLiteral("local")) +
                   QStringList{QStringLiteral("query"), QStringLiteral("select count(*) from customer")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("500")));

        // Adding again without --replace is refused.
        r = runCli({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("local"),
                    QStringLiteral("--host"), QStringLiteral("elsewhere")});
        QCOMPARE(r.exitCode, 2);

        r = runCli({QStringLiteral("profiles"), QStringLiteral("remove"), QStringLiteral("local")});
        QCOMPARE(r.exitCode, 0);
        r = runCli({QStringLiteral("profiles"), QStringLiteral("show"), QStringLiteral("local")});
        QCOMPARE(r.exitCode, 6);
        r = runCli(at(QStringLiteral("local")) +
                   QStringList{QStringLiteral("query"), QStringLiteral("select 1")});
        QCOMPARE(r.exitCode, 6);
    }

    // The password goes to the keychain and nowhere else; connecting with the profile uses it.
    void passwordOnlyInKeychain() {
        const QString secret = QStringLiteral("pgdesk-auth-secret");
        QCOMPARE(secret, cluster().authPassword);
        const QString dsn = QStringLiteral("postgresql://%1@127.0.0.1:%2/pgdesk_demo")
                                .arg(cluster().authUser)
                                .arg(cluster().port);
        auto r = runCli({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("auth"),
                         QStringLiteral("--dsn"), dsn, QStringLiteral("--password-stdin"),
                         QStringLiteral("--echo")},
                        secret.toUtf8() + '\n');
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        r = runCli(at(QStringLiteral("auth")) +
                   QStringList{QStringLiteral("query"), QStringLiteral("select current_user")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(cluster().authUser));
        QVERIFY(!r.out.contains(secret) && !r.err.contains(secret));

        r = runCli({QStringLiteral("profiles"), QStringLiteral("show"), QStringLiteral("auth"),
                    QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY(QJsonDocument::fromJson(r.out.toUtf8()).object()[QStringLiteral("has_password")].toBool());
        QVERIFY(!r.out.contains(secret));

        // No file under the config or data folders holds the password (the keyring's own encrypted
        // store excepted).
        for (const auto& root :
             {qEnvironmentVariable("XDG_CONFIG_HOME"), qEnvironmentVariable("XDG_DATA_HOME")}) {
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                if (path.contains(QStringLiteral("/keyrings/")))
                    continue;
                QFile f(path);
                QVERIFY(f.open(QIODevice::ReadOnly));
                QVERIFY2(!f.readAll().contains(secret.toUtf8()), qPrintable(path));
            }
        }
        QCOMPARE(
            runCli({QStringLiteral("profiles"), QStringLiteral("remove"), QStringLiteral("auth")}).exitCode,
            0);
        r = runCli({QStringLiteral("--dsn"), dsn, QStringLiteral("query"), QStringLiteral("select 1")});
        QCOMPARE(r.exitCode, 3); // the keychain entry went with the profile; no password → authentication
    }

    // --lock-timeout is kept in the profile (show, the DSN) and ends a statement blocked by another
    // session's lock with 55P03 (exit 4) instead of waiting for that session.
    void lockTimeout() {
        const QString table = QStringLiteral("tst_cli_lock_%1").arg(QCoreApplication::applicationPid());
        psql(QStringLiteral("drop table if exists %1; create table %1 (i int)").arg(table));
        auto r = runCli({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("locky"),
                         QStringLiteral("--host"), cluster().host, QStringLiteral("--port"),
                         QString::number(cluster().port), QStringLiteral("--database"),
                         QStringLiteral("pgdesk_demo"), QStringLiteral("--user"), cluster().user,
                         QStringLiteral("--lock-timeout"), QStringLiteral("400")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = runCli({QStringLiteral("profiles"), QStringLiteral("show"), QStringLiteral("locky"),
                    QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(parseObject(r)[QStringLiteral("lock_timeout_ms")].toInt(), 400);
        r = runCli({QStringLiteral("profiles"), QStringLiteral("list")});
        QVERIFY2(r.out.contains(QStringLiteral("lock_timeout=400")), qPrintable(r.out));

        auto holder = pgdesk::core::Connection::open(profile());
        holder.exec(QStringLiteral("begin"));
        holder.exec(QStringLiteral("lock table %1 in access exclusive mode").arg(table));
        QElapsedTimer timer;
        timer.start();
        r = runCli(
            at(QStringLiteral("locky")) +
            QStringList{QStringLiteral("query"), QStringLiteral("select count(*) from %1").arg(table)});
        const qint64 elapsed = timer.elapsed();
        holder.exec(QStringLiteral("rollback"));
        psql(QStringLiteral("drop table %1").arg(table));
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("55P03")), qPrintable(r.err));
        QVERIFY2(elapsed < 5000, qPrintable(QString::number(elapsed)));
        runCli({QStringLiteral("profiles"), QStringLiteral("remove"), QStringLiteral("locky")});
    }

    void importServices() {
        const QString file = QDir::temp().filePath(
            QStringLiteral("pgdesk-services-%1.conf").arg(QCoreApplication::applicationPid()));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral(
                    "# test\n[svc_one]\nhost=%1\nport=%2\ndbname=pgdesk_demo\nuser=postgres\n\n[svc_two]\n"
                    "host=db.example.com\ndbname=shop\nsslmode=require\n")
                    .arg(cluster().host)
                    .arg(cluster().port)
                    .toUtf8());
        f.close();
        auto r = runCli({QStringLiteral("profiles"), QStringLiteral("import-services"), file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("svc_one")) && r.out.contains(QStringLiteral("svc_two")));
        r = runCli(at(QStringLiteral("svc_one")) +
                   QStringList{QStringLiteral("query"), QStringLiteral("select current_database()")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("pgdesk_demo")));
        QFile::remove(file);
    }

    // A service of the same name as a profile never silently replaces it: refused (exit 2, nothing
    // imported, the profile's settings intact) unless --replace is given.
    void importServicesRefusesToReplaceWithoutReplace() {
        const QString port = QString::number(cluster().port);
        auto r = runCli({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("svc_kept"),
                         QStringLiteral("--host"), cluster().host, QStringLiteral("--port"), port,
                         QStringLiteral("--database"), QStringLiteral("pgdesk_demo"),
                         QStringLiteral("--user"), cluster().user, QStringLiteral("--read-only"),
                         QStringLiteral("--statement-timeout"), QStringLiteral("1234")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString file = QDir::temp().filePath(
            QStringLiteral("pgdesk-services-replace-%1.conf").arg(QCoreApplication::applicationPid()));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            QStringLiteral("[svc_new]\nhost=%1\nport=%2\ndbname=postgres\n\n[svc_kept]\nhost=%1\nport=%2\n"
                           "dbname=postgres\nuser=postgres\n")
                .arg(cluster().host, port)
                .toUtf8());
        f.close();
        const auto shown = [](const QString& name) {
            const auto run = runCli({QStringLiteral("profiles"), QStringLiteral("show"), name,
                                     QStringLiteral("--format"), QStringLiteral("json")});
            return run.exitCode == 0 ? parseObject(run) : QJsonObject{};
        };

        r = runCli({QStringLiteral("profiles"), QStringLiteral("import-services"), file});
        QCOMPARE(r.exitCode, 2); // as `profiles add` over an existing name
        QVERIFY2(r.err.contains(QStringLiteral("a profile named \"svc_kept\" exists (use --replace)")),
                 qPrintable(r.err));
        QJsonObject kept = shown(QStringLiteral("svc_kept"));
        QCOMPARE(kept[QStringLiteral("read_only")].toBool(), true);
        QCOMPARE(kept[QStringLiteral("statement_timeout_ms")].toInt(), 1234);
        QCOMPARE(kept[QStringLiteral("database")].toString(), QStringLiteral("pgdesk_demo"));
        QVERIFY(shown(QStringLiteral("svc_new")).isEmpty()); // nothing imported

        r = runCli({QStringLiteral("profiles"), QStringLiteral("import-services"), file,
                    QStringLiteral("--replace")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        kept = shown(QStringLiteral("svc_kept"));
        QCOMPARE(kept[QStringLiteral("read_only")].toBool(), false);
        QCOMPARE(kept[QStringLiteral("database")].toString(), QStringLiteral("postgres"));
        QVERIFY(!shown(QStringLiteral("svc_new")).isEmpty());
        QFile::remove(file);
        for (const auto& name : {QStringLiteral("svc_kept"), QStringLiteral("svc_new")})
            runCli({QStringLiteral("profiles"), QStringLiteral("remove"), name});
    }

    // --password-stdin with --profile: standard input is read once, whatever the command (tables and
    // describe resolve the profile twice), and what follows the password line stays for the command.
    void passwordStdinWithProfileForEveryCommand() {
        const QString dsn = QStringLiteral("postgresql://%1@127.0.0.1:%2/pgdesk_demo")
                                .arg(cluster().authUser)
                                .arg(cluster().port);
        auto r = runCli({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("nopw"),
                         QStringLiteral("--dsn"), dsn});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QByteArray password = cluster().authPassword.toUtf8() + '\n';
        const QStringList commands[] = {
            {QStringLiteral("query"), QStringLiteral("select current_user")},
            {QStringLiteral("tables"), QStringLiteral("--schema"), QStringLiteral("public")},
            {QStringLiteral("describe"), QStringLiteral("customer")},
            {QStringLiteral("browse"), QStringLiteral("customer"), QStringLiteral("--page-size"),
             QStringLiteral("1")},
        };
        for (const QStringList& command : commands) {
            r = runCli(at(QStringLiteral("nopw")) + QStringList{QStringLiteral("--password-stdin")} + command,
                       password);
            QVERIFY2(r.exitCode == 0, qPrintable(command.first() + QLatin1String(": ") + r.err));
        }
        // The change set after the password line is the command's.
        r = runCli(
            at(QStringLiteral("nopw")) + QStringList{QStringLiteral("--password-stdin"),
                                                     QStringLiteral("apply"), QStringLiteral("-"),
                                                     QStringLiteral("--dry-run")},
            password +
                R"({"table": "public.customer", "changes": [{"op": "insert", "values": {"email": "stdin@example.com"}}]})");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("stdin@example.com")), qPrintable(r.out));
        runCli({QStringLiteral("profiles"), QStringLiteral("remove"), QStringLiteral("nopw")});
    }

    // Without a keychain the password cannot outlive the process: `profiles add` says so and what to
    // use instead, rather than "saved".
    void passwordWithoutKeychainIsNotRemembered() {
        const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/pgdesk-no-bus");
        const QString dsn = QStringLiteral("postgresql://%1@127.0.0.1:%2/pgdesk_demo")
                                .arg(cluster().authUser)
                                .arg(cluster().port);
        auto r = runCli({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("nokeychain"),
                         QStringLiteral("--dsn"), dsn, QStringLiteral("--password-stdin")},
                        cluster().authPassword.toUtf8() + '\n');
        const auto profileQuery = runCli(at(QStringLiteral("nokeychain")) +
                                         QStringList{QStringLiteral("query"), QStringLiteral("select 1")});
        qputenv("PGPASSWORD", cluster().authPassword.toUtf8());
        const auto withEnvironment =
            runCli(at(QStringLiteral("nokeychain")) +
                   QStringList{QStringLiteral("query"), QStringLiteral("select current_user")});
        qunsetenv("PGPASSWORD");
        qputenv("DBUS_SESSION_BUS_ADDRESS", bus);

        QVERIFY2(r.exitCode == 0, qPrintable(r.err)); // the profile itself is saved
        QVERIFY2(r.err.contains(QStringLiteral("will not be remembered")) &&
                     r.err.contains(QStringLiteral("~/.pgpass")) &&
                     r.err.contains(QStringLiteral("PGPASSWORD")),
                 qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("saved without its password")), qPrintable(r.out));
        QVERIFY(!r.err.contains(cluster().authPassword) && !r.out.contains(cluster().authPassword));
        QCOMPARE(profileQuery.exitCode, 3); // indeed gone
        QVERIFY2(withEnvironment.exitCode == 0 && withEnvironment.out.contains(cluster().authUser),
                 qPrintable(withEnvironment.err)); // and the way the message points to works
        runCli({QStringLiteral("profiles"), QStringLiteral("remove"), QStringLiteral("nokeychain")});
    }

    void invalidOptionsAreConfigurationErrors() {
        auto r = runCli({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("bad"),
                         QStringLiteral("--sslmode"), QStringLiteral("sometimes")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("sslmode")));
        r = runCli({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("bad"),
                    QStringLiteral("--port"), QStringLiteral("99999")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("port")));
    }
};

QTEST_GUILESS_MAIN(TestCliProfiles)
#include "tst_cli_profiles.moc"
