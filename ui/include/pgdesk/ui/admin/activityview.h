// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/admin/activityreader.h>
#include <pgdesk/core/profiles/connectionprofile.h>

#include <QAbstractTableModel>
#include <QSet>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QPushButton;
class QTableView;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace pgdesk::ui {

class JobSlot;

// The server's processes (core::ActivityReader::sessions()) as a table: one row per process, plain data.
// Rows of idle-in-transaction sessions have their transaction age highlighted; blocked rows name who
// blocks them and the lock mode they wait for.
class ActivityModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Pid,
        User,
        Database,
        Application,
        Client,
        State,
        Wait,
        TransactionAge,
        BlockedBy,
        LockMode,
        Query,
        ColumnCount
    };
    static constexpr int PidRole = Qt::UserRole + 1;       // int
    static constexpr int HighlightRole = Qt::UserRole + 2; // QString: "", "idle_in_transaction", "blocked"

    explicit ActivityModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setSessions(QList<core::BackendActivity> sessions);
    const QList<core::BackendActivity>& sessions() const { return m_sessions; }
    int rowOfPid(int pid) const; // -1 when not listed

    // "42 s", "3 min 5 s", "2 h 10 min": ages read at a glance.
    static QString ageText(qint64 seconds);

private:
    QList<core::BackendActivity> m_sessions;
};

// A tab listing the server's activity on one connection of its own (opened on the first read), so it works
// when the session's pool is exhausted. Read on a worker, never on the GUI thread; refreshed every 2 s while
// shown (paused while hidden) and on Refresh. Cancel and Terminate signal the selected backend after a
// confirmation that shows its query. Through a transaction pooler a banner says that server backends are not
// the pooler's client sessions. Columns are as wide as what they hold (up to kMaxColumnWidth, the whole text
// in the tooltip) until the user resizes one; the query takes the rest of the width.
class ActivityView final : public QWidget {
    Q_OBJECT
public:
    static constexpr int kRefreshMs = 2000;
    static constexpr int kMaxColumnWidth = 320;
    static constexpr int kMinFittedWidth = 60; // a fitted column is never cut narrower

    // Asked before signalling a backend: true goes ahead. The default is a QMessageBox; tests replace it.
    using Confirmation = std::function<bool(const QString& title, const QString& text)>;

    ActivityView(core::ConnectionProfile profile, std::optional<QString> password, QWidget* parent = nullptr);
    ~ActivityView() override;

    void refresh();
    // The selected row's backend; each asks the confirmation first.
    void cancelSelected();
    void terminateSelected();
    void selectPid(int pid);
    int selectedPid() const; // 0 when none

    void setConfirmation(Confirmation confirmation) { m_confirm = std::move(confirmation); }

    ActivityModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    // Who blocks whom (core::blockingTree): "PID 4711 (alice, idle in transaction for 42 s): UPDATE …" per
    // node, a waiter's lock mode first; hidden while nobody waits for a lock. Selecting a node selects its
    // row.
    QTreeWidget* blockingTree() const { return m_tree; }
    QLabel* messageLabel() const { return m_message; }
    QLabel* poolerBanner() const { return m_poolerBanner; }
    QPushButton* cancelButton() const { return m_cancelButton; }
    QPushButton* terminateButton() const { return m_terminateButton; }
    QTimer* refreshTimer() const { return m_timer; }
    bool isLoading() const;

signals:
    void refreshed();
    void refreshFailed(const QString& message);
    // After Cancel or Terminate: whether the server signalled it (false: the process had already gone).
    void signalled(int pid, bool terminate, bool sent);
    void signalFailed(int pid, const QString& message);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    struct Reading; // the connection of its own, used by one worker at a time
    void signalSelected(bool terminate);
    void updateButtons();
    void fillBlockingTree();
    void showMessage(const QString& text, bool error);
    void fitColumns();

    std::shared_ptr<Reading> m_reading;
    ActivityModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QTreeWidget* m_tree = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_poolerBanner = nullptr;
    QPushButton* m_refreshButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_terminateButton = nullptr;
    QTimer* m_timer = nullptr;
    JobSlot* m_load = nullptr;
    JobSlot* m_signal = nullptr;
    Confirmation m_confirm;
    bool m_guarded = false; // a production profile: signals need the guard's question answered
    bool m_fitting = false;
    QSet<int> m_sizedByUser; // columns the user resized: a refresh keeps their width
};

} // namespace pgdesk::ui
