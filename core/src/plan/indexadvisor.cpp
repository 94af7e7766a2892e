// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/plan/indexadvisor.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/plan/plan.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>
#include <pgdesk/core/sqltext/namedparameters.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <optional>

namespace pgdesk::core {

namespace {

struct Planned {
    QString query;
    double cost = 0;
};

// The plan of `query`, or nothing when it cannot be planned here (an example with $n placeholders, whose
// values pg_qualstats did not keep; a temporary table gone …): such examples are skipped, not fatal.
std::optional<Plan> planOf(Connection& c, const QString& query) {
    if (!parameterNames(query).isEmpty())
        return std::nullopt;
    try {
        // A table another session holds locked is not waited for: that example is skipped.
        return parsePlan(c.exec(QStringLiteral("EXPLAIN (FORMAT JSON) ") + query, Params{},
                                {{QStringLiteral("lock_timeout"), QStringLiteral("1000")}})
                             .bytes(0, 0));
    } catch (const QueryError&) {
        return std::nullopt;
    }
}

bool usesIndex(const Plan& plan, const QString& name) {
    return std::any_of(plan.nodes.cbegin(), plan.nodes.cend(),
                       [&](const PlanNode& n) { return n.indexName == name; });
}

} // namespace

IndexAdvisor::IndexAdvisor(Connection& connection)
    : m_connection(connection) {
}

IndexAdvisorAvailability IndexAdvisor::availability() {
    const Result r = m_connection.exec(
        QStringLiteral(
            "select exists (select 1 from pg_extension where extname = 'pg_qualstats'), "
            "'pg_qualstats' = any (string_to_array(replace(current_setting('shared_preload_libraries'), "
            "' ', ''), ',')), exists (select 1 from pg_extension where extname = 'hypopg')"),
        Params{});
    QStringList missing;
    if (r.text(0, 1) != QLatin1String("t"))
        missing << QStringLiteral(
                       "add pg_qualstats to shared_preload_libraries and restart the server (Debian: "
                       "postgresql-%1-pg-qualstats)")
                       .arg(m_connection.serverVersion() / 10000);
    if (r.text(0, 0) != QLatin1String("t"))
        missing << QStringLiteral("run CREATE EXTENSION pg_qualstats in this database");
    if (r.text(0, 2) != QLatin1String("t"))
        missing << QStringLiteral(
                       "run CREATE EXTENSION hypopg in this database (Debian: postgresql-%1-hypopg)")
                       .arg(m_connection.serverVersion() / 10000);
    IndexAdvisorAvailability a;
    a.available = missing.isEmpty();
    if (!a.available)
        a.hint = QStringLiteral("index suggestions need pg_qualstats and hypopg: ") +
                 missing.join(QStringLiteral("; "));
    return a;
}

QList<IndexSuggestion> IndexAdvisor::suggest(int minFilteredRows, int minSelectivityPercent, int maxQueries) {
    const IndexAdvisorAvailability a = availability();
    if (!a.available)
        throwError(ErrorKind::NotFound, a.hint);
    const Result advice = m_connection.exec(
        QStringLiteral(
            "select pg_qualstats_index_advisor(min_filter => $1::int, min_selectivity => $2::int)"),
        {param(QString::number(minFilteredRows)), param(QString::number(minSelectivityPercent))});
    QStringList statements;
    for (const QJsonValue& v :
         QJsonDocument::fromJson(advice.bytes(0, 0)).object().value(QLatin1String("indexes")).toArray())
        statements << v.toString();
    if (statements.isEmpty())
        return {};
    // The workload's example queries (with their constants) of this database, with the relation their
    // predicates filter, named as pg_qualstats names it in its CREATE INDEX; their cost as things are.
    const Result examples = m_connection.exec(QStringLiteral(R"SQL(
select /* pgdesk:statements */ e.query, rel
  from (select distinct q.queryid,
               quote_ident(n.nspname) || '.' || quote_ident(c.relname) as rel
          from pg_qualstats() q
          join pg_class c on c.oid = coalesce(q.lrelid, q.rrelid)
          join pg_namespace n on n.oid = c.relnamespace
         where q.dbid = (select oid from pg_database where datname = current_database())) r
  join pg_qualstats_example_queries() e on e.queryid = r.queryid
 where e.query is not null
)SQL"),
                                              Params{});
    QHash<QString, QList<Planned>> byRelation;
    QHash<QString, std::optional<double>> costs; // each example planned once, whatever its relations
    for (int row = 0; row < examples.rowCount(); ++row) {
        const QString query = examples.text(row, 0);
        const QString relation = examples.text(row, 1);
        if (byRelation.value(relation).size() >= maxQueries)
            continue;
        if (!costs.contains(query)) {
            const auto plan = planOf(m_connection, query);
            costs.insert(query, plan ? std::optional<double>(plan->root().totalCost) : std::nullopt);
        }
        if (const auto cost = costs.value(query))
            byRelation[relation] << Planned{query, *cost};
    }
    QList<IndexSuggestion> out;
    for (const QString& ddl : statements) {
        Result created;
        try {
            created = m_connection.exec(
                QStringLiteral("select indexrelid::int8, indexname from hypopg_create_index($1)"),
                {param(ddl)});
        } catch (const NotFound&) {
            continue; // its table (or schema, or column) was dropped since pg_qualstats saw queries on it
        }
        const QString oid = created.text(0, 0);
        const QString name = created.text(0, 1);
        IndexSuggestion s;
        QString concurrent = ddl;
        s.createStatement = concurrent.replace(QStringLiteral("CREATE INDEX ON"),
                                               QStringLiteral("CREATE INDEX CONCURRENTLY ON"));
        try {
            // "CREATE INDEX ON schema.table USING …": the queries that filter that relation.
            const QString relation =
                ddl.section(QStringLiteral(" ON "), 1).section(QStringLiteral(" USING "), 0, 0);
            for (const Planned& q : byRelation.value(relation)) {
                const auto plan = planOf(m_connection, q.query);
                if (!plan || !usesIndex(*plan, name) || plan->root().totalCost >= q.cost)
                    continue;
                ++s.queriesHelped;
                s.costBefore += q.cost;
                s.costAfter += plan->root().totalCost;
                s.examples << q.query;
            }
        } catch (...) {
            m_connection.exec(QStringLiteral("select hypopg_drop_index($1::oid)"), {param(oid)});
            throw;
        }
        m_connection.exec(QStringLiteral("select hypopg_drop_index($1::oid)"), {param(oid)});
        if (s.queriesHelped > 0)
            out << s;
    }
    std::stable_sort(out.begin(), out.end(), [](const IndexSuggestion& x, const IndexSuggestion& y) {
        return x.costSaved() > y.costSaved();
    });
    return out;
}

} // namespace pgdesk::core
