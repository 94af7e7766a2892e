// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/connectionprofile.h>

#include <QJsonArray>
#include <QRegularExpression>

#include <cctype>

namespace pgdesk::core {

QString isolationLevelSql(IsolationLevel level) {
    switch (level) {
    case IsolationLevel::ReadCommitted:
        return QStringLiteral("READ COMMITTED");
    case IsolationLevel::RepeatableRead:
        return QStringLiteral("REPEATABLE READ");
    case IsolationLevel::Serializable:
        return QStringLiteral("SERIALIZABLE");
    }
    return QStringLiteral("REPEATABLE READ");
}

QString isolationLevelName(IsolationLevel level) {
    return isolationLevelSql(level).toLower().replace(QLatin1Char(' '), QLatin1Char('_'));
}

IsolationLevel isolationLevelFromString(const QString& text) {
    QString t = text.trimmed().toLower();
    t.replace(QLatin1Char('-'), QLatin1Char('_')).replace(QLatin1Char(' '), QLatin1Char('_'));
    if (t == QLatin1String("read_committed"))
        return IsolationLevel::ReadCommitted;
    if (t == QLatin1String("repeatable_read"))
        return IsolationLevel::RepeatableRead;
    if (t == QLatin1String("serializable"))
        return IsolationLevel::Serializable;
    throwConfigurationError(
        QStringLiteral("isolation_level"),
        QStringLiteral("unknown isolation level \"%1\" (read_committed, repeatable_read or "
                       "serializable)")
            .arg(text));
}

QString poolerModeName(PoolerMode mode) {
    return mode == PoolerMode::Transaction ? QStringLiteral("transaction") : QStringLiteral("none");
}

PoolerMode poolerModeFromString(const QString& text) {
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("transaction"))
        return PoolerMode::Transaction;
    if (t == QLatin1String("none") || t.isEmpty())
        return PoolerMode::None;
    throwConfigurationError(QStringLiteral("pooler_mode"),
                            QStringLiteral("unknown pooler mode \"%1\" (none or transaction)").arg(text));
}

QString environmentName(Environment environment) {
    switch (environment) {
    case Environment::None:
        return QStringLiteral("none");
    case Environment::Development:
        return QStringLiteral("development");
    case Environment::Test:
        return QStringLiteral("test");
    case Environment::Staging:
        return QStringLiteral("staging");
    case Environment::Production:
        return QStringLiteral("production");
    }
    return QStringLiteral("none");
}

Environment environmentFromString(const QString& text) {
    const QString t = text.trimmed().toLower();
    if (t.isEmpty() || t == QLatin1String("none"))
        return Environment::None;
    if (t == QLatin1String("development") || t == QLatin1String("dev"))
        return Environment::Development;
    if (t == QLatin1String("test"))
        return Environment::Test;
    if (t == QLatin1String("staging"))
        return Environment::Staging;
    if (t == QLatin1String("production") || t == QLatin1String("prod"))
        return Environment::Production;
    throwConfigurationError(
        QStringLiteral("environment"),
        QStringLiteral("unknown environment \"%1\" (none, development, test, staging or production)")
            .arg(text));
}

QString environmentDefaultColour(Environment environment) {
    // Traffic-light meanings, readable as a stripe on light and dark themes alike.
    switch (environment) {
    case Environment::None:
        return {};
    case Environment::Development:
        return QStringLiteral("#2e7d32");
    case Environment::Test:
        return QStringLiteral("#1565c0");
    case Environment::Staging:
        return QStringLiteral("#ef6c00");
    case Environment::Production:
        return QStringLiteral("#c62828");
    }
    return {};
}

bool isProfileColour(const QString& text) {
    if ((text.size() != 4 && text.size() != 7) || !text.startsWith(QLatin1Char('#')))
        return false;
    for (qsizetype i = 1; i < text.size(); ++i)
        if (!std::isxdigit(static_cast<unsigned char>(text.at(i).toLatin1())))
            return false;
    return true;
}

QList<std::pair<QString, QString>> ConnectionProfile::commands() const {
    QList<std::pair<QString, QString>> list;
    if (!passwordCommand.trimmed().isEmpty())
        list.append({QStringLiteral("password_command"), passwordCommand});
    // An ssh_config runs code too: ProxyCommand, LocalCommand, Match exec.
    if (ssh.enabled() && !ssh.configFile.isEmpty())
        list.append({QStringLiteral("ssh.config_file"), ssh.configFile});
    return list;
}

