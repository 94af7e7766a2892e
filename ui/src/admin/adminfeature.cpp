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

namespace {

// The session's one tab of kind View: the open one made current, or `make(pool)` added as a new tab (then
// `created`); nullptr without a session, `whyNot` said in the status bar. `toolTip`'s %1 is the profile.
template <class View, class Make>
View* sessionTab(Workbench& workbench, const QString& whyNot, Make make, const char* icon,
                 const QString& title, const QString& toolTip, bool* created = nullptr) {
    if (!workbench.hasSession()) {
        workbench.showMessage(whyNot, 5000);
        return nullptr;
    }
    if (auto* open = workbench.activateTab<View>())
        return open;
    const auto& pool = workbench.session().pool;
    View* view = make(pool);
    workbench.addTab(view, themedIcon(QLatin1String(icon)), title, toolTip.arg(pool->profile().name));
    if (created)
        *created = true;
    return view;
}

} // namespace

ActivityView* AdminFeature::openActivity() {
    return sessionTab<ActivityView>(
        *m_workbench, tr("Connect first: the activity tab shows the current session's server"),
        [this](const auto& pool) {
            return new ActivityView(pool->profile(), pool->password(), m_workbench->tabs());
        },
        "view-statistics", tr("Activity"), tr("Server activity of %1"));
}

RolesView* AdminFeature::openRoles() {
    return sessionTab<RolesView>(
        *m_workbench, tr("Connect first: the roles tab shows the current session's server"),
        [this](const auto& pool) { return new RolesView(pool, m_workbench->tabs()); }, "view-list-tree",
        tr("Roles"), tr("Roles of %1"));
}

StatementsView* AdminFeature::openStatements() {
    bool created = false;
    auto* view = sessionTab<StatementsView>(
        *m_workbench, tr("Connect first: top statements are the current session's server's"),
        [this](const auto& pool) { return new StatementsView(pool, m_workbench->tabs()); }, "view-statistics",
        tr("Top statements"), tr("Top statements of %1 (pg_stat_statements)"), &created);
    if (!created)
        return view;
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
    // One per session: its samples stay.
    return sessionTab<DashboardView>(
        *m_workbench, tr("Connect first: the dashboard shows the current session's server"),
        [this](const auto& pool) {
            return new DashboardView(pool->profile(), pool->password(), m_workbench->tabs());
        },
        "view-statistics", tr("Dashboard"), tr("Dashboard of %1"));
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
