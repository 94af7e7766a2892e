// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/workbench.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/profiles/connectionprofile.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/sessionpools.h>

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

#include <algorithm>

namespace pgdesk::ui {

namespace {

// The database a tab works on, kept on the tab's widget.
constexpr char kDatabaseProperty[] = "pgdeskDatabase";
// An action's place in its menu or the toolbar.
constexpr char kOrderProperty[] = "pgdeskOrder";

int orderOf(const QAction* action) {
    return action->property(kOrderProperty).toInt();
}

} // namespace

bool TreeObject::isTable() const {
    return relationKind == QLatin1String("table") || relationKind == QLatin1String("partitioned_table");
}

Workbench::Workbench(QMainWindow* window, QTabWidget* tabs)
    : QObject(window)
    , m_window(window)
    , m_tabs(tabs) {
    setObjectName(QStringLiteral("workbench"));
    connect(tabs, &QTabWidget::currentChanged, this, [this] {
        emit currentTabChanged(m_tabs->currentWidget());
        updateActions();
    });
}

Workbench::~Workbench() = default;

Workbench* Workbench::of(const QWidget& widget) {
    const QWidget* window = widget.window();
    return window ? window->findChild<Workbench*>(QStringLiteral("workbench"), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void Workbench::loadFeatures() {
    for (FeatureFactory make : registeredFeatures()) {
        Feature* feature = make(this);
        m_features << feature;
        feature->initialize(*this);
    }
    updateActions();
}

// --- the session ---

std::shared_ptr<core::Pool> Workbench::poolFor(const QString& database) const {
    if (!m_session.pools)
        return nullptr;
    try {
        return m_session.pools->pool(database);
    } catch (const core::ConfigurationError&) {
        return nullptr; // pinned to its own database
    }
}

QString Workbench::primaryDatabase() const {
    return m_session.pools ? m_session.pools->primaryDatabase() : QString();
}

QString Workbench::queryKey() const {
    if (!m_session.pool)
        return {};
    // History is kept per profile; a DSN session files it under its database.
    const core::ConnectionProfile& p = m_session.pool->profile();
    return !m_session.profileName.isEmpty() ? m_session.profileName
           : !p.name.isEmpty()              ? p.name
                                            : QStringLiteral("dsn:%1@%2/%3").arg(p.user, p.host, p.database);
}

QString Workbench::currentDatabase() const {
    const QString db = m_currentDatabase ? m_currentDatabase() : QString();
    return db.isEmpty() ? primaryDatabase() : db;
}

void Workbench::setCurrentDatabaseSource(std::function<QString()> source) {
    m_currentDatabase = std::move(source);
}

void Workbench::openSession(const Session& session) {
    m_session = session;
    for (const auto& prepare : std::as_const(m_prepare))
        prepare(m_session);
    emit sessionOpened();
    const auto waiting = std::exchange(m_afterOpen, {});
    if (waiting.isEmpty() && !m_session.profileName.isEmpty())
        restoreSavedTabs(); // the tabs this profile had open last time
    emit sessionReady();
    for (const auto& work : waiting)
        work();
    updateActions();
}

void Workbench::afterNextSessionOpens(std::function<void()> work) {
    m_afterOpen << std::move(work);
}

void Workbench::prepareSessions(std::function<void(const Session&)> prepare) {
    m_prepare << std::move(prepare);
}

void Workbench::noteProfileRenamed(const QString& from, const QString& to) {
    if (m_session.pool && m_session.profileName == from)
        m_session.profileName = to;
    emit profileRenamed(from, to);
}

// --- the tabs ---

int Workbench::addTab(QWidget* page, const QIcon& icon, const QString& title, const QString& toolTip,
                      const QString& database) {
    if (!database.isEmpty())
        setTabDatabase(page, database);
    const int index = m_tabs->addTab(page, icon, title);
    if (!toolTip.isEmpty())
        m_tabs->setTabToolTip(index, toolTip);
    emit tabsChanged();
    m_tabs->setCurrentIndex(index);
    return index;
}

QString Workbench::tabDatabase(int index) const {
    return tabDatabase(m_tabs->widget(index));
}

QString Workbench::tabDatabase(const QWidget* page) {
    return page ? page->property(kDatabaseProperty).toString() : QString();
}

void Workbench::setTabDatabase(QWidget* page, const QString& database) {
    page->setProperty(kDatabaseProperty, database);
}

QWidget* Workbench::currentWidget() const {
    return m_tabs->currentWidget();
}

QWidget* Workbench::tabWidget(int index) const {
    return m_tabs->widget(index);
}

int Workbench::tabCount() const {
    return m_tabs->count();
}

void Workbench::setCurrentTab(int index) {
    m_tabs->setCurrentIndex(index);
}

void Workbench::addTabKind(TabKind kind) {
    m_tabKinds << std::move(kind);
}

const TabKind* Workbench::kindOf(const QWidget* page) const {
    for (const TabKind& kind : m_tabKinds)
        if (kind.owns && kind.owns(page))
            return &kind;
    return nullptr;
}

bool Workbench::closeTab(int index) {
    QWidget* page = m_tabs->widget(index);
    if (!page)
        return false;
    // Once a cancelled apply's outcome is known, the close goes on.
    const auto again = [this, later = QPointer<QWidget>(page)] {
        if (later)
            closeTab(m_tabs->indexOf(later));
    };
    if (const TabKind* kind = kindOf(page); kind && kind->confirmClose && !kind->confirmClose(page, again))
        return false;
    m_tabs->removeTab(index);
    page->deleteLater();
    emit tabsChanged();
    return true;
}

bool Workbench::settleBeforeQuit(const std::function<void()>& again) {
    for (int i = 0; i < m_tabs->count(); ++i) {
        QWidget* page = m_tabs->widget(i);
        const TabKind* kind = kindOf(page);
        if (kind && kind->settleBeforeQuit && !kind->settleBeforeQuit(page, again))
            return false;
    }
    return true;
}

void Workbench::saveTabs() const {
    if (m_session.profileName.isEmpty())
        return;
    QSettings settings;
    settings.setValue(QStringLiteral("session/") + m_session.profileName, savedTabs());
    settings.remove(QStringLiteral("tabs/") + m_session.profileName); // the older form, tables only
}

void Workbench::restoreSavedTabs() {
    QSettings settings;
    QVariantList saved = settings.value(QStringLiteral("session/") + m_session.profileName).toList();
    for (const QString& t : settings.value(QStringLiteral("tabs/") + m_session.profileName).toStringList())
        saved << QVariantMap{{QStringLiteral("table"), t}};
    restoreTabs(saved);
}

QVariantList Workbench::savedTabs() const {
    QVariantList saved;
    for (int i = 0; i < m_tabs->count(); ++i) {
        QWidget* page = m_tabs->widget(i);
        const TabKind* kind = kindOf(page);
        if (!kind || !kind->save)
            continue;
        QVariantMap tab = kind->save(page);
        if (tab.isEmpty())
            continue;
        // Its database, when not the session's own (a profile may list more than one).
        const QString db = tabDatabase(page);
        if (m_session.pools && db != primaryDatabase())
            tab.insert(QStringLiteral("database"), db);
        saved << tab;
    }
    return saved;
}

void Workbench::restoreTabs(const QVariantList& tabs) {
    for (const QVariant& entry : tabs) {
        const QVariantMap tab = entry.toMap();
        QString db = tab.value(QStringLiteral("database")).toString();
        if (!db.isEmpty() && !poolFor(db))
            continue; // the profile pins another database now
        if (db.isEmpty())
            db = primaryDatabase();
        for (const TabKind& kind : std::as_const(m_tabKinds))
            if (kind.restore && tab.contains(kind.key)) {
                kind.restore(tab, db);
                break;
            }
    }
}

// --- menus, toolbar and commands ---

void Workbench::setMenu(MenuId id, QMenu* menu) {
    m_menus.insert(int(id), menu);
}

// Re-lays `container`'s actions in their order, a separator between hundreds.
void Workbench::arrange(QWidget* container, const QList<QAction*>& ordered) const {
    for (QAction* a : container->actions())
        if (a->isSeparator() && a->property("pgdeskSection").toBool()) {
            container->removeAction(a);
            a->deleteLater();
        } else {
            container->removeAction(a);
        }
    int section = -1;
    for (QAction* a : ordered) {
        const int s = orderOf(a) / 100;
        if (section >= 0 && s != section) {
            auto* separator = new QAction(container);
            separator->setSeparator(true);
            separator->setProperty("pgdeskSection", true);
            container->addAction(separator);
        }
        section = s;
        container->addAction(a);
    }
}

QAction* Workbench::addMenuAction(MenuId id, int order, QAction* action) {
    QMenu* menu = m_menus.value(int(id));
    if (!menu)
        return action;
    action->setProperty(kOrderProperty, order);
    QList<QAction*> ordered;
    for (QAction* a : menu->actions())
        if (!a->isSeparator() || !a->property("pgdeskSection").toBool())
            ordered << a;
    ordered << action;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const QAction* a, const QAction* b) { return orderOf(a) < orderOf(b); });
    arrange(menu, ordered);
    return action;
}

QAction* Workbench::addMenuAction(MenuId id, int order, const QString& objectName, const QIcon& icon,
                                  const QString& text, std::function<void()> triggered) {
    auto* action = new QAction(icon, text, m_menus.value(int(id)) ? static_cast<QObject*>(menu(id)) : this);
    action->setObjectName(objectName);
    connect(action, &QAction::triggered, this, [triggered = std::move(triggered)] { triggered(); });
    return addMenuAction(id, order, action);
}

void Workbench::addToToolBar(int order, QAction* action) {
    if (!m_toolBar)
        return;
    if (!action->shortcut().isEmpty())
        action->setToolTip(QStringLiteral("%1 (%2)").arg(
            action->toolTip(), action->shortcut().toString(QKeySequence::NativeText)));
    // Its place in a menu is kept apart from its place here.
    QList<QAction*> ordered;
    QHash<QAction*, int> orders;
    for (QAction* a : m_toolBar->actions())
        if (!a->isSeparator() || !a->property("pgdeskSection").toBool()) {
            ordered << a;
            orders.insert(a, a->property("pgdeskToolOrder").toInt());
        }
    action->setProperty("pgdeskToolOrder", order);
    ordered << action;
    orders.insert(action, order);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [&orders](QAction* a, QAction* b) { return orders.value(a) < orders.value(b); });
    for (QAction* a : m_toolBar->actions()) {
        m_toolBar->removeAction(a);
        if (a->isSeparator() && a->property("pgdeskSection").toBool())
            a->deleteLater();
    }
    int section = -1;
    for (QAction* a : ordered) {
        const int s = orders.value(a) / 100;
        if (section >= 0 && s != section)
            m_toolBar->addSeparator()->setProperty("pgdeskSection", true);
        section = s;
        m_toolBar->addAction(a);
    }
}

