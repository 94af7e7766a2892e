// SPDX-License-Identifier: GPL-3.0-or-later
// The query tool's parameters form and Explain (QueryTool's other half, to keep querytool.cpp short).
#include <pgdesk/ui/querytool.h>

#include "plan/plantree.h"
#include "query/parametersdialog.h"
#include "query/queryresults.h"
#include "query/querysession.h"
#include "query/sqleditor.h"

#include <pgdesk/core/sqltext/namedparameters.h>
#include <pgdesk/ui/background.h>
#include <pgdesk/ui/jobslot.h>
#include <pgdesk/ui/writeunlockbutton.h>

#include <QLabel>
#include <QTabWidget>
#include <QTreeWidget>

namespace pgdesk::ui {

QTreeWidget* QueryTool::planTree() const {
    for (int i = 0; i < m_results->count(); ++i) {
        if (m_results->widget(i)->property(kPlanTab).toBool())
            return qobject_cast<QTreeWidget*>(m_results->widget(i));
    }
    return nullptr;
}

ParametersDialog* QueryTool::parametersDialog() const {
    return m_parametersDialog;
}

void QueryTool::withParameters(const QStringList& names,
                               std::function<void(const QMap<QString, core::Param>&)> go,
                               std::function<void()> cancelled) {
    if (names.isEmpty())
        return go({});
    // Window-modal, not exec(): the event loop (and the tool's workers' replies) keep going.
    auto* dialog = new ParametersDialog(names, m_parameterValues, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    m_parametersDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog, go = std::move(go)] {
        m_parametersDialog = nullptr; // deleted later; a new run may ask again at once
        QMap<QString, core::Param> params;
        const QMap<QString, std::optional<QString>> values = dialog->values();
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            m_parameterValues.insert(it.key(), it.value()); // offered again next time in this tab
            params.insert(it.key(), it.value() ? core::param(*it.value()) : core::nullParam());
        }
        go(params);
    });
    connect(dialog, &QDialog::rejected, this, [this, cancelled = std::move(cancelled)] {
        m_parametersDialog = nullptr;
        message(tr("Cancelled: nothing ran."), Tone::Warning);
        m_status->setText(tr("Cancelled"));
        cancelled();
    });
    dialog->open();
}

void QueryTool::explain(bool analyze) {
    if (m_running)
        return;
    const QTextCursor cursor = m_editor->textCursor();
    const QString text = m_editor->toPlainText();
    QList<core::SqlStatement> statements;
    if (cursor.hasSelection()) {
        statements = core::splitStatements(
            text.mid(cursor.selectionStart(), cursor.selectionEnd() - cursor.selectionStart()));
    } else {
        const QList<core::SqlStatement> all = core::splitStatements(text);
        const int at = core::statementAt(all, cursor.position());
        if (at >= 0)
            statements << all[at];
    }
    if (statements.isEmpty()) {
        message(tr("Nothing to explain."));
        return;
    }
    const QString statement = statements.first().text;
    if (m_parametersDialog)
        return;
    withParameters(
        core::boundParameterNames(statement),
        [this, statement, analyze](const QMap<QString, core::Param>& params) {
            runExplain(statement, analyze, params);
        },
        [this] { emit explainFinished(); });
}

void QueryTool::runExplain(const QString& statement, bool analyze, const QMap<QString, core::Param>& params) {
    setRunning(true);
    m_status->setText(analyze ? tr("Explain Analyze…") : tr("Explain…"));
    jobSlot(this, QStringLiteral("explainJob"))
        ->start(
            [session = m_session, statement, analyze, write = m_unlock->access(),
             params](const std::shared_ptr<core::CancelToken>&) {
                // The tool's Cancel reaches the statement through the session (cancelSession).
                return session->explain(statement, analyze, write, params);
            },
            [this](const core::ExplainResult& result) {
                setRunning(false);
                if (QTreeWidget* old = planTree()) {
                    m_results->removeTab(m_results->indexOf(old));
                    old->deleteLater();
                }
                QString summary;
                QTreeWidget* tree = createPlanTree(result.json, m_results, &summary);
                tree->setProperty(kPlanTab, true);
                m_results->addTab(tree, result.analyzed ? tr("Plan (analyzed)") : tr("Plan"));
                m_results->setCurrentWidget(tree);
                QString line = result.analyzed ? tr("EXPLAIN ANALYZE") : tr("EXPLAIN");
                if (!summary.isEmpty())
                    line += QStringLiteral(" · ") + summary;
                if (result.rolledBack)
                    line += tr(" · the statement's changes were rolled back");
                message(line + QStringLiteral(" · ") + durationText(result.elapsedMs));
                for (const QString& notice : result.notices)
                    message(QStringLiteral("    ") + notice, Tone::Info);
                m_status->setText(tr("Plan ready"));
                setTransactionState(result.transaction);
                emit explainFinished();
            },
            [this](const BackgroundFailure& failure) {
                setRunning(false);
                showFailure(failure.message, failure.connectionLost);
                emit explainFinished();
            });
}

} // namespace pgdesk::ui
