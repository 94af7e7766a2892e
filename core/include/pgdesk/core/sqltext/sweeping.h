// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace pgdesk::core {

// A statement that reaches every row of a table, or an object, with nothing to narrow it: what a query tool
// asks about before it runs (every client's classic mistake is a DELETE whose WHERE was not selected).
struct SweepingStatement {
    enum class Kind {
        UpdateAll, // UPDATE without WHERE
        DeleteAll, // DELETE without WHERE
        Truncate,
        Drop, // DROP of anything (TABLE, SCHEMA, DATABASE, …)
    };
    Kind kind = Kind::DeleteAll;
    QString target; // as written: "shop.pets", "schema app" (DROP names its kind), several comma-separated
};

// Pure, by the project's lexer (comments, quotes and dollar quotes never fool it): the statement's sweep,
// std::nullopt when it has none. A WITH in front is looked through; a WHERE inside parentheses (a
// subquery) does not count; WHERE CURRENT OF does.
std::optional<SweepingStatement> sweepingStatement(const QString& statement);

} // namespace pgdesk::core
