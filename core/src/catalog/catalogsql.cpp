// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/catalogsql.h"
#include "catalog/conventionnames.h"

#include <QStringList>

namespace pgdesk::core::catalogsql {

namespace {

// ---------------------------------------------------------------------------------------------------
// SQL fragments shared by tables() and table(). Each is a scalar subquery over the pg_class row `c`,
// so a whole listing or a whole table description stays one statement.
// ---------------------------------------------------------------------------------------------------

// The type fields of one column, over pg_type rows `t` (the column's type) and `bt` (its base type
// through domains), with the column's type modifier as %1; enum labels also for arrays of enums.
// Shared by table columns and query result columns so both describe types the same way.
const char* const kTypeFieldsJson = R"SQL(
         'type_oid', t.oid::int8,
         'type_name', format_type(t.oid, %1),
         'base_oid', bt.oid::int8,
         'base_name', case when t.typtype = 'd' then format_type(bt.oid, t.typtypmod)
                          else format_type(t.oid, %1) end,
         'domain', case when t.typtype = 'd' then format_type(t.oid, null) end,
         'base_typname', bt.typname::text,
         'base_category', bt.typcategory::text,
         'base_typtype', bt.typtype::text,
         'elem_oid', case when bt.typcategory = 'A' then bt.typelem::int8 else 0 end,
         'elem_name', case when bt.typcategory = 'A' then format_type(bt.typelem, null) end,
         'enum_labels', (select json_agg(e.enumlabel::text order by e.enumsortorder) from pg_enum e
                          where e.enumtypid = case when bt.typcategory = 'A' then bt.typelem else bt.oid end),
)SQL";

// Columns of the pg_class row `c`.
QString columnsJson() {
    return QStringLiteral(R"SQL(
 (select coalesce(json_agg(json_build_object(
         'name', a.attname::text,
         'number', a.attnum,%1
         'not_null', a.attnotnull,
         'default', pg_get_expr(ad.adbin, ad.adrelid),
         'identity', a.attidentity::text,
         'generated', a.attgenerated::text,
         'comment', col_description(a.attrelid, a.attnum),
         -- Only columns with grants of their own can differ from the table's privileges.
         'privileges', case when a.attacl is not null then json_build_array(
                           has_column_privilege(c.oid, a.attnum, 'SELECT'),
                           has_column_privilege(c.oid, a.attnum, 'INSERT'),
                           has_column_privilege(c.oid, a.attnum, 'UPDATE')) end,
         'ts_config', coalesce(
             case when a.attgenerated = 's' then substring(pg_get_expr(ad.adbin, ad.adrelid)
                                                           from 'to_tsvector\(''([^'']+)''::regconfig') end,
             (select substring(pg_get_indexdef(d.objid) from 'to_tsvector\(''([^'']+)''::regconfig')
                from pg_depend d
               where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
                 and d.refobjid = a.attrelid and d.refobjsubid = a.attnum and d.deptype = 'a'
                 and pg_get_indexdef(d.objid) ~ 'to_tsvector\(''[^'']+''::regconfig'
               order by d.objid limit 1))) order by a.attnum), '[]'::json)
    from pg_attribute a
    join pg_type t on t.oid = a.atttypid
    join pg_type bt on bt.oid = case when t.typtype = 'd' then t.typbasetype else t.oid end
    left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
   where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns_json
)SQL")
        .arg(QString::fromLatin1(kTypeFieldsJson).arg(QStringLiteral("a.atttypmod")));
}

// The relations a listing shows, `c` in pg_class and `n` in pg_namespace; $1 a schema or null (all).
const char* const kListedRelations = R"SQL(
       c.relkind in ('r', 'p', 'v', 'm', 'f')
   and ($1::text is null or n.nspname::text = $1::text)
   and n.nspname not in ('pg_catalog', 'information_schema')
   and n.nspname !~ '^pg_(toast|temp)'
)SQL";

// Columns of a query result: $1 names, $2 type OIDs, $3 type modifiers, in result order.
} // namespace

QString resultColumnsSql() {
    return QStringLiteral(R"SQL(
select coalesce(json_agg(json_build_object(
         'name', q.name,
         'number', q.ord,%1
         'not_null', false) order by q.ord), '[]'::json) as columns_json
  from unnest($1::text[], $2::oid[], $3::int4[]) with ordinality as q(name, type_oid, typmod, ord)
  join pg_type t on t.oid = q.type_oid
  join pg_type bt on bt.oid = case when t.typtype = 'd' then t.typbasetype else t.oid end
)SQL")
        .arg(QString::fromLatin1(kTypeFieldsJson).arg(QStringLiteral("q.typmod")));
}

