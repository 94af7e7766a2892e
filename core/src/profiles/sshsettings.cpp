// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/passwordcommand.h>
#include <pgdesk/core/profiles/sshsettings.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <cmath>

namespace pgdesk::core {

QString sshHostKeyPolicyName(SshHostKeyPolicy policy) {
    return policy == SshHostKeyPolicy::Strict ? QStringLiteral("strict") : QStringLiteral("ask");
}

SshHostKeyPolicy sshHostKeyPolicyFromString(const QString& text) {
    const QString t = text.trimmed().toLower();
    if (t.isEmpty() || t == QLatin1String("ask"))
        return SshHostKeyPolicy::Ask;
    if (t == QLatin1String("strict") || t == QLatin1String("yes"))
        return SshHostKeyPolicy::Strict;
    throwConfigurationError(QStringLiteral("ssh_host_key"),
                            QStringLiteral("unknown host key policy \"%1\" (ask or strict; keys are never "
                                           "accepted without asking)")
                                .arg(text));
}

QString sshSecretName(const QString& profileName) {
    return profileName + QStringLiteral("#ssh");
}

namespace {

// Nothing that ssh would read as an option or that a shell-free argv could not carry.
bool plainToken(const QString& text) {
    if (text.startsWith(QLatin1Char('-')))
        return false;
    for (const QChar c : text)
        if (c.isSpace() || c.unicode() < 0x20 || c == QLatin1Char(','))
            return false;
    return true;
}

} // namespace

int portFromJson(const QJsonValue& value, const QString& field, const QString& what) {
    if (value.isUndefined() || value.isNull())
        return 0;
    const double p = value.toDouble(-1);
    if (value.isDouble() && p == std::floor(p) && p >= 1 && p <= 65535)
        return int(p);
    // The value as the file has it ("1e+30", "\"5432\"", "true"), never a wrapped-around integer.
    const QString given =
        value.isDouble() ? QString::number(p, 'g', QLocale::FloatingPointShortest)
                         : QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
                               .mid(1)
                               .chopped(1);
    throwConfigurationError(field, QStringLiteral("%1 must be a whole number between 1 and 65535, not %2")
                                       .arg(what, printableText(given.left(100))));
}

bool isSshConfigValue(const QString& text) {
    for (const QChar c : text)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c == QLatin1Char('"') || c == QLatin1Char('\\'))
            return false;
    return true;
}

void SshSettings::validate() const {
    if (!enabled())
        return;
    if (!plainToken(host))
        throwConfigurationError(QStringLiteral("ssh_host"),
                                QStringLiteral("SSH host \"%1\" is not a host name or alias").arg(host));
    if (!user.isEmpty() && (!plainToken(user) || user.contains(QLatin1Char('@'))))
        throwConfigurationError(QStringLiteral("ssh_user"),
                                QStringLiteral("SSH user \"%1\" is not a user name").arg(user));
    if (port < 0 || port > 65535)
        throwConfigurationError(QStringLiteral("ssh_port"),
                                QStringLiteral("SSH port must be between 1 and 65535, not %1").arg(port));
    for (const QString& hop : jumpHosts)
        if (hop.isEmpty() || !plainToken(hop))
            throwConfigurationError(QStringLiteral("ssh_jump"),
                                    QStringLiteral("jump host \"%1\" is not [user@]host[:port]").arg(hop));
    // Written into the generated ssh_config (Include "…") or handed to ssh: a quote or a line break
    // there would add directives of its own (a ProxyCommand).
    if (!isSshConfigValue(configFile))
        throwConfigurationError(
            QStringLiteral("ssh_config"),
            QStringLiteral("SSH config file \"%1\" holds a quote, a backslash or a control "
                           "character, which ssh_config cannot carry safely")
                .arg(printableText(configFile)));
    if (!isSshConfigValue(identityFile))
        throwConfigurationError(QStringLiteral("ssh_identity"),
                                QStringLiteral("SSH identity file \"%1\" holds a quote, a backslash or a "
                                               "control character, which ssh_config cannot carry safely")
                                    .arg(printableText(identityFile)));
}

