// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/session/version.h>

#include "session/pq/facade.h"

namespace pgdesk::core {

QString pgdeskVersion() {
    return QStringLiteral(PGDESK_VERSION);
}

QString libpqVersion() {
    const int v = pq::libraryVersion(); // 150020 → 15.20
    return QStringLiteral("%1.%2").arg(v / 10000).arg(v % 10000);
}

QString qtVersion() {
    return QString::fromLatin1(qVersion());
}

} // namespace pgdesk::core
