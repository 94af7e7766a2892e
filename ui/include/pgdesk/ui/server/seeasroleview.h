// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/server/rowsecurity.h>

#include <QAbstractTableModel>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;
class ReplicationTableModel;

// The rows a role reads (core::RoleRowView): the table's columns (NULL shown as NULL, apart from empty
// text), then the policies that admit each row and whether the role may update and delete it. Bounded by
// the view's row limit.
class RoleRowsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit RoleRowsModel(QObject* parent = nullptr);
    void setView(core::RoleRowView view);
    const core::RoleRowView& view() const { return m_view; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    core::RoleRowView m_view;
};

// "See as role" for one table (the tree's See as role… on a table): pick a role this session may SET ROLE
// to, and the table shows as that role reads it (read in a transaction that is rolled back; nothing is
// written or locked), with the policy that admitted each row; beside it the table's policies, those that
// apply to the role marked. Whether row security is off, or the role bypasses it, is said above.
class SeeAsRoleView final : public QWidget {
    Q_OBJECT
public:
    SeeAsRoleView(std::shared_ptr<core::Pool> pool, QString schema, QString table, QWidget* parent = nullptr);
    ~SeeAsRoleView() override;

    // Shows the table as `role` (also what Show does with the chosen role).
    void showAs(const QString& role);

    RoleRowsModel* rowsModel() const { return m_rows; }
    ReplicationTableModel* policyModel() const { return m_policies; }
    QComboBox* roleBox() const { return m_role; }
    QLabel* statusLabel() const { return m_status; }
    const QString& schema() const { return m_schema; }
    const QString& table() const { return m_table; }

signals:
    void rolesLoaded();
    void shown();
    void failed(const QString& message);

private:
    std::shared_ptr<core::Pool> m_pool;
    QString m_schema;
    QString m_table;
    JobSlot* m_load = nullptr;
    JobSlot* m_roles = nullptr;
    QComboBox* m_role = nullptr;
    QSpinBox* m_limit = nullptr;
    QPushButton* m_show = nullptr;
    QLabel* m_status = nullptr;
    RoleRowsModel* m_rows = nullptr;
    ReplicationTableModel* m_policies = nullptr;
};

} // namespace pgdesk::ui
