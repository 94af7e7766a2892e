// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/server/publishing.h>
#include <pgdesk/core/server/replication.h>

#include <QAbstractTableModel>
#include <QWidget>

#include <memory>

class QDialog;
class QLabel;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;
class QTimer;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;

// Rows of text with a header, and rows marked for attention (shown in the warning colour): the tables of the
// replication view.
class ReplicationTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit ReplicationTableModel(QObject* parent = nullptr);
    void setRows(const QStringList& headers, const QList<QStringList>& rows, const QList<bool>& flagged = {});
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
    QList<bool> m_flagged;
};

// A read-only list of rows: whole rows selected one at a time, no row numbers, the last column stretched;
// `name` its object name, `title` what a screen reader calls it. The server views' tables.
QTableView* listTableView(QAbstractItemModel* model, const char* name, const QString& title, QWidget* parent);

// Everything ReplicationView shows, read in one job.
struct ReplicationSnapshot {
    core::RecoveryState recovery;
    QList<core::StandbyInfo> standbys;
    QList<core::ReplicationSlot> replicationSlots;
    QList<core::Publication> publications;
    QList<core::Subscription> subscriptions;
};

// Connection ▸ Replication: this server as primary or standby, its standbys, its slots (an inactive slot
// retaining more than the limit, lost WAL and VACUUM held back are flagged above them), its publications and
// subscriptions. Read on a worker when shown and every 5 s while shown. Drop slot… names what the slot
// retains and what used it before dropping; an active slot is refused; production asks for the database's
// name. Publications are created and edited in PublicationDialog (staged statements with their locks) and
// dropped after a confirmation that says their subscribers stop receiving changes. Subscriptions are created
// in SubscriptionDialog and enabled, disabled, refreshed, skipped past a failing transaction and dropped from
// their tab.
class ReplicationView final : public QWidget {
    Q_OBJECT
public:
    ReplicationView(std::shared_ptr<core::Pool> pool, QWidget* parent = nullptr);
    ~ReplicationView() override;

    void refresh();
    // The limit for an inactive slot's retained WAL (saved as the preference the dashboard reads too).
    void setAlertBytes(qint64 bytes);
    // Drops the slot without asking (tests; the button asks first).
    void dropSlot(const QString& name, bool unlocked);
    // Opens the publication dialog: a new publication, or the one named (after reading the database's
    // tables).
    void openPublication(const QString& name = {});
    // Drops the publication without asking (tests; the button asks first).
    void dropPublication(const QString& name, bool unlocked);
    // The publication of the selected row of the Publications tab; empty when none.
    QString selectedPublication() const;
    QTableView* publicationView() const { return m_publicationView; }
    // Opens the new-subscription dialog (after reading the saved profiles a publisher may be chosen from).
    void openSubscription();
    // Runs `action` on the subscription without asking (tests; the buttons ask first where it loses
    // something): Refresh with `copyData`, Skip at `lsn`.
    void runSubscriptionAction(const QString& name, core::SubscriptionAction action, bool unlocked,
                               const QString& lsn = {}, bool copyData = true);
    // The subscription of the selected row of the Subscriptions tab; empty when none.
    QString selectedSubscription() const;
    QTableView* subscriptionView() const { return m_subscriptionView; }

    const ReplicationSnapshot& snapshot() const { return m_snapshot; }
    QStringList alerts() const { return m_alerts; }
    ReplicationTableModel* slotModel() const { return m_slotModel; }
    ReplicationTableModel* standbyModel() const { return m_standbyModel; }
    ReplicationTableModel* publicationModel() const { return m_publicationModel; }
    ReplicationTableModel* subscriptionModel() const { return m_subscriptionModel; }
    QTableView* slotView() const { return m_slotView; }
    QLabel* summaryLabel() const { return m_summary; }

signals:
    void loaded();
    void loadFailed(const QString& message);
    void slotDropped(const QString& name);
    void publicationDialogOpened(QDialog* dialog);
    void publicationChanged(const QString& name);
    void subscriptionDialogOpened(QDialog* dialog);
    void subscriptionChanged(const QString& name);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void display(ReplicationSnapshot snapshot);
    void askToDropSelected();
    void askToDropPublication();
    QWidget* subscriptionPage(QTabWidget* tabs);
    // Asks what `action` needs (the LSN to skip, whether to copy rows, the confirmation of a drop or of
    // production), then runs it.
    void askSubscriptionAction(core::SubscriptionAction action);
    QTableView* addTable(QTabWidget* tabs, ReplicationTableModel* model, const QString& title,
                         const char* name);

    std::shared_ptr<core::Pool> m_pool;
    qint64 m_alertBytes = 0;
    ReplicationSnapshot m_snapshot;
    QStringList m_alerts;
    JobSlot* m_load = nullptr;
    JobSlot* m_drop = nullptr;
    JobSlot* m_publicationJob = nullptr;
    QTimer* m_timer = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_alertLabel = nullptr;
    QPushButton* m_dropButton = nullptr;
    QSpinBox* m_alertLimit = nullptr;
    ReplicationTableModel* m_slotModel = nullptr;
    ReplicationTableModel* m_standbyModel = nullptr;
    ReplicationTableModel* m_publicationModel = nullptr;
    ReplicationTableModel* m_subscriptionModel = nullptr;
    QTableView* m_slotView = nullptr;
    QTableView* m_publicationView = nullptr;
    QTableView* m_subscriptionView = nullptr;
};

} // namespace pgdesk::ui
