// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <exception>

namespace pgdesk::cli {

// Explained by the command table (commandtable.cpp: --help), docs/CLI.md and the man page.
enum ExitCode : int {
    ExitOk = 0,
    ExitDifferent = 1,   // diff: the schemas differ (or still differ after --apply)
    ExitUsage = 2,       // usage or configuration error
    ExitConnection = 3,  // connection or authentication error
    ExitSql = 4,         // SQL error (message shows the SQLSTATE), a statement timeout too
    ExitConflict = 5,    // change-set conflict, nothing applied
    ExitNotFound = 6,    // profile, table, column or row not found
    ExitUnknown = 7,     // apply lost the connection during COMMIT and could not ask: all or nothing applied
    ExitTool = 8,        // backup/restore: pg_dump, pg_restore or psql failed (its error lines shown)
    ExitGuarded = 9,     // a production profile's write without --allow-write; nothing written
    ExitOutput = 10,     // the output file could not be written (disk full, I/O error); none left behind
    ExitCancelled = 130, // the user's interrupt only (interruptRequested())
};

// The exit code for an exception thrown by a command.
int exitCodeFor(const std::exception& error);

} // namespace pgdesk::cli
