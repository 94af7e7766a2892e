// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The COPY sub-protocol, both ways (COPY … FROM STDIN, COPY … TO STDOUT), for core's areas: the front
// ends use the operations built on it (exports, imports, bulk create; RowStream drains a COPY it meets).

#include <pgdesk/core/session/connection.h>

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>
#include <string_view>

namespace pgdesk::core::pq {

// Runs `statement` (a COPY … FROM STDIN), then calls `produce` for chunks of data until it returns false
// and sends each non-empty chunk. Whatever happens the copy is ended and every result drained, so the
// connection stays usable: an exception from `produce` aborts the copy (nothing is inserted) and is
// rethrown; a server error (bad row) is thrown as its mapped error, with the server's CONTEXT line
// ("COPY t, line 5, column price: …") kept in the error's detail. Returns the rows copied. The client
// encoding must be UTF8 (checked).
qint64 copyIn(Connection& connection, const QString& statement,
              const std::function<bool(QByteArray&)>& produce);

// Appends `value` (UTF-8) as one field of COPY's text format: backslash, tab, newline and carriage return
// escaped (UTF-8 never uses those bytes inside a multi-byte sequence, so bytewise is safe). NULL is the
// caller's `\N`.
void appendCopyText(QByteArray& out, const QByteArray& value);
void appendCopyText(QByteArray& out, const char* value, qsizetype size);
// The same into room the caller made (2 × size bytes at most); returns the end of what was written.
char* writeCopyText(char* out, const char* value, qsizetype size);

// Ends a COPY … FROM STDIN that a statement started where no data is to be sent: the server fails the
// statement with `reason`. Its results stay for whoever reads them.
void refuseCopyIn(Connection& connection, const QByteArray& reason) noexcept;

// Reads the data of one COPY … TO STDOUT as the server sends it, a message (one row) at a time. Let go
// before finish() (an exception in the caller), it cancels the COPY (PQcancel) and reads and drops what is
// left, so the connection is ready for the next statement.
class CopyOut final {
public:
    // Runs `statement` with the extended protocol (exactly one statement, so a query source cannot smuggle
    // in a second one) and starts reading; throws the mapped error when the COPY does not start.
    CopyOut(Connection& connection, const QString& statement);
    ~CopyOut();
    CopyOut(const CopyOut&) = delete;
    CopyOut& operator=(const CopyOut&) = delete;

    // The next message (a row with its newline; with HEADER the header line first), valid until the next
    // call; nullopt at the end of the data.
    std::optional<std::string_view> next();
    // After the data: the COPY's own result. Throws its mapped error (QueryCanceled when it was cancelled,
    // or the error that ended it midway); else returns the rows its tag counts.
    qint64 finish();

    // Reads and drops the data of a COPY … TO STDOUT that another reader started (a streamed statement
    // turned out to be one); its result stays for that reader.
    static void skipData(Connection& connection) noexcept;

private:
    void release() noexcept;

    Connection& m_connection;
    pg_conn* m_conn;
    QString m_statement;
    char* m_buffer = nullptr; // the last message, libpq's allocation
    bool m_dataDone = false;
    bool m_finished = false;
};

} // namespace pgdesk::core::pq
