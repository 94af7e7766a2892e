// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/shell/aboutdialog.h>

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QTableView;
class QDockWidget;
class QLabel;
class QMenu;
class QStackedWidget;
class QTabWidget;
class QToolBar;

namespace pgdesk::core {
struct Plan;
class Pool;
class SessionPools;
} // namespace pgdesk::core

namespace pgdesk::ui {

class ActivityView;
class ErdView;
class DashboardView;
class ConnectionDialog;
class ExportDialog;
class ImportDialog;
class LargestRelationsView;
class ObjectBrowser;
class OperationIndicator;
class PasswordPrompt;
class PlanView;
class PoolStatusWidget;
class EnvironmentIndicator;
class PreferencesDialog;
class QueryTool;
class QueryResultGrid;
class RolesView;
class StatementsView;
class DataCompareDialog;
class PrivilegesView;
class ValuePanel;
class ChartView;
class GeometryView;
class ListenView;
class SchemaCompareView;
class TableDesigner;
class SelectionSummary;
class SqlLogDock;
class SessionOpener;
class StartPage;
class TableBrowser;
struct SessionInfo;

// Assembles the window: menus, central area and status bar. Holds no database logic of its own.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Shown in the status bar: which connection the window works on.
    void setConnectionStatus(const QString& text);
    QString connectionStatus() const;

    // Connects in the background; the status bar follows.
    void openProfile(const QString& name);
    void openDsn(const QString& dsn);
    // File ▸ Open Plan…: a saved plan read on a worker, then shown in a plan tab of its own (no connection
    // needed); a file that holds no plan is said in the status bar.
    void openPlanFile(const QString& path);
    // File ▸ Open Plan…: asks for the file, then openPlanFile().
    void askPlanFile();
    // A plan in a tab of its own; its Compare With… asks for a second plan file.
    PlanView* showPlan(std::shared_ptr<const core::Plan> plan, const QString& name);
    // Connection ▸ Top statements: pg_stat_statements in a window, one tab per session; a statement opens
    // in a query tool (explained when asked).
    StatementsView* openStatements();
    // The table designer on `table` of `schema` (a new table when `table` is empty), one tab per table;
    // once it applies, the tree, the table's open tabs and completion read the new shape.
    TableDesigner* openTableDesigner(const QString& schema, const QString& table,
                                     const QString& database = {});
    // The privilege matrix of a table, or of a schema (`table` empty).
    PrivilegesView* openPrivileges(const QString& schema, const QString& table, const QString& database = {});
    // A tab comparing `schema` with another (both sides start on it: the user picks the other).
    SchemaCompareView* openSchemaCompare(const QString& schema, const QString& database = {});
    // Connection ▸ Notifications (LISTEN/NOTIFY): a dock at the bottom, one per session.
    ListenView* openNotifications();
    // View ▸ Chart…: of the table tab in front (aggregated on the server, its filters applied) or of the
    // current query result (the rows the grid fetched).
    ChartView* openChart();
    // View ▸ Geometry…: the table in front's geometry column on a canvas, its selection shared with the grid.
    GeometryView* openGeometry(const QString& column = {});
    // The data compare of a table; its changes are staged in the table's tab.
    DataCompareDialog* openDataCompare(const QString& schema, const QString& table,
                                       const QString& database = {});

    // Connection ▸ Manage connections…: the connection manager (window-modal, not blocking); "Connect"
    // there opens the chosen profile like openProfile().
    void manageConnections();
    ConnectionDialog* connectionDialog() const;
    // Shown when the server wants a password the profile does not have; retries once it is given.
    PasswordPrompt* passwordPrompt() const;

