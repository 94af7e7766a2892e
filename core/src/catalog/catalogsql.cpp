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
 c.relhastriggers and exists (select 1 from pg_trigger tg
          where tg.tgrelid = c.oid and not tg.tgisinternal and tg.tgenabled <> 'D'
            and (tg.tgtype::int & 19) = 19) as before_update_row_trigger
)SQL";

// Row estimate and size of one physical relation, the pg_class row `%1`. reltuples is used when the
// relation was ever analyzed or vacuumed; when it is -1 (never), the estimate is
//     ceil(pg_relation_size / block_size) * floor((block_size - 24) / (28 + Σ column widths))
// i.e. current pages times a rows-per-page guess: 24 bytes of page header, 28 bytes of tuple header
// plus line pointer per row, fixed-width columns at their length and variable-width ones at 32 bytes
// (the planner makes a similar guess for never-analyzed tables).
// `listing`: pg_relation_size opens the relation and waits for its lock; a listing leaves out the relations
// another session holds (or waits for) in ACCESS EXCLUSIVE mode, `cfg.locked` (a migration's new table in
// its open transaction made the whole tree wait and fail), and estimates them as 0.
QString physicalRows(const QString& p, bool listing) {
    return QStringLiteral(R"SQL(case when %1.reltuples >= 0 then %1.reltuples::float8%2
      else ceil(pg_relation_size(%1.oid)::float8 / current_setting('block_size')::float8)
           * floor((current_setting('block_size')::float8 - 24)
                   / (select 28 + coalesce(sum(case when a.attlen > 0 then a.attlen else 32 end), 0)
                        from pg_attribute a
                       where a.attrelid = %1.oid and a.attnum > 0 and not a.attisdropped)) end)SQL")
        .arg(p, listing ? QStringLiteral(" when %1.oid = any (cfg.locked) then 0").arg(p) : QString());
}

// The size: for a listing, the pages the statistics count (relpages of the table, its indexes and its TOAST
// table, as of the last VACUUM or ANALYZE): pg_total_relation_size opens and stats every file and waits for
// each table's lock, 1.5 of the 4.3 s that 10,000 tables took. Never-analyzed relations, whose relpages are
// 0, are measured all the same, unless locked (`cfg.locked`, see physicalRows). `bs` is the block size, read
// once per statement.
// `listed`: `p` is a listed relation, whose indexes the reader adds and whose TOAST table is joined as
// `toast`.
QString physicalBytes(const QString& p, bool listed) {
    const QString indexes = QStringLiteral(R"SQL(
                  + case when %1.relhasindex then
                        (select coalesce(sum(ic.relpages), 0)::int8 from pg_index i
                           join pg_class ic on ic.oid = i.indexrelid where i.indrelid = %1.oid) else 0 end)SQL");
    const QString toast = QStringLiteral(R"SQL(
                  + case when %1.reltoastrelid <> 0 then
                        coalesce((select tc.relpages from pg_class tc where tc.oid = %1.reltoastrelid), 0)
                    else 0 end)SQL");
    return QStringLiteral(R"SQL(case when %1.reltuples >= 0 or %1.oid = any (cfg.locked) then
                 (%1.relpages::int8%2%3) * cfg.bs
             else pg_total_relation_size(%1.oid) end)SQL")
        .arg(p, listed ? QString() : indexes.arg(p),
             listed ? QStringLiteral(" + coalesce(toast.relpages, 0)") : toast.arg(p));
}

// `aggregate` over the pg_class rows `p` of the leaf partitions of the partitioned table `c`; `none` without
// leaves. A scalar subquery, run for partitioned tables only (a lateral join ran for every relation). The
// tree is walked in pg_inherits, not by pg_partition_tree(), which locks every partition and so waits for
// one another session has locked.
QString leaves(const QString& aggregate, const char* none) {
    return QStringLiteral(R"SQL(coalesce((with recursive tree(relid) as (
                       select i.inhrelid from pg_inherits i where i.inhparent = c.oid
                       union all
                       select i.inhrelid from pg_inherits i join tree on i.inhparent = tree.relid)
                   select %1 from pg_class p
                    where p.oid in (select relid from tree) and p.relkind not in ('p', 'I')),
                  %2))SQL")
        .arg(aggregate, QLatin1String(none));
}

