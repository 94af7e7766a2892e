// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/querysession.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/sweepestimate.h>
#include <pgdesk/core/completion/completion.h>

namespace pgdesk::ui {

QuerySession::QuerySession(std::shared_ptr<core::Pool> pool)
    : m_pool(std::move(pool)) {
}

QuerySession::~QuerySession() {
    std::lock_guard lock(m_mutex);
    drop();
}

void QuerySession::drop() {
    {
        std::lock_guard lock(m_cancelMutex);
        m_cancelTarget = nullptr;
    }
    m_runner.reset(); // restores the connection's notice receiver
    if (m_connection) {
        m_connection.invalidate();
        m_connection.release();
    }
}

core::ScriptRunner& QuerySession::runner() {
    if (m_runner && m_connection && m_connection->isOpen())
        return *m_runner;
    drop();
    m_connection = m_pool->acquire();
    m_runner = std::make_unique<core::ScriptRunner>(*m_connection);
    std::lock_guard lock(m_cancelMutex);
    m_cancelTarget = m_runner.get();
    return *m_runner;
}

template <class Fn> auto QuerySession::guarded(Fn fn) {
    std::lock_guard lock(m_mutex);
    try {
        return fn(runner());
    } catch (const core::ConnectionError&) {
        if (!m_connection || !m_connection->isOpen())
            drop();
        throw;
    }
}

core::ScriptRun QuerySession::run(const QList<core::SqlStatement>& statements,
                                  const core::ScriptRunOptions& options) {
    return guarded([&](core::ScriptRunner& r) {
        core::ScriptRun out = r.run(statements, options);
        if (out.connectionLost)
            drop();
        return out;
    });
}

core::Page QuerySession::fetchPage(const core::QuerySpec& spec, const core::TableInfo& table) {
    return guarded([&](core::ScriptRunner& r) { return r.fetchPage(spec, table); });
}

core::ExplainResult QuerySession::explain(const QString& statement, const core::ExplainOptions& options,
                                          const core::WriteAccess& write,
                                          const QMap<QString, core::Param>& parameters) {
    return guarded([&](core::ScriptRunner& r) { return r.explain(statement, options, write, parameters); });
}

core::WhatIfOutcome QuerySession::whatIf(const QString& statement, const core::HypotheticalIndex& index,
                                         const QMap<QString, core::Param>& parameters) {
    return guarded([&](core::ScriptRunner& r) {
        return core::WhatIfRunner(r.connection()).tryIndex(statement, index, parameters);
    });
}

QList<core::StatementLocks> QuerySession::lockAnalysis(const QString& script, bool trace) {
    return guarded([&](core::ScriptRunner& r) {
        core::LockAnalyzer analyzer(r.connection());
        return trace ? analyzer.trace(script) : analyzer.analyze(script);
    });
}

QList<qint64>
QuerySession::estimateSweeps(const QList<std::pair<QString, core::SweepingStatement>>& statements) {
    return guarded([&](core::ScriptRunner& r) {
        QList<qint64> rows;
        for (const auto& [sql, sweep] : statements)
            rows << core::estimateSweptRows(r.connection(), sql, sweep).value_or(-1);
        return rows;
    });
}

QStringList QuerySession::searchPath() {
    return guarded([](core::ScriptRunner& r) { return core::loadSearchPath(r.connection()); });
}

core::LocalSettings QuerySession::outputSettings() {
    return guarded([](core::ScriptRunner& r) {
        return r.connection().outputSettings(r.transactionState() == core::TransactionState::Failed);
    });
}

void QuerySession::cancel() {
    std::lock_guard lock(m_cancelMutex);
    if (m_cancelTarget)
        m_cancelTarget->cancel();
}

} // namespace pgdesk::ui
