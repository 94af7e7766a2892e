// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/page.h>
#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/catalog/catalog.h>

#include <QtGlobal>

#include <functional>
#include <optional>

namespace pgdesk::core {

class Connection;
struct BuiltQuery;

// Receives one row of a page (same layout as Page::rows) while the page is still being fetched.
using RowSink = std::function<void(const QList<std::optional<QString>>& row)>;

// Runs table browses built by the SQL builder on one connection (which must outlive the engine).
class QueryEngine final {
public:
    explicit QueryEngine(Connection& connection);

    // One page (LIMIT pageSize+1, so never unbounded) plus the total per spec.count. On an idle
    // connection the page and its count share one READ ONLY REPEATABLE READ transaction. A filter value
    // that does not fit its column's type → DataError naming the column and the value.
    // Rows are streamed (libpq single-row mode). sink, when set, gets every row of the page in display
    // order: as each row arrives for forward pages, but only once all rows have arrived for pages read
    // backwards (beforeCursor / last), whose rows come from the server in reverse. The extra row that
    // tells whether another page exists is not passed. If fetching fails after some rows were passed,
    // the error is thrown all the same (the caller drops what it got). An exception from sink cancels
    // the statement and propagates.
    Page fetchPage(const QuerySpec& spec, const TableInfo& table, const RowSink& sink = {});
    // count(*) with the spec's filter, search and soft-delete scope.
    qint64 exactCount(const QuerySpec& spec, const TableInfo& table);
    // The catalog's row estimate when nothing narrows the rows, else the planner's ("Plan Rows").
    qint64 estimateCount(const QuerySpec& spec, const TableInfo& table);

private:
    Page fetch(const QuerySpec& spec, const TableInfo& table, const RowSink& sink);
    Result run(const BuiltQuery& query);

    Connection& m_connection;
};

} // namespace pgdesk::core
