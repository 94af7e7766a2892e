// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace pgdesk::core {

// A row security policy as pg_policies shows it, and as the table designer stages one.
struct RowPolicy {
    QString name;
    bool permissive = true;
    QStringList roles; // "public" for everyone
    QString command;   // "ALL", "SELECT", "INSERT", "UPDATE", "DELETE"
    QString usingExpr; // empty when it has none
    QString checkExpr; // WITH CHECK; empty when none
    bool operator==(const RowPolicy&) const = default;
};

} // namespace pgdesk::core
