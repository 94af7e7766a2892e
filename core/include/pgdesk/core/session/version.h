// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace pgdesk::core {

QString pgdeskVersion(); // "0.1.0"
QString libpqVersion();  // "15.20"
QString qtVersion();     // run-time Qt version

} // namespace pgdesk::core
