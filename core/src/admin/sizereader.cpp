// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/admin/sizereader.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>

#include <algorithm>

namespace pgdesk::core {

namespace {

// Every size is measured, as pg_total_relation_size is: the listing in the tree estimates from relpages,
// this list is asked for on purpose and must be exact. A relation dropped while we read measures NULL,
// hence the coalesce. LIMIT NULL (limit 0) is no limit.
const char* const kLargestSql = R"SQL(
select n.nspname::text as schema, c.relname::text as name, c.relkind::text as kind,
       s.table_bytes, s.toast_bytes, s.indexes_bytes, s.total_bytes, s.estimated_rows
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
 cross join lateral (
     select coalesce(sum(pg_table_size(p.oid)
                         - coalesce(pg_total_relation_size(nullif(p.reltoastrelid, 0)), 0)), 0)::int8 as table_bytes,
            coalesce(sum(pg_total_relation_size(nullif(p.reltoastrelid, 0))), 0)::int8 as toast_bytes,
            coalesce(sum(pg_indexes_size(p.oid)), 0)::int8 as indexes_bytes,
            coalesce(sum(pg_total_relation_size(p.oid)), 0)::int8 as total_bytes,
            case when bool_and(p.reltuples >= 0) then sum(p.reltuples) else -1 end::float8 as estimated_rows
       from pg_class p
      where p.oid = any (case when c.relkind = 'p' then array(select pt.relid from pg_partition_tree(c.oid) pt
                                                               where pt.isleaf)
                              else array[c.oid] end)
 ) s
 where c.relkind in ('r', 'p', 'm')
   and case when $1 = '' then n.nspname <> 'information_schema' and n.nspname !~ '^pg_'
            else n.nspname = $1 end
 order by s.total_bytes desc, n.nspname, c.relname
 limit nullif($2::int, 0)
)SQL";

} // namespace

SizeReader::SizeReader(Connection& connection)
    : m_connection(connection) {
}

QList<RelationSize> SizeReader::largestRelations(const QString& schema, int limit) {
    const int profileMs = m_connection.profile().lockTimeoutMs;
    const int timeoutMs = profileMs > 0 ? std::min(profileMs, CatalogReader::kCatalogLockTimeoutMs)
                                        : CatalogReader::kCatalogLockTimeoutMs;
    const Result r = m_connection.exec(QString::fromUtf8(kLargestSql),
                                       {param(schema), param(static_cast<long long>(std::max(limit, 0)))},
                                       {{QStringLiteral("lock_timeout"), QString::number(timeoutMs)},
                                        {QStringLiteral("jit"), QStringLiteral("off")}});
    QList<RelationSize> out;
    out.reserve(r.rowCount());
    for (int row = 0; row < r.rowCount(); ++row) {
        RelationSize s;
        s.schema = r.text(row, 0);
        s.name = r.text(row, 1);
        s.kind = relationKindFromRelkind(r.text(row, 2));
        s.tableBytes = r.text(row, 3).toLongLong();
        s.toastBytes = r.text(row, 4).toLongLong();
        s.indexesBytes = r.text(row, 5).toLongLong();
        s.totalBytes = r.text(row, 6).toLongLong();
        s.estimatedRows = r.text(row, 7).toDouble();
        out << s;
    }
    if (out.isEmpty() && !schema.isEmpty()) {
        const Result exists = m_connection.exec(
            QStringLiteral("select 1 from pg_namespace where nspname = $1"), {param(schema)});
        if (exists.rowCount() == 0)
            throwError(ErrorKind::NotFound, QStringLiteral("schema \"%1\" does not exist").arg(schema));
    }
    return out;
}

} // namespace pgdesk::core
