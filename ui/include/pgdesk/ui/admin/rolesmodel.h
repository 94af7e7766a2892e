// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/admin/rolereader.h>

#include <QAbstractTableModel>

namespace pgdesk::ui {

// core::RoleReader's roles as a table: a row per role, a column per attribute, "Member of" listing its
// groups (admin option marked). SortRole holds what a sort proxy orders by (booleans and numbers as such).
class RolesModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        LoginColumn,
        SuperuserColumn,
        CreateRoleColumn,
        CreateDatabaseColumn,
        ReplicationColumn,
        BypassRlsColumn,
        InheritColumn,
        ConnectionLimitColumn,
        ValidUntilColumn,
        MemberOfColumn,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int RoleNameRole = Qt::UserRole + 2; // the plain name, for every column

    explicit RolesModel(QObject* parent = nullptr);

    void setRoles(QList<core::RoleInfo> roles);
    const QList<core::RoleInfo>& roles() const { return m_roles; }
    // The row of a role by name, or -1.
    int rowOf(const QString& name) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<core::RoleInfo> m_roles;
};

} // namespace pgdesk::ui
