// SPDX-License-Identifier: GPL-3.0-or-later
// TableEditor, continued: closing a tab while its change set is being applied. The apply is cancelled and
// the close goes on once the server's outcome is known (rolled back, or committed first), so a discarded
// edit never commits after the tab is gone. The wait runs in the application's own event loop: the outcome's
// signal decides the close.
#include "common/lockwaitwatcher.h"

#include <pgdesk/ui/edit/editsession.h>
#include <pgdesk/ui/edit/tableeditor.h>

#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>

namespace pgdesk::ui {

bool TableEditor::cancelApplyBeforeClose(std::function<void()> resume) {
    if (m_closeWait) { // already waiting for the outcome: this close goes on with it
        m_closeResume = std::move(resume);
        return false;
    }
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

    // Only the server knows whether the rollback or the COMMIT comes first: the outcome's signal decides.
    m_closeResume = std::move(resume);
    auto* wait = new QProgressDialog(tr("Cancelling the apply: waiting for the server to roll back…"),
                                     tr("Stop waiting"), 0, 0, this);
    wait->setObjectName(QStringLiteral("applyCancelWait"));
    wait->setWindowTitle(tr("Apply in progress"));
    wait->setWindowModality(Qt::WindowModal);
    wait->setAutoClose(false);
    wait->setAutoReset(false);
    wait->setMinimumDuration(0);
    m_closeWait = wait;
    // Wired to the dialog: the links go with it.
    connect(m_session, &EditSession::applied, wait, [this] { endCloseWait(CloseOutcome::Written); });
    connect(m_session, &EditSession::applyCancelled, wait,
            [this] { endCloseWait(CloseOutcome::NotWritten); });
    connect(m_session, &EditSession::applyConflicted, wait,
            [this] { endCloseWait(CloseOutcome::NotWritten); });
    connect(m_session, &EditSession::applyFailed, wait,
            [this](const QString& message) { endCloseWait(CloseOutcome::Failed, message); });
    connect(wait, &QProgressDialog::canceled, this, [this] { endCloseWait(CloseOutcome::StoppedWaiting); });
    m_session->cancelApply();
    wait->show();
    return false;
}

void TableEditor::endCloseWait(CloseOutcome outcome, const QString& failure) {
    if (QProgressDialog* wait = m_closeWait.data()) {
        m_closeWait.clear();
        wait->hide();
        wait->deleteLater();
    }
    std::function<void()> resume = std::exchange(m_closeResume, {});
    // The close goes on from the event loop, after the slots of the outcome's signal.
    const auto goOn = [this, resume = std::move(resume)] {
        if (resume)
            QMetaObject::invokeMethod(this, resume, Qt::QueuedConnection);
    };
    switch (outcome) {
    case CloseOutcome::StoppedWaiting: // the tab stays, still showing the apply
        return;
    case CloseOutcome::Written: {
        auto* done = new QMessageBox(
            QMessageBox::Information, tr("Changes applied"),
            tr("The changes were committed before the cancel reached the server: they are written."),
            QMessageBox::Ok, this);
        done->setObjectName(QStringLiteral("appliedBeforeCancel"));
        done->setAttribute(Qt::WA_DeleteOnClose);
        connect(done, &QMessageBox::finished, this, goOn);
        done->open();
        return;
    }
    case CloseOutcome::Failed: {
        // A failure that is not the cancel (a lost connection, say) may leave the outcome unknown: the
        // message says which, and the tab stays with the changes still staged.
        auto* failed =
            new QMessageBox(QMessageBox::Warning, tr("Apply failed"), failure, QMessageBox::Ok, this);
        failed->setObjectName(QStringLiteral("applyFailedOnClose"));
        failed->setAttribute(Qt::WA_DeleteOnClose);
        failed->open();
        return;
    }
    case CloseOutcome::NotWritten:
        goOn();
        return;
    }
}

bool TableEditor::settleApplyBeforeClose(std::function<void()> resume) {
    // Another tab on the table shares the session and goes on showing the apply.
    if (!m_session || !m_session->isApplying() || m_shared.use_count() > 1)
        return true;
    return cancelApplyBeforeClose(std::move(resume));
}

} // namespace pgdesk::ui
