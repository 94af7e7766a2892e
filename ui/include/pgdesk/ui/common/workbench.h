// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/ui/common/feature.h>

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariantMap>

#include <functional>
#include <memory>
#include <typeindex>
#include <unordered_map>

class QAction;
class QIcon;
class QMainWindow;
class QMenu;
class QTabWidget;
class QToolBar;
class QWidget;

namespace pgdesk::core {
class Pool;
class SessionPools;
} // namespace pgdesk::core

namespace pgdesk::ui {

// The window's menus, in the menu bar's order.
enum class MenuId { File, Connection, Edit, View, Query, Help };

// The window's open session: the pools of its databases and what the window says about it.
struct Session {
    std::shared_ptr<core::Pool> pool; // the session's own database's (pools->primary())
    std::shared_ptr<core::SessionPools> pools;
    QString profileName; // empty for a DSN session
    QString title;       // what the window calls it: the profile's name, or a DSN session's database
    QString serverVersion;
    QString user;
    QString database;
};

// What the object tree's context menu was opened on.
struct TreeObject {
    enum class Node { Database, Schema, Relation, Tablespace, EventTrigger };
    Node node = Node::Relation;
    QString database;
    QString schema;
    QString name; // a relation's, a tablespace's, an event trigger's
    QString
        relationKind; // a relation's: "table", "partitioned_table", "view", … (CatalogTreeModel::KindRole)
    bool isTable() const;
};

// An entry of the object tree's context menu, registered by the feature that does what it says.
struct TreeEntry {
    TreeEntry() = default;
    TreeEntry(TreeObject::Node node, int order, QString objectName, QString icon, QString text,
              std::function<void(const TreeObject&)> trigger,
              std::function<bool(const TreeObject&)> enabled = {}, QString disabledToolTip = {})
        : node(node)
        , order(order)
        , objectName(std::move(objectName))
        , icon(std::move(icon))
        , text(std::move(text))
        , trigger(std::move(trigger))
        , enabled(std::move(enabled))
        , disabledToolTip(std::move(disabledToolTip)) {}

    TreeObject::Node node = TreeObject::Node::Relation;
    int order = 0; // its place in the menu; an entry of another hundred than the one before starts a section
    QString objectName;
    QString icon; // a themedIcon() name, or empty
    QString text;
    std::function<void(const TreeObject&)> trigger;
    std::function<bool(const TreeObject&)> enabled; // empty: always
    QString disabledToolTip;                        // why, where it is disabled
};

// A kind of tab a feature makes: what it asks before such a tab or the window closes, and how it is saved
// with the session and comes back when the same profile is opened again.
struct TabKind {
    std::function<bool(const QWidget* page)> owns;
    // false keeps the tab (or the window) open; `again` is called to close it once it may (an apply that was
    // cancelled has its outcome).
    std::function<bool(QWidget* page, const std::function<void()>& again)> confirmClose;
    std::function<bool(QWidget* page, const std::function<void()>& again)> settleBeforeQuit;
    // A saved tab is a map holding `key` ("table", "query"); save() writes it, restore() opens it again on
    // its database.
    QString key;
    std::function<QVariantMap(QWidget* page)> save;
    std::function<void(const QVariantMap& saved, const QString& database)> restore;
};

// One kind of tab's part in a window command whose work depends on the tab in front (File ▸ Export view…
// writes a table tab's view or a query tool's result): the command is enabled while one handler accepts
// the current tab, and runs the first that does.
struct TabHandler {
    std::function<bool(QWidget* tab)> accepts;
    std::function<void(QWidget* tab)> run;
};

// The catalog changed under the window's session (a table designed, a migration or an import applied): the
// tree, the completion and the tabs of that relation read it again. `name` empty: anything in `schema`.
struct CatalogChange {
    std::shared_ptr<core::Pool> pool;
    QString schema;
    QString name;
    QString oldName; // a renamed relation's former name
};

// The window as features see it: the session, the tabs, the menus and the toolbar, the status bar, the
// object tree's context entries, and the requests one feature answers for others it does not include
// (common/requests.h). The shell makes one per window and overrides what only it has (the operation
// indicator, the environment's colour); everything a feature adds goes through here, so the shell knows
// no feature.
class Workbench : public QObject {
    Q_OBJECT
public:
    Workbench(QMainWindow* window, QTabWidget* tabs);
    ~Workbench() override;

