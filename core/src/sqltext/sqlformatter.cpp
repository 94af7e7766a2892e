// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/sqltext/sqlformatter.h>

#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QList>
#include <QStringList>

namespace pgdesk::core {

namespace {

constexpr int kIndent = 4;

enum class Kind {
    Script,     // the root: holds statements
    Atomic,     // a BEGIN ATOMIC … END body: holds statements
    Query,      // SELECT / WITH / INSERT / … at a statement's level or in a subquery's parentheses
    Other,      // DDL, function arguments, expressions: the author's line breaks are kept
    Definition, // CREATE TABLE's column list: one item per line
};

struct Frame {
    Kind kind = Kind::Other;
    bool paren = false;     // opened by "(", closed by ")"
    int base = 0;           // indent of the frame's clause keywords / items
    int close = 0;          // indent of the closing ")" or END
    QString first;          // the frame's first word, upper case
    int seen = 0;           // significant tokens placed at this level
    QString clause;         // Query: the clause in force
    qsizetype itemsAt = -1; // Query: the token that starts a clause's items, put on a line of their own
    bool list = false;      // Query: the clause's items go one per line
    bool between = false;   // Query: a BETWEEN waits for its AND
    int tableState = 0;     // statement: 1 after CREATE … TABLE (its "(" lists columns), 2 when past that
    int caseDepth = 0;      // Atomic: CASE … END open in the body
};

enum class Sep { None, Space, Newline };

bool isAsciiSpace(QChar c) {
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') ||
           c == QLatin1Char('\r') || c == QLatin1Char('\f') || c == QLatin1Char('\v');
}

class Formatter {
public:
    explicit Formatter(const QString& sql)
        : m_s(sql) {
        SqlLexState state;
        m_t = tokenizeSql(sql, state);
        const qsizetype n = m_t.size();
        m_upper.resize(n);
        m_skip.fill(false, n);
        for (qsizetype i = 0; i < n; ++i) {
            if (m_t[i].type == SqlTokenType::Word)
                m_upper[i] = text(i).toString().toUpper();
            if (m_t[i].type == SqlTokenType::Comment)
                m_skip[i] = true;
        }
        // psql meta-commands: a backslash first on its line, to the line's end.
        m_metaEnd.fill(-1, n);
        for (qsizetype i = 0; i < n; ++i) {
            if (!isOp(i, '\\') || (i > 0 && !gap(i).contains(QLatin1Char('\n'))))
                continue;
            qsizetype lineEnd = m_s.indexOf(QLatin1Char('\n'), m_t[i].start);
            if (lineEnd < 0)
                lineEnd = m_s.size();
            qsizetype j = i;
            while (j + 1 < n && m_t[j + 1].start < lineEnd)
                ++j;
            m_metaEnd[i] = j;
            for (qsizetype k = i; k <= j; ++k)
                m_skip[k] = true;
            i = j;
        }
        m_prev.fill(-1, n);
        m_next.fill(-1, n);
        qsizetype last = -1;
        for (qsizetype i = 0; i < n; ++i) {
            m_prev[i] = last;
            if (!m_skip[i])
                last = i;
        }
        last = -1;
        for (qsizetype i = n - 1; i >= 0; --i) {
            m_next[i] = last;
            if (!m_skip[i])
                last = i;
        }
        Frame script;
        script.kind = Kind::Script;
        m_frames.append(script);
    }

