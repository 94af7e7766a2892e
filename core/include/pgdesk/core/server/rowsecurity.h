// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/schema/rowpolicy.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdesk::core {

class Connection;

// A table's row security as the designer starts from: relrowsecurity, relforcerowsecurity, its policies.
struct TableRowSecurity {
    bool enabled = false;
    bool forced = false;
    QList<RowPolicy> policies;
};

// What a role sees of a table: the rows it may read and, per row, the policies that admit it; which of them
// it may also update and delete. Read in a transaction that is rolled back, under SET LOCAL ROLE, so every
// expression (current_user included) is the role's; nothing is written, no row is locked.
struct RoleRowView {
    QString role;
    bool rowSecurityEnabled = false; // relrowsecurity
    bool forced = false;             // relforcerowsecurity
    bool bypasses = false;           // the role is superuser, has BYPASSRLS, or owns the table without FORCE
    QList<RowPolicy> policies;       // every policy of the table
    QStringList applicable;          // the names of those that apply to the role (its roles, any command)
    QStringList columns;
    QList<QList<std::optional<QString>>> rows; // what the role reads, PostgreSQL's text (nullopt = NULL)
    QList<QStringList> admittedBy; // per row: the permissive SELECT policies whose USING holds for it
    QList<bool> updatable;         // per row: the UPDATE policies let the role change it
    QList<bool> deletable;
    qint64 totalRows = -1; // rows of the table as the caller reads them (-1 if it cannot read all)
};

// Lists `schema.table`'s policies.
QList<RowPolicy> rowPolicies(Connection& connection, const QString& schema, const QString& table);

// `schema.table`'s row security switches and policies, read together.
TableRowSecurity tableRowSecurity(Connection& connection, const QString& schema, const QString& table);

// The roles this connection's role may SET ROLE to (it is a member of them; a superuser: every role), the
// predefined pg_* roles left out, by name.
QStringList rolesToSeeAs(Connection& connection);

// The table as `role` sees it, at most `limit` rows (in ctid order). The connection's own role must be able
// to SET ROLE to it (a member of it, or superuser). The connection must be outside a transaction.
RoleRowView seeAsRole(Connection& connection, const QString& schema, const QString& table,
                      const QString& role, int limit = 1000);

} // namespace pgdesk::core
