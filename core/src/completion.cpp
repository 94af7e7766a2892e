#include <pgdesk/core/completion.h>
#include <pgdesk/core/connection.h>
#include <pgdesk/core/result.h>
#include <pgdesk/core/sqlbuilder.h>
#include <pgdesk/core/statementsplitter.h>

#include <QSet>

#include <algorithm>
#include <optional>

namespace pgdesk::core {

namespace {

// Keywords quote_ident() quotes: reserved, type/function-name and column-name keywords (PostgreSQL 16).
const QSet<QString>& quotedKeywords() {
    static const QSet<QString> set = [] {
        QSet<QString> s;
        for (const char* k : {"all",
                              "analyse",
                              "analyze",
                              "and",
                              "any",
                              "array",
                              "as",
                              "asc",
                              "asymmetric",
                              "both",
                              "case",
                              "cast",
                              "check",
                              "collate",
                              "column",
                              "constraint",
                              "create",
                              "current_catalog",
                              "current_date",
                              "current_role",
                              "current_time",
                              "current_timestamp",
                              "current_user",
                              "default",
                              "deferrable",
                              "desc",
                              "distinct",
                              "do",
                              "else",
                              "end",
                              "except",
                              "false",
                              "fetch",
                              "for",
                              "foreign",
                              "from",
                              "grant",
                              "group",
                              "having",
                              "in",
                              "initially",
                              "intersect",
                              "into",
                              "lateral",
                              "leading",
                              "limit",
                              "localtime",
                              "localtimestamp",
                              "not",
                              "null",
                              "offset",
                              "on",
                              "only",
                              "or",
                              "order",
                              "placing",
                              "primary",
                              "references",
                              "returning",
                              "select",
                              "session_user",
                              "some",
                              "symmetric",
                              "system_user",
                              "table",
                              "then",
                              "to",
                              "trailing",
                              "true",
                              "union",
                              "unique",
                              "user",
                              "using",
                              "variadic",
                              "when",
                              "where",
                              "window",
                              "with",
                              "authorization",
                              "binary",
                              "collation",
                              "concurrently",
                              "cross",
                              "current_schema",
                              "freeze",
                              "full",
                              "ilike",
                              "inner",
                              "is",
                              "isnull",
                              "join",
                              "left",
                              "like",
                              "natural",
                              "notnull",
                              "outer",
                              "overlaps",
                              "right",
                              "similar",
                              "tablesample",
                              "verbose",
                              "between",
                              "bigint",
                              "bit",
                              "boolean",
                              "char",
                              "character",
                              "coalesce",
                              "dec",
                              "decimal",
                              "exists",
                              "extract",
                              "float",
                              "greatest",
                              "grouping",
                              "inout",
                              "int",
                              "integer",
                              "interval",
                              "least",
                              "national",
                              "nchar",
                              "none",
                              "normalize",
                              "nullif",
                              "numeric",
                              "out",
                              "overlay",
                              "position",
                              "precision",
                              "real",
                              "row",
                              "setof",
                              "smallint",
                              "substring",
                              "time",
                              "timestamp",
                              "treat",
                              "trim",
                              "values",
                              "varchar",
                              "xmlattributes",
                              "xmlconcat",
                              "xmlelement",
                              "xmlexists",
                              "xmlforest",
                              "xmlnamespaces",
                              "xmlparse",
                              "xmlpi",
                              "xmlroot",
                              "xmlserialize",
                              "xmltable"})
            s.insert(QString::fromLatin1(k));
        return s;
    }();
    return set;
}

// The keywords offered as completions (upper case, as the formatter keeps what users type).
const QStringList& completionKeywords() {
    static const QStringList list = [] {
        QStringList l;
        for (const char* k :
             {"ALL",       "ALTER",   "AND",    "ANY",       "AS",        "ASC",     "BEGIN",    "BETWEEN",
              "BY",        "CASE",    "CAST",   "COALESCE",  "COMMIT",    "COPY",    "CREATE",   "CROSS",
              "DEFAULT",   "DELETE",  "DESC",   "DISTINCT",  "DROP",      "ELSE",    "END",      "EXCEPT",
              "EXISTS",    "EXPLAIN", "FALSE",  "FETCH",     "FILTER",    "FIRST",   "FOR",      "FROM",
              "FULL",      "GRANT",   "GROUP",  "HAVING",    "ILIKE",     "IN",      "INNER",    "INSERT",
              "INTERSECT", "INTO",    "IS",     "JOIN",      "LAST",      "LATERAL", "LEFT",     "LIKE",
              "LIMIT",     "NATURAL", "NOT",    "NULL",      "NULLS",     "OFFSET",  "ON",       "OR",
              "ORDER",     "OUTER",   "OVER",   "PARTITION", "RETURNING", "REVOKE",  "RIGHT",    "ROLLBACK",
              "SELECT",    "SET",     "SHOW",   "TABLE",     "THEN",      "TRUE",    "TRUNCATE", "UNION",
              "UPDATE",    "USING",   "VACUUM", "VALUES",    "VIEW",      "WHEN",    "WHERE",    "WINDOW",
              "WITH"})
            l << QString::fromLatin1(k);
        return l;
    }();
    return list;
}

// Words that end a FROM item or a select-list item rather than name an alias.
const QSet<QString>& clauseWords() {
    static const QSet<QString> set = [] {
        QSet<QString> s = quotedKeywords();
        for (const char* k : {"set", "overriding", "conflict", "partition", "nulls", "filter", "over"})
            s.insert(QString::fromLatin1(k));
        return s;
    }();
    return set;
}

struct Tok {
    SqlTokenType type;
    qsizetype start;
    qsizetype end;
    QString text;
    QString lower; // lower-cased text of a Word, else empty

