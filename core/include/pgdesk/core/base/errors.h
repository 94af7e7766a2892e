// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <exception>
#include <string>
#include <string_view>

namespace pgdesk::core {

// The error taxonomy of the adapter. One kind per class below; errorKindFromSqlState() is the only
// place that decides which kind a server error is.
enum class ErrorKind {
    Configuration,
    Connection,
    Authentication,
    PoolTimeout,
    PermissionDenied,
    NotFound,
    AlreadyExists,
    Integrity,
    Serialization,
    Deadlock,
    QueryCanceled,
    Data,
    Syntax,
    Conflict,
    Query,
};

// Everything an error carries. Plain values only, so errors can be copied across threads.
struct ErrorInfo {
    ErrorKind kind = ErrorKind::Query;
    QString message;   // primary message, e.g. the server's
    QString sqlState;  // five characters, empty when not from the server
    QString detail;    // server DETAIL
    QString hint;      // server HINT
    QString statement; // the SQL that failed; parameters never included when hidden
    QString field;     // for configuration errors: the profile field or DSN keyword at fault
    QString column;    // column the server or a value check named, if any
    QString table;     // table named by the server, if any
    QString constraint;
    QString context;  // server CONTEXT: where it happened ("COPY t, line 5, column c: …", PL/pgSQL lines)
    int position = 0; // 1-based character position in statement (syntax errors), 0 if unknown
};

// Pure: maps a SQLSTATE to the error kind. Unknown states are ErrorKind::Query.
ErrorKind errorKindFromSqlState(std::string_view sqlState) noexcept;
// The lower-case name of a kind ("connection", "serialization", …), for JSON and logs.
QString errorKindName(ErrorKind kind);
// Whether retrying the whole transaction may succeed (serialization failures and deadlocks).
bool isRetryable(ErrorKind kind) noexcept;

class Error : public std::exception {
public:
    explicit Error(ErrorInfo info);
    const char* what() const noexcept override;

    const ErrorInfo& info() const noexcept { return m_info; }
    ErrorKind kind() const noexcept { return m_info.kind; }
    QString message() const { return m_info.message; }
    QString sqlState() const { return m_info.sqlState; }
    QString detail() const { return m_info.detail; }
    QString hint() const { return m_info.hint; }
    QString statement() const { return m_info.statement; }
    bool retryable() const noexcept { return isRetryable(m_info.kind); }
    // One line for people: "ERROR 23505: duplicate key value … (DETAIL …)".
    QString displayText() const;

private:
    ErrorInfo m_info;
    std::string m_what;
};

#define PGDESK_DECLARE_ERROR(Name, Base)                                                                     \
    class Name : public Base {                                                                               \
    public:                                                                                                  \
        using Base::Base;                                                                                    \
    };

PGDESK_DECLARE_ERROR(ConfigurationError, Error)
PGDESK_DECLARE_ERROR(ConnectionError, Error)
PGDESK_DECLARE_ERROR(AuthenticationError, ConnectionError)
PGDESK_DECLARE_ERROR(PoolTimeoutError, ConnectionError)
// The SSH tunnel failed (kind Connection; field says which hop: one of the kSsh* names below).
PGDESK_DECLARE_ERROR(SshError, ConnectionError)
PGDESK_DECLARE_ERROR(QueryError, Error)
PGDESK_DECLARE_ERROR(PermissionDenied, QueryError)
PGDESK_DECLARE_ERROR(NotFound, QueryError)
PGDESK_DECLARE_ERROR(AlreadyExists, QueryError)
PGDESK_DECLARE_ERROR(IntegrityError, QueryError)
PGDESK_DECLARE_ERROR(SerializationFailure, QueryError)
PGDESK_DECLARE_ERROR(DeadlockDetected, SerializationFailure)
PGDESK_DECLARE_ERROR(QueryCanceled, QueryError)
PGDESK_DECLARE_ERROR(DataError, QueryError)
PGDESK_DECLARE_ERROR(SyntaxError, QueryError)
PGDESK_DECLARE_ERROR(ConflictError, QueryError)

#undef PGDESK_DECLARE_ERROR

// ErrorInfo::field of an SshError: which step of the way failed. The message starts with the same words
// in every front end ("SSH host unreachable", "SSH authentication failed", "SSH host key changed",
// "SSH host key not accepted", "SSH forwarding refused").
inline constexpr char kSshUnreachable[] = "ssh_unreachable";
inline constexpr char kSshAuthentication[] = "ssh_authentication";
inline constexpr char kSshHostKeyChanged[] = "ssh_host_key_changed";
inline constexpr char kSshHostKeyRefused[] = "ssh_host_key_refused";
inline constexpr char kSshForwarding[] = "ssh_forwarding";
inline constexpr char kSshFailed[] = "ssh_failed"; // ssh ended for another reason (its words in detail)
bool isSshFailure(const ErrorInfo& info);

// ErrorInfo::field of a failure to write an output file (disk full, I/O error): the CLI's exit code 10.
inline constexpr char kOutputFileField[] = "output_file";
// Throws the failure to write `what` (a file name) for `reason` (the system's words).
[[noreturn]] void throwOutputError(const QString& what, const QString& reason);

// Throws the exception class that matches info.kind (SshError for a Connection error of an SSH field).
[[noreturn]] void throwError(ErrorInfo info);
// Shorthand for an error with only a kind and a message.
[[noreturn]] void throwError(ErrorKind kind, const QString& message);
// Shorthand for configuration errors that name the offending field.
[[noreturn]] void throwConfigurationError(const QString& field, const QString& message);

} // namespace pgdesk::core