QString ConnectionProfile::effectiveColour() const {
    if (colour.isEmpty())
        return environmentDefaultColour(environment);
    if (colour.size() == 4) { // "#c00" → "#cc0000"
        QString full(QLatin1Char('#'));
        for (qsizetype i = 1; i < 4; ++i)
            full += QString(2, colour.at(i));
        return full.toLower();
    }
    return colour.toLower();
}

QString authenticationName(Authentication authentication) {
    return authentication == Authentication::Kerberos ? QStringLiteral("kerberos")
                                                      : QStringLiteral("password");
}

Authentication authenticationFromString(const QString& text) {
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("kerberos") || t == QLatin1String("gss") || t == QLatin1String("gssapi"))
        return Authentication::Kerberos;
    if (t == QLatin1String("password") || t.isEmpty())
        return Authentication::Password;
    throwConfigurationError(QStringLiteral("authentication"),
                            QStringLiteral("unknown authentication \"%1\" (password or kerberos)").arg(text));
}

void ConnectionProfile::validate() const {
    if (name.size() > kMaxProfileNameLength)
        throwConfigurationError(QStringLiteral("name"),
                                QStringLiteral("a profile name is at most %1 characters; this one has %2")
                                    .arg(kMaxProfileNameLength)
                                    .arg(name.size()));
    for (const QChar c : name)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || (c.unicode() >= 0x80 && c.unicode() < 0xa0))
            throwConfigurationError(
                QStringLiteral("name"),
                QStringLiteral("the profile name \"%1\" holds a control character (a line break, a tab …)")
                    .arg(QString(name).replace(QRegularExpression(QStringLiteral("[\\x00-\\x1f\\x7f-\\x9f]")),
                                               QStringLiteral("?"))));
    static const QStringList sslModes = {QStringLiteral("disable"),   QStringLiteral("allow"),
                                         QStringLiteral("prefer"),    QStringLiteral("require"),
                                         QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    if (port < 0 || port > 65535)
        throwConfigurationError(QStringLiteral("port"),
                                QStringLiteral("port must be between 1 and 65535, not %1").arg(port));
    if (!sslMode.isEmpty() && !sslModes.contains(sslMode))
        throwConfigurationError(QStringLiteral("sslmode"),
                                QStringLiteral("unknown sslmode \"%1\" (one of %2)")
                                    .arg(sslMode, sslModes.join(QStringLiteral(", "))));
    if (connectTimeoutSeconds < 0)
        throwConfigurationError(QStringLiteral("connect_timeout"),
                                QStringLiteral("connect_timeout must be >= 0"));
    if (statementTimeoutMs < 0)
        throwConfigurationError(QStringLiteral("statement_timeout"),
                                QStringLiteral("statement_timeout must be >= 0"));
    if (lockTimeoutMs < 0)
        throwConfigurationError(QStringLiteral("lock_timeout"), QStringLiteral("lock_timeout must be >= 0"));
    if (pool.size < 1)
        throwConfigurationError(QStringLiteral("pool_size"), QStringLiteral("pool_size must be at least 1"));
    if (pool.maxOverflow < -1)
        throwConfigurationError(QStringLiteral("max_overflow"),
                                QStringLiteral("max_overflow must be -1 (unlimited) or >= 0"));
    if (pool.timeoutSeconds < 0)
        throwConfigurationError(QStringLiteral("pool_timeout"), QStringLiteral("pool_timeout must be >= 0"));
    if (pool.recycleSeconds < -1)
        throwConfigurationError(QStringLiteral("pool_recycle"),
                                QStringLiteral("pool_recycle must be -1 (off) or >= 0 seconds"));
    if (pooler != PoolerMode::None) {
        for (const auto& [key, value] : extraOptions)
            if (key == QLatin1String("options"))
                throwConfigurationError(
                    QStringLiteral("options"),
                    QStringLiteral("startup options (\"%1\") cannot pass through a transaction pooler, "
                                   "which refuses them and shares server sessions between clients")
                        .arg(value));
    }
    // The guard's own setting must win: options that name it (as -c name=…, --name=…, with - or _) are
    // refused on a read-only or production profile rather than silently overridden.
    if (sessionReadOnly()) {
        for (const auto& [key, value] : extraOptions) {
            QString normalized = value.toLower();
            normalized.replace(QLatin1Char('-'), QLatin1Char('_'));
            if (key == QLatin1String("options") &&
                normalized.contains(QLatin1String("transaction_read_only")))
                throwConfigurationError(
                    QStringLiteral("options"),
                    QStringLiteral("the startup options (\"%1\") set the read-only setting of a %2 profile, "
                                   "whose sessions are read-only%3; remove it from the options")
                        .arg(value, readOnly ? QStringLiteral("read-only") : QStringLiteral("production"),
                             readOnly ? QString() : QStringLiteral(" until writing is unlocked")));
        }
    }
    for (auto it = conventionOverrides.constBegin(); it != conventionOverrides.constEnd(); ++it)
        it.value().validate(it.key());
    if (!colour.isEmpty() && !isProfileColour(colour))
        throwConfigurationError(QStringLiteral("colour"),
                                QStringLiteral("colour must be #rgb or #rrggbb, not \"%1\"").arg(colour));
    if (folder.startsWith(QLatin1Char('/')) || folder.endsWith(QLatin1Char('/')) ||
        folder.contains(QLatin1String("//")))
        throwConfigurationError(
            QStringLiteral("folder"),
            QStringLiteral("folder \"%1\" must be names separated by single slashes").arg(folder));
    if (passwordCommandTimeoutSeconds < 1)
        throwConfigurationError(QStringLiteral("password_command_timeout"),
                                QStringLiteral("password_command_timeout must be at least 1 second"));
    if (authentication == Authentication::Kerberos && !passwordCommand.trimmed().isEmpty())
        throwConfigurationError(
            QStringLiteral("password_command"),
            QStringLiteral("a password command and Kerberos authentication exclude "
                           "each other: Kerberos logs in with the ticket, not a password"));
    static const QStringList gssModes = {QStringLiteral("disable"), QStringLiteral("prefer"),
                                         QStringLiteral("require")};
    if (!gssEncMode.isEmpty() && !gssModes.contains(gssEncMode))
        throwConfigurationError(
            QStringLiteral("gssencmode"),
            QStringLiteral("unknown gssencmode \"%1\" (disable, prefer or require)").arg(gssEncMode));
    ssh.validate();
}

