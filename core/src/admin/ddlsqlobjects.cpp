// SPDX-License-Identifier: GPL-3.0-or-later
// The catalog statements for what a CREATE script holds beside relations, types and functions: aggregates,
// operators and their classes and families, casts, default privileges, event triggers, publications, and
// the dependencies that order them all.
#include "admin/ddlsql.h"

#include <pgdesk/core/admin/aggregatesql.h>

namespace pgdesk::core::ddlsql {

namespace {

// An operator's name as OPERATOR() takes it, schema-qualified: pg_catalog.= or s.<<<.
QString operatorName(const char* oid) {
    return QStringLiteral("(select format('%I.%s', xn.nspname, xo.oprname) from pg_operator xo "
                          "join pg_namespace xn on xn.oid = xo.oprnamespace where xo.oid = %1)")
        .arg(QLatin1String(oid));
}

// Where a catalog row lands among the script's objects: a column default, a rule, a constraint count as
// their table (or domain); a table's row type and an array type as the table or the element type; a
// composite type's pg_class row as the type. Anything else stays itself.
QString scriptObject(const char* classid, const char* objid) {
    return QStringLiteral(R"SQL(
case %1
  when 'pg_attrdef'::regclass then (select 'pg_class:' || ad.adrelid from pg_attrdef ad where ad.oid = %2)
  when 'pg_rewrite'::regclass then (select 'pg_class:' || rw.ev_class from pg_rewrite rw where rw.oid = %2)
  when 'pg_constraint'::regclass then
      (select case when k.conrelid <> 0 then 'pg_class:' || k.conrelid else 'pg_type:' || k.contypid end
         from pg_constraint k where k.oid = %2)
  when 'pg_type'::regclass then
      (select case when rc.relkind is not null and rc.relkind <> 'c' then 'pg_class:' || rc.oid
                   else 'pg_type:' || bt.oid end
         from pg_type t0
         join pg_type bt on bt.oid = case when t0.typelem <> 0 and t0.typlen = -1 then t0.typelem else t0.oid end
         left join pg_class rc on rc.oid = bt.typrelid
        where t0.oid = %2)
  when 'pg_class'::regclass then
      (select case when c0.relkind = 'c' then 'pg_type:' || c0.reltype else 'pg_class:' || c0.oid end
         from pg_class c0 where c0.oid = %2)
  else %1::regclass::text || ':' || %2
end)SQL")
        .arg(QLatin1String(classid), QLatin1String(objid));
}

} // namespace

QString aggregatesSql() {
    // Every option CREATE AGGREGATE takes, written when it is not the default. A function's name (regproc)
    // is qualified outside pg_catalog; CREATE AGGREGATE finds the overload by the state type.
    return QStringLiteral(R"SQL(
select p.oid::int8 as oid,
       format('%I.%I(%s)', n.nspname, p.proname,
              case when p.pronargs = 0 then '*' else pg_get_function_identity_arguments(p.oid) end) as signature,
       format('%I.%I(%s)', n.nspname, p.proname,
              case when p.pronargs = 0 then '*' else pg_get_function_arguments(p.oid) end) as head,
       %4 as options,
       quote_ident(pg_get_userbyid(p.proowner)) as owner, %1, %2
  from pg_proc p
  join pg_aggregate a on a.aggfnoid = p.oid
  join pg_namespace n on n.oid = p.pronamespace
 where n.nspname::text = any ($1::text[]) and %3
 order by p.oid
)SQL")
        .arg(commentOf("p.oid", "pg_proc"), aclJson("p.proacl"), notInExtension("pg_proc", "p.oid"),
             aggregateOptionsSql());
}

QString operatorsSql() {
    return QStringLiteral(R"SQL(
select o.oid::int8 as oid,
       format('%I.%s (%s, %s)', n.nspname, o.oprname, coalesce(format_type(nullif(o.oprleft, 0), null), 'NONE'),
              coalesce(format_type(nullif(o.oprright, 0), null), 'NONE')) as signature,
       format('CREATE OPERATOR %I.%s (%s)', n.nspname, o.oprname, concat_ws(', ',
           'FUNCTION = ' || o.oprcode::regproc::text,
           case when o.oprleft <> 0 then 'LEFTARG = ' || format_type(o.oprleft, null) end,
           case when o.oprright <> 0 then 'RIGHTARG = ' || format_type(o.oprright, null) end,
           case when o.oprcom <> 0 then 'COMMUTATOR = OPERATOR(' || %3 || ')' end,
           case when o.oprnegate <> 0 then 'NEGATOR = OPERATOR(' || %4 || ')' end,
           case when o.oprrest <> 0 then 'RESTRICT = ' || o.oprrest::regproc::text end,
           case when o.oprjoin <> 0 then 'JOIN = ' || o.oprjoin::regproc::text end,
           case when o.oprcanhash then 'HASHES' end,
           case when o.oprcanmerge then 'MERGES' end)) as definition,
       quote_ident(pg_get_userbyid(o.oprowner)) as owner, %1
  from pg_operator o
  join pg_namespace n on n.oid = o.oprnamespace
 where n.nspname::text = any ($1::text[]) and %2
 order by o.oid
)SQL")
        .arg(commentOf("o.oid", "pg_operator"), notInExtension("pg_operator", "o.oid"),
             operatorName("o.oprcom"), operatorName("o.oprnegate"));
}

QString operatorFamiliesSql() {
    // The family's own members (ALTER OPERATOR FAMILY … ADD), those of its classes come with the classes:
    // pg_dump tells them apart by whom pg_depend ties each member to.
    return QStringLiteral(R"SQL(
select f.oid::int8 as oid, format('%I.%I USING %I', n.nspname, f.opfname, am.amname) as signature,
       (select string_agg(m.item, E',\n    ' order by m.kind, m.number)
          from (select 0 as kind, ao.amopstrategy as number,
                       format('OPERATOR %s %s%s', ao.amopstrategy, ao.amopopr::regoperator,
                              (select format(' FOR ORDER BY %I.%I', sn.nspname, sf.opfname) from pg_opfamily sf
                                 join pg_namespace sn on sn.oid = sf.opfnamespace where sf.oid = ao.amopsortfamily)) as item
                  from pg_amop ao
                  join pg_depend d on d.classid = 'pg_amop'::regclass and d.objid = ao.oid
                 where d.refclassid = 'pg_opfamily'::regclass and d.refobjid = f.oid and ao.amopfamily = f.oid
                union all
                select 1, ap.amprocnum,
                       format('FUNCTION %s (%s, %s) %s', ap.amprocnum, format_type(ap.amproclefttype, null),
                              format_type(ap.amprocrighttype, null), ap.amproc::regprocedure)
                  from pg_amproc ap
                  join pg_depend d on d.classid = 'pg_amproc'::regclass and d.objid = ap.oid
                 where d.refclassid = 'pg_opfamily'::regclass and d.refobjid = f.oid and ap.amprocfamily = f.oid) m)
           as members,
       quote_ident(pg_get_userbyid(f.opfowner)) as owner, %1
  from pg_opfamily f
  join pg_namespace n on n.oid = f.opfnamespace
  join pg_am am on am.oid = f.opfmethod
 where n.nspname::text = any ($1::text[]) and %2
 order by f.oid
)SQL")
        .arg(commentOf("f.oid", "pg_opfamily"), notInExtension("pg_opfamily", "f.oid"));
}

QString operatorClassesSql() {
    return QStringLiteral(R"SQL(
select c.oid::int8 as oid, format('%I.%I USING %I', n.nspname, c.opcname, am.amname) as signature,
       format('CREATE OPERATOR CLASS %I.%I%s FOR TYPE %s USING %I FAMILY %I.%I AS%s', n.nspname, c.opcname,
              case when c.opcdefault then ' DEFAULT' else '' end, format_type(c.opcintype, null), am.amname,
              fn.nspname, f.opfname,
              E'\n    ' || concat_ws(E',\n    ',
                  (select string_agg(format('OPERATOR %s %s%s', ao.amopstrategy, ao.amopopr::regoperator,
                                            (select format(' FOR ORDER BY %I.%I', sn.nspname, sf.opfname)
                                               from pg_opfamily sf join pg_namespace sn on sn.oid = sf.opfnamespace
                                              where sf.oid = ao.amopsortfamily)), E',\n    ' order by ao.amopstrategy)
                     from pg_amop ao
                     join pg_depend d on d.classid = 'pg_amop'::regclass and d.objid = ao.oid
                    where d.refclassid = 'pg_opclass'::regclass and d.refobjid = c.oid and ao.amopfamily = c.opcfamily),
                  (select string_agg(format('FUNCTION %s (%s, %s) %s', ap.amprocnum, format_type(ap.amproclefttype, null),
                                            format_type(ap.amprocrighttype, null), ap.amproc::regprocedure),
                                     E',\n    ' order by ap.amprocnum)
                     from pg_amproc ap
                     join pg_depend d on d.classid = 'pg_amproc'::regclass and d.objid = ap.oid
                    where d.refclassid = 'pg_opclass'::regclass and d.refobjid = c.oid and ap.amprocfamily = c.opcfamily),
                  case when c.opckeytype <> 0 then 'STORAGE ' || format_type(c.opckeytype, null) end)) as definition,
       quote_ident(pg_get_userbyid(c.opcowner)) as owner, %1
  from pg_opclass c
  join pg_namespace n on n.oid = c.opcnamespace
  join pg_am am on am.oid = c.opcmethod
  join pg_opfamily f on f.oid = c.opcfamily
  join pg_namespace fn on fn.oid = f.opfnamespace
 where n.nspname::text = any ($1::text[]) and %2
 order by c.oid
)SQL")
        .arg(commentOf("c.oid", "pg_opclass"), notInExtension("pg_opclass", "c.oid"));
}

QString castsSql() {
    // A cast belongs to the schemas when its source, target or function does.
    return QStringLiteral(R"SQL(
select c.oid::int8 as oid,
       format('(%s AS %s)', format_type(c.castsource, null), format_type(c.casttarget, null)) as signature,
       format('CREATE CAST (%s AS %s) %s%s', format_type(c.castsource, null), format_type(c.casttarget, null),
              case c.castmethod when 'f' then 'WITH FUNCTION ' || c.castfunc::regprocedure::text
                                when 'i' then 'WITH INOUT' else 'WITHOUT FUNCTION' end,
              case c.castcontext when 'a' then ' AS ASSIGNMENT' when 'i' then ' AS IMPLICIT' else '' end) as definition,
       %1
  from pg_cast c
 where c.oid >= 16384 and %2
   and exists (select 1 from pg_namespace n
                where n.nspname::text = any ($1::text[])
                  and n.oid in (select t.typnamespace from pg_type t where t.oid in (c.castsource, c.casttarget)
                                union all
                                select p.pronamespace from pg_proc p where p.oid = c.castfunc))
 order by c.oid
)SQL")
        .arg(commentOf("c.oid", "pg_cast"), notInExtension("pg_cast", "c.oid"));
}

QString collationsSql() {
    return QStringLiteral(R"SQL(
select format('%I.%I', n.nspname, c.collname) as qname, quote_ident(pg_get_userbyid(c.collowner)) as owner,
       %3 as definition, %1
  from pg_collation c
  join pg_namespace n on n.oid = c.collnamespace
  cross join lateral to_jsonb(c) j
 where n.nspname::text = any ($1::text[]) and %2
 order by n.nspname, c.collname
)SQL")
        .arg(commentOf("c.oid", "pg_collation"), notInExtension("pg_collation", "c.oid"),
             collationOptionsSql());
}

QString defaultPrivilegesSql() {
    // A schema's default privileges add to the global ones: their GRANTs are all there is to write.
    return QStringLiteral(R"SQL(
select quote_ident(pg_get_userbyid(d.defaclrole)) as role, quote_ident(n.nspname) as schema_name,
       case d.defaclobjtype when 'r' then 'TABLES' when 'S' then 'SEQUENCES' when 'f' then 'FUNCTIONS'
                            when 'T' then 'TYPES' else 'SCHEMAS' end as object_type, %1
  from pg_default_acl d
  join pg_namespace n on n.oid = d.defaclnamespace
 where n.nspname::text = any ($1::text[])
 order by d.oid
)SQL")
        .arg(aclJson("d.defaclacl"));
}

QString eventTriggersSql() {
    // Event triggers belong to the database; a schema's script holds those whose function it creates.
    return QStringLiteral(R"SQL(
select quote_ident(et.evtname) as name,
       format('CREATE EVENT TRIGGER %I ON %I%s EXECUTE FUNCTION %s()', et.evtname, et.evtevent,
              (select ' WHEN TAG IN (' || string_agg(quote_literal(t), ', ' order by o) || ')'
                 from unnest(et.evttags) with ordinality u(t, o)),
              et.evtfoid::regproc::text) as definition,
       et.evtenabled::text as enabled, quote_ident(pg_get_userbyid(et.evtowner)) as owner, %1
  from pg_event_trigger et
  join pg_proc p on p.oid = et.evtfoid
  join pg_namespace n on n.oid = p.pronamespace
 where n.nspname::text = any ($1::text[]) and %2
 order by et.evtname
)SQL")
        .arg(commentOf("et.oid", "pg_event_trigger"), notInExtension("pg_event_trigger", "et.oid"));
}

QString publicationsSql(int serverVersion) {
    // Publications naming a scripted table (or, from PostgreSQL 15, a scripted schema); FOR ALL TABLES ones
    // belong to the whole database. Each is created empty and given the scripted members.
    const bool v15 = serverVersion >= 150000;
    const QString members =
        QStringLiteral(R"SQL(
       (select json_agg(format('TABLE ONLY %I.%I%s', rn.nspname, rc.relname, %1) order by rc.oid)
          from pg_publication_rel pr
          join pg_class rc on rc.oid = pr.prrelid
          join pg_namespace rn on rn.oid = rc.relnamespace
         where pr.prpubid = p.oid and pr.prrelid = any ($2::int8[]::oid[])) as tables,
       %2 as schemas)SQL")
            .arg(v15 ? QStringLiteral("coalesce((select ' (' || string_agg(quote_ident(a.attname), ', ' "
                                      "order by k.o) || ')' "
                                      "from unnest(pr.prattrs) with ordinality k(n, o) join pg_attribute a "
                                      "on a.attrelid = "
                                      "pr.prrelid and a.attnum = k.n), '') || coalesce(' WHERE (' || "
                                      "pg_get_expr(pr.prqual, "
                                      "pr.prrelid) || ')', '')")
                     : QStringLiteral("''"),
                 v15 ? QStringLiteral(
                           "(select json_agg(format('TABLES IN SCHEMA %I', sn.nspname) order by sn.nspname) "
                           "from pg_publication_namespace pn join pg_namespace sn on sn.oid = pn.pnnspid "
                           "where pn.pnpubid = p.oid and sn.nspname::text = any ($1::text[]))")
                     : QStringLiteral("null::json"));
    return QStringLiteral(R"SQL(
select * from (
select quote_ident(p.pubname) as name,
       format('publish = %L%s', concat_ws(', ', case when p.pubinsert then 'insert' end, case when p.pubupdate then 'update' end,
                                          case when p.pubdelete then 'delete' end, case when p.pubtruncate then 'truncate' end),
              %1) as options,
       quote_ident(pg_get_userbyid(p.pubowner)) as owner, %2, %3
  from pg_publication p
 where not p.puballtables
) x where x.tables is not null or x.schemas is not null
 order by x.name
)SQL")
        .arg(serverVersion >= 130000
                 ? QStringLiteral(
                       "case when p.pubviaroot then ', publish_via_partition_root = true' else '' end")
                 : QStringLiteral("''"),
             commentOf("p.oid", "pg_publication"), members);
}

QString dependenciesSql() {
    // Only user objects (OIDs from 16384) depend on each other in a way a script must respect. Of the
    // automatic ('a') ones, those of pg_class order nothing (an index on its table's column: indexes come
    // after the tables; a sequence's OWNED BY is written after them too), nor do those of a column default or
    // a constraint (on their own table, or a domain's on its domain: an object on itself). Left out before
    // each row is mapped: they were most of the rows (2,000 tables: 10,200 rows, 60 → 8 ms).
    return QStringLiteral(R"SQL(
select x.dependent, x.referenced
  from (select %1 as dependent, %2 as referenced
          from pg_depend d
         where d.objid >= 16384 and d.refobjid >= 16384
           and (d.deptype = 'n'
                or (d.deptype = 'a' and d.classid not in ('pg_class'::regclass, 'pg_attrdef'::regclass,
                                                          'pg_constraint'::regclass)))) x
 where x.dependent is distinct from x.referenced
)SQL")
        .arg(scriptObject("d.classid", "d.objid"), scriptObject("d.refclassid", "d.refobjid"));
}

} // namespace pgdesk::core::ddlsql

