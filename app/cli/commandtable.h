// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cliapp.h"

#include <QString>

#include <span>

namespace pgdesk::cli {

// One command of pgdesk-cli: what run() dispatches and --help shows.
struct CommandEntry {
    const char* name;        // the first word: "diff", "profiles"
    int (*run)(Invocation&); // null: drawn by pgdesk-cli-draw (chart, erd), see setDrawCommands()
    const char* help;        // its lines in --help: each form's synopsis, then what it does
};

struct ExitCodeEntry {
    int code;
    const char* meaning; // lines of --help's "Exit codes"
};

std::span<const CommandEntry> commandTable();
std::span<const ExitCodeEntry> exitCodeTable();
// The command named `name`, or null.
const CommandEntry* findCommand(const QString& name);

} // namespace pgdesk::cli
