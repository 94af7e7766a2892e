// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cliapp.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/writeguard.h>
#include <pgdesk/core/session/writeunlock.h>

#include <optional>

namespace pgdesk::cli {

// Where a command's connection settings come from: --dsn, --profile (password from the keychain),
// or neither (libpq's PG* environment, ~/.pgpass and pg_service.conf alone).
struct Target {
    core::ConnectionProfile profile;
    std::optional<QString> password;
};

Target resolveTarget(const Invocation& inv);
// Reads one line from standard input (for --password-stdin), once: later calls return that line. No echo
// handling needed: it is a pipe.
QString readPasswordFromStdin();
core::Connection connect(const Invocation& inv);
core::Connection connect(const Target& target);
// Whether a second connection to the target opens in a moment and quietly: `connection` reached a server
// on this machine (Unix socket or loopback), with no SSH tunnel and no command run to connect (a password
// command may ask).
bool opensQuickly(const Target& target, const core::Connection& connection);

// The production guard (core writeunlock.h). The error's field: exit 9 (ExitGuarded).
inline constexpr const char* kAllowWriteField = core::kWriteGuardField;
// The key a command that writes (`what`: "apply", "import" …) passes to core: for a write-guarded profile
// with --allow-write a fresh one; without it, throws the guard's error before anything is sent. Other
// profiles need none (empty).
core::WriteAccess writeAccess(const Invocation& inv, const core::ConnectionProfile& profile,
                              const QString& what);
// The guard's error for `what` on `profile`; `refusedByServer` when the server said 25006.
// The server's 25006 on a locked production session is the guard refusing: rethrown as such (exit 9, as
// any refusal of the guard); on a hot standby in the standby's words (exit 4). Returns for any other error.
void throwIfGuardRefused(const core::Error& e, core::Connection& connection, const core::WriteAccess& access,
                         const QString& what);

[[noreturn]] void throwWriteGuarded(const core::ConnectionProfile& profile, const QString& what,
                                    bool refusedByServer);

} // namespace pgdesk::cli
