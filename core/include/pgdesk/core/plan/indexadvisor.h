// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace pgdesk::core {

class Connection;

// An index the workload's predicates ask for, checked with what-if plans.
struct IndexSuggestion {
    QString createStatement; // CREATE INDEX CONCURRENTLY …, as pg_qualstats wrote it
    int queriesHelped = 0;   // example queries whose plan uses the hypothetical index
    double costBefore = 0;   // the sum of those queries' plan costs without it
    double costAfter = 0;    // and with it
    QStringList examples;    // those queries (pg_qualstats' examples, with their constants)

    double costSaved() const { return costBefore - costAfter; }
};

struct IndexAdvisorAvailability {
    bool available = false;
    QString hint; // what is missing: pg_qualstats loaded and created, hypopg created
};

// Index suggestions from the predicates the workload actually ran, as the PoWA web tool makes them:
// pg_qualstats proposes indexes for the filters that removed the most rows; each is created as a hypothetical
// index (hypopg) and pg_qualstats' example queries are planned without and with it; a suggestion stands
// only when a plan uses it, ranked by the plan cost it saves. Only EXPLAIN runs; nothing is built.
class IndexAdvisor final {
public:
    explicit IndexAdvisor(Connection& connection);

    IndexAdvisorAvailability availability();
    // Throws NotFound (with the hint) when the extensions are missing. `minFilteredRows` and
    // `minSelectivityPercent` as pg_qualstats_index_advisor's min_filter and min_selectivity; at most
    // `maxQueries` example queries of this database per relation are planned.
    QList<IndexSuggestion> suggest(int minFilteredRows = 1000, int minSelectivityPercent = 30,
                                   int maxQueries = 100);

private:
    Connection& m_connection;
};

} // namespace pgdesk::core
