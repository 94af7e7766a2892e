// SPDX-License-Identifier: GPL-3.0-or-later
// The query tool's lock analysis: what each statement of the script would lock, rewrite or scan, in a
// Locks tab; Trace runs it in a transaction that is rolled back (never on a production session).
#include <pgdesk/ui/query/querytool.h>

#include "query/querysession.h"
#include "query/sqleditor.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/schema/lockanalysisview.h>

#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
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

qint64 QueryTool::lockWarningBytes() {
    const double mib = QSettings().value(QStringLiteral("queryTool/lockWarningMiB"), 8.0).toDouble();
    return mib < 0 ? -1 : qint64(mib * 1024 * 1024);
}

void QueryTool::checkLocksThenLaunch(const QList<core::SqlStatement>& statements, qsizetype base,
                                     const QString& sql, const QMap<QString, core::Param>& parameters) {
    // Only schema changes and the commands that lock whole tables are analysed: a plain query runs at once.
    static const QStringList keywords{
        QStringLiteral("ALTER"),    QStringLiteral("CREATE"),  QStringLiteral("DROP"),
        QStringLiteral("TRUNCATE"), QStringLiteral("VACUUM"),  QStringLiteral("CLUSTER"),
        QStringLiteral("REINDEX"),  QStringLiteral("REFRESH"), QStringLiteral("LOCK")};
    QString ddl;
    for (const core::SqlStatement& s : statements)
        if (keywords.contains(s.keyword))
            ddl += s.text + QStringLiteral(";\n");
    const qint64 threshold = lockWarningBytes();
    if (ddl.isEmpty() || threshold < 0)
        return launch(statements, base, sql, parameters);
    setRunning(true);
    m_status->setText(tr("Checking locks…"));
    const auto go = [this, statements, base, sql, parameters] {
        setRunning(false);
        launch(statements, base, sql, parameters);
    };
    jobSlot(this, QStringLiteral("lockCheckJob"))
        ->start(
            [session = m_session, ddl](const std::shared_ptr<core::CancelToken>&) {
                return session->lockAnalysis(ddl, false);
            },
            [this, go, threshold](const QList<core::StatementLocks>& analysed) {
                QStringList heavy;
                for (const core::StatementLocks& s : analysed)
                    for (const core::RelationLock& l : s.locks) {
                        const bool blocks = l.mode >= core::LockMode::Share ||
                                            s.rewrites.contains(l.relation) || s.scans.contains(l.relation);
                        if (blocks && l.bytes >= threshold)
                            heavy << tr("%1 on %2 (%3)%4")
                                         .arg(core::lockModeSqlName(l.mode), l.relation,
                                              QLocale().formattedDataSize(l.bytes),
                                              s.rewrites.contains(l.relation) ? tr(", rewritten")
                                              : s.scans.contains(l.relation)  ? tr(", read whole")
                                                                              : QString());
                    }
                if (heavy.isEmpty())
                    return go();
                setRunning(false);
                m_status->setText(QString());
                auto* box =
                    new QMessageBox(QMessageBox::Warning, tr("Lock a large table?"),
                                    tr("This script locks large tables while it runs:\n%1\n\nOther sessions "
                                       "wait for them; a statement waiting for its lock makes every later "
                                       "query on the table wait too.")
                                        .arg(heavy.join(QLatin1Char('\n'))),
                                    QMessageBox::NoButton, this);
                box->setObjectName(QStringLiteral("lockWarning"));
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->setWindowModality(Qt::WindowModal);
                QPushButton* run = box->addButton(tr("Run"), QMessageBox::AcceptRole);
                run->setObjectName(QStringLiteral("lockWarningRun"));
                QPushButton* show = box->addButton(tr("Show Locks"), QMessageBox::ActionRole);
                show->setObjectName(QStringLiteral("lockWarningShow"));
                box->addButton(QMessageBox::Cancel);
                connect(box, &QMessageBox::finished, this, [this, box, run, show, go] {
                    if (box->clickedButton() == run)
                        return go();
                    if (box->clickedButton() == show)
                        analyzeLocks();
                    else
                        message(tr("Cancelled: nothing ran."), Tone::Warning);
                    emit runFinished();
                });
                box->open();
            },
            [this, go](const BackgroundFailure& failure) {
                if (failure.error.kind == core::ErrorKind::QueryCanceled) { // Cancel during the check
                    setRunning(false);
                    message(tr("Cancelled: nothing ran."), Tone::Warning);
                    m_status->setText(tr("Cancelled"));
                    emit runFinished();
                    return;
                }
                message(tr("The locks could not be checked: %1").arg(failure.message), Tone::Warning);
                go();
            });
}

} // namespace pgdesk::ui
