// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/admin/dumprunner.h>

#include <QWidget>

#include <functional>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace pgdesk::ui {

// The lower half of the Backup and Restore dialogs: the command as it will run (shown, copyable; no secret
// in it), the run's progress and status, and the buttons (the dialog's start button and Cancel, which reads
// "Cancel backup" while the program runs and "Close" after). It owns the DumpRunner, which kills a running
// program and removes what it wrote when the panel goes. Object names are the dialog's prefix + Command,
// CopyCommand, Progress, Status, Start.
class DumpRunPanel final : public QWidget {
    Q_OBJECT
public:
    // Words the runner's progress: tables done, of all (0: unknown), the last one's name.
    using ProgressText = std::function<QString(int done, int all, const QString& table)>;

    DumpRunPanel(const QString& prefix, const QString& startText, QWidget* parent);

    QPushButton* startButton() const { return m_start; }
    void setCommand(const QString& text);
    void setStatus(const QString& text);
    QString status() const;

    // A worker prepares the run (finds the program, counts the tables): busy, the start button off.
    void preparing(const QString& status);
    // The preparation failed: back to before it, with the message.
    void prepareFailed(const QString& message);
    // Starts the program; `status` until the first progress, `cancelText` on the Cancel button meanwhile.
    void run(const core::DumpCommand& command, const std::optional<QString>& password, int total,
             const QString& status, const QString& cancelText, ProgressText progressText);

    // Preparing, or the program running.
    bool isRunning() const;
    void cancel();
    // Cancels a running program and says so: the dialog stays open until it has stopped (runFinished()).
    bool cancelIfRunning();
    // The last run's runner (null before the first).
    const core::DumpRunner* runner() const { return m_runner; }

signals:
    void startClicked();
    void rejected();
    // The program ended (the buttons and progress already reset): the dialog words the outcome.
    void runFinished(pgdesk::core::DumpRunner::State state);

private:
    bool m_preparing = false;
    ProgressText m_progressText;
    core::DumpRunner* m_runner = nullptr;
    QPlainTextEdit* m_command = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_start = nullptr;
};

} // namespace pgdesk::ui
