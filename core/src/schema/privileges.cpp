// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/schema/privileges.h>
#include <pgdesk/core/schema/tabledesign.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>

#include <QCoreApplication>

namespace pgdesk::core {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pgdesk::core::Privileges", text);
}

QString ident(const QString& name) {
    return quoteIdentifier(name);
}

QString grantee(const QString& role) {
    return role.compare(QLatin1String("public"), Qt::CaseInsensitive) == 0 ? QStringLiteral("PUBLIC")
                                                                           : ident(role);
}

QString targetText(const PrivilegeTarget& t) {
    switch (t.kind) {
    case PrivilegeTarget::Kind::Table:
        return QStringLiteral("TABLE ") + ident(t.schema) + QLatin1Char('.') + ident(t.name);
    case PrivilegeTarget::Kind::Schema:
        return QStringLiteral("SCHEMA ") + ident(t.schema);
    case PrivilegeTarget::Kind::DefaultTables:
        return QStringLiteral("TABLES");
    }
    return {};
}

QString cellKey(const QString& role, Privilege p) {
    return role + QLatin1Char('\n') + privilegeName(p);
}

} // namespace

QStringList roleStatements(const std::optional<RoleSpec>& before, const RoleSpec& after) {
    if (after.name.isEmpty())
        throwConfigurationError(QStringLiteral("role"), tr("A role needs a name."));
    if (!after.passwordVerifier.isEmpty() &&
        !after.passwordVerifier.startsWith(QLatin1String("SCRAM-SHA-256$")))
        throwConfigurationError(QStringLiteral("password"),
                                tr("Only a SCRAM verifier is written into a statement, never a password."));
    const RoleSpec old = before.value_or(RoleSpec{});
    const bool creating = !before;
    QStringList options;
    // CREATE writes the attributes that differ from CREATE ROLE's defaults (INHERIT is on by default).
    const auto attribute = [&](bool now, bool was, bool defaultValue, const char* yes, const char* no) {
        if (creating ? now != defaultValue : now != was)
            options << QLatin1String(now ? yes : no);
    };
    attribute(after.login, old.login, false, "LOGIN", "NOLOGIN");
    attribute(after.superuser, old.superuser, false, "SUPERUSER", "NOSUPERUSER");
    attribute(after.createDb, old.createDb, false, "CREATEDB", "NOCREATEDB");
    attribute(after.createRole, old.createRole, false, "CREATEROLE", "NOCREATEROLE");
    attribute(after.inherit, old.inherit, true, "INHERIT", "NOINHERIT");
    attribute(after.replication, old.replication, false, "REPLICATION", "NOREPLICATION");
    attribute(after.bypassRls, old.bypassRls, false, "BYPASSRLS", "NOBYPASSRLS");
    if (creating ? after.connectionLimit != -1 : after.connectionLimit != old.connectionLimit)
        options << QStringLiteral("CONNECTION LIMIT %1").arg(std::max(-1, after.connectionLimit));
    if (after.validUntil != old.validUntil || (creating && !after.validUntil.isEmpty()))
        options << QStringLiteral("VALID UNTIL ") + stringLiteral(after.validUntil.isEmpty()
                                                                      ? QStringLiteral("infinity")
                                                                      : after.validUntil);
    if (!after.passwordVerifier.isEmpty())
        options << QStringLiteral("PASSWORD ") + stringLiteral(after.passwordVerifier);
    QStringList out;
    const QString name = ident(after.name);
    if (creating)
        out << QStringLiteral("CREATE ROLE ") + name +
                   (options.isEmpty() ? QString() : QLatin1Char(' ') + options.join(u' '));
    else if (!options.isEmpty())
        out << QStringLiteral("ALTER ROLE ") + name + QLatin1Char(' ') + options.join(u' ');
    if (after.comment != old.comment)
        out << QStringLiteral("COMMENT ON ROLE %1 IS %2")
                   .arg(name,
                        after.comment.isEmpty() ? QStringLiteral("NULL") : stringLiteral(after.comment));
    return out;
}

QString dropRoleStatement(const QString& role) {
    return QStringLiteral("DROP ROLE ") + ident(role);
}

