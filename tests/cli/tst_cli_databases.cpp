// SPDX-License-Identifier: GPL-3.0-or-later
// `databases` lists the server's databases; the global --database reaches another one with the same
// profile; a pinned profile refuses it; restore keeps its own --database.
#include "clirunner.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace pgdesk::test;

class TestCliDatabases final : public QObject {
    Q_OBJECT
    QString m_db;

private slots:
    void initTestCase() {
        m_db = QStringLiteral("tst_cli_dbs_%1").arg(QCoreApplication::applicationPid());
        psql(QStringLiteral("create database %1").arg(m_db), QStringLiteral("postgres"));
        psql(QStringLiteral("create table marker (v text); insert into marker values ('here')"), m_db);
    }

    void cleanupTestCase() {
        psql(QStringLiteral("drop database if exists %1 with (force)").arg(m_db), QStringLiteral("postgres"));
    }

    void listsDatabases() {
        auto run = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("databases"),
                           QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(run.exitCode, 0);
        QStringList names;
        for (const auto& v : parseObject(run)[QStringLiteral("databases")].toArray()) {
            names << v.toObject()[QStringLiteral("name")].toString();
            QVERIFY(v.toObject()[QStringLiteral("size_bytes")].toInteger() > 0);
        }
        QVERIFY2(names.contains(m_db) && names.contains(QStringLiteral("pgdesk_demo")),
                 qPrintable(names.join(u',')));
        QVERIFY(!names.contains(QStringLiteral("template1")));
        run = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("databases"),
                      QStringLiteral("--templates")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("template1")));
        QVERIFY(run.out.contains(QStringLiteral("template")));
        run = runCli(
            {QStringLiteral("--dsn"), conninfo(), QStringLiteral("databases"), QStringLiteral("--bogus")});
        QCOMPARE(run.exitCode, 2);
    }

    // Before or after the command, with a DSN or a profile.
    void databaseSwitches() {
        const QString sql = QStringLiteral("select current_database() || ':' || (select v from marker)");
        auto run = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("--database"), m_db,
                           QStringLiteral("query"), sql});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(m_db + QStringLiteral(":here")), qPrintable(run.out + run.err));
        run = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("query"), sql,
                      QStringLiteral("--database"), m_db});
        QVERIFY2(run.out.contains(m_db + QStringLiteral(":here")), qPrintable(run.out + run.err));
        // Without it: the DSN's own database, which has no marker table.
        run = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("query"), sql});
        QCOMPARE(run.exitCode, 6); // no such table there

        const QString profile = QStringLiteral("dbswitch_%1").arg(QCoreApplication::applicationPid());
        const auto& c = cluster();
        run = runCli({QStringLiteral("profiles"), QStringLiteral("add"), profile, QStringLiteral("--host"),
                      c.host, QStringLiteral("--port"), QString::number(c.port), QStringLiteral("--user"),
                      c.user, QStringLiteral("--database"), QStringLiteral("pgdesk_demo")});
        QCOMPARE(run.exitCode, 0);
        run = runCli({QStringLiteral("--profile"), profile, QStringLiteral("--database"), m_db,
                      QStringLiteral("query"), sql});
        QVERIFY2(run.out.contains(m_db + QStringLiteral(":here")), qPrintable(run.out + run.err));

        // Pinned: only its own database.
        run = runCli({QStringLiteral("profiles"), QStringLiteral("add"), profile, QStringLiteral("--host"),
                      c.host, QStringLiteral("--port"), QString::number(c.port), QStringLiteral("--user"),
                      c.user, QStringLiteral("--database"), QStringLiteral("pgdesk_demo"),
                      QStringLiteral("--pin-database"), QStringLiteral("--replace")});
        QCOMPARE(run.exitCode, 0);
        run = runCli({QStringLiteral("--profile"), profile, QStringLiteral("--database"), m_db,
                      QStringLiteral("query"), sql});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("pinned to the database \"pgdesk_demo\"")),
                 qPrintable(run.err));
        run = runCli({QStringLiteral("profiles"), QStringLiteral("remove"), profile});
        QCOMPARE(run.exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliDatabases)
#include "tst_cli_databases.moc"
