// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliapp.h"
#include "commands.h"
#include "commandtable.h"
#include "connect.h"
#include "exitcodes.h"
#include "sshoptions.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/version.h>

#include <cstdio>

namespace pgdesk::cli {

QString optionValue(const QStringList& args, qsizetype& i) {
    if (i + 1 >= args.size())
        throw UsageError{QStringLiteral("%1 needs a value").arg(args.at(i))};
    return args.at(++i);
}

bool openInput(QFile& file, const QString& path) {
    if (path == QLatin1String("-"))
        return file.open(stdin, QIODevice::ReadOnly);
    file.setFileName(path);
    return file.open(QIODevice::ReadOnly);
}

namespace {

DrawCommands g_drawCommands; // set once by pgdesk-cli-draw's main() before run()

// A global option at args[i] (with its value, i moved onto it) into `global`; false when args[i] is not one.
bool takeGlobalOption(const QStringList& args, qsizetype& i, GlobalOptions& global, bool database) {
    const QString& a = args.at(i);
    if (a == QLatin1String("--profile"))
        global.profile = optionValue(args, i);
    else if (a == QLatin1String("--dsn"))
        global.dsn = optionValue(args, i);
    else if (a == QLatin1String("--format"))
        global.format = optionValue(args, i);
    else if (database && a == QLatin1String("--database"))
        global.database = optionValue(args, i);
    else if (a == QLatin1String("--password-stdin"))
        global.passwordStdin = true;
    else if (a == QLatin1String("--allow-write"))
        global.allowWrite = true;
    else if (isSshOption(a))
        global.ssh << a << (sshOptionTakesValue(a) ? optionValue(args, i) : QString());
    else
        return false;
    return true;
}

} // namespace

void setDrawCommands(const DrawCommands& commands) {
    g_drawCommands = commands;
}

namespace {
QtMessageHandler g_qtHandler = nullptr; // Qt's own, for the messages that are PgDesk's
}

void keepQtMessagesOwn() {
    if (!qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        return;
    g_qtHandler =
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext& context, const QString& text) {
            // PgDesk's own categories (pgdesk.sql: a profile's echo of its statements) print as they always
            // did.
            const bool own = context.category && qstrncmp(context.category, "pgdesk", 6) == 0;
            if (!own && type != QtCriticalMsg && type != QtFatalMsg)
                return;
            if (g_qtHandler)
                g_qtHandler(type, context, text);
            else
                std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, text)));
        });
}

int run(const QStringList& arguments) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    try {
        GlobalOptions global;
        QStringList rest;
        for (qsizetype i = 0; i < arguments.size(); ++i) {
            const QString& a = arguments[i];
            if (!rest.isEmpty()) {
                // Global options may also follow the command; everything else belongs to it. The --database
                // of restore, profiles add, log (a filter) and jobs (where a job runs) stays theirs.
                static const QStringList withOwnDatabase{QStringLiteral("restore"),
                                                         QStringLiteral("profiles"), QStringLiteral("log"),
                                                         QStringLiteral("jobs")};
                const bool ownDatabase = withOwnDatabase.contains(rest.first());
                if (!takeGlobalOption(arguments, i, global, !ownDatabase))
                    rest << a;
                continue;
            }
            if (a == QLatin1String("-h") || a == QLatin1String("--help") || a == QLatin1String("help")) {
                out << helpText();
                return ExitOk;
            }
            if (a == QLatin1String("-v") || a == QLatin1String("--version")) {
                out << "pgdesk-cli " << core::pgdeskVersion() << " (Qt " << core::qtVersion() << ", libpq "
                    << core::libpqVersion() << ")\n";
                return ExitOk;
            }
            if (takeGlobalOption(arguments, i, global, true))
                continue;
            if (a.startsWith(QLatin1String("--")))
                throw UsageError{QStringLiteral("unknown option %1").arg(a)};
            rest << a;
        }
        if (rest.isEmpty())
            throw UsageError{QStringLiteral("no command given")};
        const QString command = rest.takeFirst();
        // The password is the first line of standard input, read before a command reads the rest (a
        // change set or CSV given as "-"); later asks get the same line.
        if (global.passwordStdin)
            readPasswordFromStdin();
        installTerminalPrompter();
        Invocation inv{rest, global, out, err};
        const CommandEntry* entry = findCommand(command);
        if (!entry)
            throw UsageError{QStringLiteral("unknown command \"%1\"").arg(command)};
        if (entry->run)
            return entry->run(inv);
        const auto draw = command == QLatin1String("chart") ? g_drawCommands.chart
                          : command == QLatin1String("erd") ? g_drawCommands.erd
                                                            : g_drawCommands.notebook;
        if (!draw)
            throw UsageError{command + QStringLiteral(" is drawn by pgdesk-cli-draw, which is neither beside "
                                                      "pgdesk-cli nor in its ../libexec/pgdesk")};
        return draw(inv);
    } catch (const UsageError& e) {
        err << "pgdesk-cli: " << e.message << "\nTry 'pgdesk-cli --help'.\n";
        return ExitUsage;
    } catch (const core::Error& e) {
        err << "pgdesk-cli: " << e.displayText() << '\n';
        return exitCodeFor(e);
    } catch (const std::exception& e) {
        err << "pgdesk-cli: " << QString::fromUtf8(e.what()) << '\n';
        return exitCodeFor(e);
    }
}

} // namespace pgdesk::cli
