// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>

using namespace pgdesk::test;

class TestCliQuery final : public QObject {
    Q_OBJECT
private slots:
    void selectOnePrintsOne() {
        const auto r = runCli(
            {QStringLiteral("--dsn"), conninfo(), QStringLiteral("query"), QStringLiteral("select 1")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() >= 3, qPrintable(r.out));
        QCOMPARE(lines.at(2).trimmed(), QStringLiteral("1"));
        QVERIFY(r.out.contains(QStringLiteral("(1 row)")));
    }

    void jsonKeepsExactTextAndNull() {
        const auto r =
            runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("query"),
                    QStringLiteral("select 12345678901234567890.000000000001::numeric as n, null::text as "
                                   "nothing, ''::text as empty, 'grüß 🐘'::text as u"),
                    QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonArray row = o[QStringLiteral("rows")].toArray().at(0).toArray();
        QCOMPARE(row.at(0).toString(), QStringLiteral("12345678901234567890.000000000001"));
        QVERIFY(row.at(1).isNull());
        QCOMPARE(row.at(2).toString(), QString(""));
        QVERIFY(!row.at(2).isNull());
        QCOMPARE(row.at(3).toString(), QStringLiteral("grüß 🐘"));
        const QJsonArray cols = o[QStringLiteral("columns")].toArray();
        QCOMPARE(cols.at(0).toObject()[QStringLiteral("type")].toString(), QStringLiteral("numeric"));
        QCOMPARE(cols.at(1).toObject()[QStringLiteral("name")].toString(), QStringLiteral("nothing"));
    }

    void csvQuotesLikeCopy() {
        const auto r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("--format"),
                               QStringLiteral("csv"), QStringLiteral("query"),
                               QStringLiteral("select 'a,b' as x, 'say \"hi\"' as y, null as z, '' as w")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("x,y,z,w\r\n\"a,b\",\"say \"\"hi\"\"\",,\"\"\r\n"));
    }

    void wrongPasswordExits3() {
        const QString dsn = QStringLiteral("host=127.0.0.1 port=%1 dbname=postgres user=%2 password=wrong")
                                .arg(cluster().port)
                                .arg(cluster().authUser);
        const auto r =
            runCli({QStringLiteral("--dsn"), dsn, QStringLiteral("query"), QStringLiteral("select 1")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("authentication"), Qt::CaseInsensitive), qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("password=wrong"))); // the DSN is never echoed
    }

    void duplicateKeyExits4With23505() {
        const QString table = QStringLiteral("cli_dup_%1").arg(QCoreApplication::applicationPid());
        QCOMPARE(
            runCli(
                {QStringLiteral("--dsn"), conninfo(QStringLiteral("postgres")), QStringLiteral("query"),
                 QStringLiteral("create table %1(id int primary key); insert into %1 values (1)").arg(table)})
                .exitCode,
            0);
        const auto r =
            runCli({QStringLiteral("--dsn"), conninfo(QStringLiteral("postgres")), QStringLiteral("query"),
                    QStringLiteral("insert into %1 values (1)").arg(table)});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("23505")), qPrintable(r.err));
    }

    void missingTableExits6() {
        const auto r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("query"),
                               QStringLiteral("select * from no_such_table")});
        QCOMPARE(r.exitCode, 6);
        QVERIFY(r.err.contains(QStringLiteral("42P01")));
    }

    // A statement timeout is an SQL error (4) naming itself; only the user's interrupt exits 130.
    void statementTimeoutIsAnSqlError() {
        auto r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("query"),
                         QStringLiteral("set statement_timeout = 100; select pg_sleep(5)")});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("57014")) &&
                     r.err.contains(QStringLiteral("statement timeout")),
                 qPrintable(r.err));
        // The profile's own timeout (sent as a startup option) too.
        r = runCli({QStringLiteral("--dsn"),
                    conninfo() + QStringLiteral(" options='-c statement_timeout=100'"),
                    QStringLiteral("query"), QStringLiteral("select pg_sleep(5)")});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("statement timeout")), qPrintable(r.err));
    }

    void badDsnIsUsageError() {
        const auto r = runCli({QStringLiteral("--dsn"), QStringLiteral("postgresql://h:notaport/db"),
                               QStringLiteral("query"), QStringLiteral("select 1")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("port")), qPrintable(r.err));
    }

    void malformedDsnNeverShowsThePassword() {
        // An unquoted password with a space: libpq would quote "hunter2" as a keyword missing its "=".
        for (const auto& dsn : {QStringLiteral("host=x password=correct hunter2"),
                                QStringLiteral("postgresql://u:hunter2@h:5432/db?bogus_option=1")}) {
            const auto r =
                runCli({QStringLiteral("--dsn"), dsn, QStringLiteral("query"), QStringLiteral("select 1")});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(!r.err.contains(QStringLiteral("hunter2")), qPrintable(r.err));
        }
    }

    void interruptCancelsRunningStatement() {
        QProcess p;
        p.start(binary(QStringLiteral("pgdesk-cli")),
                {QStringLiteral("--dsn"), conninfo(), QStringLiteral("query"),
                 QStringLiteral("select pg_sleep(29.25)")});
        QVERIFY(p.waitForStarted());
        QElapsedTimer wait;
        wait.start();
        while (psql(QStringLiteral(
                   "select count(*) from pg_stat_activity where query like 'select pg_sleep(29.25)%'")) !=
               QStringLiteral("1")) {
            QVERIFY2(wait.elapsed() < 10000, "the statement never started");
            QTest::qWait(50);
        }
        QElapsedTimer timer;
        timer.start();
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(5000));
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(p.exitCode(), 130);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("57014")));
    }

    void unreachableServerExits3() {
        const auto r = runCli({QStringLiteral("--dsn"), QStringLiteral("host=/nonexistent port=1 dbname=x"),
                               QStringLiteral("query"), QStringLiteral("select 1")});
        QCOMPARE(r.exitCode, 3);
    }
};

QTEST_GUILESS_MAIN(TestCliQuery)
#include "tst_cli_query.moc"