QAction* Workbench::action(const QString& objectName) const {
    for (QMenu* menu : m_menus)
        if (auto* a = menu->findChild<QAction*>(objectName))
            return a;
    return m_window ? m_window->findChild<QAction*>(objectName) : nullptr;
}

void Workbench::enableWith(QAction* action, std::function<bool()> when) {
    action->setEnabled(when());
    m_enabledWith.append({action, std::move(when)});
}

void Workbench::addTabHandler(QAction* action, TabHandler handler) {
    m_tabHandlers[action] << std::move(handler);
}

bool Workbench::runTabHandler(QAction* action) {
    QWidget* tab = m_tabs->currentWidget();
    for (const TabHandler& h : m_tabHandlers.value(action))
        if (tab && h.accepts(tab)) {
            h.run(tab);
            return true;
        }
    return false;
}

bool Workbench::acceptsTab(QAction* action, QWidget* tab) const {
    const QList<TabHandler> handlers = m_tabHandlers.value(action);
    return std::any_of(handlers.begin(), handlers.end(),
                       [tab](const TabHandler& h) { return h.accepts(tab); });
}

void Workbench::updateActions() {
    for (const auto& [action, when] : std::as_const(m_enabledWith))
        if (action)
            action->setEnabled(when());
}

// --- the object tree's context entries ---

