// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "connect.h"
#include "dumprun.h"
#include "exitcodes.h"
#include "interrupt.h"

#include <pgdesk/core/admin/dumprunner.h>
#include <pgdesk/core/admin/dumptool.h>
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/passwordcommand.h>

#include <QEventLoop>
#include <QFileInfo>
#include <QMetaObject>
#include <QTextStream>

#include <cstdio>
#include <optional>
#include <unistd.h>

namespace pgdesk::cli {

namespace {

// "schema.table" or "table" (public); a part with dots is "double-quoted", "" for a quote.
core::DumpTable parseTableName(const QString& text) {
    QStringList parts;
    QString current;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('"')) {
            if (quoted && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                current += c;
                ++i;
            } else {
                quoted = !quoted;
            }
        } else if (c == QLatin1Char('.') && !quoted) {
            parts << current;
            current.clear();
        } else {
            current += c;
        }
    }
    parts << current;
    if (quoted || parts.size() > 2 || parts.contains(QString()))
        throw UsageError{
            QStringLiteral("--table takes SCHEMA.TABLE (quote a part holding dots: \"a.b\".t), not %1")
                .arg(text)};
    return parts.size() == 1 ? core::DumpTable{QStringLiteral("public"), parts[0]}
                             : core::DumpTable{parts[0], parts[1]};
}

} // namespace

// backup [--schema S]... [--table T]... [--format custom|plain|directory] -o PATH [--schema-only|--data-only]
// [--jobs N] [--compress N] [--no-owner] [--no-privileges] [--print-command]
int cmdBackup(Invocation& inv) {
    core::BackupOptions options;
    QString output;
    bool printCommand = false;
    for (qsizetype i = 0; i < inv.args.size(); ++i) {
        const QString& a = inv.args[i];
        const auto value = [&] { return optionValue(inv.args, i); };
        auto number = [&](int min, int max) {
            bool ok = false;
            const int n = value().toInt(&ok);
            if (!ok || n < min || n > max)
                throw UsageError{QStringLiteral("%1 takes a number from %2 to %3").arg(a).arg(min).arg(max)};
            return n;
        };
        if (a == QLatin1String("--schema"))
            options.schemas << value();
        else if (a == QLatin1String("--table"))
            options.tables << parseTableName(value());
        else if (a == QLatin1String("-o") || a == QLatin1String("--output"))
            output = value();
        else if (a == QLatin1String("--schema-only"))
            options.content = core::DumpContent::SchemaOnly;
        else if (a == QLatin1String("--data-only"))
            options.content = core::DumpContent::DataOnly;
        else if (a == QLatin1String("--jobs"))
            options.jobs = number(1, 64);
        else if (a == QLatin1String("--compress"))
            options.compression = number(0, 9);
        else if (a == QLatin1String("--no-owner"))
            options.noOwner = true;
        else if (a == QLatin1String("--no-privileges"))
            options.noPrivileges = true;
        else if (a == QLatin1String("--print-command"))
            printCommand = true;
        else
            throw UsageError{QStringLiteral("backup does not take %1").arg(a)};
    }
    if (output.isEmpty())
        throw UsageError{QStringLiteral("backup needs -o PATH")};
    if (!inv.global.format.isEmpty())
        options.format = core::dumpFormatFromString(inv.global.format);
    else if (output.endsWith(QLatin1String(".sql")))
        options.format = core::DumpFormat::Plain;

    const Target target = resolveTarget(inv);
    if (printCommand) {
        const auto pgDump = core::findDumpProgram(QStringLiteral("pg_dump"), 0);
        inv.out << core::backupCommand(pgDump, target.profile, options, output).displayText() << '\n';
        return ExitOk;
    }
    auto connection = core::Connection::open(target.profile, target.password);
    setInterruptTarget(connection.cancelHandle());
    const auto pgDump = core::findDumpProgram(QStringLiteral("pg_dump"), connection.serverVersion());
    core::DumpCommand command = core::backupCommand(pgDump, target.profile, options, output);
    core::routeThroughTunnel(command, target.profile); // the connection's tunnel, already up
    const int total = core::dumpTableCount(connection, options);
    clearInterruptTarget();
    core::DumpRunner runner;
    // pg_dump/pg_restore/psql get a fresh token of the profile's password command (in their pgpass file).
    run(inv, runner, command, core::connectionPassword(target.profile, target.password), total);
    return outcome(
        inv, runner,
        QStringLiteral("backup written to %1 (%2 tables)").arg(command.outputPath).arg(runner.tablesDone()));
}

