// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdesk::core {

class Connection;

// A role as the role editor edits it. The password is never held here: only the SCRAM verifier libpq
// computed from it (Connection::encryptPassword), which is what the server stores anyway.
struct RoleSpec {
    QString name;
    bool login = false;
    bool superuser = false;
    bool createDb = false;
    bool createRole = false;
    bool inherit = true;
    bool replication = false;
    bool bypassRls = false;
    int connectionLimit = -1;
    QString validUntil;       // a timestamp as the server reads it, "infinity", or empty for none
    QString passwordVerifier; // "SCRAM-SHA-256$4096:…"; empty leaves the password as it is
    QString comment;
    bool operator==(const RoleSpec&) const = default;
};

// Pure: CREATE ROLE (before is nullopt) or ALTER ROLE with what changed, and COMMENT ON ROLE; empty when
// nothing did. A password that is not a SCRAM verifier is refused (ConfigurationError): plain text must
// never be written into a statement.
QStringList roleStatements(const std::optional<RoleSpec>& before, const RoleSpec& after);
QString dropRoleStatement(const QString& role);
QString membershipStatement(bool grant, const QString& role, const QString& member, bool adminOption = false);

enum class Privilege { Select, Insert, Update, Delete, Truncate, References, Trigger, Usage, Create };
QString privilegeName(Privilege privilege); // "SELECT"
std::optional<Privilege> privilegeFromName(const QString& name);

struct PrivilegeTarget {
    enum class Kind {
        Table,
        Schema,
        DefaultTables
    }; // DefaultTables: ALTER DEFAULT PRIVILEGES IN SCHEMA … ON TABLES
    Kind kind = Kind::Table;
    QString schema;
    QString name;    // the table (Table)
    QString forRole; // DefaultTables: the creating role (FOR ROLE); empty = the current one
};

// The privileges a target's matrix has columns for, in the order shown.
QList<Privilege> privilegesFor(PrivilegeTarget::Kind kind);

// Pure: GRANT/REVOKE of `privileges` on the target to/from `role` (PUBLIC when "public"), on `columns` only
// when given (SELECT, INSERT, UPDATE, REFERENCES on a table), WITH GRANT OPTION when asked.
QString grantStatement(bool grant, const PrivilegeTarget& target, const QList<Privilege>& privileges,
                       const QString& role, const QStringList& columns = {}, bool grantOption = false);

struct PrivilegeCell {
    bool direct = false;    // granted to the role itself
    bool grantable = false; // WITH GRANT OPTION
    bool effective =
        false; // has_table_privilege / has_schema_privilege: through memberships, PUBLIC, ownership
    bool operator==(const PrivilegeCell&) const = default;
};

// Roles × privileges of one table or schema: what is granted to each role directly, and what it has.
struct PrivilegeMatrix {
    PrivilegeTarget target;
    QStringList roles;
    QList<Privilege> privileges;
    QHash<QString, PrivilegeCell> cells; // key: role + '\n' + privilegeName

    PrivilegeCell cell(const QString& role, Privilege p) const;
    void set(const QString& role, Privilege p, const PrivilegeCell& cell);
};

// Reads the matrix of a table or schema for `roles` (every role that is not a pg_ one when empty).
PrivilegeMatrix readPrivilegeMatrix(Connection& connection, const PrivilegeTarget& target,
                                    const QStringList& roles = {});
// Pure: the GRANT and REVOKE statements that take `before`'s direct grants to `after`'s, one per role and
// change (grants with the grant option apart).
QStringList matrixStatements(const PrivilegeMatrix& before, const PrivilegeMatrix& after);

} // namespace pgdesk::core
