// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>

#include <QList>
#include <QString>

#include <optional>

namespace pgdesk::core {

// The saved connection profiles: one readable JSON file
// {"format":"pgdesk-profiles","version":1,"profiles":[ConnectionProfile::toJson()…]}, written atomically
// (QSaveFile) with mode 0600. Passwords never go here (they live in SecretStore). A file that cannot be read
// as such (bad JSON, another format or version, invalid or duplicate profiles) is never overwritten: it is
// renamed to profiles.json.bad-<yyyyMMdd-HHmmss>, warning() says where, and the store starts empty. Changes
// stay in memory until save(). Not thread-safe: use one store per thread.
class ProfileStore final {
public:
    // Loads the file (see load()).
    explicit ProfileStore(QString path = defaultPath());

    // $XDG_CONFIG_HOME/pgdesk/profiles.json (independent of the application's name).
    static QString defaultPath();
    QString path() const { return m_path; }

    QList<ConnectionProfile> profiles() const { return m_profiles; }
    std::optional<ConnectionProfile> find(const QString& name) const;
    ConnectionProfile get(const QString& name) const; // throws NotFound
    // Replaces the profile of the same name or appends a new one; throws ConfigurationError ("name"
    // for an empty name, "password" if extraOptions carries one, or the invalid field).
    void upsert(const ConnectionProfile& profile);
    // Like upsert() but a profile of that name must not exist yet (ConfigurationError "name").
    void add(const ConnectionProfile& profile);
    bool remove(const QString& name); // false when there was no such profile

    // Re-reads the file, replacing what is in memory. A missing file is an empty store; a bad one is
    // moved aside (see above). Throws ConfigurationError only when the file cannot be read or moved.
    void load();
    // Writes every profile; creates the folder (0700) when needed. Throws ConfigurationError on failure.
    void save();

    // Non-empty once a bad file was moved aside by this store; names the new path.
    QString warning() const { return m_warning; }

private:
    qsizetype indexOf(const QString& name) const;
    void moveAside(const QString& why);

    QString m_path;
    QList<ConnectionProfile> m_profiles;
    QString m_warning;
};

} // namespace pgdesk::core
