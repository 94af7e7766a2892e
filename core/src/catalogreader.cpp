#include <pgdesk/core/catalogreader.h>
#include <pgdesk/core/connection.h>
#include <pgdesk/core/errors.h>
#include <pgdesk/core/lockwait.h>
#include <pgdesk/core/sqlbuilder.h>
#include <pgdesk/core/transaction.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <array>

namespace pgdesk::core {

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

// The names detectConventions() looks for, in priority order: only these exact names (README).
constexpr std::array<const char*, 1> kDeletedAtNames{"deleted_at"};
constexpr std::array<const char*, 2> kDeletedFlagNames{"is_deleted", "deleted"};
constexpr std::array<const char*, 2> kActiveFlagNames{"is_active", "active"};
constexpr std::array<const char*, 4> kCreatedAtNames{"created_at", "created", "inserted_at", "create_date"};
constexpr std::array<const char*, 5> kUpdatedAtNames{"updated_at", "last_update", "modified_at", "updated",
                                                     "last_modified"};

// A listing's columns: only what detectConventions() reads (name, NOT NULL, base type, privileges) and only
// the columns it can use, those a row key can be made of (NOT NULL: primary keys always are, and a unique
// constraint names rows only when all of its columns are) and those with a convention's name. The whole
// column list of 10,000 relations took 0.46 s, this one 0.1 s.
QString summaryColumnsJson() {
    QStringList names;
    const auto add = [&](const auto& list) {
        for (const char* n : list)
            names << QLatin1String(n);
    };
    add(kDeletedAtNames);
    add(kDeletedFlagNames);
    add(kActiveFlagNames);
    add(kCreatedAtNames);
    add(kUpdatedAtNames);
    // Positional ([name, attnum, not null, base type oid, privileges]), and the type only as its base type's
    // OID: the conventions look for built-in types (boolean, timestamps, dates, uuid), which their OID
    // names. Half the time of json_build_object; a second pg_type lookup cost as much again.
    return QStringLiteral(R"SQL(
 (select coalesce(json_agg(json_build_array(
         a.attname::text, a.attnum, a.attnotnull,
         case when t.typtype = 'd' then t.typbasetype else t.oid end::int8,
         case when a.attacl is not null then json_build_array(
                  has_column_privilege(c.oid, a.attnum, 'SELECT'),
                  has_column_privilege(c.oid, a.attnum, 'INSERT'),
                  has_column_privilege(c.oid, a.attnum, 'UPDATE')) end) order by a.attnum), '[]'::json)
    from pg_attribute a
    join pg_type t on t.oid = a.atttypid
   where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
     and (a.attnotnull or a.attname = any ('{%1}'::name[]))) as columns_json
)SQL")
        .arg(names.join(QLatin1Char(',')));
}

// Columns of a query result: $1 names, $2 type OIDs, $3 type modifiers, in result order.
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

// Primary key first, then unique constraints and the unique indexes that back no constraint, by name (the
// order a listing reads them in too: kSummaryUniquesJson). Expression indexes are skipped (they cannot
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

// A listing's unique indexes (every primary key and unique constraint has one, of the same name), in
// kUniquesJson's order, as [name, primary, partial, key column count, [attnum, …]]: the columns are named
// from the listing's columns (summaryColumnsJson), which hold every column a row key can be made of.
// Telling constraints from plain indexes, and naming columns here, took 150 of the 200 ms.
const char* const kSummaryUniquesJson = R"SQL(
 (select coalesce(json_agg(json_build_array(ic.relname::text, i.indisprimary, i.indpred is not null,
                                            i.indnkeyatts, i.indkey::int2[])
                           order by i.indisprimary desc, ic.relname), '[]'::json)
    from pg_index i
    join pg_class ic on ic.oid = i.indexrelid
   where i.indrelid = c.oid and i.indisunique and i.indisvalid and i.indexprs is null) as uniques_json
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

QString tablesSql() {
    return QStringLiteral(R"SQL(
select %1 %2, %3, %4
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
 %5
 where c.relkind in ('r', 'p', 'v', 'm', 'f')
   and ($1::text is null or n.nspname::text = $1::text)
   and n.nspname not in ('pg_catalog', 'information_schema')
   and n.nspname !~ '^pg_(toast|temp)'
 order by n.nspname, c.relname
)SQL")
        .arg(QLatin1String(kCommonColumns), QLatin1String(kTriggerFlag), summaryColumnsJson(),
             QLatin1String(kSummaryUniquesJson), estimateJoin(false));
}

// ---------------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------------

// Well-known built-in type OIDs (pg_type.dat); stable across server versions.
enum : Oid {
    BoolOid = 16,
    ByteaOid = 17,
    NameOid = 19,
    Int8Oid = 20,
    Int2Oid = 21,
    Int4Oid = 23,
    TextOid = 25,
    JsonOid = 114,
    CidrOid = 650,
    Float4Oid = 700,
    Float8Oid = 701,
    MacaddrOid = 829,
    Macaddr8Oid = 774,
    InetOid = 869,
    BpcharOid = 1042,
    VarcharOid = 1043,
    DateOid = 1082,
    TimeOid = 1083,
    TimestampOid = 1114,
    TimestamptzOid = 1184,
    IntervalOid = 1186,
    TimetzOid = 1266,
    NumericOid = 1700,
    UuidOid = 2950,
    TsvectorOid = 3614,
    JsonbOid = 3802,
};

TypeCategory categoryFor(Oid baseOid, const QString& typname, const QString& typcategory,
                         const QString& typtype) {
    if (typcategory == QLatin1String("A"))
        return TypeCategory::Array;
    switch (baseOid) {
    case BoolOid:
        return TypeCategory::Boolean;
    case Int2Oid:
    case Int4Oid:
    case Int8Oid:
        return TypeCategory::Integer;
    case NumericOid:
        return TypeCategory::Numeric;
    case Float4Oid:
    case Float8Oid:
        return TypeCategory::Float;
    case TextOid:
    case VarcharOid:
    case BpcharOid:
    case NameOid:
        return TypeCategory::Text;
    case UuidOid:
        return TypeCategory::Uuid;
    case DateOid:
        return TypeCategory::Date;
    case TimeOid:
    case TimetzOid:
        return TypeCategory::Time;
    case TimestampOid:
    case TimestamptzOid:
        return TypeCategory::Timestamp;
    case IntervalOid:
        return TypeCategory::Interval;
    case JsonOid:
    case JsonbOid:
        return TypeCategory::Json;
    case ByteaOid:
        return TypeCategory::Bytea;
    case InetOid:
    case CidrOid:
    case MacaddrOid:
    case Macaddr8Oid:
        return TypeCategory::Network;
    case TsvectorOid:
        return TypeCategory::TsVector;
    default:
        break;
    }
    if (typtype == QLatin1String("e"))
        return TypeCategory::Enum;
    if (typtype == QLatin1String("r") || typtype == QLatin1String("m"))
        return TypeCategory::Range;
    // Extension types have no fixed OID: citext is recognised by name.
    if (typname == QLatin1String("citext"))
        return TypeCategory::Text;
    return TypeCategory::Other;
}

QJsonArray jsonArray(const Result& r, int row, const char* column) {
    return QJsonDocument::fromJson(r.bytes(row, r.columnIndex(QLatin1String(column)))).array();
}

QStringList stringList(const QJsonValue& value) {
    QStringList out;
    for (const auto& v : value.toArray())
        out << v.toString();
    return out;
}

// `table`: the table's privileges, which columns without grants of their own have (none for query results).
QList<ColumnInfo> parseColumns(const QJsonArray& array, const Privileges* table = nullptr) {
    QList<ColumnInfo> columns;
    columns.reserve(array.size());
    for (const auto& v : array) {
        const QJsonObject o = v.toObject();
        ColumnInfo c;
        c.name = o[QLatin1String("name")].toString();
        c.number = o[QLatin1String("number")].toInt();
        c.typeOid = Oid(o[QLatin1String("type_oid")].toInteger());
        c.typeName = o[QLatin1String("type_name")].toString();
        c.baseTypeOid = Oid(o[QLatin1String("base_oid")].toInteger());
        c.baseTypeName = o[QLatin1String("base_name")].toString();
        c.domainName = o[QLatin1String("domain")].toString();
        c.category = categoryFor(c.baseTypeOid, o[QLatin1String("base_typname")].toString(),
                                 o[QLatin1String("base_category")].toString(),
                                 o[QLatin1String("base_typtype")].toString());
        c.elementTypeOid = Oid(o[QLatin1String("elem_oid")].toInteger());
        c.elementTypeName = o[QLatin1String("elem_name")].toString();
        c.enumLabels = stringList(o[QLatin1String("enum_labels")]);
        c.notNull = o[QLatin1String("not_null")].toBool();
        c.defaultExpression = o[QLatin1String("default")].toString();
        const QString identity = o[QLatin1String("identity")].toString();
        c.isIdentity = identity == QLatin1String("a") || identity == QLatin1String("d");
        c.identityAlways = identity == QLatin1String("a");
        c.isGenerated = o[QLatin1String("generated")].toString() == QLatin1String("s");
        c.comment = o[QLatin1String("comment")].toString();
        c.textSearchConfig = o[QLatin1String("ts_config")].toString();
        // Only a column with grants of its own can differ from the table's privileges.
        if (const QJsonArray own = o[QLatin1String("privileges")].toArray(); own.size() == 3) {
            c.canSelect = own.at(0).toBool();
            c.canInsert = own.at(1).toBool();
            c.canUpdate = own.at(2).toBool();
        } else if (table) {
            c.canSelect = table->select;
            c.canInsert = table->insert;
            c.canUpdate = table->update;
        }
        columns << c;
    }
    return columns;
}

QList<UniqueConstraint> parseUniques(const QJsonArray& array) {
    QList<UniqueConstraint> uniques;
    for (const auto& v : array) {
        const QJsonObject o = v.toObject();
        UniqueConstraint u;
        u.name = o[QLatin1String("name")].toString();
        u.columns = stringList(o[QLatin1String("columns")]);
        u.isPrimaryKey = o[QLatin1String("primary_key")].toBool();
        u.isIndexOnly = o[QLatin1String("index_only")].toBool();
        u.isPartial = o[QLatin1String("partial")].toBool();
        uniques << u;
    }
    return uniques;
}

QList<ForeignKey> parseForeignKeys(const QJsonArray& array) {
    QList<ForeignKey> keys;
    for (const auto& v : array) {
        const QJsonObject o = v.toObject();
        ForeignKey k;
        k.name = o[QLatin1String("name")].toString();
        k.schema = o[QLatin1String("schema")].toString();
        k.table = o[QLatin1String("table")].toString();
        k.columns = stringList(o[QLatin1String("columns")]);
        k.refSchema = o[QLatin1String("ref_schema")].toString();
        k.refTable = o[QLatin1String("ref_table")].toString();
        k.refColumns = stringList(o[QLatin1String("ref_columns")]);
        keys << k;
    }
    return keys;
}

RelationKind kindFromRelkind(const QString& relkind) {
    if (relkind == QLatin1String("p"))
        return RelationKind::PartitionedTable;
    if (relkind == QLatin1String("v"))
        return RelationKind::View;
    if (relkind == QLatin1String("m"))
        return RelationKind::MaterializedView;
    if (relkind == QLatin1String("f"))
        return RelationKind::ForeignTable;
    return RelationKind::Table;
}

bool boolAt(const Result& r, int row, const char* column) {
    return r.text(row, r.columnIndex(QLatin1String(column))) == QLatin1String("t");
}

QString textAt(const Result& r, int row, const char* column) {
    return r.text(row, r.columnIndex(QLatin1String(column)));
}

// A listing's positional columns and unique indexes (summaryColumnsJson, kSummaryUniquesJson).
void parseSummaryShape(const QJsonArray& columns, const QJsonArray& uniques, TableInfo* t) {
    QHash<int, QString> names;
    for (const auto& v : columns) {
        const QJsonArray a = v.toArray();
        ColumnInfo c;
        c.name = a.at(0).toString();
        c.number = a.at(1).toInt();
        c.notNull = a.at(2).toBool();
        c.baseTypeOid = c.typeOid = Oid(a.at(3).toInteger());
        c.category = categoryFor(c.baseTypeOid, {}, {}, {}); // built-in types, by OID
        const QJsonArray own = a.at(4).toArray();
        c.canSelect = own.size() == 3 ? own.at(0).toBool() : t->privileges.select;
        c.canInsert = own.size() == 3 ? own.at(1).toBool() : t->privileges.insert;
        c.canUpdate = own.size() == 3 ? own.at(2).toBool() : t->privileges.update;
        names.insert(c.number, c.name);
        (c.canSelect ? t->columns : t->hiddenColumns).append(std::move(c));
    }
    for (const auto& v : uniques) {
        const QJsonArray a = v.toArray();
        UniqueConstraint u;
        u.name = a.at(0).toString();
        u.isPrimaryKey = a.at(1).toBool();
        u.isPartial = a.at(2).toBool();
        const int keyColumns = a.at(3).toInt();
        const QJsonArray attnums = a.at(4).toArray();
        // A column not listed (nullable, so no key) keeps an empty name: no column has it.
        for (int k = 0; k < keyColumns && k < attnums.size(); ++k)
            u.columns << names.value(attnums.at(k).toInt());
        t->uniques << u;
    }
}

// The parts shared by TableSummary and TableInfo, read from one row of either query (`summary`: a
// listing's, whose columns and uniques are tablesSql()'s lean positional ones).
TableInfo parseCommon(const Result& r, int row, bool summary) {
    TableInfo t;
    t.oid = Oid(textAt(r, row, "oid").toULongLong());
    t.schema = textAt(r, row, "schema_name");
    t.name = textAt(r, row, "rel_name");
    t.kind = kindFromRelkind(textAt(r, row, "relkind"));
    t.parentSchema = textAt(r, row, "parent_schema");
    t.parentName = textAt(r, row, "parent_name");
    t.estimatedRows = textAt(r, row, "estimated_rows").toDouble();
    t.estimateFromSize = boolAt(r, row, "estimate_from_size");
    t.totalBytes = textAt(r, row, "total_bytes").toLongLong();
    t.comment = textAt(r, row, "comment");
    t.privileges.select = boolAt(r, row, "can_select");
    t.privileges.insert = boolAt(r, row, "can_insert");
    t.privileges.update = boolAt(r, row, "can_update");
    t.privileges.remove = boolAt(r, row, "can_delete");
    t.versionReadable = boolAt(r, row, "can_read_version");
    if (summary) {
        parseSummaryShape(jsonArray(r, row, "columns_json"), jsonArray(r, row, "uniques_json"), &t);
    } else {
        for (ColumnInfo& c : parseColumns(jsonArray(r, row, "columns_json"), &t.privileges))
            (c.canSelect ? t.columns : t.hiddenColumns).append(std::move(c));
        // Nothing readable at all: keep the table's shape, and let a read fail as the server says
        // (permission denied for table) rather than as a table without columns.
        if (t.columns.isEmpty())
            t.columns.swap(t.hiddenColumns);
        t.uniques = parseUniques(jsonArray(r, row, "uniques_json"));
    }
    t.conventions = detectConventions(t, boolAt(r, row, "before_update_row_trigger"));
    return t;
}

bool isTimeLike(const ColumnInfo& c) {
    return c.category == TypeCategory::Timestamp || c.category == TypeCategory::Date;
}

// The first existing column among `names` (in that priority) that passes `fits`.
template <std::size_t N>
const ColumnInfo* firstColumn(const TableInfo& table, const std::array<const char*, N>& names,
                              bool (*fits)(const ColumnInfo&)) {
    for (const char* name : names) {
        const ColumnInfo* c = table.column(QLatin1String(name));
        if (c && fits(*c))
            return c;
    }
    return nullptr;
}

} // namespace

