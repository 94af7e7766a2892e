// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/profilestore.h>
#include <pgdesk/core/profiles/profiletransfer.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace pgdesk::core {

QByteArray exportProfiles(const QList<ConnectionProfile>& profiles, bool includeCommands) {
    QJsonArray list;
    for (ConnectionProfile p : profiles) {
        if (!includeCommands) {
            p.passwordCommand.clear();
            p.ssh.configFile.clear();
            p.untrustedCommands = false;
        }
        list.append(p.toJson());
    }
    const QJsonObject file{{QStringLiteral("format"), QStringLiteral("pgdesk-profiles")},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("profiles"), list}};
    return QJsonDocument(file).toJson(QJsonDocument::Indented);
}

QList<ConnectionProfile> parseProfileExport(const QByteArray& json) {
    if (json.size() > kMaxProfileFileBytes)
        throwConfigurationError(QStringLiteral("file"),
                                QStringLiteral("a profiles file is at most %1 KiB; this one is larger")
                                    .arg(kMaxProfileFileBytes / 1024));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (doc.isNull())
        throwConfigurationError(QStringLiteral("file"), QStringLiteral("not a profiles file: %1 at offset %2")
                                                            .arg(error.errorString())
                                                            .arg(error.offset));
    QJsonArray list;
    if (doc.isArray()) {
        list = doc.array();
    } else {
        const QJsonObject o = doc.object();
        if (o.value(QStringLiteral("format")).toString() != QLatin1String("pgdesk-profiles") ||
            !o.value(QStringLiteral("profiles")).isArray())
            throwConfigurationError(QStringLiteral("file"),
                                    QStringLiteral("not a profiles file (format \"pgdesk-profiles\")"));
        if (o.value(QStringLiteral("version")).toInt(1) != 1)
            throwConfigurationError(QStringLiteral("file"),
                                    QStringLiteral("profiles file of an unknown version"));
        list = o.value(QStringLiteral("profiles")).toArray();
    }
    QList<ConnectionProfile> out;
    QSet<QString> names;
    for (const QJsonValue& v : list) {
        if (!v.isObject())
            throwConfigurationError(QStringLiteral("file"),
                                    QStringLiteral("a profile must be a JSON object"));
        ConnectionProfile p = ConnectionProfile::fromJson(v.toObject());
        if (p.name.isEmpty())
            throwConfigurationError(QStringLiteral("name"),
                                    QStringLiteral("a profile in the file has no name"));
        if (names.contains(p.name))
            throwConfigurationError(QStringLiteral("name"),
                                    QStringLiteral("the file holds two profiles named \"%1\"").arg(p.name));
        names.insert(p.name);
        p.extraOptions.removeIf([](const auto& option) { return isSecretOption(option.first); });
        // Whatever the file says: code from a file runs only once the user has read and trusted it.
        p.untrustedCommands = !p.commands().isEmpty();
        out << p;
    }
    return out;
}

QStringList importProfiles(ProfileStore& store, const QList<ConnectionProfile>& profiles, bool replace) {
    QStringList existing;
    for (const ConnectionProfile& p : profiles)
        if (store.find(p.name))
            existing << p.name;
    // Checked before anything changes: a profile's own settings must not be lost by accident.
    if (!existing.isEmpty() && !replace) {
        QStringList quoted;
        for (const QString& name : existing)
            quoted << QStringLiteral("\"%1\"").arg(name);
        throwConfigurationError(
            QStringLiteral("name"),
            (existing.size() == 1
                 ? QStringLiteral("a profile named %1 exists (use --replace); nothing imported")
                 : QStringLiteral("profiles named %1 exist (use --replace); nothing imported"))
                .arg(quoted.join(QStringLiteral(", "))));
    }
    for (const ConnectionProfile& p : profiles)
        store.upsert(p);
    return existing;
}

} // namespace pgdesk::core
