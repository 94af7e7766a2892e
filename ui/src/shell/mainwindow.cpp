// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/requests.h>
#include <pgdesk/ui/common/workbench.h>
#include <pgdesk/ui/shell/environmentindicator.h>
#include <pgdesk/ui/shell/mainwindow.h>
#include <pgdesk/ui/shell/operationindicator.h>
#include <pgdesk/ui/shell/preferencesdialog.h>
#include <pgdesk/ui/shell/startpage.h>

#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/pool.h>

#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>

namespace pgdesk::ui {

// What only the window has: the operation indicator, the environment's colours, the connection line.
class ShellWorkbench final : public Workbench {
public:
    ShellWorkbench(MainWindow* window, QTabWidget* tabs, OperationIndicator* operation,
                   EnvironmentIndicator* environment)
        : Workbench(window, tabs)
        , m_window(window)
        , m_operation(operation)
        , m_environment(environment) {}

    void showOperation(const QString& text, std::function<void()> cancel) override {
        m_operation->show(text, std::move(cancel));
    }
    void clearOperation() override { m_operation->clear(); }
    void markEnvironment(QWidget* widget) override { m_environment->setTree(widget); }
    void showConnectionStatus(const QString& text) override { m_window->setConnectionStatus(text); }

private:
    MainWindow* m_window;
    OperationIndicator* m_operation;
    EnvironmentIndicator* m_environment;
};

namespace {

// Status bar order of the window's own widgets (features place theirs among them).
constexpr int kConnectionLabelOrder = 100;
constexpr int kOperationOrder = 200;
constexpr int kEnvironmentOrder = 400;

} // namespace

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
    // currentChanged also comes when the last tab goes (index -1) and when the first one arrives.
    connect(tabs, &QTabWidget::currentChanged, this, &MainWindow::showStartPageIfEmpty);

