// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/base/param.h>
#include <pgdesk/core/session/result.h>
#include <pgdesk/core/session/writeunlock.h>

#include <QString>

namespace pgdesk::core {

class Connection;

// One statement of the server views (an extension's DDL, a job's function call, a table moved to another
// tablespace) in a transaction of its own with a lock timeout: all of it or nothing, and no wait behind a
// long lock. Guarded like every write: on a production profile only with the guard's key (the refusal names
// `what`). Returns what the statement returned.
Result runGuardedStatement(Connection& connection, const QString& sql, const Params& params,
                           const WriteAccess& write, const QString& what, int lockTimeoutMs = 5000);

} // namespace pgdesk::core
