// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace pgdesk::core {

// Pure: `sql` laid out for reading — clauses of queries on lines of their own (SELECT, FROM, WHERE, JOIN,
// GROUP BY, ORDER BY, UNION, VALUES, SET, RETURNING, ON CONFLICT …), lists one item per line,
// subqueries and CREATE TABLE columns indented, BEGIN ATOMIC bodies one statement per line, blank lines
// between statements.
//
// It never changes meaning: it works on tokenizeSql()'s tokens and only changes the whitespace between
// them, so lexing the result gives the same tokens (same types, same text, keyword case kept). Tokens that
// touched stay touching unless one of them is ( ) , or ; (`->>` or `a.b` are never split); a `--` comment
// keeps its line end; two string literals keep or lack the newline that makes them one literal; gaps
// holding other than ASCII white space are kept as they are; psql meta-command lines (\echo …) are kept
// verbatim. Formatting twice gives what formatting once gave. The result ends with a newline when `sql`
// did. Both proved on every statement of the demo scripts and of contrib extension scripts
// (tst_sqlformatter).
QString formatSql(const QString& sql);

} // namespace pgdesk::core
