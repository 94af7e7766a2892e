// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/server/serverfeature.h>

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/workbench.h>
#include <pgdesk/ui/server/changefeedview.h>
#include <pgdesk/ui/server/replicationview.h>

#include <QAction>
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
    m_workbench->addTreeEntry(TreeEntry{
        TreeObject::Node::Relation, 240, QStringLiteral("treeWatchChangesAction"),
        QStringLiteral("view-statistics"), tr("Watch changes"),
        [this](const TreeObject& o) { openChangeFeed(o.schema + QLatin1Char('.') + o.name, o.database); },
        [](const TreeObject& o) { return o.isTable(); }, tr("Only a table's changes can be watched")});
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

} // namespace pgdesk::ui
