// SPDX-License-Identifier: GPL-3.0-or-later
// jobs: pg_cron's jobs and their runs, scheduled, altered, enabled, unscheduled; partman: pg_partman's
// partition sets, created and altered (core/server/jobs.h).
#include "cliapp.h"
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "output.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/server/jobs.h>

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace pgdesk::cli {

namespace {

QJsonValue timeOrNull(const QDateTime& time) {
    return time.isValid() ? QJsonValue(time.toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

QString timeText(const QDateTime& time) {
    return time.isValid() ? time.toString(Qt::ISODate) : QString();
}

int wholeNumber(const QStringList& args, qsizetype& i, const char* option) {
    bool ok = false;
    const int value = optionValue(args, i).toInt(&ok);
    if (!ok || value < 0)
        throw UsageError{QStringLiteral("%1 wants a whole number (0 or more)").arg(QLatin1String(option))};
    return value;
}

// Prints the change, and runs it unless --dry-run; a new job's id on standard error.
int runChange(Invocation& inv, core::Connection& connection, const core::JobChange& change, bool dryRun,
              const QString& what) {
    if (dryRun) {
        inv.out << change.preview << ";\n";
        return ExitOk;
    }
    const core::WriteAccess access = writeAccess(inv, connection.profile(), what);
    try {
        const QString value = core::applyJobChange(connection, change, access);
        inv.out << change.preview << ";\n";
        if (what == QLatin1String("jobs schedule"))
            inv.err << "pgdesk-cli: job " << value << " scheduled\n";
    } catch (const core::Error& e) {
        throwIfGuardRefused(e, connection, access, what);
        throw;
    }
    return ExitOk;
}

int listJobs(Invocation& inv, core::Connection& connection) {
    const Format format = parseFormat(inv.global.format, {Format::Table, Format::Json});
    const QList<core::CronJob> jobs = core::JobReader(connection).cronJobs();
    if (format == Format::Json) {
        JsonArrayPrinter array(inv.out, QStringLiteral("jobs"));
        for (const core::CronJob& j : jobs)
            array.append(QJsonObject{{QStringLiteral("id"), j.id},
                                     {QStringLiteral("name"), textOrNull(j.name)},
                                     {QStringLiteral("schedule"), j.schedule},
                                     {QStringLiteral("command"), j.command},
                                     {QStringLiteral("database"), j.database},
                                     {QStringLiteral("user"), j.user},
                                     {QStringLiteral("active"), j.active},
                                     {QStringLiteral("last_status"), textOrNull(j.lastStatus)},
                                     {QStringLiteral("last_start"), timeOrNull(j.lastStart)},
                                     {QStringLiteral("last_end"), timeOrNull(j.lastEnd)},
                                     {QStringLiteral("last_message"), textOrNull(j.lastMessage)},
                                     {QStringLiteral("runs"), j.runs},
                                     {QStringLiteral("failures"), j.failures}});
        array.finish();
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const core::CronJob& j : jobs)
        rows << QStringList{QString::number(j.id),
                            j.name,
                            j.schedule,
                            j.database,
                            j.user,
                            j.active ? QStringLiteral("yes") : QStringLiteral("no"),
                            j.lastStatus,
                            timeText(j.lastStart),
                            QStringLiteral("%1/%2").arg(j.failures).arg(j.runs),
                            j.command.simplified()};
    printTable(inv.out,
               {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("schedule"),
                QStringLiteral("database"), QStringLiteral("user"), QStringLiteral("active"),
                QStringLiteral("last run"), QStringLiteral("at"), QStringLiteral("failed/runs"),
                QStringLiteral("command")},
               rows);
    return ExitOk;
}

int listRuns(Invocation& inv, core::Connection& connection, std::optional<qint64> job, bool failed,
             int limit) {
    const Format format = parseFormat(inv.global.format, {Format::Table, Format::Json});
    const QList<core::CronRun> runs = core::JobReader(connection).cronRuns(job, failed, limit);
    if (format == Format::Json) {
        JsonArrayPrinter array(inv.out, QStringLiteral("runs"));
        for (const core::CronRun& r : runs)
            array.append(QJsonObject{{QStringLiteral("run_id"), r.runId},
                                     {QStringLiteral("job_id"), r.jobId},
                                     {QStringLiteral("pid"), r.pid},
                                     {QStringLiteral("database"), r.database},
                                     {QStringLiteral("user"), r.user},
                                     {QStringLiteral("command"), r.command},
                                     {QStringLiteral("status"), r.status},
                                     {QStringLiteral("message"), textOrNull(r.message)},
                                     {QStringLiteral("start"), timeOrNull(r.start)},
                                     {QStringLiteral("end"), timeOrNull(r.end)}});
        array.finish();
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const core::CronRun& r : runs)
        rows << QStringList{QString::number(r.runId),
                            QString::number(r.jobId),
                            r.status,
                            timeText(r.start),
                            r.start.isValid() && r.end.isValid()
                                ? QStringLiteral("%1 ms").arg(r.start.msecsTo(r.end))
                                : QString(),
                            r.message.simplified()};
    printTable(inv.out,
               {QStringLiteral("run"), QStringLiteral("job"), QStringLiteral("status"),
                QStringLiteral("started"), QStringLiteral("took"), QStringLiteral("message")},
               rows);
    return ExitOk;
}

// A job by id or by name.
core::CronJob findJob(core::Connection& connection, const QString& idOrName) {
    bool numeric = false;
    const qint64 id = idOrName.toLongLong(&numeric);
    for (const core::CronJob& j : core::JobReader(connection).cronJobs())
        if ((numeric && j.id == id) || (!numeric && j.name == idOrName))
            return j;
    core::throwError(core::ErrorKind::NotFound, QStringLiteral("there is no pg_cron job %1").arg(idOrName));
}

} // namespace

// jobs [--runs [--job ID] [--failed] [--limit N]] | jobs schedule … | alter ID … | enable ID | disable ID |
// unschedule ID
int cmdJobs(Invocation& inv) {
    QStringList args = inv.args;
    const QString action =
        args.isEmpty() || args.first().startsWith(QLatin1String("--")) ? QString() : args.takeFirst();
    if (action.isEmpty()) {
        bool runs = false, failed = false;
        std::optional<qint64> job;
        int limit = 100;
        for (qsizetype i = 0; i < args.size(); ++i) {
            const QString& arg = args[i];
            if (arg == QLatin1String("--runs"))
                runs = true;
            else if (arg == QLatin1String("--failed"))
                failed = runs = true;
            else if (arg == QLatin1String("--job")) {
                job = wholeNumber(args, i, "--job");
                runs = true;
            } else if (arg == QLatin1String("--limit")) {
                limit = wholeNumber(args, i, "--limit");
            } else {
                throw UsageError{QStringLiteral("jobs: unknown option %1").arg(arg)};
            }
        }
        auto connection = connect(inv);
        return runs ? listRuns(inv, connection, job, failed, limit) : listJobs(inv, connection);
    }
    static const QStringList actions{QStringLiteral("schedule"), QStringLiteral("alter"),
                                     QStringLiteral("enable"), QStringLiteral("disable"),
                                     QStringLiteral("unschedule")};
    if (!actions.contains(action))
        throw UsageError{
            QStringLiteral("jobs: unknown action %1 (schedule, alter, enable, disable or unschedule)")
                .arg(action)};
    QString target;
    if (action != QLatin1String("schedule")) {
        if (args.isEmpty() || args.first().startsWith(QLatin1String("--")))
            throw UsageError{QStringLiteral("jobs %1 takes the job's ID or name").arg(action)};
        target = args.takeFirst();
    }
    core::CronJobSpec spec;
    bool dryRun = false;
    const bool edits = action == QLatin1String("schedule") || action == QLatin1String("alter");
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (arg == QLatin1String("--dry-run"))
            dryRun = true;
        else if (edits && arg == QLatin1String("--schedule"))
            spec.schedule = optionValue(args, i);
        else if (edits && arg == QLatin1String("--command"))
            spec.command = optionValue(args, i);
        else if (edits && arg == QLatin1String("--database"))
            spec.database = optionValue(args, i);
        else if (edits && arg == QLatin1String("--user"))
            spec.user = optionValue(args, i);
        else if (action == QLatin1String("schedule") && arg == QLatin1String("--name"))
            spec.name = optionValue(args, i);
        else if (action == QLatin1String("schedule") && arg == QLatin1String("--inactive"))
            spec.active = false;
        else
            throw UsageError{QStringLiteral("jobs %1: unknown option %2").arg(action, arg)};
    }
    if (action == QLatin1String("schedule") && (spec.schedule.isEmpty() || spec.command.isEmpty()))
        throw UsageError{QStringLiteral("jobs schedule needs --schedule CRON and --command SQL")};
    auto connection = connect(inv);
    if (const QString problem = core::JobReader(connection).cronStatus().problem(); !problem.isEmpty())
        core::throwError(core::ErrorKind::NotFound, problem);
    core::JobChange change;
    if (action == QLatin1String("schedule")) {
        change = core::scheduleCronJob(spec);
    } else {
        const core::CronJob job = findJob(connection, target);
        if (action == QLatin1String("unschedule"))
            change = core::unscheduleCronJob(job.id);
        else {
            if (action != QLatin1String("alter"))
                spec.active = action == QLatin1String("enable");
            change = core::alterCronJob(job, spec);
        }
    }
    return runChange(inv, connection, change, dryRun, QStringLiteral("jobs ") + action);
}

// partman | partman create PARENT --control COLUMN [--interval I] [--premake N] | partman alter PARENT
// [--premake N] [--retention INTERVAL|none] [--keep-table|--drop-table] | partman maintain PARENT
int cmdPartman(Invocation& inv) {
    QStringList args = inv.args;
    const QString action =
        args.isEmpty() || args.first().startsWith(QLatin1String("--")) ? QString() : args.takeFirst();
    if (action.isEmpty()) {
        if (!args.isEmpty())
            throw UsageError{QStringLiteral("partman: unknown option %1").arg(args.first())};
        const Format format = parseFormat(inv.global.format, {Format::Table, Format::Json});
        auto connection = connect(inv);
        const QList<core::PartitionSet> sets = core::JobReader(connection).partitionSets();
        if (format == Format::Json) {
            JsonArrayPrinter array(inv.out, QStringLiteral("partition_sets"));
            for (const core::PartitionSet& s : sets)
                array.append(QJsonObject{{QStringLiteral("parent"), s.parent},
                                         {QStringLiteral("control"), s.control},
                                         {QStringLiteral("type"), s.type},
                                         {QStringLiteral("interval"), s.interval},
                                         {QStringLiteral("premake"), s.premake},
                                         {QStringLiteral("retention"), textOrNull(s.retention)},
                                         {QStringLiteral("retention_keep_table"), s.retentionKeepTable},
                                         {QStringLiteral("automatic_maintenance"), s.automaticMaintenance},
                                         {QStringLiteral("partitions"), s.partitions},
                                         {QStringLiteral("newest"), textOrNull(s.newest)},
                                         {QStringLiteral("oldest"), textOrNull(s.oldest)}});
            array.finish();
            return ExitOk;
        }
        QList<QStringList> rows;
        for (const core::PartitionSet& s : sets)
            rows << QStringList{s.parent,
                                s.control,
                                s.interval,
                                QString::number(s.premake),
                                s.retention.isEmpty()  ? QStringLiteral("keep all")
                                : s.retentionKeepTable ? s.retention + QStringLiteral(" (detach)")
                                                       : s.retention + QStringLiteral(" (drop)"),
                                QString::number(s.partitions),
                                s.oldest,
                                s.newest};
        printTable(inv.out,
                   {QStringLiteral("parent"), QStringLiteral("control"), QStringLiteral("interval"),
                    QStringLiteral("premake"), QStringLiteral("retention"), QStringLiteral("partitions"),
                    QStringLiteral("oldest"), QStringLiteral("newest")},
                   rows);
        return ExitOk;
    }
    if (action != QLatin1String("create") && action != QLatin1String("alter") &&
        action != QLatin1String("maintain"))
        throw UsageError{
            QStringLiteral("partman: unknown action %1 (create, alter or maintain)").arg(action)};
    if (args.isEmpty() || args.first().startsWith(QLatin1String("--")))
        throw UsageError{QStringLiteral("partman %1 takes the parent table (schema.table)").arg(action)};
    core::PartitionSetSpec spec;
    spec.parent = args.takeFirst();
    std::optional<int> premake;
    std::optional<QString> retention;
    std::optional<bool> keepTable;
    bool dryRun = false;
    bool dropPastRetention = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (arg == QLatin1String("--dry-run"))
            dryRun = true;
        else if (action == QLatin1String("maintain") && arg == QLatin1String("--drop-past-retention"))
            dropPastRetention = true;
        else if (action != QLatin1String("maintain") && arg == QLatin1String("--premake"))
            premake = wholeNumber(args, i, "--premake");
        else if (action == QLatin1String("create") && arg == QLatin1String("--control"))
            spec.control = optionValue(args, i);
        else if (action == QLatin1String("create") && arg == QLatin1String("--interval"))
            spec.interval = optionValue(args, i);
        else if (action == QLatin1String("alter") && arg == QLatin1String("--retention"))
            retention = optionValue(args, i);
        else if (action == QLatin1String("alter") && arg == QLatin1String("--keep-table"))
            keepTable = true;
        else if (action == QLatin1String("alter") && arg == QLatin1String("--drop-table"))
            keepTable = false;
        else
            throw UsageError{QStringLiteral("partman %1: unknown option %2").arg(action, arg)};
    }
    if (action == QLatin1String("create") && spec.control.isEmpty())
        throw UsageError{QStringLiteral("partman create needs --control COLUMN")};
    auto connection = connect(inv);
    core::JobReader reader(connection);
    const core::PartmanStatus status = reader.partmanStatus();
    if (!status.installed)
        core::throwError(core::ErrorKind::NotFound,
                         QStringLiteral("pg_partman is not installed in this database"));
    core::JobChange change;
    if (action == QLatin1String("create")) {
        spec.premake = premake.value_or(spec.premake);
        change = core::createPartitionSet(status.schema, spec);
    } else {
        std::optional<core::PartitionSet> current;
        for (const core::PartitionSet& s : reader.partitionSets(status))
            if (s.parent == spec.parent)
                current = s;
        if (!current)
            core::throwError(core::ErrorKind::NotFound,
                             QStringLiteral("%1 is no partition set of pg_partman").arg(spec.parent));
        if (action == QLatin1String("maintain")) {
            // A retention that drops deletes rows: asked for by name, like extensions drop's --cascade.
            if (!current->retention.isEmpty() && !current->retentionKeepTable && !dryRun &&
                !dropPastRetention)
                core::throwError(
                    core::ErrorKind::Conflict,
                    QStringLiteral("maintenance of %1 drops its partitions whose range ended more than "
                                   "%2 ago, with their rows; nothing ran (--drop-past-retention runs "
                                   "it)")
                        .arg(spec.parent, current->retention));
            return runChange(inv, connection, core::runPartitionMaintenance(status.schema, spec.parent),
                             dryRun, QStringLiteral("partman maintain"));
        }
        // What is not given stays as it is.
        QString keep = retention.value_or(current->retention);
        if (keep == QLatin1String("none"))
            keep.clear();
        change = core::alterPartitionSet(status.schema, spec.parent, premake.value_or(current->premake), keep,
                                         keepTable.value_or(current->retentionKeepTable));
    }
    return runChange(inv, connection, change, dryRun, QStringLiteral("partman ") + action);
}

} // namespace pgdesk::cli
