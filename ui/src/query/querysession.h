// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/heldsession.h"

#include <pgdesk/core/browse/scriptrunner.h>
#include <pgdesk/core/plan/whatif.h>
#include <pgdesk/core/schema/lockanalysis.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/sqltext/sweeping.h>

#include <memory>

namespace pgdesk::ui {

// The worker side of one query tool: the script runner on a connection held for the tool's whole life
// (HeldSession: BEGIN in one run and COMMIT in the next reach the same server session). Every method but
// cancel() does libpq work: worker threads only, one at a time. The last owner, a worker, closes the
// connection.
class QuerySession final {
public:
    explicit QuerySession(std::shared_ptr<core::Pool> pool)
        : m_held(std::move(pool)) {}
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
    void cancel() { m_held.cancel(); }

    const std::shared_ptr<core::Pool>& pool() const { return m_held.pool(); }

private:
    HeldSession<core::ScriptRunner> m_held;
};

} // namespace pgdesk::ui
