// SPDX-License-Identifier: GPL-3.0-or-later
// The query tool's lock analysis: what each statement of the script would lock, rewrite or scan, in a
// Locks tab; Trace runs it in a transaction that is rolled back (never on a production session).
#include <pgdesk/ui/querytool.h>

#include "query/querysession.h"
#include "query/sqleditor.h"

#include <pgdesk/ui/background.h>
#include <pgdesk/ui/jobslot.h>
#include <pgdesk/ui/lockanalysisview.h>

#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTextCursor>

namespace pgdesk::ui {

QString QueryTool::selectionOrScript() const {
    const QTextCursor cursor = m_editor->textCursor();
    const QString text = m_editor->toPlainText();
    if (!cursor.hasSelection())
        return text;
    // Positions in the document and in toPlainText() agree; selectedText() would use U+2029 for newlines.
    return text.mid(cursor.selectionStart(), cursor.selectionEnd() - cursor.selectionStart());
}

LockAnalysisView* QueryTool::lockAnalysisView() const {
    for (int i = 0; i < m_results->count(); ++i)
        if (m_results->widget(i)->property(kLocksTab).toBool())
            return qobject_cast<LockAnalysisView*>(m_results->widget(i));
    return nullptr;
}

void QueryTool::analyzeLocks(bool trace) {
    const QString script = selectionOrScript();
    if (m_running || script.trimmed().isEmpty())
        return;
    const core::ConnectionProfile& profile = m_session->pool()->profile();
    if (trace && profile.sessionReadOnly()) {
        message(tr("Trace runs the statements (then rolls them back): not on a production or read-only "
                   "connection."),
                Tone::Warning);
        return;
    }
    setRunning(true);
    m_status->setText(trace ? tr("Tracing locks…") : tr("Analysing locks…"));
    jobSlot(this, QStringLiteral("locksJob"))
        ->start(
            [session = m_session, script, trace](const std::shared_ptr<core::CancelToken>&) {
                return session->lockAnalysis(script, trace);
            },
            [this, trace](const QList<core::StatementLocks>& statements) {
                setRunning(false);
                LockAnalysisView* view = lockAnalysisView();
                if (!view) {
                    view = new LockAnalysisView(m_results);
                    view->setProperty(kLocksTab, true);
                    m_results->addTab(view, tr("Locks"));
                    const core::ConnectionProfile& profile = m_session->pool()->profile();
                    view->setTraceAvailable(!profile.sessionReadOnly(),
                                            tr("Not on a production or read-only connection: Trace runs "
                                               "the statements."));
                    connect(view, &LockAnalysisView::traceRequested, this, [this] { analyzeLocks(true); });
                }
                view->setStatements(statements, trace);
                m_results->setCurrentWidget(view);
                message(view->summaryText(), Tone::Info);
                m_status->setText(trace ? tr("Locks traced") : tr("Locks analysed"));
                emit lockAnalysisFinished();
            },
            [this](const BackgroundFailure& failure) {
                setRunning(false);
                showFailure(failure.message, failure.connectionLost);
                emit lockAnalysisFinished();
            });
}

} // namespace pgdesk::ui
