// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/querysession.h"

#include <pgdesk/core/browse/sweepestimate.h>
#include <pgdesk/core/completion/completion.h>

namespace pgdesk::ui {

core::ScriptRun QuerySession::run(const QList<core::SqlStatement>& statements,
                                  const core::ScriptRunOptions& options) {
    return m_held.guarded([&](core::ScriptRunner& r) {
        core::ScriptRun out = r.run(statements, options);
        if (out.connectionLost)
            m_held.drop();
        return out;
    });
}

core::Page QuerySession::fetchPage(const core::QuerySpec& spec, const core::TableInfo& table) {
    return m_held.guarded([&](core::ScriptRunner& r) { return r.fetchPage(spec, table); });
}

core::ExplainResult QuerySession::explain(const QString& statement, const core::ExplainOptions& options,
                                          const core::WriteAccess& write,
                                          const QMap<QString, core::Param>& parameters) {
    return m_held.guarded(
        [&](core::ScriptRunner& r) { return r.explain(statement, options, write, parameters); });
}

core::WhatIfOutcome QuerySession::whatIf(const QString& statement, const core::HypotheticalIndex& index,
                                         const QMap<QString, core::Param>& parameters) {
    return m_held.guarded([&](core::ScriptRunner& r) {
        return core::WhatIfRunner(r.connection()).tryIndex(statement, index, parameters);
    });
}

QList<core::StatementLocks> QuerySession::lockAnalysis(const QString& script, bool trace) {
    return m_held.guarded([&](core::ScriptRunner& r) {
        core::LockAnalyzer analyzer(r.connection());
        return trace ? analyzer.trace(script) : analyzer.analyze(script);
    });
}

QList<qint64>
QuerySession::estimateSweeps(const QList<std::pair<QString, core::SweepingStatement>>& statements) {
    return m_held.guarded([&](core::ScriptRunner& r) {
        QList<qint64> rows;
        for (const auto& [sql, sweep] : statements)
            rows << core::estimateSweptRows(r.connection(), sql, sweep).value_or(-1);
        return rows;
    });
}

QStringList QuerySession::searchPath() {
    return m_held.guarded([](core::ScriptRunner& r) { return core::loadSearchPath(r.connection()); });
}

core::LocalSettings QuerySession::outputSettings() {
    return m_held.guarded([](core::ScriptRunner& r) {
        return r.connection().outputSettings(r.transactionState() == core::TransactionState::Failed);
    });
}

} // namespace pgdesk::ui
