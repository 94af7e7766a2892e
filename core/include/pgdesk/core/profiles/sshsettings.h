// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace pgdesk::core {

// How an unknown SSH host key is handled. A key that changed is always refused (ssh's own rule under
// StrictHostKeyChecking=ask|yes); "no" and "accept-new" are never used: a key is never accepted silently.
enum class SshHostKeyPolicy {
    Ask,    // the prompt is shown to the user: accept once, accept always, refuse
    Strict, // only keys already in known_hosts (StrictHostKeyChecking=yes)
};

QString sshHostKeyPolicyName(SshHostKeyPolicy policy);            // "ask", "strict"
SshHostKeyPolicy sshHostKeyPolicyFromString(const QString& text); // throws ConfigurationError

// The SSH hop(s) in front of a profile's server: the database's host and port are reached from the last
// hop (`ssh -L`). Empty host = no tunnel. Secrets (password, key passphrase) are never here: they live in
// the keychain under sshSecretName(profile) or are asked for through the askpass helper.
struct SshSettings {
    QString host;          // host name, address or ~/.ssh/config alias (used as-is)
    QString user;          // empty = ssh's default (config, then the local user)
    int port = 0;          // 0 = ssh's default (config, then 22)
    QString identityFile;  // empty = ssh's defaults and the agent
    QStringList jumpHosts; // ProxyJump hops in order, each [user@]host[:port] or an alias
    bool useAgent = true;  // false: IdentityAgent none
    SshHostKeyPolicy hostKeyPolicy = SshHostKeyPolicy::Ask;
    QString configFile; // ssh_config to use instead of ~/.ssh/config and /etc/ssh/ssh_config (ssh -F)

    bool enabled() const { return !host.isEmpty(); }
    bool operator==(const SshSettings&) const = default;

    // Throws ConfigurationError naming the field ("ssh_host", "ssh_port", "ssh_jump", …).
    void validate() const;
    // "[user@]host[:port]" (a bracketed IPv6 address too); throws ConfigurationError.
    static SshSettings fromDestination(const QString& destination);
    QString destination() const; // the inverse, for display

    QJsonObject toJson() const;
    static SshSettings fromJson(const QJsonObject& object); // throws ConfigurationError
};

// A port as a profile file holds it: a whole number 1..65535 (0 when absent or null). Anything else throws
// ConfigurationError(field) quoting the value as given ("port must be … not 1e+30").
int portFromJson(const QJsonValue& value, const QString& field, const QString& what);

// Whether text may go into a generated ssh_config inside quotes: no quote, backslash or control character
// (a line break would start a directive of its own).
bool isSshConfigValue(const QString& text);

// The keychain entry (SecretStore name) of a profile's SSH password or key passphrase.
QString sshSecretName(const QString& profileName);

} // namespace pgdesk::core
