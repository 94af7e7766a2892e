// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/base/param.h>

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace pgdesk::core {

class Connection;

// An index that does not exist, as hypopg pretends it does.
struct HypotheticalIndex {
    QString schema; // empty: where the statement's own plan (VERBOSE) finds the table
    QString table;
    QStringList columns;
    QString method = QStringLiteral("btree");
};

// "CREATE INDEX CONCURRENTLY ON "s"."t" USING btree ("a", "b")": every name quoted. CONCURRENTLY builds
// without blocking writes, outside a transaction block.
QString createIndexStatement(const HypotheticalIndex& index, bool concurrently = true);

// Pure: the columns a filter or an index condition compares, in order of first use:
// "((status = 'paid'::text) AND (amount > 10))" → status, amount. Type names after ::, function names,
// string contents and SQL words (AND, IS, NULL …) are not columns; "t.a" gives a.
QStringList conditionColumns(const QString& condition);

struct WhatIfAvailability {
    bool installed = false;   // CREATE EXTENSION hypopg ran in this database
    bool installable = false; // the server has it (pg_available_extensions)
    QString hint;             // what to do when not installed
};

struct WhatIfOutcome {
    QByteArray before;       // EXPLAIN (FORMAT JSON) as things are
    QByteArray after;        // with the hypothetical index
    QString indexName;       // hypopg's name for it ("<16411>btree_t_grp")
    bool used = false;       // the plan with it uses it
    QString createStatement; // the real index, to build it when it helps
    // An index the table already has whose leading key columns are these (same method, no predicate):
    // then nothing is tried, `after` is `before`, and the planner's choice not to use it is the answer.
    QString existingIndex; // its name, schema-qualified where the search path does not reach it
};

// What-if indexes on a connection the caller owns (the query tool's session, so the statement sees the
// session's settings and search_path). Only EXPLAIN runs: the statement itself never does.
class WhatIfRunner final {
public:
    explicit WhatIfRunner(Connection& connection);

    WhatIfAvailability availability();
    // Plans `statement` without and with `index`; the hypothetical index is removed again whatever
    // happens (hypopg_drop_index), and nothing is written to the catalog. Throws NotFound (with the hint)
    // when hypopg is not installed in the database.
    WhatIfOutcome tryIndex(const QString& statement, const HypotheticalIndex& index,
                           const QMap<QString, Param>& parameters = {});

private:
    QString existingIndex(const HypotheticalIndex& index);

    Connection& m_connection;
};

} // namespace pgdesk::core
