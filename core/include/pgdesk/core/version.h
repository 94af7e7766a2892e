#pragma once

#include <QString>

namespace pgdesk::core {

QString pgdeskVersion(); // "0.1.0"
QString libpqVersion();  // "15.20"
QString qtVersion();     // run-time Qt version

} // namespace pgdesk::core
