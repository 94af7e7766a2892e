// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "interrupt.h"
#include "output.h"

#include <pgdesk/core/admin/maintenance.h>
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/canceltoken.h>

#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>
#include <unistd.h>

namespace pgdesk::cli {

namespace {

struct MaintainRequest {
    QString object;
    core::MaintenanceOptions options;
    bool dryRun = false;
    bool progress = false;
};

// maintain OBJECT (--vacuum [--full] [--freeze] [--analyze] | --analyze | --reindex [--concurrently] |
// --refresh [--concurrently]) [--dry-run] [--progress]. --analyze alone is ANALYZE, with --vacuum VACUUM's
// option.
MaintainRequest parseRequest(const QStringList& args) {
    MaintainRequest request;
    bool vacuum = false, analyze = false, reindex = false, refresh = false;
    for (const QString& arg : args) {
        if (arg == QLatin1String("--vacuum"))
            vacuum = true;
        else if (arg == QLatin1String("--analyze"))
            analyze = true;
        else if (arg == QLatin1String("--reindex"))
            reindex = true;
        else if (arg == QLatin1String("--refresh"))
            refresh = true;
        else if (arg == QLatin1String("--full"))
            request.options.full = true;
        else if (arg == QLatin1String("--freeze"))
            request.options.freeze = true;
        else if (arg == QLatin1String("--concurrently"))
            request.options.concurrently = true;
        else if (arg == QLatin1String("--dry-run"))
            request.dryRun = true;
        else if (arg == QLatin1String("--progress"))
            request.progress = true;
        else if (arg.startsWith(QLatin1String("--")))
            throw UsageError{QStringLiteral("maintain: unknown option %1").arg(arg)};
        else if (request.object.isEmpty())
            request.object = arg;
        else
            throw UsageError{
                QStringLiteral("maintain takes one object, got %1 and %2").arg(request.object, arg)};
    }
    // Never a database-wide VACUUM for a forgotten argument (pgadmin4 #4883).
    if (request.object.trimmed().isEmpty())
        throw UsageError{
            QStringLiteral("maintain needs the one table, index or materialized view to work on")};
    const int operations = int(vacuum) + int(reindex) + int(refresh) + int(analyze && !vacuum);
    if (operations != 1)
        throw UsageError{
            QStringLiteral("maintain needs exactly one of --vacuum, --analyze, --reindex, --refresh")};
    using Op = core::MaintenanceOperation;
    request.options.operation = vacuum    ? Op::Vacuum
                                : reindex ? Op::Reindex
                                : refresh ? Op::Refresh
                                          : Op::Analyze;
    request.options.analyze = vacuum && analyze;
    if (!vacuum && (request.options.full || request.options.freeze))
        throw UsageError{QStringLiteral("--full and --freeze are options of --vacuum")};
    if (request.options.concurrently && !reindex && !refresh)
        throw UsageError{QStringLiteral("--concurrently goes with --reindex or --refresh")};
    return request;
}

QString progressLine(const core::MaintenanceProgress& p) {
    QString line = QStringLiteral("maintain: ") + p.phase;
    if (p.percent() >= 0)
        line += QStringLiteral("  %1% (%2/%3)").arg(p.percent()).arg(p.done).arg(p.total);
    return line;
}

} // namespace

int cmdMaintain(Invocation& inv) {
    const MaintainRequest request = parseRequest(inv.args);
    const Format format = parseFormat(inv.global.format, {Format::Table, Format::Json});
    const Target target = resolveTarget(inv);
    core::MaintenanceRunner runner(target.profile, target.password);
    auto token = std::make_shared<core::CancelToken>();
    // Ctrl-C cancels whatever the runner's connection runs (the catalog read or the statement).
    const InterruptAction onInterrupt([token] { token->cancel(); });
    const core::MaintenanceTarget relation = runner.resolve(request.object);
    const QString statement = core::maintenanceStatement(relation, request.options);

    if (request.dryRun) {
        if (format == Format::Json)
            printJson(inv.out, QJsonObject{{QStringLiteral("statement"), statement},
                                           {QStringLiteral("dry_run"), true}});
        else
            inv.out << statement << ";\n";
        return ExitOk;
    }

    // Maintenance runs in read-only sessions too: on a production profile only with --allow-write (exit 9).
    const core::WriteAccess access = writeAccess(inv, target.profile, QStringLiteral("maintain"));
    inv.err << "pgdesk-cli: running: " << statement << ";\n";
    inv.err.flush();
    const bool terminal = isatty(STDERR_FILENO) == 1;
    bool printed = false; // a line on a terminal to end
    if (terminal || request.progress)
        runner.setProgressCallback(
            [terminal, &printed](const core::MaintenanceProgress& p) {
                printed = terminal;
                // On a terminal one line rewritten in place; in a log one line each.
                const QByteArray text = terminal ? "\r" + progressLine(p).leftJustified(72).toUtf8()
                                                 : progressLine(p).toUtf8() + '\n';
                std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
                std::fflush(stderr);
            },
            500);
    core::MaintenanceResult result;
    try {
        result = runner.run(relation, request.options, token, access);
    } catch (...) {
        if (printed)
            std::fputs("\n", stderr);
        throw;
    }
    if (printed)
        std::fputs("\n", stderr);
    for (const QString& notice : std::as_const(result.notices))
        inv.err << "pgdesk-cli: server: " << notice << '\n';

    if (format == Format::Json) {
        printJson(inv.out, QJsonObject{
                               {QStringLiteral("object"), relation.schema + QLatin1Char('.') + relation.name},
                               {QStringLiteral("kind"), relation.kindName()},
                               {QStringLiteral("operation"),
                                core::maintenanceOperationName(request.options.operation)},
                               {QStringLiteral("statement"), result.statement},
                               {QStringLiteral("command"), result.commandTag},
                               {QStringLiteral("duration_ms"), result.durationMs},
                               {QStringLiteral("notices"), QJsonArray::fromStringList(result.notices)},
                           });
        return ExitOk;
    }
    inv.out << result.commandTag << " " << relation.schema << '.' << relation.name << " ("
            << result.durationMs << " ms)\n";
    return ExitOk;
}

} // namespace pgdesk::cli
