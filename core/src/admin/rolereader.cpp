// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/admin/rolereader.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>

#include <QHash>

namespace pgdesk::core {

namespace {

const char* const kRolesSql = R"SQL(
select r.rolname::text, r.rolsuper, r.rolinherit, r.rolcreaterole, r.rolcreatedb, r.rolcanlogin,
       r.rolreplication, r.rolbypassrls, r.rolconnlimit, r.rolvaliduntil::text,
       shobj_description(r.oid, 'pg_authid')
  from pg_roles r
 where $1 or r.rolname !~ '^pg_'
 order by r.rolname
)SQL";

const char* const kMembershipsSql = R"SQL(
select g.rolname::text as role, m.rolname::text as member, coalesce(gr.rolname::text, '') as grantor,
       a.admin_option
  from pg_auth_members a
  join pg_roles g on g.oid = a.roleid
  join pg_roles m on m.oid = a.member
  left join pg_roles gr on gr.oid = a.grantor
 order by 1, 2
)SQL";

// The object's ACL (acldefault when NULL, flagged) and, for relations, the columns' ACLs; grantee 0 is
// PUBLIC. Each statement takes $1 = schema ('' = the search path) and $2 = name.
const char* const kRelationGrantsSql = R"SQL(
with target as (
    select c.oid, c.relkind, c.relacl, c.relowner, n.nspname::text || '.' || c.relname::text as object
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relname = $2 and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
       and case when $1 = '' then n.nspname = any (current_schemas(false)) else n.nspname = $1 end
     order by array_position(current_schemas(false), n.nspname::name)
     limit 1
), acls as (
    select t.object, null::text as col, 0 as attnum,
           coalesce(t.relacl, acldefault(case when t.relkind = 'S' then 's' else 'r' end::"char", t.relowner))
               as acl,
           t.relacl is null as owner_default
      from target t
    union all
    select t.object, a.attname::text, a.attnum, a.attacl, false
      from target t join pg_attribute a on a.attrelid = t.oid
     where a.attnum > 0 and not a.attisdropped and a.attacl is not null
)
select acls.object, acls.col, %1
  from acls cross join lateral aclexplode(acls.acl) x
 order by acls.attnum, 4, 6
)SQL";

const char* const kSchemaGrantsSql = R"SQL(
with acls as (
    select n.nspname::text as object, null::text as col, coalesce(n.nspacl, acldefault('n', n.nspowner)) as acl,
           n.nspacl is null as owner_default
      from pg_namespace n
     where n.nspname = $2 and $1 = ''
)
select acls.object, acls.col, %1
  from acls cross join lateral aclexplode(acls.acl) x
 order by 4, 6
)SQL";

const char* const kFunctionGrantsSql = R"SQL(
with acls as (
    select p.oid::regprocedure::text as object, null::text as col,
           coalesce(p.proacl, acldefault('f', p.proowner)) as acl, p.proacl is null as owner_default
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where p.proname = $2
       and case when $1 = '' then n.nspname = any (current_schemas(true)) else n.nspname = $1 end
)
select acls.object, acls.col, %1
  from acls cross join lateral aclexplode(acls.acl) x
 order by 1, 4, 6
)SQL";

// Columns 3…7 of every grants statement.
const char* const kExplodedColumns =
    "acls.owner_default, case when x.grantee = 0 then 'PUBLIC' else pg_get_userbyid(x.grantee)::text end, "
    "pg_get_userbyid(x.grantor)::text, x.privilege_type, x.is_grantable";

bool flag(const Result& r, int row, int column) {
    return r.view(row, column) == "t";
}

} // namespace

QString grantObjectKindName(GrantObjectKind kind) {
    switch (kind) {
    case GrantObjectKind::Relation:
        return QStringLiteral("relation");
    case GrantObjectKind::Schema:
        return QStringLiteral("schema");
    case GrantObjectKind::Function:
        return QStringLiteral("function");
    }
    return {};
}

RoleReader::RoleReader(Connection& connection)
    : m_connection(connection) {
}

