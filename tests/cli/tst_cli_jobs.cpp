// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli jobs and partman on a private cluster that preloads pg_cron: another database told where the
// jobs are (exit 4); a job scheduled with a hostile command (printed with its values written in, listed
// back exactly), by name altered with only what changed, disabled, enabled, unscheduled; a dry run that
// changes nothing; a schedule pg_cron refuses; the run history as JSON; the production guard (exit 9).
// A partition set created, altered and maintained; an unknown set (exit 6).
#include "clirunner.h"
#include "privatecluster.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>

using namespace pgdesk::test;

class TestCliJobs final : public QObject {
    Q_OBJECT

    std::unique_ptr<PrivateCluster> m_cluster;

    CliRun cli(const QStringList& args, const QString& database = QStringLiteral("postgres")) {
        return runCli(
            QStringList{QStringLiteral("--dsn"), QStringLiteral("host=%1 port=%2 user=postgres dbname=%3")
                                                     .arg(m_cluster->dir())
                                                     .arg(m_cluster->port())
                                                     .arg(database)} +
            args);
    }
    QJsonArray jobs() {
        const CliRun r = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("jobs")});
        return parseObject(r).value(QStringLiteral("jobs")).toArray();
    }
    QJsonObject job(const QString& name) {
        for (const QJsonValue& v : jobs())
            if (v.toObject().value(QStringLiteral("name")).toString() == name)
                return v.toObject();
        return {};
    }
    QJsonObject partitionSet() {
        const CliRun r = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("partman")});
        return parseObject(r).value(QStringLiteral("partition_sets")).toArray().at(0).toObject();
    }

    // A command with quotes, $1 and right-to-left text; the name with % _ and a backslash.
    const QString m_command = QStringLiteral("select 'it''s $1 مرحبا'");
    const QString m_name = QStringLiteral("report %_\\ 'x'");

