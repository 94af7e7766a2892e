// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/session/pipeline.h>

#include "session/pq/access.h"
#include "session/pq/paramarrays.h"

#include <libpq-fe.h>

#include <utility>

namespace pgdesk::core::pq {

Pipeline::Pipeline(Connection& connection, const QString& statement)
    : m_connection(connection)
    , m_conn(Access::require(connection)) {
    if (PQenterPipelineMode(m_conn) != 1)
        Access::throwLastError(m_connection, statement);
}

Pipeline::~Pipeline() {
    finish();
}

qsizetype Pipeline::send(const QString& sql, const Params& params) {
    m_connection.notifyStatement(sql, params);
    const ParamArrays a(params);
    if (PQsendQueryParams(m_conn, sql.toUtf8().constData(), a.count(), nullptr, a.values.data(),
                          a.lengths.data(), nullptr, 0) != 1)
        Access::throwLastError(m_connection, sql);
    m_hasPrepared = false; // the statement went through the unnamed prepared statement too
    m_requests.push_back({sql, false});
    return m_sent++;
}

qsizetype Pipeline::sendPrepared(const QString& sql, const Params& params) {
    m_connection.notifyStatement(sql, params);
    if (!m_hasPrepared || m_prepared != sql) {
        if (PQsendPrepare(m_conn, "", sql.toUtf8().constData(), int(params.size()), nullptr) != 1)
            Access::throwLastError(m_connection, sql);
        m_requests.push_back({sql, true});
        m_prepared = sql;
        m_hasPrepared = true;
    }
    const ParamArrays a(params);
    if (PQsendQueryPrepared(m_conn, "", a.count(), a.values.data(), a.lengths.data(), nullptr, 0) != 1)
        Access::throwLastError(m_connection, sql);
    m_requests.push_back({sql, false});
    return m_sent++;
}

void Pipeline::sync(const QString& statement) {
    if (PQpipelineSync(m_conn) != 1)
        Access::throwLastError(m_connection, statement);
    m_synced = true;
}

Pipeline::Answer Pipeline::next() {
    if (m_answered >= m_sent)
        throwError(ErrorKind::Query, QStringLiteral("no pipeline request is waiting for its answer"));
    return *read(true);
}

std::optional<Pipeline::Answer> Pipeline::nextIfReady() {
    if (m_answered >= m_sent)
        return std::nullopt;
    // Only when libpq has nothing parsed left: one read of what the socket holds, never a wait.
    if (PQisBusy(m_conn) && PQconsumeInput(m_conn) != 1)
        Access::throwLastError(m_connection, m_requests.at(m_next).sql);
    return read(false);
}

std::optional<Pipeline::Answer> Pipeline::read(bool wait) {
    while (m_next < m_requests.size()) {
        if (!wait && PQisBusy(m_conn))
            return std::nullopt; // the rest has not arrived yet
        const Request& request = m_requests.at(m_next);
        PGresult* r = PQgetResult(m_conn);
        if (r) {
            m_gotResult = true;
            take(r);
            if (PQstatus(m_conn) != CONNECTION_OK)
                Access::throwLastError(m_connection, request.sql);
            continue;
        }
        // A null ends one request's results; a null before any result means the connection failed.
        if (!m_gotResult)
            Access::throwLastError(m_connection, request.sql);
        m_gotResult = false;
        ++m_next;
        Answer answer = std::exchange(m_current, Answer());
        if (request.parse) {
            if (answer.error)
                m_parseFailure = std::move(answer.error);
            continue;
        }
        if (m_parseFailure) { // the statement never ran: its parse failed
            answer.error = std::exchange(m_parseFailure, std::nullopt);
            answer.aborted = false;
        }
        answer.request = m_answered++;
        return answer;
    }
    return std::nullopt;
}

void Pipeline::take(PGresult* r) {
    if (PQresultStatus(r) == PGRES_PIPELINE_ABORTED) {
        m_current.aborted = true;
        PQclear(r);
        return;
    }
    if (m_current.error) { // the first error stands
        PQclear(r);
        return;
    }
    try {
        m_current.result = Access::check(m_connection, r, m_requests.at(m_next).sql); // frees r on error
    } catch (const ConnectionError&) {
        throw;
    } catch (const Error& e) {
        m_current.result = Result();
        m_current.error = e.info();
    }
}

void Pipeline::finish() noexcept {
    if (!std::exchange(m_open, false) || PQpipelineStatus(m_conn) == PQ_PIPELINE_OFF)
        return;
    if (!m_synced && PQpipelineSync(m_conn) != 1)
        return; // the connection is broken; its owner discards it
    // What is left: the rest of the answers if the caller stopped early, then the sync. A null ends one
    // request's results; a few in a row mean nothing more is coming.
    int nulls = 0;
    while (PQstatus(m_conn) == CONNECTION_OK && nulls < 3) {
        PGresult* r = PQgetResult(m_conn);
        if (!r) {
            ++nulls;
            continue;
        }
        nulls = 0;
        const bool sync = PQresultStatus(r) == PGRES_PIPELINE_SYNC;
        PQclear(r);
        if (sync)
            break;
    }
    PQexitPipelineMode(m_conn);
}

} // namespace pgdesk::core::pq