    QString run() {
        for (qsizetype i = 0; i < m_t.size(); ++i) {
            if (m_metaEnd[i] >= 0) {
                const qsizetype j = m_metaEnd[i];
                emitSep(i, m_out.isEmpty() ? Sep::None : Sep::Newline, 0, true);
                m_out += m_s.mid(m_t[i].start, m_t[j].start + m_t[j].length - m_t[i].start);
                m_lineBreakAfter = true;
                i = j;
            } else if (m_t[i].type == SqlTokenType::Comment) {
                placeComment(i);
            } else {
                place(i);
            }
        }
        const qsizetype end = m_t.isEmpty() ? 0 : m_t.last().start + m_t.last().length;
        if (!m_out.isEmpty() && m_s.indexOf(QLatin1Char('\n'), end) >= 0)
            m_out += QLatin1Char('\n');
        return m_out;
    }

private:
    QStringView text(qsizetype i) const { return QStringView(m_s).mid(m_t[i].start, m_t[i].length); }
    QString word(qsizetype i) const { return i >= 0 && i < m_upper.size() ? m_upper[i] : QString(); }
    bool isWord(qsizetype i, const char* w) const { return word(i) == QLatin1String(w); }
    bool isOp(qsizetype i, char c) const {
        return i >= 0 && i < m_t.size() && m_t[i].type == SqlTokenType::Operator && m_t[i].length == 1 &&
               m_s[m_t[i].start] == QLatin1Char(c);
    }
    bool isPunct(qsizetype i) const { return isOp(i, '(') || isOp(i, ')') || isOp(i, ',') || isOp(i, ';'); }
    QStringView gap(qsizetype i) const {
        if (i <= 0)
            return {};
        const qsizetype from = m_t[i - 1].start + m_t[i - 1].length;
        return QStringView(m_s).mid(from, m_t[i].start - from);
    }
    bool gapHasNewline(qsizetype i) const { return gap(i).contains(QLatin1Char('\n')); }

    Frame& top() { return m_frames.last(); }
    bool isContainer(const Frame& f) const { return f.kind == Kind::Script || f.kind == Kind::Atomic; }
    bool isStatement(qsizetype level) const { return level > 0 && isContainer(m_frames[level - 1]); }

    // Where a line that continues the current frame starts.
    int contIndent() {
        const Frame& f = top();
        switch (f.kind) {
        case Kind::Script:
        case Kind::Atomic:
        case Kind::Definition:
            return f.base;
        case Kind::Query:
            return f.clause.isEmpty() ? f.base : f.base + kIndent;
        case Kind::Other:
            return f.paren || f.seen == 0 ? f.base : f.base + kIndent;
        }
        return f.base;
    }

    // Writes the white space before token i: `sep` as asked, within what keeps meaning.
    void emitSep(qsizetype i, Sep sep, int indent, bool meta = false) {
        const bool lineBreak = m_lineBreakAfter;
        m_lineBreakAfter = false;
        if (m_out.isEmpty())
            return;
        const QStringView g = gap(i);
        for (QChar c : g) {
            if (!isAsciiSpace(c)) { // e.g. a no-break space: PostgreSQL would not see white space there
                m_out += g;
                return;
            }
        }
        const qsizetype before = i - 1;
        const bool punctPair = !meta && !m_skip[i] && !m_skip[before] && (isPunct(i) || isPunct(before));
        if (!punctPair) { // touching tokens stay touching, separate ones stay separate
            if (g.isEmpty())
                sep = Sep::None;
            else if (sep == Sep::None)
                sep = Sep::Space;
        }
        // Two string literals are one when a newline (comments aside) separates them: keep that exactly.
        const qsizetype left = m_skip[before] ? m_prev[before] : before;
        const qsizetype right = m_skip[i] ? m_next[i] : i;
        if (!meta && left >= 0 && right >= 0 && m_t[left].type == SqlTokenType::String &&
            m_t[right].type == SqlTokenType::String)
            sep = gapHasNewline(i) ? Sep::Newline : g.isEmpty() ? Sep::None : Sep::Space;
        if ((lineBreak || m_t[before].type == SqlTokenType::Comment) && gapHasNewline(i))
            sep = Sep::Newline;
        switch (sep) {
        case Sep::None:
            break;
        case Sep::Space:
            m_out += QLatin1Char(' ');
            break;
        case Sep::Newline:
            m_out += m_blankPending ? QLatin1String("\n\n") : QLatin1String("\n");
            m_out += QString(indent, QLatin1Char(' '));
            m_lineIndent = indent;
            m_blankPending = false;
            break;
        }
    }

    void append(qsizetype i) {
        m_out += text(i);
        if (m_t[i].type == SqlTokenType::Comment && text(i).startsWith(QLatin1String("--")))
            m_lineBreakAfter = true;
    }

    void placeComment(qsizetype i) {
        // A comment on the line of what it precedes stays there; one on a line of its own keeps its line.
        const Sep sep = gap(i).isEmpty() ? Sep::None : gapHasNewline(i) ? Sep::Newline : Sep::Space;
        emitSep(i, sep, isContainer(top()) ? top().base : contIndent());
        append(i);
    }

