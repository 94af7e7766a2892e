// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/server/serverfeature.h>

#include "server/movetablespacedialog.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/filechooser.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/workbench.h>
#include <pgdesk/ui/plan/planfeature.h>
#include <pgdesk/ui/server/changefeedview.h>
#include <pgdesk/ui/server/extensionsview.h>
#include <pgdesk/ui/server/jobsview.h>
#include <pgdesk/ui/server/replicationview.h>
#include <pgdesk/ui/server/seeasroleview.h>
#include <pgdesk/ui/server/serverlogview.h>

#include <QAction>
#include <QFileInfo>
#include <QMainWindow>
#include <QTabWidget>

namespace pgdesk::ui {

ServerFeature* ServerFeature::of(const QWidget& window) {
    return Workbench::featureOf<ServerFeature>(window);
}

void ServerFeature::initialize(Workbench& workbench) {
    m_workbench = &workbench;
    m_workbench
        ->addMenuAction(MenuId::Connection, 160, QStringLiteral("replicationAction"),
                        themedIcon(QStringLiteral("view-list-tree")), tr("Re&plication"),
                        [this] { openReplication(); })
        ->setToolTip(tr("Standbys, replication slots and the WAL they retain, publications, subscriptions"));
    m_workbench
        ->addMenuAction(MenuId::Connection, 170, QStringLiteral("changeFeedAction"),
                        themedIcon(QStringLiteral("view-statistics")), tr("&Change feed…"),
                        [this] { openChangeFeed(); })
        ->setToolTip(tr("Every committed insert, update and delete of chosen tables, as it happens"));
    m_workbench
        ->addMenuAction(MenuId::Connection, 180, QStringLiteral("serverLogAction"),
                        themedIcon(QStringLiteral("text-x-generic")), tr("Server &log"),
                        [this] { openServerLog(); })
        ->setToolTip(
            tr("The server's log, followed: errors grouped, deadlocks drawn, auto_explain plans opened"));
    m_workbench
        ->addMenuAction(MenuId::Connection, 190, QStringLiteral("jobsAction"),
                        themedIcon(QStringLiteral("view-history")), tr("Scheduled &jobs"),
                        [this] { openJobs(); })
        ->setToolTip(tr("pg_cron's jobs and their runs, pg_partman's partition sets"));
    m_workbench
        ->addMenuAction(MenuId::Connection, 200, QStringLiteral("extensionsAction"),
                        themedIcon(QStringLiteral("code-function")), tr("E&xtensions"),
                        [this] { openExtensions(); })
        ->setToolTip(tr("The database's extensions and those the server offers: install, update, drop"));
    m_workbench->addTreeEntry(TreeEntry{
        TreeObject::Node::Relation, 240, QStringLiteral("treeWatchChangesAction"),
        QStringLiteral("view-statistics"), tr("Watch changes"),
        [this](const TreeObject& o) { openChangeFeed(o.schema + QLatin1Char('.') + o.name, o.database); },
        [](const TreeObject& o) { return o.isTable(); }, tr("Only a table's changes can be watched")});
    m_workbench->addTreeEntry(
        TreeEntry{TreeObject::Node::Relation, 250, QStringLiteral("treeSeeAsRoleAction"),
                  QStringLiteral("view-visible"), tr("See as role…"),
                  [this](const TreeObject& o) { openSeeAsRole(o.schema, o.name, o.database); },
                  [](const TreeObject& o) { return o.isTable(); }, tr("Row security is a table's")});
    m_workbench->addTreeEntry(TreeEntry{
        TreeObject::Node::Relation, 260, QStringLiteral("treeMoveTablespaceAction"), QString(),
        tr("Move to tablespace…"),
        [this](const TreeObject& o) {
            const auto pool = m_workbench->poolFor(o.database);
            if (!pool)
                return;
            auto* dialog = new MoveTablespaceDialog(pool, o.schema, o.name, m_workbench->window());
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &MoveTablespaceDialog::moved, this, [this, o](const QString& tablespace) {
                m_workbench->showMessage(tr("%1.%2 moved to %3").arg(o.schema, o.name, tablespace), 8000);
            });
            dialog->open();
        },
        [](const TreeObject& o) {
            return o.isTable() || o.relationKind == QLatin1String("materialized_view");
        },
        tr("A view stores no rows to move")});
}

