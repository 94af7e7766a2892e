// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testcluster.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace pgdesk::test {

// Starts psql running `sql` on the cluster in the background (another user's session: a sleeper, a lock
// holder), named `applicationName` in pg_stat_activity; false when it does not start.
inline bool startPsqlSession(QProcess& process, const QString& sql, const QString& database,
                             const QString& applicationName = QStringLiteral("pgdesk_test_session")) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGAPPNAME"), applicationName);
    process.setProcessEnvironment(env);
    process.start(cluster().pgbin + QStringLiteral("/psql"),
                  {QStringLiteral("-X"), QStringLiteral("-h"), cluster().host, QStringLiteral("-p"),
                   QString::number(cluster().port), QStringLiteral("-U"), cluster().user,
                   QStringLiteral("-d"), database, QStringLiteral("-c"), sql});
    return process.waitForStarted();
}

} // namespace pgdesk::test