QList<RoleInfo> RoleReader::roles(bool includePredefined) {
    const QList<Result> results = m_connection.exec(
        QList<BatchStatement>{{QString::fromUtf8(kRolesSql), {param(includePredefined ? "t" : "f")}},
                              {QString::fromUtf8(kMembershipsSql), {}}},
        {});
    const Result& r = results.at(0);
    QList<RoleInfo> out;
    QHash<QString, qsizetype> byName;
    for (int row = 0; row < r.rowCount(); ++row) {
        RoleInfo role;
        role.name = r.text(row, 0);
        role.superuser = flag(r, row, 1);
        role.inherit = flag(r, row, 2);
        role.createRole = flag(r, row, 3);
        role.createDatabase = flag(r, row, 4);
        role.canLogin = flag(r, row, 5);
        role.replication = flag(r, row, 6);
        role.bypassRls = flag(r, row, 7);
        role.connectionLimit = r.text(row, 8).toInt();
        role.validUntil = r.text(row, 9);
        role.comment = r.text(row, 10);
        byName.insert(role.name, out.size());
        out << role;
    }
    const Result& m = results.at(1);
    for (int row = 0; row < m.rowCount(); ++row) {
        const QString group = m.text(row, 0);
        const QString member = m.text(row, 1);
        const QString grantor = m.text(row, 2);
        const bool admin = flag(m, row, 3);
        if (const auto it = byName.constFind(member); it != byName.constEnd())
            out[*it].memberOf << RoleMembership{group, grantor, admin};
        if (const auto it = byName.constFind(group); it != byName.constEnd())
            out[*it].members << RoleMembership{member, grantor, admin};
    }
    return out;
}

QList<Grant> RoleReader::grants(GrantObjectKind kind, const QString& schema, const QString& name) {
    const char* sql = kRelationGrantsSql;
    QString what = QStringLiteral("relation");
    if (kind == GrantObjectKind::Schema) {
        sql = kSchemaGrantsSql;
        what = QStringLiteral("schema");
    } else if (kind == GrantObjectKind::Function) {
        sql = kFunctionGrantsSql;
        what = QStringLiteral("function");
    }
    // A schema is named by `name` alone.
    const QString schemaParam = kind == GrantObjectKind::Schema ? QString() : schema;
    const Result r = m_connection.exec(QString::fromUtf8(sql).arg(QLatin1String(kExplodedColumns)),
                                       {param(schemaParam), param(name)});
    if (r.rowCount() == 0) {
        // An ACL always explodes to at least the owner's privileges, so no row means no object, unless the
        // owner revoked everything: ask.
        const QString exists =
            kind == GrantObjectKind::Schema
                ? QStringLiteral("select 1 from pg_namespace where nspname = $2 and $1 = ''")
            : kind == GrantObjectKind::Function
                ? QStringLiteral("select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace "
                                 "where p.proname = $2 and case when $1 = '' then n.nspname = any "
                                 "(current_schemas(true)) else n.nspname = $1 end")
                : QStringLiteral("select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                                 "where c.relname = $2 and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and "
                                 "case when $1 = '' then n.nspname = any (current_schemas(false)) "
                                 "else n.nspname = $1 end");
        if (m_connection.exec(exists, {param(schemaParam), param(name)}).rowCount() == 0)
            throwError(ErrorKind::NotFound, QStringLiteral("%1 \"%2\" does not exist")
                                                .arg(what, schema.isEmpty() || kind == GrantObjectKind::Schema
                                                               ? name
                                                               : schema + QLatin1Char('.') + name));
    }
    QList<Grant> out;
    out.reserve(r.rowCount());
    for (int row = 0; row < r.rowCount(); ++row) {
        Grant g;
        g.object = r.text(row, 0);
        g.column = r.text(row, 1);
        g.ownerDefault = flag(r, row, 2);
        g.grantee = r.text(row, 3);
        g.grantor = r.text(row, 4);
        g.privilege = r.text(row, 5);
        g.grantable = flag(r, row, 6);
        out << g;
    }
    return out;
}

} // namespace pgdesk::core
