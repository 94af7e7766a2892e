// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Scheduled jobs (pg_cron) and partition sets kept by pg_partman: read in one statement each, changed by
// statements that are shown before they run (JobChange::preview) and run with their values as parameters.
#include <pgdesk/core/base/param.h>
#include <pgdesk/core/session/result.h>
#include <pgdesk/core/session/writeunlock.h>

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace pgdesk::core {

class Connection;

// pg_cron on this server: loaded (shared_preload_libraries), the one database whose `cron` schema holds the
// jobs (cron.database_name), and whether this connection's database is it.
struct CronStatus {
    bool loaded = false;
    QString database;       // cron.database_name; empty when not loaded
    bool installed = false; // CREATE EXTENSION pg_cron done in this database
    QString version;
    QString currentDatabase;
    // Why the jobs cannot be read or changed through this connection, with what would allow it; empty when
    // they can.
    QString problem() const;
};

// A job (cron.job) with its latest run and its runs among those cron.job_run_details keeps.
struct CronJob {
    qint64 id = 0;
    QString name; // empty for a job scheduled without one
    QString schedule;
    QString command;
    QString database;
    QString user;
    bool active = true;
    QString lastStatus; // succeeded, failed, running, starting …; empty: never ran
    QDateTime lastStart;
    QDateTime lastEnd;
    QString lastMessage;
    qint64 runs = 0;
    qint64 failures = 0;
};

struct CronRun {
    qint64 runId = 0;
    qint64 jobId = 0;
    qint64 pid = 0;
    QString database;
    QString user;
    QString command;
    QString status;
    QString message; // "INSERT 0 1", or the error of a failed run
    QDateTime start;
    QDateTime end;
};

// What a job is to be. For an edit the empty fields (and an unset `active`) stay as they are.
struct CronJobSpec {
    QString name;     // pg_cron requires one for a job of another database or user, or made inactive
    QString schedule; // cron syntax ("*/5 * * * *") or "@daily" …, as pg_cron takes it
    QString command;
    QString database; // empty: the connection's database
    QString user;     // empty: the current user
    std::optional<bool> active;
};

// A partition set of pg_partman (part_config), with its partitions counted.
struct PartitionSet {
    QString parent; // schema.table, as part_config names it
    QString control;
    QString type;     // native, partman …
    QString interval; // "1 day", or a number for id partitioning
    int premake = 0;
    QString retention; // empty: partitions are kept
    bool retentionKeepTable = true;
    bool automaticMaintenance = true;
    qint64 partitions = 0;
    QString newest; // the last partition's name (schema.table)
    QString oldest;
};

// What a new partition set is to be (partman.create_parent).
struct PartitionSetSpec {
    QString parent; // schema.table, a table declared PARTITION BY RANGE (control)
    QString control;
    QString interval = QStringLiteral("daily");
    int premake = 4;
};

// pg_partman on this database: installed, in which schema (it is relocatable), its version.
struct PartmanStatus {
    bool installed = false;
    QString schema;
    QString version;
};

class JobReader final {
public:
    explicit JobReader(Connection& connection)
        : m_connection(connection) {}

    CronStatus cronStatus();
    // Both throw NotFound (with CronStatus::problem() as its hint) where the jobs cannot be read here.
    QList<CronJob> cronJobs();
    // Newest first; of one job or all, failures only or every run.
    QList<CronRun> cronRuns(std::optional<qint64> jobId = {}, bool failedOnly = false, int limit = 100);

    PartmanStatus partmanStatus();
    // Throws NotFound when pg_partman is not installed in this database. With the status the caller
    // already read, it is not asked again.
    QList<PartitionSet> partitionSets();
    QList<PartitionSet> partitionSets(const PartmanStatus& status);

private:
    // A statement on pg_cron's tables; their absence becomes NotFound with what to do.
    Result execCron(const QString& sql, const Params& params = {});

    Connection& m_connection;
};

// A change: the statement with its values as parameters, and the same with the values written in as
// literals, which is what the user sees before it runs.
struct JobChange {
    QString sql;
    Params params;
    QString preview;
};

JobChange scheduleCronJob(const CronJobSpec& spec);
// Only what differs from `current` (an unchanged field is passed as NULL, which alter_job leaves alone).
// InvalidArgument when nothing differs.
JobChange alterCronJob(const CronJob& current, const CronJobSpec& changed);
JobChange unscheduleCronJob(qint64 jobId);

// `partmanSchema`: PartmanStatus::schema.
JobChange createPartitionSet(const QString& partmanSchema, const PartitionSetSpec& spec);
// premake and retention of a set (retention empty: keep every partition), as pg_partman's documentation
// says to change them: an UPDATE of part_config.
JobChange alterPartitionSet(const QString& partmanSchema, const QString& parent, int premake,
                            const QString& retention, bool retentionKeepTable);
// Premakes the set's partitions now and applies its retention (otherwise pg_partman's background worker
// or a scheduled job does, at its interval).
JobChange runPartitionMaintenance(const QString& partmanSchema, const QString& parent);

// Runs the change in a transaction of its own with a lock timeout (making partitions locks the parent),
// guarded like every write: on a production profile only with the guard's key. Returns the first value
// the statement returned (a new job's id), or an empty string.
QString applyJobChange(Connection& connection, const JobChange& change, const WriteAccess& write,
                       int lockTimeoutMs = 5000);

} // namespace pgdesk::core
