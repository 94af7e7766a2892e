// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/plan/whatif.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/plan/plan.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>
#include <pgdesk/core/sqltext/namedparameters.h>
#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QSet>

namespace pgdesk::core {

namespace {

// Words of conditions as EXPLAIN prints them that are never columns.
bool isSqlWord(const QString& word) {
    static const QSet<QString> kWords = {
        QStringLiteral("and"),      QStringLiteral("or"),      QStringLiteral("not"),
        QStringLiteral("is"),       QStringLiteral("null"),    QStringLiteral("true"),
        QStringLiteral("false"),    QStringLiteral("any"),     QStringLiteral("all"),
        QStringLiteral("like"),     QStringLiteral("ilike"),   QStringLiteral("similar"),
        QStringLiteral("to"),       QStringLiteral("in"),      QStringLiteral("between"),
        QStringLiteral("distinct"), QStringLiteral("from"),    QStringLiteral("array"),
        QStringLiteral("case"),     QStringLiteral("when"),    QStringLiteral("then"),
        QStringLiteral("else"),     QStringLiteral("end"),     QStringLiteral("collate"),
        QStringLiteral("some"),     QStringLiteral("unknown"), QStringLiteral("escape"),
        QStringLiteral("row"),
    };
    return kWords.contains(word.toLower());
}

QString unquoted(const QString& token, SqlTokenType type) {
    if (type != SqlTokenType::QuotedIdentifier)
        return token;
    return token.mid(1, token.size() - 2).replace(QStringLiteral("\"\""), QStringLiteral("\""));
}

} // namespace

QString createIndexStatement(const HypotheticalIndex& index, bool concurrently) {
    QStringList columns;
    for (const QString& c : index.columns)
        columns << quoteIdentifier(c);
    const QString table = index.schema.isEmpty() ? quoteIdentifier(index.table)
                                                 : quoteIdentifier(index.schema) + QLatin1Char('.') +
                                                       quoteIdentifier(index.table);
    return QStringLiteral("CREATE INDEX%1 ON %2 USING %3 (%4)")
        .arg(concurrently ? QStringLiteral(" CONCURRENTLY") : QString(), table, quoteIdentifier(index.method),
             columns.join(QStringLiteral(", ")));
}

QStringList conditionColumns(const QString& condition) {
    SqlLexState state;
    const QList<SqlToken> tokens = tokenizeSql(condition, state);
    QStringList out;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const SqlToken& t = tokens[i];
        if (t.type != SqlTokenType::Word && t.type != SqlTokenType::QuotedIdentifier)
            continue;
        const QString text = condition.mid(t.start, t.length);
        const auto textOf = [&](qsizetype j) {
            return j >= 0 && j < tokens.size() ? condition.mid(tokens[j].start, tokens[j].length) : QString();
        };
        if (t.type == SqlTokenType::Word && isSqlWord(text))
            continue;
        if (textOf(i - 1) == QLatin1String("::") || textOf(i - 1) == QLatin1String(":"))
            continue; // a type name
        if (textOf(i + 1) == QLatin1String("(") || textOf(i + 1) == QLatin1String("."))
            continue; // a function, or the table part of t.a
        // A type name of two words after :: ("character varying", "double precision", "time zone").
        if (i >= 2 && (textOf(i - 2) == QLatin1String("::") || textOf(i - 2) == QLatin1String(":")))
            continue;
        const QString name = unquoted(text, t.type);
        if (!out.contains(name))
            out << name;
    }
    return out;
}

WhatIfRunner::WhatIfRunner(Connection& connection)
    : m_connection(connection) {
}

WhatIfAvailability WhatIfRunner::availability() {
    const Result r = m_connection.exec(
        QStringLiteral("select exists (select 1 from pg_extension where extname = 'hypopg'), "
                       "exists (select 1 from pg_available_extensions where name = 'hypopg')"),
        Params{});
    WhatIfAvailability a;
    a.installed = r.text(0, 0) == QLatin1String("t");
    a.installable = r.text(0, 1) == QLatin1String("t");
    if (!a.installed)
        a.hint =
            a.installable
                ? QStringLiteral("hypopg is on the server but not in this database: run CREATE EXTENSION "
                                 "hypopg (it only pretends indexes exist; nothing is written)")
                : QStringLiteral("what-if indexes need the hypopg extension on the server (Debian: apt "
                                 "install postgresql-%1-hypopg), then CREATE EXTENSION hypopg")
                      .arg(m_connection.serverVersion() / 10000);
    return a;
}

