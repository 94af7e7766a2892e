// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace pgdesk::core {

// ---- Lexing ------------------------------------------------------------------------------------------

enum class SqlTokenType {
    Word,             // keyword or unquoted identifier (may contain `$` after the first character)
    QuotedIdentifier, // "…" (also U&"…")
    String,           // '…', E'…', B'…', X'…', N'…', U&'…'
    DollarString,     // $tag$…$tag$
    Number,
    Parameter, // $1
    Comment,   // -- to the end of the line, or /* … */ (nested)
    Operator,  // one character of anything else: ; ( ) , . :: + …
};

struct SqlToken {
    SqlTokenType type = SqlTokenType::Word;
    qsizetype start = 0; // QString index (UTF-16 units) in the text that was lexed
    qsizetype length = 0;
};

// Where the lexer is between two pieces of text: inside a construct that spans lines or not. Lets a
// highlighter lex one line at a time and carry the state to the next.
struct SqlLexState {
    enum class Mode { Normal, BlockComment, String, EscapeString, QuotedIdentifier, DollarString };
    Mode mode = Mode::Normal;
    int commentDepth = 0; // nesting of /* */ in BlockComment
    QString dollarTag;    // "$body$" in DollarString

    bool operator==(const SqlLexState&) const = default;
};

// Pure: the tokens of `text` (whitespace is not a token), starting in `state` and leaving in `state` the
// mode in force at the end (a line comment ends with its line). A construct still open at the end is one
// token up to the end of the text. PostgreSQL's rules: '' inside '…'; backslash escapes only in E'…'
// (standard_conforming_strings on); nested block comments; a `$` inside an identifier does not start a
// dollar quote.
QList<SqlToken> tokenizeSql(const QString& text, SqlLexState& state);

// ---- Statements --------------------------------------------------------------------------------------

// What running a statement gives back, as far as a query tool cares.
enum class StatementKind {
    Rows,               // SELECT, VALUES, TABLE, WITH … SELECT, SHOW, EXPLAIN, FETCH
    TransactionControl, // BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK, ABORT, SAVEPOINT, RELEASE, PREPARE
                        // TRANSACTION
    Other,              // everything else (INSERT … RETURNING still returns rows)
};

struct SqlStatement {
    QString text;         // without the terminating `;` and surrounding whitespace (leading comments kept)
    qsizetype offset = 0; // where text starts in the script (QString index)
    StatementKind kind = StatementKind::Other;
    QString keyword; // leading keyword, upper case ("SELECT", "WITH"); empty when there is none
    // A plain query that can run wrapped as a subquery (paged on the server): SELECT / VALUES / TABLE /
    // WITH … SELECT without SELECT … INTO, locking clauses (FOR UPDATE …) or data-modifying WITH parts.
    bool pageable = false;
    // Cannot run inside a transaction block (VACUUM, CREATE DATABASE, CREATE INDEX CONCURRENTLY, …), so
    // a query tool without autocommit must not open one for it.
    bool outsideTransaction = false;
    // Changes the server session beyond the statement's transaction (SET without LOCAL, RESET, PREPARE,
    // LISTEN, LOAD, DECLARE … WITH HOLD, CREATE TEMPORARY … without ON COMMIT DROP): what it is, for a
    // warning through a transaction pooler, which shares sessions between clients. Empty otherwise.
    QString sessionChange;

    qsizetype end() const { return offset + text.size(); }
};

// Pure: splits a script at the semicolons that end statements — not inside quotes, comments, dollar
// quotes or parentheses, nor inside the BEGIN … END body of CREATE FUNCTION / PROCEDURE (as psql does) —
// and classifies each statement. Pieces with nothing but whitespace and comments are left out.
QList<SqlStatement> splitStatements(const QString& script);

// Pure: classifies one statement (text as given, offset 0).
SqlStatement classifyStatement(const QString& statement);

// Pure: whether a statement may change something: anything but a plain query, SHOW, EXPLAIN without
// ANALYZE, transaction control, cursors and session settings (SET, RESET, DISCARD …). A plain query that
// calls a function which writes is one the server stops in a read-only transaction: this asks the text.
bool statementMayWrite(const SqlStatement& statement);

// The index of the statement a cursor at `position` is in: the last one starting at or before it (so
// the blank lines after a statement belong to it), the first one before all; -1 when there are none.
int statementAt(const QList<SqlStatement>& statements, qsizetype position);

// Pure: the QString index in `text` of PostgreSQL's 1-based character position (the server counts
// characters, QString counts UTF-16 units); -1 when position is 0 or beyond the text.
qsizetype indexOfCharacterPosition(const QString& text, int position);

} // namespace pgdesk::core
