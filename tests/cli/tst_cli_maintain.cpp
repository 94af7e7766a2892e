// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"
#include "scratchschema.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

#include <pgdesk/core/session/connection.h>

#include <chrono>
#include <csignal>
#include <optional>
#include <thread>

using namespace pgdesk::test;

namespace {

const QString kSchema = QStringLiteral("maint_cli");

QStringList withDsn(const QStringList& args) {
    return QStringList{QStringLiteral("--dsn"), conninfo()} + args;
}

QString lastVacuumSet(const QString& table) {
    return QStringLiteral(
               "select last_vacuum is not null from pg_stat_user_tables where schemaname = '%1' and "
               "relname = '%2'")
        .arg(kSchema, table);
}

} // namespace

class TestCliMaintain final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        m_schema.emplace(kSchema, QStringLiteral(R"(
            create table $S.t (id int primary key, x int);
            insert into $S.t select g, g from generate_series(1, 1000) g;
            create index t_x on $S.t (x);
            create table $S.lockme (id int primary key);
            insert into $S.lockme select generate_series(1, 100);
            create materialized view $S.mv as select id from $S.t;
            create materialized view $S.bad as select 1 / x as y from $S.t with no data;
            insert into $S.t values (0, 0);
            create view $S.vw as select 1 as one;
        )"));
    }
    void cleanupTestCase() { m_schema.reset(); }

    // --dry-run prints the exact statement and runs nothing.
    void dryRun() {
        const CliRun r = runCli(
            withDsn({QStringLiteral("maintain"), kSchema + QStringLiteral(".t"), QStringLiteral("--vacuum"),
                     QStringLiteral("--full"), QStringLiteral("--analyze"), QStringLiteral("--dry-run")}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("VACUUM (FULL, ANALYZE) \"maint_cli\".\"t\";\n"));
        QCOMPARE(psqlValue(lastVacuumSet(QStringLiteral("t"))), QStringLiteral("f"));

        const CliRun index =
            runCli(withDsn({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("maintain"),
                            kSchema + QStringLiteral(".t_x"), QStringLiteral("--reindex"),
                            QStringLiteral("--concurrently"), QStringLiteral("--dry-run")}));
        QCOMPARE(index.exitCode, 0);
        const QJsonObject o = parseObject(index);
        QCOMPARE(o[QStringLiteral("statement")].toString(),
                 QStringLiteral("REINDEX INDEX CONCURRENTLY \"maint_cli\".\"t_x\""));
        QCOMPARE(o[QStringLiteral("dry_run")].toBool(), true);
    }

    // A real VACUUM ANALYZE: the statement on stderr first, the JSON result, the table vacuumed.
    void runJson() {
        const CliRun r = runCli(withDsn({QStringLiteral("--format"), QStringLiteral("json"),
                                         QStringLiteral("maintain"), kSchema + QStringLiteral(".t"),
                                         QStringLiteral("--vacuum"), QStringLiteral("--analyze")}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QStringLiteral("running: VACUUM (ANALYZE) \"maint_cli\".\"t\";")),
                 qPrintable(r.err));
        const QJsonObject o = parseObject(r);
        QCOMPARE(o[QStringLiteral("statement")].toString(),
                 QStringLiteral("VACUUM (ANALYZE) \"maint_cli\".\"t\""));
        QCOMPARE(o[QStringLiteral("operation")].toString(), QStringLiteral("vacuum"));
        QCOMPARE(o[QStringLiteral("command")].toString(), QStringLiteral("VACUUM"));
        QVERIFY(o[QStringLiteral("duration_ms")].isDouble());
        QVERIFY(o[QStringLiteral("duration_ms")].toDouble() >= 0);
        QVERIFY(waitForPsqlValue(lastVacuumSet(QStringLiteral("t")), QStringLiteral("t")));

        const QString node =
            QStringLiteral("select relfilenode from pg_class where oid = '%1.t_x'::regclass").arg(kSchema);
        const QString before = psqlValue(node);
        const CliRun reindex =
            runCli(withDsn({QStringLiteral("maintain"), kSchema + QStringLiteral(".t_x"),
                            QStringLiteral("--reindex"), QStringLiteral("--concurrently")}));
        QCOMPARE(reindex.exitCode, 0);
        QVERIFY(reindex.out.startsWith(QStringLiteral("REINDEX maint_cli.t_x (")));
        QVERIFY(psqlValue(node) != before);
    }

    // Refusals are usage errors (exit 2) and run nothing; a missing object is exit 6, a server error exit 4.
    void refusalsAndExitCodes() {
        const auto code = [](const QStringList& args) { return runCli(withDsn(args)); };
        CliRun r = code({QStringLiteral("maintain"), QStringLiteral("--vacuum")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("one table, index or materialized view")));
        r = code({QStringLiteral("maintain"), kSchema + QStringLiteral(".t")});
        QCOMPARE(r.exitCode, 2);
        r = code({QStringLiteral("maintain"), kSchema + QStringLiteral(".t"), QStringLiteral("--vacuum"),
                  QStringLiteral("--reindex")});
        QCOMPARE(r.exitCode, 2);
        r = code({QStringLiteral("maintain"), kSchema + QStringLiteral(".t"), QStringLiteral("--analyze"),
                  QStringLiteral("--full")});
        QCOMPARE(r.exitCode, 2);
        r = code({QStringLiteral("maintain"), kSchema + QStringLiteral(".t"), QStringLiteral("--vacuum"),
                  QStringLiteral("--concurrently")});
        QCOMPARE(r.exitCode, 2);
        r = code({QStringLiteral("maintain"), kSchema + QStringLiteral(".mv"), QStringLiteral("--refresh"),
                  QStringLiteral("--concurrently")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("unique index")), qPrintable(r.err));
        r = code({QStringLiteral("maintain"), QStringLiteral("pg_catalog.pg_class"),
                  QStringLiteral("--reindex"), QStringLiteral("--concurrently"),
                  QStringLiteral("--dry-run")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("system catalogs")), qPrintable(r.err));
        r = code({QStringLiteral("maintain"), kSchema + QStringLiteral(".vw"), QStringLiteral("--vacuum")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("does not apply to")), qPrintable(r.err));
        r = code(
            {QStringLiteral("maintain"), kSchema + QStringLiteral(".nope"), QStringLiteral("--analyze")});
        QCOMPARE(r.exitCode, 6);
        r = code({QStringLiteral("maintain"), kSchema + QStringLiteral(".bad"), QStringLiteral("--refresh")});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("22012")), qPrintable(r.err));
    }

    // Ctrl-C while a VACUUM FULL waits for a lock: the progress line said so (--progress), exit 130, table
    // untouched.
    void interruptExits130() {
        auto holder = pgdesk::core::Connection::open(profile());
        holder.exec(QStringLiteral("begin; lock table %1.lockme in access share mode").arg(kSchema));
        const QString node =
            QStringLiteral("select relfilenode from pg_class where oid = '%1.lockme'::regclass").arg(kSchema);
        const QString before = psqlValue(node);
        QProcess p;
        p.start(
            binary(QStringLiteral("pgdesk-cli")),
            withDsn({QStringLiteral("maintain"), kSchema + QStringLiteral(".lockme"),
                     QStringLiteral("--vacuum"), QStringLiteral("--full"), QStringLiteral("--progress")}));
        QVERIFY(p.waitForStarted());
        QString err;
        QElapsedTimer timer;
        timer.start();
        while (!err.contains(QStringLiteral("waiting for a lock")) && timer.elapsed() < 15000) {
            p.waitForReadyRead(200);
            err += QString::fromUtf8(p.readAllStandardError());
        }
        QVERIFY2(err.contains(QStringLiteral("maintain: waiting for a lock (relation)")), qPrintable(err));
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(15000));
        err += QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 130);
        QVERIFY2(err.contains(QStringLiteral("57014")), qPrintable(err));
        holder.exec(QStringLiteral("commit"));
        QCOMPARE(psqlValue(node), before);
    }

private:
    std::optional<ScratchSchema> m_schema;
};

QTEST_GUILESS_MAIN(TestCliMaintain)
#include "tst_cli_maintain.moc"
