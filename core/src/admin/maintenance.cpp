// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/admin/maintenance.h>

#include <pgdesk/core/session/rowstream.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/joinedthread.h>
#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/writeguard.h>

#include <QElapsedTimer>
#include <QScopeGuard>

#include <condition_variable>
#include <exception>
#include <mutex>

namespace pgdesk::core {

namespace {

bool isKind(const MaintenanceTarget& target, std::initializer_list<const char*> kinds) {
    for (const char* k : kinds)
        if (target.kind == QLatin1String(k))
            return true;
    return false;
}

bool takes(const MaintenanceTarget& target, MaintenanceOperation operation) {
    switch (operation) {
    case MaintenanceOperation::Vacuum:
        return isKind(target, {"r", "p", "m", "t"});
    case MaintenanceOperation::Analyze:
        return isKind(target, {"r", "p", "m", "f"});
    case MaintenanceOperation::Reindex:
        // Partitioned tables and indexes are reindexed partition by partition since PostgreSQL 14.
        if (target.isPartitioned())
            return target.serverVersion >= 140000;
        return isKind(target, {"r", "m", "t", "i"});
    case MaintenanceOperation::Refresh:
        return target.kind == QLatin1String("m");
    }
    return false;
}

QString qualified(const MaintenanceTarget& target) {
    return quoteIdentifier(target.schema) + QLatin1Char('.') + quoteIdentifier(target.name);
}

} // namespace

QString maintenanceOperationName(MaintenanceOperation operation) {
    switch (operation) {
    case MaintenanceOperation::Vacuum:
        return QStringLiteral("vacuum");
    case MaintenanceOperation::Analyze:
        return QStringLiteral("analyze");
    case MaintenanceOperation::Reindex:
        return QStringLiteral("reindex");
    case MaintenanceOperation::Refresh:
        return QStringLiteral("refresh");
    }
    return {};
}

QString MaintenanceTarget::kindName() const {
    static const QList<std::pair<const char*, const char*>> names{
        {"r", "table"},         {"p", "partitioned table"}, {"m", "materialized view"},
        {"i", "index"},         {"I", "partitioned index"}, {"v", "view"},
        {"f", "foreign table"}, {"S", "sequence"},          {"t", "TOAST table"},
        {"c", "composite type"}};
    for (const auto& [k, n] : names)
        if (kind == QLatin1String(k))
            return QString::fromLatin1(n);
    return QStringLiteral("relation");
}

QList<MaintenanceOperation> maintenanceOperationsFor(const MaintenanceTarget& target) {
    QList<MaintenanceOperation> operations;
    for (auto op : {MaintenanceOperation::Vacuum, MaintenanceOperation::Analyze,
                    MaintenanceOperation::Reindex, MaintenanceOperation::Refresh})
        if (takes(target, op))
            operations << op;
    return operations;
}

QString concurrentlyRefusal(const MaintenanceTarget& target, MaintenanceOperation operation) {
    switch (operation) {
    case MaintenanceOperation::Vacuum:
    case MaintenanceOperation::Analyze:
        return QStringLiteral("%1 has no CONCURRENTLY option")
            .arg(maintenanceOperationName(operation).toUpper());
    case MaintenanceOperation::Reindex:
        if (target.systemCatalog)
            return QStringLiteral("system catalogs cannot be reindexed concurrently");
        if (target.isPartitioned() && target.serverVersion < 140000)
            return QStringLiteral("partitioned relations are reindexed concurrently from PostgreSQL 14 on");
        return {};
    case MaintenanceOperation::Refresh:
        if (!target.populated)
            return QStringLiteral(
                "the materialized view has never been populated: the first refresh cannot be "
                "concurrent");
        if (!target.hasPlainUniqueIndex)
            return QStringLiteral("a concurrent refresh needs a unique index on the materialized view that "
                                  "uses only column names and has no WHERE clause");
        return {};
    }
    return {};
}

QString maintenanceRefusal(const MaintenanceTarget& target, const MaintenanceOptions& options) {
    // A statement without a relation would work on the whole database (pgadmin4 #4883): never.
    if (target.schema.isEmpty() || target.name.isEmpty())
        return QStringLiteral("no object chosen: maintenance runs on exactly one table, index or "
                              "materialized view, never on the whole database");
    const QString operation = maintenanceOperationName(options.operation).toUpper();
    if (!takes(target, options.operation))
        return QStringLiteral("%1 does not apply to %2, a %3")
            .arg(operation, qualified(target), target.kindName());
    if (options.operation != MaintenanceOperation::Vacuum &&
        (options.full || options.freeze || options.analyze))
        return QStringLiteral("FULL, FREEZE and ANALYZE are options of VACUUM only");
    if (options.concurrently) {
        const QString why = concurrentlyRefusal(target, options.operation);
        if (!why.isEmpty())
            return why;
    }
    return {};
}

QString maintenanceStatement(const MaintenanceTarget& target, const MaintenanceOptions& options) {
    const QString why = maintenanceRefusal(target, options);
    if (!why.isEmpty())
        throwError(ErrorKind::Configuration, why);
    const QString object = qualified(target);
    switch (options.operation) {
    case MaintenanceOperation::Vacuum: {
        QStringList list;
        if (options.full)
            list << QStringLiteral("FULL");
        if (options.freeze)
            list << QStringLiteral("FREEZE");
        if (options.analyze)
            list << QStringLiteral("ANALYZE");
        return list.isEmpty() ? QStringLiteral("VACUUM ") + object
                              : QStringLiteral("VACUUM (%1) %2").arg(list.join(QStringLiteral(", ")), object);
    }
    case MaintenanceOperation::Analyze:
        return QStringLiteral("ANALYZE ") + object;
    case MaintenanceOperation::Reindex:
        return QStringLiteral("REINDEX %1 %2%3")
            .arg(target.isIndex() ? QStringLiteral("INDEX") : QStringLiteral("TABLE"),
                 options.concurrently ? QStringLiteral("CONCURRENTLY ") : QString(), object);
    case MaintenanceOperation::Refresh:
        return QStringLiteral("REFRESH MATERIALIZED VIEW ") +
               (options.concurrently ? QStringLiteral("CONCURRENTLY ") : QString()) + object;
    }
    return {};
}

MaintenanceRunner::MaintenanceRunner(ConnectionProfile profile, std::optional<QString> password)
    : m_profile(std::move(profile))
    , m_password(std::move(password)) {
}

MaintenanceRunner::~MaintenanceRunner() = default;

void MaintenanceRunner::setProgressCallback(ProgressCallback callback, int intervalMs) {
    m_progress = std::move(callback);
    m_intervalMs = qMax(10, intervalMs);
}

Connection& MaintenanceRunner::connection() {
    if (!m_connection || !m_connection->isOpen())
        m_connection = std::make_unique<Connection>(Connection::open(m_profile, m_password));
    return *m_connection;
}

MaintenanceTarget MaintenanceRunner::readTarget(const QString& where, const QList<QString>& values) {
    // The oid test is the server's own: objects made by initdb (below FirstNormalObjectId) are system ones.
    const QString sql =
        QStringLiteral("select n.nspname, c.relname, c.relkind::text, c.relispopulated,"
                       " c.oid < 16384 or n.nspname in ('pg_catalog', 'information_schema'),"
                       " exists (select 1 from pg_index i where i.indrelid = c.oid and i.indisunique"
                       "   and i.indisvalid and i.indpred is null and i.indexprs is null),"
                       " current_setting('server_version_num')::int"
                       " from pg_class c join pg_namespace n on n.oid = c.relnamespace where ") +
        where;
    Params params;
    for (const QString& v : values)
        params << param(v);
    Connection& c = connection();
    const Result r = c.exec(sql, params);
    if (r.rowCount() == 0)
        throwError(ErrorKind::NotFound, QStringLiteral("no relation %1").arg(values.join(QLatin1Char('.'))));
    MaintenanceTarget t;
    t.schema = r.text(0, 0);
    t.name = r.text(0, 1);
    t.kind = r.text(0, 2);
    t.populated = r.text(0, 3) == QLatin1String("t");
    t.systemCatalog = r.text(0, 4) == QLatin1String("t");
    t.hasPlainUniqueIndex = r.text(0, 5) == QLatin1String("t");
    t.serverVersion = r.text(0, 6).toInt();
    return t;
}

MaintenanceTarget MaintenanceRunner::describe(const QString& schema, const QString& name) {
    return readTarget(QStringLiteral("n.nspname = $1 and c.relname = $2"), {schema, name});
}

MaintenanceTarget MaintenanceRunner::resolve(const QString& qualifiedName) {
    if (qualifiedName.trimmed().isEmpty())
        throwError(ErrorKind::Configuration, maintenanceRefusal({}, {}));
    // to_regclass parses the name as SQL does (quotes, search path) and is NULL for none, never an error.
    return readTarget(QStringLiteral("c.oid = to_regclass($1)"), {qualifiedName});
}

QString MaintenanceRunner::progressQuery() {
    // The progress views first (VACUUM ANALYZE moves from one to the next), then a wait for a heavyweight
    // lock, which no view reports: a VACUUM FULL behind a reader shows as waiting, not as nothing.
    return QStringLiteral(
        "select v, phase, total, done from ("
        " select 1 as o, 'vacuum' as v, phase, heap_blks_total as total,"
        "  case when phase = 'vacuuming heap' then heap_blks_vacuumed else heap_blks_scanned end as done"
        " from pg_stat_progress_vacuum where pid = $1"
        " union all select 2, 'cluster', phase, heap_blks_total, heap_blks_scanned"
        " from pg_stat_progress_cluster where pid = $1"
        " union all select 3, 'analyze', phase, sample_blks_total, sample_blks_scanned"
        " from pg_stat_progress_analyze where pid = $1"
        " union all select 4, 'create_index', phase,"
        "  case when lockers_total > 0 then lockers_total when blocks_total > 0 then blocks_total"
        "   when tuples_total > 0 then tuples_total end,"
        "  case when lockers_total > 0 then lockers_done when blocks_total > 0 then blocks_done"
        "   when tuples_total > 0 then tuples_done end"
        " from pg_stat_progress_create_index where pid = $1"
        " union all select 5, 'lock', 'waiting for a lock (' || wait_event || ')', null, null"
        " from pg_stat_activity where pid = $1 and wait_event_type = 'Lock') p order by o limit 1");
}

std::optional<MaintenanceProgress> MaintenanceRunner::readProgress(Connection& connection, int pid) {
    const Result r = connection.exec(progressQuery(), {param(qint64(pid))});
    if (r.rowCount() == 0)
        return std::nullopt;
    MaintenanceProgress p;
    p.view = r.text(0, 0);
    p.phase = r.text(0, 1);
    p.total = r.isNull(0, 2) ? -1 : r.text(0, 2).toLongLong();
    p.done = r.isNull(0, 3) ? -1 : r.text(0, 3).toLongLong();
    return p;
}

MaintenanceResult MaintenanceRunner::run(const MaintenanceTarget& target, const MaintenanceOptions& options,
                                         const std::shared_ptr<CancelToken>& token,
                                         const WriteAccess& write) {
    MaintenanceResult result;
    result.statement = maintenanceStatement(target, options);
    if (m_profile.writeGuarded() && !write)
        throwWriteGuarded(m_profile, QStringLiteral("maintenance (%1)").arg(result.statement));
    Connection& c = connection();
    // Through a transaction pooler the statement goes without the profile's SET LOCALs (they would open the
    // transaction block it refuses), so a read-only profile's guard could not hold.
    if (c.needsTransactionSettings() && m_profile.readOnly)
        throwError(ErrorKind::Configuration,
                   QStringLiteral("maintenance cannot run inside a transaction, so a read-only profile that "
                                  "goes through a transaction pooler cannot guard it"));

    // The pid a pooler reports is not the server's: no progress there.
    std::optional<Connection> watcher;
    if (m_progress && m_profile.pooler == PoolerMode::None) {
        try {
            watcher.emplace(Connection::open(m_profile, m_password));
        } catch (const Error&) {
            // Progress is a courtesy: without a second connection (max_connections) the work still runs.
        }
    }

    const int pid = c.backendPid();
    QStringList notices;
    c.setNoticeReceiver([&notices](const QString& text) { notices << text.trimmed(); });
    const auto unhook = qScopeGuard([&c] { c.setNoticeReceiver({}); }); // after the worker is joined
    std::mutex mutex;
    std::condition_variable finishedChanged;
    bool finished = false;
    QString tag;
    QElapsedTimer timer;
    timer.start();
    JoinedThread worker([&] {
        const auto said = qScopeGuard([&] {
            std::lock_guard lock(mutex);
            finished = true;
            finishedChanged.notify_all();
        });
        CancelToken::Scope scope(token, c);
        pq::RowStream stream(c, result.statement, {}, TransactionSettings::Skip);
        while (const auto part = stream.next())
            if (part->kind != pq::RowStream::Kind::Empty)
                tag = part->result.commandTag();
    });

    std::optional<MaintenanceProgress> last;
    for (;;) {
        {
            std::unique_lock lock(mutex);
            if (finishedChanged.wait_for(lock, std::chrono::milliseconds(m_intervalMs),
                                         [&] { return finished; }))
                break;
        }
        if (!watcher)
            continue;
        try {
            const auto progress = readProgress(*watcher, pid);
            if (progress && progress != last)
                m_progress(*progress);
            last = progress;
        } catch (...) {
            watcher.reset(); // a failed poll (or callback) ends the polling, never the work
        }
    }
    worker.join(); // throws the statement's error
    result.durationMs = timer.elapsed();
    result.commandTag = tag;
    result.notices = notices;
    return result;
}

} // namespace pgdesk::core
