// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/admin/maintenance.h>
#include <pgdesk/core/profiles/connectionprofile.h>
#include <pgdesk/core/session/writeunlock.h>

#include <QDialog>

#include <memory>
#include <optional>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTimer;

namespace pgdesk::ui {

class JobSlot;

// Maintenance…: VACUUM (FULL, FREEZE, ANALYZE), ANALYZE, REINDEX (CONCURRENTLY) or REFRESH MATERIALIZED VIEW
// (CONCURRENTLY) on the one relation it was opened for, through core::MaintenanceRunner on a worker with a
// connection of its own (so it runs whatever the session's pool holds). It offers only the operations the
// relation's kind takes, shows the exact statement as the options change, the server's progress while it
// runs, Cancel (PQcancel), and the outcome in plain words.
class MaintenanceDialog final : public QDialog {
    Q_OBJECT
public:
    MaintenanceDialog(core::ConnectionProfile profile, std::optional<QString> password, QString schema,
                      QString name, QWidget* parent = nullptr);
    ~MaintenanceDialog() override;

    // What the controls say (tests drive the dialog through these as a user would through the controls).
    void setOperation(core::MaintenanceOperation operation);
    void setFull(bool on);
    void setFreeze(bool on);
    void setAnalyze(bool on);
    void setConcurrently(bool on);
    core::MaintenanceOptions options() const;
    std::optional<core::MaintenanceTarget> target() const { return m_target; }
    // The statement Run would send; empty until the relation is read or while the options are refused.
    QString statementText() const;
    QString statusText() const;
    bool isRunning() const;

    // Runs the statement shown; on a production profile after the guard's question (the database's name).
    void run();
    void cancel();
    void reject() override; // Esc / Close while running cancels first, and the dialog stays

signals:
    void targetRead();
    void succeeded(const QString& statement, qint64 durationMs);
    void failed(const QString& message, const QString& sqlState);

private:
    void start(const core::WriteAccess& write);
    struct Progress;
    void readTarget();
    void updateControls();
    void showProgress();
    void setStatus(const QString& text, bool error);

    core::ConnectionProfile m_profile;
    std::optional<QString> m_password;
    QString m_schema;
    QString m_name;
    std::optional<core::MaintenanceTarget> m_target;
    std::shared_ptr<Progress> m_progressState;

    QLabel* m_object = nullptr;
    QRadioButton* m_vacuum = nullptr;
    QRadioButton* m_analyzeOnly = nullptr;
    QRadioButton* m_reindex = nullptr;
    QRadioButton* m_refresh = nullptr;
    QCheckBox* m_full = nullptr;
    QCheckBox* m_freeze = nullptr;
    QCheckBox* m_analyze = nullptr;
    QCheckBox* m_concurrently = nullptr;
    QPlainTextEdit* m_statement = nullptr;
    QLabel* m_note = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_phase = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_copy = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_close = nullptr;
    QTimer* m_poll = nullptr;
    JobSlot* m_read = nullptr;
    JobSlot* m_job = nullptr;
};

} // namespace pgdesk::ui
