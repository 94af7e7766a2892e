// SPDX-License-Identifier: GPL-3.0-or-later
// pg_cron and pg_partman on a private cluster that preloads pg_cron (background workers, so jobs need no
// password): where the jobs live and what another database is told; jobs scheduled with hostile names and
// commands, run by pg_cron for real (a success and a failure, read back from the run history); altered
// with only what changed, disabled, unscheduled; a schedule pg_cron refuses; the production guard. A
// partition set made by create_parent, its retention set and maintenance run, old partitions dropped.
#include "privatecluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/server/jobs.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>
#include <pgdesk/core/session/writeguard.h>
#include <pgdesk/core/session/writeunlock.h>

#include <QTest>
#include <QThread>

#include <memory>
#include <optional>

using namespace pgdesk;
using pgdesk::test::PrivateCluster;

namespace {

std::optional<core::CronJob> jobNamed(const QList<core::CronJob>& jobs, const QString& name) {
    for (const core::CronJob& j : jobs)
        if (j.name == name)
            return j;
    return std::nullopt;
}

} // namespace

class TestJobs final : public QObject {
    Q_OBJECT

    std::unique_ptr<PrivateCluster> m_cluster;

    core::Connection open(const QString& database = QStringLiteral("postgres")) {
        return core::Connection::open(m_cluster->profile(database));
    }
    QString value(const QString& sql) { return m_cluster->psql(sql).trimmed(); }
    qint64 jobCount() { return value(QStringLiteral("select count(*) from cron.job")).toLongLong(); }

    // A hostile name and command: quotes, $1 (never taken for a placeholder), % _ \, right-to-left text.
    const QString m_name = QStringLiteral("nächtlich 'tick' $1 %_\\ مرحبا");
    const QString m_note = QStringLiteral("it's $1 %_\\ שלום");

private slots:
    void initTestCase() {
        m_cluster = std::make_unique<PrivateCluster>();
        QVERIFY2(m_cluster->isStarted(), qPrintable(m_cluster->error()));
        QVERIFY2(m_cluster->loadPgCron(), qPrintable(m_cluster->error()));
        for (const QString& sql :
             {QStringLiteral("create database other"),
              QStringLiteral("create schema partman; create extension pg_partman schema partman"),
              QStringLiteral("create table tick (at timestamptz default now(), note text)")})
            QVERIFY2(!m_cluster->psql(sql).isNull(), qPrintable(m_cluster->error()));
    }

    void whereTheJobsLive() {
        auto c = open();
        const core::CronStatus status = core::JobReader(c).cronStatus();
        QVERIFY(status.loaded);
        QVERIFY(status.installed);
        QCOMPARE(status.database, QStringLiteral("postgres"));
        QVERIFY(!status.version.isEmpty());
        QVERIFY2(status.problem().isEmpty(), qPrintable(status.problem()));

        auto other = open(QStringLiteral("other"));
        const core::CronStatus there = core::JobReader(other).cronStatus();
        QVERIFY(there.loaded);
        QVERIFY(!there.installed);
        QVERIFY2(there.problem().contains(QLatin1String("connect to \"postgres\"")),
                 qPrintable(there.problem()));
        try {
            core::JobReader(other).cronJobs();
            QFAIL("jobs read where pg_cron is not");
        } catch (const core::NotFound& e) {
            QCOMPARE(e.info().hint, there.problem());
        }
        QVERIFY(!core::JobReader(other).partmanStatus().installed);
        QVERIFY_THROWS_EXCEPTION(core::NotFound, core::JobReader(other).partitionSets());
    }

