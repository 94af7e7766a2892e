// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/base/param.h>
#include <pgdesk/core/catalog/catalog.h>

#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>

namespace pgdesk::core {

// Filter operations of the table browser (semantics follow the adapter tutorial's operation table,
// plus PostgreSQL-specific ones). Every value travels as a bound parameter cast to the column's type.
enum class FilterOp {
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
    InList,
    NotInList,
    Like,       // SQL LIKE pattern: % any text, _ one character, \ escapes (case-sensitive)
    ILike,      // the same pattern, ignoring case (ILIKE)
    StartsWith, // case-sensitive prefix, matched literally (% and _ are plain characters)
    EndsWith,   // case-sensitive suffix, matched literally
    Contains,   // case-insensitive substring, matched literally
    IsNull,
    IsNotNull,
    Between,
    ArrayContains, // col @> array of the values
    ArrayOverlaps, // col && array of the values
    JsonPathEqual, // col #>> jsonPath = value
    JsonContains,  // col @> value::jsonb
    FullText,      // websearch_to_tsquery; tsvector columns directly, others through to_tsvector(col::text)
};

// Lower-case CLI names: "equal", "not_equal", "less_than", …, "in_list", "between", "json_path_equal".
QString filterOpName(FilterOp op);
// Accepts the CLI names in any case ("EQUAL" too) and the symbols = != <> < <= > >=.
std::optional<FilterOp> filterOpFromName(const QString& name);

// How many values an operation takes: 0 (IS NULL), 1, 2 (BETWEEN) or -1 for a list (IN, arrays).
int filterValueCount(FilterOp op);

// The operations that make sense on a column, most useful first (what a filter editor offers): equality
// and NULL tests everywhere; ordering on numbers, dates, times, text, uuid, enums, ranges; the LIKE family
// on text-like columns; IN lists on scalars; array, JSON and full-text operations on their types. Enum
// columns compare in label order, as PostgreSQL does. Pure.
QList<FilterOp> operationsFor(const ColumnInfo& column);

// One comparison. values are text (cast to the column's type in SQL): none for IsNull/IsNotNull, two for
// Between, one or more for InList/NotInList/ArrayContains/ArrayOverlaps, exactly one otherwise. A null
// QString in an IN list would be SQL NULL, which is not supported (DataError).
struct Condition {
    QString column;
    FilterOp op = FilterOp::Equal;
    QStringList values;
    QStringList jsonPath; // JsonPathEqual only: the keys / array indexes, outermost first
};

// Conditions and nested groups combined with AND or OR; negated wraps the whole group in NOT (…).
// An empty group adds no condition at all.
struct FilterGroup {
    enum class Logic { And, Or } logic = Logic::And;
    bool negated = false;
    QList<Condition> conditions;
    QList<FilterGroup> groups;

    bool isEmpty() const;
};

struct SortKey {
    QString column;
    bool descending = false;
    // Default: PostgreSQL's (NULLS LAST for ascending, NULLS FIRST for descending).
    enum class Nulls { Default, First, Last } nulls = Nulls::Default;
};

// Which rows of a soft-delete table to show (ignored for tables without the convention).
enum class SoftDeleteScope { Active, Deleted, All };
enum class CountMode { None, Estimate, Exact };

// At most one of pageNumber / afterCursor / beforeCursor / last; none means the first page.
struct PageRequest {
    int pageSize = 100;
    std::optional<qint64> pageNumber; // 1-based; OFFSET paging (any table)
    QString afterCursor;              // keyset paging (tables with a row key only)
    QString beforeCursor;
    bool last = false;
};

struct QuerySpec {
    QString schema;
    QString table;
    // When set, the source is this read-only SQL query (one SELECT/VALUES/WITH statement) instead of
    // schema.table; its TableInfo comes from CatalogReader::describeQuery(). Filters, search, sort and
    // paging apply to its result; it has no row key, so pages are numbered and counts are planned.
    QString sql;
    // Values of the query's own `$n` placeholders, in order (bound as parameters; the builder numbers its
    // own after them). Empty for a query without placeholders.
    Params sqlParams;
    FilterGroup filter;
    QString search; // quick search: case-insensitive contains over all text-like columns
    QList<SortKey> sort;
    SoftDeleteScope scope = SoftDeleteScope::Active;
    PageRequest page;
    CountMode count = CountMode::Estimate;
    // Pages only: values longer than this many characters (bytea: bytes) come cut to it, marked in
    // Page::cut, so a page of big documents stays small; load them whole by row key when needed. Applies
    // to text-like, JSON, bytea, array and other variable-size columns of tables (not views) with a row key,
    // never to the sort or row key columns. 0: whole values.
    int valueLimit = 0;
    // Pages only: columns left out of the select list (hidden in the grid), so wide tables page faster.
    // The sort and row key columns are selected all the same: cursors and edits need them.
    QStringList omitColumns;
};

// Command-line forms, shared by pgdesk-cli and pgdesk's start options (pure; ConfigurationError "filter"
// for text that is not a condition):
//  "COLUMN OPERATION [VALUE]": COLUMN may be "double-quoted" ("" is a quote); exactly one space separates
//  the value, which keeps its own spaces; lists (in_list, not_in_list, array_*) and between's two bounds
//  are comma-separated with "\," for a literal comma; json_path_equal takes "PATH VALUE", PATH dotted.
Condition conditionFromText(const QString& text);
// "COLUMN", "COLUMN:asc" or "COLUMN:desc".
SortKey sortKeyFromText(const QString& text);
// "active", "deleted", "all".
std::optional<SoftDeleteScope> softDeleteScopeFromName(const QString& name);
QString softDeleteScopeName(SoftDeleteScope scope);

// The rows a table's soft-delete convention hides by default, in words for a note: "rows with deleted_at
// set", "rows with is_deleted true", "rows with is_active false" ("… or null" for a nullable flag). Empty
// unless the scope is Active and the table has a convention: Deleted and All are asked for explicitly.
QString rowsHiddenBySoftDelete(const Conventions& conventions, SoftDeleteScope scope, bool flagNotNull);
QString rowsHiddenBySoftDelete(const TableInfo& table, SoftDeleteScope scope);

} // namespace pgdesk::core