QList<std::pair<QByteArray, QByteArray>>
ConnectionProfile::connectionParameters(const std::optional<QString>& password) const {
    QList<std::pair<QByteArray, QByteArray>> p;
    auto add = [&p](const char* key, const QString& value) {
        if (!value.isEmpty())
            p.append({QByteArray(key), value.toUtf8()});
    };
    add("service", service);
    add("host", host);
    if (port > 0)
        add("port", QString::number(port));
    add("dbname", database);
    add("user", user);
    if (password)
        p.append({QByteArrayLiteral("password"), password->toUtf8()});
    add("sslmode", sslMode);
    add("sslrootcert", sslRootCert);
    add("sslcert", sslCert);
    add("sslkey", sslKey);
    add("sslcrl", sslCrl);
    add("application_name", applicationName);
    add("gssencmode", gssEncMode);
    add("krbsrvname", krbSrvName);
    add("connect_timeout", QString::number(connectTimeoutSeconds));
    if (keepalives) {
        add("keepalives", QStringLiteral("1"));
        add("keepalives_idle", QStringLiteral("30"));
        add("keepalives_interval", QStringLiteral("10"));
        add("keepalives_count", QStringLiteral("3"));
    } else {
        add("keepalives", QStringLiteral("0"));
    }
    // Session settings travel as startup options so that they hold for every statement, including
    // autocommit ones; user-supplied `options` are appended after the timeouts, and the read-only
    // setting comes last so that it wins over anything before it (validate() refuses options that name
    // it). A transaction pooler refuses them (and would share the session): there they are set in each
    // transaction instead.
    QStringList options;
    if (pooler == PoolerMode::None && statementTimeoutMs > 0)
        options << QStringLiteral("-c statement_timeout=%1").arg(statementTimeoutMs);
    if (pooler == PoolerMode::None && lockTimeoutMs > 0)
        options << QStringLiteral("-c lock_timeout=%1").arg(lockTimeoutMs);
    for (const auto& [key, value] : extraOptions) {
        if (key == QLatin1String("options"))
            options << value;
        else
            add(key.toUtf8().constData(), value);
    }
    if (pooler == PoolerMode::None && sessionReadOnly())
        options << QStringLiteral("-c default_transaction_read_only=on");
    add("options", options.join(QLatin1Char(' ')));
    return p;
}