    ObjectBrowser* objectBrowser() const { return m_objects; }
    // The tabs (tables and query tools); while none is open the start page stands in their place.
    QTabWidget* tabs() const { return m_tabs; }
    StartPage* startPage() const { return m_startPage; }
    QToolBar* mainToolBar() const { return m_toolBar; }
    // Closes a tab as its close button does (a table tab with staged changes asks first); false when kept.
    bool closeTab(int index);
    // The context menu of the tab at `index`: Close tab (Ctrl+W), Close other tabs, Close all tabs.
    QMenu* createTabMenu(int index);
    // Opens a browser tab on a table of the current session, in `database` (empty: the session's own).
    TableBrowser* openTable(const QString& schema, const QString& name, const QString& database = {});
    TableBrowser* currentTableBrowser() const;
    // File ▸ Export view… (Ctrl+E): the current table tab's view (filter, search, sort, scope) to a file,
    // or the current query tool's result (QueryTool::currentResultGrid()).
    ExportDialog* exportCurrentView();
    // File ▸ Import into table… (Ctrl+Shift+I): a CSV, XLSX, JSON or NDJSON file into the current tab's
    // table (not a view); the tab reloads after a successful import.
    ImportDialog* importIntoCurrentTable();
    // An ER diagram tab: of `table`'s neighbourhood, or of the whole `schema` when table is empty.
    DashboardView* openDashboard(); // one per session
    ErdView* openErd(const QString& schema, const QString& table = {}, const QString& database = {});
    // A new table made from a file, in `schema` (empty: the current tab's, else the search path's first).
    ImportDialog* importIntoNewTable(const QString& schema = {}, const QString& database = {});
    // Connection ▸ Server activity (Ctrl+Shift+A): the activity tab of the session (one; nullptr without a
    // session), on a connection of its own.
    ActivityView* openActivity();
    // Connection ▸ Roles: the roles tab of the session (one; nullptr without a session), read-only.
    RolesView* openRoles();
    // The tree's "Largest relations" on a schema: its size list as a tab (one per schema).
    LargestRelationsView* openLargestRelations(const QString& schema, const QString& database = {});
    // Query ▸ New query tool (Ctrl+T): a query tool tab on the current session (nullptr without one), on
    // `database`; empty: the database of the tree's current item.
    QueryTool* openQueryTool(const QString& database = {});
    // The pool of a database of the session (empty: the session's own); nullptr without a session or when
    // the profile pins another database. Makes the pool on first use; connects nothing.
    std::shared_ptr<core::Pool> poolFor(const QString& database) const;
    // The database a tab works on (table and query tabs; empty for others).
    QString tabDatabase(int index) const;
    // Query ▸ Open SQL file… : `path` in a new query tool (nullptr without a session or when unreadable).
    QueryTool* openSqlFile(const QString& path);
    // Query tools for the text that crashed or killed PgDesk processes left unsaved on this session's
    // profile (core::BufferJournal); called when a session opens. How many.
    int recoverQueryBuffers();
    // Edit ▸ Preferences… (Ctrl+,): the preferences dialog (window-modal, deletes itself when closed).
    PreferencesDialog* openPreferences();
    // "schema.table" of every open table tab, in tab order ("database: schema.table" for a database other
    // than the session's own); restored per profile on the next start.
    QStringList openTables() const;
    SqlLogDock* sqlLog() const { return m_sqlLog; }
    PoolStatusWidget* poolStatus() const { return m_poolStatus; }
    OperationIndicator* operationIndicator() const { return m_operation; }
    // Window geometry, dock layout and the session's open tabs (tables, and query tools with their SQL)
    // into QSettings (also on close); they come back when the same profile is opened again.
    void saveSession() const;
    // A table ("schema.table" or a bare name on the search path) to open once the session is up.
    void setTableToOpen(const QString& qualifiedName, const TableView& view = {});
    // Help ▸ About PgDesk (window-modal) and what Help ▸ Copy diagnostics reports about the session.
    AboutDialog* showAbout();
    SessionDiagnostics sessionDiagnostics() const;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus(); // and the main toolbar, from the same actions
    void connectObjectBrowser();
    // The Connection menu's later items (compare, notifications, ER diagram) and the tree's counterparts.
    void addConnectionExtras(QMenu* connection);
    void addCompareActions(QMenu* connection); // its menu's item and the tree's
    void addDiagramActions(QMenu* connection);
    void addNewTableImport(QMenu* file); // its menu's item and the schema's in the tree
    void addNotificationsAction(QMenu* connection);
    // View ▸ Value: the value panel dock, following the current cell of whichever grid has the focus.
    void addValuePanel(QMenu* view);
    void addChartAction(QMenu* view);
    void followGrid(QTableView* grid);
    void showStartPageIfEmpty();
    // The tree's "Import…": the table's tab opens, and the import once it knows the table.
    void importInto(const QString& schema, const QString& name, const QString& database = {});
    // Connection ▸ Backup… / Restore… and the tree's "Back up…": the dialogs of ui/src/admin.
    void openBackup(const QString& schema, const QString& name, const QString& database = {});
    void openRestore();
    void restoreTabs();
    // Table tabs read by their table's name, or by schema.name where two would read alike.
    void retitleTableTabs();
    QString queryKey() const; // the session's key for query history and autosaved buffers
    void showOperation();     // the current tab's running operation, with Cancel, in the status bar
    void followSelection();   // the status bar's selection summary: the current tab's Data page grid
    void onSessionOpened(const SessionInfo& info);
    void onSessionFailed(const QString& message);

    SessionOpener* m_opener = nullptr;
    ObjectBrowser* m_objects = nullptr;
    std::shared_ptr<core::Pool> m_pool; // the session's own database's (m_pools->primary())
    std::shared_ptr<core::SessionPools> m_pools;
    QString m_tableToOpen;
    TableView m_viewToOpen;
    QString m_openingProfile; // the profile being connected, for the password prompt
    QPointer<ConnectionDialog> m_connections;
    QPointer<PasswordPrompt> m_passwordPrompt;

    QTabWidget* m_tabs = nullptr;
    QStackedWidget* m_center = nullptr; // the start page or the tabs
    StartPage* m_startPage = nullptr;
    QToolBar* m_toolBar = nullptr;
    QLabel* m_connectionLabel = nullptr;
    QDockWidget* m_objectsDock = nullptr;
    SqlLogDock* m_sqlLog = nullptr;
    QPointer<QDockWidget> m_notifications; // its ListenView belongs to the session it was opened for
    ValuePanel* m_valuePanel = nullptr;
    QPointer<QTableView> m_followedGrid;
    QMetaObject::Connection m_followedCell;
    PoolStatusWidget* m_poolStatus = nullptr;
    EnvironmentIndicator* m_environment = nullptr;
    OperationIndicator* m_operation = nullptr;
    SelectionSummary* m_summary = nullptr;
    QString m_sessionProfile; // the profile of the open session (empty for a DSN session)
    QString m_serverVersion;  // of the open session, read when it opened
    int m_queryTools = 0;     // numbers the query tool tabs
};

} // namespace pgdesk::ui