    // Scheduled, run by pg_cron at the next minute, read back: the success and the failure.
    void scheduledJobsRun() {
        auto c = open();
        core::CronJobSpec tick;
        tick.name = m_name;
        tick.schedule = QStringLiteral("* * * * *");
        tick.command = QStringLiteral("insert into tick (note) values ('%1')")
                           .arg(QString(m_note).replace(QLatin1Char('\''), QStringLiteral("''")));
        const core::JobChange change = core::scheduleCronJob(tick);
        QVERIFY(!change.sql.contains(m_name)); // values are parameters …
        QVERIFY2(change.preview.contains(QStringLiteral("'nächtlich ''tick'' $1")),
                 qPrintable(change.preview)); // … shown as literals
        const QString id = core::applyJobChange(c, change, {});
        QVERIFY(id.toLongLong() > 0);

        core::CronJobSpec bad;
        bad.name = QStringLiteral("fails");
        bad.schedule = QStringLiteral("* * * * *");
        bad.command = QStringLiteral("select 1/0");
        bad.database = QStringLiteral("other"); // scheduled from here, run there
        core::applyJobChange(c, core::scheduleCronJob(bad), {});

        const QList<core::CronJob> scheduled = core::JobReader(c).cronJobs();
        QCOMPARE(scheduled.size(), 2);
        const auto first = jobNamed(scheduled, m_name);
        QVERIFY(first);
        QCOMPARE(first->command, tick.command);
        QCOMPARE(first->database, QStringLiteral("postgres"));
        QCOMPARE(first->user, QStringLiteral("postgres"));
        QVERIFY(first->active);
        QVERIFY(first->lastStatus.isEmpty());
        QCOMPARE(jobNamed(scheduled, QStringLiteral("fails"))->database, QStringLiteral("other"));

        // pg_cron starts jobs on the minute: at most ~60 s, plus the run.
        QList<core::CronJob> jobs;
        for (int i = 0; i < 90; ++i, QThread::sleep(1)) {
            jobs = core::JobReader(c).cronJobs();
            const auto a = jobNamed(jobs, m_name), b = jobNamed(jobs, QStringLiteral("fails"));
            if (a && b && a->lastStatus == QLatin1String("succeeded") &&
                b->lastStatus == QLatin1String("failed"))
                break;
        }
        const auto ran = jobNamed(jobs, m_name);
        const auto failed = jobNamed(jobs, QStringLiteral("fails"));
        QCOMPARE(ran->lastStatus, QStringLiteral("succeeded"));
        QCOMPARE(ran->failures, qint64(0));
        QVERIFY(ran->runs >= 1);
        QVERIFY(ran->lastStart.isValid() && ran->lastEnd >= ran->lastStart);
        QCOMPARE(ran->lastMessage, QStringLiteral("INSERT 0 1"));
        QCOMPARE(value(QStringLiteral("select note from tick limit 1")), m_note);
        QCOMPARE(failed->lastStatus, QStringLiteral("failed"));
        QVERIFY(failed->failures >= 1);
        QVERIFY2(failed->lastMessage.contains(QLatin1String("division by zero")),
                 qPrintable(failed->lastMessage));

        const QList<core::CronRun> failures = core::JobReader(c).cronRuns(failed->id, true);
        QVERIFY(!failures.isEmpty());
        for (const core::CronRun& r : failures) {
            QCOMPARE(r.jobId, failed->id);
            QCOMPARE(r.status, QStringLiteral("failed"));
            QCOMPARE(r.database, QStringLiteral("other"));
        }
        const QList<core::CronRun> all = core::JobReader(c).cronRuns();
        QVERIFY(all.size() >= 2);
        for (qsizetype i = 1; i < all.size(); ++i)
            QVERIFY(all[i - 1].runId > all[i].runId); // newest first
        QCOMPARE(core::JobReader(c).cronRuns({}, false, 1).size(), 1);
    }

    void alteredDisabledUnscheduled() {
        auto c = open();
        const auto job = jobNamed(core::JobReader(c).cronJobs(), m_name);
        QVERIFY(job);
        core::CronJobSpec changed;
        changed.schedule = QStringLiteral("*/5 * * * *");
        changed.command = job->command; // the same: not sent
        const core::JobChange alter = core::alterCronJob(*job, changed);
        QVERIFY(alter.preview.contains(QLatin1String("schedule := '*/5 * * * *'")));
        QVERIFY(!alter.preview.contains(QLatin1String("command :=")));
        core::applyJobChange(c, alter, {});
        auto now = jobNamed(core::JobReader(c).cronJobs(), m_name);
        QCOMPARE(now->schedule, QStringLiteral("*/5 * * * *"));
        QCOMPARE(now->command, job->command);
        QVERIFY_THROWS_EXCEPTION(core::ConfigurationError, core::alterCronJob(*now, changed));

        core::CronJobSpec off;
        off.active = false;
        core::applyJobChange(c, core::alterCronJob(*now, off), {});
        QVERIFY(!jobNamed(core::JobReader(c).cronJobs(), m_name)->active);

        // A schedule pg_cron cannot read: its error, nothing changed.
        core::CronJobSpec wrong;
        wrong.schedule = QStringLiteral("every tuesday");
        wrong.command = QStringLiteral("select 1");
        const qint64 before = jobCount();
        QVERIFY_THROWS_EXCEPTION(core::Error, core::applyJobChange(c, core::scheduleCronJob(wrong), {}));
        QCOMPARE(jobCount(), before);
        QVERIFY_THROWS_EXCEPTION(core::ConfigurationError, core::scheduleCronJob(core::CronJobSpec{}));
        core::CronJobSpec nameless = wrong;
        nameless.schedule = QStringLiteral("@hourly");
        nameless.database = QStringLiteral("other"); // pg_cron wants a name for that
        QVERIFY_THROWS_EXCEPTION(core::ConfigurationError, core::scheduleCronJob(nameless));

        core::applyJobChange(c, core::unscheduleCronJob(now->id), {});
        QVERIFY(!jobNamed(core::JobReader(c).cronJobs(), m_name));
        QCOMPARE(jobCount(), before - 1);
    }

