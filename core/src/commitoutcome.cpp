#include "commitoutcome.h"

#include <libpq-fe.h>

#include <QElapsedTimer>

#include <thread>
#include <vector>

namespace pgdesk::core {

void CommitWatch::arm(Connection& connection) {
    m_modernFunctions = connection.serverVersion() >= 130000;
    const QString id = connection
                           .exec(m_modernFunctions ? QStringLiteral("SELECT pg_current_xact_id()::text")
                                                   : QStringLiteral("SELECT txid_current()::text"))
                           .text(0, 0);
    QList<std::pair<QByteArray, QByteArray>> conninfo;
    if (PQconninfoOption* options = PQconninfo(connection.native())) {
        for (const PQconninfoOption* o = options; o->keyword; ++o) {
            // A host that cannot answer must not hold the check up beyond its budget.
            if (o->val && qstrcmp(o->keyword, "connect_timeout") != 0)
                conninfo.append({QByteArray(o->keyword), QByteArray(o->val)});
        }
        PQconninfoFree(options);
    }
    conninfo.append({QByteArrayLiteral("connect_timeout"), QByteArrayLiteral("2")});
    m_conninfo = std::move(conninfo);
    m_transactionId = id;
}

CommitWatch::Outcome CommitWatch::resolve(std::chrono::milliseconds budget, QString* why) const {
    std::vector<const char*> keywords;
    std::vector<const char*> values;
    for (const auto& [keyword, value] : m_conninfo) {
        keywords.push_back(keyword.constData());
        values.push_back(value.constData());
    }
    keywords.push_back(nullptr);
    values.push_back(nullptr);
    const QByteArray id = m_transactionId.toUtf8();
    const char* params[] = {id.constData()};
    const char* sql =
        m_modernFunctions ? "SELECT pg_xact_status($1::xid8)" : "SELECT txid_status($1::bigint)";
    QString problem;
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        PGconn* conn = PQconnectdbParams(keywords.data(), values.data(), 0);
        if (PQstatus(conn) != CONNECTION_OK) {
            problem = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        } else {
            PGresult* r = PQexecParams(conn, sql, 1, nullptr, params, nullptr, nullptr, 0);
            const bool answered = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1;
            const QString status =
                answered && !PQgetisnull(r, 0, 0) ? QString::fromUtf8(PQgetvalue(r, 0, 0)) : QString();
            problem = answered
                          ? QStringLiteral("the server no longer knows transaction %1").arg(m_transactionId)
                          : QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
            PQclear(r);
            PQfinish(conn);
            conn = nullptr;
            if (status == QLatin1String("committed"))
                return Outcome::Committed;
            if (status == QLatin1String("aborted"))
                return Outcome::RolledBack;
            if (status == QLatin1String("in progress"))
                problem = QStringLiteral("transaction %1 is still in progress").arg(m_transactionId);
            else if (answered)
                break; // NULL: too old to tell, asking again will not help
        }
        if (conn)
            PQfinish(conn);
        if (timer.elapsed() >= budget.count())
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    if (why)
        *why = problem;
    return Outcome::Unknown;
}

} // namespace pgdesk::core
