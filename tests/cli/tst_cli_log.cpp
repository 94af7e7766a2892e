// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli log on a private cluster writing jsonlog and stderr: entries as NDJSON and text, filters, the
// grouped errors, a real deadlock as text, JSON and DOT, auto_explain plans, --follow seeing what is added,
// a log file read without a connection, refusal for a role without the grants (exit 4 with the GRANT).
#include "clirunner.h"
#include "privatecluster.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QThread>

#include <memory>
#include <thread>

using namespace pgdesk::test;

namespace {

QList<QJsonObject> ndjson(const QString& text) {
    QList<QJsonObject> out;
    for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        out << QJsonDocument::fromJson(line.toUtf8()).object();
    return out;
}

} // namespace

class TestCliLog final : public QObject {
    Q_OBJECT

    std::unique_ptr<PrivateCluster> m_cluster;

    QString dsn(const QString& user = QStringLiteral("postgres")) const {
        return QStringLiteral("host=%1 port=%2 user=%3 dbname=postgres")
            .arg(m_cluster->dir())
            .arg(m_cluster->port())
            .arg(user);
    }
    CliRun cli(const QStringList& args) { return runCli(QStringList{QStringLiteral("--dsn"), dsn()} + args); }
    bool sql(const QString& statement) { return !m_cluster->psql(statement).isNull(); }
    // psql that is expected to fail (an error for the log).
    void failing(const QString& statement) { m_cluster->psql(statement); }

    bool waitLogged(const QString& text) {
        for (int i = 0; i < 100; ++i) {
            const CliRun r = cli({QStringLiteral("log"), QStringLiteral("--grep"), text});
            if (r.exitCode == 0 && r.out.contains(text))
                return true;
            QThread::msleep(100);
        }
        return false;
    }

private slots:
    void initTestCase() {
        m_cluster = std::make_unique<PrivateCluster>();
        QVERIFY2(m_cluster->isStarted(), qPrintable(m_cluster->error()));
        for (const QString& s :
             {QStringLiteral("alter system set logging_collector = on"),
              QStringLiteral("alter system set log_destination = 'stderr,jsonlog'"),
              QStringLiteral("alter system set deadlock_timeout = '200ms'"),
              QStringLiteral("create table t (id int primary key, v text); insert into t "
                             "values (1, 'a'), (2, 'b'); create role nobody login password 'x'")})
            QVERIFY2(sql(s), qPrintable(m_cluster->error()));
        QVERIFY2(m_cluster->restart(), qPrintable(m_cluster->error()));
        for (int i = 0; i < 4; ++i)
            failing(QStringLiteral("select 1/0"));
        failing(QStringLiteral("select * from missing_table_%1").arg(1));
        failing(
            QStringLiteral("do $$ begin raise exception 'خطای %% آزمایشی' using detail = 'a\nb'; end $$"));
        QVERIFY(sql(
            QStringLiteral("load 'auto_explain'; set auto_explain.log_min_duration = 0; set "
                           "auto_explain.log_analyze = on; select /*explained*/ count(*) from t a, t b")));
        QVERIFY(waitLogged(QStringLiteral("explained")));
    }

