// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace pgdesk::core {

// Pure: `sql` (one statement or a script) with the secrets it carries replaced by "********", for every
// place a statement is kept or shown (the SQL log and echo, error messages, the query history, the agents'
// call log). Read with the project's lexer, so quotes, comments and dollar quotes are told apart:
//  - the string after PASSWORD or SSLPASSWORD, whatever the statement: CREATE/ALTER ROLE … PASSWORD '…',
//    CREATE/ALTER USER MAPPING … OPTIONS (password '…');
//  - the password inside any string that reads as a connection string (key=value with password= or
//    sslpassword=, or a postgresql:// URI with user:password@ or ?password=): CREATE/ALTER SUBSCRIPTION …
//    CONNECTION '…', dblink('…').
// Everything else is left as written; a statement without such a string comes back unchanged (and fast:
// most statements never reach the lexer).
QString maskStatementSecrets(const QString& sql);

} // namespace pgdesk::core
