// SPDX-License-Identifier: GPL-3.0-or-later
#include "completion/sqlscope.h"

#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/completion/completion.h>
#include <pgdesk/core/completion/snippets.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>
#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QSet>

#include <algorithm>
#include <optional>

namespace pgdesk::core {

using namespace completion;

namespace {

enum class Context { Keywords, Relations, Expression, Types, Columns };

int kindRank(CompletionItem::Kind k) {
    switch (k) {
    case CompletionItem::JoinCondition:
        return -1;
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
    case CompletionItem::Snippet: // never ranked here: snippetCompletions() proposes them apart
        return -2;
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

class Collector final {
public:
    explicit Collector(const Word& word)
        : m_word(word)
        , m_lowerPrefix(word.prefix.toLower()) {}

    bool matches(const QString& name) const {
        return m_word.quoted ? name.startsWith(m_word.prefix)
                             : name.startsWith(m_word.prefix, Qt::CaseInsensitive);
    }

    void add(const QString& name, const QString& text, CompletionItem::Kind kind, const QString& detail) {
        if (matches(name))
            push(CompletionItem{text, name, kind, detail}, name);
    }

    // `name` (or `schema.name` when qualify) quoted as it must be.
    void addName(const QString& schema, const QString& name, bool qualify, CompletionItem::Kind kind,
                 const QString& detail) {
        if (!matches(name))
            return;
        QString text = m_word.quoted ? quoteIdentifier(name) : completionIdentifier(name);
        if (qualify)
            text = completionIdentifier(schema) + QLatin1Char('.') + text;
        push(CompletionItem{text, qualify ? schema + QLatin1Char('.') + name : name, kind, detail}, name);
    }

    // Exact-case matches first, then by kind, then alphabetically. The keys are worked out once per
    // item, not per comparison: an empty prefix in an expression gives thousands of functions.
    QList<CompletionItem> take() {
        QList<int> order(m_items.size());
        for (int i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(), [&](int x, int y) {
            const Entry& a = m_entries[x];
            const Entry& b = m_entries[y];
            if (a.exact != b.exact)
                return a.exact;
            if (a.rank != b.rank)
                return a.rank < b.rank;
            if (a.lower != b.lower)
                return a.lower < b.lower;
            if (m_items[x].label != m_items[y].label)
                return m_items[x].label < m_items[y].label;
            return m_items[x].detail != m_items[y].detail ? m_items[x].detail < m_items[y].detail : x < y;
        });
        QList<CompletionItem> out;
        out.reserve(order.size());
        for (int i : order)
            out << std::move(m_items[i]);
        m_items.clear();
        m_entries.clear();
        return out;
    }

    const QString& lowerPrefix() const { return m_lowerPrefix; }
    const Word& word() const { return m_word; }

private:
    struct Entry {
        bool exact;
        int rank;
        QString lower;
    };

    void push(CompletionItem item, const QString& name) {
        m_entries << Entry{name.startsWith(m_word.prefix), kindRank(item.kind), item.label.toLower()};
        m_items << std::move(item);
    }

    const Word& m_word;
    QString m_lowerPrefix;
    QList<CompletionItem> m_items;
    QList<Entry> m_entries;
};

void addRelationColumns(Collector& c, const QList<CompletionColumn>& columns, const QString& source) {
    for (const CompletionColumn& col : columns)
        c.addName({}, col.name, false, CompletionItem::Column,
                  source.isEmpty()     ? col.type
                  : col.type.isEmpty() ? source
                                       : col.type + QString::fromUtf8(" — ") + source);
}

// The columns of the relations in scope; a name two of them have is offered qualified by each.
void addScopeColumns(Collector& c, const QList<Source>& scope) {
    QHash<QString, int> seen;
    for (const Source& s : scope)
        for (const CompletionColumn& col : s.columns)
            ++seen[col.name];
    for (const Source& s : scope) {
        const QString source = scope.size() > 1 ? s.alias : QString();
        for (const CompletionColumn& col : s.columns) {
            if (seen.value(col.name) > 1)
                c.addName(s.alias, col.name, true, CompletionItem::Column, col.type);
            else
                c.addName({}, col.name, false, CompletionItem::Column,
                          source.isEmpty()     ? col.type
                          : col.type.isEmpty() ? source
                                               : col.type + QString::fromUtf8(" — ") + source);
        }
    }
}

// After `JOIN t ON`: the conditions of the foreign keys between t (the last of `before`) and the relations
// joined before it, t's side first: "o.customer_id = c.id AND …".
void addJoinConditions(Collector& c, const CompletionCatalog& cat, const QList<Source>& before) {
    if (before.size() < 2 || !before.last().relation)
        return;
    const Source& joined = before.last();
    const auto side = [](const Source& s, const QStringList& columns) {
        QStringList out;
        for (const QString& col : columns)
            out << completionIdentifier(s.alias) + QLatin1Char('.') + completionIdentifier(col);
        return out;
    };
    for (int k : cat.foreignKeysOf(joined.relation->schema, joined.relation->name)) {
        const CompletionForeignKey& fk = cat.foreignKeys[k];
        for (qsizetype i = 0; i + 1 < before.size(); ++i) {
            const Source& other = before[i];
            if (!other.relation)
                continue;
            const auto is = [](const CompletionRelation* r, const QString& schema, const QString& table) {
                return r->schema == schema && r->name == table;
            };
            QStringList mine, theirs;
            if (is(joined.relation, fk.schema, fk.table) && is(other.relation, fk.refSchema, fk.refTable)) {
                mine = side(joined, fk.columns);
                theirs = side(other, fk.refColumns);
            } else if (is(joined.relation, fk.refSchema, fk.refTable) &&
                       is(other.relation, fk.schema, fk.table)) {
                mine = side(joined, fk.refColumns);
                theirs = side(other, fk.columns);
            } else {
                continue;
            }
            QStringList pairs;
            for (qsizetype p = 0; p < mine.size(); ++p)
                pairs << mine[p] + QStringLiteral(" = ") + theirs[p];
            const QString condition = pairs.join(QStringLiteral(" AND "));
            c.add(condition, condition, CompletionItem::JoinCondition,
                  QStringLiteral("foreign key %1.%2 → %3.%4")
                      .arg(fk.schema, fk.table, fk.refSchema, fk.refTable));
        }
    }
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
    return plain && !isQuotedKeyword(name) ? name : quoteIdentifier(name);
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
    const CompletionRelation* insertTarget = nullptr;
    {
        int depth = 0;
        for (int i = b; i >= 0; --i) {
            const Tok& t = toks[i];
            if (t.isOp(QLatin1Char(')'))) {
                ++depth;
                continue;
            }
            if (t.isOp(QLatin1Char('('))) {
                if (depth == 0) { // INSERT INTO [s.]t (…: the target's columns
                    QStringList parts;
                    int k = i - 1;
                    if (k >= 0 && toks[k].isName()) {
                        parts << nameOf(toks[k--]);
                        if (k >= 1 && toks[k].isOp(QLatin1Char('.')) && toks[k - 1].isName()) {
                            parts.prepend(nameOf(toks[k - 1]));
                            k -= 2;
                        }
                    }
                    if (!parts.isEmpty() && k >= 0 && toks[k].isWord("into")) {
                        insertTarget =
                            cat.findRelation(parts.size() > 1 ? parts.first() : QString(), parts.last());
                        ctx = Context::Columns;
                        break;
                    }
                }
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
    const SqlScope analyzer(cat, toks);
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
        if (word.before >= levelFrom && toks[word.before].isWord("on"))
            addJoinConditions(out, cat, analyzer.sources(levelFrom, word.before, allCtes));
        addScopeColumns(out, scope);
        for (const Source& s : scope) {
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
    case Context::Columns:
        if (insertTarget)
            addRelationColumns(out, insertTarget->columns, {});
        break;
    case Context::Keywords:
        addKeywords(out);
        break;
    }
    return out.take();
}

QList<CompletionItem> snippetCompletions(const QList<Snippet>& snippets, const QString& sql, int cursor) {
    cursor = std::clamp(cursor, 0, int(sql.size()));
    const StatementSpan span = statementAround(sql, cursor);
    QList<Tok> toks;
    for (const Tok& t : lex(sql.mid(span.begin, span.end - span.begin)))
        if (t.type != SqlTokenType::Comment ||
            (t.start < cursor - span.begin && t.end >= cursor - span.begin))
            toks << t;
    const Word word = wordAt(toks, cursor - span.begin);
    if (!word.valid || word.quoted || word.prefix.isEmpty() ||
        (word.before >= 0 && toks[word.before].isOp(QLatin1Char('.')) && toks[word.before].end == word.start))
        return {};
    QList<CompletionItem> out;
    for (const Snippet& s : snippets)
        if (s.prefix.startsWith(word.prefix, Qt::CaseInsensitive))
            out << CompletionItem{s.prefix, s.prefix, CompletionItem::Snippet, s.name};
    return out;
}

} // namespace pgdesk::core
