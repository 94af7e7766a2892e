#pragma once

#include <pgdesk/core/catalog.h>
#include <pgdesk/core/page.h>
#include <pgdesk/core/queryspec.h>

#include <QtGlobal>

namespace pgdesk::core {

class Connection;
struct BuiltQuery;

// Runs table browses built by the SQL builder on one connection (which must outlive the engine).
class QueryEngine final {
public:
    explicit QueryEngine(Connection& connection);

    // One page (LIMIT pageSize+1, so never unbounded) plus the total per spec.count. On an idle
    // connection the page and its count share one READ ONLY REPEATABLE READ transaction. A filter value
    // that does not fit its column's type → DataError naming the column and the value.
    Page fetchPage(const QuerySpec& spec, const TableInfo& table);
    // count(*) with the spec's filter, search and soft-delete scope.
    qint64 exactCount(const QuerySpec& spec, const TableInfo& table);
    // The catalog's row estimate when nothing narrows the rows, else the planner's ("Plan Rows").
    qint64 estimateCount(const QuerySpec& spec, const TableInfo& table);

private:
    Page fetch(const QuerySpec& spec, const TableInfo& table);
    Result run(const BuiltQuery& query);

    Connection& m_connection;
};

} // namespace pgdesk::core
