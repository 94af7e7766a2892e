// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// libpq's pipeline mode on one connection, for core's areas: the front ends use the operations built on it
// (Connection's batches and its sends through a pooler, the change-set applier).

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>

#include <QString>

#include <optional>
#include <vector>

namespace pgdesk::core::pq {

// Statements sent one after another without waiting, ended by one sync, their answers read back in order:
// a few network round trips for any number of statements. After an error the server skips every request up
// to the sync (those answers come back `aborted`). Leaves pipeline mode whatever happens (PQexec, and so
// ROLLBACK, is refused inside it): finish(), or the destructor, sends the sync if it is not out yet and
// reads everything up to it. Every statement reaches the connection's echo log and statement observer.
class Pipeline final {
public:
    // What the server said to one request.
    struct Answer {
        qsizetype request = -1;         // 0, 1, … in the order sent
        Result result;                  // its (last) result when it succeeded
        std::optional<ErrorInfo> error; // its error, mapped but not thrown (never a connection error)
        bool aborted = false;           // skipped after an earlier request failed
    };

    // Enters pipeline mode; `statement` names what failed if it cannot (the connection is busy or gone).
    Pipeline(Connection& connection, const QString& statement);
    ~Pipeline();
    Pipeline(const Pipeline&) = delete;
    Pipeline& operator=(const Pipeline&) = delete;

    // Queues one statement (parse, bind, execute) and returns its request number.
    qsizetype send(const QString& sql, const Params& params = {});
    // The same through the unnamed prepared statement, parsed again only when `sql` differs from the
    // previous statement queued this way: statements of one shape in a row share one parse, so the server
    // also settles on a generic plan. A failed parse is the statement's answer.
    qsizetype sendPrepared(const QString& sql, const Params& params);
    // Ends the requests so far: the server answers them all; `statement` names what failed if it cannot.
    void sync(const QString& statement);

    // The answer to the next request not read yet, waiting for it. A connection error is thrown.
    Answer next();
    // The same if it has arrived whole, else nullopt, without waiting (what the socket holds is read
    // first): lets the caller read answers while it is still sending, so libpq's buffers stay small.
    std::optional<Answer> nextIfReady();
    qsizetype sent() const { return m_sent; }
    qsizetype answered() const { return m_answered; }

    // Reads what is left up to the sync (sent now if it is not out yet) and leaves pipeline mode. Never
    // throws; a broken connection is left to its owner.
    void finish() noexcept;

private:
    struct Request {
        QString sql;
        bool parse = false; // the parse of the next request: its error is that request's answer
    };
    std::optional<Answer> read(bool wait);
    void take(pg_result* result);

    Connection& m_connection;
    pg_conn* m_conn; // kept, so that finish() works even after the Connection object was moved
    std::vector<Request> m_requests;
    size_t m_next = 0;    // the request whose results come next
    qsizetype m_sent = 0; // requests of the caller (parses not counted)
    qsizetype m_answered = 0;
    QString m_prepared; // the SQL the unnamed prepared statement holds
    bool m_hasPrepared = false;
    bool m_synced = false;
    bool m_open = true;
    // The answer being read (m_next's results so far).
    Answer m_current;
    bool m_gotResult = false;                // m_next has delivered a result, so a null now ends it
    std::optional<ErrorInfo> m_parseFailure; // carried from a failed parse to the request it was for
};

} // namespace pgdesk::core::pq
