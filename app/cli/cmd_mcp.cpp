// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "mcpserver.h"
#include "mcptools.h"

#include <csignal>
#include <cstdio>

namespace pgdesk::cli {

namespace {

int positiveNumber(const QString& option, const QString& text, int least) {
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < least)
        throw UsageError{QStringLiteral("%1 wants a whole number of at least %2").arg(option).arg(least)};
    return value;
}

} // namespace

// mcp --profile NAME [--allow-write] [--row-limit N] [--statement-timeout MS] [--log FILE]: an MCP server on
// standard input and output for one profile, until standard input closes.
int cmdMcp(Invocation& inv) {
    McpOptions options;
    options.allowWrite = inv.global.allowWrite;
    for (qsizetype i = 0; i < inv.args.size(); ++i) {
        const QString& arg = inv.args[i];
        if (arg == QLatin1String("--row-limit"))
            options.rowLimit = positiveNumber(arg, optionValue(inv.args, i), 1);
        else if (arg == QLatin1String("--statement-timeout"))
            options.statementTimeoutMs = positiveNumber(arg, optionValue(inv.args, i), 1);
        else if (arg == QLatin1String("--log"))
            options.logPath = optionValue(inv.args, i);
        else
            throw UsageError{QStringLiteral("mcp: unexpected argument \"%1\"").arg(arg)};
    }
    // A saved profile only: its password stays in the keychain (or its command); a DSN on a command line
    // would put one where every process may read it, and standard input is the protocol's.
    if (inv.global.profile.isEmpty() || !inv.global.dsn.isEmpty())
        throw UsageError{QStringLiteral("mcp serves one saved profile: --profile NAME (not --dsn)")};
    if (inv.global.passwordStdin)
        throw UsageError{
            QStringLiteral("mcp reads its messages from standard input: store the password in the "
                           "keychain (profiles add … --password-stdin) or give the profile a "
                           "password command")};
    McpTools tools(resolveTarget(inv), options);
    tools.connect(); // a profile that cannot connect stops here, with its exit code
    // A client that goes mid-answer must not kill the server with SIGPIPE: the write fails, the next read
    // ends.
    std::signal(SIGPIPE, SIG_IGN);
    McpServer(tools).serve(stdin, stdout);
    return ExitOk;
}

} // namespace pgdesk::cli
