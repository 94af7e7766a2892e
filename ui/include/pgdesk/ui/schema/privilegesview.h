// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/schema/privileges.h>

#include <QAbstractTableModel>
#include <QWidget>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;
class WriteUnlockButton;

// The privilege matrix of one table or schema: roles down, privileges across. A cell's box is the grant to
// the role itself (ticked to grant, cleared to revoke); "with grant option" is its right-click; what the
// role has through memberships, PUBLIC or ownership shows in its text and tooltip.
class PrivilegeMatrixModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit PrivilegeMatrixModel(QObject* parent = nullptr);
    void setMatrix(core::PrivilegeMatrix matrix);
    const core::PrivilegeMatrix& original() const { return m_original; }
    const core::PrivilegeMatrix& matrix() const { return m_edited; }
    void toggleGrantOption(const QModelIndex& index);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void matrixEdited();

private:
    core::PrivilegeMatrix m_original;
    core::PrivilegeMatrix m_edited;
};

// The matrix read on a worker, its GRANT and REVOKE statements as they are ticked, and Apply in one
// transaction (the production guard's unlock on production).
class PrivilegesView final : public QWidget {
    Q_OBJECT
public:
    PrivilegesView(std::shared_ptr<core::Pool> pool, core::PrivilegeTarget target, QWidget* parent = nullptr);

    PrivilegeMatrixModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QPlainTextEdit* sqlView() const { return m_sql; }
    QPushButton* applyButton() const { return m_apply; }
    WriteUnlockButton* unlockButton() const { return m_unlock; }
    QString stateText() const;
    QStringList statements() const;
    void refresh();
    void apply();

signals:
    void loaded();
    void applyFinished(bool applied);

private:
    void showStatements();

    std::shared_ptr<core::Pool> m_pool;
    core::PrivilegeTarget m_target;
    PrivilegeMatrixModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QPlainTextEdit* m_sql = nullptr;
    QPushButton* m_apply = nullptr;
    WriteUnlockButton* m_unlock = nullptr;
    QLabel* m_state = nullptr;
    JobSlot* m_load = nullptr;
    JobSlot* m_applyJob = nullptr;
};

} // namespace pgdesk::ui