    bool isOp(QChar c) const { return type == SqlTokenType::Operator && text.size() == 1 && text[0] == c; }
    bool isWord(const char* w) const { return type == SqlTokenType::Word && lower == QLatin1String(w); }
    bool isName() const {
        return type == SqlTokenType::QuotedIdentifier ||
               (type == SqlTokenType::Word && !lower.isEmpty() && !lower[0].isDigit());
    }
};

QString unquote(QString t) {
    if (t.startsWith(QLatin1String("U&")) || t.startsWith(QLatin1String("u&")))
        t = t.mid(2);
    t = t.mid(1);
    if (t.endsWith(QLatin1Char('"')) && !t.endsWith(QLatin1String("\"\"")))
        t.chop(1);
    return t.replace(QLatin1String("\"\""), QLatin1String("\""));
}

// The name a token means: unquoted folds to lower case, quoted is exact.
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

// The index of the `)` matching the `(` at `open`, or toks.size() when it is not closed.
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

// A relation, CTE, subquery or table function the statement reads from, with the columns it is
// known to have.
struct Source {
    QString alias; // what qualifies its columns: the alias, else the relation's name
    QString detail;
    CompletionItem::Kind kind = CompletionItem::Alias;
    QList<CompletionColumn> columns;
};

struct Cte {
    QString name;
    QList<CompletionColumn> columns;
};

class Analyzer {
public:
    Analyzer(const CompletionCatalog& catalog, const QList<Tok>& toks)
        : m_catalog(catalog)
        , m_toks(toks) {
        collectCtes();
    }

    const QList<Cte>& ctes() const { return m_ctes; }

    const Cte* cte(const QString& name) const {
        for (const Cte& c : m_ctes)
            if (c.name == name)
                return &c;
        return nullptr;
    }

    // The FROM / JOIN / UPDATE / INTO items of the query level [from, to).
    QList<Source> sources(int from, int to, int cteLimit) const {
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
            } else if (t.type == SqlTokenType::Word && clauseWords().contains(t.lower) && !t.isWord("on") &&
                       !t.isWord("using") && !t.isWord("left") && !t.isWord("right") && !t.isWord("full") &&
                       !t.isWord("inner") && !t.isWord("outer") && !t.isWord("cross") &&
                       !t.isWord("natural")) {
                inFrom = false;
            }
        }
        return out;
    }

