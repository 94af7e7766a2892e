// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace pgdesk::core {

class ProfileStore;

// Profiles handed from one machine to another: the profile store's own format
// ({"format":"pgdesk-profiles","version":1,"profiles":[…]}), written with ConnectionProfile::toJson(), so
// never with a password or any other isSecretOption(). The profiles' commands() (password command, SSH
// config file) are left out unless includeCommands: they run code on the machine that imports them.
QByteArray exportProfiles(const QList<ConnectionProfile>& profiles, bool includeCommands = false);

// The largest profiles file parseProfileExport() reads (a thousand profiles fit in a tenth of it).
constexpr qsizetype kMaxProfileFileBytes = 1024 * 1024;

// Reads such a file (a bare array of profiles too), at most kMaxProfileFileBytes. Secret options a
// hand-made file carries are dropped, never imported. A profile with commands() comes back with
// untrustedCommands set, whatever the file says. Throws ConfigurationError naming what is wrong (too
// large, bad JSON, a bad or duplicate profile).
QList<ConnectionProfile> parseProfileExport(const QByteArray& json);

// Adds the profiles to the store (not saved). A name the store already has is refused, nothing added
// (ConfigurationError "name" naming them all), unless `replace`. Returns the names replaced.
QStringList importProfiles(ProfileStore& store, const QList<ConnectionProfile>& profiles, bool replace);

} // namespace pgdesk::core
