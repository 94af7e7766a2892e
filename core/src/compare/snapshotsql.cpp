// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/snapshotsql.h"

#include <pgdesk/core/admin/aggregatesql.h>

namespace pgdesk::core::snapshotsql {

namespace {

// Sorted "grantee PRIVILEGE[ WITH GRANT OPTION]" lines of the ACL `acl`, leaving out `skipped` (a role's
// oid, or null for none).
QString grantLines(const QString& acl, const QString& skipped) {
    return QStringLiteral(R"SQL(
       (select string_agg(g, E'\n' order by g)
          from (select format('%s %s%s', case when x.grantee = 0 then 'PUBLIC' else quote_ident(pg_get_userbyid(x.grantee)) end,
                              x.privilege_type, case when x.is_grantable then ' WITH GRANT OPTION' else '' end) as g
                  from aclexplode(%1) x
                 where x.grantee is distinct from %2) gs))SQL")
        .arg(acl, skipped);
}

// Who else may do what, the owner's own entry left out; a NULL ACL read as the defaults (acldefault), so
// "never granted" and "granted back" compare equal.
QString aclLines(const char* acl, const char* kind, const char* owner) {
    return grantLines(QStringLiteral("coalesce(%1, acldefault('%2', %3))")
                          .arg(QLatin1String(acl), QLatin1String(kind), QLatin1String(owner)),
                      QLatin1String(owner));
}

QString notInExtension(const char* catalog, const char* objoid) {
    return QStringLiteral("not exists (select 1 from pg_depend e where e.classid = '%1'::regclass "
                          "and e.objid = %2 and e.deptype = 'e')")
        .arg(QLatin1String(catalog), QLatin1String(objoid));
}

// The relations of the schema that a compare looks into.
const char* const kRelations = R"SQL(
select c.oid, c.relname, c.relowner
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
 where n.nspname::text = $1::text and c.relkind in ('r', 'p', 'v', 'm', 'f')
   and not exists (select 1 from pg_depend e where e.classid = 'pg_class'::regclass and e.objid = c.oid
                                              and e.deptype = 'e'))SQL";

// Those whose parts (columns, constraints …) are read: an extension's too, since the reader keeps only the
// parts of relations it has (asking pg_depend again in each statement cost 5–10 ms a statement).
const char* const kPartsOf = R"SQL(
select c.oid
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
 where n.nspname::text = $1::text and c.relkind in ('r', 'p', 'v', 'm', 'f'))SQL";

} // namespace

QString relationsSql() {
    return QStringLiteral(R"SQL(
with rel as (%1)
select c.oid::int8 as oid, c.relname::text as name, c.relkind::text as kind, c.relpersistence::text as persistence,
       (select string_agg(o, ', ' order by o) from unnest(c.reloptions) o) as options,
       case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as partition_key,
       case when c.relispartition then pg_get_expr(c.relpartbound, c.oid) end as partition_bound,
       (select string_agg(i.inhparent::regclass::text, ', ' order by i.inhseqno)
          from pg_inherits i where i.inhrelid = c.oid) as parents,
       case when c.reloftype <> 0 then format_type(c.reloftype, null) end as of_type,
       c.relrowsecurity as row_security, c.relforcerowsecurity as force_row_security,
       case when c.relkind in ('v', 'm') then pg_get_viewdef(c.oid) end as view_definition,
       dsc.description as comment, %2 as acl
  from pg_class c
  left join pg_description dsc on dsc.objoid = c.oid and dsc.classoid = 'pg_class'::regclass and dsc.objsubid = 0
 where c.oid in (select oid from rel)
 order by c.relname
)SQL")
        .arg(QLatin1String(kRelations), aclLines("c.relacl", "r", "c.relowner"));
}

QString partsOfSql() {
    return QLatin1String(kPartsOf);
}

QString functionsSql() {
    // pg_get_functiondef names the function with its schema whatever the search path: the snapshot replaces
    // that name. An aggregate has no definition there: the options of its CREATE AGGREGATE stand for it.
    return QStringLiteral(R"SQL(
select p.oid::int8 as oid, p.proname::text as name, pg_get_function_identity_arguments(p.oid) as identity_arguments,
       p.prokind::text as kind, format('%I.%I', n.nspname, p.proname) as qualified_name,
       quote_ident(p.proname) as quoted_name,
       case when p.prokind <> 'a' then pg_get_functiondef(p.oid) end as definition,
       pg_get_function_result(p.oid) as result, pg_get_function_arguments(p.oid) as arguments,
       (select %3 from pg_aggregate a where a.aggfnoid = p.oid) as aggregate,
       obj_description(p.oid, 'pg_proc') as comment, %1 as acl
  from pg_proc p
  join pg_namespace n on n.oid = p.pronamespace
 where n.nspname::text = $1::text and %2
 order by p.proname, 3
)SQL")
        .arg(aclLines("p.proacl", "f", "p.proowner"), notInExtension("pg_proc", "p.oid"),
             aggregateOptionsSql());
}

