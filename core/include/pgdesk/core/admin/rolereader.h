// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace pgdesk::core {

class Connection;

// One membership edge of pg_auth_members, seen from one role: the other role and how it was granted.
struct RoleMembership {
    QString role;             // the group (in memberOf) or the member (in members)
    QString grantor;          // who granted it
    bool adminOption = false; // WITH ADMIN OPTION: the member may grant the group on
};

// A role as pg_roles shows it (readable by every role; the password never is).
struct RoleInfo {
    QString name;
    bool superuser = false;
    bool inherit = true;
    bool createRole = false;
    bool createDatabase = false;
    bool canLogin = false;
    bool replication = false;
    bool bypassRls = false;
    int connectionLimit = -1; // -1: no limit
    QString validUntil;       // the password's expiry as the server's text; empty: never
    QString comment;
    QList<RoleMembership> memberOf; // groups this role belongs to, by name
    QList<RoleMembership> members;  // roles that belong to this one, by name

    // The predefined roles (pg_read_all_data, pg_monitor …) are named pg_*; CREATE ROLE refuses the prefix.
    bool isPredefined() const { return name.startsWith(QLatin1String("pg_")); }
};

// What grants() reads the privileges of.
enum class GrantObjectKind {
    Relation, // table, view, materialized view, sequence, foreign table (with its column privileges)
    Schema,
    Function, // every overload of the name (functions and procedures)
};

// One aclexplode() row: a privilege granted on an object (or one column of it).
struct Grant {
    QString object;  // "schema.table", the schema, or the function's signature (regprocedure)
    QString column;  // for a column privilege; empty for the object's own
    QString grantee; // "PUBLIC" for everyone
    QString grantor;
    QString privilege;         // "SELECT", "USAGE", "EXECUTE" …
    bool grantable = false;    // WITH GRANT OPTION
    bool ownerDefault = false; // the object has no ACL: acldefault()'s privileges apply
};

// Reads roles and privileges from the catalogs (read-only; names travel as parameters).
class RoleReader final {
public:
    explicit RoleReader(Connection& connection);

    // Every role by name (the predefined pg_* roles too when includePredefined), with its memberships,
    // in one round trip.
    QList<RoleInfo> roles(bool includePredefined = false);

    // The privileges on one object: its ACL exploded (the owner's defaults when it has none) and, for a
    // relation, every column's ACL. An empty schema looks a relation or function up on the search path.
    // Throws NotFound when there is no such object.
    QList<Grant> grants(GrantObjectKind kind, const QString& schema, const QString& name);

private:
    Connection& m_connection;
};

QString grantObjectKindName(GrantObjectKind kind); // "relation", "schema", "function"

} // namespace pgdesk::core
