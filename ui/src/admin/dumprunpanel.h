// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/admin/dumprunner.h>
#include <pgdesk/core/admin/dumptool.h>

#include <QWidget>

#include <functional>
#include <optional>

class QDialog;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLayout;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace pgdesk::core {
struct ConnectionProfile;
}

namespace pgdesk::ui {

class JobSlot;

// What the worker finds out before the program starts.
struct PreparedDump {
    core::DumpCommand command;
    int total = 0;                   // the progress bar's total; 0: unknown
    std::optional<QString> password; // a password command's fresh token, else the session's password
};

// The worker's last step of a preparation: the password the program gets (the profile's password command's
// fresh token, else `password`) and the command routed through the profile's tunnel (up by now).
PreparedDump readyToRun(core::DumpCommand command, int total, const core::ConnectionProfile& profile,
                        const std::optional<QString>& password);
// A program known by its name only, before a worker has found it: what the command shown names.
core::DumpProgram programNamed(const QString& name);
// The command as shown: the built command's text (and `note` as a shell comment below it, when given), or
// why it cannot be built.
QString commandPreview(const std::function<core::DumpCommand()>& build, const QString& note = {});
// A file row: the line edit and a Browse button (returned). A row of several widgets gets no buddy from
// addRow: the label names its line edit itself, so its mnemonic works and no literal & shows.
QPushButton* addPathRow(QFormLayout* form, const QString& label, QLineEdit* path, const QString& browseText);

// The lower half of the Backup and Restore dialogs: the command as it will run (shown, copyable; no secret
// in it), the run's progress and status, and the buttons (the dialog's start button and Cancel, which reads
// "Cancel backup" while the program runs and "Close" after). A worker prepares each run (a JobSlot: nothing
// is delivered once the panel is gone); the panel owns the DumpRunner, which kills a running program and
// removes what it wrote when the panel goes. Object names are the dialog's prefix + Command, CopyCommand,
// Progress, Status, Start.
class DumpRunPanel final : public QWidget {
    Q_OBJECT
public:
    // Words the runner's progress: tables done, of all (0: unknown), the last one's name.
    using ProgressText = std::function<QString(int done, int all, const QString& table)>;
    // Words the program's end (Succeeded, Canceled or Failed), its runner at hand.
    using OutcomeText = std::function<QString(core::DumpRunner::State state, const core::DumpRunner& runner)>;
    // The dialog's words for one run.
    struct RunWords {
        QString status;     // until the first progress
        QString cancelText; // on the Cancel button while the program runs
        ProgressText progress;
        OutcomeText outcome;
    };

    // Lays out `dialog`: its `options` above, the panel below; the Cancel button rejects the dialog.
    DumpRunPanel(const QString& prefix, const QString& startText, QDialog* dialog, QLayout* options);

    QPushButton* startButton() const { return m_start; }
    void setCommand(const QString& text);
    void setStatus(const QString& text);
    QString status() const;

    // Runs `work` (finds the program, counts the tables) on a worker, busy meanwhile with the start button
    // off, then the program it prepared; a failure of `work` goes to fail().
    void prepare(const QString& status, std::function<PreparedDump()> work, RunWords words);
    // The status says why nothing runs, and finished(false, message).
    void fail(const QString& message);

    // Preparing, or the program running.
    bool isRunning() const;
    void cancel();
    // Cancels a running program and says so: the dialog stays open until it has stopped (finished()).
    bool cancelIfRunning();

signals:
    void startClicked();
    // A run's outcome in words (the buttons and progress already reset), or why it did not start.
    void finished(bool ok, const QString& message);

private:
    void run(const PreparedDump& prepared);
    void runnerFinished(core::DumpRunner::State state);

    JobSlot* m_prepare = nullptr;
    RunWords m_words;
    core::DumpRunner* m_runner = nullptr;
    QPlainTextEdit* m_command = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_start = nullptr;
};

} // namespace pgdesk::ui
