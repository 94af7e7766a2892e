// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;
class LockAnalysisView;
class WriteUnlockButton;

// Moves a table (or materialized view) to another tablespace, as `pgdesk-cli tablespaces move` does: the
// statement (core::moveTableSql) and, before anything runs, what the lock analysis says it takes (ACCESS
// EXCLUSIVE for the whole copy) with the copy's time estimated; Move then runs it alone under a lock timeout
// (core::runGuardedStatement), on production only after Unlock writing. The tablespaces are read on a worker
// when the dialog opens.
class MoveTablespaceDialog final : public QDialog {
    Q_OBJECT
public:
    MoveTablespaceDialog(std::shared_ptr<core::Pool> pool, QString schema, QString table,
                         QWidget* parent = nullptr);
    ~MoveTablespaceDialog() override;

    QComboBox* tablespaceBox() const { return m_target; }
    QPlainTextEdit* sqlView() const { return m_sql; }
    LockAnalysisView* lockView() const { return m_locks; }
    QPushButton* moveButton() const { return m_move; }
    WriteUnlockButton* unlockButton() const { return m_unlock; }
    QString stateText() const;
    void move();

signals:
    void tablespacesRead();
    void previewed();
    void moved(const QString& tablespace);

private:
    void update();
    void setState(const QString& text, bool error);

    std::shared_ptr<core::Pool> m_pool;
    QString m_schema;
    QString m_table;
    QComboBox* m_target = nullptr;
    QPlainTextEdit* m_sql = nullptr;
    LockAnalysisView* m_locks = nullptr;
    QLabel* m_state = nullptr;
    WriteUnlockButton* m_unlock = nullptr;
    QPushButton* m_move = nullptr;
    JobSlot* m_read = nullptr;
    JobSlot* m_preview = nullptr;
    JobSlot* m_apply = nullptr;
    bool m_previewed = false;
};

} // namespace pgdesk::ui
