// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/pq/facade.h"

#include "session/pq/access.h"
#include <pgdesk/core/session/roundtrips.h>

#include <libpq-fe.h>

#include <vector>

namespace pgdesk::core::pq {

int libraryVersion() {
    return PQlibVersion();
}

std::optional<QList<std::pair<QString, QString>>> parseConninfo(const QByteArray& conninfo,
                                                                std::optional<QString>* error) {
    char* message = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.constData(), &message);
    if (!options) {
        if (message) {
            if (error)
                *error = QString::fromUtf8(message);
            PQfreemem(message);
        }
        return std::nullopt;
    }
    QList<std::pair<QString, QString>> pairs;
    for (const PQconninfoOption* o = options; o->keyword; ++o)
        if (o->val)
            pairs.append({QString::fromUtf8(o->keyword), QString::fromUtf8(o->val)});
    PQconninfoFree(options);
    return pairs;
}

Conninfo conninfoOf(const Connection& connection) {
    Conninfo conninfo;
    pg_conn* conn = Access::handle(connection);
    if (!conn)
        return conninfo;
    if (PQconninfoOption* options = PQconninfo(conn)) {
        for (const PQconninfoOption* o = options; o->keyword; ++o)
            if (o->val)
                conninfo.append({QByteArray(o->keyword), QByteArray(o->val)});
        PQconninfoFree(options);
    }
    return conninfo;
}

SingleValue querySingleValue(const Conninfo& conninfo, const char* sql, const QByteArray& parameter) {
    std::vector<const char*> keywords;
    std::vector<const char*> values;
    for (const auto& [keyword, value] : conninfo) {
        keywords.push_back(keyword.constData());
        values.push_back(value.constData());
    }
    keywords.push_back(nullptr);
    values.push_back(nullptr);
    SingleValue out;
    ThreadRoundTrips::note();
    PGconn* conn = PQconnectdbParams(keywords.data(), values.data(), 0);
    if (PQstatus(conn) != CONNECTION_OK) {
        out.error = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
    } else {
        const char* params[] = {parameter.constData()};
        PGresult* r = PQexecParams(conn, sql, 1, nullptr, params, nullptr, nullptr, 0);
        out.answered = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1;
        if (out.answered && !PQgetisnull(r, 0, 0))
            out.value = QString::fromUtf8(PQgetvalue(r, 0, 0));
        if (!out.answered)
            out.error = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
        PQclear(r);
    }
    PQfinish(conn);
    return out;
}

} // namespace pgdesk::core::pq
