// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// The catalog statements CatalogReader runs (internal to core). Parameters: tableSql() $1 schema or NULL,
// $2 name, $3 the whole text as a bare name or NULL; tablesSql() and its two companions $1 schema or NULL;
// resultColumnsSql() $1 names, $2 type OIDs, $3 type modifiers of a query's result columns.
namespace pgdesk::core::catalogsql {

// One relation, described whole (columns with types, defaults, comments, privileges; uniques; foreign keys
// both ways; checks; partitions; exact size).
QString tableSql();
// Every relation, lean, sizes from the statistics; $1 a schema or NULL. Sent with the next two, whose rows
// name their relation's OID in the first column, in no order, and may include relations the listing leaves
// out (`wholeDatabase`: $1 is NULL): the columns the conventions can use (name, number, NOT NULL, base type
// OID, own SELECT/INSERT/UPDATE grants or NULLs) and every index (name, primary, partial, usable as a key —
// unique, valid, no expressions —, pages, key column count, indkey as "1 2 …"). A relation's total_bytes
// leaves out its indexes' pages where add_index_pages is true: the reader adds them (× block_size).
QString tablesSql();
QString tablesColumnsSql(bool wholeDatabase);
QString tablesUniquesSql(bool wholeDatabase);
QString resultColumnsSql();

} // namespace pgdesk::core::catalogsql