// ---------------------------------------------------------------------------------------------------

Conventions detectConventions(const TableInfo& table, bool hasBeforeUpdateRowTrigger) {
    Conventions conv;
    // Only real tables get a row key: views are read-only here, and a materialized view cannot be
    // edited even when a unique index identifies its rows.
    const bool keyable = table.kind == RelationKind::Table || table.kind == RelationKind::PartitionedTable ||
                         table.kind == RelationKind::ForeignTable;
    if (keyable) {
        // A key the role may not read (column privileges) cannot name rows either.
        const auto readable = [&](const UniqueConstraint& u) {
            return std::all_of(u.columns.begin(), u.columns.end(),
                               [&](const QString& n) { return table.column(n) != nullptr; });
        };
        for (const auto& u : table.uniques) {
            if (u.isPrimaryKey && !u.columns.isEmpty() && readable(u)) {
                conv.rowKey = u.columns;
                conv.rowKeySource = QStringLiteral("primary_key");
                break;
            }
        }
        // Without a primary key, a unique constraint (or plain unique index) identifies rows only when
        // every column is NOT NULL (NULLs are distinct) and it covers the whole table (not partial).
        if (conv.rowKey.isEmpty()) {
            for (const auto& u : table.uniques) {
                if (u.isPartial || u.columns.isEmpty())
                    continue;
                const bool allNotNull =
                    std::all_of(u.columns.begin(), u.columns.end(), [&](const QString& n) {
                        const ColumnInfo* c = table.column(n);
                        return c && c->notNull;
                    });
                if (allNotNull) {
                    conv.rowKey = u.columns;
                    conv.rowKeySource = QStringLiteral("unique:") + u.name;
                    break;
                }
            }
        }
    }
    if (conv.rowKey.size() == 1) {
        const ColumnInfo* c = table.column(conv.rowKey.first());
        conv.uuidKey = c && c->category == TypeCategory::Uuid;
    }

    // Soft delete, first match in priority order: only these exact names (README), never a name that
    // merely contains one (pagila's customer.activebool is a plain attribute: guessing hid its rows).
    auto isBool = [](const ColumnInfo& c) { return c.category == TypeCategory::Boolean; };
    auto isTimestamp = [](const ColumnInfo& c) { return c.category == TypeCategory::Timestamp; };
    if (const auto* c = firstColumn(table, kDeletedAtNames, isTimestamp)) {
        conv.softDelete = SoftDeleteKind::DeletedAtTimestamp;
        conv.softDeleteColumn = c->name;
    } else if (const auto* c = firstColumn(table, kDeletedFlagNames, isBool)) {
        conv.softDelete = SoftDeleteKind::DeletedFlag;
        conv.softDeleteColumn = c->name;
    } else if (const auto* c = firstColumn(table, kActiveFlagNames, isBool)) {
        conv.softDelete = SoftDeleteKind::ActiveFlag;
        conv.softDeleteColumn = c->name;
    }

    // Audit columns must hold a point in time; a boolean "updated" is not one.
    if (const auto* c = firstColumn(table, kCreatedAtNames, isTimeLike))
        conv.createdAtColumn = c->name;
    if (const auto* c = firstColumn(table, kUpdatedAtNames, isTimeLike))
        conv.updatedAtColumn = c->name;
    conv.updatedAtByTrigger = hasBeforeUpdateRowTrigger;
    return conv;
}

