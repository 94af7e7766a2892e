// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/server/jobs.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/server/guardedstatement.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>

namespace pgdesk::core {

namespace {

// Builds a change's statement and its preview side by side: a value is $n in one and a literal in the
// other, so the preview shows exactly what runs (no placeholder is substituted into text afterwards).
class ChangeBuilder {
public:
    ChangeBuilder& text(const QString& sql) {
        m_change.sql += sql;
        m_change.preview += sql;
        return *this;
    }
    ChangeBuilder& value(const QString& value, const QString& cast = {}) {
        m_change.params << param(value);
        m_change.sql += QStringLiteral("$%1").arg(m_change.params.size()) + cast;
        m_change.preview += quoteLiteralPure(value) + cast;
        return *this;
    }
    ChangeBuilder& valueOrNull(const QString& value, const QString& cast = {}) {
        if (!value.isEmpty())
            return this->value(value, cast);
        m_change.params << nullParam();
        m_change.sql += QStringLiteral("$%1").arg(m_change.params.size()) + cast;
        m_change.preview += QStringLiteral("NULL") + cast;
        return *this;
    }
    JobChange take() { return std::move(m_change); }

private:
    JobChange m_change;
};

QString boolText(bool value) {
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

QDateTime epochMs(const Result& r, int row, int column) {
    return r.isNull(row, column)
               ? QDateTime()
               : QDateTime::fromMSecsSinceEpoch(r.text(row, column).toLongLong(), QTimeZone::utc());
}

// Epoch milliseconds of a timestamptz expression, so times arrive without a client-side zone parse.
QString msOf(const QString& expression) {
    return QStringLiteral("(extract(epoch FROM %1) * 1000)::bigint").arg(expression);
}

} // namespace

QString CronStatus::problem() const {
    if (!loaded)
        return QStringLiteral(
            "pg_cron is not loaded on this server: install it (Debian: postgresql-15-cron), add pg_cron to "
            "shared_preload_libraries (a restart), then CREATE EXTENSION pg_cron in the database "
            "cron.database_name names (postgres unless set)");
    if (database != currentDatabase)
        return QStringLiteral("pg_cron keeps this server's jobs in database \"%1\", not \"%2\": connect to "
                              "\"%1\" to see them and to schedule jobs for any database")
            .arg(database, currentDatabase);
    if (!installed)
        return QStringLiteral("pg_cron is loaded but not installed in \"%1\": CREATE EXTENSION pg_cron there")
            .arg(database);
    return {};
}

CronStatus JobReader::cronStatus() {
    // cron.database_name exists only where the library is loaded.
    const Result r = m_connection.exec(
        QStringLiteral("SELECT current_setting('cron.database_name', true), current_database(), "
                       "(SELECT extversion FROM pg_extension WHERE extname = 'pg_cron')"));
    CronStatus status;
    status.loaded = !r.isNull(0, 0) && !r.text(0, 0).isEmpty();
    status.database = r.text(0, 0);
    status.currentDatabase = r.text(0, 1);
    status.installed = !r.isNull(0, 2);
    status.version = r.text(0, 2);
    return status;
}

Result JobReader::execCron(const QString& sql, const Params& params) {
    // The status is asked only when the cron schema is not there (not loaded, not installed, another
    // database): a refresh that works costs no statement more.
    try {
        return m_connection.exec(sql, params);
    } catch (const Error& e) {
        if (e.sqlState() != QLatin1String("42P01") && e.sqlState() != QLatin1String("3F000"))
            throw;
        const QString problem = cronStatus().problem();
        if (problem.isEmpty())
            throw;
        ErrorInfo info;
        info.kind = ErrorKind::NotFound;
        info.message = QStringLiteral("no pg_cron jobs here");
        info.hint = problem;
        throwError(info);
    }
}

QList<CronJob> JobReader::cronJobs() {
    // One statement: each job, its latest run, and its runs and failures in the kept history.
    const Result r = execCron(
        QStringLiteral(
            "SELECT j.jobid, coalesce(j.jobname::text, ''), j.schedule, j.command, j.database, j.username, "
            "j.active, coalesce(l.status, ''), %1, %2, coalesce(l.return_message, ''), "
            "coalesce(s.runs, 0), coalesce(s.failures, 0) FROM cron.job j "
            "LEFT JOIN LATERAL (SELECT d.status, d.start_time, d.end_time, d.return_message "
            "FROM cron.job_run_details d WHERE d.jobid = j.jobid ORDER BY d.runid DESC LIMIT 1) l ON true "
            "LEFT JOIN (SELECT jobid, count(*) AS runs, count(*) FILTER (WHERE status = 'failed') AS "
            "failures FROM cron.job_run_details GROUP BY jobid) s ON s.jobid = j.jobid ORDER BY j.jobid")
            .arg(msOf(QStringLiteral("l.start_time")), msOf(QStringLiteral("l.end_time"))));
    QList<CronJob> out;
    out.reserve(r.rowCount());
    for (int row = 0; row < r.rowCount(); ++row) {
        CronJob j;
        j.id = r.text(row, 0).toLongLong();
        j.name = r.text(row, 1);
        j.schedule = r.text(row, 2);
        j.command = r.text(row, 3);
        j.database = r.text(row, 4);
        j.user = r.text(row, 5);
        j.active = r.text(row, 6) == QLatin1String("t");
        j.lastStatus = r.text(row, 7);
        j.lastStart = epochMs(r, row, 8);
        j.lastEnd = epochMs(r, row, 9);
        j.lastMessage = r.text(row, 10);
        j.runs = r.text(row, 11).toLongLong();
        j.failures = r.text(row, 12).toLongLong();
        out << j;
    }
    return out;
}

QList<CronRun> JobReader::cronRuns(std::optional<qint64> jobId, bool failedOnly, int limit) {
    const Result r = execCron(
        QStringLiteral("SELECT runid, jobid, coalesce(job_pid, 0), coalesce(database, ''), "
                       "coalesce(username, ''), coalesce(command, ''), coalesce(status, ''), "
                       "coalesce(return_message, ''), %1, %2 FROM cron.job_run_details "
                       "WHERE ($1::bigint IS NULL OR jobid = $1::bigint) AND (NOT $2::boolean OR status = "
                       "'failed') ORDER BY runid DESC LIMIT $3::int")
            .arg(msOf(QStringLiteral("start_time")), msOf(QStringLiteral("end_time"))),
        {jobId ? param(static_cast<long long>(*jobId)) : nullParam(), param(boolText(failedOnly)),
         param(static_cast<long long>(std::max(0, limit)))});
    QList<CronRun> out;
    out.reserve(r.rowCount());
    for (int row = 0; row < r.rowCount(); ++row) {
        CronRun run;
        run.runId = r.text(row, 0).toLongLong();
        run.jobId = r.text(row, 1).toLongLong();
        run.pid = r.text(row, 2).toLongLong();
        run.database = r.text(row, 3);
        run.user = r.text(row, 4);
        run.command = r.text(row, 5);
        run.status = r.text(row, 6);
        run.message = r.text(row, 7);
        run.start = epochMs(r, row, 8);
        run.end = epochMs(r, row, 9);
        out << run;
    }
    return out;
}

PartmanStatus JobReader::partmanStatus() {
    const Result r = m_connection.exec(
        QStringLiteral("SELECT n.nspname::text, e.extversion FROM pg_extension e JOIN pg_namespace n ON "
                       "n.oid = e.extnamespace WHERE e.extname = 'pg_partman'"));
    PartmanStatus status;
    if (r.rowCount() == 1) {
        status.installed = true;
        status.schema = r.text(0, 0);
        status.version = r.text(0, 1);
    }
    return status;
}

QList<PartitionSet> JobReader::partitionSets() {
    return partitionSets(partmanStatus());
}

QList<PartitionSet> JobReader::partitionSets(const PartmanStatus& status) {
    if (!status.installed)
        throwError(ErrorKind::NotFound,
                   QStringLiteral("pg_partman is not installed in this database (Debian: "
                                  "postgresql-15-partman, then CREATE EXTENSION pg_partman SCHEMA partman)"));
    const QString schema = quoteIdentifier(status.schema);
    // show_partitions orders by the partitions' bounds, which their names need not.
    const Result r = m_connection.exec(
        QStringLiteral("SELECT c.parent_table, c.control, c.partition_type, c.partition_interval, c.premake, "
                       "coalesce(c.retention, ''), c.retention_keep_table, c.automatic_maintenance = 'on', "
                       "(SELECT count(*) FROM %1.show_partitions(c.parent_table)), "
                       "(SELECT p.partition_schemaname || '.' || p.partition_tablename FROM "
                       "%1.show_partitions(c.parent_table, 'DESC') p LIMIT 1), "
                       "(SELECT p.partition_schemaname || '.' || p.partition_tablename FROM "
                       "%1.show_partitions(c.parent_table, 'ASC') p LIMIT 1) "
                       "FROM %1.part_config c ORDER BY c.parent_table")
            .arg(schema));
    QList<PartitionSet> out;
    out.reserve(r.rowCount());
    for (int row = 0; row < r.rowCount(); ++row) {
        PartitionSet s;
        s.parent = r.text(row, 0);
        s.control = r.text(row, 1);
        s.type = r.text(row, 2);
        s.interval = r.text(row, 3);
        s.premake = r.text(row, 4).toInt();
        s.retention = r.text(row, 5);
        s.retentionKeepTable = r.text(row, 6) == QLatin1String("t");
        s.automaticMaintenance = r.text(row, 7) == QLatin1String("t");
        s.partitions = r.text(row, 8).toLongLong();
        s.newest = r.text(row, 9);
        s.oldest = r.text(row, 10);
        out << s;
    }
    return out;
}

JobChange scheduleCronJob(const CronJobSpec& spec) {
    if (spec.schedule.trimmed().isEmpty() || spec.command.trimmed().isEmpty())
        throwConfigurationError(spec.schedule.trimmed().isEmpty() ? QStringLiteral("schedule")
                                                                  : QStringLiteral("command"),
                                QStringLiteral("a job needs a schedule and a command"));
    ChangeBuilder b;
    if (spec.name.isEmpty()) {
        // pg_cron names every job made for another database or user, or inactive (schedule_in_database).
        if (!spec.database.isEmpty() || !spec.user.isEmpty() || !spec.active.value_or(true))
            throwConfigurationError(QStringLiteral("name"),
                                    QStringLiteral("a job for another database or user, or made inactive, "
                                                   "needs a name (pg_cron's rule)"));
        b.text(QStringLiteral("SELECT cron.schedule(schedule := "))
            .value(spec.schedule)
            .text(QStringLiteral(", command := "))
            .value(spec.command)
            .text(QStringLiteral(")"));
        return b.take();
    }
    b.text(QStringLiteral("SELECT cron.schedule_in_database(job_name := "))
        .value(spec.name)
        .text(QStringLiteral(", schedule := "))
        .value(spec.schedule)
        .text(QStringLiteral(", command := "))
        .value(spec.command)
        .text(QStringLiteral(", database := "));
    if (spec.database.isEmpty())
        b.text(QStringLiteral("current_database()"));
    else
        b.value(spec.database);
    b.text(QStringLiteral(", username := "))
        .valueOrNull(spec.user)
        .text(QStringLiteral(", active := "))
        .value(boolText(spec.active.value_or(true)), QStringLiteral("::boolean"))
        .text(QStringLiteral(")"));
    return b.take();
}

JobChange alterCronJob(const CronJob& current, const CronJobSpec& changed) {
    const auto differs = [](const QString& wanted, const QString& now) {
        return !wanted.isEmpty() && wanted != now;
    };
    const bool schedule = differs(changed.schedule, current.schedule);
    const bool command = differs(changed.command, current.command);
    const bool database = differs(changed.database, current.database);
    const bool user = differs(changed.user, current.user);
    const bool active = changed.active && *changed.active != current.active;
    if (!schedule && !command && !database && !user && !active)
        throwConfigurationError(QStringLiteral("job"),
                                QStringLiteral("job %1 is already so: nothing to change").arg(current.id));
    ChangeBuilder b;
    b.text(QStringLiteral("SELECT cron.alter_job(job_id := "))
        .value(QString::number(current.id), QStringLiteral("::bigint"));
    if (schedule)
        b.text(QStringLiteral(", schedule := ")).value(changed.schedule);
    if (command)
        b.text(QStringLiteral(", command := ")).value(changed.command);
    if (database)
        b.text(QStringLiteral(", database := ")).value(changed.database);
    if (user)
        b.text(QStringLiteral(", username := ")).value(changed.user);
    if (active)
        b.text(QStringLiteral(", active := ")).value(boolText(*changed.active), QStringLiteral("::boolean"));
    b.text(QStringLiteral(")"));
    return b.take();
}

JobChange unscheduleCronJob(qint64 jobId) {
    ChangeBuilder b;
    b.text(QStringLiteral("SELECT cron.unschedule("))
        .value(QString::number(jobId), QStringLiteral("::bigint"))
        .text(QStringLiteral(")"));
    return b.take();
}

JobChange createPartitionSet(const QString& partmanSchema, const PartitionSetSpec& spec) {
    if (spec.parent.isEmpty() || spec.control.isEmpty() || spec.interval.isEmpty())
        throwConfigurationError(QStringLiteral("parent"),
                                QStringLiteral("a partition set needs its parent table, control column and "
                                               "interval"));
    ChangeBuilder b;
    b.text(QStringLiteral("SELECT %1.create_parent(p_parent_table := ").arg(quoteIdentifier(partmanSchema)))
        .value(spec.parent)
        .text(QStringLiteral(", p_control := "))
        .value(spec.control)
        .text(QStringLiteral(", p_type := 'native', p_interval := "))
        .value(spec.interval)
        .text(QStringLiteral(", p_premake := "))
        .value(QString::number(spec.premake), QStringLiteral("::int"))
        .text(QStringLiteral(")"));
    return b.take();
}

JobChange alterPartitionSet(const QString& partmanSchema, const QString& parent, int premake,
                            const QString& retention, bool retentionKeepTable) {
    ChangeBuilder b;
    b.text(QStringLiteral("UPDATE %1.part_config SET premake = ").arg(quoteIdentifier(partmanSchema)))
        .value(QString::number(premake), QStringLiteral("::int"))
        .text(QStringLiteral(", retention = "))
        .valueOrNull(retention)
        .text(QStringLiteral(", retention_keep_table = "))
        .value(boolText(retentionKeepTable), QStringLiteral("::boolean"))
        .text(QStringLiteral(" WHERE parent_table = "))
        .value(parent)
        .text(QStringLiteral(" RETURNING parent_table"));
    return b.take();
}

JobChange runPartitionMaintenance(const QString& partmanSchema, const QString& parent) {
    ChangeBuilder b;
    b.text(QStringLiteral("SELECT %1.run_maintenance(p_parent_table := ").arg(quoteIdentifier(partmanSchema)))
        .value(parent)
        .text(QStringLiteral(")"));
    return b.take();
}

QString applyJobChange(Connection& connection, const JobChange& change, const WriteAccess& write,
                       int lockTimeoutMs) {
    // An UPDATE … RETURNING that matched nothing changed nothing: said as such.
    const Result r = runGuardedStatement(connection, change.sql, change.params, write,
                                         change.preview.section(QLatin1Char('('), 0, 0), lockTimeoutMs);
    if (r.rowCount() == 0)
        throwError(ErrorKind::NotFound, QStringLiteral("nothing matched: %1").arg(change.preview));
    return r.isNull(0, 0) ? QString() : r.text(0, 0);
}

} // namespace pgdesk::core
