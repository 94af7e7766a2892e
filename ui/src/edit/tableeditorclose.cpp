// SPDX-License-Identifier: GPL-3.0-or-later
// TableEditor, continued: closing a tab while its change set is being applied. The apply is cancelled and
// the tab waits for the server's outcome (rolled back, or committed first), so a discarded edit never
// commits after the tab is gone.
#include "common/lockwaitwatcher.h"

#include <pgdesk/ui/editsession.h>
#include <pgdesk/ui/tableeditor.h>

#include <QEventLoop>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>

namespace pgdesk::ui {

bool TableEditor::cancelApplyBeforeClose() {
    QMessageBox ask(
        QMessageBox::Warning, tr("Apply in progress"),
        tr("The changes to %1 are being applied; whether they will be written is not known yet.")
                .arg(m_session->table().qualifiedName()) +
            (m_lockWait->text().isEmpty() ? QString() : QLatin1Char('\n') + m_lockWait->text()) +
            QStringLiteral("\n\n") +
            tr("Closing the tab cancels the apply: the transaction rolls back unless it has already "
               "committed."),
        QMessageBox::NoButton, this);
    ask.setObjectName(QStringLiteral("closeWhileApplying"));
    QPushButton* stop = ask.addButton(tr("Cancel the apply and close"), QMessageBox::DestructiveRole);
    QPushButton* keep = ask.addButton(tr("Keep the tab open"), QMessageBox::RejectRole);
    ask.setDefaultButton(keep);
    ask.exec();
    if (ask.clickedButton() != stop || !m_session->isApplying())
        return !m_session->isApplying() && ask.clickedButton() == stop;

    // Wait for the outcome: only the server knows whether the rollback or the COMMIT came first.
    enum class Outcome { Pending, Written, NotWritten, Failed } outcome = Outcome::Pending;
    QString failure;
    QEventLoop loop;
    QProgressDialog wait(tr("Cancelling the apply: waiting for the server to roll back…"), tr("Stop waiting"),
                         0, 0, this);
    wait.setObjectName(QStringLiteral("applyCancelWait"));
    wait.setWindowTitle(tr("Apply in progress"));
    wait.setMinimumDuration(0);
    const auto finish = [&loop, &outcome](Outcome o) {
        outcome = o;
        loop.quit();
    };
    const QList<QMetaObject::Connection> links{
        connect(m_session, &EditSession::applied, &loop, [&] { finish(Outcome::Written); }),
        connect(m_session, &EditSession::applyCancelled, &loop, [&] { finish(Outcome::NotWritten); }),
        connect(m_session, &EditSession::applyConflicted, &loop, [&] { finish(Outcome::NotWritten); }),
        connect(m_session, &EditSession::applyFailed, &loop,
                [&](const QString& message) {
                    failure = message;
                    finish(Outcome::Failed);
                }),
        connect(&wait, &QProgressDialog::canceled, &loop, &QEventLoop::quit)};
    m_session->cancelApply();
    wait.show();
    loop.exec();
    for (const QMetaObject::Connection& link : links)
        disconnect(link);
    wait.close();
    switch (outcome) {
    case Outcome::Pending: // the user stopped waiting: the tab stays, still showing the apply
        return false;
    case Outcome::Written: {
        QMessageBox done(
            QMessageBox::Information, tr("Changes applied"),
            tr("The changes were committed before the cancel reached the server: they are written."),
            QMessageBox::Ok, this);
        done.setObjectName(QStringLiteral("appliedBeforeCancel"));
        done.exec();
        return true;
    }
    case Outcome::Failed: {
        // A failure that is not the cancel (a lost connection, say) may leave the outcome unknown: the
        // message says which, and the tab stays with the changes still staged.
        QMessageBox failed(QMessageBox::Warning, tr("Apply failed"), failure, QMessageBox::Ok, this);
        failed.setObjectName(QStringLiteral("applyFailedOnClose"));
        failed.exec();
        return false;
    }
    case Outcome::NotWritten:
        break;
    }
    return true;
}

bool TableEditor::settleApplyBeforeClose() {
    // Another tab on the table shares the session and goes on showing the apply.
    if (!m_session || !m_session->isApplying() || m_shared.use_count() > 1)
        return true;
    return cancelApplyBeforeClose();
}

} // namespace pgdesk::ui