QString typesSql() {
    return QStringLiteral(R"SQL(
select t.oid::int8 as oid, t.typname::text as name, t.typtype::text as kind,
       (select json_agg(e.enumlabel order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid) as labels,
       case when t.typtype = 'd' then format_type(t.typbasetype, t.typtypmod) end as base_type,
       t.typnotnull as not_null, pg_get_expr(t.typdefaultbin, 0) as default_expression,
       (select json_agg(json_build_object('name', con.conname, 'definition', pg_get_constraintdef(con.oid))
                        order by con.conname)
          from pg_constraint con where con.contypid = t.oid) as checks,
       (select json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod)) order by a.attnum)
          from pg_attribute a where t.typtype = 'c' and a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped)
           as attributes,
       (select format_type(r.rngsubtype, null) from pg_range r where r.rngtypid = t.oid) as subtype,
       obj_description(t.oid, 'pg_type') as comment, %1 as acl
  from pg_type t
  join pg_namespace n on n.oid = t.typnamespace
 where n.nspname::text = $1::text and t.typtype in ('e', 'd', 'c', 'r')
   and (t.typtype <> 'c' or (select c.relkind from pg_class c where c.oid = t.typrelid) = 'c')
   and %2
 order by t.typname
)SQL")
        .arg(aclLines("t.typacl", "T", "t.typowner"), notInExtension("pg_type", "t.oid"));
}

QString sequencesSql() {
    // Identity sequences belong to their columns.
    return QStringLiteral(R"SQL(
select c.oid::int8 as oid, c.relname::text as name, format_type(s.seqtypid, null) as data_type,
       s.seqstart as start, s.seqincrement as increment, s.seqmin as min, s.seqmax as max, s.seqcache as cache,
       s.seqcycle as cycle,
       ob.owned_by, ob.owned_table, ob.owned_column,
       obj_description(c.oid, 'pg_class') as comment, %1 as acl
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  join pg_sequence s on s.seqrelid = c.oid
  -- OWNED BY: its column, and the table and column by name when the table is in the same schema.
  left join lateral (
       select format('%s.%I', d.refobjid::regclass::text, a.attname) as owned_by,
              case when t.relnamespace = c.relnamespace then t.relname::text end as owned_table,
              case when t.relnamespace = c.relnamespace then a.attname::text end as owned_column
         from pg_depend d
         join pg_class t on t.oid = d.refobjid
         join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
        where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.refclassid = 'pg_class'::regclass
          and d.deptype = 'a') ob on true
 where n.nspname::text = $1::text and c.relkind = 'S'
   and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                                               and d.deptype in ('i', 'e'))
 order by c.relname
)SQL")
        .arg(aclLines("c.relacl", "s", "c.relowner"));
}

QString collationsSql() {
    // Through to_jsonb: the ICU locale's column is named per server version (collationOptionsSql).
    return QStringLiteral(R"SQL(
select c.collname::text as name,
       %2 as definition,
       obj_description(c.oid, 'pg_collation') as comment
  from pg_collation c
  join pg_namespace n on n.oid = c.collnamespace
  cross join lateral to_jsonb(c) j
 where n.nspname::text = $1::text and %1
 order by c.collname
)SQL")
        .arg(notInExtension("pg_collation", "c.oid"), collationOptionsSql());
}

QString extensionsSql() {
    return QStringLiteral(R"SQL(
select e.extname::text as name, e.extversion::text as version
  from pg_extension e
  join pg_namespace n on n.oid = e.extnamespace
 where n.nspname::text = $1::text
 order by e.extname
)SQL");
}

// The server's casts, string types and domains, for the USING of a type change (not the schema's own: the
// catalog's). Names as format_type gives them under the snapshot's search path, like the columns'.
QString conversionsSql() {
    return QStringLiteral(R"SQL(
select 'cast' as kind, format_type(castsource, null) as a, format_type(casttarget, null) as b from pg_cast
union all
select 'string', format_type(oid, null), '' from pg_type where typcategory = 'S'
union all
select 'domain', format_type(oid, null), format_type(typbasetype, null) from pg_type where typtype = 'd'
)SQL");
}

QString objectKeysSql() {
    return QStringLiteral(R"SQL(
select 'pg_class:' || c.oid as key,
       case when c.relkind = 'S' then 'sequence:' else 'relation:' end || c.relname as name
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
 where n.nspname::text = $1::text and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
union all
select 'pg_type:' || t.oid, 'type:' || t.typname
  from pg_type t
  join pg_namespace n on n.oid = t.typnamespace
 where n.nspname::text = $1::text and t.typtype in ('e', 'd', 'c', 'r')
union all
select 'pg_proc:' || p.oid, format('function:%s(%s)', p.proname, pg_get_function_identity_arguments(p.oid))
  from pg_proc p
  join pg_namespace n on n.oid = p.pronamespace
 where n.nspname::text = $1::text
)SQL");
}

} // namespace pgdesk::core::snapshotsql
