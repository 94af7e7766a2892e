// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/scriptrunner.h>
#include <pgdesk/core/plan/whatif.h>
#include <pgdesk/core/schema/lockanalysis.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/sqltext/sweeping.h>

#include <memory>
#include <mutex>

namespace pgdesk::ui {

// The worker side of one query tool: a connection checked out of the session's pool for the tool's whole
// life (so BEGIN in one run and COMMIT in the next reach the same server session), and the script runner
// on it. Every method but cancel() does libpq work: call them on worker threads only. They run one at a
// time (a mutex), in the order they get it. The GUI holds the session through a shared_ptr and only sends
// requests; the last owner, which is always a worker, closes the connection.
class QuerySession final {
public:
    explicit QuerySession(std::shared_ptr<core::Pool> pool);
    // Closes the connection rather than returning it: temp tables, SET and prepared statements of the
    // session must not leak to the pool's other users (and an open transaction is rolled back).
    ~QuerySession();
    QuerySession(const QuerySession&) = delete;
    QuerySession& operator=(const QuerySession&) = delete;

    core::ScriptRun run(const QList<core::SqlStatement>& statements, const core::ScriptRunOptions& options);
    core::Page fetchPage(const core::QuerySpec& spec, const core::TableInfo& table);
    core::ExplainResult explain(const QString& statement, const core::ExplainOptions& options,
                                const core::WriteAccess& write = {},
                                const QMap<QString, core::Param>& parameters = {});

    // `statement` planned without and with a hypothetical index (hypopg), on this session.
    core::WhatIfOutcome whatIf(const QString& statement, const core::HypotheticalIndex& index,
                               const QMap<QString, core::Param>& parameters = {});

    // Lock analysis of `script` on this session (its search path): static, or traced in a transaction that
    // is rolled back.
    QList<core::StatementLocks> lockAnalysis(const QString& script, bool trace);

    // The planner's estimate of the rows each statement reaches (core::estimateSweptRows), nothing run; in
    // the session's open transaction under a savepoint. -1 where the server cannot say.
    QList<qint64> estimateSweeps(const QList<std::pair<QString, core::SweepingStatement>>& statements);

    // The session's search path now (current_schemas): completion follows a SET search_path run in the tab.
    QStringList searchPath();
    // The session's settings that shape values' text (DateStyle, IntervalStyle, TimeZone, extra_float_digits,
    // bytea_output; the last two not in a failed transaction): another connection reading the same rows under
    // them prints them alike.
    core::LocalSettings outputSettings();

    // Any thread: stops what runs now (PQcancel). Does nothing when nothing runs.
    void cancel();

    const std::shared_ptr<core::Pool>& pool() const { return m_pool; }

private:
    core::ScriptRunner& runner(); // checks a connection out on first use (or after a lost one)
    void drop();                  // forgets a connection that is gone
    template <class Fn> auto guarded(Fn fn);

    std::shared_ptr<core::Pool> m_pool;
    std::mutex m_mutex; // one request at a time
    core::PooledConnection m_connection;
    std::unique_ptr<core::ScriptRunner> m_runner;
    std::mutex m_cancelMutex; // guards m_cancelTarget, which cancel() reads from any thread
    core::ScriptRunner* m_cancelTarget = nullptr;
};

} // namespace pgdesk::ui