QString membershipStatement(bool grant, const QString& role, const QString& member, bool adminOption) {
    return grant ? QStringLiteral("GRANT %1 TO %2%3")
                       .arg(ident(role), ident(member),
                            adminOption ? QStringLiteral(" WITH ADMIN OPTION") : QString())
                 : QStringLiteral("REVOKE %1 FROM %2").arg(ident(role), ident(member));
}

QString privilegeName(Privilege p) {
    static const char* const names[] = {"SELECT",     "INSERT",  "UPDATE", "DELETE", "TRUNCATE",
                                        "REFERENCES", "TRIGGER", "USAGE",  "CREATE"};
    return QLatin1String(names[int(p)]);
}

std::optional<Privilege> privilegeFromName(const QString& name) {
    for (int p = 0; p <= int(Privilege::Create); ++p)
        if (privilegeName(Privilege(p)).compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return Privilege(p);
    return std::nullopt;
}

QList<Privilege> privilegesFor(PrivilegeTarget::Kind kind) {
    if (kind == PrivilegeTarget::Kind::Schema)
        return {Privilege::Usage, Privilege::Create};
    return {Privilege::Select,   Privilege::Insert,     Privilege::Update, Privilege::Delete,
            Privilege::Truncate, Privilege::References, Privilege::Trigger};
}

QString grantStatement(bool grant, const PrivilegeTarget& target, const QList<Privilege>& privileges,
                       const QString& role, const QStringList& columns, bool grantOption) {
    if (privileges.isEmpty() || role.isEmpty())
        throwConfigurationError(QStringLiteral("privilege"), tr("A grant needs privileges and a role."));
    const QList<Privilege> allowed = privilegesFor(target.kind);
    QStringList names;
    for (Privilege p : privileges) {
        if (!allowed.contains(p))
            throwConfigurationError(
                QStringLiteral("privilege"),
                tr("%1 is not a privilege of this kind of object.").arg(privilegeName(p)));
        if (!columns.isEmpty() && p != Privilege::Select && p != Privilege::Insert &&
            p != Privilege::Update && p != Privilege::References)
            throwConfigurationError(QStringLiteral("columns"),
                                    tr("%1 cannot be granted on columns.").arg(privilegeName(p)));
        QStringList quoted;
        for (const QString& c : columns)
            quoted << ident(c);
        names << privilegeName(p) + (columns.isEmpty()
                                         ? QString()
                                         : QStringLiteral(" (%1)").arg(quoted.join(QStringLiteral(", "))));
    }
    QString sql = grant ? QStringLiteral("GRANT %1 ON %2 TO %3%4")
                              .arg(names.join(QStringLiteral(", ")), targetText(target), grantee(role),
                                   grantOption ? QStringLiteral(" WITH GRANT OPTION") : QString())
                        : QStringLiteral("REVOKE %1 ON %2 FROM %3")
                              .arg(names.join(QStringLiteral(", ")), targetText(target), grantee(role));
    if (target.kind == PrivilegeTarget::Kind::DefaultTables)
        sql = QStringLiteral("ALTER DEFAULT PRIVILEGES %1IN SCHEMA %2 %3")
                  .arg(target.forRole.isEmpty() ? QString()
                                                : QStringLiteral("FOR ROLE %1 ").arg(ident(target.forRole)),
                       ident(target.schema), sql);
    return sql;
}

PrivilegeCell PrivilegeMatrix::cell(const QString& role, Privilege p) const {
    return cells.value(cellKey(role, p));
}

void PrivilegeMatrix::set(const QString& role, Privilege p, const PrivilegeCell& cell) {
    cells.insert(cellKey(role, p), cell);
}

PrivilegeMatrix readPrivilegeMatrix(Connection& connection, const PrivilegeTarget& target,
                                    const QStringList& roles) {
    if (target.kind == PrivilegeTarget::Kind::DefaultTables)
        throwConfigurationError(QStringLiteral("target"),
                                tr("Default privileges have no matrix of effective rights."));
    PrivilegeMatrix m;
    m.target = target;
    m.privileges = privilegesFor(target.kind);
    const bool table = target.kind == PrivilegeTarget::Kind::Table;
    const QString object =
        table ? ident(target.schema) + QLatin1Char('.') + ident(target.name) : target.schema;
    // One row per role and privilege: the direct grant from the ACL (aclexplode), the effective right from
    // has_*_privilege (memberships, PUBLIC, ownership, superuser).
    const Result r = connection.exec(
        QStringLiteral(
            "with acl as (select (aclexplode(coalesce(%1, acldefault(%2, %3)))).* from %4 where %5), "
            "r as (select rolname from pg_roles where (cardinality($2::text[]) = 0 and rolname !~ '^pg_') "
            "or rolname = any ($2::text[])) "
            "select r.rolname::text, p.name, exists (select 1 from acl where acl.grantee = (select oid from "
            "pg_roles "
            "where rolname = r.rolname) and acl.privilege_type = p.name), exists (select 1 from acl where "
            "acl.grantee "
            "= (select oid from pg_roles where rolname = r.rolname) and acl.privilege_type = p.name and "
            "acl.is_grantable), %6(r.rolname, %7, p.name) "
            "from r cross join unnest($3::text[]) p(name) order by r.rolname, p.name")
            .arg(table ? QStringLiteral("c.relacl") : QStringLiteral("n.nspacl"),
                 table ? QStringLiteral("'r'") : QStringLiteral("'n'"),
                 table ? QStringLiteral("c.relowner") : QStringLiteral("n.nspowner"),
                 table ? QStringLiteral("pg_class c") : QStringLiteral("pg_namespace n"),
                 table ? QStringLiteral("c.oid = to_regclass($1)") : QStringLiteral("n.nspname = $1"),
                 table ? QStringLiteral("has_table_privilege") : QStringLiteral("has_schema_privilege"),
                 table ? QStringLiteral("to_regclass($1)") : QStringLiteral("$1")),
        Params{param(object), param(arrayLiteral(roles)), param(arrayLiteral([&] {
                   QStringList names;
                   for (Privilege p : m.privileges)
                       names << privilegeName(p);
                   return names;
               }()))});
    for (int row = 0; row < r.rowCount(); ++row) {
        const QString role = r.text(row, 0);
        if (!m.roles.contains(role))
            m.roles << role;
        const auto p = privilegeFromName(r.text(row, 1));
        if (p)
            m.set(role, *p,
                  PrivilegeCell{r.text(row, 2) == QLatin1String("t"), r.text(row, 3) == QLatin1String("t"),
                                r.text(row, 4) == QLatin1String("t")});
    }
    if (table && r.rowCount() == 0 &&
        connection.exec(QStringLiteral("select to_regclass($1) is null"), Params{param(object)}).text(0, 0) ==
            QLatin1String("t"))
        throwError(ErrorKind::NotFound, tr("No table %1.%2.").arg(target.schema, target.name));
    return m;
}

QStringList matrixStatements(const PrivilegeMatrix& before, const PrivilegeMatrix& after) {
    QStringList out;
    for (const QString& role : after.roles) {
        QList<Privilege> grant, grantWithOption, revoke, revokeOption;
        for (Privilege p : after.privileges) {
            const PrivilegeCell was = before.cell(role, p);
            const PrivilegeCell now = after.cell(role, p);
            if (now.direct && (!was.direct || now.grantable != was.grantable)) {
                if (now.grantable)
                    grantWithOption << p;
                else if (was.grantable)
                    revokeOption << p; // keep the privilege, drop only the option
                else
                    grant << p;
            } else if (!now.direct && was.direct) {
                revoke << p;
            }
        }
        if (!revoke.isEmpty())
            out << grantStatement(false, after.target, revoke, role);
        if (!revokeOption.isEmpty())
            out << grantStatement(false, after.target, revokeOption, role)
                       .replace(QLatin1String("REVOKE "), QLatin1String("REVOKE GRANT OPTION FOR "));
        if (!grant.isEmpty())
            out << grantStatement(true, after.target, grant, role);
        if (!grantWithOption.isEmpty())
            out << grantStatement(true, after.target, grantWithOption, role, {}, true);
    }
    return out;
}

} // namespace pgdesk::core
