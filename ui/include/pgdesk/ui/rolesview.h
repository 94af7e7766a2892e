// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;
class RolesModel;

// The server's roles, read-only (core::RoleReader on a worker from the session's pool): a sortable table of
// roles and their attributes, and below it the memberships of the selected role both ways (member of,
// members), with the admin option and who granted it. Refresh (F5) reads again; "Predefined roles" adds the
// pg_* roles.
class RolesView final : public QWidget {
    Q_OBJECT
public:
    enum MembershipColumn { DirectionColumn, RoleColumn, AdminColumn, GrantorColumn, MembershipColumnCount };

    explicit RolesView(std::shared_ptr<core::Pool> pool, QWidget* parent = nullptr);
    ~RolesView() override;

    void refresh();
    bool isLoading() const;
    RolesModel* model() const { return m_model; }
    QSortFilterProxyModel* sortModel() const { return m_sort; }
    QTableView* view() const { return m_view; }
    // The memberships of the current role.
    QStandardItemModel* membershipModel() const { return m_memberships; }
    QCheckBox* predefinedBox() const { return m_predefined; }
    // Makes `name` the current role (its memberships shown); false when it is not listed.
    bool selectRole(const QString& name);

signals:
    void loaded(int roleCount);
    void loadFailed(const QString& message);

private:
    void showMemberships();

    std::shared_ptr<core::Pool> m_pool;
    RolesModel* m_model = nullptr;
    QSortFilterProxyModel* m_sort = nullptr;
    QTableView* m_view = nullptr;
    QStandardItemModel* m_memberships = nullptr;
    QLabel* m_state = nullptr;
    QCheckBox* m_predefined = nullptr;
    JobSlot* m_load = nullptr;
};

} // namespace pgdesk::ui
