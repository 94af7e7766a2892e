// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>
#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QList>
#include <QString>

#include <optional>

namespace pgdesk::core {

// ErrorInfo::field of every refusal by the production guard (the CLI's exit code 9).
inline constexpr char kWriteGuardField[] = "allow_write";

// The production guard's statement check. A locked production session is read-only on the server, but
// PostgreSQL lets a read-only session turn itself writable (BEGIN READ WRITE, SET TRANSACTION READ WRITE,
// SET default_transaction_read_only, SET SESSION CHARACTERISTICS, set_config) and runs some things in a
// read-only transaction that are not harmless (COPY … PROGRAM, ALTER SYSTEM, VACUUM FULL and the other
// maintenance commands, DO and CALL, which may COMMIT inside and start a writable transaction, dblink,
// server files, signals to other sessions). Such statements are refused before anything is sent.
// The server then enforces the rest: every write in a read-only transaction fails with 25006, and
// Connection::checkWriteGuard() catches a session whose default a function turned off.

// Pure: why the guard refuses `statement` (one statement, as splitStatements gives it) while writing is
// locked, in a few words ("opens a read-write transaction"); std::nullopt when it does not.
std::optional<QString> guardRefusal(const QString& statement);

// Pure: why `statement` acts outside its own transaction, so that a rollback would not undo it (programs,
// server files, other connections, signals to other sessions, notifications, the server's configuration, a
// library loaded, DO and CALL whose bodies no lexer sees): the guard's reasons less those about turning a
// session writable and maintenance. A lock trace does not run such a statement. std::nullopt otherwise.
std::optional<QString> actsOutsideTransaction(const QString& statement);

struct GuardRefusal {
    int index = 0;        // 0-based, in the list given
    qsizetype offset = 0; // where the statement starts in the script
    QString statement;
    QString reason;
};

// Pure: the first statement the guard refuses, if any.
std::optional<GuardRefusal> firstGuardRefusal(const QList<SqlStatement>& statements);

// Throws the guard's refusal (a ConfigurationError, field kWriteGuardField) naming the statement:
// "statement 2 of 3 (line 4) is refused on production profile "x" while writing is locked: …; nothing was
// sent". `count` and `line` are left out when 0.
[[noreturn]] void throwGuardRefusal(const QString& profileName, const GuardRefusal& refusal, int count,
                                    int line);

// Throws the guard's refusal of an operation (`what`: "maintenance (VACUUM …)", "terminating a session")
// on a production profile without the guard's key: nothing was sent.
[[noreturn]] void throwWriteGuarded(const ConnectionProfile& profile, const QString& what);

} // namespace pgdesk::core