namespace pgdesk::core {

QString collationOptionsSql() {
    return QStringLiteral(R"SQL(
       concat_ws(', ', 'provider = ' || case c.collprovider when 'i' then 'icu' when 'c' then 'libc' else 'builtin' end,
                 case when not c.collisdeterministic then 'deterministic = false' end,
                 case when c.collprovider = 'i'
                      then 'locale = ' || quote_literal(coalesce(j->>'colliculocale', j->>'colllocale', j->>'collcollate'))
                      when j->>'collcollate' = j->>'collctype' then 'locale = ' || quote_literal(j->>'collcollate')
                      else 'lc_collate = ' || quote_literal(j->>'collcollate') || ', lc_ctype = ' || quote_literal(j->>'collctype')
                 end))SQL");
}

QString aggregateOptionsSql() {
    return QStringLiteral(R"SQL(
concat_ws(E',\n    ',
           'SFUNC = ' || a.aggtransfn::regproc::text,
           'STYPE = ' || format_type(a.aggtranstype, null),
           case when a.aggtransspace <> 0 then 'SSPACE = ' || a.aggtransspace end,
           case when a.aggfinalfn <> 0 then 'FINALFUNC = ' || a.aggfinalfn::regproc::text end,
           case when a.aggfinalextra then 'FINALFUNC_EXTRA' end,
           case when a.aggfinalfn <> 0 then 'FINALFUNC_MODIFY = ' ||
               case a.aggfinalmodify when 'r' then 'READ_ONLY' when 's' then 'SHAREABLE' else 'READ_WRITE' end end,
           case when a.aggcombinefn <> 0 then 'COMBINEFUNC = ' || a.aggcombinefn::regproc::text end,
           case when a.aggserialfn <> 0 then 'SERIALFUNC = ' || a.aggserialfn::regproc::text end,
           case when a.aggdeserialfn <> 0 then 'DESERIALFUNC = ' || a.aggdeserialfn::regproc::text end,
           case when a.agginitval is not null then 'INITCOND = ' || quote_literal(a.agginitval) end,
           case when a.aggmtransfn <> 0 then 'MSFUNC = ' || a.aggmtransfn::regproc::text end,
           case when a.aggminvtransfn <> 0 then 'MINVFUNC = ' || a.aggminvtransfn::regproc::text end,
           case when a.aggmtranstype <> 0 then 'MSTYPE = ' || format_type(a.aggmtranstype, null) end,
           case when a.aggmtransspace <> 0 then 'MSSPACE = ' || a.aggmtransspace end,
           case when a.aggmfinalfn <> 0 then 'MFINALFUNC = ' || a.aggmfinalfn::regproc::text end,
           case when a.aggmfinalextra then 'MFINALFUNC_EXTRA' end,
           case when a.aggmfinalfn <> 0 then 'MFINALFUNC_MODIFY = ' ||
               case a.aggmfinalmodify when 'r' then 'READ_ONLY' when 's' then 'SHAREABLE' else 'READ_WRITE' end end,
           case when a.aggminitval is not null then 'MINITCOND = ' || quote_literal(a.aggminitval) end,
           case when a.aggsortop <> 0 then 'SORTOP = OPERATOR(' || %1 || ')' end,
           case p.proparallel when 's' then 'PARALLEL = SAFE' when 'r' then 'PARALLEL = RESTRICTED' end,
           case when a.aggkind = 'h' then 'HYPOTHETICAL' end)
)SQL")
        .arg(ddlsql::operatorName("a.aggsortop"));
}

} // namespace pgdesk::core
