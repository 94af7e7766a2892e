// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/editing/batchoperation.h>
#include <pgdesk/ui/common/writeunlockbutton.h>

#include <QDialog>
#include <QPointer>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTimer;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;

// Edit ▸ Batch operation…: one action (set a column to a value, soft delete, restore, delete permanently)
// on the selected rows or on every row matching the tab's current view (filter, search, soft-delete scope),
// as one transaction through core::BatchOperation. The rows it would change are counted first (on a
// worker) and the Run button names that number; the run checks it is still that number (else nothing is
// written), shows progress for key lists and can be cancelled (the transaction rolls back).
class BatchDialog final : public QDialog {
    Q_OBJECT
public:
    BatchDialog(std::shared_ptr<core::Pool> pool, core::TableInfo table, core::QuerySpec view,
                QList<core::Key> selected, QWidget* parent = nullptr);
    ~BatchDialog() override;

    // What the controls say (tests drive the dialog through these as a user would through the controls).
    void setAction(core::BatchAction action);
    void setOnSelection(bool selection);
    void setColumn(const QString& column);
    void setValue(const std::optional<QString>& value); // nullopt: NULL
    core::BatchRequest request() const;
    bool onSelection() const;

    // Counts the rows the action would change; then Run is enabled and names the number.
    void count();
    // Runs the counted action; Cancel (or cancel()) rolls it back. On a production tab unlocked for writing,
    // the database's name is asked first (ProductionConfirmDialog); locked, the server refuses the run.
    void run();
    // The tab's "Unlock writing": its key goes with the run.
    void setWriteUnlock(WriteUnlockButton* button) { m_unlock = button; }
    void cancel();
    std::optional<qint64> countedRows() const { return m_counted; }
    bool isBusy() const; // counting or running
    QString statusText() const;

signals:
    void counted(qint64 rows);
    void finished(qint64 affected); // committed
    void failed(const QString& message);

private:
    struct Job;
    void optionsChanged();
    void updateControls();
    void showProgress();
    void start();

    std::shared_ptr<core::Pool> m_pool;
    QPointer<WriteUnlockButton> m_unlock;
    core::TableInfo m_table;
    core::QuerySpec m_view;
    QList<core::Key> m_selected;
    QRadioButton* m_selection = nullptr;
    QRadioButton* m_matching = nullptr;
    QComboBox* m_action = nullptr;
    QComboBox* m_column = nullptr;
    QLineEdit* m_value = nullptr;
    QCheckBox* m_null = nullptr;
    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_count = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_close = nullptr;
    QTimer* m_poll = nullptr;
    JobSlot* m_work = nullptr;  // the count or the run (one at a time); a changed option drops a count
    std::shared_ptr<Job> m_job; // the running batch's progress and stop flag
    std::optional<qint64> m_counted;
    bool m_finished = false;
};

} // namespace pgdesk::ui
