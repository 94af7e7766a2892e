// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace pgdesk::test {

// The absolute path of a program a test starts (found on PATH, then in /usr/sbin and /sbin). A missing one
// ends the test program with a failure that names the Debian package bringing it, never an empty output
// compared with an expected value. scripts/check-install-deps reads these calls: the package named here
// must be the one dpkg says owns the program, and scripts/install-deps must install it.
QString requireProgram(const QString& name, const char* package);

} // namespace pgdesk::test