std::optional<QStringList> splitQualifiedName(const QString& text) {
    QStringList parts;
    QString current;
    bool inQuotes = false;
    bool atPartStart = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (inQuotes) {
            if (ch == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    current += ch;
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                current += ch;
            }
            continue;
        }
        // A quote opens a quoted identifier only at the start of a part; elsewhere it is a character
        // of the name (the demo's bare `we"ird; drop table x;--`).
        if (ch == QLatin1Char('"') && atPartStart) {
            inQuotes = true;
            atPartStart = false;
            continue;
        }
        if (ch == QLatin1Char('.')) {
            parts << current;
            current.clear();
            atPartStart = true;
            continue;
        }
        current += ch;
        atPartStart = false;
    }
    if (inQuotes)
        return std::nullopt;
    parts << current;
    if (parts.size() > 2 ||
        std::any_of(parts.begin(), parts.end(), [](const QString& p) { return p.isEmpty(); }))
        return std::nullopt;
    return parts;
}

QString softDeleteKindName(SoftDeleteKind kind) {
    switch (kind) {
    case SoftDeleteKind::None:
        return QStringLiteral("none");
    case SoftDeleteKind::DeletedAtTimestamp:
        return QStringLiteral("deleted_at");
    case SoftDeleteKind::DeletedFlag:
        return QStringLiteral("deleted_flag");
    case SoftDeleteKind::ActiveFlag:
        return QStringLiteral("active_flag");
    }
    return QStringLiteral("none");
}