    // The output columns of the query in [from, to): its first SELECT list's names (or VALUES' columnN).
    QList<CompletionColumn> outputColumns(int from, int to, int cteLimit) const {
        int i = from;
        if (i < to && m_toks[i].isWord("with")) { // skip the CTE definitions: the main SELECT is at depth 0
            while (i < to && !m_toks[i].isWord("select")) {
                if (m_toks[i].isOp(QLatin1Char('(')))
                    i = matching(m_toks, i, to);
                ++i;
            }
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
            const bool atEnd =
                i == to || m_toks[i].isOp(QLatin1Char(')')) || m_toks[i].isOp(QLatin1Char(';')) ||
                (m_toks[i].type == SqlTokenType::Word && clauseWords().contains(m_toks[i].lower) &&
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

private:
    static bool itemEndsAt(const Tok& t) {
        static const QSet<QString> enders = {"from",   "into",   "where",  "group", "having",
                                             "order",  "limit",  "offset", "union", "intersect",
                                             "except", "window", "fetch",  "for"};
        return enders.contains(t.lower);
    }

    template <typename Scope>
    void item(int a, int b, QList<CompletionColumn>& out, const Scope& scope) const {
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

    // One FROM item starting at `i`; returns where the scan goes on.
    int fromItem(int i, int to, QList<Source>& out, int cteLimit) const {
        while (i < to && (m_toks[i].isWord("lateral") || m_toks[i].isWord("only")))
            ++i;
        if (i >= to)
            return i;
        Source s;
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
            if (i < to && m_toks[i].isOp(QLatin1Char('('))) { // a table function: columns unknown
                i = matching(m_toks, i, to) + 1;
                s.kind = CompletionItem::Function;
            } else {
                const Cte* c = parts.size() == 1 ? cteBefore(parts[0], cteLimit) : nullptr;
                if (c) {
                    s.kind = CompletionItem::Cte;
                    s.columns = c->columns;
                } else if (const CompletionRelation* r = m_catalog.findRelation(
                               parts.size() > 1 ? parts[parts.size() - 2] : QString(), parts.last())) {
                    s.kind = r->kind == CompletionRelation::Kind::Table ? CompletionItem::Table
                                                                        : CompletionItem::View;
                    s.columns = r->columns;
                    s.detail = r->schema + QLatin1Char('.') + r->name;
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
            !(m_toks[i].type == SqlTokenType::Word && clauseWords().contains(m_toks[i].lower))) {
            if (!s.alias.isEmpty() && s.detail.isEmpty())
                s.detail = s.alias;
            s.alias = nameOf(m_toks[i]);
            ++i;
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

    const Cte* cteBefore(const QString& name, int limit) const {
        for (int k = 0; k < limit && k < m_ctes.size(); ++k)
            if (m_ctes[k].name == name)
                return &m_ctes[k];
        return nullptr;
    }

    // Every `WITH [RECURSIVE] name [(cols)] AS [NOT] [MATERIALIZED] (body), …` of the statement.
    void collectCtes() {
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

    const CompletionCatalog& m_catalog;
    const QList<Tok>& m_toks;
    QList<Cte> m_ctes;
};

enum class Context { Keywords, Relations, Expression, Types };

int kindRank(CompletionItem::Kind k) {
    switch (k) {
    case CompletionItem::Column:
        return 0;
    case CompletionItem::Alias:
    case CompletionItem::Cte:
        return 1;
    case CompletionItem::Table:
    case CompletionItem::View:
        return 2;
    case CompletionItem::Schema:
        return 3;
    case CompletionItem::Function:
        return 4;
    case CompletionItem::Type:
        return 5;
    case CompletionItem::Keyword:
        return 6;
    }
    return 7;
}

CompletionItem::Kind relationKind(const CompletionRelation& r) {
    return r.kind == CompletionRelation::Kind::Table ? CompletionItem::Table : CompletionItem::View;
}

QString functionDetail(const CompletionFunction& f) {
    return QLatin1Char('(') + f.arguments + QString::fromUtf8(") → ") + f.result;
}

// The word being typed: where it starts, its text so far (unquoted), whether it opened a quote, and the
// index of the first token before it. `valid` is false inside strings, comments and numbers.
struct Word {
    bool valid = true;
    bool quoted = false;
    QString prefix;
    qsizetype start = 0;
    int before = -1;
};

Word wordAt(const QList<Tok>& toks, qsizetype cursor) {
    Word w;
    w.start = cursor;
    int i = 0;
    for (; i < toks.size() && toks[i].end < cursor; ++i) {
    }
    // toks[i] is the first token ending at or after the cursor.
    if (i < toks.size() && toks[i].start < cursor) {
        const Tok& t = toks[i];
        switch (t.type) {
        case SqlTokenType::Word:
            w.prefix = t.text.left(cursor - t.start);
            w.start = t.start;
            break;
        case SqlTokenType::QuotedIdentifier: {
            const qsizetype open = t.text.indexOf(QLatin1Char('"'));
            w.quoted = true;
            w.start = t.start;
            QString inside = t.text.mid(open + 1, cursor - t.start - open - 1);
            if (cursor == t.end && inside.endsWith(QLatin1Char('"')))
                inside.chop(1);
            w.prefix = inside.replace(QLatin1String("\"\""), QLatin1String("\""));
            break;
        }
        case SqlTokenType::Operator:
        case SqlTokenType::Parameter:
            ++i; // the cursor is after it: nothing typed yet
            break;
        default:
            w.valid = false;
        }
        w.before = i - 1;
    } else {
        w.before = i - 1;
    }
    return w;
}

struct StatementSpan {
    qsizetype begin = 0;
    qsizetype end = 0;
};

// The statement the cursor is in: the splitter's, unless a `;` lies between its end and the cursor.
StatementSpan statementAround(const QString& sql, qsizetype cursor) {
    const QList<SqlStatement> statements = splitStatements(sql);
    const int i = statementAt(statements, cursor);
    if (i < 0)
        return {cursor, cursor};
    const SqlStatement& s = statements[i];
    if (cursor < s.offset)
        return {cursor, cursor};
    if (cursor > s.end()) {
        const QString gap = sql.mid(s.end(), cursor - s.end());
        for (const Tok& t : lex(gap))
            if (t.isOp(QLatin1Char(';')))
                return {cursor, cursor};
    }
    return {s.offset, std::max<qsizetype>(s.end(), cursor)};
}

class Collector {
public:
    Collector(const Word& word)
        : m_word(word)
        , m_lowerPrefix(word.prefix.toLower()) {}

    bool matches(const QString& name) const {
        return m_word.quoted ? name.startsWith(m_word.prefix)
                             : name.startsWith(m_word.prefix, Qt::CaseInsensitive);
    }

    void add(const QString& name, const QString& text, CompletionItem::Kind kind, const QString& detail) {
        if (!matches(name))
            return;
        m_items << CompletionItem{text, name, kind, detail};
    }

    // `name` (or `schema.name` when qualify) quoted as it must be.
    void addName(const QString& schema, const QString& name, bool qualify, CompletionItem::Kind kind,
                 const QString& detail) {
        if (!matches(name))
            return;
        QString text = m_word.quoted ? quoteIdentifier(name) : completionIdentifier(name);
        if (qualify)
            text = completionIdentifier(schema) + QLatin1Char('.') + text;
        m_items << CompletionItem{text, qualify ? schema + QLatin1Char('.') + name : name, kind, detail};
    }

    QList<CompletionItem> take() {
        const QString& p = m_word.prefix;
        std::stable_sort(m_items.begin(), m_items.end(),
                         [&](const CompletionItem& a, const CompletionItem& b) {
                             const bool ea = p.isEmpty() || a.label.startsWith(p) ||
                                             a.label.section(QLatin1Char('.'), -1).startsWith(p);
                             const bool eb = p.isEmpty() || b.label.startsWith(p) ||
                                             b.label.section(QLatin1Char('.'), -1).startsWith(p);
                             if (ea != eb)
                                 return ea;
                             const int ka = kindRank(a.kind), kb = kindRank(b.kind);
                             if (ka != kb)
                                 return ka < kb;
                             const int c = a.label.compare(b.label, Qt::CaseInsensitive);
                             return c != 0 ? c < 0 : a.detail < b.detail;
                         });
        return std::move(m_items);
    }

    const QString& lowerPrefix() const { return m_lowerPrefix; }
    const Word& word() const { return m_word; }

private:
    const Word& m_word;
    QString m_lowerPrefix;
    QList<CompletionItem> m_items;
};

void addRelationColumns(Collector& c, const QList<CompletionColumn>& columns, const QString& source) {
    for (const CompletionColumn& col : columns)
        c.addName({}, col.name, false, CompletionItem::Column,
                  source.isEmpty()     ? col.type
                  : col.type.isEmpty() ? source
                                       : col.type + QString::fromUtf8(" — ") + source);
}

void addSchemaContents(Collector& c, const CompletionCatalog& cat, const QString& schema, Context ctx) {
    if (ctx != Context::Types) {
        for (int i : cat.relationsInSchema(schema)) {
            const CompletionRelation& r = cat.relations[i];
            c.addName(schema, r.name, false, relationKind(r), schema);
        }
        for (int i : cat.functionsInSchema(schema)) {
            const CompletionFunction& f = cat.functions[i];
            c.addName(schema, f.name, false, CompletionItem::Function, functionDetail(f));
        }
    }
    if (ctx == Context::Types || ctx == Context::Expression)
        for (int i : cat.typesInSchema(schema))
            c.addName(schema, cat.types[i].name, false, CompletionItem::Type, schema);
}

void addVisibleFunctions(Collector& c, const CompletionCatalog& cat) {
    for (int i : cat.functionsWithPrefix(c.lowerPrefix())) {
        const CompletionFunction& f = cat.functions[i];
        if (cat.isVisible(f.schema))
            c.addName(f.schema, f.name, false, CompletionItem::Function, functionDetail(f));
    }
}

void addKeywords(Collector& c) {
    if (c.word().quoted)
        return;
    for (const QString& k : completionKeywords())
        c.add(k, k, CompletionItem::Keyword, {});
}

} // namespace

// ---- CompletionCatalog --------------------------------------------------------------------------------

void CompletionCatalog::index() {
    m_schemas.clear();
    m_relationByQualifiedName.clear();
    m_relationsBySchema.clear();
    m_functionsBySchema.clear();
    m_typesBySchema.clear();
    m_relationKeys.clear();
    m_functionKeys.clear();
    m_typeKeys.clear();
    for (const QString& s : schemas)
        m_schemas.insert(s, true);
    const auto byKey = [](const Key& a, const Key& b) { return a.lower < b.lower; };
    for (int i = 0; i < relations.size(); ++i) {
        const CompletionRelation& r = relations[i];
        m_relationByQualifiedName.insert(r.schema + QChar(0) + r.name, i);
        m_relationsBySchema[r.schema] << i;
        m_relationKeys << Key{r.name.toLower(), i};
    }
    for (int i = 0; i < functions.size(); ++i) {
        m_functionsBySchema[functions[i].schema] << i;
        m_functionKeys << Key{functions[i].name.toLower(), i};
    }
    for (int i = 0; i < types.size(); ++i) {
        m_typesBySchema[types[i].schema] << i;
        m_typeKeys << Key{types[i].name.toLower(), i};
    }
    std::sort(m_relationKeys.begin(), m_relationKeys.end(), byKey);
    std::sort(m_functionKeys.begin(), m_functionKeys.end(), byKey);
    std::sort(m_typeKeys.begin(), m_typeKeys.end(), byKey);
    m_indexed = true;
}

const CompletionRelation* CompletionCatalog::findRelation(const QString& schema, const QString& name) const {
    const auto find = [&](const QString& s) -> const CompletionRelation* {
        const auto it = m_relationByQualifiedName.constFind(s + QChar(0) + name);
        return it == m_relationByQualifiedName.constEnd() ? nullptr : &relations[*it];
    };
    if (!schema.isEmpty())
        return find(schema);
    // pg_catalog is searched first unless the path names it (as PostgreSQL does).
    if (!searchPath.contains(QLatin1String("pg_catalog")))
        if (const CompletionRelation* r = find(QStringLiteral("pg_catalog")))
            return r;
    for (const QString& s : searchPath)
        if (const CompletionRelation* r = find(s))
            return r;
    return nullptr;
}

bool CompletionCatalog::isVisible(const QString& schema) const {
    return schema == QLatin1String("pg_catalog") || searchPath.contains(schema);
}

bool CompletionCatalog::isSystemSchema(const QString& schema) {
    return schema == QLatin1String("pg_catalog") || schema == QLatin1String("information_schema");
}

namespace {
QList<int> prefixRange(const QList<CompletionCatalog::Key>& keys, const QString& lowerPrefix) {
    auto it = std::lower_bound(keys.begin(), keys.end(), lowerPrefix,
                               [](const CompletionCatalog::Key& k, const QString& p) { return k.lower < p; });
    QList<int> out;
    for (; it != keys.end() && it->lower.startsWith(lowerPrefix); ++it)
        out << it->index;
    return out;
}
} // namespace

QList<int> CompletionCatalog::relationsWithPrefix(const QString& p) const {
    return prefixRange(m_relationKeys, p);
}
QList<int> CompletionCatalog::functionsWithPrefix(const QString& p) const {
    return prefixRange(m_functionKeys, p);
}
QList<int> CompletionCatalog::typesWithPrefix(const QString& p) const {
    return prefixRange(m_typeKeys, p);
}

// ---- Loading ------------------------------------------------------------------------------------------

CompletionCatalog loadCompletionCatalog(Connection& connection) {
    CompletionCatalog cat;
    const QString skip = QStringLiteral("n.nspname !~ '^pg_toast' and n.nspname !~ '^pg_temp_'");
    Result r =
        connection.exec(QStringLiteral("select n.nspname from pg_namespace n where %1 order by 1").arg(skip));
    for (int i = 0; i < r.rowCount(); ++i)
        cat.schemas << r.text(i, 0);
    r = connection.exec(
        QStringLiteral("select s from unnest(current_schemas(false)) with ordinality u(s, i) order by i"));
    for (int i = 0; i < r.rowCount(); ++i)
        cat.searchPath << r.text(i, 0);
    // One row per column (a relation without columns has one row with a NULL attname).
    r = connection.exec(
        QStringLiteral(
            "select n.nspname, c.relname, c.relkind, a.attname, format_type(a.atttypid, a.atttypmod) "
            "from pg_class c join pg_namespace n on n.oid = c.relnamespace "
            "left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped "
            "where c.relkind in ('r', 'p', 'v', 'm', 'f') and %1 "
            "order by n.nspname, c.relname, a.attnum")
            .arg(skip));
    for (int i = 0; i < r.rowCount(); ++i) {
        const QString schema = r.text(i, 0), name = r.text(i, 1);
        if (cat.relations.isEmpty() || cat.relations.last().schema != schema ||
            cat.relations.last().name != name) {
            CompletionRelation rel{schema, name, CompletionRelation::Kind::Table, {}};
            const QString kind = r.text(i, 2);
            if (kind == QLatin1String("v"))
                rel.kind = CompletionRelation::Kind::View;
            else if (kind == QLatin1String("m"))
                rel.kind = CompletionRelation::Kind::MaterializedView;
            else if (kind == QLatin1String("f"))
                rel.kind = CompletionRelation::Kind::Foreign;
            cat.relations << rel;
        }
        if (!r.isNull(i, 3))
            cat.relations.last().columns << CompletionColumn{r.text(i, 3), r.text(i, 4)};
    }
    r = connection.exec(
        QStringLiteral("select n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), "
                       "coalesce(pg_get_function_result(p.oid), '') "
                       "from pg_proc p join pg_namespace n on n.oid = p.pronamespace "
                       "where %1 order by 1, 2")
            .arg(skip));
    for (int i = 0; i < r.rowCount(); ++i)
        cat.functions << CompletionFunction{r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3)};
    // Types one writes: not arrays, not the row types of tables (a composite type's own is kept).
    r = connection.exec(
        QStringLiteral("select n.nspname, t.typname from pg_type t "
                       "join pg_namespace n on n.oid = t.typnamespace "
                       "left join pg_class c on c.oid = t.typrelid "
                       "where %1 and t.typcategory <> 'A' and (c.oid is null or c.relkind = 'c') "
                       "order by 1, 2")
            .arg(skip));
    for (int i = 0; i < r.rowCount(); ++i)
        cat.types << CompletionType{r.text(i, 0), r.text(i, 1)};
    cat.index();
    return cat;
}

// ---- Completion ---------------------------------------------------------------------------------------

QString completionIdentifier(const QString& name) {
    bool plain = !name.isEmpty() && (name[0] == QLatin1Char('_') ||
                                     (name[0] >= QLatin1Char('a') && name[0] <= QLatin1Char('z')));
    for (qsizetype i = 1; plain && i < name.size(); ++i) {
        const QChar c = name[i];
        plain = c == QLatin1Char('_') || c == QLatin1Char('$') ||
                (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
    }
    return plain && !quotedKeywords().contains(name) ? name : quoteIdentifier(name);
}

int completionWordStart(const QString& sql, int cursor) {
    cursor = std::clamp(cursor, 0, int(sql.size()));
    const StatementSpan span = statementAround(sql, cursor);
    const QList<Tok> toks = lex(sql.mid(span.begin, span.end - span.begin));
    return int(span.begin + wordAt(toks, cursor - span.begin).start);
}

QList<CompletionItem> complete(const CompletionCatalog& catalogIn, const QString& sql, int cursor) {
    std::optional<CompletionCatalog> indexed;
    if (!catalogIn.isIndexed()) {
        indexed = catalogIn;
        indexed->index();
    }
    const CompletionCatalog& cat = indexed ? *indexed : catalogIn;

    cursor = std::clamp(cursor, 0, int(sql.size()));
    const StatementSpan span = statementAround(sql, cursor);
    const QList<Tok> all = lex(sql.mid(span.begin, span.end - span.begin));
    QList<Tok> toks; // comments say nothing about context
    for (const Tok& t : all)
        if (t.type != SqlTokenType::Comment ||
            (t.start < cursor - span.begin && t.end >= cursor - span.begin))
            toks << t;
    const Word word = wordAt(toks, cursor - span.begin);
    if (!word.valid)
        return {};
    Collector out(word);

    // A qualifier typed right before the word: `a.` or `s.t.`.
    QStringList qualifier;
    int b = word.before;
    while (b >= 1 && toks[b].isOp(QLatin1Char('.')) &&
           toks[b].end == (qualifier.isEmpty() ? word.start : toks[b + 1].start) && toks[b - 1].isName() &&
           toks[b - 1].end == toks[b].start) {
        qualifier.prepend(nameOf(toks[b - 1]));
        b -= 2;
    }

    // The clause the cursor is in: the nearest clause keyword before it outside closed parentheses.
    Context ctx = Context::Keywords;
    {
        int depth = 0;
        for (int i = b; i >= 0; --i) {
            const Tok& t = toks[i];
            if (t.isOp(QLatin1Char(')'))) {
                ++depth;
                continue;
            }
            if (t.isOp(QLatin1Char('('))) {
                depth = std::max(0, depth - 1);
                continue;
            }
            if (depth > 0)
                continue;
            if (i == b && t.isOp(QLatin1Char(':')) && i > 0 && toks[i - 1].isOp(QLatin1Char(':'))) {
                ctx = Context::Types;
                break;
            }
            if (t.type != SqlTokenType::Word)
                continue;
            static const QSet<QString> relationWords = {"from", "join", "update", "into", "table"};
            static const QSet<QString> expressionWords = {
                "select", "where", "on",   "by",   "having", "set",   "returning", "and",     "or",
                "not",    "when",  "then", "else", "case",   "using", "values",    "distinct"};
            if (relationWords.contains(t.lower)) {
                // Right after the keyword (or a comma of a FROM list) a relation comes; after one, an
                // alias or the next clause.
                ctx = i == b || (toks[b].isOp(QLatin1Char(',')) && t.isWord("from")) ? Context::Relations
                                                                                     : Context::Keywords;
                break;
            }
            if (expressionWords.contains(t.lower)) {
                ctx = Context::Expression;
                break;
            }
        }
    }

    // The query level the cursor is in: from the innermost open `(` that starts a query to its `)`.
    int levelFrom = 0, levelTo = int(toks.size());
    {
        int depth = 0;
        for (int i = word.before; i >= 0; --i) {
            if (toks[i].isOp(QLatin1Char(')')))
                ++depth;
            else if (toks[i].isOp(QLatin1Char('(')) && depth-- == 0) {
                depth = 0;
                if (startsQuery(toks, i + 1, int(toks.size()))) {
                    levelFrom = i + 1;
                    levelTo = matching(toks, i, int(toks.size()));
                    break;
                }
            }
        }
    }
    const Analyzer analyzer(cat, toks);
    const int allCtes = int(analyzer.ctes().size());

    if (!qualifier.isEmpty()) {
        if (qualifier.size() >= 2) {
            if (const CompletionRelation* r =
                    cat.findRelation(qualifier[qualifier.size() - 2], qualifier.last()))
                addRelationColumns(out, r->columns, {});
            return out.take();
        }
        const QString& q = qualifier.first();
        const QList<Source> scope = analyzer.sources(levelFrom, levelTo, allCtes);
        for (const Source& s : scope)
            if (s.alias == q) {
                addRelationColumns(out, s.columns, {});
                return out.take();
            }
        if (const Cte* c = analyzer.cte(q)) {
            addRelationColumns(out, c->columns, {});
            return out.take();
        }
        if (cat.hasSchema(q)) {
            addSchemaContents(out, cat, q, ctx);
            return out.take();
        }
        if (const CompletionRelation* r = cat.findRelation({}, q))
            addRelationColumns(out, r->columns, {});
        return out.take();
    }

    switch (ctx) {
    case Context::Relations: {
        for (const Cte& c : analyzer.ctes())
            out.addName({}, c.name, false, CompletionItem::Cte, {});
        for (int i : cat.relationsWithPrefix(out.lowerPrefix())) {
            const CompletionRelation& r = cat.relations[i];
            if (CompletionCatalog::isSystemSchema(r.schema))
                continue;
            // Unqualified only when that name finds this relation along the search path.
            const bool visible = cat.isVisible(r.schema) && cat.findRelation({}, r.name) == &r;
            out.addName(r.schema, r.name, !visible, relationKind(r), r.schema);
        }
        for (const QString& s : cat.schemas)
            if (!s.startsWith(QLatin1String("pg_")) && s != QLatin1String("information_schema"))
                out.addName({}, s, false, CompletionItem::Schema, {});
        break;
    }
    case Context::Expression: {
        const QList<Source> scope = analyzer.sources(levelFrom, levelTo, allCtes);
        for (const Source& s : scope) {
            addRelationColumns(out, s.columns, scope.size() > 1 ? s.alias : QString());
            out.addName({}, s.alias, false,
                        s.kind == CompletionItem::Cte ? CompletionItem::Cte : CompletionItem::Alias,
                        s.detail);
        }
        addVisibleFunctions(out, cat);
        addKeywords(out);
        break;
    }
    case Context::Types:
        for (int i : cat.typesWithPrefix(out.lowerPrefix()))
            if (cat.isVisible(cat.types[i].schema))
                out.addName(cat.types[i].schema, cat.types[i].name, false, CompletionItem::Type,
                            cat.types[i].schema);
        break;
    case Context::Keywords:
        addKeywords(out);
        break;
    }
    return out.take();
}

} // namespace pgdesk::core
