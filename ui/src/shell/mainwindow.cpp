// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/filechooser.h>
#include <pgdesk/ui/grid/selectionsummary.h>
#include <pgdesk/ui/shell/environmentindicator.h>
#include <pgdesk/ui/shell/mainwindow.h>

#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/connect/commandtrustdialog.h>
#include <pgdesk/ui/shell/startpage.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/sessionpools.h>
#include <pgdesk/ui/admin/activityview.h>
#include <pgdesk/ui/admin/backupdialog.h>
#include <pgdesk/ui/admin/largestrelationsview.h>
#include <pgdesk/ui/admin/maintenancedialog.h>
#include <pgdesk/ui/admin/restoredialog.h>
#include <pgdesk/ui/browse/createscriptview.h>
#include <pgdesk/ui/browse/objectbrowser.h>
#include <pgdesk/ui/browse/relationsmenu.h>
#include <pgdesk/ui/browse/structureview.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/connect/connectiondialog.h>
#include <pgdesk/ui/connect/passwordprompt.h>
#include <pgdesk/ui/connect/poolstatuswidget.h>
#include <pgdesk/ui/connect/sessionopener.h>
#include <pgdesk/ui/edit/editsession.h>
#include <pgdesk/ui/edit/tableeditor.h>
#include <pgdesk/ui/grid/celltext.h>
#include <pgdesk/ui/query/querytool.h>
#include <pgdesk/ui/query/sqllogdock.h>
#include <pgdesk/ui/shell/operationindicator.h>
#include <pgdesk/ui/shell/preferencesdialog.h>
#include <pgdesk/ui/transfer/exportdialog.h>
#include <pgdesk/ui/transfer/importdialog.h>

#include "query/queryresults.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>