    m_connectionLabel = new QLabel(tr("Not connected"), this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    statusBar()->showMessage(tr("Ready"));
    m_operation = new OperationIndicator(this);
    m_environment = new EnvironmentIndicator(tabs, this);
    m_workbench = new ShellWorkbench(this, tabs, m_operation, m_environment);
    m_workbench->addStatusWidget(kConnectionLabelOrder, m_connectionLabel);
    m_workbench->addStatusWidget(kOperationOrder, m_operation);
    m_workbench->addStatusWidget(kEnvironmentOrder, m_environment);
    // The window's part of a new session comes first: the features' follow (sessionOpened).
    connect(m_workbench, &Workbench::sessionOpened, this, &MainWindow::onSessionOpened);
    connect(m_workbench, &Workbench::profileRenamed, this, &MainWindow::onProfileRenamed);
    connect(m_workbench, &Workbench::tableOpened, this, &StartPage::noteTable);

    connect(m_startPage, &StartPage::newConnectionRequested, this, &MainWindow::manageConnections);
    connect(m_startPage, &StartPage::queryToolRequested, this,
            [this] { m_workbench->request(OpenQueryToolRequest{}); });
    connect(m_startPage, &StartPage::profileRequested, this, &MainWindow::openProfile);
    connect(m_startPage, &StartPage::tableRequested, this,
            [this](const QString& profile, const QString& table) {
                const auto open = [this, table] {
                    const auto parts = core::splitQualifiedName(table);
                    if (parts && parts->size() == 2)
                        m_workbench->request(OpenTableRequest{parts->at(0), parts->at(1), {}});
                    else if (parts && parts->size() == 1) // found along the search path
                        m_workbench->request(OpenTableRequest{{}, parts->at(0), {}});
                };
                if (m_workbench->hasSession() && profile == m_workbench->session().profileName)
                    return open();
                m_workbench->afterNextSessionOpens(open);
                openProfile(profile);
            });

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

    createMenus();
    m_workbench->loadFeatures();
    showStartPageIfEmpty();
    resize(1200, 760);
    // After the features' docks are in: their places come back by name.
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

MainWindow::~MainWindow() {
    // The features go before the widgets: a tab or dock destroyed after them signals no one.
    m_tabs->disconnect(this);
    delete m_workbench;
}

Workbench* MainWindow::workbench() const {
    return m_workbench;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    // An apply in flight is cancelled and its outcome known before the window goes (staged changes stay
    // in the journal either way).
    if (!m_workbench->settleBeforeQuit([this] { close(); })) {
        event->ignore();
        return;
    }
    saveSession();
    QMainWindow::closeEvent(event);
}

void MainWindow::openProfile(const QString& name) {
    m_workbench->request(OpenProfileRequest{name});
}

void MainWindow::openDsn(const QString& dsn) {
    m_workbench->request(OpenDsnRequest{dsn});
}

void MainWindow::manageConnections() {
    m_workbench->request(ManageConnectionsRequest{});
}

void MainWindow::onSessionOpened() {
    const Session& s = m_workbench->session();
    setWindowTitle(tr("%1 — PgDesk").arg(s.title));
    setConnectionStatus(tr("%1 · %2@%3 · PostgreSQL %4").arg(s.title, s.user, s.database, s.serverVersion));
    statusBar()->showMessage(tr("Connected"), 5000);
    m_environment->setProfile(s.pool->profile());
    StartPage::noteConnection(s.profileName);
    m_startPage->reload(); // it may be on screen
}

void MainWindow::onProfileRenamed(const QString& from, const QString& to) {
    StartPage::renameProfile(from, to);
    m_startPage->reload();
    // The open session's profile renamed: the title, the status bar and its saved tabs follow the new name.
    if (!m_workbench->hasSession() || m_workbench->session().profileName != to)
        return;
    setWindowTitle(tr("%1 — PgDesk").arg(to));
    if (connectionStatus().startsWith(from))
        setConnectionStatus(to + connectionStatus().mid(from.size()));
}

QString MainWindow::tabDatabase(int index) const {
    return m_workbench->tabDatabase(index);
}

std::shared_ptr<core::Pool> MainWindow::poolFor(const QString& database) const {
    return m_workbench->poolFor(database);
}

bool MainWindow::closeTab(int index) {
    return m_workbench->closeTab(index);
}

QMenu* MainWindow::createTabMenu(int index) {
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("tabMenu"));
    QPointer<QWidget> page = m_tabs->widget(index);
    menu->addAction(themedIcon(QStringLiteral("dialog-cancel")), tr("Close tab"), this,
                    [this, page] {
                        if (page)
                            closeTab(m_tabs->indexOf(page));
                    })
        ->setShortcut(QKeySequence::Close);
    // Closed one by one from the end: a tab whose staged changes the user keeps stops only itself.
    menu->addAction(tr("Close other tabs"), this,
                    [this, page] {
                        for (int i = m_tabs->count() - 1; i >= 0; --i)
                            if (m_tabs->widget(i) != page)
                                closeTab(i);
                    })
        ->setEnabled(m_tabs->count() > 1);
    menu->addAction(tr("Close all tabs"), this, [this] {
        for (int i = m_tabs->count() - 1; i >= 0; --i)
            closeTab(i);
    });
    return menu;
}

void MainWindow::saveSession() const {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    m_workbench->saveTabs();
}

void MainWindow::createMenus() {
    const auto icon = [](const char* name) { return themedIcon(QLatin1String(name)); };
    m_workbench->setMenu(MenuId::File, menuBar()->addMenu(tr("&File")));
    m_workbench->setMenu(MenuId::Connection, menuBar()->addMenu(tr("&Connection")));
    m_workbench->setMenu(MenuId::Edit, menuBar()->addMenu(tr("&Edit")));
    m_workbench->setMenu(MenuId::View, menuBar()->addMenu(tr("&View")));
    m_workbench->setMenu(MenuId::Query, menuBar()->addMenu(tr("&Query")));
    m_workbench->setMenu(MenuId::Help, menuBar()->addMenu(tr("&Help")));

    // The main toolbar: the commands of every session, each with its key in the tooltip; the features put
    // theirs on it.
    m_toolBar = addToolBar(tr("Main toolbar"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setIconSize(QSize(22, 22));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_workbench->setToolBar(m_toolBar);

    QAction* quit = m_workbench->addMenuAction(MenuId::File, 900, QStringLiteral("quitAction"),
                                               icon("application-exit"), tr("&Quit"), [] { qApp->quit(); });
    quit->setShortcut(QKeySequence::Quit);
    QAction* preferences =
        m_workbench->addMenuAction(MenuId::Edit, 900, QStringLiteral("preferencesAction"), icon("configure"),
                                   tr("&Preferences…"), [this] { openPreferences(); });
    preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences->setMenuRole(QAction::PreferencesRole);
    m_workbench->addToToolBar(910, preferences);
    m_workbench->addMenuAction(MenuId::View, 900, m_toolBar->toggleViewAction());
    m_workbench->addMenuAction(MenuId::Help, 100, QStringLiteral("aboutAction"), icon("help-about"),
                               tr("&About PgDesk"), [this] { showAbout(); });
    m_workbench->addMenuAction(MenuId::Help, 110, QStringLiteral("copyDiagnosticsAction"), icon("edit-copy"),
                               tr("&Copy diagnostics"), [this] {
                                   AboutDialog::copyDiagnostics(sessionDiagnostics());
                                   statusBar()->showMessage(tr("Diagnostics copied to the clipboard"), 5000);
                               });
}

void MainWindow::showStartPageIfEmpty() {
    m_center->setCurrentWidget(m_tabs->count() == 0 ? static_cast<QWidget*>(m_startPage) : m_tabs);
}

AboutDialog* MainWindow::showAbout() {
    auto* dialog = new AboutDialog(sessionDiagnostics(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

SessionDiagnostics MainWindow::sessionDiagnostics() const {
    const Session& s = m_workbench->session();
    if (!s.pool)
        return {};
    return {s.pool->profile(), s.serverVersion};
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