QString WhatIfRunner::existingIndex(const HypotheticalIndex& index) {
    // One row per key column of the table's valid, whole-table indexes (INCLUDE columns are not keys; an
    // expression key has no name and matches nothing).
    const Result r = m_connection.exec(QStringLiteral(R"SQL(
select x.indexrelid::regclass::text, am.amname::text, k.n, coalesce(a.attname::text, '')
  from pg_index x
  join pg_class i on i.oid = x.indexrelid
  join pg_am am on am.oid = i.relam
  cross join lateral unnest(x.indkey::int2[]) with ordinality k(attnum, n)
  left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum and k.attnum > 0
 where x.indrelid = to_regclass(case when $1 = '' then quote_ident($2) else format('%I.%I', $1, $2) end)
   and x.indisvalid and x.indpred is null and k.n <= x.indnkeyatts
 order by 1, 3)SQL"),
                                       {param(index.schema), param(index.table)});
    QMap<QString, QStringList> keys; // index → its key columns in order
    QMap<QString, QString> methods;
    for (int row = 0; row < r.rowCount(); ++row) {
        keys[r.text(row, 0)] << r.text(row, 3);
        methods[r.text(row, 0)] = r.text(row, 1);
    }
    for (auto it = keys.cbegin(); it != keys.cend(); ++it)
        if (methods.value(it.key()) == index.method && it.value().size() >= index.columns.size() &&
            it.value().mid(0, index.columns.size()) == index.columns)
            return it.key();
    return {};
}

WhatIfOutcome WhatIfRunner::tryIndex(const QString& statement, const HypotheticalIndex& index,
                                     const QMap<QString, Param>& parameters) {
    const WhatIfAvailability a = availability();
    if (!a.installed)
        throwError(ErrorKind::NotFound, a.hint);
    if (index.table.isEmpty() || index.columns.isEmpty())
        throwConfigurationError(QStringLiteral("index"),
                                QStringLiteral("a what-if index needs a table and columns"));
    const BoundStatement bound = boundParameterNames(statement).isEmpty()
                                     ? BoundStatement{statement, {}, {}}
                                     : bindNamedParameters(statement, parameters);
    const QString explain = QStringLiteral("EXPLAIN (FORMAT JSON) ") + bound.sql;
    WhatIfOutcome out;
    out.before = m_connection.exec(explain, bound.params).bytes(0, 0);
    HypotheticalIndex qualified = index;
    if (qualified.schema.isEmpty()) {
        // A plan names a table's schema only with VERBOSE: the statement's own plan says where its table is
        // (the search path may not reach it, and the index must be on the table the statement reads).
        const Plan verbose = parsePlan(
            m_connection.exec(QStringLiteral("EXPLAIN (VERBOSE, FORMAT JSON) ") + bound.sql, bound.params)
                .bytes(0, 0));
        for (const PlanNode& n : verbose.nodes)
            if (n.table == index.table && !n.schema.isEmpty()) {
                qualified.schema = n.schema;
                break;
            }
    }
    out.existingIndex = existingIndex(qualified);
    if (!out.existingIndex.isEmpty()) {
        out.after = out.before;
        return out;
    }
    out.createStatement = createIndexStatement(qualified, true);
    // hypopg takes the CREATE INDEX text; every name in it is quoted.
    const Result created =
        m_connection.exec(QStringLiteral("select indexrelid::int8, indexname from hypopg_create_index($1)"),
                          {param(createIndexStatement(qualified, false))});
    const QString oid = created.text(0, 0);
    out.indexName = created.text(0, 1);
    try {
        out.after = m_connection.exec(explain, bound.params).bytes(0, 0);
    } catch (...) {
        if (m_connection.isOpen() && !m_connection.inFailedTransaction())
            m_connection.exec(QStringLiteral("select hypopg_drop_index($1::oid)"), {param(oid)});
        throw;
    }
    m_connection.exec(QStringLiteral("select hypopg_drop_index($1::oid)"), {param(oid)});
    out.used = QString::fromUtf8(out.after).contains(QStringLiteral("\"Index Name\": \"") + out.indexName +
                                                     QLatin1Char('"'));
    return out;
}

} // namespace pgdesk::core
