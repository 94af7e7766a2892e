// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/server/guardedstatement.h>

#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/transaction.h>
#include <pgdesk/core/session/writeguard.h>

#include <algorithm>

namespace pgdesk::core {

Result runGuardedStatement(Connection& connection, const QString& sql, const Params& params,
                           const WriteAccess& write, const QString& what, int lockTimeoutMs) {
    if (connection.profile().writeGuarded() && !write && !connection.writesUnlocked())
        throwWriteGuarded(connection.profile(), what);
    WriteScope scope(connection, write);
    Transaction transaction(connection);
    connection.exec(QStringLiteral("SET LOCAL lock_timeout = %1").arg(std::max(0, lockTimeoutMs)));
    Result result = connection.exec(sql, params);
    transaction.commit();
    return result;
}

} // namespace pgdesk::core
