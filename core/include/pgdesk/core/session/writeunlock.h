// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>

#include <memory>

namespace pgdesk::core {

class Connection;

// The production guard's key (ConnectionProfile::writeGuarded()). A production profile's sessions are
// read-only on the server (default_transaction_read_only, or SET LOCAL transaction_read_only through a
// pooler); only the holder of a WriteUnlock writes: a tab whose user unlocked writing, the CLI given
// --allow-write. Operations take a WriteAccess (a shared reference to it, empty = locked: AtomicOptions,
// ImportOptions, ScriptRunOptions::write …); without one the server refuses every write (25006). Dropping the
// key (closing the tab) locks again, and a pool locks a connection that comes back unlocked, whoever forgot.
class WriteUnlock final {
public:
    static std::shared_ptr<const WriteUnlock> create();

private:
    WriteUnlock() = default;
};

using WriteAccess = std::shared_ptr<const WriteUnlock>;

// For programs that connect with a profile's settings themselves (pg_restore, psql): the profile whose
// sessions start writable, given the key. Only the production guard is lifted; a readOnly profile stays
// read-only.
ConnectionProfile unlockedProfile(const ConnectionProfile& profile, const WriteUnlock& key);

// Unlocks a write-guarded connection for the scope's life when access is given (Connection::unlockWrites);
// locks it again when the scope ends. Does nothing for other profiles or without access. The connection must
// be outside a transaction when the scope begins and outlive it.
class WriteScope final {
public:
    WriteScope(Connection& connection, const WriteAccess& access);
    ~WriteScope();
    WriteScope(const WriteScope&) = delete;
    WriteScope& operator=(const WriteScope&) = delete;

private:
    Connection* m_unlocked = nullptr; // set when this scope unlocked it
};

} // namespace pgdesk::core