namespace pgdesk::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent) {
    setWindowTitle(tr("PgDesk"));
    setObjectName(QStringLiteral("MainWindow"));
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("tabs"));
    tabs->setAccessibleName(tr("Tables and query tools"));
    tabs->setDocumentMode(true);
    tabs->setTabsClosable(true);
    tabs->setMovable(true);
    // Whole titles, scrolled when there are many: a title cut mid-word names no table.
    tabs->setElideMode(Qt::ElideNone);
    tabs->setUsesScrollButtons(true);
    m_tabs = tabs;
    m_startPage = new StartPage(this);
    // Hidden behind the tabs it must not set their least size: docks beside them could not widen.
    m_startPage->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_center = new QStackedWidget(this);
    m_center->addWidget(m_startPage);
    m_center->addWidget(tabs);
    setCentralWidget(m_center);
    connect(m_startPage, &StartPage::newConnectionRequested, this, &MainWindow::manageConnections);
    connect(m_startPage, &StartPage::queryToolRequested, this, [this] { openQueryTool(); });
    connect(m_startPage, &StartPage::profileRequested, this, &MainWindow::openProfile);
    connect(m_startPage, &StartPage::tableRequested, this,
            [this](const QString& profile, const QString& table) {
                if (m_pool && profile == m_sessionProfile) {
                    const auto parts = core::splitQualifiedName(table);
                    if (parts && parts->size() == 2)
                        openTable(parts->at(0), parts->at(1));
                    return;
                }
                setTableToOpen(table);
                openProfile(profile);
            });
    // currentChanged also comes when the last tab goes (index -1) and when the first one arrives.
    connect(tabs, &QTabWidget::currentChanged, this, &MainWindow::showStartPageIfEmpty);

    m_connectionLabel = new QLabel(tr("Not connected"), this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    statusBar()->addPermanentWidget(m_connectionLabel);
    statusBar()->showMessage(tr("Ready"));

    m_operation = new OperationIndicator(this);
    statusBar()->addPermanentWidget(m_operation);
    m_poolStatus = new PoolStatusWidget(this);
    statusBar()->addPermanentWidget(m_poolStatus);
    connect(tabs, &QTabWidget::currentChanged, this, &MainWindow::showOperation);
    // The selected cells' summary follows the current tab's grid (table tabs only).
    m_summary = new SelectionSummary(this);
    statusBar()->insertPermanentWidget(0, m_summary);
    connect(tabs, &QTabWidget::currentChanged, this, &MainWindow::followSelection);

    m_objects = new ObjectBrowser(this);
    auto* dock = new QDockWidget(tr("Objects"), this);
    dock->setObjectName(QStringLiteral("objectsDock"));
    dock->setWidget(m_objects);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    // At the start of the reading direction (dock areas do not mirror by themselves).
    addDockWidget(isRightToLeft() ? Qt::RightDockWidgetArea : Qt::LeftDockWidgetArea, dock);
    resizeDocks({dock}, {420}, Qt::Horizontal);
    m_objectsDock = dock;
    m_environment = new EnvironmentIndicator(tabs, m_objects, this);
    statusBar()->addPermanentWidget(m_environment);

    m_sqlLog = new SqlLogDock(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_sqlLog);
    m_sqlLog->hide();

    connectObjectBrowser();
    connect(tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    // Right-click on a tab: close it, the others or all (each table tab with staged changes asks first).
    tabs->tabBar()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(tabs->tabBar(), &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const int index = m_tabs->tabBar()->tabAt(pos);
        if (index < 0)
            return;
        QMenu* menu = createTabMenu(index);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_tabs->tabBar()->mapToGlobal(pos));
    });
    auto* closeCurrent = new QAction(tr("Close tab"), this);
    closeCurrent->setObjectName(QStringLiteral("closeTabAction"));
    closeCurrent->setShortcut(QKeySequence::Close);
    connect(closeCurrent, &QAction::triggered, this, [this] {
        if (m_tabs->currentIndex() >= 0)
            closeTab(m_tabs->currentIndex());
    });
    addAction(closeCurrent);

    m_opener = new SessionOpener(this);
    connect(m_opener, &SessionOpener::opened, this, &MainWindow::onSessionOpened);
    connect(m_opener, &SessionOpener::failed, this, &MainWindow::onSessionFailed);

    createMenus();
    showStartPageIfEmpty();
    resize(1200, 760);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    // An apply in flight is cancelled and its outcome known before the window goes (staged changes stay
    // in the journal either way).
    auto* tabs = m_tabs;
    for (int i = 0; i < tabs->count(); ++i) {
        auto* browser = qobject_cast<TableBrowser*>(tabs->widget(i));
        auto* tool = qobject_cast<QueryTool*>(tabs->widget(i));
        const auto again = [this] { close(); }; // once a cancelled apply's outcome is known
        if ((browser && !browser->editor()->settleApplyBeforeClose(again)) ||
            (tool && !tool->settleAppliesBeforeClose(again))) {
            event->ignore();
            return;
        }
    }
    saveSession();
    QMainWindow::closeEvent(event);
}

void MainWindow::openProfile(const QString& name) {
    // A profile imported with commands runs them only once the user has read and trusted them.
    if (CommandTrustDialog::askIfNeeded(this, name, [this, name] { openProfile(name); }))
        return;
    m_openingProfile = name;
    setConnectionStatus(tr("Connecting to %1…").arg(name));
    m_opener->openProfile(name);
}

void MainWindow::openDsn(const QString& dsn) {
    m_openingProfile.clear();
    setConnectionStatus(tr("Connecting…"));
    m_opener->openDsn(dsn);
}

namespace {
// The database a table or query tab works on, kept on the tab's widget.
constexpr char kDatabaseProperty[] = "pgdeskDatabase";
} // namespace

std::shared_ptr<core::Pool> MainWindow::poolFor(const QString& database) const {
    if (!m_pools)
        return nullptr;
    try {
        return m_pools->pool(database);
    } catch (const core::ConfigurationError&) {
        return nullptr; // pinned to its own database
    }
}

QString MainWindow::tabDatabase(int index) const {
    const QWidget* w = m_tabs->widget(index);
    return w ? w->property(kDatabaseProperty).toString() : QString();
}

