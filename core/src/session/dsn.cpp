// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/dsn.h>

#include "session/pq/facade.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <climits>

namespace pgdesk::core {

namespace {

// Keyword/value pairs the DSN actually names, in libpq's keyword order.
QList<std::pair<QString, QString>> conninfoPairs(const QString& dsn) {
    std::optional<QString> error;
    auto pairs = pq::parseConninfo(dsn.toUtf8(), &error);
    if (!pairs) {
        QString message = error ? error->trimmed() : QStringLiteral("could not parse the connection string");
        // libpq quotes fragments of the input in its messages; a fragment may be a password.
        static const QRegularExpression uriPassword(QStringLiteral("://[^/@]*:[^/@]*@"));
        if (dsn.contains(QLatin1String("password"), Qt::CaseInsensitive) || dsn.contains(uriPassword))
            message = QStringLiteral("malformed connection string (details hidden because it may contain a "
                                     "password)");
        throwConfigurationError(QStringLiteral("dsn"), message);
    }
    return std::move(*pairs);
}

// The keepalives_* values connectionParameters() always adds; taken from it so there is one source.
const QHash<QString, QString>& keepaliveDefaults() {
    static const QHash<QString, QString> defaults = [] {
        QHash<QString, QString> d;
        ConnectionProfile p;
        p.keepalives = true;
        for (const auto& [key, value] : p.connectionParameters())
            if (key.startsWith("keepalives_"))
                d.insert(QString::fromUtf8(key), QString::fromUtf8(value));
        return d;
    }();
    return defaults;
}

int parsePort(const QString& text) {
    bool ok = false;
    const int port = text.trimmed().toInt(&ok);
    if (!ok || port < 1 || port > 65535)
        throwConfigurationError(
            QStringLiteral("port"),
            QStringLiteral("invalid port \"%1\": must be a whole number from 1 to 65535").arg(text));
    return port;
}

// A port list has one entry per host; empty entries mean the default port.
void applyPort(const QString& value, ConnectionProfile& p, QList<std::pair<QString, QString>>& extras) {
    const QStringList parts = value.split(QLatin1Char(','));
    QList<int> ports;
    bool anyEmpty = false;
    for (const QString& part : parts) {
        if (part.trimmed().isEmpty() && parts.size() > 1) {
            anyEmpty = true;
            continue;
        }
        ports.append(parsePort(part));
    }
    if (ports.isEmpty()) {
        p.port = 0;
    } else if (!anyEmpty &&
               std::all_of(ports.begin(), ports.end(), [&](int x) { return x == ports.first(); })) {
        p.port = ports.first(); // one port for every host means the same as the list
    } else {
        p.port = 0;
        extras.append({QStringLiteral("port"), value});
    }
}

int parseNonNegative(const QString& field, const QString& value) {
    bool ok = false;
    const int n = value.trimmed().toInt(&ok);
    if (!ok || n < 0)
        throwConfigurationError(
            field,
            QStringLiteral("invalid %1 \"%2\": must be a whole number of seconds >= 0").arg(field, value));
    return n;
}

// A statement_timeout or lock_timeout value as the server reads it: a number of ms, or with one of its time
// units.
std::optional<int> timeoutMs(const QString& value) {
    static const QRegularExpression re(QStringLiteral("^(\\d+)(ms|s|min|h|d)?$"));
    const auto m = re.match(value);
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    const qlonglong n = m.captured(1).toLongLong(&ok);
    static const QHash<QString, qlonglong> factor = {{QString(), 1},
                                                     {QStringLiteral("ms"), 1},
                                                     {QStringLiteral("s"), 1000},
                                                     {QStringLiteral("min"), 60000},
                                                     {QStringLiteral("h"), 3600000},
                                                     {QStringLiteral("d"), 86400000}};
    if (!ok || n <= 0 || n > INT_MAX)
        return std::nullopt;
    const qlonglong ms = n * factor.value(m.captured(2));
    if (ms > INT_MAX)
        return std::nullopt;
    return int(ms);
}

bool isTrue(const QString& value) {
    const QString v = value.toLower();
    return v == QLatin1String("on") || v == QLatin1String("true") || v == QLatin1String("yes") ||
           v == QLatin1String("1");
}

struct OptionToken {
    QString raw;  // as written, escapes kept (what goes back into the remainder)
    QString text; // with backslash escapes resolved (what the server sees)
};

// The server splits `options` at whitespace; a backslash makes the next character literal.
QList<OptionToken> splitOptions(const QString& options) {
    QList<OptionToken> tokens;
    qsizetype i = 0;
    const qsizetype n = options.size();
    while (i < n) {
        while (i < n && options[i].isSpace())
            ++i;
        if (i >= n)
            break;
        const qsizetype start = i;
        QString text;
        while (i < n && !options[i].isSpace()) {
            if (options[i] == QLatin1Char('\\') && i + 1 < n)
                ++i;
            text += options[i++];
        }
        tokens.append({options.mid(start, i - start), text});
    }
    return tokens;
}

// Takes statement_timeout, lock_timeout and default_transaction_read_only out of `options` into the profile
// and returns what is left, as written.
QString applyOptions(const QString& options, ConnectionProfile& p) {
    const QList<OptionToken> tokens = splitOptions(options);
    QStringList rest;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QString& t = tokens[i].text;
        QString setting;
        qsizetype used = 1;
        if (t == QLatin1String("-c") && i + 1 < tokens.size()) {
            setting = tokens[i + 1].text;
            used = 2;
        } else if (t.startsWith(QLatin1String("-c")) || t.startsWith(QLatin1String("--"))) {
            setting = t.mid(2);
        }
        const auto eq = setting.indexOf(QLatin1Char('='));
        bool taken = false;
        if (eq > 0) {
            // The server folds case and, for these forms, dashes in the name.
            const QString name = setting.left(eq).toLower().replace(QLatin1Char('-'), QLatin1Char('_'));
            const QString value = setting.mid(eq + 1);
            if (name == QLatin1String("statement_timeout")) {
                if (const auto ms = timeoutMs(value)) {
                    p.statementTimeoutMs = *ms;
                    taken = true;
                }
            } else if (name == QLatin1String("lock_timeout")) {
                if (const auto ms = timeoutMs(value)) {
                    p.lockTimeoutMs = *ms;
                    taken = true;
                }
            } else if (name == QLatin1String("default_transaction_read_only") && isTrue(value)) {
                p.readOnly = true;
                taken = true;
            }
        }
        if (!taken) {
            for (qsizetype k = 0; k < used; ++k)
                rest << tokens[i + k].raw;
        }
        i += used - 1;
    }
    return rest.join(QLatin1Char(' '));
}

void setExtra(QList<std::pair<QString, QString>>& extras, const QString& key, const QString& value) {
    for (auto& [k, v] : extras) {
        if (k == key) {
            v = value;
            return;
        }
    }
    extras.append({key, value});
}

void removeExtra(QList<std::pair<QString, QString>>& extras, const QString& key) {
    extras.removeIf([&key](const auto& kv) { return kv.first == key; });
}

} // namespace

