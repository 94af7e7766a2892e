// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cliapp.h"

#include <pgdesk/core/admin/dumprunner.h>
#include <pgdesk/core/admin/dumptool.h>

#include <optional>

namespace pgdesk::cli {

// Runs a pg_dump, pg_restore or psql command to its end in an event loop; Ctrl-C cancels it. Progress on
// standard error when that is a terminal.
core::DumpRunner::State run(Invocation& inv, core::DumpRunner& runner, const core::DumpCommand& command,
                            const std::optional<QString>& password, int total);
// The exit code of a finished run, with its message on standard error.
int outcome(Invocation& inv, const core::DumpRunner& runner, const QString& success);

} // namespace pgdesk::cli
