// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Text made safe for SQL without a connection: identifiers, string and array literals, LIKE patterns and
// comments.

#include <QString>
#include <QStringList>

namespace pgdesk::core {

// Pure: "we"ird" → "\"we\"\"ird\"" (doubles the double quotes, wraps in double quotes). Needs no
// connection, so SQL can be built and tested without I/O.
QString quoteIdentifier(const QString& identifier);
// Pure: 'text' as a standard string literal (quotes doubled; standard_conforming_strings on, as
// PostgreSQL's default since 9.1 and every session of PgDesk has it). A NUL character is refused
// (DataError): no PostgreSQL text holds one.
QString stringLiteral(const QString& text);
// Pure, and right whatever standard_conforming_strings says: E'…' (backslashes doubled) when the value
// has a backslash, else '…'; single quotes doubled. As PQescapeLiteral, less the space it puts before E,
// and as the server's quote_literal().
QString quoteLiteralPure(const QString& value);
// Pure: {"a","b\"c"} → {"a","b\"c"} as a PostgreSQL array literal with every element double-quoted and
// `"` / `\` backslash-escaped. A null QString element is SQL NULL, which filters do not support: DataError.
QString arrayLiteral(const QStringList& elements);
// Pure: escapes `\`, `%` and `_` with a backslash so the text matches literally in LIKE … ESCAPE '\'.
QString escapeLike(const QString& text);
// Pure: any text (a name, a signature, a message) made safe to stand inside a SQL comment, `--` or
// `/* */`, so that nothing in it can end the comment: a line break (\n, \r, vertical tab, form feed,
// U+0085, U+2028, U+2029) or any other control character but tab becomes a visible escape (\n, \r, \v,
// \f, \u2028 …), `/*` and `*/` (PostgreSQL's block comments nest) become `/\*` and `*\/`, and a backslash
// is doubled so the escapes read back unambiguously. Every generated script writes user or catalog text
// into its comments through this.
QString sqlCommentText(const QString& text);
// Pure: "(\n<sql>\n) AS \"q\"" for a query source, with trailing semicolons and whitespace removed, the
// parenthesis on its own line so a trailing -- comment cannot swallow it. Empty SQL → ConfigurationError.
QString querySource(const QString& sql);

} // namespace pgdesk::core
