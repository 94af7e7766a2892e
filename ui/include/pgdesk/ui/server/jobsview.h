// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/server/jobs.h>

#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;
class ReplicationTableModel;

// Everything JobsView shows, read in one job.
struct JobsSnapshot {
    core::CronStatus cron;
    QList<core::CronJob> jobs;
    core::PartmanStatus partman;
    QList<core::PartitionSet> partitionSets;
};

// Connection ▸ Scheduled jobs: pg_cron's jobs (failing ones in the error colour) with the selected job's
// run history below, and pg_partman's partition sets, each tab there only where its extension is; where
// pg_cron is not usable from this database the view says why and what to do. New, Edit, Enable/Disable
// and Unschedule for jobs, New, Edit and Run maintenance for sets: a dialog shows the statement first,
// production asks for the database's name, and a change that drops (unscheduling, partitions dropped by
// retention) is confirmed by name. Read on a worker when shown and every 10 s while shown.
class JobsView final : public QWidget {
    Q_OBJECT
public:
    JobsView(std::shared_ptr<core::Pool> pool, QWidget* parent = nullptr);
    ~JobsView() override;

    void refresh();
    // Runs a change without asking (tests, and what the dialogs end in): `unlocked` with the guard's key.
    void apply(const core::JobChange& change, bool unlocked);

    const JobsSnapshot& snapshot() const { return m_snapshot; }
    ReplicationTableModel* jobModel() const { return m_jobModel; }
    ReplicationTableModel* runModel() const { return m_runModel; }
    ReplicationTableModel* partitionModel() const { return m_partitionModel; }
    QTableView* jobView() const { return m_jobView; }
    QTableView* partitionView() const { return m_partitionView; }
    QTabWidget* tabs() const { return m_tabs; }
    QLabel* statusLabel() const { return m_status; }
    QCheckBox* failuresOnlyBox() const { return m_failuresOnly; }
    // The job selected in the list, if any.
    std::optional<core::CronJob> selectedJob() const;

signals:
    void loaded();
    void runsLoaded();
    void applied(const QString& preview);
    void failed(const QString& message);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void display(const JobsSnapshot& snapshot);
    void loadRuns();
    void newJob();
    void editJob();
    void toggleJob();
    void askToUnschedule();
    void newPartitionSet();
    void editPartitionSet();
    void askToMaintain();
    // Production asks for the database's name first; then apply().
    void confirmAndApply(const core::JobChange& change, const QString& what);
    void updateButtons();

    std::shared_ptr<core::Pool> m_pool;
    JobSlot* m_load = nullptr;
    JobSlot* m_runs = nullptr;
    JobSlot* m_write = nullptr;
    QTimer* m_timer = nullptr;
    JobsSnapshot m_snapshot;
    QLabel* m_status = nullptr;
    QTabWidget* m_tabs = nullptr;
    QWidget* m_jobPage = nullptr;
    QWidget* m_partitionPage = nullptr;
    ReplicationTableModel* m_jobModel = nullptr;
    ReplicationTableModel* m_runModel = nullptr;
    ReplicationTableModel* m_partitionModel = nullptr;
    QTableView* m_jobView = nullptr;
    QTableView* m_runView = nullptr;
    QTableView* m_partitionView = nullptr;
    QCheckBox* m_failuresOnly = nullptr;
    QPushButton* m_newJob = nullptr;
    QPushButton* m_editJob = nullptr;
    QPushButton* m_toggleJob = nullptr;
    QPushButton* m_unschedule = nullptr;
    QPushButton* m_editSet = nullptr;
    QPushButton* m_maintain = nullptr;
    qint64 m_runsOf = -1; // the job whose runs are shown
};

} // namespace pgdesk::ui
