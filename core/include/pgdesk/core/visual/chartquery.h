// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/catalog/catalog.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdesk::core {

// What a chart over a table view asks the server for: the view's rows grouped by X (bucketed for dates,
// timestamps and numbers), one aggregate per Y series, optionally split by a group column. The server does
// the work, so a chart of ten million rows reads a few hundred.
enum class ChartAggregate { None, Count, Sum, Avg, Min, Max };
enum class TimeBucket { None, Minute, Hour, Day, Week, Month, Quarter, Year };

// "none" "count" "sum" "avg" "min" "max" / "minute" … "year"; nullopt for anything else.
std::optional<ChartAggregate> chartAggregateFromName(const QString& name);
std::optional<TimeBucket> timeBucketFromName(const QString& name);
QString chartAggregateName(ChartAggregate aggregate);
QString timeBucketName(TimeBucket bucket);

struct ChartSeriesSpec {
    QString column;                                 // empty with Count: count(*)
    ChartAggregate aggregate = ChartAggregate::Sum; // None: the raw values (scatter), no GROUP BY
};

struct ChartQuerySpec {
    QString xColumn;
    QList<ChartSeriesSpec> series;
    QString groupColumn;                  // one series per value of it (split by the chart's data model)
    TimeBucket bucket = TimeBucket::None; // dates and timestamps
    QString numberWidth;                  // numbers: buckets of this width (exact text, a bound parameter)
    int maxRows = 5000;                   // groups (or raw points) read; one more says there were more
    // Above 0: read only about this percent of the table's pages (TABLESAMPLE SYSTEM), counts and sums
    // scaled up by 100 / percent: a first draw of a huge table in a fraction of the time, an estimate.
    double samplePercent = 0;
};

struct ChartQuery {
    BuiltQuery query;    // the SQL and its parameters
    QStringList columns; // result column names, in order: x, [group], y1, y2 …
    QStringList types;   // their PostgreSQL types (for parsing: date, timestamptz, numeric, text …)
    int groupIndex = -1; // in columns, -1 without a group
    QList<int> yIndexes;
    bool aggregated = true;   // false: raw points (the first maxRows rows of the view)
    double samplePercent = 0; // the spec's: above 0 the values are estimates
};

// The percent of pages a first, estimated draw of `table` should read to see about `rowsWanted` rows (at
// most 10 %, at least 0.01 %), or 0 when an exact chart is about as quick: fewer than ten times that many
// rows by the planner's estimate, or a relation that cannot be sampled (a view).
double chartSamplePercent(const TableInfo& table, double rowsWanted = 200000);

// The statement for `spec` over the view (its filters, search and soft-delete scope, never its sort or
// page). Unknown columns → NotFound; a bucket on a column that is no date/timestamp, a width on one that
// is no number, an aggregate a type cannot take (sum of text) → ConfigurationError.
ChartQuery buildChartQuery(const QuerySpec& view, const TableInfo& table, const ChartQuerySpec& spec);

} // namespace pgdesk::core
