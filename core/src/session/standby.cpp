// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/session/standby.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>

namespace pgdesk::core {

bool isStandby(Connection& connection) {
    return connection.exec(QStringLiteral("select pg_is_in_recovery()")).text(0, 0) == QLatin1String("t");
}

void refuseWritesOnStandby(Connection& connection) {
    if (!isStandby(connection))
        return;
    ErrorInfo info;
    info.kind = errorKindFromSqlState("25006");
    info.sqlState = QStringLiteral("25006");
    info.message = QString::fromUtf8(kStandbyReadOnlyMessage);
    throwError(std::move(info));
}

} // namespace pgdesk::core