// Partitioned tables sum their leaf partitions; views and foreign tables have no estimate (0). `est` holds
// estimated_rows, estimate_from_size and total_bytes. Describing one table (`exactSize`) measures its files
// (pg_total_relation_size); a listing computes tables and materialized views from their own pg_class row
// (looking each up again by OID was 40 % of a 10,000-relation listing), leaves their indexes' pages to the
// reader, which has them from tablesUniquesSql (`add_index_pages`: 50 of 170 ms when looked up here), and
// visits the partition tree of partitioned tables only.
QString estimateJoin(bool exactSize) {
    QString est;
    if (exactSize) {
        est = QStringLiteral(R"SQL(
 cross join lateral (
     select coalesce(sum(%1), 0) as estimated_rows,
            coalesce(bool_or(p.reltuples < 0), false) as estimate_from_size,
            coalesce(sum(pg_total_relation_size(p.oid)), 0)::int8 as total_bytes
       from pg_class p
      -- One array, so that pg_class is read by its oid index (an OR of both cases scanned all of it for
      -- every relation: 7 of the 8 s that 5,000 tables took).
      where p.oid = any (case when c.relkind in ('r', 'm') then array[c.oid]
                              when c.relkind = 'p' then array(select pt.relid from pg_partition_tree(c.oid) pt
                                                               where pt.isleaf)
                              else '{}'::oid[] end)
 ) est)SQL")
                  .arg(physicalRows(QStringLiteral("p"), false));
    } else {
        est = QStringLiteral(R"SQL(
 -- TOAST tables' pages hashed: looked up one by one they were 35 of 125 ms.
 left join (select t.oid, t.relpages from pg_class t where t.relkind = 't') toast on toast.oid = c.reltoastrelid
 cross join (select current_setting('block_size')::int8 as bs,
                    array(select l.relation from pg_locks l
                           where l.locktype = 'relation' and l.mode = 'AccessExclusiveLock'
                             and l.pid <> pg_backend_pid()
                             and l.database = (select d.oid from pg_database d
                                                where d.datname = current_database())) as locked) cfg
 cross join lateral (
     select case when c.relkind in ('r', 'm') then %1 when c.relkind = 'p' then %2 else 0 end
                as estimated_rows,
            case when c.relkind in ('r', 'm') then c.reltuples < 0 when c.relkind = 'p' then %3 else false end
                as estimate_from_size,
            case when c.relkind in ('r', 'm') then %4 when c.relkind = 'p' then %5 else 0 end as total_bytes,
            c.relkind in ('r', 'm') and c.reltuples >= 0 and c.relhasindex as add_index_pages,
            cfg.bs as block_size
 ) est)SQL")
                  .arg(physicalRows(QStringLiteral("c"), true),
                       leaves(QStringLiteral("sum(%1)").arg(physicalRows(QStringLiteral("p"), true)), "0"),
                       leaves(QStringLiteral("bool_or(p.reltuples < 0)"), "false"),
                       physicalBytes(QStringLiteral("c"), true),
                       leaves(QStringLiteral("sum(%1)::int8").arg(physicalBytes(QStringLiteral("p"), false)),
                              "0"));
    }
    // Joined rather than looked up per relation (10,000 relations: 20 ms the comments, 9 the parents). A
    // partition has one parent.
    return est + QStringLiteral(R"SQL(
 left join pg_description d on d.objoid = c.oid and d.classoid = 'pg_class'::regclass and d.objsubid = 0
 left join pg_inherits inh on inh.inhrelid = c.oid and c.relispartition
 left join pg_class pc on pc.oid = inh.inhparent
 left join pg_namespace pn on pn.oid = pc.relnamespace
 -- A superuser has every privilege: asking has_table_privilege() five times for each of 10,000 relations
 -- took a quarter of a second.
 cross join (select r.rolsuper as su from pg_roles r where r.rolname = current_user) me
 cross join lateral (
     select case when me.su then true else has_table_privilege(c.oid, 'SELECT') end as can_select,
            case when me.su then true else has_table_privilege(c.oid, 'INSERT') end as can_insert,
            case when me.su then true else has_table_privilege(c.oid, 'UPDATE') end as can_update,
            case when me.su then true else has_table_privilege(c.oid, 'DELETE') end as can_delete
 ) priv
)SQL");
}

