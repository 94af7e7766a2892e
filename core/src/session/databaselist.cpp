// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/session/databaselist.h>

#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>

namespace pgdesk::core {

namespace {

// pg_database_size needs CONNECT too (or pg_read_all_stats), which every listed database grants; it
// stats each of the database's files: 130 ms for one of 40,000 relations, so it can be left for later.
const char* const kDatabasesSql = R"SQL(
select d.datname::text, pg_get_userbyid(d.datdba)::text, pg_encoding_to_char(d.encoding)::text,
       coalesce(shobj_description(d.oid, 'pg_database'), ''),
       case when $2::bool then pg_database_size(d.oid) end, d.datistemplate
  from pg_database d
 where d.datallowconn
   and has_database_privilege(d.oid, 'CONNECT')
   and (not d.datistemplate or $1::bool)
 order by d.datname collate "C"
)SQL";

} // namespace

namespace {

Param boolParam(bool b) {
    return param(b ? QStringLiteral("true") : QStringLiteral("false"));
}

} // namespace

QList<DatabaseInfo> listDatabases(Connection& connection, bool includeTemplates, DatabaseSizes sizes) {
    const Result r = connection.exec(QString::fromUtf8(kDatabasesSql),
                                     {boolParam(includeTemplates), boolParam(sizes == DatabaseSizes::Read)});
    QList<DatabaseInfo> out;
    out.reserve(r.rowCount());
    for (int row = 0; row < r.rowCount(); ++row) {
        DatabaseInfo d;
        d.name = r.text(row, 0);
        d.owner = r.text(row, 1);
        d.encoding = r.text(row, 2);
        d.comment = r.text(row, 3);
        d.sizeBytes = r.isNull(row, 4) ? -1 : r.text(row, 4).toLongLong();
        d.isTemplate = r.text(row, 5) == QLatin1String("t");
        out << d;
    }
    return out;
}

QHash<QString, qint64> databaseSizes(Connection& connection, bool includeTemplates) {
    QHash<QString, qint64> sizes;
    for (const DatabaseInfo& d : listDatabases(connection, includeTemplates, DatabaseSizes::Read))
        sizes.insert(d.name, d.sizeBytes);
    return sizes;
}

} // namespace pgdesk::core
