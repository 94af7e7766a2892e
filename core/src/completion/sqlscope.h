// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to core: what complete() reads from a statement's tokens — its CTEs, the relations, subqueries
// and aliases of a query level's FROM clause, a query's output column names.
#include <pgdesk/core/completion/completion.h>
#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QList>
#include <QString>

namespace pgdesk::core::completion {

bool isQuotedKeyword(const QString& lowerWord);
const QStringList& completionKeywords();
bool isClauseWord(const QString& lowerWord);

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

// The name a token means: unquoted folds to lower case, quoted is exact.
QString nameOf(const Tok& t);
QList<Tok> lex(const QString& text);
// The index of the `)` matching the `(` at `open`, or `end` when it is not closed.
int matching(const QList<Tok>& toks, int open, int end);
bool startsQuery(const QList<Tok>& toks, int i, int end);

// A relation, CTE, subquery or table function the statement reads from, with the columns it is
// known to have.
struct Source {
    QString alias; // what qualifies its columns: the alias, else the relation's name
    QString detail;
    const CompletionRelation* relation = nullptr; // a table or view of the catalog
    CompletionItem::Kind kind = CompletionItem::Alias;
    QList<CompletionColumn> columns;
};

struct Cte {
    QString name;
    QList<CompletionColumn> columns;
};

// One statement's tokens read for completion (the tokens must outlive it).
class SqlScope final {
public:
    SqlScope(const CompletionCatalog& catalog, const QList<Tok>& toks)
        : m_catalog(catalog)
        , m_toks(toks) {
        collectCtes();
    }

    const QList<Cte>& ctes() const { return m_ctes; }

    const Cte* cte(const QString& name) const;

    // The FROM / JOIN / UPDATE / INTO items of the query level [from, to).
    QList<Source> sources(int from, int to, int cteLimit) const;

    // The output columns of the query in [from, to): the names its first SELECT list gives.
    QList<CompletionColumn> outputColumns(int from, int to, int cteLimit) const;

private:
    static bool itemEndsAt(const Tok& t);

    template <typename Scope> void item(int a, int b, QList<CompletionColumn>& out, const Scope& scope) const;

    // One FROM item starting at `i`; returns where the scan goes on.
    int fromItem(int i, int to, QList<Source>& out, int cteLimit) const;

    // What the table function `parts` (schema-qualified or not) returns, from its catalog signature:
    // TABLE(…)'s columns, a table's row type's columns, or one column of a base type (`scalar`: named
    // after the function, or the alias). No columns when the catalog cannot say (record, unknown).
    struct FunctionColumns {
        QList<CompletionColumn> columns;
        bool scalar = false;
    };
    FunctionColumns functionColumns(const QStringList& parts) const;

    const Cte* cteBefore(const QString& name, int limit) const;

    // Every `WITH [RECURSIVE] name [(cols)] AS [NOT] [MATERIALIZED] (body), …` of the statement.
    void collectCtes();

    const CompletionCatalog& m_catalog;
    const QList<Tok>& m_toks;
    QList<Cte> m_ctes;
};

} // namespace pgdesk::core::completion
