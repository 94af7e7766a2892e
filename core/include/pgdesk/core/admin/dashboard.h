// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The server dashboard's samples: one statement per tick reads the session counts, the database's
// cumulative counters, locks, replication, checkpoints, WAL and the longest transaction; rates are computed
// between two samples over the server's own elapsed time, never assumed from the tick's interval.

#include <QList>
#include <QString>

#include <optional>

namespace pgdesk::core {

class Connection;

// The application_name the dashboard's connection carries: its own sessions and statements are left out of
// what it shows.
inline constexpr const char* kDashboardApplicationName = "PgDesk dashboard";

struct DashboardReplica {
    QString name;    // application_name of the standby's walreceiver
    QString address; // client_addr, empty over a socket
    std::optional<double> replayLagSeconds;
    std::optional<qint64> lagBytes; // WAL not yet replayed (on a primary)
};

// A session that was not idle when the sample was read (the longest first, at most 20): what a click on a
// chart's point shows of that moment.
struct DashboardSession {
    int pid = 0;
    QString user;
    QString database;
    QString state;
    QString wait;       // wait_event_type, empty when not waiting
    double seconds = 0; // in its transaction (or statement when none)
    QString query;      // the first 200 characters
};

struct DashboardSample {
    qint64 serverMs = 0; // the server's clock when it was read (epoch ms): rates use the difference
    int backendPid = 0;  // the dashboard's own backend, which read it
    // Client sessions by state (the dashboard's own left out).
    int active = 0;
    int idle = 0;
    int idleInTransaction = 0;
    int otherState = 0;   // fastpath, disabled, idle in transaction (aborted), unknown
    int waitingLocks = 0; // lock requests not granted
    // The current database's cumulative counters (pg_stat_database).
    qint64 commits = 0;
    qint64 rollbacks = 0;
    qint64 tuplesReturned = 0;
    qint64 tuplesFetched = 0;
    qint64 tuplesInserted = 0;
    qint64 tuplesUpdated = 0;
    qint64 tuplesDeleted = 0;
    qint64 blocksRead = 0;
    qint64 blocksHit = 0;
    qint64 tempBytes = 0;
    qint64 deadlocks = 0;
    // Server-wide.
    qint64 checkpointsTimed = 0;
    qint64 checkpointsRequested = 0;
    std::optional<qint64> walBytes; // pg_stat_wal (PostgreSQL 14 and later)
    double longestTransactionSeconds = 0;
    QList<DashboardReplica> replicas;
    QList<DashboardSession> sessions;
};

// Per second between two samples (checkpoints per minute), over the server's elapsed time between them.
// Counters that went down (statistics reset) count as zero.
struct DashboardRates {
    double seconds = 0; // the elapsed time they are over
    double commits = 0;
    double rollbacks = 0;
    double tuplesIn = 0;  // inserted + updated + deleted
    double tuplesOut = 0; // returned + fetched
    double blocksRead = 0;
    double blocksHit = 0;
    std::optional<double> cacheHitRatio; // hit / (hit + read) of the interval, none without block access
    double tempBytes = 0;
    double deadlocks = 0;
    double checkpointsPerMinute = 0;
    std::optional<double> walBytes;
};

// Pure.
DashboardRates dashboardRates(const DashboardSample& before, const DashboardSample& after);

// The one statement of a tick for a server of this version (server_version_num; $1: the dashboard's
// application_name, whose sessions are left out).
QString dashboardSampleSql(int serverVersion);
// Reads one sample on `connection`.
DashboardSample readDashboardSample(Connection& connection);

// Pure: one series per standby seen in samples [from, end) of `samples`, named "name (address)" (or the
// address, or "standby"), in order of first appearance; each value the standby's replay lag in seconds at
// that sample, none where it was not connected or reported no lag.
struct ReplicaLagSeries {
    QString name;
    QList<std::optional<double>> seconds; // one per sample from `from`
};
QList<ReplicaLagSeries> replicaLagSeries(const QList<DashboardSample>& samples, int from);

// The samples of a session's dashboard, oldest first, at most `capacity` (older ones dropped).
class DashboardHistory final {
public:
    explicit DashboardHistory(int capacity = 3600)
        : m_capacity(capacity) {}

    void add(DashboardSample sample);
    const QList<DashboardSample>& samples() const { return m_samples; }
    int size() const { return int(m_samples.size()); }
    // The rates between sample i - 1 and i (i ≥ 1).
    DashboardRates ratesAt(int i) const;
    // The sample read closest to this server time (-1 when there are none).
    int indexNear(qint64 serverMs) const;

private:
    int m_capacity;
    QList<DashboardSample> m_samples;
};

} // namespace pgdesk::core
