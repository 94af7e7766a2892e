// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/admin/dashboard.h>

#include <pgdesk/core/base/param.h>
#include <pgdesk/core/session/connection.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace pgdesk::core {

namespace {

const char* const kSampleSql = R"sql(
SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint,
       (SELECT json_object_agg(s, n) FROM (
            SELECT COALESCE(state, 'unknown') AS s, count(*) AS n FROM pg_stat_activity
             WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
               AND application_name IS DISTINCT FROM $1
             GROUP BY 1) states),
       (SELECT count(*) FROM pg_locks WHERE NOT granted),
       d.xact_commit, d.xact_rollback, d.tup_returned, d.tup_fetched, d.tup_inserted, d.tup_updated,
       d.tup_deleted, d.blks_read, d.blks_hit, d.temp_bytes, d.deadlocks,
       %1,
       %2,
       (SELECT COALESCE(max(extract(epoch FROM clock_timestamp() - xact_start)), 0) FROM pg_stat_activity
         WHERE xact_start IS NOT NULL AND pid <> pg_backend_pid() AND application_name IS DISTINCT FROM $1),
       (SELECT json_agg(json_build_object(
                   'name', application_name, 'address', client_addr::text,
                   'lag_s', extract(epoch FROM replay_lag),
                   'lag_bytes', CASE WHEN pg_is_in_recovery() THEN NULL
                                     ELSE pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) END))
          FROM pg_stat_replication),
       (SELECT json_agg(x) FROM (
            SELECT pid, usename AS "user", datname AS database, state, wait_event_type AS wait,
                   extract(epoch FROM clock_timestamp() - COALESCE(xact_start, query_start)) AS seconds,
                   left(query, 200) AS query
              FROM pg_stat_activity
             WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
               AND application_name IS DISTINCT FROM $1 AND state IS DISTINCT FROM 'idle'
             ORDER BY COALESCE(xact_start, query_start) NULLS LAST LIMIT 20) x),
       pg_backend_pid()
  FROM pg_stat_database d
 WHERE d.datname = current_database()
)sql";

double perSecond(qint64 before, qint64 after, double seconds) {
    return seconds > 0 && after >= before ? double(after - before) / seconds : 0;
}

} // namespace

QString dashboardSampleSql(int serverVersion) {
    // Checkpoints moved to pg_stat_checkpointer in PostgreSQL 17; pg_stat_wal came in 14.
    const QString checkpoints = serverVersion >= 170000
                                    ? QStringLiteral("(SELECT num_timed FROM pg_stat_checkpointer), "
                                                     "(SELECT num_requested FROM pg_stat_checkpointer)")
                                    : QStringLiteral("(SELECT checkpoints_timed FROM pg_stat_bgwriter), "
                                                     "(SELECT checkpoints_req FROM pg_stat_bgwriter)");
    const QString wal = serverVersion >= 140000 ? QStringLiteral("(SELECT wal_bytes FROM pg_stat_wal)")
                                                : QStringLiteral("NULL");
    return QString::fromLatin1(kSampleSql).arg(checkpoints, wal);
}

DashboardSample readDashboardSample(Connection& connection) {
    const Result r =
        connection.exec(dashboardSampleSql(connection.serverVersion()), {param(kDashboardApplicationName)});
    DashboardSample s;
    if (r.rowCount() == 0)
        return s;
    const auto number = [&](int c) { return r.isNull(0, c) ? 0 : r.text(0, c).toLongLong(); };
    s.serverMs = number(0);
    const QJsonObject states = QJsonDocument::fromJson(r.bytes(0, 1)).object();
    for (auto it = states.begin(); it != states.end(); ++it) {
        const int n = it.value().toInt();
        if (it.key() == QLatin1String("active"))
            s.active += n;
        else if (it.key() == QLatin1String("idle"))
            s.idle += n;
        else if (it.key() == QLatin1String("idle in transaction"))
            s.idleInTransaction += n;
        else
            s.otherState += n;
    }
    s.waitingLocks = int(number(2));
    s.commits = number(3);
    s.rollbacks = number(4);
    s.tuplesReturned = number(5);
    s.tuplesFetched = number(6);
    s.tuplesInserted = number(7);
    s.tuplesUpdated = number(8);
    s.tuplesDeleted = number(9);
    s.blocksRead = number(10);
    s.blocksHit = number(11);
    s.tempBytes = number(12);
    s.deadlocks = number(13);
    s.checkpointsTimed = number(14);
    s.checkpointsRequested = number(15);
    if (!r.isNull(0, 16))
        s.walBytes = number(16);
    s.longestTransactionSeconds = r.text(0, 17).toDouble();
    for (const QJsonValue& v : QJsonDocument::fromJson(r.bytes(0, 18)).array()) {
        const QJsonObject o = v.toObject();
        DashboardReplica replica;
        replica.name = o.value(QStringLiteral("name")).toString();
        replica.address = o.value(QStringLiteral("address")).toString();
        if (o.value(QStringLiteral("lag_s")).isDouble())
            replica.replayLagSeconds = o.value(QStringLiteral("lag_s")).toDouble();
        if (o.value(QStringLiteral("lag_bytes")).isDouble())
            replica.lagBytes = qint64(o.value(QStringLiteral("lag_bytes")).toDouble());
        s.replicas << replica;
    }
    for (const QJsonValue& v : QJsonDocument::fromJson(r.bytes(0, 19)).array()) {
        const QJsonObject o = v.toObject();
        s.sessions << DashboardSession{
            o.value(QStringLiteral("pid")).toInt(),         o.value(QStringLiteral("user")).toString(),
            o.value(QStringLiteral("database")).toString(), o.value(QStringLiteral("state")).toString(),
            o.value(QStringLiteral("wait")).toString(),     o.value(QStringLiteral("seconds")).toDouble(),
            o.value(QStringLiteral("query")).toString()};
    }
    s.backendPid = int(number(20));
    return s;
}