// The comment read from pg_description (joined in estimateJoin()): obj_description() is an SQL function,
// run per row.
const char* const kCommonColumns = R"SQL(
 c.oid::int8 as oid, n.nspname::text as schema_name, c.relname::text as rel_name, c.relkind::text as relkind,
 pn.nspname::text as parent_schema, pc.relname::text as parent_name, est.estimated_rows,
 est.estimate_from_size, est.total_bytes, d.description as comment,
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
select %1 %2, est.add_index_pages, est.block_size
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
 %3
 where %4
)SQL")
        .arg(QLatin1String(kCommonColumns), QLatin1String(kTriggerFlag), estimateJoin(false),
             QLatin1String(kListedRelations));
}

namespace {

// A column's fields in a listing, over pg_attribute `a`: name, number, NOT NULL, base type OID (through a
// domain: the database's own types have OIDs from 16384, the built-in ones need no look-up) and, only for a
// column with grants of its own (null otherwise), SELECT/INSERT/UPDATE: the table's privileges hold for the
// others.
const char* const kListedColumnFields = R"SQL(
       a.attname::text, a.attnum, a.attnotnull,
       case when a.atttypid < 16384 then a.atttypid
            else (select case when t.typtype = 'd' then t.typbasetype else t.oid end
                    from pg_type t where t.oid = a.atttypid) end::int8,
       case when a.attacl is not null then has_column_privilege(a.attrelid, a.attnum, 'SELECT') end,
       case when a.attacl is not null then has_column_privilege(a.attrelid, a.attnum, 'INSERT') end,
       case when a.attacl is not null then has_column_privilege(a.attrelid, a.attnum, 'UPDATE') end
)SQL";

} // namespace

QString tablesColumnsSql(bool wholeDatabase) {
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
    // are) and those with a convention's name and a type it can take (boolean, date, timestamp, or a type of
    // the database's own: a domain over one of them).
    // The whole database reads pg_attribute once, front to back, with no join and no sort: rows of relations
    // the listing leaves out (OIDs below 16384 are the system's own) are ignored by the reader, which also
    // puts each relation's columns in order. Joined to the listed relations and sorted the columns took
    // 125 ms on 10,000 tables. One schema is read through pg_attribute's index instead.
    const QString wanted = QStringLiteral(R"SQL(
   and a.attnum > 0 and not a.attisdropped
   and (a.attnotnull
        or ((a.atttypid in ('bool'::regtype, 'date'::regtype, 'timestamp'::regtype, 'timestamptz'::regtype)
             or a.atttypid >= 16384)
            and a.attname = any ('{%1}'::name[])))
)SQL")
                               .arg(names.join(QLatin1Char(',')));
    const QString columns = QStringLiteral("select a.attrelid::int8,") + QLatin1String(kListedColumnFields);
    if (wholeDatabase)
        return columns + QStringLiteral(R"SQL(
  from pg_attribute a
 where a.attrelid >= 16384 and $1::text is null
)SQL") + wanted;
    return columns +
           QStringLiteral(R"SQL(
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  join pg_attribute a on a.attrelid = c.oid
 where %1
)SQL")
               .arg(QLatin1String(kListedRelations)) +
           wanted;
}

// Every primary key and unique constraint has a unique index of the same name, so the indexes are all a
// listing needs (the reader puts the primary key first, then the others by name: kUniquesJson's order).
// Expression indexes cannot name key columns and are not `usable`; indkey lists the INCLUDE columns after
// the indnkeyatts key columns. Every index comes with its pages, which the reader adds to its table's size.
// The whole database reads pg_index without the listed relations, like the columns; TOAST tables' indexes
// are left out by their schema.
QString tablesUniquesSql(bool wholeDatabase) {
    const QString indexes = QStringLiteral(R"SQL(
select i.indrelid::int8, ic.relname::text, i.indisprimary, i.indpred is not null,
       i.indisunique and i.indisvalid and i.indexprs is null, ic.relpages::int8, i.indnkeyatts, i.indkey::text
)SQL");
    if (wholeDatabase)
        return indexes + QStringLiteral(R"SQL(
  from pg_index i
  join pg_class ic on ic.oid = i.indexrelid
 where i.indrelid >= 16384 and $1::text is null and ic.relnamespace <> 'pg_toast'::regnamespace
)SQL");
    return indexes + QStringLiteral(R"SQL(
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  join pg_index i on i.indrelid = c.oid
  join pg_class ic on ic.oid = i.indexrelid
 where %1
)SQL")
                         .arg(QLatin1String(kListedRelations));
}

} // namespace pgdesk::core::catalogsql
