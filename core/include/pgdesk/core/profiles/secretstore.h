// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <memory>
#include <optional>

namespace pgdesk::core {

// Profile passwords, only ever in the OS keychain (QtKeychain; service "PgDesk", key "profile/<name>")
// or, when that is unavailable or fails, in this process's memory. Thread-safe: every keychain job runs
// on one private thread (QtKeychain's job queue is not thread-safe), callers block until it finishes
// or times out (10 s). Needs a QCoreApplication; without one everything stays in memory.
class SecretStore final {
public:
    static SecretStore& instance();

    SecretStore(const SecretStore&) = delete;
    SecretStore& operator=(const SecretStore&) = delete;

    // A password kept in memory for this session wins over the keychain.
    std::optional<QString> password(const QString& profile);
    // persist=true: into the keychain (on failure: memory, and lastError() says why).
    // persist=false: memory only, and any keychain copy is removed so it cannot come back next time.
    void setPassword(const QString& profile, const QString& password, bool persist = true);
    void removePassword(const QString& profile); // from memory and keychain
    // Whether a keychain backend answers; probed once per process.
    bool keychainAvailable();
    // Why the last call fell back to memory or failed; empty when it went fine. Never holds a password.
    QString lastError() const;

private:
    SecretStore();
    ~SecretStore();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace pgdesk::core
