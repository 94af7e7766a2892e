// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/sqltext/sweeping.h>

#include <optional>

namespace pgdesk::core {

class Connection;

// The planner's estimate of the rows a sweeping statement reaches, with nothing run: EXPLAIN (FORMAT JSON)
// of an UPDATE or DELETE (the rows its scan returns), the tables' reltuples for TRUNCATE. Inside the
// session's open transaction it plans under a savepoint, so a statement the planner refuses (a parameter, a
// missing table) leaves that transaction as it was. std::nullopt when the server cannot say (a failed
// transaction, parameters, not a table, a DROP).
std::optional<qint64> estimateSweptRows(Connection& connection, const QString& statement,
                                        const SweepingStatement& sweep);

} // namespace pgdesk::core
