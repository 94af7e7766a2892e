#pragma once

#include <pgdesk/core/connectionprofile.h>

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace pgdesk::core {

class ProfileStore;

// Profiles handed from one machine to another: the profile store's own format
// ({"format":"pgdesk-profiles","version":1,"profiles":[…]}), written with ConnectionProfile::toJson(), so
// never with a password or any other isSecretOption().
QByteArray exportProfiles(const QList<ConnectionProfile>& profiles);

// Reads such a file (a bare array of profiles too). Secret options a hand-made file carries are dropped,
// never imported. Throws ConfigurationError naming what is wrong (bad JSON, a bad or duplicate profile).
QList<ConnectionProfile> parseProfileExport(const QByteArray& json);

// Adds the profiles to the store (not saved). A name the store already has is refused, nothing added
// (ConfigurationError "name" naming them all), unless `replace`. Returns the names replaced.
QStringList importProfiles(ProfileStore& store, const QList<ConnectionProfile>& profiles, bool replace);

} // namespace pgdesk::core
