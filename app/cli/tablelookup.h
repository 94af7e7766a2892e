// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/session/connection.h>

#include <QStringList>

namespace pgdesk::cli {

// TABLE as a command names it ("schema.table" or a name on the search path), read from the catalog.
// A name that matches no table or view fails NotFound with the closest existing names as its hint
// ("did you mean public.customer?"). withProfileConventions: the connection's profile overrides apply,
// as core::readTableForProfile does.
core::TableInfo readTable(core::Connection& connection, const QString& name, bool withProfileConventions);

// Pure: up to `limit` of `candidates` close enough to `name` to be what was meant (edit distance, case
// ignored, of the whole names or of the table parts plus one for the schema; at most a third of the table
// part's length, at least 2), closest first, ties in candidate order.
QStringList closestNames(const QString& name, const QStringList& candidates, int limit = 3);

} // namespace pgdesk::cli