void Workbench::addTreeEntry(TreeEntry entry) {
    m_treeEntries << std::move(entry);
    std::stable_sort(m_treeEntries.begin(), m_treeEntries.end(),
                     [](const TreeEntry& a, const TreeEntry& b) { return a.order < b.order; });
}

QList<TreeEntry> Workbench::treeEntries(TreeObject::Node node) const {
    QList<TreeEntry> entries;
    for (const TreeEntry& e : m_treeEntries)
        if (e.node == node)
            entries << e;
    return entries;
}

// --- the status bar ---

void Workbench::showMessage(const QString& text, int timeoutMs) const {
    if (m_window)
        m_window->statusBar()->showMessage(text, timeoutMs);
}

void Workbench::addStatusWidget(int order, QWidget* widget) {
    int index = 0;
    while (index < m_statusWidgets.size() && m_statusWidgets[index].first <= order)
        ++index;
    m_statusWidgets.insert(index, {order, widget});
    m_window->statusBar()->insertPermanentWidget(index, widget);
}

void Workbench::showOperation(const QString&, std::function<void()>) {
}

void Workbench::clearOperation() {
}

void Workbench::markEnvironment(QWidget*) {
}

void Workbench::showConnectionStatus(const QString&) {
}

void Workbench::noteCatalogChange(const CatalogChange& change) {
    emit catalogChanged(change);
}

void Workbench::noteTableOpened(const QString& profile, const QString& qualifiedName) {
    emit tableOpened(profile, qualifiedName);
}

} // namespace pgdesk::ui