ReplicationView* ServerFeature::openReplication() {
    if (!m_workbench->hasSession()) {
        m_workbench->showMessage(tr("Connect first: replication is the current session's server's"), 5000);
        return nullptr;
    }
    if (auto* open = m_workbench->activateTab<ReplicationView>())
        return open;
    const auto& pool = m_workbench->session().pool;
    auto* view = new ReplicationView(pool, m_workbench->tabs());
    m_workbench->addTab(view, themedIcon(QStringLiteral("view-list-tree")), tr("Replication"),
                        tr("Replication of %1").arg(pool->profile().name));
    return view;
}

JobsView* ServerFeature::openJobs() {
    if (!m_workbench->hasSession()) {
        m_workbench->showMessage(tr("Connect first: the jobs are the current session's server's"), 5000);
        return nullptr;
    }
    if (auto* open = m_workbench->activateTab<JobsView>())
        return open;
    const auto& pool = m_workbench->session().pool;
    auto* view = new JobsView(pool, m_workbench->tabs());
    m_workbench->addTab(view, themedIcon(QStringLiteral("view-history")), tr("Scheduled jobs"),
                        tr("Scheduled jobs of %1").arg(pool->profile().name));
    return view;
}

ExtensionsView* ServerFeature::openExtensions() {
    if (!m_workbench->hasSession()) {
        m_workbench->showMessage(tr("Connect first: extensions are the current database's"), 5000);
        return nullptr;
    }
    if (auto* open = m_workbench->activateTab<ExtensionsView>())
        return open;
    const auto& pool = m_workbench->session().pool;
    auto* view = new ExtensionsView(pool, m_workbench->tabs());
    m_workbench->addTab(view, themedIcon(QStringLiteral("code-function")), tr("Extensions"),
                        tr("Extensions of %1").arg(pool->profile().name));
    return view;
}

SeeAsRoleView* ServerFeature::openSeeAsRole(const QString& schema, const QString& table,
                                            const QString& database) {
    const auto pool = m_workbench->poolFor(database);
    if (!pool) {
        m_workbench->showMessage(tr("Connect first: the table is read through the current session"), 5000);
        return nullptr;
    }
    auto* view = new SeeAsRoleView(pool, schema, table, m_workbench->tabs());
    m_workbench->addTab(view, themedIcon(QStringLiteral("view-visible")), tr("As role: %1").arg(table),
                        tr("%1.%2 as another role sees it").arg(schema, table),
                        database.isEmpty() ? m_workbench->primaryDatabase() : database);
    return view;
}

ChangeFeedView* ServerFeature::openChangeFeed(const QString& table, const QString& database) {
    const auto pool = m_workbench->poolFor(database);
    if (!pool) {
        m_workbench->showMessage(tr("Connect first: the change feed reads the current session's server"),
                                 5000);
        return nullptr;
    }
    auto* view = new ChangeFeedView(pool, m_workbench->tabs());
    m_workbench->addTab(view, themedIcon(QStringLiteral("view-statistics")),
                        table.isEmpty() ? tr("Change feed") : tr("Changes: %1").arg(table),
                        tr("Committed changes on %1").arg(pool->profile().name),
                        database.isEmpty() ? m_workbench->primaryDatabase() : database);
    if (!table.isEmpty()) {
        view->setTables({table});
        view->start();
    }
    return view;
}

ServerLogView* ServerFeature::openServerLog(const QString& file) {
    QString path = file;
    if (path.isEmpty() && !m_workbench->hasSession()) {
        // No server to ask: a log file of one, as the CLI's --file reads it.
        path = chooseFileToOpen(m_workbench->tabs(), tr("Open a server log"),
                                tr("PostgreSQL logs (*.log *.csv *.json);;All files (*)"));
        if (path.isEmpty())
            return nullptr;
    }
    if (path.isEmpty())
        if (auto* open =
                m_workbench->activateTab<ServerLogView>([](ServerLogView* v) { return !v->readsFile(); }))
            return open;
    const auto pool = path.isEmpty() ? m_workbench->session().pool : nullptr;
    auto* view = new ServerLogView(pool, path, m_workbench->tabs());
    connect(view, &ServerLogView::planRequested, this,
            [this](std::shared_ptr<const core::Plan> plan, const QString& name) {
                if (auto* plans = m_workbench->feature<PlanFeature>())
                    plans->showPlan(std::move(plan), name);
            });
    m_workbench->addTab(view, themedIcon(QStringLiteral("text-x-generic")),
                        path.isEmpty() ? tr("Server log") : tr("Log: %1").arg(QFileInfo(path).fileName()),
                        path.isEmpty() ? tr("The log of %1").arg(pool->profile().name) : path);
    return view;
}

} // namespace pgdesk::ui
