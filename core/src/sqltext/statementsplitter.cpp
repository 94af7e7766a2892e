// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QStringList>

namespace pgdesk::core {

namespace {

using Mode = SqlLexState::Mode;

bool isIdentStart(QChar c) {
    return c.isLetter() || c == QLatin1Char('_') || c.unicode() >= 0x80;
}

bool isIdentChar(QChar c) {
    return isIdentStart(c) || c.isDigit() || c == QLatin1Char('$');
}

bool isDigit(QChar c) {
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// The length of a dollar-quote delimiter ($$ or $tag$) starting at i, 0 if there is none.
qsizetype dollarTagLength(const QString& s, qsizetype i) {
    qsizetype j = i + 1;
    if (j < s.size() && isIdentStart(s[j])) {
        while (j < s.size() && (isIdentStart(s[j]) || isDigit(s[j])))
            ++j;
    }
    return (j < s.size() && s[j] == QLatin1Char('$')) ? j + 1 - i : 0;
}

class Lexer {
public:
    Lexer(const QString& text, SqlLexState& state)
        : m_s(text)
        , m_state(state) {}

    QList<SqlToken> run() {
        if (m_state.mode != Mode::Normal) {
            const qsizetype start = m_i;
            continueConstruct();
            add(typeOf(m_resumedMode), start);
        }
        while (m_i < m_s.size())
            next();
        return m_tokens;
    }

private:
    static SqlTokenType typeOf(Mode mode) {
        switch (mode) {
        case Mode::BlockComment:
            return SqlTokenType::Comment;
        case Mode::String:
        case Mode::EscapeString:
            return SqlTokenType::String;
        case Mode::QuotedIdentifier:
            return SqlTokenType::QuotedIdentifier;
        case Mode::DollarString:
            return SqlTokenType::DollarString;
        case Mode::Normal:
            break;
        }
        return SqlTokenType::Operator;
    }

    void add(SqlTokenType type, qsizetype start) { m_tokens.append(SqlToken{type, start, m_i - start}); }
    QChar at(qsizetype i) const { return i < m_s.size() ? m_s[i] : QChar(); }

    // Reads on inside the construct m_state.mode says we are in, up to its end or the end of the text.
    void continueConstruct() {
        m_resumedMode = m_state.mode;
        switch (m_state.mode) {
        case Mode::BlockComment:
            while (m_i < m_s.size()) {
                if (m_s[m_i] == QLatin1Char('/') && at(m_i + 1) == QLatin1Char('*')) {
                    ++m_state.commentDepth;
                    m_i += 2;
                } else if (m_s[m_i] == QLatin1Char('*') && at(m_i + 1) == QLatin1Char('/')) {
                    m_i += 2;
                    if (--m_state.commentDepth == 0) {
                        m_state.mode = Mode::Normal;
                        return;
                    }
                } else {
                    ++m_i;
                }
            }
            return;
        case Mode::String:
        case Mode::EscapeString:
        case Mode::QuotedIdentifier: {
            const QChar quote = m_state.mode == Mode::QuotedIdentifier ? QLatin1Char('"') : QLatin1Char('\'');
            const bool backslash = m_state.mode == Mode::EscapeString;
            while (m_i < m_s.size()) {
                const QChar c = m_s[m_i];
                if (backslash && c == QLatin1Char('\\')) {
                    m_i += 2;
                } else if (c == quote) {
                    if (at(m_i + 1) == quote) {
                        m_i += 2; // doubled quote: part of the value
                    } else {
                        ++m_i;
                        m_state.mode = Mode::Normal;
                        return;
                    }
                } else {
                    ++m_i;
                }
            }
            m_i = m_s.size(); // a backslash at the very end stepped past it
            return;
        }
        case Mode::DollarString: {
            const qsizetype end = m_s.indexOf(m_state.dollarTag, m_i);
            if (end < 0) {
                m_i = m_s.size();
                return;
            }
            m_i = end + m_state.dollarTag.size();
            m_state.mode = Mode::Normal;
            m_state.dollarTag.clear();
            return;
        }
        case Mode::Normal:
            return;
        }
    }

    void startConstruct(Mode mode, SqlTokenType type, qsizetype start, qsizetype skip) {
        m_state.mode = mode;
        m_i += skip;
        continueConstruct();
        add(type, start);
    }

    void next() {
        const qsizetype start = m_i;
        const QChar c = m_s[m_i];
        const QChar n = at(m_i + 1);
        if (c.isSpace()) {
            ++m_i;
        } else if (c == QLatin1Char('-') && n == QLatin1Char('-')) {
            // PostgreSQL ends a line comment at \r too: what follows a lone \r is SQL to the server.
            qsizetype end = m_i;
            while (end < m_s.size() && m_s[end] != QLatin1Char('\n') && m_s[end] != QLatin1Char('\r'))
                ++end;
            m_i = end;
            add(SqlTokenType::Comment, start);
        } else if (c == QLatin1Char('/') && n == QLatin1Char('*')) {
            m_state.commentDepth = 1;
            startConstruct(Mode::BlockComment, SqlTokenType::Comment, start, 2);
        } else if (c == QLatin1Char('\'')) {
            startConstruct(Mode::String, SqlTokenType::String, start, 1);
        } else if (c == QLatin1Char('"')) {
            startConstruct(Mode::QuotedIdentifier, SqlTokenType::QuotedIdentifier, start, 1);
        } else if (c == QLatin1Char('$')) {
            if (isDigit(n)) {
                ++m_i;
                while (m_i < m_s.size() && isDigit(m_s[m_i]))
                    ++m_i;
                add(SqlTokenType::Parameter, start);
            } else if (const qsizetype tag = dollarTagLength(m_s, m_i)) {
                m_state.dollarTag = m_s.mid(m_i, tag);
                startConstruct(Mode::DollarString, SqlTokenType::DollarString, start, tag);
            } else {
                ++m_i;
                add(SqlTokenType::Operator, start);
            }
        } else if (isDigit(c) || (c == QLatin1Char('.') && isDigit(n))) {
            number();
        } else if (isIdentStart(c)) {
            word();
        } else {
            ++m_i;
            add(SqlTokenType::Operator, start);
        }
    }

    void number() {
        const qsizetype start = m_i;
        while (m_i < m_s.size() && isDigit(m_s[m_i]))
            ++m_i;
        // "1..2" is not a number with two points; a range-like pair stays two numbers.
        if (at(m_i) == QLatin1Char('.') && at(m_i + 1) != QLatin1Char('.')) {
            ++m_i;
            while (m_i < m_s.size() && isDigit(m_s[m_i]))
                ++m_i;
        }
        if ((at(m_i) == QLatin1Char('e') || at(m_i) == QLatin1Char('E')) &&
            (isDigit(at(m_i + 1)) || ((at(m_i + 1) == QLatin1Char('+') || at(m_i + 1) == QLatin1Char('-')) &&
                                      isDigit(at(m_i + 2))))) {
            m_i += 2;
            while (m_i < m_s.size() && isDigit(m_s[m_i]))
                ++m_i;
        }
        add(SqlTokenType::Number, start);
    }

    void word() {
        const qsizetype start = m_i;
        // String prefixes: E'…' (backslash escapes), B'…', X'…', N'…', U&'…' and U&"…".
        const QChar c = m_s[m_i].toUpper();
        const QChar n = at(m_i + 1);
        if (n == QLatin1Char('\'')) {
            if (c == QLatin1Char('E'))
                return startConstruct(Mode::EscapeString, SqlTokenType::String, start, 2);
            if (c == QLatin1Char('B') || c == QLatin1Char('X') || c == QLatin1Char('N'))
                return startConstruct(Mode::String, SqlTokenType::String, start, 2);
        }
        if (c == QLatin1Char('U') && n == QLatin1Char('&')) {
            if (at(m_i + 2) == QLatin1Char('\''))
                return startConstruct(Mode::String, SqlTokenType::String, start, 3);
            if (at(m_i + 2) == QLatin1Char('"'))
                return startConstruct(Mode::QuotedIdentifier, SqlTokenType::QuotedIdentifier, start, 3);
        }
        while (m_i < m_s.size() && isIdentChar(m_s[m_i]))
            ++m_i;
        add(SqlTokenType::Word, start);
    }

    const QString& m_s;
    SqlLexState& m_state;
    qsizetype m_i = 0;
    Mode m_resumedMode = Mode::Normal;
    QList<SqlToken> m_tokens;
};

// The tokens of one statement that matter for classifying it: words upper-cased, quoted identifiers and
// literals as placeholders, comments dropped, with their parenthesis depth.
struct Significant {
    QString text; // upper-cased word, or the operator character, or "" for literals/identifiers
    SqlTokenType type;
    int depth;
};

QList<Significant> significantTokens(const QString& statement) {
    SqlLexState state;
    QList<Significant> out;
    int depth = 0;
    for (const SqlToken& t : tokenizeSql(statement, state)) {
        if (t.type == SqlTokenType::Comment)
            continue;
        QString text;
        if (t.type == SqlTokenType::Word || t.type == SqlTokenType::Operator)
            text = statement.mid(t.start, t.length).toUpper();
        if (text == QLatin1String(")"))
            depth = std::max(0, depth - 1);
        out.append(Significant{text, t.type, depth});
        if (text == QLatin1String("("))
            ++depth;
    }
    return out;
}

bool isWord(const QList<Significant>& tokens, qsizetype i, const char* word) {
    return i >= 0 && i < tokens.size() && tokens[i].type == SqlTokenType::Word &&
           tokens[i].text == QLatin1String(word);
}

bool anyWord(const QList<Significant>& tokens, qsizetype from, const char* word) {
    for (qsizetype i = from; i < tokens.size(); ++i) {
        if (isWord(tokens, i, word))
            return true;
    }
    return false;
}

// FOR UPDATE / FOR NO KEY UPDATE / FOR SHARE / FOR KEY SHARE anywhere: a read-only snapshot refuses them.
bool hasLockingClause(const QList<Significant>& tokens) {
    for (qsizetype i = 0; i + 1 < tokens.size(); ++i) {
        if (isWord(tokens, i, "FOR") && (isWord(tokens, i + 1, "UPDATE") || isWord(tokens, i + 1, "SHARE") ||
                                         isWord(tokens, i + 1, "NO") || isWord(tokens, i + 1, "KEY")))
            return true;
    }
    return false;
}

bool isDataModifying(const QString& keyword) {
    return keyword == QLatin1String("INSERT") || keyword == QLatin1String("UPDATE") ||
           keyword == QLatin1String("DELETE") || keyword == QLatin1String("MERGE");
}

bool isQueryKeyword(const QString& keyword) {
    return keyword == QLatin1String("SELECT") || keyword == QLatin1String("VALUES") ||
           keyword == QLatin1String("TABLE");
}

// For WITH: the main statement's keyword (the first SELECT/VALUES/TABLE/INSERT/… outside every
// parenthesis) and whether any WITH part writes (its body starts with INSERT/UPDATE/DELETE/MERGE).
void classifyWith(const QList<Significant>& tokens, qsizetype from, QString* main, bool* modifying) {
    *modifying = false;
    for (qsizetype i = from; i < tokens.size(); ++i) {
        const Significant& t = tokens[i];
        if (t.text == QLatin1String("(") && t.depth == 0 && i + 1 < tokens.size() &&
            tokens[i + 1].type == SqlTokenType::Word && isDataModifying(tokens[i + 1].text))
            *modifying = true;
        if (t.depth == 0 && t.type == SqlTokenType::Word &&
            (isQueryKeyword(t.text) || isDataModifying(t.text))) {
            *main = t.text;
            return;
        }
    }
}

bool isTransactionControl(const QString& keyword) {
    static const QStringList words{QStringLiteral("BEGIN"),     QStringLiteral("START"),
                                   QStringLiteral("COMMIT"),    QStringLiteral("END"),
                                   QStringLiteral("ROLLBACK"),  QStringLiteral("ABORT"),
                                   QStringLiteral("SAVEPOINT"), QStringLiteral("RELEASE")};
    return words.contains(keyword);
}

// psql's list of commands that refuse a transaction block (it does not BEGIN before them either).
bool runsOutsideTransaction(const QList<Significant>& tokens, qsizetype k) {
    const auto word = [&](qsizetype offset, const char* w) { return isWord(tokens, k + offset, w); };
    if (word(0, "VACUUM"))
        return true;
    if (word(0, "CLUSTER"))
        return k + 1 >= tokens.size() || word(1, "VERBOSE"); // CLUSTER without a table: the whole database
    if (word(0, "CREATE") || word(0, "DROP")) {
        if (word(1, "DATABASE") || word(1, "TABLESPACE") || word(1, "SUBSCRIPTION"))
            return true;
        const qsizetype index = word(1, "UNIQUE") ? 2 : 1;
        return word(index, "INDEX") && word(index + 1, "CONCURRENTLY");
    }
    if (word(0, "ALTER"))
        return word(1, "SYSTEM");
    if (word(0, "REINDEX"))
        return word(1, "DATABASE") || word(1, "SYSTEM") || anyWord(tokens, k + 1, "CONCURRENTLY");
    if (word(0, "DISCARD"))
        return word(1, "ALL");
    if (word(0, "COMMIT") || word(0, "ROLLBACK"))
        return word(1, "PREPARED");
    return false;
}

// Statements whose effect outlives their transaction on the server session (what a transaction pooler
// hands to other clients between transactions): what to call them in a warning, else empty.
QString sessionChangeOf(const QList<Significant>& tokens, qsizetype k) {
    const auto word = [&](qsizetype offset, const char* w) { return isWord(tokens, k + offset, w); };
    if (word(0, "SET"))
        return (word(1, "LOCAL") || word(1, "TRANSACTION") || word(1, "CONSTRAINTS")) ? QString()
                                                                                      : QStringLiteral("SET");
    if (word(0, "RESET") || word(0, "LISTEN") || word(0, "LOAD"))
        return tokens[k].text;
    if (word(0, "PREPARE"))
        return word(1, "TRANSACTION") ? QString() : QStringLiteral("PREPARE");
    if (word(0, "DECLARE")) {
        for (qsizetype i = k + 1; i + 1 < tokens.size() && !isWord(tokens, i, "FOR"); ++i)
            if (isWord(tokens, i, "WITH") && isWord(tokens, i + 1, "HOLD"))
                return QStringLiteral("DECLARE … WITH HOLD");
        return {};
    }
    const auto onCommitDrop = [&] {
        for (qsizetype j = k; j + 2 < tokens.size(); ++j)
            if (isWord(tokens, j, "ON") && isWord(tokens, j + 1, "COMMIT") && isWord(tokens, j + 2, "DROP"))
                return true;
        return false;
    };
    if (word(0, "SELECT")) { // SELECT … INTO [LOCAL|GLOBAL] TEMP[ORARY] t
        for (qsizetype i = k + 1; i + 1 < tokens.size(); ++i) {
            if (!isWord(tokens, i, "INTO"))
                continue;
            const qsizetype t =
                (isWord(tokens, i + 1, "LOCAL") || isWord(tokens, i + 1, "GLOBAL")) ? i + 2 : i + 1;
            if (isWord(tokens, t, "TEMP") || isWord(tokens, t, "TEMPORARY"))
                return QStringLiteral("SELECT … INTO TEMPORARY");
        }
        return {};
    }
    if (word(0, "CREATE")) {
        qsizetype i = 1;
        if (word(i, "OR") && word(i + 1, "REPLACE"))
            i += 2;
        if (word(i, "LOCAL") || word(i, "GLOBAL"))
            ++i;
        if (word(i, "UNLOGGED"))
            ++i;
        if (word(i, "TABLE") || word(i, "VIEW") || word(i, "SEQUENCE")) { // … pg_temp.name
            qsizetype n = i + 1;
            if (word(n, "IF") && word(n + 1, "NOT") && word(n + 2, "EXISTS"))
                n += 3;
            return word(n, "PG_TEMP") && !onCommitDrop() ? QStringLiteral("CREATE TEMPORARY") : QString();
        }
        if (!word(i, "TEMP") && !word(i, "TEMPORARY"))
            return {};
        return onCommitDrop() ? QString()
                              : QStringLiteral("CREATE TEMPORARY"); // ON COMMIT DROP: gone with it
    }
    return {};
}

} // namespace

QList<SqlToken> tokenizeSql(const QString& text, SqlLexState& state) {
    return Lexer(text, state).run();
}

SqlStatement classifyStatement(const QString& statement) {
    SqlStatement s;
    s.text = statement;
    const QList<Significant> tokens = significantTokens(statement);
    qsizetype k = 0;
    while (k < tokens.size() && tokens[k].text == QLatin1String("("))
        ++k; // (SELECT …) UNION (SELECT …)
    if (k >= tokens.size() || tokens[k].type != SqlTokenType::Word)
        return s;
    s.keyword = tokens[k].text;
    s.outsideTransaction = runsOutsideTransaction(tokens, k);
    s.sessionChange = sessionChangeOf(tokens, k);
    const QString& kw = s.keyword;
    if (isQueryKeyword(kw)) {
        s.kind = StatementKind::Rows;
        s.pageable = !anyWord(tokens, k, "INTO") && !hasLockingClause(tokens);
    } else if (kw == QLatin1String("WITH")) {
        QString main;
        bool modifying = false;
        classifyWith(tokens, k + 1, &main, &modifying);
        if (isQueryKeyword(main)) {
            s.kind = StatementKind::Rows;
            s.pageable = !modifying && !anyWord(tokens, k, "INTO") && !hasLockingClause(tokens);
        }
    } else if (kw == QLatin1String("SHOW") || kw == QLatin1String("EXPLAIN") ||
               kw == QLatin1String("FETCH")) {
        s.kind = StatementKind::Rows;
    } else if ((isTransactionControl(kw) && !s.outsideTransaction) ||
               (kw == QLatin1String("PREPARE") && isWord(tokens, k + 1, "TRANSACTION"))) {
        s.kind = StatementKind::TransactionControl;
    }
    return s;
}

QList<SqlStatement> splitStatements(const QString& script) {
    SqlLexState state;
    const QList<SqlToken> tokens = tokenizeSql(script, state);
    QList<SqlStatement> out;

    qsizetype start = -1; // first token of the statement being read
    qsizetype last = -1;  // end of its last token
    int parenDepth = 0;
    int beginDepth = 0;
    QString leading; // first letters of the leading words (c, o, r, f, p): CREATE [OR REPLACE] FUNCTION
    int words = 0;

    const auto finish = [&] {
        if (start >= 0) {
            const QString text = script.mid(start, last - start);
            SqlStatement s = classifyStatement(text);
            s.offset = start;
            // Only comments: nothing to run.
            SqlLexState probe;
            bool onlyComments = true;
            for (const SqlToken& t : tokenizeSql(text, probe))
                onlyComments = onlyComments && t.type == SqlTokenType::Comment;
            if (!onlyComments)
                out.append(s);
        }
        start = last = -1;
        parenDepth = beginDepth = words = 0;
        leading.clear();
    };

    for (const SqlToken& t : tokens) {
        const QStringView text = QStringView(script).mid(t.start, t.length);
        if (t.type == SqlTokenType::Operator && text == QLatin1String(";") && parenDepth == 0 &&
            beginDepth == 0) {
            finish();
            continue;
        }
        if (start < 0)
            start = t.start;
        last = t.start + t.length;
        if (t.type == SqlTokenType::Operator) {
            if (text == QLatin1String("("))
                ++parenDepth;
            else if (text == QLatin1String(")"))
                parenDepth = std::max(0, parenDepth - 1);
        } else if (t.type == SqlTokenType::Word) {
            // psql's heuristic for SQL-standard function bodies (BEGIN ATOMIC … END): inside CREATE
            // [OR REPLACE] FUNCTION/PROCEDURE, BEGIN (and CASE within it) opens a block that END closes.
            const QString word = text.toString().toLower();
            static const QStringList tracked{QStringLiteral("create"), QStringLiteral("function"),
                                             QStringLiteral("procedure"), QStringLiteral("or"),
                                             QStringLiteral("replace")};
            if (words < 4)
                leading += tracked.contains(word) ? word.at(0) : QLatin1Char(' ');
            ++words;
            const bool routine =
                leading.startsWith(QLatin1String("cf")) || leading.startsWith(QLatin1String("cp")) ||
                leading.startsWith(QLatin1String("corf")) || leading.startsWith(QLatin1String("corp"));
            if (routine && parenDepth == 0) {
                if (word == QLatin1String("begin"))
                    ++beginDepth;
                else if (word == QLatin1String("case") && beginDepth > 0)
                    ++beginDepth;
                else if (word == QLatin1String("end") && beginDepth > 0)
                    --beginDepth;
            }
        }
    }
    finish();
    return out;
}

int statementAt(const QList<SqlStatement>& statements, qsizetype position) {
    if (statements.isEmpty())
        return -1;
    int found = 0;
    for (int i = 0; i < statements.size(); ++i) {
        if (statements[i].offset <= position)
            found = i;
    }
    return found;
}

qsizetype indexOfCharacterPosition(const QString& text, int position) {
    if (position <= 0)
        return -1;
    qsizetype i = 0;
    for (int n = 1; n < position; ++n) {
        if (i >= text.size())
            return -1;
        i += (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) ? 2 : 1;
    }
    return i < text.size() ? i : -1;
}

bool statementMayWrite(const SqlStatement& s) {
    static const QStringList reads{
        QStringLiteral("SHOW"),   QStringLiteral("SET"),     QStringLiteral("RESET"),
        QStringLiteral("LISTEN"), QStringLiteral("FETCH"),   QStringLiteral("MOVE"),
        QStringLiteral("CLOSE"),  QStringLiteral("DISCARD"), QStringLiteral("DEALLOCATE")};
    if (s.pageable || s.kind == StatementKind::TransactionControl || reads.contains(s.keyword))
        return false;
    if (s.keyword == QLatin1String("EXPLAIN"))
        return s.text.contains(QLatin1String("analyze"), Qt::CaseInsensitive) ||
               s.text.contains(QLatin1String("analyse"), Qt::CaseInsensitive);
    return true;
}

} // namespace pgdesk::core
