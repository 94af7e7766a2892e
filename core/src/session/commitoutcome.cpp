// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/pq/facade.h"
#include <pgdesk/core/session/commitoutcome.h>

#include <QElapsedTimer>

#include <thread>

namespace pgdesk::core {

void CommitWatch::arm(Connection& connection) {
    m_modernFunctions = connection.serverVersion() >= 130000;
    const QString id = connection
                           .exec(m_modernFunctions ? QStringLiteral("SELECT pg_current_xact_id()::text")
                                                   : QStringLiteral("SELECT txid_current()::text"))
                           .text(0, 0);
    QList<std::pair<QByteArray, QByteArray>> conninfo;
    for (const auto& [keyword, value] : pq::conninfoOf(connection)) {
        // A host that cannot answer must not hold the check up beyond its budget.
        if (keyword != "connect_timeout")
            conninfo.append({keyword, value});
    }
    conninfo.append({QByteArrayLiteral("connect_timeout"), QByteArrayLiteral("2")});
    m_conninfo = std::move(conninfo);
    m_transactionId = id;
}

CommitWatch::Outcome CommitWatch::resolve(std::chrono::milliseconds budget, QString* why) const {
    const char* sql =
        m_modernFunctions ? "SELECT pg_xact_status($1::xid8)" : "SELECT txid_status($1::bigint)";
    QString problem;
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        const pq::SingleValue answer = pq::querySingleValue(m_conninfo, sql, m_transactionId.toUtf8());
        if (!answer.answered) {
            problem = answer.error;
        } else {
            const QString status = answer.value.value_or(QString());
            problem = QStringLiteral("the server no longer knows transaction %1").arg(m_transactionId);
            if (status == QLatin1String("committed"))
                return Outcome::Committed;
            if (status == QLatin1String("aborted"))
                return Outcome::RolledBack;
            if (status != QLatin1String("in progress"))
                break; // NULL: too old to tell, asking again will not help
            problem = QStringLiteral("transaction %1 is still in progress").arg(m_transactionId);
        }
        if (timer.elapsed() >= budget.count())
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    if (why)
        *why = problem;
    return Outcome::Unknown;
}

} // namespace pgdesk::core