    // The workbench of the window `widget` is in (nullptr outside a PgDesk window).
    static Workbench* of(const QWidget& widget);
    template <class T> static T* featureOf(const QWidget& widget) {
        Workbench* workbench = of(widget);
        return workbench ? workbench->feature<T>() : nullptr;
    }

    QMainWindow* window() const { return m_window; }

    // Makes one of every registered feature and initializes it, in registration order.
    void loadFeatures();
    template <class T> T* feature() const {
        for (Feature* f : m_features)
            if (auto* t = qobject_cast<T*>(f))
                return t;
        return nullptr;
    }

    // --- the session ---
    const Session& session() const { return m_session; }
    bool hasSession() const { return m_session.pool != nullptr; }
    // The pool of a database of the session (empty: the session's own); nullptr without a session or when
    // the profile pins another database. Makes the pool on first use; connects nothing.
    std::shared_ptr<core::Pool> poolFor(const QString& database) const;
    QString primaryDatabase() const;
    // The session's key for query history and autosaved buffers: its profile, else its DSN's parts.
    QString queryKey() const;
    // The database the user has in view (the object tree's current item's), else the session's own; the
    // browse feature tells where it is.
    QString currentDatabase() const;
    void setCurrentDatabaseSource(std::function<QString()> source);
    // The connect feature has opened a session: the window takes it (sessionOpened), its profile's saved tabs
    // come back unless work waits for it (afterNextSessionOpens), then sessionReady, then that work.
    void openSession(const Session& session);
    void afterNextSessionOpens(std::function<void()> work);
    // `prepare` runs on every new session before anything uses it (the SQL log's statement observer).
    void prepareSessions(std::function<void(const Session&)> prepare);
    // A profile was renamed: the session's name follows (profileRenamed).
    void noteProfileRenamed(const QString& from, const QString& to);

    // --- the tabs ---
    QTabWidget* tabs() const { return m_tabs; }
    // Adds `page` on `database` (empty: none) and makes it the current tab; its index.
    int addTab(QWidget* page, const QIcon& icon, const QString& title, const QString& toolTip = {},
               const QString& database = {});
    QString tabDatabase(int index) const;
    static QString tabDatabase(const QWidget* page);
    static void setTabDatabase(QWidget* page, const QString& database);
    template <class T> T* currentTab() const { return qobject_cast<T*>(currentWidget()); }
    // The first tab of kind T that `accept` takes (all when empty), made current; nullptr when none.
    template <class T> T* activateTab(const std::function<bool(T*)>& accept = {}) {
        for (int i = 0; i < tabCount(); ++i)
            if (auto* t = qobject_cast<T*>(tabWidget(i)); t && (!accept || accept(t))) {
                setCurrentTab(i);
                return t;
            }
        return nullptr;
    }
    void addTabKind(TabKind kind);
    // Closes a tab as its close button does (a kind may ask first); false when it stays.
    bool closeTab(int index);
    // Whether every tab's kind lets the window close now (false: `again` closes it later).
    bool settleBeforeQuit(const std::function<void()>& again);
    // Every tab of a known kind in order (tables by name, query tools with their SQL: unsaved text is not
    // lost on quit), as the session saves them; and back.
    QVariantList savedTabs() const;
    void restoreTabs(const QVariantList& tabs);
    // The session's tabs into QSettings ("session/PROFILE"), for a profile's session; and back from there.
    void saveTabs() const;
    void restoreSavedTabs();