DashboardRates dashboardRates(const DashboardSample& a, const DashboardSample& b) {
    DashboardRates r;
    r.seconds = std::max<double>(0, (b.serverMs - a.serverMs) / 1000.0);
    const double t = r.seconds;
    r.commits = perSecond(a.commits, b.commits, t);
    r.rollbacks = perSecond(a.rollbacks, b.rollbacks, t);
    r.tuplesIn = perSecond(a.tuplesInserted + a.tuplesUpdated + a.tuplesDeleted,
                           b.tuplesInserted + b.tuplesUpdated + b.tuplesDeleted, t);
    r.tuplesOut = perSecond(a.tuplesReturned + a.tuplesFetched, b.tuplesReturned + b.tuplesFetched, t);
    r.blocksRead = perSecond(a.blocksRead, b.blocksRead, t);
    r.blocksHit = perSecond(a.blocksHit, b.blocksHit, t);
    const qint64 hit = b.blocksHit >= a.blocksHit ? b.blocksHit - a.blocksHit : 0;
    const qint64 read = b.blocksRead >= a.blocksRead ? b.blocksRead - a.blocksRead : 0;
    if (hit + read > 0)
        r.cacheHitRatio = double(hit) / double(hit + read);
    r.tempBytes = perSecond(a.tempBytes, b.tempBytes, t);
    r.deadlocks = perSecond(a.deadlocks, b.deadlocks, t);
    r.checkpointsPerMinute = 60 * perSecond(a.checkpointsTimed + a.checkpointsRequested,
                                            b.checkpointsTimed + b.checkpointsRequested, t);
    if (a.walBytes && b.walBytes)
        r.walBytes = perSecond(*a.walBytes, *b.walBytes, t);
    return r;
}

QList<ReplicaLagSeries> replicaLagSeries(const QList<DashboardSample>& samples, int from) {
    const auto nameOf = [](const DashboardReplica& r) {
        if (!r.name.isEmpty() && !r.address.isEmpty())
            return QStringLiteral("%1 (%2)").arg(r.name, r.address);
        return !r.name.isEmpty() ? r.name : !r.address.isEmpty() ? r.address : QStringLiteral("standby");
    };
    QList<ReplicaLagSeries> out;
    from = std::max(0, from);
    const int count = std::max(0, int(samples.size()) - from);
    for (int i = from; i < samples.size(); ++i) {
        for (const DashboardReplica& r : samples[i].replicas) {
            const QString name = nameOf(r);
            auto it = std::find_if(out.begin(), out.end(),
                                   [&](const ReplicaLagSeries& s) { return s.name == name; });
            if (it == out.end()) {
                out.append({name, QList<std::optional<double>>(count)});
                it = out.end() - 1;
            }
            it->seconds[i - from] = r.replayLagSeconds;
        }
    }
    return out;
}

void DashboardHistory::add(DashboardSample sample) {
    m_samples << std::move(sample);
    if (m_samples.size() > m_capacity)
        m_samples.remove(0, m_samples.size() - m_capacity);
}

DashboardRates DashboardHistory::ratesAt(int i) const {
    if (i < 1 || i >= m_samples.size())
        return {};
    return dashboardRates(m_samples[i - 1], m_samples[i]);
}

int DashboardHistory::indexNear(qint64 serverMs) const {
    int best = -1;
    qint64 distance = 0;
    for (int i = 0; i < m_samples.size(); ++i) {
        const qint64 d = std::llabs(m_samples[i].serverMs - serverMs);
        if (best < 0 || d < distance) {
            best = i;
            distance = d;
        }
    }
    return best;
}

} // namespace pgdesk::core
