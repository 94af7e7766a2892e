// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/ui/shell/aboutdialog.h>

#include <QMainWindow>

#include <memory>

class QLabel;
class QMenu;
class QStackedWidget;
class QTabWidget;
class QToolBar;

namespace pgdesk::core {
class Pool;
} // namespace pgdesk::core

namespace pgdesk::ui {

class EnvironmentIndicator;
class OperationIndicator;
class PreferencesDialog;
class ShellWorkbench;
class StartPage;
class Workbench;

// The window: the menu bar, the toolbar, the tabs (the start page while none is open), the status bar and
// the session. It knows no feature: every registered Feature (common/feature.h) adds its actions, docks,
// tree entries and tabs through the window's Workbench, and the window asks them through requests
// (common/requests.h). A feature's own commands are the feature's (e.g. BrowseFeature::of(window)).
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    Workbench* workbench() const;

    // Shown in the status bar: which connection the window works on.
    void setConnectionStatus(const QString& text);
    QString connectionStatus() const;

    // Connects in the background (the connect feature); the status bar follows.
    void openProfile(const QString& name);
    void openDsn(const QString& dsn);
    // Connection ▸ Manage connections…: the connection manager (window-modal, not blocking).
    void manageConnections();

    // The tabs; while none is open the start page stands in their place.
    QTabWidget* tabs() const { return m_tabs; }
    StartPage* startPage() const { return m_startPage; }
    QToolBar* mainToolBar() const { return m_toolBar; }
    OperationIndicator* operationIndicator() const { return m_operation; }
    // Closes a tab as its close button does (a tab with staged changes asks first); false when kept.
    bool closeTab(int index);
    // The context menu of the tab at `index`: Close tab (Ctrl+W), Close other tabs, Close all tabs.
    QMenu* createTabMenu(int index);
    // The database a tab works on (table and query tabs; empty for others).
    QString tabDatabase(int index) const;
    // The pool of a database of the session (empty: the session's own); nullptr without a session or when
    // the profile pins another database.
    std::shared_ptr<core::Pool> poolFor(const QString& database) const;

    // Window geometry, dock layout and the session's open tabs (tables, and query tools with their SQL)
    // into QSettings (also on close); they come back when the same profile is opened again.
    void saveSession() const;
    // Edit ▸ Preferences… (Ctrl+,): the preferences dialog (window-modal, deletes itself when closed).
    PreferencesDialog* openPreferences();
    // Help ▸ About PgDesk (window-modal) and what Help ▸ Copy diagnostics reports about the session.
    AboutDialog* showAbout();
    SessionDiagnostics sessionDiagnostics() const;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus(); // the menu bar's menus and the main toolbar, which the features fill
    void showStartPageIfEmpty();
    void onSessionOpened();
    void onProfileRenamed(const QString& from, const QString& to);

    ShellWorkbench* m_workbench = nullptr;
    QTabWidget* m_tabs = nullptr;
    QStackedWidget* m_center = nullptr; // the start page or the tabs
    StartPage* m_startPage = nullptr;
    QToolBar* m_toolBar = nullptr;
    QLabel* m_connectionLabel = nullptr;
    EnvironmentIndicator* m_environment = nullptr;
    OperationIndicator* m_operation = nullptr;
};

} // namespace pgdesk::ui
