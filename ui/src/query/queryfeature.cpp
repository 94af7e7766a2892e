// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/filechooser.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/requests.h>
#include <pgdesk/ui/common/workbench.h>
#include <pgdesk/ui/query/queryfeature.h>
#include <pgdesk/ui/query/querytool.h>
#include <pgdesk/ui/query/sqllogdock.h>

#include "query/completionsource.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/local/bufferjournal.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/sessionpools.h>

#include <QAction>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QPlainTextEdit>
#include <QTabWidget>

namespace pgdesk::ui {

QueryFeature* QueryFeature::of(const QWidget& window) {
    return Workbench::featureOf<QueryFeature>(window);
}

void QueryFeature::initialize(Workbench& workbench) {
    m_workbench = &workbench;
    m_sqlLog = new SqlLogDock(workbench.window());
    workbench.window()->addDockWidget(Qt::BottomDockWidgetArea, m_sqlLog);
    m_sqlLog->hide();
    QAction* log = m_sqlLog->toggleViewAction();
    log->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    log->setIcon(themedIcon(QStringLiteral("view-history")));
    workbench.addMenuAction(MenuId::View, 110, log);
    workbench.addToToolBar(900, log);
    addMenus();
    addTreeEntries();

    TabKind tools;
    tools.owns = [](const QWidget* page) { return qobject_cast<const QueryTool*>(page) != nullptr; };
    tools.confirmClose = [](QWidget* page, const std::function<void()>& again) {
        return static_cast<QueryTool*>(page)->confirmClose(again);
    };
    tools.settleBeforeQuit = [](QWidget* page, const std::function<void()>& again) {
        return static_cast<QueryTool*>(page)->settleAppliesBeforeClose(again);
    };
    tools.key = QStringLiteral("query");
    tools.save = [](QWidget* page) {
        const auto* tool = static_cast<QueryTool*>(page);
        return QVariantMap{{QStringLiteral("query"), tool->sql()},
                           {QStringLiteral("file"), tool->filePath()}};
    };
    tools.restore = [this](const QVariantMap& saved, const QString& database) {
        const QString path = saved.value(QStringLiteral("file")).toString();
        const QString sql = saved.value(QStringLiteral("query")).toString();
        if (QueryTool* tool = openQueryTool(database)) {
            if (path.isEmpty() || !QFileInfo::exists(path) || !tool->openFile(path) || tool->sql() != sql)
                tool->setSql(sql); // unsaved text kept on quit
        }
    };
    workbench.addTabKind(std::move(tools));

    // File ▸ Export view… of a query tool: its current result.
    if (QAction* exportView = workbench.action(QStringLiteral("exportAction")))
        workbench.addTabHandler(exportView,
                                {[](QWidget* tab) { return qobject_cast<QueryTool*>(tab) != nullptr; },
                                 [this](QWidget* tab) {
                                     if (!static_cast<QueryTool*>(tab)->exportResult())
                                         m_workbench->showMessage(
                                             tr("Run a query first: Export writes the current result"), 5000);
                                 }});

    workbench.handle<OpenQueryToolRequest>([this](const OpenQueryToolRequest& r) {
        if (QueryTool* tool = openQueryTool(); tool && !r.sql.isEmpty())
            tool->setSql(r.sql);
    });
    workbench.prepareSessions(
        [this](const Session& session) { session.pools->setStatementObserver(m_sqlLog->observer()); });
    connect(&workbench, &Workbench::sessionReady, this, &QueryFeature::recoverQueryBuffers);
    connect(&workbench, &Workbench::catalogChanged, this,
            [](const CatalogChange& change) { CompletionSource::invalidateFor(change.pool); });
}

void QueryFeature::addMenus() {
    const auto session = [this] { return m_workbench->hasSession(); };
    QAction* newQuery = m_workbench->addMenuAction(MenuId::Query, 100, QStringLiteral("newQueryToolAction"),
                                                   themedIcon(QStringLiteral("document-new")),
                                                   tr("&New query tool"), [this] { openQueryTool(); });
    newQuery->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    newQuery->setIconText(tr("New query"));
    m_workbench->addToToolBar(200, newQuery);
    m_workbench->enableWith(newQuery, session);
    QAction* openSql = m_workbench->addMenuAction(
        MenuId::Query, 110, QStringLiteral("openSqlFileAction"), themedIcon(QStringLiteral("document-open")),
        tr("&Open SQL file…"), [this] {
            const QString path = chooseFileToOpen(m_workbench->window(), tr("Open SQL file"),
                                                  tr("SQL files (*.sql);;All files (*)"));
            if (!path.isEmpty())
                openSqlFile(path);
        });
    m_workbench->enableWith(openSql, session);
    QMenu* query = m_workbench->menu(MenuId::Query);
    auto* recentSql = new QMenu(tr("Open &recent SQL file"), query);
    recentSql->setObjectName(QStringLiteral("recentSqlFilesMenu"));
    connect(recentSql, &QMenu::aboutToShow, this, [this, recentSql] {
        recentSql->clear();
        for (const QString& path : QueryTool::recentFiles())
            recentSql->addAction(QFileInfo(path).fileName(), this, [this, path] { openSqlFile(path); })
                ->setStatusTip(path);
        recentSql->setEnabled(m_workbench->hasSession());
    });
    m_workbench->addMenuAction(MenuId::Query, 120, recentSql->menuAction());
}

void QueryFeature::addTreeEntries() {
    TreeEntry query{TreeObject::Node::Relation,
                    170,
                    QStringLiteral("treeQueryAction"),
                    QStringLiteral("document-new"),
                    tr("Query in a new query tool"),
                    [this](const TreeObject& o) {
                        if (QueryTool* tool = openQueryTool(o.database))
                            tool->setSql(core::selectStarText(o.schema, o.name));
                    }};
    m_workbench->addTreeEntry(query);
    TreeEntry databaseQuery{TreeObject::Node::Database,
                            100,
                            QStringLiteral("treeDatabaseQueryAction"),
                            QStringLiteral("document-new"),
                            tr("New query tool"),
                            [this](const TreeObject& o) { openQueryTool(o.database); }};
    m_workbench->addTreeEntry(databaseQuery);
}

QueryTool* QueryFeature::openQueryTool(const QString& database) {
    const QString db = !database.isEmpty() ? database : m_workbench->currentDatabase();
    const auto pool = m_workbench->poolFor(db);
    if (!pool) {
        m_workbench->showMessage(tr("Connect first: a query tool runs on the current session"), 5000);
        return nullptr;
    }
    const QString key = m_workbench->queryKey();
    QTabWidget* tabs = m_workbench->tabs();
    auto* tool = new QueryTool(pool, key, tabs);
    const QString primary = m_workbench->primaryDatabase();
    const QString dbName = db.isEmpty() ? primary : db;
    tool->setUntitledTitle(dbName != primary ? tr("Query %1 (%2)").arg(++m_queryTools).arg(dbName)
                                             : tr("Query %1").arg(++m_queryTools));
    m_workbench->addTab(tool, themedIcon(QStringLiteral("code-context")), tool->title(),
                        tr("Query tool on %1, database %2").arg(key, dbName), dbName);
    // The file's name and a modified mark (an & in a file name is no mnemonic).
    connect(tool, &QueryTool::titleChanged, this, [tabs, tool](const QString& title) {
        tabs->setTabText(tabs->indexOf(tool), QString(title).replace(QLatin1Char('&'), QStringLiteral("&&")));
    });
    tool->editor()->setFocus();
    return tool;
}

QueryTool* QueryFeature::openSqlFile(const QString& path) {
    QueryTool* tool = openQueryTool();
    if (tool && !tool->openFile(path)) {
        m_workbench->closeTab(m_workbench->tabs()->indexOf(tool));
        return nullptr;
    }
    return tool;
}

int QueryFeature::recoverQueryBuffers() {
    if (!m_workbench->hasSession())
        return 0;
    QList<core::BufferEntry> left;
    try {
        left = core::BufferJournal().orphans(m_workbench->queryKey());
    } catch (const core::Error& e) {
        m_workbench->showMessage(
            tr("Unsaved query text of an earlier run cannot be read: %1").arg(e.message()));
        return 0;
    }
    for (const core::BufferEntry& entry : std::as_const(left)) {
        if (QueryTool* tool = openQueryTool())
            tool->recover(entry);
    }
    if (!left.isEmpty())
        m_workbench->showMessage(tr("Recovered unsaved query text (%1)").arg(left.size()));
    return int(left.size());
}

} // namespace pgdesk::ui
