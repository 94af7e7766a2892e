// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>
#include <pgdesk/core/session/writeunlock.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace pgdesk::core {

class CancelToken;
class Connection;

enum class MaintenanceOperation { Vacuum, Analyze, Reindex, Refresh };

// "vacuum", "analyze", "reindex", "refresh" (JSON, CLI).
QString maintenanceOperationName(MaintenanceOperation operation);

// The one relation a maintenance statement works on, as the catalog describes it
// (MaintenanceRunner::describe).
struct MaintenanceTarget {
    QString schema;
    QString name;
    QString
        kind; // pg_class.relkind: "r" table, "p" partitioned table, "m" matview, "i"/"I" index, "v", "f" …
    bool systemCatalog = false; // a system relation: REINDEX CONCURRENTLY is refused there
    bool populated = true;      // relispopulated (a matview made WITH NO DATA is not)
    bool hasPlainUniqueIndex =
        false; // a valid unique index on columns only, no predicate (REFRESH … CONCURRENTLY)
    int serverVersion = 150000;

    bool isIndex() const { return kind == QLatin1String("i") || kind == QLatin1String("I"); }
    bool isPartitioned() const { return kind == QLatin1String("p") || kind == QLatin1String("I"); }
    // "table", "partitioned table", "materialized view", "index" … for messages.
    QString kindName() const;
};

struct MaintenanceOptions {
    MaintenanceOperation operation = MaintenanceOperation::Vacuum;
    bool full = false;         // VACUUM FULL (rewrites the table under an ACCESS EXCLUSIVE lock)
    bool freeze = false;       // VACUUM FREEZE
    bool analyze = false;      // VACUUM ANALYZE
    bool concurrently = false; // REINDEX / REFRESH MATERIALIZED VIEW … CONCURRENTLY
};

// The operations that apply to `target`'s kind, in the order the user is offered them.
QList<MaintenanceOperation> maintenanceOperationsFor(const MaintenanceTarget& target);
// Why `options` cannot run on `target` in plain words (an empty target, an operation its kind does not
// take, CONCURRENTLY where the server refuses it), or an empty string when it can.
QString maintenanceRefusal(const MaintenanceTarget& target, const MaintenanceOptions& options);
// Why CONCURRENTLY is not offered for `operation` on `target`, or empty when it is.
QString concurrentlyRefusal(const MaintenanceTarget& target, MaintenanceOperation operation);
// Pure: the exact statement, on the one quoted relation; never a database-wide VACUUM or ANALYZE. Throws
// ConfigurationError with maintenanceRefusal()'s reason when it cannot run.
QString maintenanceStatement(const MaintenanceTarget& target, const MaintenanceOptions& options);

// What the server reports for the running statement (pg_stat_progress_vacuum, _analyze, _cluster for VACUUM
// FULL, _create_index for REINDEX), or that it waits for a lock.
struct MaintenanceProgress {
    QString view;  // "vacuum", "analyze", "cluster", "create_index", or "lock" while it waits for a lock
    QString phase; // the server's phase ("scanning heap", "waiting for writers before build" …)
    qint64 done = -1;
    qint64 total = -1; // blocks (lockers or tuples in phases that count those); -1 when not reported
    int percent() const { return total > 0 && done >= 0 ? int(qMin<qint64>(100, done * 100 / total)) : -1; }
    bool operator==(const MaintenanceProgress&) const = default;
};

struct MaintenanceResult {
    QString statement;
    QString commandTag; // "VACUUM", "REINDEX" …
    qint64 durationMs = 0;
    QStringList notices; // the server's warnings and notices, as sent
};

// Runs one maintenance statement on a connection of its own, outside any transaction (the statements
// refuse transaction blocks), so it works whatever the session's pool holds. The statement runs on a
// thread of the runner's (a RowStream without the profile's SET LOCALs) while run()'s own thread polls the
// progress views for its backend on a second connection; a cancel (the token's, any thread) sends PQcancel,
// and the statement ends with QueryCanceled (57014), the relation as it was.
class MaintenanceRunner final {
public:
    using ProgressCallback = std::function<void(const MaintenanceProgress&)>;

    MaintenanceRunner(ConnectionProfile profile, std::optional<QString> password);
    ~MaintenanceRunner();
    MaintenanceRunner(const MaintenanceRunner&) = delete;
    MaintenanceRunner& operator=(const MaintenanceRunner&) = delete;

    // Called on run()'s thread each time the reported progress changes, every `intervalMs` at most.
    void setProgressCallback(ProgressCallback callback, int intervalMs = 250);

    // Reads the relation from the catalog; NotFound when there is none. resolve() takes a name as a command
    // line gives it ("schema.name", quoted parts, or a name on the search path).
    MaintenanceTarget describe(const QString& schema, const QString& name);
    MaintenanceTarget resolve(const QString& qualifiedName);

    // Runs maintenanceStatement(target, options); the token (may be null) cancels it from any thread.
    // PostgreSQL runs maintenance in read-only sessions too (VACUUM FULL rewrites under ACCESS
    // EXCLUSIVE): on a production profile it runs only with the guard's key, else the guard's refusal
    // (writeguard.h) is thrown before anything is sent.
    MaintenanceResult run(const MaintenanceTarget& target, const MaintenanceOptions& options,
                          const std::shared_ptr<CancelToken>& token = {}, const WriteAccess& write = {});

    // The statement that reads one backend's progress ($1 = pid): for tests and callers polling themselves.
    static QString progressQuery();
    static std::optional<MaintenanceProgress> readProgress(Connection& connection, int pid);

private:
    Connection& connection();
    MaintenanceTarget readTarget(const QString& where, const QList<QString>& values);

    ConnectionProfile m_profile;
    std::optional<QString> m_password;
    std::unique_ptr<Connection> m_connection; // opened on first use
    ProgressCallback m_progress;
    int m_intervalMs = 250;
};

} // namespace pgdesk::core