QStringList ConnectionProfile::transactionSettings(bool writesUnlocked) const {
    QStringList settings;
    if (pooler == PoolerMode::None)
        return settings;
    // The values are ours (validated integers, a constant), never user text.
    if (statementTimeoutMs > 0)
        settings << QStringLiteral("SET LOCAL statement_timeout = %1").arg(statementTimeoutMs);
    if (lockTimeoutMs > 0)
        settings << QStringLiteral("SET LOCAL lock_timeout = %1").arg(lockTimeoutMs);
    if (readOnly || (environment == Environment::Production && !writesUnlocked))
        settings << QStringLiteral("SET LOCAL transaction_read_only = on");
    return settings;
}

QJsonObject ConnectionProfile::toJson() const {
    QJsonObject o;
    o[QStringLiteral("name")] = name;
    auto put = [&o](const char* key, const QString& value) {
        if (!value.isEmpty())
            o[QLatin1String(key)] = value;
    };
    put("service", service);
    put("host", host);
    if (port > 0)
        o[QStringLiteral("port")] = port;
    put("database", database);
    put("user", user);
    put("sslmode", sslMode);
    put("sslrootcert", sslRootCert);
    put("sslcert", sslCert);
    put("sslkey", sslKey);
    put("sslcrl", sslCrl);
    o[QStringLiteral("application_name")] = applicationName;
    o[QStringLiteral("connect_timeout")] = connectTimeoutSeconds;
    o[QStringLiteral("statement_timeout_ms")] = statementTimeoutMs;
    o[QStringLiteral("lock_timeout_ms")] = lockTimeoutMs;
    o[QStringLiteral("isolation_level")] = isolationLevelName(isolation);
    o[QStringLiteral("read_only")] = readOnly;
    o[QStringLiteral("echo")] = echo;
    o[QStringLiteral("hide_parameters")] = hideParameters;
    o[QStringLiteral("keepalives")] = keepalives;
    if (pooler != PoolerMode::None)
        o[QStringLiteral("pooler_mode")] = poolerModeName(pooler);
    if (!extraOptions.isEmpty()) {
        QJsonObject extra;
        for (const auto& [k, v] : extraOptions)
            if (!isSecretOption(k)) // a password never goes to a file
                extra[k] = v;
        o[QStringLiteral("options")] = extra;
    }
    o[QStringLiteral("pool")] = QJsonObject{
        {QStringLiteral("pool_size"), pool.size},
        {QStringLiteral("max_overflow"), pool.maxOverflow},
        {QStringLiteral("pool_timeout"), pool.timeoutSeconds},
        {QStringLiteral("pool_recycle"), pool.recycleSeconds},
        {QStringLiteral("pool_pre_ping"), pool.prePing},
        {QStringLiteral("pool_use_lifo"), pool.useLifo},
    };
    if (!conventionOverrides.isEmpty()) {
        QJsonObject conventions;
        for (auto it = conventionOverrides.constBegin(); it != conventionOverrides.constEnd(); ++it)
            conventions[it.key()] = it.value().toJson();
        o[QStringLiteral("conventions")] = conventions;
    }
    if (environment != Environment::None)
        o[QStringLiteral("environment")] = environmentName(environment);
    put("colour", colour);
    put("folder", folder);
    if (pinDatabase)
        o[QStringLiteral("pin_database")] = true;
    put("password_command", passwordCommand);
    if (passwordCommandTimeoutSeconds != 10)
        o[QStringLiteral("password_command_timeout")] = passwordCommandTimeoutSeconds;
    if (authentication != Authentication::Password)
        o[QStringLiteral("authentication")] = authenticationName(authentication);
    put("gssencmode", gssEncMode);
    put("krbsrvname", krbSrvName);
    if (ssh.enabled())
        o[QStringLiteral("ssh")] = ssh.toJson();
    if (untrustedCommands)
        o[QStringLiteral("untrusted_commands")] = true;
    return o;
}

