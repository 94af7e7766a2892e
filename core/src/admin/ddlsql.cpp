// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/ddlsql.h"

namespace pgdesk::core::ddlsql {

// The privileges of an ACL as a JSON array, in the ACL's own order (GRANTs replayed in that order give back
// the same array): grantee ("PUBLIC" or a quoted role), grantor (quoted), privilege, grantable. NULL when
// the ACL is NULL (the defaults apply: nothing to grant).
QString aclJson(const char* acl) {
    return QStringLiteral(R"SQL(
       (select json_agg(json_build_object(
                   'grantee', case when x.grantee = 0 then 'PUBLIC' else quote_ident(pg_get_userbyid(x.grantee)) end,
                   'grantor', quote_ident(pg_get_userbyid(x.grantor)),
                   'privilege', x.privilege_type, 'grantable', x.is_grantable) order by x.ord)
          from aclexplode(%1) with ordinality x(grantor, grantee, privilege_type, is_grantable, ord)) as acl)SQL")
        .arg(QLatin1String(acl));
}

// quote_literal of an object's comment (pg_description), or NULL.
QString commentOf(const char* objoid, const char* catalog, const char* subid) {
    return QStringLiteral("(select quote_literal(d.description) from pg_description d where d.objoid = %1 "
                          "and d.classoid = '%2'::regclass and d.objsubid = %3) as comment")
        .arg(QLatin1String(objoid), QLatin1String(catalog), QLatin1String(subid));
}

// Not a member of an extension (CREATE EXTENSION makes those).
QString notInExtension(const char* catalog, const char* objoid) {
    return QStringLiteral("not exists (select 1 from pg_depend e where e.classid = '%1'::regclass "
                          "and e.objid = %2 and e.deptype = 'e')")
        .arg(QLatin1String(catalog), QLatin1String(objoid));
}

QString targetsSql() {
    return QStringLiteral(R"SQL(
with target as (
    select c.oid
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
     where $3::text is not null and c.relname = $3::text::name and c.relname::text = $3::text
       and c.relkind in ('r', 'p', 'v', 'm', 'f')
       and case when $2::text is null then n.nspname = any (current_schemas(false))
                else n.nspname::text = $2::text end
     order by array_position(current_schemas(false), n.nspname)
     limit 1
)
select t.oid::int8 from target t
union
select pt.relid::int8 from target t cross join lateral pg_partition_tree(t.oid) pt
union
select c.oid::int8
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
 where $3::text is null and n.nspname::text = any ($1::text[]) and c.relkind in ('r', 'p', 'v', 'm', 'f')
   and %1
)SQL")
        .arg(notInExtension("pg_class", "c.oid"));
}

QString relationsSql() {
    // reloptions as name='value' pairs, ready for WITH (…).
    return QStringLiteral(R"SQL(
select c.oid::int8 as oid, c.relkind::text as relkind, format('%I.%I', n.nspname, c.relname) as qname,
       quote_ident(c.relname) as name, c.relpersistence::text as persistence,
       (select string_agg(quote_ident(split_part(o, '=', 1)) || ' = ' || quote_literal(substr(o, strpos(o, '=') + 1)),
                          ', ' order by ord)
          from unnest(c.reloptions) with ordinality u(o, ord)) as options,
       case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as partition_key,
       case when c.relispartition then pg_get_expr(c.relpartbound, c.oid) end as partition_bound,
       (select json_agg(format('%I.%I', pn.nspname, pc.relname) order by i.inhseqno)
          from pg_inherits i
          join pg_class pc on pc.oid = i.inhparent
          join pg_namespace pn on pn.oid = pc.relnamespace
         where i.inhrelid = c.oid) as parents,
       quote_ident(ts.spcname) as tablespace, quote_ident(pg_get_userbyid(c.relowner)) as owner, %1,
       c.relrowsecurity as row_security, c.relforcerowsecurity as force_row_security,
       c.relreplident::text as replica_identity,
       (select quote_ident(ic.relname) from pg_index i join pg_class ic on ic.oid = i.indexrelid
         where i.indrelid = c.oid and i.indisreplident) as replica_index,
       case when c.relkind in ('v', 'm') then pg_get_viewdef(c.oid) end as view_definition,
       c.relispopulated as populated,
       quote_ident(fs.srvname) as foreign_server,
       (select string_agg(quote_ident(split_part(o, '=', 1)) || ' ' || quote_literal(substr(o, strpos(o, '=') + 1)),
                          ', ' order by ord)
          from unnest(ft.ftoptions) with ordinality u(o, ord)) as foreign_options,
       case when c.reloftype <> 0 then format_type(c.reloftype, null) end as of_type,
       %2
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  left join pg_tablespace ts on ts.oid = c.reltablespace
  left join pg_foreign_table ft on ft.ftrelid = c.oid
  left join pg_foreign_server fs on fs.oid = ft.ftserver
 where c.oid = any ($1::int8[]::oid[])
 order by c.oid
)SQL")
        .arg(commentOf("c.oid", "pg_class"), aclJson("c.relacl"));
}

QString sequencesSql() {
    return QStringLiteral(R"SQL(
select c.oid::int8 as oid, format('%I.%I', n.nspname, c.relname) as qname,
       format_type(s.seqtypid, null) as data_type,
       s.seqstart as start, s.seqincrement as increment, s.seqmin as min, s.seqmax as max, s.seqcache as cache,
       s.seqcycle as cycle,
       (select format('%I.%I.%I', tn.nspname, tc.relname, ta.attname)
          from pg_depend d
          join pg_class tc on tc.oid = d.refobjid
          join pg_namespace tn on tn.oid = tc.relnamespace
          join pg_attribute ta on ta.attrelid = d.refobjid and ta.attnum = d.refobjsubid
         where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.refclassid = 'pg_class'::regclass
           and d.deptype = 'a') as owned_by,
       quote_ident(pg_get_userbyid(c.relowner)) as owner, %1, %2
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  join pg_sequence s on s.seqrelid = c.oid
 where c.relkind = 'S'
   and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                                               and d.deptype in ('i', 'e'))
   and (n.nspname::text = any ($2::text[])
        or exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                                              and d.deptype = 'a' and d.refobjid = any ($1::int8[]::oid[])))
 order by c.oid
)SQL")
        .arg(commentOf("c.oid", "pg_class"), aclJson("c.relacl"));
}

