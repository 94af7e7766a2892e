// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/base/conninfosecrets.h>
#include <pgdesk/core/profiles/conventionoverride.h>
#include <pgdesk/core/profiles/sshsettings.h>

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>
#include <utility>

namespace pgdesk::core {

enum class IsolationLevel { ReadCommitted, RepeatableRead, Serializable };

QString isolationLevelSql(IsolationLevel level);  // "REPEATABLE READ"
QString isolationLevelName(IsolationLevel level); // "repeatable_read"
// Accepts "read committed", "READ_COMMITTED", "repeatable-read", …; throws ConfigurationError.
IsolationLevel isolationLevelFromString(const QString& text);

// What stands between the client and the server. Through a transaction-pooling proxy (pgbouncer with
// pool_mode=transaction) startup options are refused and consecutive transactions may run on different
// server sessions, so the profile's session settings are set per transaction instead (see Connection).
enum class PoolerMode { None, Transaction };

QString poolerModeName(PoolerMode mode); // "none", "transaction"
// Accepts "none", "transaction" (any case); throws ConfigurationError.
PoolerMode poolerModeFromString(const QString& text);

// What a profile's server is for. Production is write-guarded: its sessions are read-only on the server
// (default_transaction_read_only) until a WriteUnlock opens one operation or tab for writing (writeunlock.h).
enum class Environment { None, Development, Test, Staging, Production };

QString environmentName(Environment environment); // "none", "development", "test", "staging", "production"
// Accepts those names (any case; "dev", "prod" too); throws ConfigurationError.
Environment environmentFromString(const QString& text);
// The colour shown for an environment when the profile sets none: "#rrggbb", empty for None.
QString environmentDefaultColour(Environment environment);
// Whether text is a colour a profile may keep: "#rgb" or "#rrggbb".
bool isProfileColour(const QString& text);
// How the login proves itself. Kerberos: GSSAPI with the user's ticket (kinit), so no password is asked
// for; gssencmode/krbsrvname of the profile go to libpq.
enum class Authentication { Password, Kerberos };

QString authenticationName(Authentication authentication); // "password", "kerberos"
// Accepts "password", "kerberos", "gss", "gssapi" (any case); throws ConfigurationError.
Authentication authenticationFromString(const QString& text);

// Pool settings with SQLAlchemy QueuePool meanings.
struct PoolSettings {
    int size = 5;               // connections kept open when idle
    int maxOverflow = 10;       // extra connections allowed beyond size; -1 = unlimited
    double timeoutSeconds = 30; // how long checkout waits for a free connection
    int recycleSeconds = -1;    // reconnect connections older than this at checkout; -1 = off
    bool prePing = false;       // test a connection at checkout and replace it if dead
    bool useLifo = false;       // hand out the most recently returned idle connection first

