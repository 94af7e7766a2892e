// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/session/resultrow.h>

#include <pgdesk/core/catalog/relationparts.h>

#include <QJsonArray>

namespace pgdesk::core {

namespace {

// The `pretty` argument of pg_get_expr and the pg_get_*def functions (false prints as pg_dump does).
QString prettyArgument(ExpressionStyle style) {
    return style == ExpressionStyle::Pretty ? QStringLiteral("true") : QStringLiteral("false");
}

} // namespace

QString CatalogColumn::collationSql() const {
    if (collationName.isEmpty())
        return {};
    return collationSchema == QLatin1String("pg_catalog")
               ? collationQuotedName
               : collationQuotedSchema + QLatin1Char('.') + collationQuotedName;
}

QString CatalogColumn::storageName() const {
    return pgdesk::core::storageName(storage);
}

QString storageName(char attstorage) {
    switch (attstorage) {
    case 'p':
        return QStringLiteral("plain");
    case 'm':
        return QStringLiteral("main");
    case 'e':
        return QStringLiteral("external");
    case 'x':
        return QStringLiteral("extended");
    default:
        return QString(QLatin1Char(attstorage));
    }
}

BatchStatement catalogColumnsStatement(const QString& scope, const Params& params, ExpressionStyle style,
                                       ParentColumns parents) {
    // Comments come from pg_description joined in: col_description() is an SQL function, run as a statement
    // of its own for every row (on 2,000 tables of 20 columns, half of a compare's column read). Unordered:
    // the server's sort of 40,000 rows was a quarter of the statement.
    static const QString sql = QStringLiteral(R"SQL(
with scope as (%1)
select a.attrelid::int8 as relid, a.attnum as position, a.attname::text as name,
       nullif(quote_ident(a.attname), a.attname::text) as quoted_name, format_type(a.atttypid, a.atttypmod) as type,
       case when a.attcollation <> t.typcollation then cn.nspname::text end as collation_schema,
       case when a.attcollation <> t.typcollation then co.collname::text end as collation_name,
       case when a.attcollation <> t.typcollation then quote_ident(cn.nspname) end as collation_quoted_schema,
       case when a.attcollation <> t.typcollation then quote_ident(co.collname) end as collation_quoted_name,
       a.attnotnull as not_null, a.attislocal as is_local,
       case when a.attgenerated = '' then pg_get_expr(ad.adbin, ad.adrelid, %2) end as default_expression,
       case when a.attgenerated <> '' then pg_get_expr(ad.adbin, ad.adrelid, %2) end as generated_expression,
       a.attidentity::text as identity,
       case when a.attidentity <> '' then
       (select json_build_array(sn.nspname, sc.relname, quote_ident(sn.nspname), quote_ident(sc.relname), s.seqstart::text,
                                s.seqincrement::text, s.seqmin::text, s.seqmax::text, s.seqcache::text, s.seqcycle)
          from pg_depend d
          join pg_sequence s on s.seqrelid = d.objid
          join pg_class sc on sc.oid = s.seqrelid
          join pg_namespace sn on sn.oid = sc.relnamespace
         where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
           and d.refobjid = a.attrelid and d.refobjsubid = a.attnum and d.deptype = 'i') end as identity_sequence,
       dsc.description as comment, a.attstorage::text as storage, t.typstorage::text as type_storage,
       case when a.attstattarget >= 0 then a.attstattarget end as statistics,
       case when a.attacl is not null then to_json(a.attacl::text[]) end as acl,
       case when a.attacl is not null then
       (select json_agg(json_build_array(
                   case when x.grantee = 0 then 'PUBLIC' else quote_ident(pg_get_userbyid(x.grantee)) end,
                   quote_ident(pg_get_userbyid(x.grantor)), x.privilege_type, x.is_grantable) order by x.ord)
          from aclexplode(a.attacl) with ordinality x(grantor, grantee, privilege_type, is_grantable, ord)) end
           as grants%3
  from pg_attribute a
  join pg_type t on t.oid = a.atttypid
  left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum%4
  left join pg_collation co on co.oid = a.attcollation
  left join pg_namespace cn on cn.oid = co.collnamespace
  left join pg_description dsc on dsc.objoid = a.attrelid and dsc.classoid = 'pg_class'::regclass
                              and dsc.objsubid = a.attnum
 where a.attrelid in (select oid from scope) and a.attnum > 0 and not a.attisdropped
)SQL");
    const bool withParents = parents == ParentColumns::Read;
    return {sql.arg(scope, prettyArgument(style),
                    withParents ? QStringLiteral(R"SQL(,
       pa.attnum is not null as has_parent, pg_get_expr(pad.adbin, pad.adrelid) as parent_default,
       coalesce(pa.attnotnull, false) as parent_not_null)SQL")
                                : QString(),
                    withParents ? QStringLiteral(R"SQL(
  left join pg_inherits ih on ih.inhrelid = a.attrelid and ih.inhseqno = 1
  left join pg_attribute pa on pa.attrelid = ih.inhparent and pa.attname = a.attname and not pa.attisdropped
  left join pg_attrdef pad on pad.adrelid = pa.attrelid and pad.adnum = pa.attnum)SQL")
                                : QString()),
            params};
}

void forEachCatalogColumn(const Result& result, const std::function<void(CatalogColumn&&)>& each) {
    forEachRow(result, [&](const ResultRow& row) {
        CatalogColumn c;
        c.relation = row.int64("relid");
        c.position = int(row.int64("position"));
        c.name = row.text("name");
        c.type = row.text("type");
        c.collationSchema = row.text("collation_schema");
        c.collationName = row.text("collation_name");
        // Most names need no quotes: read only when quoting changes them.
        c.quotedName = row.isNull("quoted_name") ? c.name : row.text("quoted_name");
        c.collationQuotedSchema = row.text("collation_quoted_schema");
        c.collationQuotedName = row.text("collation_quoted_name");
        c.notNull = row.flag("not_null");
        c.isLocal = row.flag("is_local");
        c.defaultExpression = row.text("default_expression");
        c.generatedExpression = row.text("generated_expression");
        c.identity = row.text("identity");
        if (!row.isNull("identity_sequence")) {
            const QJsonArray s = row.array("identity_sequence");
            c.identitySequence = CatalogIdentitySequence{
                s[0].toString(), s[1].toString(), s[2].toString(), s[3].toString(), s[4].toString(),
                s[5].toString(), s[6].toString(), s[7].toString(), s[8].toString(), s[9].toBool()};
        }
        c.comment = row.text("comment");
        c.storage = row.character("storage");
        c.typeStorage = row.character("type_storage");
        c.statistics = row.isNull("statistics") ? -1 : int(row.int64("statistics"));
        if (!row.isNull("acl")) { // rare: no JSON parse for the others
            c.acl = row.list("acl");
            for (const auto& g : row.array("grants")) {
                const QJsonArray a = g.toArray();
                c.grants << CatalogGrant{a[0].toString(), a[1].toString(), a[2].toString(), a[3].toBool()};
            }
        }
        if (row.hasColumn("has_parent")) {
            c.hasParent = row.flag("has_parent");
            c.parentDefault = row.text("parent_default");
            c.parentNotNull = row.flag("parent_not_null");
        }
        each(std::move(c));
    });
}

BatchStatement catalogTriggersStatement(const QString& scope, const Params& params, ExpressionStyle style) {
    static const QString sql = QStringLiteral(R"SQL(
with scope as (%1)
select t.tgrelid::int8 as relid, t.tgname::text as name, nullif(quote_ident(t.tgname), t.tgname::text) as quoted_name,
       pg_get_triggerdef(t.oid, %2) as definition, t.tgtype::int4 as type_bits, t.tgenabled::text as enabled,
       t.tgfoid::regprocedure::text as function, t.tgparentid <> 0 as inherited, dsc.description as comment
  from pg_trigger t
  left join pg_description dsc on dsc.objoid = t.oid and dsc.classoid = 'pg_trigger'::regclass
 where t.tgrelid in (select oid from scope) and not t.tgisinternal
 order by t.tgrelid, t.tgname
)SQL");
    return {sql.arg(scope, prettyArgument(style)), params};
}

void forEachCatalogTrigger(const Result& result, const std::function<void(CatalogTrigger&&)>& each) {
    forEachRow(result, [&](const ResultRow& row) {
        CatalogTrigger t;
        t.relation = row.int64("relid");
        t.name = row.text("name");
        t.quotedName = row.isNull("quoted_name") ? t.name : row.text("quoted_name");
        t.definition = row.text("definition");
        t.typeBits = int(row.int64("type_bits"));
        t.enabled = row.character("enabled");
        t.function = row.text("function");
        t.inherited = row.flag("inherited");
        t.comment = row.text("comment");
        each(std::move(t));
    });
}

QString CatalogPolicy::commandKeyword() const {
    switch (command) {
    case 'r':
        return QStringLiteral("SELECT");
    case 'a':
        return QStringLiteral("INSERT");
    case 'w':
        return QStringLiteral("UPDATE");
    case 'd':
        return QStringLiteral("DELETE");
    default:
        return QStringLiteral("ALL");
    }
}

BatchStatement catalogPoliciesStatement(const QString& scope, const Params& params, ExpressionStyle style) {
    static const QString sql = QStringLiteral(R"SQL(
with scope as (%1)
select p.polrelid::int8 as relid, p.polname::text as name, quote_ident(p.polname) as quoted_name,
       p.polpermissive as permissive, p.polcmd::text as command,
       (select json_agg(json_build_array(case when r.role <> 0 then pg_get_userbyid(r.role)::text end,
                                         case when r.role = 0 then 'PUBLIC' else quote_ident(pg_get_userbyid(r.role)) end)
                        order by r.ord)
          from unnest(p.polroles) with ordinality r(role, ord)) as roles,
       pg_get_expr(p.polqual, p.polrelid, %2) as using_expression,
       pg_get_expr(p.polwithcheck, p.polrelid, %2) as with_check_expression, dsc.description as comment
  from pg_policy p
  left join pg_description dsc on dsc.objoid = p.oid and dsc.classoid = 'pg_policy'::regclass
 where p.polrelid in (select oid from scope)
 order by p.polrelid, p.polname
)SQL");
    return {sql.arg(scope, prettyArgument(style)), params};
}

void forEachCatalogPolicy(const Result& result, const std::function<void(CatalogPolicy&&)>& each) {
    forEachRow(result, [&](const ResultRow& row) {
        CatalogPolicy p;
        p.relation = row.int64("relid");
        p.name = row.text("name");
        p.quotedName = row.text("quoted_name");
        p.permissive = row.flag("permissive");
        p.command = row.character("command");
        for (const auto& r : row.array("roles")) {
            const QJsonArray a = r.toArray();
            p.roles << CatalogPolicyRole{a[0].toString(), a[1].toString()};
        }
        p.usingExpression = row.text("using_expression");
        p.withCheckExpression = row.text("with_check_expression");
        p.comment = row.text("comment");
        each(std::move(p));
    });
}

BatchStatement catalogConstraintsStatement(const QString& scope, const Params& params, ExpressionStyle style,
                                           PartDetail detail) {
    // A foreign key referencing a partitioned table is cloned for each of its partitions (conparentid set,
    // the same conrelid): reference_clone. conindid of a foreign key is the referenced side's index.
    static const QString sql = QStringLiteral(R"SQL(
with scope as (%1)
select con.conrelid::int8 as relid, con.conname::text as name,
       nullif(quote_ident(con.conname), con.conname::text) as quoted_name, con.contype::text as kind,
       pg_get_constraintdef(con.oid, %2) as definition, con.convalidated as validated, con.conislocal as is_local,
       con.coninhcount > 0 as inherited, con.conparentid <> 0 as cloned,
       con.conparentid <> 0 and exists (select 1 from pg_constraint pcn
                                         where pcn.oid = con.conparentid and pcn.conrelid = con.conrelid)
           as reference_clone,
       case when con.contype in ('p', 'u', 'x') then
       (select ic.relname::text from pg_class ic where ic.oid = con.conindid) end as index_name,
       con.condeferrable as deferrable, con.condeferred as deferred, dsc.description as comment%3
  from pg_constraint con
  left join pg_description dsc on dsc.objoid = con.oid and dsc.classoid = 'pg_constraint'::regclass
                              and dsc.objsubid = 0%4
 where con.conrelid in (select oid from scope) and con.contype in ('p', 'u', 'x', 'c', 'f')
 order by con.conrelid, con.conname
)SQL");
    const bool full = detail == PartDetail::Full;
    return {sql.arg(scope, prettyArgument(style),
                    full ? QStringLiteral(R"SQL(,
       (select json_agg(a.attname::text order by k.ord)
          from unnest(con.conkey) with ordinality k(attnum, ord)
          join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum) as columns,
       rn.nspname::text as ref_schema, rc.relname::text as ref_table,
       (select json_agg(a.attname::text order by k.ord)
          from unnest(con.confkey) with ordinality k(attnum, ord)
          join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum) as ref_columns,
       con.confupdtype::text as on_update, con.confdeltype::text as on_delete,
       con.confmatchtype::text as match_type)SQL")
                         : QString(),
                    full ? QStringLiteral(R"SQL(
  left join pg_class rc on rc.oid = con.confrelid
  left join pg_namespace rn on rn.oid = rc.relnamespace)SQL")
                         : QString()),
            params};
}

void forEachCatalogConstraint(const Result& result, const std::function<void(CatalogConstraint&&)>& each) {
    forEachRow(result, [&](const ResultRow& row) {
        CatalogConstraint c;
        c.relation = row.int64("relid");
        c.name = row.text("name");
        c.quotedName = row.isNull("quoted_name") ? c.name : row.text("quoted_name");
        c.kind = row.character("kind");
        c.definition = row.text("definition");
        c.validated = row.flag("validated");
        c.isLocal = row.flag("is_local");
        c.inherited = row.flag("inherited");
        c.cloned = row.flag("cloned");
        c.referenceClone = row.flag("reference_clone");
        c.indexName = row.text("index_name");
        c.deferrable = row.flag("deferrable");
        c.deferred = row.flag("deferred");
        c.comment = row.text("comment");
        if (row.hasColumn("columns")) {
            c.columns = row.list("columns");
            c.refSchema = row.text("ref_schema");
            c.refTable = row.text("ref_table");
            c.refColumns = row.list("ref_columns");
            c.onUpdate = row.character("on_update");
            c.onDelete = row.character("on_delete");
            c.matchType = row.character("match_type");
        }
        each(std::move(c));
    });
}

QString CatalogIndex::statisticsText() const {
    QStringList parts;
    for (const auto& [column, target] : statistics)
        parts << QStringLiteral("%1 %2").arg(column).arg(target);
    return parts.join(QStringLiteral(", "));
}

BatchStatement catalogIndexesStatement(const QString& scope, const Params& params, ExpressionStyle style,
                                       PartDetail detail) {
    // An expression column's statistics target is the index's own setting, which pg_get_indexdef omits.
    static const QString sql = QStringLiteral(R"SQL(
with scope as (%1)
select i.indrelid::int8 as relid, ic.relname::text as name,
       nullif(quote_ident(ic.relname), ic.relname::text) as quoted_name,
       format('%I.%I', n.nspname, ic.relname) as qualified_name,
       format('%I.%I', tn.nspname, tc.relname) as table_qualified_name, quote_ident(tc.relname) as table_quoted_name,
       pg_get_indexdef(i.indexrelid, 0, %2) as definition, con.conname::text as constraint_name,
       i.indisunique as is_unique, i.indisprimary as is_primary, i.indisexclusion as is_exclusion,
       i.indisvalid as is_valid, i.indisready as is_ready, i.indisclustered as clustered,
       (select format('%I.%I', pn.nspname, pic.relname)
          from pg_inherits h
          join pg_class pic on pic.oid = h.inhparent
          join pg_namespace pn on pn.oid = pic.relnamespace
         where h.inhrelid = i.indexrelid) as parent_index,
       (select json_agg(json_build_array(ia.attnum, ia.attstattarget) order by ia.attnum)
          from pg_attribute ia where ia.attrelid = i.indexrelid and ia.attstattarget >= 0) as statistics,
       dsc.description as comment%3
  from pg_index i
  join pg_class ic on ic.oid = i.indexrelid
  join pg_namespace n on n.oid = ic.relnamespace
  join pg_class tc on tc.oid = i.indrelid
  join pg_namespace tn on tn.oid = tc.relnamespace
  left join pg_constraint con on con.conindid = i.indexrelid and con.conrelid = i.indrelid
                             and con.contype in ('p', 'u', 'x')
  left join pg_description dsc on dsc.objoid = i.indexrelid and dsc.classoid = 'pg_class'::regclass
                              and dsc.objsubid = 0%4
 where i.indrelid in (select oid from scope)%5
 order by i.indrelid, ic.relname
)SQL");
    const bool full = detail == PartDetail::Full;
    const QString pretty = prettyArgument(style);
    // A script and a compare make a constraint's index with the constraint: left out, and pg_get_indexdef
    // with them (2,000 primary keys a side were 5 % of a schema compare).
    return {sql.arg(scope, pretty,
                    full ? QStringLiteral(R"SQL(,
       am.amname::text as method,
       (select json_agg(pg_get_indexdef(i.indexrelid, k, %1) order by k)
          from generate_series(1, i.indnkeyatts) k) as keys,
       (select json_agg(pg_get_indexdef(i.indexrelid, k, %1) order by k)
          from generate_series(i.indnkeyatts + 1, i.indnatts) k) as included,
       pg_get_expr(i.indpred, i.indrelid, %1) as predicate,
       pg_relation_size(i.indexrelid) as size_bytes, s.idx_scan as scans)SQL")
                               .arg(pretty)
                         : QString(),
                    full ? QStringLiteral(R"SQL(
  join pg_am am on am.oid = ic.relam
  left join pg_stat_user_indexes s on s.indexrelid = i.indexrelid)SQL")
                         : QString(),
                    full ? QString() : QStringLiteral("\n   and con.oid is null")),
            params};
}

void forEachCatalogIndex(const Result& result, const std::function<void(CatalogIndex&&)>& each) {
    forEachRow(result, [&](const ResultRow& row) {
        CatalogIndex x;
        x.relation = row.int64("relid");
        x.name = row.text("name");
        x.quotedName = row.isNull("quoted_name") ? x.name : row.text("quoted_name");
        x.qualifiedName = row.text("qualified_name");
        x.tableQualifiedName = row.text("table_qualified_name");
        x.tableQuotedName = row.text("table_quoted_name");
        x.definition = row.text("definition");
        x.constraintName = row.text("constraint_name");
        x.unique = row.flag("is_unique");
        x.primary = row.flag("is_primary");
        x.exclusion = row.flag("is_exclusion");
        x.valid = row.flag("is_valid");
        x.ready = row.flag("is_ready");
        x.clustered = row.flag("clustered");
        x.parentIndex = row.text("parent_index");
        if (!row.isNull("statistics"))
            for (const auto& v : row.array("statistics")) {
                const QJsonArray a = v.toArray();
                x.statistics.append({a[0].toInt(), a[1].toInt()});
            }
        x.comment = row.text("comment");
        if (row.hasColumn("method")) {
            x.method = row.text("method");
            x.keys = row.list("keys");
            x.included = row.list("included");
            x.predicate = row.text("predicate");
            x.sizeBytes = row.int64("size_bytes");
            x.scans = row.optionalInt64("scans");
        }
        each(std::move(x));
    });
}

} // namespace pgdesk::core