QString schemasSql() {
    return QStringLiteral(R"SQL(
select quote_ident(n.nspname) as name, quote_ident(pg_get_userbyid(n.nspowner)) as owner, %1, %2
  from pg_namespace n
 where n.nspname::text = any ($1::text[])
 order by n.nspname
)SQL")
        .arg(commentOf("n.oid", "pg_namespace"), aclJson("n.nspacl"));
}

QString extensionsSql() {
    return QStringLiteral(R"SQL(
select quote_ident(e.extname) as name, quote_ident(n.nspname) as schema_name
  from pg_extension e
  join pg_namespace n on n.oid = e.extnamespace
 where n.nspname::text = any ($1::text[])
 order by e.extname
)SQL");
}

QString typesSql() {
    // In creation (OID) order, which is an order they load in: a domain over an enum comes after it.
    return QStringLiteral(R"SQL(
select t.oid::int8 as oid, t.typtype::text as kind, format('%I.%I', n.nspname, t.typname) as qname,
       (select string_agg(quote_literal(e.enumlabel), ', ' order by e.enumsortorder)
          from pg_enum e where e.enumtypid = t.oid) as labels,
       case when t.typtype = 'd' then format_type(t.typbasetype, t.typtypmod) end as base_type,
       case when t.typtype = 'd' and t.typcollation <> bt.typcollation then format('%I.%I', cn.nspname, co.collname)
       end as collation,
       t.typnotnull as not_null, pg_get_expr(t.typdefaultbin, 0) as default_expression,
       (select json_agg(json_build_object('name', quote_ident(con.conname), 'definition', pg_get_constraintdef(con.oid))
                        order by con.conname)
          from pg_constraint con where con.contypid = t.oid) as checks,
       (select string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod), ', ' order by a.attnum)
          from pg_attribute a where t.typtype = 'c' and a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped)
           as attributes,
       (select format_type(r.rngsubtype, null) from pg_range r where r.rngtypid = t.oid) as subtype,
       quote_ident(pg_get_userbyid(t.typowner)) as owner, %1, %2
  from pg_type t
  join pg_namespace n on n.oid = t.typnamespace
  left join pg_type bt on bt.oid = t.typbasetype
  left join pg_collation co on co.oid = t.typcollation
  left join pg_namespace cn on cn.oid = co.collnamespace
 where n.nspname::text = any ($1::text[]) and t.typtype in ('e', 'd', 'c', 'r')
   and (t.typtype <> 'c' or (select c.relkind from pg_class c where c.oid = t.typrelid) = 'c')
   and %3
 order by t.oid
)SQL")
        .arg(commentOf("t.oid", "pg_type"), aclJson("t.typacl"), notInExtension("pg_type", "t.oid"));
}

QString functionsSql() {
    // Aggregates have no pg_get_functiondef: aggregatesSql writes them.
    return QStringLiteral(R"SQL(
select p.oid::int8 as oid, p.prokind::text as kind, pg_get_functiondef(p.oid) as definition,
       format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) as signature,
       quote_ident(pg_get_userbyid(p.proowner)) as owner, %1, %2
  from pg_proc p
  join pg_namespace n on n.oid = p.pronamespace
 where n.nspname::text = any ($1::text[]) and p.prokind <> 'a' and %3
 order by p.oid
)SQL")
        .arg(commentOf("p.oid", "pg_proc"), aclJson("p.proacl"), notInExtension("pg_proc", "p.oid"));
}

} // namespace pgdesk::core::ddlsql