TableBrowser* MainWindow::openTable(const QString& schema, const QString& name, const QString& database) {
    const auto pool = poolFor(database);
    if (!pool)
        return nullptr;
    const QString db = database.isEmpty() ? m_pools->primaryDatabase() : database;
    auto* tabs = m_tabs;
    auto* browser = new TableBrowser(pool, schema, name, tabs);
    browser->setProperty(kDatabaseProperty, db);
    const int index = tabs->addTab(browser, themedIcon(QStringLiteral("table")), name);
    retitleTableTabs();
    if (!schema.isEmpty()) {
        StartPage::noteTable(m_sessionProfile, schema + QLatin1Char('.') + name);
    } else { // found along the search path: its schema is known once it is described
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = connect(browser, &TableBrowser::pageLoaded, this,
                        [this, browser, once, profile = m_sessionProfile] {
                            if (!browser->table())
                                return;
                            disconnect(*once);
                            StartPage::noteTable(profile, browser->table()->qualifiedName());
                            retitleTableTabs();
                        });
    }
    tabs->setCurrentIndex(index);
    connect(browser, &TableBrowser::busyChanged, this, &MainWindow::showOperation);
    connect(browser, &TableBrowser::pageShown, this, &MainWindow::followSelection);
    connect(browser, &TableBrowser::designRequested, this,
            [this, db](const QString& s, const QString& t) { openTableDesigner(s, t, db); });
    connect(browser, &TableBrowser::openRelatedRequested, this, [this, db](const RelatedRows& rows) {
        if (TableBrowser* related = openTable(rows.schema, rows.table, db)) {
            related->setScope(rows.scope);
            related->setFilter(rows.filter);
        }
    });
    return browser;
}

