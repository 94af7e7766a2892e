// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands.h"

#include <pgdesk/core/schema/tabledesign.h>

namespace pgdesk::cli {

// How staged statements (a table design, a publication) are shown and applied from the command line.
struct StatementRun {
    bool dryRun = false; // print each statement with its locks; change nothing
    bool json =
        false; // an array of {sql, phase, destructive, description, locks, rewrites, scans[, done, error]}
    int lockTimeoutMs = 5000;
    QString what;  // the command, named by the production guard's refusal
    QString table; // quoted: whose holders a busy lock names (empty: none)
};

// The statements with their lock analysis (--dry-run), or applied as the designer applies them: one
// transaction under lock_timeout, then the later steps, each reported. A destructive step was asked for by
// name on the command line: that is its confirmation, said on stderr. ExitSql when a step failed.
int runStatements(Invocation& inv, core::Connection& connection,
                  const QList<core::DesignStatement>& statements, const StatementRun& run);

} // namespace pgdesk::cli
