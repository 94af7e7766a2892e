// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/schema/privileges.h>

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
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
class WriteUnlockButton;

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
    // New Role… / Edit Role…: the role dialog (window-modal), then applyRole().
    void newRole();
    void editRole();
    // Drop Role: asks first (window-modal), then DROP ROLE.
    void dropRole();
    // Creates (`before` nullopt) or alters a role; a non-empty `password` is sent only as the SCRAM verifier
    // libpq computes from it. Production needs the tab's unlock.
    void applyRole(const std::optional<core::RoleSpec>& before, const core::RoleSpec& after,
                   const QString& password);
    // GRANT group TO member [WITH ADMIN OPTION] (the Make Member button, for the selected role), or REVOKE.
    void changeMembership(bool grant, const QString& group, const QString& member, bool adminOption);
    WriteUnlockButton* unlockButton() const { return m_unlock; }
    QString stateText() const;

signals:
    void changeFinished(bool applied);
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
    JobSlot* m_change = nullptr;
    WriteUnlockButton* m_unlock = nullptr;
    QComboBox* m_group = nullptr;
    QCheckBox* m_admin = nullptr;
};

} // namespace pgdesk::ui