// restore PATH --database DB [--clean] [--no-owner] [--yes] [--print-command]
int cmdRestore(Invocation& inv) {
    core::RestoreOptions options;
    QString input;
    bool yes = false, printCommand = false;
    for (qsizetype i = 0; i < inv.args.size(); ++i) {
        const QString& a = inv.args[i];
        if (a == QLatin1String("--database") || a == QLatin1String("-d")) {
            options.database = optionValue(inv.args, i);
        } else if (a == QLatin1String("--clean")) {
            options.clean = true;
        } else if (a == QLatin1String("--no-owner")) {
            options.noOwner = true;
        } else if (a == QLatin1String("--yes")) {
            yes = true;
        } else if (a == QLatin1String("--print-command")) {
            printCommand = true;
        } else if (a.startsWith(QLatin1String("--")) || !input.isEmpty()) {
            throw UsageError{QStringLiteral("restore does not take %1").arg(a)};
        } else {
            input = a;
        }
    }
    if (input.isEmpty())
        throw UsageError{QStringLiteral("restore needs the backup's PATH")};
    if (options.database.isEmpty())
        throw UsageError{
            QStringLiteral("restore needs --database DB: the existing database to restore into")};
    if (!QFileInfo::exists(input))
        core::throwError(core::ErrorKind::NotFound, QStringLiteral("no backup at %1").arg(input));
    const core::DumpFormat format = core::detectDumpFormat(input);
    const QString programName =
        format == core::DumpFormat::Plain ? QStringLiteral("psql") : QStringLiteral("pg_restore");

    Target target = resolveTarget(inv);
    // The production guard: checked before the prompt; pg_restore and psql then start unlocked.
    if (const core::WriteAccess access =
            printCommand ? nullptr : writeAccess(inv, target.profile, QStringLiteral("restore")))
        target.profile = core::unlockedProfile(target.profile, *access);
    if (printCommand) {
        const auto program = core::findDumpProgram(programName, 0);
        inv.out << core::restoreCommand(program, target.profile, options, format, input).displayText()
                << '\n';
        return ExitOk;
    }
    // A plain file is checked before the prompt: one holding psql meta-commands (\!, \connect, …) is refused.
    std::optional<core::DumpCommand> plainCommand;
    int plainTables = -1;
    if (format == core::DumpFormat::Plain) {
        const auto psql = core::findDumpProgram(programName, 0);
        plainCommand = core::restoreCommand(psql, target.profile, options, format, input);
        plainTables = core::guardPlainRestore(*plainCommand, psql.version).copyBlocks;
    }
    if (!yes) {
        if (isatty(STDIN_FILENO) == 0)
            throw UsageError{
                QStringLiteral("restoring into \"%1\" needs --yes when standard input is not a terminal")
                    .arg(options.database)};
        inv.err << "Restore " << input << " into the database \"" << options.database
                << "\"? Its objects are created there"
                << (options.clean ? ", replacing those of the same name" : "")
                << ".\nType the database's name to confirm: ";
        inv.err.flush();
        QTextStream in(stdin);
        if (in.readLine() != options.database) {
            inv.err << "pgdesk-cli: not confirmed; nothing was restored\n";
            return ExitUsage;
        }
    }
    core::ConnectionProfile into = target.profile;
    into.database = options.database;
    auto connection = core::Connection::open(into, target.password); // the database must exist
    core::DumpCommand command;
    int total = plainTables;
    if (plainCommand) {
        command = *plainCommand;
    } else {
        const auto program = core::findDumpProgram(programName, connection.serverVersion());
        command = core::restoreCommand(program, target.profile, options, format, input);
        total = core::archiveTableCount(program.path, format, input);
    }
    core::routeThroughTunnel(command, target.profile);
    core::DumpRunner runner;
    // pg_dump/pg_restore/psql get a fresh token of the profile's password command (in their pgpass file).
    run(inv, runner, command, core::connectionPassword(target.profile, target.password), total);
    return outcome(inv, runner,
                   QStringLiteral("restored %1 into %2 (%3 tables)")
                       .arg(input, options.database)
                       .arg(runner.tablesDone()));
}

} // namespace pgdesk::cli