    static bool isQueryWord(const QString& w) {
        static const QStringList words{
            QStringLiteral("SELECT"), QStringLiteral("WITH"),   QStringLiteral("VALUES"),
            QStringLiteral("INSERT"), QStringLiteral("UPDATE"), QStringLiteral("DELETE"),
            QStringLiteral("MERGE"),  QStringLiteral("TABLE"),  QStringLiteral("EXPLAIN")};
        return words.contains(w);
    }

    static bool isJoinPrefix(const QString& w) {
        static const QStringList words{QStringLiteral("LEFT"),   QStringLiteral("RIGHT"),
                                       QStringLiteral("FULL"),   QStringLiteral("INNER"),
                                       QStringLiteral("OUTER"),  QStringLiteral("CROSS"),
                                       QStringLiteral("NATURAL")};
        return words.contains(w);
    }

    // The clause a word at a Query frame's level starts ("" when none): its name.
    QString clauseAt(qsizetype i, const Frame& f) const {
        const QString w = word(i);
        if (w.isEmpty() || isOp(m_prev[i], '.'))
            return {};
        const QString prev = word(m_prev[i]);
        const qsizetype next = m_next[i];
        static const QStringList always{
            QStringLiteral("SELECT"),    QStringLiteral("WHERE"), QStringLiteral("HAVING"),
            QStringLiteral("WINDOW"),    QStringLiteral("LIMIT"), QStringLiteral("OFFSET"),
            QStringLiteral("RETURNING"), QStringLiteral("UNION"), QStringLiteral("INTERSECT"),
            QStringLiteral("EXCEPT"),    QStringLiteral("SET")};
        if (always.contains(w))
            return w;
        if (w == QLatin1String("FROM"))
            return prev == QLatin1String("DISTINCT") || prev == QLatin1String("DELETE") ? QString() : w;
        if (w == QLatin1String("VALUES"))
            return prev == QLatin1String("DEFAULT") ? QString() : w;
        if ((w == QLatin1String("GROUP") || w == QLatin1String("ORDER")) && isWord(next, "BY"))
            return w;
        if (w == QLatin1String("ON") && isWord(next, "CONFLICT"))
            return w;
        if (w == QLatin1String("FETCH") && (isWord(next, "FIRST") || isWord(next, "NEXT")))
            return w;
        if (w == QLatin1String("FOR") &&
            (isWord(next, "UPDATE") || isWord(next, "SHARE") || isWord(next, "NO") || isWord(next, "KEY")))
            return w;
        if (w == QLatin1String("USING"))
            return f.first == QLatin1String("DELETE") ? w : QString();
        if (w == QLatin1String("INSERT") || w == QLatin1String("UPDATE") || w == QLatin1String("DELETE") ||
            w == QLatin1String("MERGE")) {
            return isOp(m_prev[i], ')') || prev == QLatin1String("ANALYZE") ||
                           prev == QLatin1String("VERBOSE") || prev == QLatin1String("EXPLAIN")
                       ? w
                       : QString();
        }
        if (w == QLatin1String("JOIN"))
            return isJoinPrefix(prev) ? QString() : w;
        if (isJoinPrefix(w) && !isJoinPrefix(prev)) {
            for (qsizetype j = next; j >= 0; j = m_next[j]) {
                if (isWord(j, "JOIN"))
                    return QStringLiteral("JOIN");
                if (!isJoinPrefix(word(j)))
                    break;
            }
        }
        return {};
    }

    static bool isListClause(const QString& c) {
        static const QStringList lists{QStringLiteral("SELECT"), QStringLiteral("WITH"),
                                       QStringLiteral("GROUP"),  QStringLiteral("ORDER"),
                                       QStringLiteral("SET"),    QStringLiteral("RETURNING"),
                                       QStringLiteral("VALUES"), QStringLiteral("FROM")};
        return lists.contains(c);
    }

