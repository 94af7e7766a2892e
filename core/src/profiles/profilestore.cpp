// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/profilestore.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>

namespace pgdesk::core {

namespace {

const QString kFormat = QStringLiteral("pgdesk-profiles");
constexpr int kVersion = 1;

void checkName(const QString& name) {
    if (name.trimmed().isEmpty())
        throwConfigurationError(QStringLiteral("name"), QStringLiteral("a profile needs a name"));
}

// Why the file cannot be used, or an empty string; fills `profiles` when it can.
QString interpret(const QByteArray& bytes, QList<ConnectionProfile>& profiles) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return QStringLiteral("not valid JSON (%1 at offset %2)")
            .arg(parseError.errorString())
            .arg(parseError.offset);
    if (!doc.isObject())
        return QStringLiteral("not a JSON object");
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != kFormat)
        return QStringLiteral("\"format\" is not \"%1\"").arg(kFormat);
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != kVersion) {
        const QString found = version.isUndefined() ? QStringLiteral("no version")
                              : version.isDouble()  ? QStringLiteral("version %1").arg(version.toDouble())
                                                    : QStringLiteral("a version that is not a number");
        return QStringLiteral("%1 instead of version %2").arg(found).arg(kVersion);
    }
    const QJsonValue list = root.value(QStringLiteral("profiles"));
    if (!list.isArray())
        return QStringLiteral("\"profiles\" is not an array");
    QSet<QString> names;
    for (const QJsonValue& v : list.toArray()) {
        if (!v.isObject())
            return QStringLiteral("a profile is not a JSON object");
        try {
            ConnectionProfile p = ConnectionProfile::fromJson(v.toObject());
            checkName(p.name);
            if (names.contains(p.name))
                return QStringLiteral("two profiles are named \"%1\"").arg(p.name);
            names.insert(p.name);
            profiles.append(p);
        } catch (const ConfigurationError& e) {
            return QStringLiteral("invalid profile: %1").arg(e.message());
        }
    }
    return {};
}

} // namespace

ProfileStore::ProfileStore(QString path)
    : m_path(std::move(path)) {
    load();
}

QString ProfileStore::defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/pgdesk/profiles.json");
}

qsizetype ProfileStore::indexOf(const QString& name) const {
    for (qsizetype i = 0; i < m_profiles.size(); ++i)
        if (m_profiles[i].name == name)
            return i;
    return -1;
}

std::optional<ConnectionProfile> ProfileStore::find(const QString& name) const {
    const qsizetype i = indexOf(name);
    if (i < 0)
        return std::nullopt;
    return m_profiles[i];
}

ConnectionProfile ProfileStore::get(const QString& name) const {
    if (auto p = find(name))
        return *p;
    throwError(ErrorKind::NotFound, QStringLiteral("no profile named \"%1\"").arg(name));
}

void ProfileStore::upsert(const ConnectionProfile& profile) {
    checkName(profile.name);
    for (const auto& [key, value] : profile.extraOptions)
        if (isSecretOption(key))
            throwConfigurationError(
                key, key == QLatin1String("password")
                         ? QStringLiteral("a profile never stores a password; use the keychain")
                         : QStringLiteral("a profile never stores %1 (a secret): libpq asks for the key's "
                                          "passphrase on a terminal, or use a key without one")
                               .arg(key));
    profile.validate();
    const qsizetype i = indexOf(profile.name);
    if (i < 0)
        m_profiles.append(profile);
    else
        m_profiles[i] = profile;
}

void ProfileStore::add(const ConnectionProfile& profile) {
    if (indexOf(profile.name) >= 0)
        throwConfigurationError(QStringLiteral("name"),
                                QStringLiteral("a profile named \"%1\" already exists").arg(profile.name));
    upsert(profile);
}

bool ProfileStore::remove(const QString& name) {
    const qsizetype i = indexOf(name);
    if (i < 0)
        return false;
    m_profiles.removeAt(i);
    return true;
}

void ProfileStore::load() {
    m_profiles.clear();
    QFile file(m_path);
    if (!file.exists())
        return;
    if (!file.open(QIODevice::ReadOnly))
        throwConfigurationError(QStringLiteral("profiles_file"),
                                QStringLiteral("cannot read %1: %2").arg(m_path, file.errorString()));
    const QByteArray bytes = file.readAll();
    file.close();
    QList<ConnectionProfile> profiles;
    const QString problem = interpret(bytes, profiles);
    if (problem.isEmpty())
        m_profiles = profiles;
    else
        moveAside(problem);
}

void ProfileStore::moveAside(const QString& why) {
    // Renaming (never copying or deleting) keeps the user's bytes exactly; save() then cannot touch them.
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = m_path + QStringLiteral(".bad-") + stamp;
    for (int n = 1; QFileInfo::exists(target); ++n)
        target = m_path + QStringLiteral(".bad-%1-%2").arg(stamp).arg(n);
    if (!QFile::rename(m_path, target))
        throwConfigurationError(QStringLiteral("profiles_file"),
                                QStringLiteral("%1 is unusable (%2) and could not be moved aside to %3")
                                    .arg(m_path, why, target));
    m_warning =
        QStringLiteral("the profiles file %1 was unusable (%2); it was moved to %3 and PgDesk started "
                       "with no profiles")
            .arg(m_path, why, target);
}

void ProfileStore::save() {
    const QFileInfo info(m_path);
    QDir dir = info.absoluteDir();
    if (!dir.exists()) {
        if (!dir.mkpath(QStringLiteral(".")))
            throwConfigurationError(QStringLiteral("profiles_file"),
                                    QStringLiteral("cannot create the folder %1").arg(dir.path()));
        QFile::setPermissions(dir.path(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    QJsonArray list;
    for (const ConnectionProfile& p : m_profiles)
        list.append(p.toJson());
    const QJsonObject root{{QStringLiteral("format"), kFormat},
                           {QStringLiteral("version"), kVersion},
                           {QStringLiteral("profiles"), list}};
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        throwConfigurationError(QStringLiteral("profiles_file"),
                                QStringLiteral("cannot write %1: %2").arg(m_path, file.errorString()));
    // Host names and user names are nobody else's business either.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        throwConfigurationError(QStringLiteral("profiles_file"),
                                QStringLiteral("cannot write %1: %2").arg(m_path, file.errorString()));
}

} // namespace pgdesk::core
