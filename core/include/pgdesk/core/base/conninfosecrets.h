// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace pgdesk::core {

// libpq keywords whose values are secrets (password, sslpassword: the client key's passphrase): never
// written to a profile file, masked wherever connection strings are shown.
bool isSecretOption(const QString& keyword);

// For display and logs: the DSN with any password (URI user info, URI ?password=, key=value password=)
// replaced by "********". Works on text libpq would reject too.
QString maskDsnPassword(const QString& dsn);

} // namespace pgdesk::core
