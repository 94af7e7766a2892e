// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One statement's results read as they arrive (libpq's single-row mode), for core's areas: the front ends
// use the operations built on it (QueryEngine's pages, ScriptRunner, maintenance).

#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>

#include <QByteArray>
#include <QString>

#include <optional>

namespace pgdesk::core::pq {

// Sends one statement (Connection::send: extended protocol, so exactly one statement whatever the text
// holds; the profile's transaction settings ahead of it unless Skip) and hands its results out one by one:
// in single-row mode a query's rows come one per result, so a huge result is never held whole. The
// connection is always left ready for the next statement: a server error is thrown once every result is
// read; a stream let go before its end (an exception in the caller, or a caller that has seen enough)
// cancels the statement (PQcancel) and reads what is left.
//
// A COPY … TO STDOUT is not rows: its data is read and dropped (CopyOut reads COPY data) and its tag comes
// as a Command. A COPY … FROM STDIN is refused at once (copyIn sends data), with setCopyInRefusal()'s
// reason as the statement's error.
class RowStream final {
public:
    enum class Kind {
        Row,     // one row (single-row mode)
        Rows,    // the end of a query: its command tag, and every row when single-row mode was refused
        Command, // a statement that returns no rows: its command tag
        Empty,   // an empty statement
    };
    struct Part {
        Kind kind = Kind::Empty;
        Result result; // describes the columns for Row and Rows
    };

    RowStream(Connection& connection, const QString& sql, const Params& params = {},
              TransactionSettings settings = TransactionSettings::Apply);
    ~RowStream();
    RowStream(const RowStream&) = delete;
    RowStream& operator=(const RowStream&) = delete;

    // The next part; nullopt at the end. Throws the statement's mapped error (after reading everything).
    std::optional<Part> next();
    void setCopyInRefusal(const QByteArray& reason) { m_copyInRefusal = reason; }

private:
    void drain() noexcept;

    Connection& m_connection;
    QString m_sql;
    SentStatement m_sent;
    bool m_done = false;
    QByteArray m_copyInRefusal = QByteArrayLiteral("COPY FROM STDIN is not supported here");
};

} // namespace pgdesk::core::pq