    void productionNeedsTheGuardsKey() {
        core::ConnectionProfile production = m_cluster->profile();
        production.environment = core::Environment::Production;
        auto c = core::Connection::open(production);
        core::CronJobSpec spec;
        spec.schedule = QStringLiteral("@daily");
        spec.command = QStringLiteral("vacuum");
        const qint64 before = jobCount();
        try {
            core::applyJobChange(c, core::scheduleCronJob(spec), {});
            QFAIL("a job was scheduled on production without the guard's key");
        } catch (const core::Error& e) {
            QVERIFY2(e.info().field == QString::fromLatin1(core::kWriteGuardField),
                     qPrintable(e.info().message));
        }
        QCOMPARE(jobCount(), before);
        core::applyJobChange(c, core::scheduleCronJob(spec), core::WriteUnlock::create());
        QCOMPARE(jobCount(), before + 1);
        QVERIFY(!core::JobReader(c).cronJobs().isEmpty()); // reading needs no key
    }

    void partitionSets() {
        QVERIFY(!m_cluster
                     ->psql(QStringLiteral("create table events (id bigint, created_at timestamptz not null) "
                                           "partition by range (created_at)"))
                     .isNull());
        auto c = open();
        const core::PartmanStatus status = core::JobReader(c).partmanStatus();
        QVERIFY(status.installed);
        QCOMPARE(status.schema, QStringLiteral("partman"));
        QVERIFY(core::JobReader(c).partitionSets().isEmpty());

        core::PartitionSetSpec spec;
        spec.parent = QStringLiteral("public.events");
        spec.control = QStringLiteral("created_at");
        spec.premake = 2;
        core::applyJobChange(c, core::createPartitionSet(status.schema, spec), {});
        QList<core::PartitionSet> sets = core::JobReader(c).partitionSets();
        QCOMPARE(sets.size(), 1);
        QCOMPARE(sets[0].parent, QStringLiteral("public.events"));
        QCOMPARE(sets[0].control, QStringLiteral("created_at"));
        QCOMPARE(sets[0].interval, QStringLiteral("1 day"));
        QCOMPARE(sets[0].premake, 2);
        QVERIFY(sets[0].retention.isEmpty());
        QCOMPARE(sets[0].partitions, qint64(5)); // two days back, today, two ahead
        QVERIFY2(sets[0].oldest < sets[0].newest,
                 qPrintable(sets[0].oldest + QLatin1Char(' ') + sets[0].newest));
        QVERIFY(sets[0].newest.startsWith(QLatin1String("public.events_p")));

        // Retention of a day, dropping: maintenance drops the partitions older than that, and makes premake
        // partitions ahead of the newest row (pg_partman makes none ahead of no data).
        QVERIFY(!m_cluster->psql(QStringLiteral("insert into events values (1, now())")).isNull());
        const core::JobChange keep =
            core::alterPartitionSet(status.schema, spec.parent, 3, QStringLiteral("1 day"), false);
        QVERIFY(keep.preview.contains(QLatin1String("retention = '1 day'")));
        core::applyJobChange(c, keep, {});
        core::applyJobChange(c, core::runPartitionMaintenance(status.schema, spec.parent), {});
        sets = core::JobReader(c).partitionSets();
        QCOMPARE(sets[0].premake, 3);
        QCOMPARE(sets[0].retention, QStringLiteral("1 day"));
        QVERIFY(!sets[0].retentionKeepTable);
        // Partitions are named by the server's dates: yesterday's ends after now - 1 day and stays.
        QCOMPARE(sets[0].oldest,
                 QStringLiteral("public.events_p") +
                     value(QStringLiteral("select to_char(now() - interval '1 day', 'YYYY_MM_DD')")));
        QCOMPARE(sets[0].newest,
                 QStringLiteral("public.events_p") +
                     value(QStringLiteral("select to_char(now() + interval '3 days', 'YYYY_MM_DD')")));
        QCOMPARE(sets[0].partitions, qint64(5));
        // … besides the default partition pg_partman adds (not counted: it holds what fits no range).
        QCOMPARE(
            value(QStringLiteral("select count(*) from pg_inherits where inhparent = 'events'::regclass")),
            QString::number(sets[0].partitions + 1));

        // A set that is not there: said, nothing changed.
        QVERIFY_THROWS_EXCEPTION(
            core::NotFound,
            core::applyJobChange(
                c, core::alterPartitionSet(status.schema, QStringLiteral("public.none"), 1, {}, true), {}));
    }
};

QTEST_GUILESS_MAIN(TestJobs)
#include "tst_jobs.moc"