private slots:
    void initTestCase() {
        m_cluster = std::make_unique<PrivateCluster>();
        QVERIFY2(m_cluster->isStarted(), qPrintable(m_cluster->error()));
        QVERIFY2(m_cluster->loadPgCron(), qPrintable(m_cluster->error()));
        for (const QString& sql :
             {QStringLiteral("create database other"),
              QStringLiteral("create schema partman; create extension pg_partman schema partman; "
                             "create table events (id bigint, created_at timestamptz not null) "
                             "partition by range (created_at)")})
            QVERIFY2(!m_cluster->psql(sql).isNull(), qPrintable(m_cluster->error()));
    }

    void elsewhereSaysWhere() {
        const CliRun r = cli({QStringLiteral("jobs")}, QStringLiteral("other"));
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains(QLatin1String("connect to \"postgres\"")), qPrintable(r.err));
        const CliRun partman = cli({QStringLiteral("partman")}, QStringLiteral("other"));
        QCOMPARE(partman.exitCode, 6);
        QVERIFY2(partman.err.contains(QLatin1String("pg_partman is not installed")), qPrintable(partman.err));
    }

    void scheduleAlterUnschedule() {
        const QStringList schedule{
            QStringLiteral("jobs"),       QStringLiteral("schedule"), QStringLiteral("--name"),    m_name,
            QStringLiteral("--schedule"), QStringLiteral("@hourly"),  QStringLiteral("--command"), m_command,
            QStringLiteral("--database"), QStringLiteral("other")};
        const CliRun dry = cli(schedule + QStringList{QStringLiteral("--dry-run")});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        QCOMPARE(dry.out,
                 QStringLiteral("SELECT cron.schedule_in_database(job_name := E'report %_\\\\ ''x''', "
                                "schedule := '@hourly', command := 'select ''it''''s $1 مرحبا''', "
                                "database := 'other', username := NULL, active := 'true'::boolean);\n"));
        QVERIFY(jobs().isEmpty());

        const CliRun made = cli(schedule);
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        QCOMPARE(made.out, dry.out);
        QVERIFY2(made.err.contains(QLatin1String(" scheduled")), qPrintable(made.err));
        QJsonObject j = job(m_name);
        QCOMPARE(j.value(QStringLiteral("command")).toString(), m_command);
        QCOMPARE(j.value(QStringLiteral("database")).toString(), QStringLiteral("other"));
        QCOMPARE(j.value(QStringLiteral("schedule")).toString(), QStringLiteral("@hourly"));
        QVERIFY(j.value(QStringLiteral("last_status")).isNull());
        QCOMPARE(j.value(QStringLiteral("failures")).toInt(-1), 0);
        const QString id = QString::number(j.value(QStringLiteral("id")).toInteger());
        QVERIFY2(made.err.contains(QStringLiteral("job %1 scheduled").arg(id)), qPrintable(made.err));

        // Altered by name: only the schedule is sent.
        const CliRun alter =
            cli({QStringLiteral("jobs"), QStringLiteral("alter"), m_name, QStringLiteral("--schedule"),
                 QStringLiteral("*/10 * * * *"), QStringLiteral("--command"), m_command});
        QVERIFY2(alter.exitCode == 0, qPrintable(alter.err));
        QCOMPARE(alter.out, QStringLiteral("SELECT cron.alter_job(job_id := '%1'::bigint, schedule := "
                                           "'*/10 * * * *');\n")
                                .arg(id));
        QCOMPARE(job(m_name).value(QStringLiteral("schedule")).toString(), QStringLiteral("*/10 * * * *"));
        // Nothing differs: said (a usage error), nothing sent.
        QCOMPARE(cli({QStringLiteral("jobs"), QStringLiteral("alter"), id, QStringLiteral("--schedule"),
                      QStringLiteral("*/10 * * * *")})
                     .exitCode,
                 2);

        QCOMPARE(cli({QStringLiteral("jobs"), QStringLiteral("disable"), id}).exitCode, 0);
        QCOMPARE(job(m_name).value(QStringLiteral("active")).toBool(true), false);
        QCOMPARE(cli({QStringLiteral("jobs"), QStringLiteral("enable"), m_name}).exitCode, 0);
        QCOMPARE(job(m_name).value(QStringLiteral("active")).toBool(false), true);

        const CliRun table = cli({QStringLiteral("jobs")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains(QLatin1String("*/10 * * * *")));
        QVERIFY(table.out.contains(QLatin1String("0/0"))); // failed/runs

        // A schedule pg_cron cannot read: its message (exit 4), nothing scheduled.
        const CliRun wrong =
            cli({QStringLiteral("jobs"), QStringLiteral("schedule"), QStringLiteral("--schedule"),
                 QStringLiteral("every tuesday"), QStringLiteral("--command"), QStringLiteral("select 1")});
        QCOMPARE(wrong.exitCode, 4);
        QVERIFY2(wrong.err.contains(QLatin1String("invalid schedule")), qPrintable(wrong.err));
        QCOMPARE(jobs().size(), 1);

        const CliRun runs = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("jobs"),
                                 QStringLiteral("--runs"), QStringLiteral("--job"), id});
        QVERIFY2(runs.exitCode == 0, qPrintable(runs.err));
        QVERIFY(parseObject(runs).value(QStringLiteral("runs")).isArray());

        QCOMPARE(
            cli({QStringLiteral("jobs"), QStringLiteral("unschedule"), m_name, QStringLiteral("--dry-run")})
                .out,
            QStringLiteral("SELECT cron.unschedule('%1'::bigint);\n").arg(id));
        QCOMPARE(jobs().size(), 1);
        QCOMPARE(cli({QStringLiteral("jobs"), QStringLiteral("unschedule"), m_name}).exitCode, 0);
        QVERIFY(jobs().isEmpty());
        QCOMPARE(cli({QStringLiteral("jobs"), QStringLiteral("unschedule"), m_name}).exitCode, 6); // gone
    }

    void productionGuard() {
        const CliRun added =
            runCli({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("prod"),
                    QStringLiteral("--host"), m_cluster->dir(), QStringLiteral("--port"),
                    QString::number(m_cluster->port()), QStringLiteral("--database"),
                    QStringLiteral("postgres"), QStringLiteral("--user"), QStringLiteral("postgres"),
                    QStringLiteral("--environment"), QStringLiteral("production")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const QStringList schedule{QStringLiteral("--profile"),  QStringLiteral("prod"),
                                   QStringLiteral("jobs"),       QStringLiteral("schedule"),
                                   QStringLiteral("--schedule"), QStringLiteral("@daily"),
                                   QStringLiteral("--command"),  QStringLiteral("vacuum")};
        QCOMPARE(runCli(schedule).exitCode, 9);
        QVERIFY(jobs().isEmpty());
        QCOMPARE(
            runCli({QStringLiteral("--profile"), QStringLiteral("prod"), QStringLiteral("jobs")}).exitCode,
            0); // reading is no write
        const CliRun allowed = runCli(schedule + QStringList{QStringLiteral("--allow-write")});
        QVERIFY2(allowed.exitCode == 0, qPrintable(allowed.err));
        QCOMPARE(jobs().size(), 1);
        QCOMPARE(runCli({QStringLiteral("--profile"), QStringLiteral("prod"), QStringLiteral("partman"),
                         QStringLiteral("create"), QStringLiteral("public.events"),
                         QStringLiteral("--control"), QStringLiteral("created_at")})
                     .exitCode,
                 9);
        QVERIFY(partitionSet().isEmpty());
    }

    void partitionSets() {
        const CliRun create =
            cli({QStringLiteral("partman"), QStringLiteral("create"), QStringLiteral("public.events"),
                 QStringLiteral("--control"), QStringLiteral("created_at"), QStringLiteral("--premake"),
                 QStringLiteral("2")});
        QVERIFY2(create.exitCode == 0, qPrintable(create.err));
        QCOMPARE(create.out,
                 QStringLiteral("SELECT \"partman\".create_parent(p_parent_table := 'public.events', "
                                "p_control := 'created_at', p_type := 'native', p_interval := "
                                "'daily', p_premake := '2'::int);\n"));
        QJsonObject set = partitionSet();
        QCOMPARE(set.value(QStringLiteral("interval")).toString(), QStringLiteral("1 day"));
        QCOMPARE(set.value(QStringLiteral("premake")).toInt(), 2);
        QCOMPARE(set.value(QStringLiteral("partitions")).toInt(), 5);
        QVERIFY(set.value(QStringLiteral("retention")).isNull());

        // Only retention given: premake stays.
        const CliRun alter =
            cli({QStringLiteral("partman"), QStringLiteral("alter"), QStringLiteral("public.events"),
                 QStringLiteral("--retention"), QStringLiteral("30 days")});
        QVERIFY2(alter.exitCode == 0, qPrintable(alter.err));
        QVERIFY2(alter.out.contains(QLatin1String("premake = '2'::int, retention = '30 days', "
                                                  "retention_keep_table = 'true'::boolean")),
                 qPrintable(alter.out));
        set = partitionSet();
        QCOMPARE(set.value(QStringLiteral("retention")).toString(), QStringLiteral("30 days"));
        QCOMPARE(set.value(QStringLiteral("retention_keep_table")).toBool(false), true);
        QCOMPARE(cli({QStringLiteral("partman"), QStringLiteral("alter"), QStringLiteral("public.events"),
                      QStringLiteral("--retention"), QStringLiteral("none")})
                     .exitCode,
                 0);
        QVERIFY(partitionSet().value(QStringLiteral("retention")).isNull());

        const CliRun maintain =
            cli({QStringLiteral("partman"), QStringLiteral("maintain"), QStringLiteral("public.events")});
        QVERIFY2(maintain.exitCode == 0, qPrintable(maintain.err));

        // A dropping retention: maintenance only when asked for by name; refused, nothing dropped.
        QCOMPARE(cli({QStringLiteral("partman"), QStringLiteral("alter"), QStringLiteral("public.events"),
                      QStringLiteral("--retention"), QStringLiteral("1 day"), QStringLiteral("--drop-table")})
                     .exitCode,
                 0);
        const int before = partitionSet().value(QStringLiteral("partitions")).toInt();
        const CliRun refused =
            cli({QStringLiteral("partman"), QStringLiteral("maintain"), QStringLiteral("public.events")});
        QCOMPARE(refused.exitCode, 5);
        QVERIFY2(refused.err.contains(QLatin1String("--drop-past-retention")), qPrintable(refused.err));
        QCOMPARE(partitionSet().value(QStringLiteral("partitions")).toInt(), before);
        const CliRun dropping =
            cli({QStringLiteral("partman"), QStringLiteral("maintain"), QStringLiteral("public.events"),
                 QStringLiteral("--drop-past-retention")});
        QVERIFY2(dropping.exitCode == 0, qPrintable(dropping.err));
        QVERIFY(partitionSet().value(QStringLiteral("partitions")).toInt() < before); // two days back dropped
        QCOMPARE(cli({QStringLiteral("partman"), QStringLiteral("alter"), QStringLiteral("public.events"),
                      QStringLiteral("--retention"), QStringLiteral("none")})
                     .exitCode,
                 0);
        const CliRun table = cli({QStringLiteral("partman")});
        QVERIFY2(table.out.contains(QLatin1String("public.events")), qPrintable(table.out));
        QVERIFY(table.out.contains(QLatin1String("keep all")));

        const CliRun unknown =
            cli({QStringLiteral("partman"), QStringLiteral("alter"), QStringLiteral("public.none"),
                 QStringLiteral("--premake"), QStringLiteral("1")});
        QCOMPARE(unknown.exitCode, 6);
        QVERIFY2(unknown.err.contains(QLatin1String("no partition set")), qPrintable(unknown.err));
    }
};

QTEST_GUILESS_MAIN(TestCliJobs)
#include "tst_cli_jobs.moc"