QString quoteConninfoValue(const QString& value) {
    const bool needed = value.isEmpty() || std::any_of(value.begin(), value.end(), [](QChar c) {
                            return c.isSpace() || c == QLatin1Char('\'') || c == QLatin1Char('\\');
                        });
    if (!needed)
        return value;
    QString quoted = QStringLiteral("'");
    for (const QChar c : value) {
        if (c == QLatin1Char('\'') || c == QLatin1Char('\\'))
            quoted += QLatin1Char('\\');
        quoted += c;
    }
    quoted += QLatin1Char('\'');
    return quoted;
}

ParsedDsn parseDsn(const QString& dsn, const ConnectionProfile& base) {
    static const QStringList sslModes = {QStringLiteral("disable"),   QStringLiteral("allow"),
                                         QStringLiteral("prefer"),    QStringLiteral("require"),
                                         QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    const auto pairs = conninfoPairs(dsn);
    const bool namesHost = std::any_of(pairs.begin(), pairs.end(),
                                       [](const auto& kv) { return kv.first == QLatin1String("host"); });

    ParsedDsn out;
    ConnectionProfile& p = out.profile;
    p = base;
    QList<std::pair<QString, QString>> extras;
    for (const auto& [key, value] : pairs) {
        if (key == QLatin1String("host")) {
            p.host = value;
        } else if (key == QLatin1String("hostaddr")) {
            if (namesHost)
                extras.append({key, value});
            else
                p.host = value;
        } else if (key == QLatin1String("port")) {
            applyPort(value, p, extras);
        } else if (key == QLatin1String("dbname")) {
            p.database = value;
        } else if (key == QLatin1String("user")) {
            p.user = value;
        } else if (key == QLatin1String("password")) {
            out.password = value;
        } else if (key == QLatin1String("sslmode")) {
            if (!sslModes.contains(value))
                throwConfigurationError(QStringLiteral("sslmode"),
                                        QStringLiteral("invalid sslmode \"%1\" (one of %2)")
                                            .arg(value, sslModes.join(QStringLiteral(", "))));
            p.sslMode = value;
        } else if (key == QLatin1String("sslrootcert")) {
            p.sslRootCert = value;
        } else if (key == QLatin1String("sslcert")) {
            p.sslCert = value;
        } else if (key == QLatin1String("sslkey")) {
            p.sslKey = value;
        } else if (key == QLatin1String("sslcrl")) {
            p.sslCrl = value;
        } else if (key == QLatin1String("application_name")) {
            p.applicationName = value;
        } else if (key == QLatin1String("connect_timeout")) {
            p.connectTimeoutSeconds = parseNonNegative(QStringLiteral("connect_timeout"), value);
        } else if (key == QLatin1String("service")) {
            p.service = value;
        } else if (key == QLatin1String("gssencmode")) {
            p.gssEncMode = value;
            // GSS encryption required: the login is Kerberos, so no password is asked for.
            if (value == QLatin1String("require") && p.passwordCommand.isEmpty())
                p.authentication = Authentication::Kerberos;
        } else if (key == QLatin1String("krbsrvname")) {
            p.krbSrvName = value;
        } else if (key == QLatin1String("keepalives")) {
            bool ok = false;
            const int n = value.trimmed().toInt(&ok);
            if (!ok)
                throwConfigurationError(
                    QStringLiteral("keepalives"),
                    QStringLiteral("invalid keepalives \"%1\": must be 0 or 1").arg(value));
            p.keepalives = n != 0;
        } else if (key == QLatin1String("options")) {
            p.statementTimeoutMs = 0;
            p.lockTimeoutMs = 0;
            p.readOnly = false;
            const QString rest = applyOptions(value, p);
            if (rest.isEmpty())
                removeExtra(p.extraOptions, key);
            else
                extras.append({key, rest});
        } else if (!(keepaliveDefaults().contains(key) && keepaliveDefaults().value(key) == value)) {
            extras.append({key, value});
        }
    }
    std::stable_sort(extras.begin(), extras.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [key, value] : extras)
        setExtra(p.extraOptions, key, value);
    p.validate();
    return out;
}

QString toDsn(const ConnectionProfile& profile, const std::optional<QString>& password) {
    QStringList parts;
    for (const auto& [key, value] : profile.connectionParameters(password))
        parts << QString::fromUtf8(key) + QLatin1Char('=') + quoteConninfoValue(QString::fromUtf8(value));
    // connectionParameters() leaves empty values out so libpq's defaults apply; an empty application
    // name is still a choice the DSN has to carry to round-trip.
    if (profile.applicationName.isEmpty())
        parts << QStringLiteral("application_name=''");
    return parts.join(QLatin1Char(' '));
}

} // namespace pgdesk::core