namespace {

// Primary key first, then unique constraints and the unique indexes that back no constraint, by name (the
// order a listing reads them in too: tablesUniquesSql). Expression indexes are skipped (they cannot
// name key columns); INCLUDE columns are not key columns.
const char* const kUniquesJson = R"SQL(
 (select coalesce(json_agg(u order by u.sort, u.name), '[]'::json) from (
     select con.conname::text as name,
            (select json_agg(a.attname::text order by k.ord)
               from unnest(con.conkey) with ordinality k(attnum, ord)
               join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum) as columns,
            con.contype = 'p' as primary_key, false as index_only, false as partial,
            case when con.contype = 'p' then 0 else 1 end as sort
       from pg_constraint con
      where con.conrelid = c.oid and con.contype in ('p', 'u')
     union all
     select ic.relname::text,
            (select json_agg(a.attname::text order by k.ord)
               from unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
               join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
              where k.ord <= i.indnkeyatts),
            false, true, i.indpred is not null, 1
       from pg_index i
       join pg_class ic on ic.oid = i.indexrelid
      where i.indrelid = c.oid and i.indisunique and i.indisvalid and i.indexprs is null
        and not exists (select 1 from pg_constraint x
                         where x.conindid = i.indexrelid and x.conrelid = c.oid
                           and x.contype in ('p', 'u', 'x'))) u) as uniques_json
)SQL";

// tgtype bits: ROW = 1, BEFORE = 2, UPDATE = 16. Disabled triggers maintain nothing.
const char* const kTriggerFlag = R"SQL(
 exists (select 1 from pg_trigger tg
          where tg.tgrelid = c.oid and not tg.tgisinternal and tg.tgenabled <> 'D'
            and (tg.tgtype::int & 19) = 19) as before_update_row_trigger
)SQL";

// Row estimate and size. reltuples is used when the relation was ever analyzed or vacuumed; when it
// is -1 (never), the estimate is
//     ceil(pg_relation_size / block_size) * floor((block_size - 24) / (28 + Σ column widths))
// i.e. current pages times a rows-per-page guess: 24 bytes of page header, 28 bytes of tuple header
// plus line pointer per row, fixed-width columns at their length and variable-width ones at 32 bytes
// (the planner makes a similar guess for never-analyzed tables). Partitioned tables sum their leaf
// partitions; views and foreign tables have no estimate (0).
// The size: pg_total_relation_size when `exactSize` (one table: describe), else, for a listing, the pages
// the statistics count (relpages of the table, its indexes and its TOAST table, as of the last VACUUM or
// ANALYZE): pg_total_relation_size opens and stats every file and waits for each table's lock, 1.5 of the
// 4.3 s that 10,000 tables took. Never-analyzed relations, whose relpages are 0, are measured all the same.
QString estimateJoin(bool exactSize) {
    const QString size = exactSize ? QStringLiteral("pg_total_relation_size(p.oid)")
                                   : QStringLiteral(R"SQL(case when p.reltuples >= 0 then
                 (p.relpages::int8
                  + (select coalesce(sum(ic.relpages), 0)::int8 from pg_index i
                       join pg_class ic on ic.oid = i.indexrelid where i.indrelid = p.oid)
                  + coalesce((select tc.relpages from pg_class tc where tc.oid = p.reltoastrelid), 0))
                 * current_setting('block_size')::int8
             else pg_total_relation_size(p.oid) end)SQL");
    return QStringLiteral(R"SQL(
 cross join lateral (
     select coalesce(sum(case when p.reltuples >= 0 then p.reltuples::float8
                              else ceil(pg_relation_size(p.oid)::float8 / current_setting('block_size')::float8)
                                   * floor((current_setting('block_size')::float8 - 24)
                                           / (select 28 + coalesce(sum(case when a.attlen > 0 then a.attlen
                                                                            else 32 end), 0)
                                                from pg_attribute a
                                               where a.attrelid = p.oid and a.attnum > 0
                                                 and not a.attisdropped)) end), 0) as estimated_rows,
            coalesce(bool_or(p.reltuples < 0), false) as estimate_from_size,
            coalesce(sum(%1), 0)::int8 as total_bytes
       from pg_class p
      -- One array, so that pg_class is read by its oid index (an OR of both cases scanned all of it for
      -- every relation: 7 of the 8 s that 5,000 tables took).
      where p.oid = any (case when c.relkind in ('r', 'm') then array[c.oid]
                              when c.relkind = 'p' then array(select pt.relid from pg_partition_tree(c.oid) pt
                                                               where pt.isleaf)
                              else '{}'::oid[] end)
 ) est
 left join lateral (
     select pn.nspname::text as parent_schema, pc.relname::text as parent_name
       from pg_inherits i
       join pg_class pc on pc.oid = i.inhparent
       join pg_namespace pn on pn.oid = pc.relnamespace
      where i.inhrelid = c.oid and c.relispartition
      limit 1
 ) par on true
 -- A superuser has every privilege: asking has_table_privilege() five times for each of 10,000 relations
 -- took a quarter of a second.
 cross join (select r.rolsuper as su from pg_roles r where r.rolname = current_user) me
 cross join lateral (
     select case when me.su then true else has_table_privilege(c.oid, 'SELECT') end as can_select,
            case when me.su then true else has_table_privilege(c.oid, 'INSERT') end as can_insert,
            case when me.su then true else has_table_privilege(c.oid, 'UPDATE') end as can_update,
            case when me.su then true else has_table_privilege(c.oid, 'DELETE') end as can_delete
 ) priv
)SQL")
        .arg(size);
}

