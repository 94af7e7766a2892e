// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A profile's convention overrides (conventionoverride.h) applied to what the catalog detected.

#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/profiles/conventionoverride.h>

namespace pgdesk::core {

class Connection;
struct ConnectionProfile;
struct TableSummary;

// Pure: applies `override` to a table's detected conventions after checking it against the columns.
// Named columns must exist (NotFound naming the column); a row key must be made of NOT NULL columns
// of a table (ConfigurationError "conventions"); a deleted_at column must be a timestamp, a flag a
// boolean, created/updated-at columns a timestamp or date. Nothing changes when a check fails. The
// overridden row key gets rowKeySource "override"; uuidKey is recomputed.
void applyConventionOverride(TableInfo& table, const ConventionOverride& override);
// Applies the profile's override for table.schema + "." + table.name, if any.
void applyConventionOverride(TableInfo& table, const ConnectionProfile& profile);
// Summaries carry no columns, so nothing is checked (describe the table for that); uuidKey stays only
// when the row key is unchanged.
void applyConventionOverride(TableSummary& table, const ConnectionProfile& profile);
// A table as the connection's profile sees it: CatalogReader::table() with the profile's override applied
// (what browse, export, apply and the desktop work on). Errors as for both.
TableInfo readTableForProfile(Connection& connection, const QString& schema, const QString& name);
TableInfo readTableForProfile(Connection& connection, const QString& qualifiedOrBareName);

} // namespace pgdesk::core
