#pragma once

#include "cliapp.h"

#include <pgdesk/core/connection.h>

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

} // namespace pgdesk::cli
