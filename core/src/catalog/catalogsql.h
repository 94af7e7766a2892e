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
// are ordered by relation OID (their first column): the columns the conventions can use (name, number,
// NOT NULL, base type OID, own SELECT/INSERT/UPDATE grants or NULLs) and the unique indexes without
// expressions (name, primary, partial, key column count, indkey as "1 2 …").
QString tablesSql();
QString tablesColumnsSql();
QString tablesUniquesSql();
QString resultColumnsSql();

} // namespace pgdesk::core::catalogsql