ConnectionProfile ConnectionProfile::fromJson(const QJsonObject& o) {
    ConnectionProfile p;
    auto str = [&o](const char* key, QString fallback = {}) {
        const auto v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return fallback;
        if (!v.isString())
            throwConfigurationError(QLatin1String(key),
                                    QStringLiteral("%1 must be a string").arg(QLatin1String(key)));
        return v.toString();
    };
    auto num = [](const QJsonObject& obj, const char* key, double fallback) {
        const auto v = obj.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return fallback;
        if (!v.isDouble())
            throwConfigurationError(QLatin1String(key),
                                    QStringLiteral("%1 must be a number").arg(QLatin1String(key)));
        return v.toDouble();
    };
    auto flag = [](const QJsonObject& obj, const char* key, bool fallback) {
        const auto v = obj.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return fallback;
        if (!v.isBool())
            throwConfigurationError(QLatin1String(key),
                                    QStringLiteral("%1 must be true or false").arg(QLatin1String(key)));
        return v.toBool();
    };
    p.name = str("name");
    p.service = str("service");
    p.host = str("host");
    p.port = portFromJson(o.value(QStringLiteral("port")), QStringLiteral("port"), QStringLiteral("port"));
    p.database = str("database");
    p.user = str("user");
    p.sslMode = str("sslmode");
    p.sslRootCert = str("sslrootcert");
    p.sslCert = str("sslcert");
    p.sslKey = str("sslkey");
    p.sslCrl = str("sslcrl");
    p.applicationName = str("application_name", p.applicationName);
    p.connectTimeoutSeconds = int(num(o, "connect_timeout", p.connectTimeoutSeconds));
    p.statementTimeoutMs = int(num(o, "statement_timeout_ms", 0));
    p.lockTimeoutMs = int(num(o, "lock_timeout_ms", 0));
    if (o.contains(QStringLiteral("isolation_level")))
        p.isolation = isolationLevelFromString(str("isolation_level"));
    p.readOnly = flag(o, "read_only", false);
    p.echo = flag(o, "echo", false);
    p.hideParameters = flag(o, "hide_parameters", false);
    p.keepalives = flag(o, "keepalives", true);
    p.pooler = poolerModeFromString(str("pooler_mode"));
    p.pinDatabase = flag(o, "pin_database", false);
    const QJsonObject extra = o.value(QStringLiteral("options")).toObject();
    for (auto it = extra.begin(); it != extra.end(); ++it)
        p.extraOptions.append({it.key(), it.value().toString()});
    const QJsonObject pool = o.value(QStringLiteral("pool")).toObject();
    p.pool.size = int(num(pool, "pool_size", p.pool.size));
    p.pool.maxOverflow = int(num(pool, "max_overflow", p.pool.maxOverflow));
    p.pool.timeoutSeconds = num(pool, "pool_timeout", p.pool.timeoutSeconds);
    p.pool.recycleSeconds = int(num(pool, "pool_recycle", p.pool.recycleSeconds));
    p.pool.prePing = flag(pool, "pool_pre_ping", p.pool.prePing);
    p.pool.useLifo = flag(pool, "pool_use_lifo", p.pool.useLifo);
    const QJsonValue conventions = o.value(QStringLiteral("conventions"));
    if (!conventions.isUndefined() && !conventions.isNull()) {
        if (!conventions.isObject())
            throwConfigurationError(
                QStringLiteral("conventions"),
                QStringLiteral("conventions must be an object keyed by \"schema.table\""));
        const QJsonObject byTable = conventions.toObject();
        for (auto it = byTable.begin(); it != byTable.end(); ++it)
            p.conventionOverrides.insert(it.key(), ConventionOverride::fromJson(it.value(), it.key()));
    }
    p.environment = environmentFromString(str("environment"));
    p.colour = str("colour");
    p.folder = str("folder");
    p.passwordCommand = str("password_command");
    p.passwordCommandTimeoutSeconds =
        int(num(o, "password_command_timeout", p.passwordCommandTimeoutSeconds));
    p.authentication = authenticationFromString(str("authentication"));
    p.gssEncMode = str("gssencmode");
    p.krbSrvName = str("krbsrvname");
    const QJsonValue ssh = o.value(QStringLiteral("ssh"));
    if (!ssh.isUndefined() && !ssh.isNull()) {
        if (!ssh.isObject())
            throwConfigurationError(QStringLiteral("ssh"), QStringLiteral("ssh must be an object"));
        p.ssh = SshSettings::fromJson(ssh.toObject());
    }
    p.untrustedCommands = flag(o, "untrusted_commands", false);
    p.validate();
    return p;
}

} // namespace pgdesk::core
