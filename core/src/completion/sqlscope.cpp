// SPDX-License-Identifier: GPL-3.0-or-later
#include "completion/sqlscope.h"

#include <QSet>

#include <optional>

namespace pgdesk::core::completion {

namespace {

QString unquote(QString t) {
    if (t.startsWith(QLatin1String("U&")) || t.startsWith(QLatin1String("u&")))
        t = t.mid(2);
    t = t.mid(1);
    if (t.endsWith(QLatin1Char('"')) && !t.endsWith(QLatin1String("\"\"")))
        t.chop(1);
    return t.replace(QLatin1String("\"\""), QLatin1String("\""));
}

} // namespace

// quote_ident()'s rule: reserved, type/function-name and column-name keywords (PostgreSQL 16).
bool isQuotedKeyword(const QString& word) {
    static const QSet<QString> set = [] {
        const QString all = QStringLiteral(
            "all analyse analyze and any array as asc asymmetric both case cast check collate column "
            "constraint "
            "create current_catalog current_date current_role current_time current_timestamp current_user "
            "default deferrable desc distinct do else end except false fetch for foreign from grant group "
            "having "
            "in initially intersect into lateral leading limit localtime localtimestamp not null offset on "
            "only "
            "or order placing primary references returning select session_user some symmetric system_user "
            "table "
            "then to trailing true union unique user using variadic when where window with authorization "
            "binary "
            "collation concurrently cross current_schema freeze full ilike inner is isnull join left like "
            "natural notnull outer overlaps right similar tablesample verbose between bigint bit boolean "
            "char "
            "character coalesce dec decimal exists extract float greatest grouping inout int integer "
            "interval "
            "least national nchar none normalize nullif numeric out overlay position precision real row "
            "setof "
            "smallint substring time timestamp treat trim values varchar xmlattributes xmlconcat xmlelement "
            "xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable ");
        const QStringList list = all.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        return QSet<QString>(list.begin(), list.end());
    }();
    return set.contains(word);
}

// The keywords offered as completions (upper case, as the formatter keeps what users type).
const QStringList& completionKeywords() {
    static const QStringList list =
        QStringLiteral(
            "ALL ALTER AND ANY AS ASC BEGIN BETWEEN BY CASE CAST COALESCE COMMIT COPY CREATE CROSS DEFAULT "
            "DELETE DESC DISTINCT DROP ELSE END EXCEPT EXISTS EXPLAIN FALSE FETCH FILTER FIRST FOR FROM FULL "
            "GRANT GROUP HAVING ILIKE IN INNER INSERT INTERSECT INTO IS JOIN LAST LATERAL LEFT LIKE LIMIT "
            "NATURAL NOT NULL NULLS OFFSET ON OR ORDER OUTER OVER PARTITION RETURNING REVOKE RIGHT ROLLBACK "
            "SELECT SET SHOW TABLE THEN TRUE TRUNCATE UNION UPDATE USING VACUUM VALUES VIEW WHEN WHERE "
            "WINDOW "
            "WITH ")
            .split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return list;
}

bool isClauseWord(const QString& lowerWord) {
    static const QSet<QString> extra = {"set",   "overriding", "conflict", "partition",
                                        "nulls", "filter",     "over"};
    return isQuotedKeyword(lowerWord) || extra.contains(lowerWord);
}

QString nameOf(const Tok& t) {
    return t.type == SqlTokenType::QuotedIdentifier ? unquote(t.text) : t.lower;
}

QList<Tok> lex(const QString& text) {
    SqlLexState state;
    QList<Tok> out;
    for (const SqlToken& s : tokenizeSql(text, state)) {
        Tok t{s.type, s.start, s.start + s.length, text.mid(s.start, s.length), {}};
        if (t.type == SqlTokenType::Word)
            t.lower = t.text.toLower();
        out << t;
    }
    return out;
}

int matching(const QList<Tok>& toks, int open, int end) {
    int depth = 0;
    for (int i = open; i < end; ++i) {
        if (toks[i].isOp(QLatin1Char('(')))
            ++depth;
        else if (toks[i].isOp(QLatin1Char(')')) && --depth == 0)
            return i;
    }
    return end;
}

bool startsQuery(const QList<Tok>& toks, int i, int end) {
    return i < end && (toks[i].isWord("select") || toks[i].isWord("with") || toks[i].isWord("values"));
}

const Cte* SqlScope::cte(const QString& name) const {
    for (const Cte& c : m_ctes)
        if (c.name == name)
            return &c;
    return nullptr;
}

QList<Source> SqlScope::sources(int from, int to, int cteLimit) const {
    QList<Source> out;
    bool inFrom = false;
    for (int i = from; i < to; ++i) {
        const Tok& t = m_toks[i];
        if (t.isOp(QLatin1Char('('))) {
            i = matching(m_toks, i, to);
            continue;
        }
        if (t.isWord("from") || t.isWord("join") || t.isWord("update") || t.isWord("into")) {
            inFrom = true;
            i = fromItem(i + 1, to, out, cteLimit) - 1;
        } else if (inFrom && t.isOp(QLatin1Char(','))) {
            i = fromItem(i + 1, to, out, cteLimit) - 1;
        } else if (t.type == SqlTokenType::Word && isClauseWord(t.lower) && !t.isWord("on") &&
                   !t.isWord("using") && !t.isWord("left") && !t.isWord("right") && !t.isWord("full") &&
                   !t.isWord("inner") && !t.isWord("outer") && !t.isWord("cross") && !t.isWord("natural")) {
            inFrom = false;
        }
    }
    return out;
}

QList<CompletionColumn> SqlScope::outputColumns(int from, int to, int cteLimit) const {
    int i = from;
    if (i < to && m_toks[i].isWord("with")) { // skip the CTE definitions: the main SELECT is at depth 0
        while (i < to && !m_toks[i].isWord("select") && !m_toks[i].isWord("values")) {
            if (m_toks[i].isOp(QLatin1Char('(')))
                i = matching(m_toks, i, to);
            ++i;
        }
    }
    if (i + 1 < to && m_toks[i].isWord("values") && m_toks[i + 1].isOp(QLatin1Char('('))) {
        // VALUES (…), …: column1, column2 … as many as the first row has.
        const int close = matching(m_toks, i + 1, to);
        QList<CompletionColumn> out;
        if (close > i + 2)
            out << CompletionColumn{QStringLiteral("column1"), {}};
        int depth = 0; // ( and [ of the values themselves: f(a, b), array[1, 2]
        for (int k = i + 2; k < close; ++k) {
            const Tok& t = m_toks[k];
            if (t.isOp(QLatin1Char('(')) || t.isOp(QLatin1Char('[')))
                ++depth;
            else if (t.isOp(QLatin1Char(')')) || t.isOp(QLatin1Char(']')))
                --depth;
            else if (depth == 0 && t.isOp(QLatin1Char(',')))
                out << CompletionColumn{QStringLiteral("column%1").arg(out.size() + 1), {}};
        }
        return out;
    }
    while (i < to && !m_toks[i].isWord("select"))
        ++i;
    if (i >= to)
        return {};
    ++i;
    if (i < to && (m_toks[i].isWord("distinct") || m_toks[i].isWord("all"))) {
        ++i;
        if (i < to && m_toks[i].isWord("on") && i + 1 < to && m_toks[i + 1].isOp(QLatin1Char('(')))
            i = matching(m_toks, i + 1, to) + 1;
    }
    QList<CompletionColumn> out;
    std::optional<QList<Source>> scope; // only worked out when a * or a bare column needs it
    const auto sourcesHere = [&]() -> const QList<Source>& {
        if (!scope)
            scope = sources(from, to, cteLimit);
        return *scope;
    };
    int itemStart = i;
    for (; i <= to; ++i) {
        const bool atEnd = i == to || m_toks[i].isOp(QLatin1Char(')')) || m_toks[i].isOp(QLatin1Char(';')) ||
                           (m_toks[i].type == SqlTokenType::Word && isClauseWord(m_toks[i].lower) &&
                            !m_toks[i].isWord("as") && i > itemStart && itemEndsAt(m_toks[i]));
        if (i < to && m_toks[i].isOp(QLatin1Char('('))) {
            i = matching(m_toks, i, to);
            continue;
        }
        if (atEnd || m_toks[i].isOp(QLatin1Char(','))) {
            item(itemStart, i, out, sourcesHere);
            if (atEnd)
                break;
            itemStart = i + 1;
        }
    }
    return out;
}

bool SqlScope::itemEndsAt(const Tok& t) {
    static const QSet<QString> enders = {"from",   "into",  "where",     "group",  "having", "order", "limit",
                                         "offset", "union", "intersect", "except", "window", "fetch", "for"};
    return enders.contains(t.lower);
}

template <typename Scope>
void SqlScope::item(int a, int b, QList<CompletionColumn>& out, const Scope& scope) const {
    if (b <= a)
        return;
    const Tok& last = m_toks[b - 1];
    if (last.isOp(QLatin1Char('*'))) {
        const QString qualifier = b - a == 3 && m_toks[a].isName() ? nameOf(m_toks[a]) : QString();
        for (const Source& s : scope())
            if (qualifier.isEmpty() || s.alias == qualifier)
                out += s.columns;
        return;
    }
    if (last.isName()) {
        const QString name = nameOf(last);
        if (b - a == 1 || m_toks[b - 2].isOp(QLatin1Char('.'))) { // a column: keep its type when known
            const QString qualifier = b - a == 3 ? nameOf(m_toks[a]) : QString();
            for (const Source& s : scope())
                if (qualifier.isEmpty() || s.alias == qualifier)
                    for (const CompletionColumn& c : s.columns)
                        if (c.name == name) {
                            out << c;
                            return;
                        }
            out << CompletionColumn{name, {}};
            return;
        }
        const Tok& prev = m_toks[b - 2];
        if (prev.isWord("as") || prev.type != SqlTokenType::Operator || prev.isOp(QLatin1Char(')'))) {
            out << CompletionColumn{name, {}};
            return;
        }
    }
    if (last.isOp(QLatin1Char(')')) && m_toks[a].isName() && b - a >= 3 &&
        m_toks[a + 1].isOp(QLatin1Char('(')))
        out << CompletionColumn{nameOf(m_toks[a]), {}}; // f(…) is named f
}

int SqlScope::fromItem(int i, int to, QList<Source>& out, int cteLimit) const {
    while (i < to && (m_toks[i].isWord("lateral") || m_toks[i].isWord("only")))
        ++i;
    if (i >= to)
        return i;
    Source s;
    bool scalarFunction = false;
    if (m_toks[i].isOp(QLatin1Char('('))) {
        const int close = matching(m_toks, i, to);
        if (startsQuery(m_toks, i + 1, close))
            s.columns = outputColumns(i + 1, close, cteLimit);
        s.kind = CompletionItem::Alias;
        i = close + 1;
    } else if (m_toks[i].isName()) {
        QStringList parts{nameOf(m_toks[i])};
        ++i;
        while (i + 1 < to && m_toks[i].isOp(QLatin1Char('.')) && m_toks[i + 1].isName()) {
            parts << nameOf(m_toks[i + 1]);
            i += 2;
        }
        if (i < to && m_toks[i].isOp(QLatin1Char('.'))) // `schema.` being typed: not a source yet
            return i + 1;
        s.alias = parts.last();
        if (i < to && m_toks[i].isOp(QLatin1Char('('))) { // a table function
            i = matching(m_toks, i, to) + 1;
            s.kind = CompletionItem::Function;
            const FunctionColumns f = functionColumns(parts);
            s.columns = f.columns;
            scalarFunction = f.scalar;
            if (i + 1 < to && m_toks[i].isWord("with") && m_toks[i + 1].isWord("ordinality")) {
                s.columns << CompletionColumn{QStringLiteral("ordinality"), QStringLiteral("bigint")};
                i += 2;
            }
        } else {
            const Cte* c = parts.size() == 1 ? cteBefore(parts[0], cteLimit) : nullptr;
            if (c) {
                s.kind = CompletionItem::Cte;
                s.columns = c->columns;
            } else if (const CompletionRelation* r = m_catalog.findRelation(
                           parts.size() > 1 ? parts[parts.size() - 2] : QString(), parts.last())) {
                s.kind =
                    r->kind == CompletionRelation::Kind::Table ? CompletionItem::Table : CompletionItem::View;
                s.columns = r->columns;
                s.detail = r->schema + QLatin1Char('.') + r->name;
                s.relation = r;
            }
        }
        if (i < to && m_toks[i].isOp(QLatin1Char('*')))
            ++i;
    } else {
        return i;
    }
    if (i < to && m_toks[i].isWord("as"))
        ++i;
    if (i < to && m_toks[i].isName() &&
        !(m_toks[i].type == SqlTokenType::Word && isClauseWord(m_toks[i].lower))) {
        if (!s.alias.isEmpty() && s.detail.isEmpty())
            s.detail = s.alias;
        s.alias = nameOf(m_toks[i]);
        ++i;
        if (scalarFunction) // `generate_series(1, 3) g`: its one column is g
            s.columns.first().name = s.alias;
        if (i < to && m_toks[i].isOp(QLatin1Char('('))) { // column aliases rename the first columns
            const int close = matching(m_toks, i, to);
            int n = 0;
            for (int k = i + 1; k < close; ++k)
                if (m_toks[k].isName()) {
                    if (n < s.columns.size())
                        s.columns[n].name = nameOf(m_toks[k]);
                    else
                        s.columns << CompletionColumn{nameOf(m_toks[k]), {}};
                    ++n;
                }
            i = close + 1;
        }
    }
    if (!s.alias.isEmpty())
        out << s;
    return i;
}

namespace {

// "a integer, \"Full Name\" text, b numeric(10,2)" (TABLE(…) of pg_get_function_result) as columns.
QList<CompletionColumn> tableColumns(const QString& list) {
    QList<CompletionColumn> out;
    int depth = 0;
    bool quoted = false;
    qsizetype start = 0;
    for (qsizetype k = 0; k <= list.size(); ++k) {
        const QChar ch = k < list.size() ? list.at(k) : QLatin1Char(',');
        if (ch == QLatin1Char('"'))
            quoted = !quoted; // "" inside a name toggles twice
        else if (!quoted && ch == QLatin1Char('('))
            ++depth;
        else if (!quoted && ch == QLatin1Char(')'))
            --depth;
        if (quoted || depth > 0 || ch != QLatin1Char(','))
            continue;
        const QString piece = list.mid(start, k - start).trimmed();
        start = k + 1;
        const QList<Tok> toks = lex(piece);
        if (toks.isEmpty() || !toks.first().isName())
            continue;
        out << CompletionColumn{nameOf(toks.first()), piece.mid(toks.first().end).trimmed()};
    }
    return out;
}

} // namespace

SqlScope::FunctionColumns SqlScope::functionColumns(const QStringList& parts) const {
    const QString schema = parts.size() > 1 ? parts[parts.size() - 2] : QString();
    const QString& name = parts.last();
    const CompletionFunction* function = nullptr;
    for (int k : m_catalog.functionsWithPrefix(name.toLower())) {
        const CompletionFunction& f = m_catalog.functions[k];
        if (f.name == name && (schema.isEmpty() ? m_catalog.isVisible(f.schema) : f.schema == schema)) {
            function = &f;
            break;
        }
    }
    if (!function)
        return {};
    QString result = function->result;
    if (result.startsWith(QLatin1String("TABLE("), Qt::CaseInsensitive) && result.endsWith(QLatin1Char(')')))
        return {tableColumns(result.mid(6, result.size() - 7)), false};
    if (result.startsWith(QLatin1String("SETOF "), Qt::CaseInsensitive))
        result = result.mid(6);
    if (result == QLatin1String("record"))
        return {};
    // A table's (or view's) row type: its columns. Else a base type: one column.
    const QList<Tok> toks = lex(result);
    if (toks.size() == 1 && toks[0].isName()) {
        if (const CompletionRelation* r = m_catalog.findRelation({}, nameOf(toks[0])))
            return {r->columns, false};
    } else if (toks.size() == 3 && toks[0].isName() && toks[1].isOp(QLatin1Char('.')) && toks[2].isName()) {
        if (const CompletionRelation* r = m_catalog.findRelation(nameOf(toks[0]), nameOf(toks[2])))
            return {r->columns, false};
    }
    return {{CompletionColumn{name, result}}, true};
}

const Cte* SqlScope::cteBefore(const QString& name, int limit) const {
    for (int k = 0; k < limit && k < m_ctes.size(); ++k)
        if (m_ctes[k].name == name)
            return &m_ctes[k];
    return nullptr;
}

void SqlScope::collectCtes() {
    const int n = int(m_toks.size());
    for (int i = 0; i < n; ++i) {
        if (!m_toks[i].isWord("with"))
            continue;
        int k = i + 1;
        if (k < n && m_toks[k].isWord("recursive"))
            ++k;
        while (k < n && m_toks[k].isName()) {
            Cte c{nameOf(m_toks[k]), {}};
            ++k;
            QStringList names;
            if (k < n && m_toks[k].isOp(QLatin1Char('('))) {
                const int close = matching(m_toks, k, n);
                for (int j = k + 1; j < close; ++j)
                    if (m_toks[j].isName())
                        names << nameOf(m_toks[j]);
                k = close + 1;
            }
            if (!(k < n && m_toks[k].isWord("as")))
                break;
            ++k;
            if (k < n && m_toks[k].isWord("not"))
                ++k;
            if (k < n && m_toks[k].isWord("materialized"))
                ++k;
            if (!(k < n && m_toks[k].isOp(QLatin1Char('('))))
                break;
            const int close = matching(m_toks, k, n);
            c.columns = outputColumns(k + 1, close, int(m_ctes.size()));
            for (int j = 0; j < names.size(); ++j) {
                if (j < c.columns.size())
                    c.columns[j].name = names[j];
                else
                    c.columns << CompletionColumn{names[j], {}};
            }
            m_ctes << c;
            k = close + 1;
            if (!(k < n && m_toks[k].isOp(QLatin1Char(','))))
                break;
            ++k;
        }
    }
}

} // namespace pgdesk::core::completion
