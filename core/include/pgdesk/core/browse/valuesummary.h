// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/sqlbuilder.h>

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace pgdesk::core {

class CancelToken;
class Connection;

// What a selection of cells (or a column of a whole view) holds: the status bar's summary.
struct ValueSummary {
    qint64 count = 0;    // values that are not NULL (as count(c))
    qint64 distinct = 0; // distinct values that are not NULL
    qint64 nulls = 0;
    // Set for numeric columns with at least one value: exact decimal text, never through double.
    std::optional<QString> sum;
    std::optional<QString> average;
    std::optional<QString> min;
    std::optional<QString> max;
    bool operator==(const ValueSummary&) const = default;
};

// Decimals of an average: as many as the sum has, at least 16 (what PostgreSQL's avg() prints for integers).
inline constexpr int kAverageMinScale = 16;

// Pure: the summary of values as PostgreSQL printed them. With `numeric`, sum, average, min and max are
// computed exactly on the decimal text (ExactDecimal); a value that is no finite number (NaN, Infinity)
// leaves them out. Distinct counts numerically equal numbers once (1.5 and 1.50), text by its characters.
ValueSummary summarizeValues(const QList<std::optional<QString>>& values, bool numeric);

// The summary of one column of a whole filtered view, on the server: `select` is the view's query
// (buildSelectQuery: its filter, search and soft-delete scope, values as parameters); one statement
//   select count(c), count(distinct c), count(*) - count(c), sum(c), avg(c), min(c), max(c) from (…) v
// that `cancel` stops (PQcancel). Non-numeric columns count only.
ValueSummary summarizeColumn(Connection& connection, const BuiltQuery& select, const QString& column,
                             bool numeric, const std::shared_ptr<CancelToken>& cancel = {});

} // namespace pgdesk::core
