// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// The statements a schema snapshot reads the catalog with (internal to core), each taking $1 the schema's
// name. Run with search_path = pg_catalog, the schema: the server's pg_get_*def and format_type then leave
// the schema's own names unqualified, so two schemas of different names compare, and a migration runs
// under the target's name (with the same path); pg_catalog first, so the read never calls the schema's
// functions. Names come back plain (the code quotes them); ACLs as sorted "grantee privilege"
// lines without the owner's own entry (owners may differ between servers; who else may do what may not).
namespace pgdesk::core::snapshotsql {

QString relationsSql();
// The oids of the relations whose parts are read (the scope of catalogColumnsStatement and the others of
// relationparts.h).
QString partsOfSql();
QString functionsSql();
QString typesSql();
QString sequencesSql();
QString extensionsSql();
QString collationsSql();
QString conversionsSql();
// $1 the schema: every object key ("pg_class:16390" …) of the schema with its snapshot key ("table:name").
QString objectKeysSql();

} // namespace pgdesk::core::snapshotsql