    // --- menus, toolbar and commands ---
    void setMenu(MenuId id, QMenu* menu);
    QMenu* menu(MenuId id) const { return m_menus.value(int(id)); }
    // `action` in menu `id` at `order` (an action of another hundred than its neighbour's is set apart by a
    // separator). The action should be a child of that menu.
    QAction* addMenuAction(MenuId id, int order, QAction* action);
    // A new action, child of menu `id`, placed at `order`; `objectName` names it for tests and tools.
    QAction* addMenuAction(MenuId id, int order, const QString& objectName, const QIcon& icon,
                           const QString& text, std::function<void()> triggered);
    void setToolBar(QToolBar* toolBar) { m_toolBar = toolBar; }
    // `action` on the main toolbar at `order` (its key shown in its tooltip).
    void addToToolBar(int order, QAction* action);
    // An action registered in a menu, by object name (nullptr when none).
    QAction* action(const QString& objectName) const;
    // `action` enabled while `when` holds, asked again when the session or the current tab changes.
    void enableWith(QAction* action, std::function<bool()> when);
    void addTabHandler(QAction* action, TabHandler handler);
    // Runs the first handler of `action` that accepts the current tab; false when none does.
    bool runTabHandler(QAction* action);
    bool acceptsTab(QAction* action, QWidget* tab) const;
    void updateActions();

    // --- the object tree's context entries ---
    void addTreeEntry(TreeEntry entry);
    QList<TreeEntry> treeEntries(TreeObject::Node node) const;

    // --- the status bar ---
    void showMessage(const QString& text, int timeoutMs = 0) const;
    // A permanent widget of the status bar, ordered by `order` among the others.
    void addStatusWidget(int order, QWidget* widget);
    // The current tab's running operation, with Cancel (the shell's indicator); nothing by default.
    virtual void showOperation(const QString& text, std::function<void()> cancel);
    virtual void clearOperation();
    // `widget` shows the session's environment colour (the object tree); nothing by default.
    virtual void markEnvironment(QWidget* widget);
    // The status bar's line naming the connection ("Connecting to …", "Not connected"); nothing by default.
    virtual void showConnectionStatus(const QString& text);

    // --- requests between features (common/requests.h) ---
    // `handler` answers requests of type R (a later one replaces an earlier).
    template <class R> void handle(std::function<void(const R&)> handler) {
        m_handlers[std::type_index(typeid(R))] = [handler = std::move(handler)](const void* r) {
            handler(*static_cast<const R*>(r));
        };
    }
    // false when no feature answers R.
    template <class R> bool request(const R& r) const {
        const auto it = m_handlers.find(std::type_index(typeid(R)));
        if (it == m_handlers.end())
            return false;
        it->second(&r);
        return true;
    }

    // The catalog changed (catalogChanged).
    void noteCatalogChange(const CatalogChange& change);
    void noteTableOpened(const QString& profile, const QString& qualifiedName);

signals:
    void sessionOpened();
    void sessionReady();
    void profileRenamed(const QString& from, const QString& to);
    void currentTabChanged(QWidget* page);
    // A tab was added or closed.
    void tabsChanged();
    void catalogChanged(const pgdesk::ui::CatalogChange& change);
    // A table's tab was opened on a profile's session (the start page lists it as recent).
    void tableOpened(const QString& profile, const QString& qualifiedName);

private:
    QWidget* currentWidget() const;
    QWidget* tabWidget(int index) const;
    int tabCount() const;
    void setCurrentTab(int index);
    const TabKind* kindOf(const QWidget* page) const;
    void arrange(QWidget* container, const QList<QAction*>& ordered) const;

    QMainWindow* m_window = nullptr;
    QTabWidget* m_tabs = nullptr;
    QToolBar* m_toolBar = nullptr;
    QList<Feature*> m_features;
    Session m_session;
    std::function<QString()> m_currentDatabase;
    QList<std::function<void()>> m_afterOpen;
    QList<std::function<void(const Session&)>> m_prepare;
    QList<TabKind> m_tabKinds;
    QHash<int, QMenu*> m_menus;
    QList<TreeEntry> m_treeEntries;
    QList<std::pair<QPointer<QAction>, std::function<bool()>>> m_enabledWith;
    QHash<QAction*, QList<TabHandler>> m_tabHandlers;
    QList<std::pair<int, QWidget*>> m_statusWidgets;
    std::unordered_map<std::type_index, std::function<void(const void*)>> m_handlers;
};

} // namespace pgdesk::ui
