#pragma once

#include <QString>

// The catalog statements CatalogReader runs (internal to core). Parameters: tableSql() $1 schema or NULL,
// $2 name, $3 the whole text as a bare name or NULL; tablesSql() $1 schema or NULL; resultColumnsSql() $1
// names, $2 type OIDs, $3 type modifiers of a query's result columns.
namespace pgdesk::core::catalogsql {

// One relation, described whole (columns with types, defaults, comments, privileges; uniques; foreign keys
// both ways; checks; partitions; exact size).
QString tableSql();
// Every relation, lean: the columns and unique indexes the conventions can use, positional; sizes from
// the statistics.
QString tablesSql();
QString resultColumnsSql();

} // namespace pgdesk::core::catalogsql