// The comment read from pg_description directly: obj_description() is an SQL function, run per row.
const char* const kCommonColumns = R"SQL(
 c.oid::int8 as oid, n.nspname::text as schema_name, c.relname::text as rel_name, c.relkind::text as relkind,
 par.parent_schema, par.parent_name, est.estimated_rows, est.estimate_from_size, est.total_bytes,
 (select d.description from pg_description d
   where d.objoid = c.oid and d.classoid = 'pg_class'::regclass and d.objsubid = 0) as comment,
 priv.can_select, priv.can_insert, priv.can_update, priv.can_delete,
 c.relkind in ('r', 'p', 'm')
   and (priv.can_select or has_column_privilege(c.oid, 'xmin', 'SELECT')) as can_read_version,
)SQL";

// Foreign keys; `where` picks the direction. Constraints cloned onto partitions (conparentid set on
// the same side) are left out so a partitioned FK shows once.
QString foreignKeysJson(const char* where, const char* alias) {
    return QStringLiteral(R"SQL(
 (select coalesce(json_agg(json_build_object(
         'name', con.conname::text, 'schema', sn.nspname::text, 'table', sc.relname::text,
         'columns', (select json_agg(a.attname::text order by k.ord)
                       from unnest(con.conkey) with ordinality k(attnum, ord)
                       join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum),
         'ref_schema', rn.nspname::text, 'ref_table', rc.relname::text,
         'ref_columns', (select json_agg(a.attname::text order by k.ord)
                           from unnest(con.confkey) with ordinality k(attnum, ord)
                           join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum))
         order by sn.nspname, sc.relname, con.conname), '[]'::json)
    from pg_constraint con
    join pg_class sc on sc.oid = con.conrelid
    join pg_namespace sn on sn.oid = sc.relnamespace
    join pg_class rc on rc.oid = con.confrelid
    join pg_namespace rn on rn.oid = rc.relnamespace
   where con.contype = 'f' and %1) as %2
)SQL")
        .arg(QLatin1String(where), QLatin1String(alias));
}

} // namespace

