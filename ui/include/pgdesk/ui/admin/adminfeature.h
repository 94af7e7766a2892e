// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/ui/common/feature.h>

#include <QString>

class QWidget;

namespace pgdesk::ui {

class ActivityView;
class DashboardView;
class LargestRelationsView;
class RolesView;
class StatementsView;
class Workbench;

// The admin folder's part of the window: Connection ▸ Server activity, Backup…, Restore…, Roles, Top
// statements and Dashboard, and the tree's Maintenance…, Back up… and Largest relations. Each of the
// session's views is one tab per session.
class AdminFeature final : public Feature {
    Q_OBJECT
public:
    using Feature::Feature;
    static AdminFeature* of(const QWidget& window);
    void initialize(Workbench& workbench) override;

    // Connection ▸ Server activity (Ctrl+Shift+A): on a connection of its own (nullptr without a session).
    ActivityView* openActivity();
    // Connection ▸ Roles: read-only (nullptr without a session).
    RolesView* openRoles();
    // Connection ▸ Top statements: pg_stat_statements; a statement opens in a query tool (explained when
    // asked).
    StatementsView* openStatements();
    DashboardView* openDashboard();
    // The tree's "Largest relations" on a schema: its size list (one tab per schema).
    LargestRelationsView* openLargestRelations(const QString& schema, const QString& database = {});
    // Connection ▸ Backup… and the tree's "Back up…" of a table (`name`), a schema or a database.
    void openBackup(const QString& schema, const QString& name, const QString& database = {});
    void openRestore();

private:
    void addMenus();
    void addTreeEntries();

    Workbench* m_workbench = nullptr;
};

} // namespace pgdesk::ui
