// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/structuresql.h"

namespace pgdesk::core::structuresql {

namespace {

// The relation named by $1 (schema, or NULL: the search path in order) and $2. `relname = $2::name` lets
// pg_class's name index find it; the text comparison keeps a name longer than 63 bytes, which the cast to
// name would cut, from matching the cut name.
const char* const kTarget = R"SQL(
    select c.oid
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
     where c.relname = $2::text::name and c.relname::text = $2::text
       and c.relkind in ('r', 'p', 'v', 'm', 'f')
       and case when $1::text is null then n.nspname = any (current_schemas(false))
                else n.nspname::text = $1::text end
     order by array_position(current_schemas(false), n.nspname)
     limit 1
)SQL";

QString withTarget(const char* sql) {
    return QStringLiteral("\nwith target as (%1)\n").arg(QLatin1String(kTarget)) + QLatin1String(sql);
}

// The columns of a constraint's conkey (or confkey over confrelid) by name, in key order.
const char* const kForeignKeyColumns = R"SQL(
       con.conname::text as name,
       sn.nspname::text as schema_name, sc.relname::text as rel_name,
       (select json_agg(a.attname::text order by k.ord)
          from unnest(con.conkey) with ordinality k(attnum, ord)
          join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum) as columns,
       rn.nspname::text as ref_schema, rc.relname::text as ref_table,
       (select json_agg(a.attname::text order by k.ord)
          from unnest(con.confkey) with ordinality k(attnum, ord)
          join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum) as ref_columns,
       con.confupdtype::text as on_update, con.confdeltype::text as on_delete,
       con.confmatchtype::text as match_type,
       pg_get_constraintdef(con.oid, true) as definition,
       con.condeferrable as deferrable, con.condeferred as deferred, con.convalidated as validated,
       (select d.description from pg_description d
         where d.objoid = con.oid and d.classoid = 'pg_constraint'::regclass) as comment
)SQL";

const char* const kForeignKeyJoins = R"SQL(
  join pg_class sc on sc.oid = con.conrelid
  join pg_namespace sn on sn.oid = sc.relnamespace
  join pg_class rc on rc.oid = con.confrelid
  join pg_namespace rn on rn.oid = rc.relnamespace
)SQL";

} // namespace

QString relationSql() {
    return withTarget(R"SQL(
select c.oid::int8 as oid, n.nspname::text as schema_name, c.relname::text as rel_name,
       c.relkind::text as relkind, pg_get_userbyid(c.relowner)::text as owner,
       (select d.description from pg_description d
         where d.objoid = c.oid and d.classoid = 'pg_class'::regclass and d.objsubid = 0) as comment,
       ts.spcname::text as tablespace, c.relpersistence = 'u' as unlogged,
       c.relrowsecurity as row_security, c.relforcerowsecurity as force_row_security,
       case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as partition_key,
       case when c.relispartition then pg_get_expr(c.relpartbound, c.oid) end as partition_bound,
       to_json(c.reloptions) as options, to_json(c.relacl::text[]) as acl,
       pg_relation_size(c.oid) as relation_bytes, sizes.table_bytes, sizes.toast_bytes, sizes.indexes_bytes,
       sizes.total_bytes,
       case when c.relkind in ('v', 'm') then pg_get_viewdef(c.oid, true) end as view_definition,
       fs.srvname::text as foreign_server, to_json(ft.ftoptions) as foreign_options,
       s.relid is not null as has_statistics,
       s.n_live_tup, s.n_dead_tup, s.n_mod_since_analyze, s.seq_scan, s.idx_scan,
       s.last_vacuum::text, s.last_autovacuum::text, s.last_analyze::text, s.last_autoanalyze::text,
       s.vacuum_count, s.autovacuum_count, s.analyze_count, s.autoanalyze_count
  from target
  join pg_class c on c.oid = target.oid
  join pg_namespace n on n.oid = c.relnamespace
  left join pg_tablespace ts on ts.oid = c.reltablespace
  left join pg_foreign_table ft on ft.ftrelid = c.oid
  left join pg_foreign_server fs on fs.oid = ft.ftserver
  left join pg_stat_user_tables s on s.relid = c.oid
  -- A partitioned table stores nothing itself: its sizes are its leaf partitions'.
  cross join lateral (
      select coalesce(sum(pg_table_size(p.oid)), 0)::int8 as table_bytes,
             coalesce(sum(pg_total_relation_size(nullif(p.reltoastrelid, 0))), 0)::int8 as toast_bytes,
             coalesce(sum(pg_indexes_size(p.oid)), 0)::int8 as indexes_bytes,
             coalesce(sum(pg_total_relation_size(p.oid)), 0)::int8 as total_bytes
        from pg_class p
       where p.oid = any (case when c.relkind = 'p' then array(select pt.relid from pg_partition_tree(c.oid) pt
                                                                where pt.isleaf)
                               else array[c.oid] end)
  ) sizes
)SQL");
}

QString targetSql() {
    return QLatin1String(kTarget);
}

QString referencedBySql() {
    // The clones a partitioned referenced table gets for its partitions (same confrelid as their parent
    // constraint) are left out; a partition still lists what references it through its parent.
    return withTarget(R"SQL(
select %1
  from target
  join pg_constraint con on con.confrelid = target.oid and con.contype = 'f'
  %2
 where con.conparentid = 0 or not exists (
           select 1 from pg_constraint pcn where pcn.oid = con.conparentid and pcn.confrelid = con.confrelid)
 order by sn.nspname, sc.relname, con.conname
)SQL")
        .arg(QLatin1String(kForeignKeyColumns), QLatin1String(kForeignKeyJoins));
}

QString childrenSql() {
    return withTarget(R"SQL(
select cn.nspname::text as schema_name, cc.relname::text as rel_name, cc.relkind::text as relkind,
       cc.relispartition as is_partition,
       case when cc.relispartition then pg_get_expr(cc.relpartbound, cc.oid) end as bound,
       pg_total_relation_size(cc.oid) as total_bytes
  from target
  join pg_inherits i on i.inhparent = target.oid
  join pg_class cc on cc.oid = i.inhrelid
  join pg_namespace cn on cn.oid = cc.relnamespace
  left join pg_partitioned_table pt on pt.partrelid = target.oid
 order by cc.relispartition desc, cc.oid is not distinct from pt.partdefid, cn.nspname, cc.relname
)SQL");
}

QString parentsSql() {
    return withTarget(R"SQL(
select pn.nspname::text as schema_name, pc.relname::text as rel_name
  from target
  join pg_inherits i on i.inhrelid = target.oid
  join pg_class pc on pc.oid = i.inhparent
  join pg_namespace pn on pn.oid = pc.relnamespace
 order by i.inhseqno
)SQL");
}

QString privilegesSql() {
    return withTarget(R"SQL(
select case when x.grantee = 0 then 'PUBLIC' else pg_get_userbyid(x.grantee)::text end as grantee,
       pg_get_userbyid(x.grantor)::text as grantor, x.privilege_type as privilege, x.is_grantable as grantable
  from target
  join pg_class c on c.oid = target.oid
 cross join lateral aclexplode(coalesce(c.relacl, acldefault('r'::"char", c.relowner))) x
 order by 1, 3
)SQL");
}

} // namespace pgdesk::core::structuresql
