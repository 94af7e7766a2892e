// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/admin/activityview.h>
#include <pgdesk/ui/admin/adminfeature.h>
#include <pgdesk/ui/admin/backupdialog.h>
#include <pgdesk/ui/admin/dashboardview.h>
#include <pgdesk/ui/admin/largestrelationsview.h>
#include <pgdesk/ui/admin/maintenancedialog.h>
#include <pgdesk/ui/admin/restoredialog.h>
#include <pgdesk/ui/admin/rolesview.h>
#include <pgdesk/ui/admin/statementsview.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/workbench.h>
#include <pgdesk/ui/query/queryfeature.h>
#include <pgdesk/ui/query/querytool.h>

#include <pgdesk/core/session/pool.h>

#include <QAction>
#include <QMainWindow>

namespace pgdesk::ui {

AdminFeature* AdminFeature::of(const QWidget& window) {
    return Workbench::featureOf<AdminFeature>(window);
}

void AdminFeature::initialize(Workbench& workbench) {
    m_workbench = &workbench;
    addMenus();
    addTreeEntries();
}

void AdminFeature::addMenus() {
    const auto icon = [](const char* name) { return themedIcon(QLatin1String(name)); };
    QAction* activity = m_workbench->addMenuAction(MenuId::Connection, 110, QStringLiteral("activityAction"),
                                                   icon("view-statistics"), tr("Server &activity"),
                                                   [this] { openActivity(); });
    activity->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    activity->setIconText(tr("Activity"));
    activity->setToolTip(tr("Sessions, locks and who blocks whom, on a connection of its own"));
    m_workbench->addToToolBar(210, activity);
    m_workbench->enableWith(activity, [this] { return m_workbench->hasSession(); });
    m_workbench->addMenuAction(MenuId::Connection, 120, QStringLiteral("backupAction"), icon("document-save"),
                               tr("&Backup…"),
                               [this] { openBackup({}, {}, m_workbench->currentDatabase()); });
    m_workbench->addMenuAction(MenuId::Connection, 130, QStringLiteral("restoreAction"),
                               icon("document-open"), tr("R&estore…"), [this] { openRestore(); });
    m_workbench
        ->addMenuAction(MenuId::Connection, 140, QStringLiteral("rolesAction"), icon("view-list-tree"),
                        tr("&Roles"), [this] { openRoles(); })
        ->setToolTip(tr("Roles, their attributes and memberships (read-only)"));
    m_workbench
        ->addMenuAction(MenuId::Connection, 150, QStringLiteral("statementsAction"), icon("view-statistics"),
                        tr("&Top statements"), [this] { openStatements(); })
        ->setToolTip(tr("What loaded the server in the last seconds or minutes (pg_stat_statements)"));
    QAction* dashboard =
        m_workbench->addMenuAction(MenuId::Connection, 190, QStringLiteral("dashboardAction"),
                                   icon("view-statistics"), tr("Dash&board"), [this] { openDashboard(); });
    dashboard->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    dashboard->setToolTip(tr("The server's activity over the last minutes, sampled while shown"));
}

void AdminFeature::addTreeEntries() {
    using Node = TreeObject::Node;
    // VACUUM, ANALYZE, REINDEX, REFRESH, on a connection of its own from the profile and password: it runs
    // whatever the pool holds.
    TreeEntry maintenance{Node::Relation,
                          220,
                          QStringLiteral("treeMaintenanceAction"),
                          QStringLiteral("tools-wizard"),
                          tr("Maintenance…"),
                          [this](const TreeObject& o) {
                              const auto pool = m_workbench->poolFor(o.database);
                              if (!pool)
                                  return;
                              auto* dialog = new MaintenanceDialog(pool->profile(), pool->password(),
                                                                   o.schema, o.name, m_workbench->window());
                              dialog->setAttribute(Qt::WA_DeleteOnClose);
                              dialog->open();
                          },
                          [](const TreeObject& o) { return o.relationKind != QLatin1String("view"); },
                          tr("A view holds no data to maintain")};
    TreeEntry backup{Node::Relation,
                     230,
                     QStringLiteral("treeBackupAction"),
                     QStringLiteral("document-save"),
                     tr("Back up…"),
                     [this](const TreeObject& o) { openBackup(o.schema, o.name, o.database); },
                     [](const TreeObject& o) { return o.isTable(); }};
    TreeEntry backupSchema{Node::Schema,
                           160,
                           QStringLiteral("treeBackupSchemaAction"),
                           QStringLiteral("document-save"),
                           tr("Back up schema…"),
                           [this](const TreeObject& o) { openBackup(o.schema, QString(), o.database); }};
    TreeEntry largest{Node::Schema,
                      170,
                      QStringLiteral("treeLargestRelationsAction"),
                      QStringLiteral("view-statistics"),
                      tr("Largest relations"),
                      [this](const TreeObject& o) { openLargestRelations(o.schema, o.database); }};
    TreeEntry backupDatabase{Node::Database,
                             110,
                             QStringLiteral("treeBackupDatabaseAction"),
                             QStringLiteral("document-save"),
                             tr("Back up database…"),
                             [this](const TreeObject& o) { openBackup({}, {}, o.database); }};
    for (TreeEntry* e : {&maintenance, &backup, &backupSchema, &largest, &backupDatabase})
        m_workbench->addTreeEntry(*e);
}

bool AdminFeature::connected(const QString& whyNot) const {
    if (m_workbench->hasSession())
        return true;
    m_workbench->showMessage(whyNot, 5000);
    return false;
}

ActivityView* AdminFeature::openActivity() {
    if (!connected(tr("Connect first: the activity tab shows the current session's server")))
        return nullptr;
    if (auto* open = m_workbench->activateTab<ActivityView>()) // one per session
        return open;
    const auto& pool = m_workbench->session().pool;
    auto* view = new ActivityView(pool->profile(), pool->password(), m_workbench->tabs());
    m_workbench->addTab(view, themedIcon(QStringLiteral("view-statistics")), tr("Activity"),
                        tr("Server activity of %1").arg(pool->profile().name));
    return view;
}

RolesView* AdminFeature::openRoles() {
    if (!connected(tr("Connect first: the roles tab shows the current session's server")))
        return nullptr;
    if (auto* open = m_workbench->activateTab<RolesView>()) // one per session
        return open;
    const auto& pool = m_workbench->session().pool;
    auto* view = new RolesView(pool, m_workbench->tabs());
    m_workbench->addTab(view, themedIcon(QStringLiteral("view-list-tree")), tr("Roles"),
                        tr("Roles of %1").arg(pool->profile().name));
    return view;
}

StatementsView* AdminFeature::openStatements() {
    if (!connected(tr("Connect first: top statements are the current session's server's")))
        return nullptr;
    if (auto* open = m_workbench->activateTab<StatementsView>()) // one per session
        return open;
    const auto& pool = m_workbench->session().pool;
    auto* view = new StatementsView(pool, m_workbench->tabs());
    m_workbench->addTab(view, themedIcon(QStringLiteral("view-statistics")), tr("Top statements"),
                        tr("Top statements of %1 (pg_stat_statements)").arg(pool->profile().name));
    const auto open = [this](const QString& sql, bool explain) {
        auto* query = m_workbench->feature<QueryFeature>();
        if (QueryTool* tool = query ? query->openQueryTool() : nullptr) {
            tool->setSql(sql);
            if (explain) // a $n statement asks for its values first
                tool->explain(false);
        }
    };
    connect(view, &StatementsView::openInQueryTool, this, [open](const QString& sql) { open(sql, false); });
    connect(view, &StatementsView::explainInQueryTool, this, [open](const QString& sql) { open(sql, true); });
    return view;
}

DashboardView* AdminFeature::openDashboard() {
    if (!connected(tr("Connect first: the dashboard shows the current session's server")))
        return nullptr;
    if (auto* open = m_workbench->activateTab<DashboardView>()) // one per session: its samples stay
        return open;
    const auto& pool = m_workbench->session().pool;
    auto* view = new DashboardView(pool->profile(), pool->password(), m_workbench->tabs());
    m_workbench->addTab(view, themedIcon(QStringLiteral("view-statistics")), tr("Dashboard"),
                        tr("Dashboard of %1").arg(pool->profile().name));
    return view;
}

LargestRelationsView* AdminFeature::openLargestRelations(const QString& schema, const QString& database) {
    const auto pool = m_workbench->poolFor(database);
    if (!pool)
        return nullptr;
    const QString db = database.isEmpty() ? m_workbench->primaryDatabase() : database;
    if (auto* open = m_workbench->activateTab<LargestRelationsView>([&](LargestRelationsView* v) {
            return v->schema() == schema && Workbench::tabDatabase(v) == db;
        }))
        return open;
    auto* view = new LargestRelationsView(pool, schema, m_workbench->tabs());
    m_workbench->addTab(view, themedIcon(QStringLiteral("view-statistics")), tr("Sizes: %1").arg(schema),
                        tr("Largest relations of schema %1").arg(schema), db);
    return view;
}

void AdminFeature::openBackup(const QString& schema, const QString& name, const QString& database) {
    const auto pool = m_workbench->poolFor(database);
    if (!pool)
        return;
    auto* dialog = new BackupDialog(pool, m_workbench->window());
    if (!name.isEmpty())
        dialog->setTable(schema, name);
    else if (!schema.isEmpty())
        dialog->setSchema(schema);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void AdminFeature::openRestore() {
    if (!m_workbench->hasSession())
        return;
    auto* dialog = new RestoreDialog(m_workbench->session().pool, m_workbench->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace pgdesk::ui