    // Sets up the clause starting at token i of Query frame f: where its items start, whether they have
    // a comma at this level (then one per line).
    void startClause(qsizetype i, Frame& f, const QString& clause) {
        f.clause = clause;
        f.between = false;
        f.list = false;
        f.itemsAt = -1;
        if (!isListClause(clause))
            return;
        qsizetype j = m_next[i];
        if (clause == QLatin1String("GROUP") || clause == QLatin1String("ORDER"))
            j = m_next[j]; // BY
        while (isWord(j, "DISTINCT") || isWord(j, "ALL") || isWord(j, "RECURSIVE")) {
            const bool on = isWord(j, "DISTINCT") && isWord(m_next[j], "ON") && isOp(m_next[m_next[j]], '(');
            j = m_next[j];
            if (on) { // DISTINCT ON (…)
                j = m_next[j];
                for (int depth = 0; j >= 0; j = m_next[j]) {
                    depth += isOp(j, '(') ? 1 : isOp(j, ')') ? -1 : 0;
                    if (depth == 0) {
                        j = m_next[j];
                        break;
                    }
                }
            }
        }
        if (j < 0)
            return;
        f.itemsAt = j;
        int depth = 0;
        for (qsizetype k = j; k >= 0; k = m_next[k]) {
            if (isOp(k, '(') || isOp(k, '['))
                ++depth;
            else if (isOp(k, ')') || isOp(k, ']')) {
                if (--depth < 0)
                    break;
            } else if (depth == 0) {
                if (isOp(k, ';') || (k != j && !clauseAt(k, f).isEmpty()))
                    break;
                if (isOp(k, ',')) {
                    f.list = true;
                    break;
                }
            }
        }
    }

    qsizetype nearestAtomic() const {
        for (qsizetype l = m_frames.size() - 1; l > 0; --l) {
            if (m_frames[l].kind == Kind::Atomic)
                return l;
        }
        return -1;
    }

    void place(qsizetype i) {
        Sep sep = Sep::Space;
        int indent = contIndent();
        const qsizetype prev = m_prev[i];
        const QString w = word(i);

        if (w == QLatin1String("END") && nearestAtomic() >= 0 && m_frames[nearestAtomic()].caseDepth == 0) {
            const qsizetype a = nearestAtomic(); // the BEGIN ATOMIC body ends
            indent = m_frames[a].close;
            m_frames.resize(a);
            sep = Sep::Newline;
        } else if (isContainer(top())) { // a statement starts
            if (isOp(i, ';')) {
                emitSep(i, Sep::None, 0);
                append(i);
                return;
            }
            Frame s;
            s.first = w;
            s.base = top().base;
            s.close = top().base;
            if (isQueryWord(w) || (isOp(i, '(') && isQueryWord(word(m_next[i]))))
                s.kind = Kind::Query;
            m_frames.append(s);
            sep = Sep::Newline;
            indent = s.base;
        } else if (isOp(i, ')') && top().paren) {
            const Frame f = top();
            m_frames.removeLast();
            if (f.kind == Kind::Query || f.kind == Kind::Definition || gapHasNewline(i))
                sep = Sep::Newline;
            else
                sep = Sep::None;
            indent = f.close;
        } else if (isOp(i, ',') || isOp(i, ';')) {
            sep = Sep::None;
        } else if (isOp(prev, '(') && top().paren && top().seen == 0) {
            const Frame& f = top();
            sep = f.kind == Kind::Query || f.kind == Kind::Definition || gapHasNewline(i) ? Sep::Newline
                                                                                          : Sep::None;
            indent = f.base;
        } else {
            Frame& f = top();
            QString clause;
            if (f.kind == Kind::Other && m_frames.size() >= 2 && isStatement(m_frames.size() - 1) &&
                (w == QLatin1String("SELECT") || w == QLatin1String("WITH") ||
                 w == QLatin1String("VALUES")) &&
                isWord(prev, "AS")) {
                f.kind = Kind::Query; // CREATE VIEW … AS SELECT
                f.first = w;
            }
            if (f.kind == Kind::Query)
                clause = clauseAt(i, f);
            if (!clause.isEmpty()) {
                sep = Sep::Newline;
                indent = f.base;
                startClause(i, f, clause);
            } else if (f.kind == Kind::Query && i == f.itemsAt && f.list) {
                sep = Sep::Newline;
                indent = f.base + kIndent;
            } else if (isOp(prev, ',')) {
                if (f.kind == Kind::Query && f.list) {
                    sep = Sep::Newline;
                    indent = f.base + kIndent;
                } else if (f.kind == Kind::Definition) {
                    sep = Sep::Newline;
                    indent = f.base;
                } else {
                    sep = f.kind != Kind::Query && gapHasNewline(i) ? Sep::Newline : Sep::Space;
                }
            } else if (f.kind == Kind::Query && (w == QLatin1String("AND") || w == QLatin1String("OR")) &&
                       (f.clause == QLatin1String("WHERE") || f.clause == QLatin1String("HAVING") ||
                        f.clause == QLatin1String("JOIN"))) {
                if (w == QLatin1String("AND") && f.between) {
                    f.between = false;
                } else {
                    sep = Sep::Newline;
                    indent = f.base + kIndent;
                }
            } else if (isOp(prev, '(')) {
                sep = Sep::None;
            } else if (isOp(i, '(') || isOp(prev, ')')) {
                sep = gap(i).isEmpty() ? Sep::None : Sep::Space;
            }
            if (sep != Sep::Newline && f.kind != Kind::Query && gapHasNewline(i))
                sep = Sep::Newline;
            if (f.kind == Kind::Query && w == QLatin1String("BETWEEN"))
                f.between = true;
        }
        emitSep(i, sep, indent);
        append(i);
        afterPlace(i);
    }