ExportDialog* MainWindow::exportCurrentView() {
    if (auto* tool = qobject_cast<QueryTool*>(m_tabs->currentWidget()); tool && m_pool) {
        if (ExportDialog* dialog = tool->exportResult())
            return dialog;
        statusBar()->showMessage(tr("Run a query first: Export writes the current result"), 5000);
        return nullptr;
    }
    TableBrowser* browser = currentTableBrowser();
    if (!browser || !m_pool) {
        statusBar()->showMessage(tr("Open a table or a query result first: Export writes the current table "
                                    "view or query result"),
                                 5000);
        return nullptr;
    }
    auto* dialog = new ExportDialog(browser->pool(), browser->spec(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

ImportDialog* MainWindow::importIntoCurrentTable() {
    TableBrowser* browser = currentTableBrowser();
    if (!browser || !m_pool) {
        statusBar()->showMessage(tr("Open a table first: Import loads a file into the current table"), 5000);
        return nullptr;
    }
    const std::optional<core::TableInfo>& table = browser->table();
    if (!table) {
        statusBar()->showMessage(tr("The table is still loading: try again in a moment"), 5000);
        return nullptr;
    }
    if (browser->isStandby()) {
        statusBar()->showMessage(EditSession::standbyReason(), 5000);
        return nullptr;
    }
    if (table->kind != core::RelationKind::Table && table->kind != core::RelationKind::PartitionedTable) {
        statusBar()->showMessage(tr("%1 is not a table: import needs a table").arg(table->qualifiedName()),
                                 5000);
        return nullptr;
    }
    if (browser->editor()->refuseWhileLocked()) { // the tab's guard bar says why, with Unlock writing
        statusBar()->showMessage(tr("Writing is locked on this production tab: unlock writing to import"),
                                 5000);
        return nullptr;
    }
    auto* dialog = new ImportDialog(browser->pool(), core::tableWithoutCtidKey(*table), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::finished, browser, [browser](bool ok) {
        if (ok)
            browser->reload();
    });
    dialog->open();
    return dialog;
}

void MainWindow::setTableToOpen(const QString& qualifiedName, const TableView& view) {
    m_tableToOpen = qualifiedName;
    m_viewToOpen = view;
}

ActivityView* MainWindow::openActivity() {
    if (!m_pool) {
        statusBar()->showMessage(tr("Connect first: the activity tab shows the current session's server"),
                                 5000);
        return nullptr;
    }
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto* open = qobject_cast<ActivityView*>(m_tabs->widget(i))) {
            m_tabs->setCurrentIndex(i); // one per session
            return open;
        }
    auto* view = new ActivityView(m_pool->profile(), m_pool->password(), m_tabs);
    const int index = m_tabs->addTab(view, themedIcon(QStringLiteral("view-statistics")), tr("Activity"));
    m_tabs->setTabToolTip(index, tr("Server activity of %1").arg(m_pool->profile().name));
    m_tabs->setCurrentIndex(index);
    return view;
}

LargestRelationsView* MainWindow::openLargestRelations(const QString& schema, const QString& database) {
    const auto pool = poolFor(database);
    if (!pool)
        return nullptr;
    const QString db = database.isEmpty() ? m_pools->primaryDatabase() : database;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto* open = qobject_cast<LargestRelationsView*>(m_tabs->widget(i));
            open && open->schema() == schema && tabDatabase(i) == db) {
            m_tabs->setCurrentIndex(i);
            return open;
        }
    auto* view = new LargestRelationsView(pool, schema, m_tabs);
    view->setProperty(kDatabaseProperty, db);
    const int index =
        m_tabs->addTab(view, themedIcon(QStringLiteral("view-statistics")), tr("Sizes: %1").arg(schema));
    m_tabs->setTabToolTip(index, tr("Largest relations of schema %1").arg(schema));
    m_tabs->setCurrentIndex(index);
    return view;
}

QString MainWindow::queryKey() const {
    // History is kept per profile; a DSN session files it under its database.
    const core::ConnectionProfile& p = m_pool->profile();
    return !m_sessionProfile.isEmpty() ? m_sessionProfile
           : !p.name.isEmpty()         ? p.name
                                       : QStringLiteral("dsn:%1@%2/%3").arg(p.user, p.host, p.database);
}

QueryTool* MainWindow::openQueryTool(const QString& database) {
    const QString db = !database.isEmpty() ? database : m_objects->currentDatabase();
    const auto pool = poolFor(db);
    if (!pool) {
        statusBar()->showMessage(tr("Connect first: a query tool runs on the current session"), 5000);
        return nullptr;
    }
    const QString key = queryKey();
    auto* tabs = m_tabs;
    auto* tool = new QueryTool(pool, key, tabs);
    const QString dbName = db.isEmpty() ? m_pools->primaryDatabase() : db;
    tool->setProperty(kDatabaseProperty, dbName);
    const bool other = dbName != m_pools->primaryDatabase();
    tool->setUntitledTitle(other ? tr("Query %1 (%2)").arg(++m_queryTools).arg(dbName)
                                 : tr("Query %1").arg(++m_queryTools));
    const int index = tabs->addTab(tool, themedIcon(QStringLiteral("code-context")), tool->title());
    // The file's name and a modified mark (an & in a file name is no mnemonic).
    connect(tool, &QueryTool::titleChanged, this, [tabs, tool](const QString& title) {
        tabs->setTabText(tabs->indexOf(tool), QString(title).replace(QLatin1Char('&'), QStringLiteral("&&")));
    });
    tabs->setTabToolTip(index, tr("Query tool on %1, database %2").arg(key, dbName));
    tabs->setCurrentIndex(index);
    tool->editor()->setFocus();
    return tool;
}

void MainWindow::showOperation() {
    TableBrowser* browser = currentTableBrowser();
    if (browser && browser->isBusy())
        m_operation->show(browser->busyText(), [browser = QPointer<TableBrowser>(browser)] {
            if (browser)
                browser->cancelBusy();
        });
    else
        m_operation->clear();
}

TableBrowser* MainWindow::currentTableBrowser() const {
    return qobject_cast<TableBrowser*>(m_tabs->currentWidget());
}

void MainWindow::onSessionOpened(const SessionInfo& info) {
    setWindowTitle(tr("%1 — PgDesk").arg(info.profileName));
    setConnectionStatus(
        tr("%1 · %2@%3 · PostgreSQL %4").arg(info.profileName, info.user, info.database, info.serverVersion));
    statusBar()->showMessage(tr("Connected"), 5000);
    m_pool = info.pool;
    m_pools = core::SessionPools::create(info.pool, info.database);
    m_serverVersion = info.serverVersion;
    m_environment->setProfile(info.pool->profile());
    m_pools->setStatementObserver(m_sqlLog->observer());
    m_objects->setPools(m_pools);
    m_poolStatus->setPools(m_pools);
    m_sessionProfile = m_openingProfile;
    StartPage::noteConnection(m_sessionProfile);
    m_startPage->reload(); // it may be on screen
    if (m_tableToOpen.isEmpty() && !m_sessionProfile.isEmpty())
        restoreTabs(); // the tabs this profile had open last time
    recoverQueryBuffers();
    if (!m_tableToOpen.isEmpty()) {
        const auto parts = core::splitQualifiedName(std::exchange(m_tableToOpen, {}));
        TableBrowser* browser = nullptr;
        if (parts && parts->size() == 2)
            browser = openTable(parts->at(0), parts->at(1));
        else if (parts && parts->size() == 1)
            browser = openTable({}, parts->at(0)); // found along the search path
        const TableView& v = m_viewToOpen;
        if (browser && (!v.filter.isEmpty() || !v.search.isEmpty() || !v.sort.isEmpty() || v.scope))
            browser->setView(v);
    }
}

void MainWindow::onSessionFailed(const QString& message) {
    setConnectionStatus(tr("Not connected"));
    if (!m_openingProfile.isEmpty() && m_opener->asksForPassword() &&
        PasswordPrompt::isPasswordRequest(message) && (!m_passwordPrompt || !m_passwordPrompt->isVisible())) {
        statusBar()->showMessage(tr("The server asks for a password"));
        m_passwordPrompt = new PasswordPrompt(m_openingProfile, message, this);
        m_passwordPrompt->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_passwordPrompt, &PasswordPrompt::passwordStored, this, &MainWindow::openProfile);
        m_passwordPrompt->open();
        return;
    }
    statusBar()->showMessage(tr("Connection failed: %1").arg(message));
}