    void entriesAndFilters() {
        const CliRun all = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("log"),
                                QStringLiteral("--min-severity"), QStringLiteral("error")});
        QVERIFY2(all.exitCode == 0, qPrintable(all.err));
        QVERIFY2(all.err.contains(QLatin1String(".json")), qPrintable(all.err)); // jsonlog preferred
        // LOG ranks above ERROR in the server log (log_min_messages): the plan's LOG line is in too.
        QList<QJsonObject> entries;
        for (const QJsonObject& e : ndjson(all.out)) {
            const QString severity = e.value(QLatin1String("severity")).toString();
            QVERIFY2(severity == QLatin1String("ERROR") || severity == QLatin1String("LOG") ||
                         severity == QLatin1String("FATAL"),
                     qPrintable(severity));
            QVERIFY(!e.value(QLatin1String("time")).toString().isEmpty());
            QVERIFY(e.value(QLatin1String("pid")).toInteger() > 0);
            if (severity == QLatin1String("ERROR"))
                entries << e;
        }
        QCOMPARE(entries.size(), 6);
        const CliRun errors = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("log"),
                                   QStringLiteral("--errors")});
        QCOMPARE(ndjson(errors.out).size(), 6); // no LOG line
        // After the command --database is the filter, not the database to connect to.
        const auto inDatabase = [&](const QString& database) {
            const CliRun r = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("log"),
                                  QStringLiteral("--errors"), QStringLiteral("--database"), database});
            return r.exitCode == 0 ? ndjson(r.out).size() : -1;
        };
        QCOMPARE(inDatabase(QStringLiteral("postgres")), 6);
        QCOMPARE(inDatabase(QStringLiteral("nosuch")), 0);
        const QJsonObject persian = entries.last();
        QCOMPARE(persian.value(QLatin1String("message")).toString(), QStringLiteral("خطای % آزمایشی"));
        QCOMPARE(persian.value(QLatin1String("detail")).toString(), QStringLiteral("a\nb"));
        QCOMPARE(persian.value(QLatin1String("sqlstate")).toString(), QStringLiteral("P0001"));

        const CliRun state = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("log"),
                                  QStringLiteral("--sqlstate"), QStringLiteral("22012"),
                                  QStringLiteral("--since"), QStringLiteral("1h")});
        QCOMPARE(ndjson(state.out).size(), 4);
        const CliRun future =
            cli({QStringLiteral("log"), QStringLiteral("--since"), QStringLiteral("2999-01-01")});
        QCOMPARE(future.exitCode, 0);
        QVERIFY(future.out.isEmpty());
        const CliRun text =
            cli({QStringLiteral("log"), QStringLiteral("--grep"), QStringLiteral("missing_table")});
        QVERIFY2(
            text.out.contains(QStringLiteral("ERROR 42P01: relation \"missing_table_1\" does not exist")),
            qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral("  STATEMENT: select * from missing_table_1")));

        const CliRun grouped = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("log"),
                                    QStringLiteral("--grouped")});
        const QJsonArray groups = QJsonDocument::fromJson(grouped.out.toUtf8()).array();
        QCOMPARE(groups.size(), 3);
        QCOMPARE(groups[0].toObject().value(QLatin1String("count")).toInt(), 4);
        QCOMPARE(groups[0].toObject().value(QLatin1String("pattern")).toString(),
                 QStringLiteral("division by zero"));

        const CliRun bad =
            cli({QStringLiteral("log"), QStringLiteral("--min-severity"), QStringLiteral("loud")});
        QCOMPARE(bad.exitCode, 2);
    }

    void plans() {
        const CliRun r = cli({QStringLiteral("log"), QStringLiteral("--plans")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("explained")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("Nested Loop")));
        const CliRun json = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("log"),
                                 QStringLiteral("--plans")});
        const auto lines = ndjson(json.out);
        QCOMPARE(lines.size(), 1);
        QVERIFY(!lines[0]
                     .value(QLatin1String("plan"))
                     .toObject()
                     .value(QLatin1String("nodes"))
                     .toArray()
                     .isEmpty());
    }

    void deadlocks() {
        // Two psql sessions each holding the row the other wants.
        std::thread first([this] {
            m_cluster->psql(QStringLiteral("begin; update t set v = 'x' where id = 1; select pg_sleep(0.5); "
                                           "update t set v = 'x' where id = 2; commit"));
        });
        QThread::msleep(100);
        m_cluster->psql(QStringLiteral("begin; update t set v = 'y' where id = 2; select pg_sleep(0.5); "
                                       "update t set v = 'y' where id = 1; commit"));
        first.join();
        QVERIFY(waitLogged(QStringLiteral("deadlock detected")));
        const CliRun text = cli({QStringLiteral("log"), QStringLiteral("--deadlocks")});
        QVERIFY2(text.out.contains(QStringLiteral("waits for ShareLock on transaction")),
                 qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral("update t set v = 'x' where id = 2")));
        const CliRun json = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("log"),
                                 QStringLiteral("--deadlocks")});
        const auto reports = ndjson(json.out);
        QCOMPARE(reports.size(), 1);
        QCOMPARE(reports[0].value(QLatin1String("waits")).toArray().size(), 2);
        const CliRun dot =
            cli({QStringLiteral("log"), QStringLiteral("--deadlocks"), QStringLiteral("--dot")});
        QVERIFY(dot.out.startsWith(QStringLiteral("digraph deadlock {")));
        QCOMPARE(dot.out.count(QStringLiteral(" -> ")), 2);
    }

    // --follow prints what the server writes after the command started.
    void followSeesNewEntries() {
        QProcess p;
        p.start(binary(QStringLiteral("pgdesk-cli")),
                {QStringLiteral("--dsn"), dsn(), QStringLiteral("log"), QStringLiteral("--follow"),
                 QStringLiteral("--timeout"), QStringLiteral("20"), QStringLiteral("--backlog"),
                 QStringLiteral("0"), QStringLiteral("--grep"), QStringLiteral("followed")});
        QVERIFY(p.waitForStarted());
        QThread::sleep(2);
        failing(QStringLiteral("select 'followed'::int"));
        QByteArray out;
        for (int i = 0; i < 100 && !out.contains("followed"); ++i) {
            p.waitForReadyRead(200);
            out += p.readAllStandardOutput();
        }
        p.terminate();
        p.waitForFinished(5000);
        QVERIFY2(out.contains("invalid input syntax for type integer: \"followed\""), out.constData());
    }

    // A file read without a connection; a role without the grants is told which.
    void fileAndPermissions() {
        const QString path = m_cluster->psql(QStringLiteral("select pg_current_logfile('stderr')")).trimmed();
        const CliRun file =
            runCli({QStringLiteral("log"), QStringLiteral("--file"),
                    QDir(m_cluster->dir() + QStringLiteral("/data")).filePath(path),
                    QStringLiteral("--backlog"), QStringLiteral("all"), QStringLiteral("--grouped")});
        QVERIFY2(file.exitCode == 0, qPrintable(file.err));
        QVERIFY2(file.out.contains(QStringLiteral("division by zero")), qPrintable(file.out));
        const CliRun missing =
            runCli({QStringLiteral("log"), QStringLiteral("--file"), QStringLiteral("/nonexistent/x.log")});
        QVERIFY(missing.exitCode != 0);

        const CliRun denied =
            runCli({QStringLiteral("--dsn"), dsn(QStringLiteral("nobody")) + QStringLiteral(" password=x"),
                    QStringLiteral("log")});
        QCOMPARE(denied.exitCode, 4); // an SQL-level refusal
        QVERIFY2(denied.err.contains(QStringLiteral("GRANT EXECUTE ON FUNCTION pg_current_logfile(text)")),
                 qPrintable(denied.err));
    }
};

QTEST_GUILESS_MAIN(TestCliLog)
#include "tst_cli_log.moc"
