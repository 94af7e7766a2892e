// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/server/serverlog.h>

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace pgdesk::core {
class Pool;
struct Plan;
} // namespace pgdesk::core

namespace pgdesk::ui {

class DeadlockPicture;
class JobSlot;
class ReplicationTableModel;
class ServerLogFilter;
class ServerLogModel;

// Connection ▸ Server log: the file the server writes now (core::LogTail through the session's pool, on a
// worker), or a local log file; its last 4 MB, then what is added every second while Follow is on (across
// the server's rotations). Filters by severity, SQLSTATE, database, user and text; the selected entry in
// full below, a deadlock drawn as who waited for whom, an auto_explain plan opened in the plan view; the
// errors grouped on a tab of their own.
class ServerLogView final : public QWidget {
    Q_OBJECT
public:
    // The server's log through `pool`; with `file` set, that local file instead (pool may be null).
    ServerLogView(std::shared_ptr<core::Pool> pool, const QString& file = {}, QWidget* parent = nullptr);
    ~ServerLogView() override;

    void refresh(); // reads what was added now
    void setFollowing(bool follow);
    void setFilter(const core::LogFilter& filter); // also sets the controls
    void selectRow(int filteredRow);
    QString statusText() const;
    QString source() const;
    bool readsFile() const; // a local file rather than the server's current log

    ServerLogModel* model() const { return m_model; }
    ServerLogFilter* filterModel() const { return m_filter; }
    QTableView* view() const { return m_view; }
    DeadlockPicture* deadlockPicture() const { return m_deadlock; }
    QPlainTextEdit* detail() const { return m_detail; }
    ReplicationTableModel* groupModel() const { return m_groupModel; }
    QPushButton* openPlanButton() const { return m_openPlan; }

signals:
    void loaded(int entries); // a read finished with this many new entries
    void loadFailed(const QString& message);
    // An auto_explain plan to show (ServerFeature opens it in the plan view).
    void planRequested(std::shared_ptr<const core::Plan> plan, const QString& name);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    struct Tail;
    void applyControls();
    void showCurrent();
    void updateGroups();
    void openPlan();
    void setStatus(const QString& text, bool error = false);

    std::shared_ptr<core::Pool> m_pool;
    std::shared_ptr<Tail> m_tail;
    JobSlot* m_job = nullptr;
    QTimer* m_timer = nullptr;
    ServerLogModel* m_model = nullptr;
    ServerLogFilter* m_filter = nullptr;
    ReplicationTableModel* m_groupModel = nullptr;
    QComboBox* m_severity = nullptr;
    QLineEdit* m_text = nullptr;
    QLineEdit* m_sqlstate = nullptr;
    QLineEdit* m_database = nullptr;
    QLineEdit* m_user = nullptr;
    QCheckBox* m_follow = nullptr;
    QTableView* m_view = nullptr;
    QPlainTextEdit* m_detail = nullptr;
    DeadlockPicture* m_deadlock = nullptr;
    QPushButton* m_openPlan = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_source = nullptr;
};

} // namespace pgdesk::ui
