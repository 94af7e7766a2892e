// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/base/param.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/catalog/catalog.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdesk::core {

// Pure: a QuerySpec over its TableInfo as SQL text and parameters (identifiers quoted, every value a
// parameter). A query source goes in as a subquery (querySource()). A keyset page seeks with an OR chain
// that knows where NULLs sort, not a row comparison, which handles neither NULLs nor mixed directions.

// A full_text filter value: "english:crocodile" names the text search configuration (a name, optionally
// schema-qualified, then a colon and no space); anything else is all query text.
struct FullTextQuery {
    QString config; // empty: the column's (ColumnInfo::textSearchConfig), else the session default
    QString text;
};
FullTextQuery splitFullTextQuery(const QString& value);

// The boundary row of a keyset page: the values (exact text, nullopt = NULL) of the sort tuple, and the
// sort tuple's signature so that a cursor is refused under another sort order.
struct Cursor {
    QStringList signature; // one entry per sort key: "asc nulls last <column>" …
    QList<std::optional<QString>> values;
};
// Opaque text: base64url of JSON {"k":[signature…],"v":[values…]}.
QString encodeCursor(const Cursor& cursor);
// Throws ConfigurationError for anything that is not a cursor made by encodeCursor().
Cursor decodeCursor(const QString& text);

// A value the statement casts to a column's type; kept so a failed cast can be blamed on the column.
struct CastValue {
    QString column;
    QString type;
    QString value;
};

struct BuiltQuery {
    QString sql;
    Params params;
    QList<CastValue> casts;    // every user value cast to a column type, in parameter order
    bool hasCondition = false; // the WHERE clause is not empty (filter, search or soft-delete scope)

    // Page queries only.
    QStringList columns;       // selected columns, in order (all of the table's columns)
    QStringList sortColumns;   // the effective sort tuple (user keys + row key tie-breakers)
    QStringList sortSignature; // Cursor::signature for this sort order
    bool keyset = false;       // the order is total: the engine may hand out cursors
    bool backwards = false;    // rows come in reverse order (beforeCursor / last); the engine reverses them
    int limit = 0;             // pageSize + 1: the extra row tells whether another page exists
    qint64 offset = 0;
    // A hidden trailing column `xmin::text AS "__pgdesk_version"` follows `columns` (not listed in it):
    // the row version that optimistic edits compare against.
    bool selectsVersion = false;
    // Rows can be edited (a version was asked for, the table has a row key): the page names its key
    // columns. With selectsVersion false here, updates are guarded by the values as read instead.
    bool keyed = false;
    // QuerySpec::valueLimit as applied (0 when values come whole): these columns come as a prefix of
    // valueLimit + 1 characters (bytea: bytes), so a longer value is known to be cut.
    // bytea's whole size (octet_length, read from the value's header) follows as a hidden column after
    // the version: sizeColumns of them, each in the result at its sizeColumn.
    struct CutColumn {
        int index = 0;      // in columns
        bool bytes = false; // bytea: the limit counts bytes (the text is \x and two hex digits a byte)
        int sizeColumn = -1;
    };
    QList<CutColumn> cutColumns;
    int valueLimit = 0;
    int sizeColumns = 0;
};

// Name of the hidden row-version column of a page query.
inline constexpr const char* kVersionColumn = "__pgdesk_version";
// Whether rows of the relation can carry a key and version: a table or partitioned table with a row key.
bool hasRowVersions(const TableInfo& table);

// SELECT of one page: filter AND search AND soft-delete scope, ORDER BY the sort keys then the row key
// (so the order is total), LIMIT pageSize+1. Keyset paging (cursors, last) needs a row key; tables
// without one page with OFFSET/LIMIT only (cursors and `last` are refused with ConfigurationError), and
// without a sort their order is whatever the server returns. Errors: unknown column → NotFound, wrong
// number of values → ConfigurationError, unsupported value → DataError. With selectVersion and a table
// for which hasRowVersions() holds, the row version (xmin) is selected as a hidden trailing column (unless
// the role may not read it: TableInfo::versionReadable). QuerySpec::omitColumns are left out of the select
// list unless they are sort or row key columns.
BuiltQuery buildPageQuery(const QuerySpec& spec, const TableInfo& table, bool selectVersion = false);
// The whole filtered, sorted SELECT with no LIMIT (exports, batch operations): same columns, WHERE and
// ORDER BY as buildPageQuery's first page. The statement streams; callers never buffer it. skipGenerated
// leaves generated columns out of the select list (exports: as COPY table does); they still filter and sort.
BuiltQuery buildSelectQuery(const QuerySpec& spec, const TableInfo& table, bool selectVersion = false,
                            bool skipGenerated = false);
// The statement a new query tab on a relation starts with: "SELECT *\n  FROM \"schema\".\"name\"\n LIMIT n;"
// (names always quoted).
QString selectStarText(const QString& schema, const QString& name, int limit = 100);
// SELECT count(*) with the same WHERE clause.
BuiltQuery buildCountQuery(const QuerySpec& spec, const TableInfo& table);
// SELECT `selectList` FROM the view's source with its WHERE clause (filters, search, soft-delete scope) and
// no order: the rows a statement aggregates on the server (charts). The list names the source's columns
// unqualified and takes its own parameters after BuiltQuery::params.
BuiltQuery buildFilteredSelect(const QuerySpec& spec, const TableInfo& table, const QString& selectList);
// The same over a sample of the table's pages: `FROM t TABLESAMPLE SYSTEM ($n)` with the percent a bound
// parameter numbered after the filters'. A table, partitioned table or materialized view only
// (ConfigurationError for a view or a query); percent in (0, 100].
BuiltQuery buildSampledSelect(const QuerySpec& spec, const TableInfo& table, const QString& selectList,
                              double percent);
// EXPLAIN (FORMAT JSON) of the filtered select without LIMIT: its top "Plan Rows" is the estimate.
BuiltQuery buildExplainEstimate(const QuerySpec& spec, const TableInfo& table);

} // namespace pgdesk::core