QString tableSql() {
    return QStringLiteral(R"SQL(
with target as (
    select c.oid
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p', 'v', 'm', 'f')
       and (($1::text is not null and n.nspname::text = $1::text and c.relname::text = $2::text)
         or ($1::text is null and c.relname::text = $2::text and n.nspname = any(current_schemas(false)))
         or ($3::text is not null and c.relname::text = $3::text and n.nspname = any(current_schemas(false))))
     order by case when c.relname::text = $2::text then 0 else 1 end,
              array_position(current_schemas(false), n.nspname)
     limit 1
)
select %1 %2, %3, %4,
 (select coalesce(json_agg(pn.nspname::text || '.' || pc.relname::text order by pn.nspname, pc.relname),
                  '[]'::json)
    from pg_inherits i
    join pg_class pc on pc.oid = i.inhrelid
    join pg_namespace pn on pn.oid = pc.relnamespace
   where i.inhparent = c.oid and c.relkind = 'p') as partitions_json,
 (select coalesce(json_agg(json_build_object('name', con.conname::text,
                                             'definition', pg_get_constraintdef(con.oid))
                           order by con.conname), '[]'::json)
    from pg_constraint con
   where con.conrelid = c.oid and con.contype = 'c') as checks_json,
 %5,
 %6
  from target
  join pg_class c on c.oid = target.oid
  join pg_namespace n on n.oid = c.relnamespace
 %7
)SQL")
        .arg(QLatin1String(kCommonColumns), QLatin1String(kTriggerFlag), columnsJson(),
             QLatin1String(kUniquesJson),
             foreignKeysJson("con.conrelid = c.oid and (con.conparentid = 0 or not exists ("
                             "select 1 from pg_constraint pcn where pcn.oid = con.conparentid "
                             "and pcn.conrelid = con.conrelid))",
                             "foreign_keys_json"),
             foreignKeysJson("con.confrelid = c.oid and (con.conparentid = 0 or not exists ("
                             "select 1 from pg_constraint pcn where pcn.oid = con.conparentid "
                             "and pcn.confrelid = con.confrelid))",
                             "referenced_by_json"),
             estimateJoin(true));
}

// A listing comes as three statements sent together: the relations, then the columns and the unique indexes
// the conventions can use, as rows of their own ordered by relation. Nested as JSON per relation they cost
// the server twice as much to build (json_agg per relation, 10,000 relations: 150 of 260 ms) and the client
// as much again to parse. Unsorted: CatalogReader::tables() sorts (the server's sort of the wide rows cost a
// new backend 40-50 of 180 ms, most of it touching fresh memory).
QString tablesSql() {
    return QStringLiteral(R"SQL(
select %1 %2
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
 %3
 where %4
)SQL")
        .arg(QLatin1String(kCommonColumns), QLatin1String(kTriggerFlag), estimateJoin(false),
             QLatin1String(kListedRelations));
}

QString tablesColumnsSql() {
    QStringList names;
    const auto add = [&](const auto& list) {
        for (const char* n : list)
            names << QLatin1String(n);
    };
    add(conventionnames::kDeletedAtNames);
    add(conventionnames::kDeletedFlagNames);
    add(conventionnames::kActiveFlagNames);
    add(conventionnames::kCreatedAtNames);
    add(conventionnames::kUpdatedAtNames);
    // Only what detectConventions() reads, and only the columns it can use: those a row key can be made of
    // (NOT NULL: primary keys always are, and a unique constraint names rows only when all of its columns
    // are) and those with a convention's name. The type only as its base type's OID: the conventions look
    // for built-in types (boolean, timestamps, dates, uuid), which their OID names. Privileges only for
    // columns with grants of their own (null otherwise), the only ones that can differ from the table's.
    return QStringLiteral(R"SQL(
select a.attrelid::int8, a.attname::text, a.attnum, a.attnotnull,
       case when t.typtype = 'd' then t.typbasetype else t.oid end::int8,
       case when a.attacl is not null then has_column_privilege(c.oid, a.attnum, 'SELECT') end,
       case when a.attacl is not null then has_column_privilege(c.oid, a.attnum, 'INSERT') end,
       case when a.attacl is not null then has_column_privilege(c.oid, a.attnum, 'UPDATE') end
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  join pg_attribute a on a.attrelid = c.oid
  join pg_type t on t.oid = a.atttypid
 where %1
   and a.attnum > 0 and not a.attisdropped
   and (a.attnotnull or a.attname = any ('{%2}'::name[]))
 order by a.attrelid, a.attnum
)SQL")
        .arg(QLatin1String(kListedRelations), names.join(QLatin1Char(',')));
}

// Every primary key and unique constraint has a unique index of the same name, so the indexes are all a
// listing needs: primary key first, then by name (kUniquesJson's order). Expression indexes are skipped
// (they cannot name key columns); indkey lists the INCLUDE columns after the indnkeyatts key columns.
QString tablesUniquesSql() {
    return QStringLiteral(R"SQL(
select i.indrelid::int8, ic.relname::text, i.indisprimary, i.indpred is not null, i.indnkeyatts,
       i.indkey::text
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  join pg_index i on i.indrelid = c.oid
  join pg_class ic on ic.oid = i.indexrelid
 where %1
   and i.indisunique and i.indisvalid and i.indexprs is null
 order by i.indrelid, i.indisprimary desc, ic.relname
)SQL")
        .arg(QLatin1String(kListedRelations));
}

} // namespace pgdesk::core::catalogsql
