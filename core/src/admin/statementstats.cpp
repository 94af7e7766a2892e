// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/admin/statementstats.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>

#include <QHash>

#include <algorithm>

namespace pgdesk::core {

namespace {

// The extension's schema is wherever CREATE EXTENSION put it: found by name, quoted here.
const char* const kWhereSql = R"SQL(
select /* pgdesk:statements */
       exists (select 1 from pg_extension where extname = 'pg_stat_statements') as installed,
       'pg_stat_statements' = any (string_to_array(replace(current_setting('shared_preload_libraries'), ' ', ''), ',')) as loaded,
       (select n.nspname::text from pg_extension e join pg_namespace n on n.oid = e.extnamespace
         where e.extname = 'pg_stat_statements') as schema
)SQL";

} // namespace

StatementStatsReader::StatementStatsReader(Connection& connection)
    : m_connection(connection) {
}

StatementsAvailability StatementStatsReader::availability() {
    const Result r = m_connection.exec(QString::fromUtf8(kWhereSql), Params{});
    StatementsAvailability a;
    a.installed = r.text(0, 0) == QLatin1String("t");
    a.loaded = r.text(0, 1) == QLatin1String("t");
    a.available = a.installed && a.loaded;
    m_schema = r.text(0, 2);
    QStringList steps;
    if (!a.loaded)
        steps << QStringLiteral("add pg_stat_statements to shared_preload_libraries in postgresql.conf and "
                                "restart the server");
    if (!a.installed)
        steps << QStringLiteral("run CREATE EXTENSION pg_stat_statements in this database");
    if (!steps.isEmpty())
        a.hint =
            QStringLiteral("pg_stat_statements is not available: ") + steps.join(QStringLiteral(", then "));
    return a;
}

StatementSnapshot StatementStatsReader::snapshot() {
    const StatementsAvailability a = availability();
    if (!a.available)
        throwError(ErrorKind::NotFound, a.hint);
    const QString schema = quoteIdentifier(m_schema);
    // total_exec_time and max_exec_time from PostgreSQL 13 (total_time, max_time before).
    const bool exec = m_connection.serverVersion() >= 130000;
    const QString sql =
        QStringLiteral("select /* pgdesk:statements */ s.queryid, coalesce(r.rolname, s.userid::text), "
                       "coalesce(d.datname, s.dbid::text), s.query, s.calls, s.%1, s.%2, s.rows, "
                       "s.shared_blks_hit, s.shared_blks_read, s.temp_blks_read, s.temp_blks_written "
                       "from %3.pg_stat_statements s "
                       "left join pg_roles r on r.oid = s.userid left join pg_database d on d.oid = s.dbid "
                       "where s.queryid is not null")
            .arg(exec ? QStringLiteral("total_exec_time") : QStringLiteral("total_time"),
                 exec ? QStringLiteral("max_exec_time") : QStringLiteral("max_time"), schema);
    StatementSnapshot out;
    const Result r = m_connection.exec(sql, Params{});
    out.takenAt = QDateTime::currentDateTimeUtc();
    out.statements.reserve(r.rowCount());
    for (int row = 0; row < r.rowCount(); ++row) {
        StatementStat s;
        s.queryId = r.text(row, 0).toLongLong();
        s.role = r.text(row, 1);
        s.database = r.text(row, 2);
        s.query = r.text(row, 3);
        s.calls = r.text(row, 4).toLongLong();
        s.totalMs = r.text(row, 5).toDouble();
        s.maxMs = r.text(row, 6).toDouble();
        s.rows = r.text(row, 7).toLongLong();
        s.sharedHit = r.text(row, 8).toLongLong();
        s.sharedRead = r.text(row, 9).toLongLong();
        s.tempRead = r.text(row, 10).toLongLong();
        s.tempWritten = r.text(row, 11).toLongLong();
        out.statements << s;
    }
    return out;
}

QList<StatementStat> statementsBetween(const StatementSnapshot& before, const StatementSnapshot& after,
                                       int top) {
    QHash<QString, const StatementStat*> earlier;
    for (const StatementStat& s : before.statements)
        earlier.insert(s.key(), &s);
    QList<StatementStat> out;
    for (const StatementStat& s : after.statements) {
        if (s.query.contains(QLatin1String(kStatementsMarker)))
            continue;
        StatementStat d = s;
        const StatementStat* was = earlier.value(s.key());
        if (was && was->calls <= s.calls) {
            d.calls = s.calls - was->calls;
            d.totalMs = std::max(0.0, s.totalMs - was->totalMs);
            d.rows = s.rows - was->rows;
            d.sharedHit = s.sharedHit - was->sharedHit;
            d.sharedRead = s.sharedRead - was->sharedRead;
            d.tempRead = s.tempRead - was->tempRead;
            d.tempWritten = s.tempWritten - was->tempWritten;
            // The lifetime maximum grew: the slowest call of the window is it. Else only "no slower than".
            if (!(s.maxMs && was->maxMs && *s.maxMs > *was->maxMs))
                d.maxMs.reset();
        }
        if (d.calls > 0)
            out << d;
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const StatementStat& a, const StatementStat& b) { return a.totalMs > b.totalMs; });
    if (top > 0 && out.size() > top)
        out.resize(top);
    return out;
}

} // namespace pgdesk::core