ConnectionDialog* MainWindow::connectionDialog() const {
    return m_connections;
}

PasswordPrompt* MainWindow::passwordPrompt() const {
    return m_passwordPrompt;
}

void MainWindow::manageConnections() {
    if (m_connections) {
        m_connections->raise();
        m_connections->activateWindow();
        return;
    }
    m_connections = new ConnectionDialog(this);
    m_connections->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_connections, &QDialog::accepted, this, [this] {
        if (m_connections && !m_connections->selectedProfileName().isEmpty())
            openProfile(m_connections->selectedProfileName());
    });
    // The open session's profile renamed: the title, the status bar and its saved tabs follow the new name.
    connect(m_connections, &ConnectionDialog::profileRenamed, this,
            [this](const QString& from, const QString& to) {
                if (m_openingProfile == from)
                    m_openingProfile = to;
                StartPage::renameProfile(from, to);
                m_startPage->reload();
                if (m_sessionProfile != from)
                    return;
                m_sessionProfile = to;
                setWindowTitle(tr("%1 — PgDesk").arg(to));
                if (connectionStatus().startsWith(from))
                    setConnectionStatus(to + connectionStatus().mid(from.size()));
            });
    m_connections->open();
}

void MainWindow::createMenus() {
    const auto icon = [](const char* name) { return themedIcon(QLatin1String(name)); };
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* exportView =
        file->addAction(icon("document-export"), tr("&Export view…"), this, &MainWindow::exportCurrentView);
    exportView->setObjectName(QStringLiteral("exportAction"));
    exportView->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction* importCsv = file->addAction(icon("document-import"), tr("&Import into table…"), this,
                                         &MainWindow::importIntoCurrentTable);
    importCsv->setObjectName(QStringLiteral("importAction"));
    importCsv->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    importCsv->setEnabled(false); // only with a table tab in front
    addNewTableImport(file);
    QAction* openPlan =
        file->addAction(icon("view-process-tree"), tr("Open Plan…"), this, &MainWindow::askPlanFile);
    openPlan->setObjectName(QStringLiteral("openPlanAction"));
    openPlan->setToolTip(
        tr("Open a saved EXPLAIN (FORMAT JSON): the JSON, psql's output of it or an auto_explain log"));
    file->addSeparator();
    file->addAction(icon("application-exit"), tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);

    QMenu* connection = menuBar()->addMenu(tr("&Connection"));
    QAction* manage = connection->addAction(icon("network-connect"), tr("&Manage connections…"), this,
                                            &MainWindow::manageConnections);
    manage->setObjectName(QStringLiteral("manageConnectionsAction"));
    manage->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    manage->setIconText(tr("Connections"));
    QAction* activity = connection->addAction(icon("view-statistics"), tr("Server &activity"), this,
                                              &MainWindow::openActivity);
    activity->setObjectName(QStringLiteral("activityAction"));
    activity->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    activity->setIconText(tr("Activity"));
    activity->setToolTip(tr("Sessions, locks and who blocks whom, on a connection of its own"));
    connection
        ->addAction(icon("document-save"), tr("&Backup…"), this,
                    [this] { openBackup({}, {}, m_objects->currentDatabase()); })
        ->setObjectName(QStringLiteral("backupAction"));
    connection->addAction(icon("document-open"), tr("R&estore…"), this, &MainWindow::openRestore)
        ->setObjectName(QStringLiteral("restoreAction"));
    QAction* roles =
        connection->addAction(icon("view-list-tree"), tr("&Roles"), this, &MainWindow::openRoles);
    roles->setObjectName(QStringLiteral("rolesAction"));
    roles->setToolTip(tr("Roles, their attributes and memberships (read-only)"));
    QAction* statements = connection->addAction(icon("view-statistics"), tr("&Top statements"), this,
                                                &MainWindow::openStatements);
    statements->setObjectName(QStringLiteral("statementsAction"));
    statements->setToolTip(tr("What loaded the server in the last seconds or minutes (pg_stat_statements)"));
    addConnectionExtras(connection);
    QAction* refreshTree = connection->addAction(icon("view-refresh"), tr("&Refresh objects"), this,
                                                 [this] { m_objects->refresh(); });
    refreshTree->setObjectName(QStringLiteral("refreshObjectsAction"));
    refreshTree->setIconText(tr("Refresh"));
    refreshTree->setToolTip(tr("Reload schemas and tables"));

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* batch = edit->addAction(icon("tools-wizard"), tr("&Batch operation…"), this, [this] {
        if (TableBrowser* browser = currentTableBrowser())
            browser->openBatchDialog();
    });
    batch->setObjectName(QStringLiteral("batchAction"));
    batch->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    batch->setIconText(tr("Batch"));
    batch->setEnabled(false);
    edit->addSeparator();
    QAction* preferences =
        edit->addAction(icon("configure"), tr("&Preferences…"), this, &MainWindow::openPreferences);
    preferences->setObjectName(QStringLiteral("preferencesAction"));
    preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences->setMenuRole(QAction::PreferencesRole);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* objects = m_objectsDock->toggleViewAction();
    objects->setIcon(icon("view-list-tree"));
    view->addAction(objects);
    QAction* log = m_sqlLog->toggleViewAction();
    log->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    log->setIcon(icon("view-history"));
    view->addAction(log);
    addValuePanel(view);

    QMenu* query = menuBar()->addMenu(tr("&Query"));
    QAction* newQuery =
        query->addAction(icon("document-new"), tr("&New query tool"), this, [this] { openQueryTool(); });
    newQuery->setObjectName(QStringLiteral("newQueryToolAction"));
    newQuery->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    newQuery->setIconText(tr("New query"));
    newQuery->setEnabled(false); // with a session only
    QAction* openSql = query->addAction(icon("document-open"), tr("&Open SQL file…"), this, [this] {
        const QString path =
            chooseFileToOpen(this, tr("Open SQL file"), tr("SQL files (*.sql);;All files (*)"));
        if (!path.isEmpty())
            openSqlFile(path);
    });
    openSql->setObjectName(QStringLiteral("openSqlFileAction"));
    openSql->setEnabled(false);
    auto* recentSql = query->addMenu(tr("Open &recent SQL file"));
    recentSql->setObjectName(QStringLiteral("recentSqlFilesMenu"));
    connect(recentSql, &QMenu::aboutToShow, this, [this, recentSql] {
        recentSql->clear();
        for (const QString& path : QueryTool::recentFiles())
            recentSql->addAction(QFileInfo(path).fileName(), this, [this, path] { openSqlFile(path); })
                ->setStatusTip(path);
        recentSql->setEnabled(m_pool != nullptr);
    });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(icon("help-about"), tr("&About PgDesk"), this, &MainWindow::showAbout)
        ->setObjectName(QStringLiteral("aboutAction"));
    help->addAction(icon("edit-copy"), tr("&Copy diagnostics"), this,
                    [this] {
                        AboutDialog::copyDiagnostics(sessionDiagnostics());
                        statusBar()->showMessage(tr("Diagnostics copied to the clipboard"), 5000);
                    })
        ->setObjectName(QStringLiteral("copyDiagnosticsAction"));

    // What needs a table tab or a session is enabled only when there is one, in the menus and the toolbar.
    const auto updateEnabled = [this, importCsv, batch, newQuery, openSql, exportView, refreshTree,
                                activity] {
        const bool table = currentTableBrowser() != nullptr;
        importCsv->setEnabled(table);
        batch->setEnabled(table);
        exportView->setEnabled(table || qobject_cast<QueryTool*>(m_tabs->currentWidget()));
        newQuery->setEnabled(m_pool != nullptr);
        openSql->setEnabled(m_pool != nullptr);
        refreshTree->setEnabled(m_pool != nullptr);
        activity->setEnabled(m_pool != nullptr);
    };
    connect(m_tabs, &QTabWidget::currentChanged, this, updateEnabled);
    connect(m_opener, &SessionOpener::opened, this, updateEnabled);
    updateEnabled();

    // The main toolbar: the commands of every session, each with its key in the tooltip.
    m_toolBar = addToolBar(tr("Main toolbar"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setIconSize(QSize(22, 22));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (QAction* a :
         std::initializer_list<QAction*>{manage, refreshTree, nullptr, newQuery, activity, nullptr,
                                         exportView, importCsv, batch, nullptr, log, preferences}) {
        if (!a) {
            m_toolBar->addSeparator();
            continue;
        }
        if (!a->shortcut().isEmpty())
            a->setToolTip(QStringLiteral("%1 (%2)").arg(a->toolTip(),
                                                        a->shortcut().toString(QKeySequence::NativeText)));
        m_toolBar->addAction(a);
    }
    view->addSeparator();
    view->addAction(m_toolBar->toggleViewAction());
}

void MainWindow::showStartPageIfEmpty() {
    m_center->setCurrentWidget(m_tabs->count() == 0 ? static_cast<QWidget*>(m_startPage) : m_tabs);
}

void MainWindow::connectObjectBrowser() {
    connect(m_objects, &ObjectBrowser::tableActivated, this, &MainWindow::openTable);
    connect(m_objects, &ObjectBrowser::databaseQueryRequested, this,
            [this](const QString& db) { openQueryTool(db); });
    connect(m_objects, &ObjectBrowser::queryRequested, this,
            [this](const QString& schema, const QString& name, const QString& db) {
                if (QueryTool* tool = openQueryTool(db))
                    tool->setSql(core::selectStarText(schema, name));
            });
    connect(m_objects, &ObjectBrowser::exportRequested, this,
            [this](const QString& schema, const QString& name, const QString& db) {
                const auto pool = poolFor(db);
                if (!pool)
                    return;
                core::QuerySpec spec;
                spec.schema = schema;
                spec.table = name;
                auto* dialog = new ExportDialog(pool, spec, this);
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                dialog->open();
            });
    connect(m_objects, &ObjectBrowser::importRequested, this, &MainWindow::importInto);
    connect(m_objects, &ObjectBrowser::maintenanceRequested, this,
            [this](const QString& schema, const QString& name, const QString& db) {
                const auto pool = poolFor(db);
                if (!pool)
                    return;
                // Its own connection from the profile and password: it runs whatever the pool holds.
                auto* dialog = new MaintenanceDialog(pool->profile(), pool->password(), schema, name, this);
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                dialog->open();
            });
    connect(m_objects, &ObjectBrowser::backupRequested, this, &MainWindow::openBackup);
    connect(m_objects, &ObjectBrowser::privilegesRequested, this,
            [this](const QString& schema, const QString& name, const QString& db) {
                openPrivileges(schema, name, db);
            });
    connect(m_objects, &ObjectBrowser::designRequested, this,
            [this](const QString& schema, const QString& name, const QString& db) {
                openTableDesigner(schema, name, db);
            });
    connect(m_objects, &ObjectBrowser::largestRelationsRequested, this, &MainWindow::openLargestRelations);
    connect(m_objects, &ObjectBrowser::structureRequested, this,
            [this](const QString& schema, const QString& name, const QString& db) {
                if (TableBrowser* browser = openTable(schema, name, db))
                    browser->showStructure();
            });
    // A relation's script is a page of its structure; a schema's gets a tab of its own.
    connect(m_objects, &ObjectBrowser::scriptRequested, this,
            [this](const QString& schema, const QString& name, const QString& db) {
                if (!name.isEmpty()) {
                    if (TableBrowser* browser = openTable(schema, name, db)) {
                        browser->showStructure();
                        browser->structureView()->sections()->setCurrentIndex(StructureView::Script);
                    }
                } else if (const auto pool = poolFor(db)) {
                    auto* view = new CreateScriptView(pool, schema, {}, m_tabs);
                    m_tabs->setCurrentIndex(
                        m_tabs->addTab(view, themedIcon(QStringLiteral("code-context")), schema));
                    m_tabs->setTabToolTip(m_tabs->currentIndex(),
                                          tr("CREATE script of schema %1").arg(schema));
                }
            });
}

void MainWindow::openBackup(const QString& schema, const QString& name, const QString& database) {
    const auto pool = poolFor(database);
    if (!pool)
        return;
    auto* dialog = new BackupDialog(pool, this);
    if (!name.isEmpty())
        dialog->setTable(schema, name);
    else if (!schema.isEmpty())
        dialog->setSchema(schema);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openRestore() {
    if (!m_pool)
        return;
    auto* dialog = new RestoreDialog(m_pool, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::importInto(const QString& schema, const QString& name, const QString& database) {
    TableBrowser* browser = openTable(schema, name, database);
    if (!browser)
        return;
    if (browser->table()) {
        importIntoCurrentTable();
        return;
    }
    // Once: the first page brings the table's description, which the import dialog needs.
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(browser, &TableBrowser::pageLoaded, this, [this, browser, once] {
        disconnect(*once);
        if (currentTableBrowser() == browser)
            importIntoCurrentTable();
    });
}

AboutDialog* MainWindow::showAbout() {
    auto* dialog = new AboutDialog(sessionDiagnostics(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

SessionDiagnostics MainWindow::sessionDiagnostics() const {
    if (!m_pool)
        return {};
    return {m_pool->profile(), m_serverVersion};
}

PreferencesDialog* MainWindow::openPreferences() {
    auto* dialog = new PreferencesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void MainWindow::setConnectionStatus(const QString& text) {
    m_connectionLabel->setText(text);
}

QString MainWindow::connectionStatus() const {
    return m_connectionLabel->text();
}

} // namespace pgdesk::ui
