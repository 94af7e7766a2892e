// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace pgdesk::core {

class Connection;

// What a refused write on a hot standby says (the CLI's error; the GUI shows its translation).
inline constexpr const char* kStandbyReadOnlyMessage =
    "This server is a read-only standby; connect to the primary to edit.";

// pg_is_in_recovery(): a hot standby takes no writes, and only says so once a transaction tries one.
bool isStandby(Connection& connection);

// Throws Error (25006, read_only_sql_transaction, as a read-only profile's refused write) with
// kStandbyReadOnlyMessage when the server is a standby, so a write fails before it starts (the CLI's apply
// and import; a standby's table tabs open read-only instead).
void refuseWritesOnStandby(Connection& connection);

} // namespace pgdesk::core