    bool operator==(const PoolSettings&) const = default;
};

// A connection profile: everything needed to connect, except the password, which lives only in the
// OS keychain (SecretStore) or in memory for one session. Fields left empty fall back to libpq's own
// conventions (PG* environment variables, ~/.pgpass, pg_service.conf via `service`).

// The longest profile name (characters); control characters are refused too.
constexpr qsizetype kMaxProfileNameLength = 200;

struct ConnectionProfile {
    QString name;    // at most kMaxProfileNameLength characters, no control characters
    QString service; // pg_service.conf entry
    QString host;    // host name, IP address or unix socket folder
    int port = 0;    // 0 = libpq default
    QString database;
    QString user;
    QString sslMode; // disable, allow, prefer, require, verify-ca, verify-full; empty = libpq default
    QString sslRootCert;
    QString sslCert;
    QString sslKey;
    QString sslCrl;
    QString applicationName = QStringLiteral("pgdesk");
    int connectTimeoutSeconds = 10; // 0 = wait forever
    int statementTimeoutMs = 0;     // 0 = server default
    int lockTimeoutMs = 0;          // 0 = server default; a lock wait longer than this fails (55P03)
    IsolationLevel isolation = IsolationLevel::RepeatableRead;
    bool readOnly = false;
    bool echo = false;           // log every SQL statement
    bool hideParameters = false; // never show parameter values in logs or errors
    bool keepalives = true;
    // Transaction: statement and lock timeouts and read-only become SET LOCAL in every transaction instead of
    // startup options; stored as "pooler_mode" (left out when None).
    PoolerMode pooler = PoolerMode::None;
    // Other libpq keywords (target_session_attrs, gssencmode, options, …) passed through verbatim.
    QList<std::pair<QString, QString>> extraOptions;
    PoolSettings pool;
    // Per-table corrections of the detected conventions, keyed by "schema.table" (unquoted); see
    // applyConventionOverride(). Stored under "conventions" (left out when empty).
    QMap<QString, ConventionOverride> conventionOverrides;
    // Stored as "environment" (left out when None); Production makes the sessions read-only until unlocked.
    Environment environment = Environment::None;
    QString colour; // "#rrggbb" shown on tabs, tree and status bar; empty = environmentDefaultColour()
    QString folder; // the connection manager's folder, nested with "/"; empty = top level
    // Only `database` is shown and opened: the object tree lists no other database of the server (stored
    // as "pin_database", left out when false).
    bool pinDatabase = false;
    // A shell command (run with /bin/sh -c, the user's own configuration as in psql's or pgcli's) whose
    // output is the password, run again for every new connection: short-lived cloud tokens (AWS RDS IAM,
    // Azure, GCP, Vault). It takes precedence over any saved or typed password; see passwordcommand.h.
    // Stored as "password_command" and "password_command_timeout" (left out when empty / 10).
    QString passwordCommand;
    int passwordCommandTimeoutSeconds = 10;
    // Stored as "authentication" (left out when Password); Kerberos excludes a password command.
    Authentication authentication = Authentication::Password;
    // libpq's gssencmode (disable, prefer, require; empty = libpq default) and krbsrvname (empty = libpq
    // default, "postgres"); sent whenever set. Stored as "gssencmode" / "krbsrvname" (left out when empty).
    QString gssEncMode;
    QString krbSrvName;
    // An SSH tunnel in front of the server (host and port are then as seen from the last SSH hop); stored
    // under "ssh" (left out when no SSH host). Connection::open goes through SshTunnel::forProfile().
    SshSettings ssh;
    // Set on a profile read from an import file while it carries something that runs code when it connects
    // (commands()): nothing of it runs until the user has seen and trusted those (requireTrustedCommands()).
    // Stored as "untrusted_commands": true (left out when false).
    bool untrustedCommands = false;

    bool operator==(const ConnectionProfile&) const = default;

    // What this profile runs or has ssh read as configuration when it connects, as (field, value):
    // ("password_command", …), ("ssh.config_file", …). Empty when nothing.
    QList<std::pair<QString, QString>> commands() const;

    // The production guard applies: the server session is read-only unless writing is unlocked. A profile
    // that is read-only anyway (readOnly) has nothing to unlock.
    bool writeGuarded() const { return environment == Environment::Production && !readOnly; }
    // Whether sessions start read-only (the readOnly field, or the production guard).
    bool sessionReadOnly() const { return readOnly || environment == Environment::Production; }
    // colour, or the environment's default colour when empty.
    QString effectiveColour() const;

    // Throws ConfigurationError naming the first invalid field.
    void validate() const;

    // Keyword/value pairs for PQconnectdbParams. The password is added only when given; empty fields
    // are left out so that libpq's environment and service-file defaults apply. Through a pooler the
    // session settings are left out too (transactionSettings() carries them).
    QList<std::pair<QByteArray, QByteArray>>
    connectionParameters(const std::optional<QString>& password = {}) const;

    // Through a transaction pooler: the settings every transaction needs, as "SET LOCAL …" statements
    // (statement_timeout, lock_timeout, transaction_read_only); empty without a pooler or without settings.
    // A write-guarded profile's session unlocked for writing (Connection::unlockWrites()) leaves out the
    // read-only one.
    QStringList transactionSettings(bool writesUnlocked = false) const;

    QJsonObject toJson() const; // never contains a password (nor any isSecretOption())
    static ConnectionProfile fromJson(const QJsonObject& object); // throws ConfigurationError
};

} // namespace pgdesk::core
