// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// The statements DdlWriter reads the catalog with (internal to core). Identifiers and literals come back
// already quoted by the server (format('%I'), quote_ident, quote_literal), so the script never quotes
// anything itself. Run under search_path = pg_catalog, so pg_get_*def and format_type qualify every
// name that is not in pg_catalog, as pg_dump does: the script then means the same on any search path.
namespace pgdesk::core::ddlsql {

// Select-list pieces: an ACL as a JSON array of grants ("acl"), an object's comment as a literal
// ("comment"), and the condition that an object is not a member of an extension.
QString aclJson(const char* acl);
QString commentOf(const char* objoid, const char* catalog, const char* subid = "0");
QString notInExtension(const char* catalog, const char* objoid);

// Round trip 1, on the session's own search path: the OIDs the script covers. $1 text[] schemas (schema
// mode), $2 schema or NULL and $3 relation (relation mode: the relation and its partitions, recursively).
QString targetsSql();

// Round trip 2: $1 int8[] the relations of round trip 1 (and sequencesSql: $2 text[] the schemas, empty in
// relation mode). Their columns, constraints and indexes are read with relationparts.h, as every reader does.
QString relationsSql();
// Sequences owned by the relations (serial), and in schema mode every other sequence of the schemas;
// identity sequences are left to their columns.
QString sequencesSql();
// Schema mode only, $1 text[] the schemas: the schemas, their extensions, types (enum, composite, domain,
// range) and functions and procedures.
QString schemasSql();
QString extensionsSql();
QString typesSql();
QString functionsSql();
// Schema mode, $1 text[] the schemas: aggregates, operators, operator families (with their own members)
// and classes, casts of the schemas' types or functions, the schemas' default privileges, event triggers
// calling the schemas' functions.
QString aggregatesSql();
QString operatorsSql();
QString operatorFamiliesSql();
QString operatorClassesSql();
QString castsSql();
QString collationsSql();
QString defaultPrivilegesSql();
QString eventTriggersSql();
// $1 text[] the schemas, $2 int8[] the relations: publications naming them, with those members.
QString publicationsSql(int serverVersion);
// Every dependency between user objects as (dependent, referenced) keys "catalog:oid", a column default,
// rule or constraint counted as its table, a row type as its table, an array type as its element type.
QString dependenciesSql();

} // namespace pgdesk::core::ddlsql
