// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/writeunlock.h>

namespace pgdesk::core {

std::shared_ptr<const WriteUnlock> WriteUnlock::create() {
    return std::shared_ptr<const WriteUnlock>(new WriteUnlock());
}

ConnectionProfile unlockedProfile(const ConnectionProfile& profile, const WriteUnlock& /*key*/) {
    ConnectionProfile p = profile;
    if (p.environment == Environment::Production)
        p.environment = Environment::None;
    return p;
}

WriteScope::WriteScope(Connection& connection, const WriteAccess& access) {
    if (access && connection.profile().writeGuarded() && !connection.writesUnlocked()) {
        connection.unlockWrites(*access);
        m_unlocked = &connection;
    }
}

WriteScope::~WriteScope() {
    if (!m_unlocked)
        return;
    try {
        m_unlocked->lockWrites();
    } catch (...) {
        // A connection that cannot take the SET is broken; the pool re-locks or discards it at checkin.
    }
}

} // namespace pgdesk::core