QString typeCategoryName(TypeCategory category) {
    switch (category) {
    case TypeCategory::Boolean:
        return QStringLiteral("boolean");
    case TypeCategory::Integer:
        return QStringLiteral("integer");
    case TypeCategory::Numeric:
        return QStringLiteral("numeric");
    case TypeCategory::Float:
        return QStringLiteral("float");
    case TypeCategory::Text:
        return QStringLiteral("text");
    case TypeCategory::Uuid:
        return QStringLiteral("uuid");
    case TypeCategory::Date:
        return QStringLiteral("date");
    case TypeCategory::Time:
        return QStringLiteral("time");
    case TypeCategory::Timestamp:
        return QStringLiteral("timestamp");
    case TypeCategory::Interval:
        return QStringLiteral("interval");
    case TypeCategory::Json:
        return QStringLiteral("json");
    case TypeCategory::Array:
        return QStringLiteral("array");
    case TypeCategory::Bytea:
        return QStringLiteral("bytea");
    case TypeCategory::Network:
        return QStringLiteral("network");
    case TypeCategory::Range:
        return QStringLiteral("range");
    case TypeCategory::Enum:
        return QStringLiteral("enum");
    case TypeCategory::TsVector:
        return QStringLiteral("tsvector");
    case TypeCategory::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

CatalogReader::CatalogReader(Connection& connection)
    : m_connection(connection) {
}

Result CatalogReader::read(const QString& sql, const Params& params, const QString& schema,
                           const QString& relation) {
    // A catalog read that waits behind another session's uncommitted DDL would hang the tree or the CLI
    // with no reason shown; SET LOCAL in the statement's own pipeline keeps the limit to this statement,
    // also through a transaction pooler.
    const int profileMs = m_connection.profile().lockTimeoutMs;
    const int timeoutMs = profileMs > 0 ? std::min(profileMs, kCatalogLockTimeoutMs) : kCatalogLockTimeoutMs;
    m_lockHolders.clear();
    try {
        // jit off: catalog statements are many small correlated subqueries whose estimated cost starts the
        // server's JIT, which then compiles for longer (1.1 s of 2.7 s on 5,000 tables) than it saves. No
        // parallel workers either: each starts with cold catalog caches (10,000 tables: 460 → 360 ms).
        return m_connection.exec(sql, params,
                                 {QStringLiteral("SET LOCAL lock_timeout = %1").arg(timeoutMs),
                                  QStringLiteral("SET LOCAL jit = off"),
                                  QStringLiteral("SET LOCAL max_parallel_workers_per_gather = 0")});
    } catch (const QueryError& e) {
        if (e.sqlState() != QLatin1String("55P03"))
            throw;
        ErrorInfo info = e.info();
        try {
            m_lockHolders = relationLockHolders(m_connection, schema, relation);
            if (m_lockHolders.isEmpty() && (!schema.isEmpty() || !relation.isEmpty()))
                m_lockHolders = relationLockHolders(m_connection);
        } catch (const QueryError&) {
            // Not knowing who holds it still leaves the timeout to report.
        }
        QStringList holders;
        for (const LockBlocker& b : m_lockHolders)
            holders << describeBlocker(b);
        info.detail = info.message; // "canceling statement due to lock timeout"
        info.message =
            holders.isEmpty()
                ? QStringLiteral("waited %1 ms for a lock another session holds").arg(timeoutMs)
                : QStringLiteral("waiting for a lock held by ") + holders.join(QStringLiteral("; "));
        throwError(std::move(info));
    }
}

QList<SchemaInfo> CatalogReader::schemas() {
    const Result r = read(QStringLiteral("select n.nspname::text, pg_get_userbyid(n.nspowner)::text, "
                                         "obj_description(n.oid, 'pg_namespace') "
                                         "from pg_namespace n "
                                         "where n.nspname not in ('pg_catalog', 'information_schema') "
                                         "and n.nspname !~ '^pg_(toast|temp)' "
                                         "order by n.nspname"),
                          Params{}, {}, {});
    QList<SchemaInfo> out;
    out.reserve(r.rowCount());
    for (int row = 0; row < r.rowCount(); ++row)
        out << SchemaInfo{r.text(row, 0), r.text(row, 1), r.text(row, 2)};
    return out;
}

QList<TableSummary> CatalogReader::tables(const QString& schema) {
    const Result r = read(tablesSql(), {schema.isEmpty() ? nullParam() : param(schema)}, schema, {});
    QList<TableSummary> out;
    out.reserve(r.rowCount());
    for (int row = 0; row < r.rowCount(); ++row) {
        const TableInfo t = parseCommon(r, row, true);
        TableSummary s;
        s.oid = t.oid;
        s.schema = t.schema;
        s.name = t.name;
        s.kind = t.kind;
        s.parentSchema = t.parentSchema;
        s.parentName = t.parentName;
        s.estimatedRows = t.estimatedRows;
        s.estimateFromSize = t.estimateFromSize;
        s.totalBytes = t.totalBytes;
        s.comment = t.comment;
        s.conventions = t.conventions;
        s.privileges = t.privileges;
        out << s;
    }
    return out;
}

TableInfo CatalogReader::table(const QString& schema, const QString& name) {
    const QString shown = schema.isEmpty() ? name : schema + QLatin1Char('.') + name;
    return loadTable(schema.isEmpty() ? nullParam() : param(schema), param(name), nullParam(), shown);
}

TableInfo CatalogReader::table(const QString& qualifiedOrBareName) {
    const auto parts = splitQualifiedName(qualifiedOrBareName);
    if (!parts)
        return loadTable(nullParam(), param(qualifiedOrBareName), nullParam(), qualifiedOrBareName);
    // The whole text as a bare name is the fallback, for tables whose name contains a dot or quotes.
    if (parts->size() == 2)
        return loadTable(param(parts->at(0)), param(parts->at(1)), param(qualifiedOrBareName),
                         qualifiedOrBareName);
    return loadTable(nullParam(), param(parts->at(0)), param(qualifiedOrBareName), qualifiedOrBareName);
}

TableInfo CatalogReader::loadTable(const Param& schema, const Param& name, const Param& fallbackName,
                                   const QString& shownName) {
    auto text = [](const Param& p) { return p ? QString::fromUtf8(*p) : QString(); };
    const Result r = read(tableSql(), {schema, name, fallbackName}, text(schema), text(name));
    if (r.rowCount() == 0)
        throwError(ErrorKind::NotFound, QStringLiteral("no table or view named %1").arg(shownName));
    TableInfo t = parseCommon(r, 0, false);
    t.partitions = stringList(jsonArray(r, 0, "partitions_json"));
    t.foreignKeys = parseForeignKeys(jsonArray(r, 0, "foreign_keys_json"));
    t.referencedBy = parseForeignKeys(jsonArray(r, 0, "referenced_by_json"));
    for (const auto& v : jsonArray(r, 0, "checks_json")) {
        const QJsonObject o = v.toObject();
        t.checks << CheckConstraint{o[QLatin1String("name")].toString(),
                                    o[QLatin1String("definition")].toString()};
    }
    return t;
}

TableInfo CatalogReader::describeQuery(const QString& sql) {
    const QString probe = QStringLiteral("SELECT * FROM ") + querySource(sql) + QStringLiteral(" LIMIT 0");
    // Extended protocol (one statement only, never a `;`-separated second one) in a READ ONLY
    // transaction: describing a query must not run anything that writes.
    std::optional<Transaction> readOnly;
    if (m_connection.isIdle()) {
        TransactionOptions options;
        options.readOnly = true;
        readOnly.emplace(m_connection, options);
    }
    const Result shape = m_connection.exec(probe, Params{});
    QStringList names, types, modifiers;
    for (int c = 0; c < shape.columnCount(); ++c) {
        names << shape.columnName(c);
        types << QString::number(shape.columnType(c));
        modifiers << QString::number(shape.columnTypeModifier(c));
    }
    const Result r =
        m_connection.exec(resultColumnsSql(), {param(arrayLiteral(names)), param(arrayLiteral(types)),
                                               param(arrayLiteral(modifiers))});
    TableInfo t;
    t.kind = RelationKind::Query;
    t.name = QStringLiteral("query");
    t.columns = parseColumns(jsonArray(r, 0, "columns_json"));
    t.privileges.select = true;
    if (readOnly)
        readOnly->commit();
    return t;
}

} // namespace pgdesk::core