SshSettings SshSettings::fromDestination(const QString& destination) {
    SshSettings s;
    QString rest = destination.trimmed();
    const qsizetype at = rest.lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        s.user = rest.left(at);
        rest = rest.mid(at + 1);
    }
    if (rest.startsWith(QLatin1Char('['))) {
        const qsizetype close = rest.indexOf(QLatin1Char(']'));
        if (close < 0)
            throwConfigurationError(QStringLiteral("ssh_host"),
                                    QStringLiteral("unclosed [ in \"%1\"").arg(destination));
        s.host = rest.mid(1, close - 1);
        rest = rest.mid(close + 1);
        if (rest.startsWith(QLatin1Char(':')))
            rest = rest.mid(1);
        else if (!rest.isEmpty())
            throwConfigurationError(QStringLiteral("ssh_host"),
                                    QStringLiteral("unexpected \"%1\" after the address").arg(rest));
    } else {
        const qsizetype colon = rest.lastIndexOf(QLatin1Char(':'));
        if (colon >= 0 && rest.indexOf(QLatin1Char(':')) == colon) {
            s.host = rest.left(colon);
            rest = rest.mid(colon + 1);
        } else {
            s.host = rest;
            rest.clear();
        }
    }
    if (!rest.isEmpty()) {
        bool ok = false;
        s.port = rest.toInt(&ok);
        if (!ok)
            throwConfigurationError(QStringLiteral("ssh_port"),
                                    QStringLiteral("SSH port \"%1\" is not a number").arg(rest));
    }
    if (s.host.isEmpty())
        throwConfigurationError(QStringLiteral("ssh_host"),
                                QStringLiteral("no SSH host in \"%1\"").arg(destination));
    s.validate();
    return s;
}

QString SshSettings::destination() const {
    QString text = user.isEmpty() ? QString() : user + QLatin1Char('@');
    text += host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    if (port > 0)
        text += QLatin1Char(':') + QString::number(port);
    return text;
}

QJsonObject SshSettings::toJson() const {
    QJsonObject o;
    o[QStringLiteral("host")] = host;
    if (!user.isEmpty())
        o[QStringLiteral("user")] = user;
    if (port > 0)
        o[QStringLiteral("port")] = port;
    if (!identityFile.isEmpty())
        o[QStringLiteral("identity_file")] = identityFile;
    if (!jumpHosts.isEmpty())
        o[QStringLiteral("jump_hosts")] = QJsonArray::fromStringList(jumpHosts);
    if (!useAgent)
        o[QStringLiteral("use_agent")] = false;
    o[QStringLiteral("host_key")] = sshHostKeyPolicyName(hostKeyPolicy);
    if (!configFile.isEmpty())
        o[QStringLiteral("config_file")] = configFile;
    return o;
}

SshSettings SshSettings::fromJson(const QJsonObject& o) {
    SshSettings s;
    s.host = o.value(QStringLiteral("host")).toString();
    s.user = o.value(QStringLiteral("user")).toString();
    s.port =
        portFromJson(o.value(QStringLiteral("port")), QStringLiteral("ssh_port"), QStringLiteral("SSH port"));
    s.identityFile = o.value(QStringLiteral("identity_file")).toString();
    for (const auto& hop : o.value(QStringLiteral("jump_hosts")).toArray())
        s.jumpHosts << hop.toString();
    s.useAgent = o.value(QStringLiteral("use_agent")).toBool(true);
    s.hostKeyPolicy = sshHostKeyPolicyFromString(o.value(QStringLiteral("host_key")).toString());
    s.configFile = o.value(QStringLiteral("config_file")).toString();
    s.validate();
    return s;
}

} // namespace pgdesk::core