    // Frames that token i opens, and what it tells the frames it is in.
    void afterPlace(qsizetype i) {
        const QString w = word(i);
        if (m_frames.size() > 1)
            ++top().seen;
        if (const qsizetype a = nearestAtomic(); a >= 0) {
            if (w == QLatin1String("CASE"))
                ++m_frames[a].caseDepth;
            else if (w == QLatin1String("END") && m_frames[a].caseDepth > 0)
                --m_frames[a].caseDepth;
        }
        Frame& f = top();
        const bool statementLevel = isStatement(m_frames.size() - 1);
        if (f.kind == Kind::Query && f.seen == 1 && !w.isEmpty())
            startClause(i, f, w);
        if (statementLevel && f.first == QLatin1String("CREATE")) {
            if (w == QLatin1String("TABLE") && f.tableState == 0)
                f.tableState = 1;
            else if (f.tableState == 1 && (w == QLatin1String("OF") || w == QLatin1String("AS") ||
                                           w == QLatin1String("PARTITION")))
                f.tableState = 2;
        }
        if (isOp(i, ';') && statementLevel) {
            m_frames.removeLast();
            m_blankPending = top().kind == Kind::Script;
            return;
        }
        if (w == QLatin1String("ATOMIC") && isWord(m_prev[i], "BEGIN") && statementLevel) {
            Frame a;
            a.kind = Kind::Atomic;
            a.base = f.base + kIndent;
            a.close = f.base;
            m_frames.append(a);
            return;
        }
        if (isOp(i, '(')) {
            Frame p;
            p.paren = true;
            p.close = m_lineIndent;
            p.base = m_lineIndent + kIndent;
            const qsizetype next = m_next[i];
            const QString nw = word(next);
            if (nw == QLatin1String("SELECT") || nw == QLatin1String("WITH") ||
                nw == QLatin1String("VALUES") ||
                ((nw == QLatin1String("INSERT") || nw == QLatin1String("UPDATE") ||
                  nw == QLatin1String("DELETE")) &&
                 isWord(m_prev[i], "AS"))) {
                p.kind = Kind::Query;
                p.first = nw;
            } else if (statementLevel && f.tableState == 1) {
                p.kind = Kind::Definition;
            }
            if (statementLevel && f.tableState == 1)
                f.tableState = 2;
            m_frames.append(p);
        }
    }

    const QString& m_s;
    QList<SqlToken> m_t;
    QStringList m_upper;        // Word tokens upper-cased, "" for others
    QList<bool> m_skip;         // comments and meta-command lines: not significant
    QList<qsizetype> m_metaEnd; // at a meta-command's backslash: its line's last token
    QList<qsizetype> m_prev;    // previous significant token
    QList<qsizetype> m_next;    // next significant token
    QList<Frame> m_frames;
    QString m_out;
    int m_lineIndent = 0;
    bool m_blankPending = false;   // a statement ended: a blank line before what comes next on a new line
    bool m_lineBreakAfter = false; // a -- comment or meta-command line was written: a newline must follow
};

} // namespace

QString formatSql(const QString& sql) {
    return Formatter(sql).run();
}

} // namespace pgdesk::core
