// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/browse/browsefeature.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/server/tablespaces.h>
#include <pgdesk/ui/browse/createscriptview.h>
#include <pgdesk/ui/browse/objectbrowser.h>
#include <pgdesk/ui/browse/relationsmenu.h>
#include <pgdesk/ui/browse/structureview.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/requests.h>
#include <pgdesk/ui/common/workbench.h>
#include <pgdesk/ui/edit/editsession.h>
#include <pgdesk/ui/edit/tableeditor.h>
#include <pgdesk/ui/grid/celltext.h>
#include <pgdesk/ui/grid/selectionsummary.h>
#include <pgdesk/ui/schema/schemafeature.h>

#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/pool.h>

#include <QAction>
#include <QDockWidget>
#include <QHash>
#include <QMainWindow>
#include <QTabWidget>

namespace pgdesk::ui {

BrowseFeature* BrowseFeature::of(const QWidget& window) {
    return Workbench::featureOf<BrowseFeature>(window);
}

void BrowseFeature::initialize(Workbench& workbench) {
    m_workbench = &workbench;
    QMainWindow* window = workbench.window();
    m_objects = new ObjectBrowser(window);
    m_objects->setWorkbench(&workbench);
    auto* dock = new QDockWidget(tr("Objects"), window);
    dock->setObjectName(QStringLiteral("objectsDock"));
    dock->setWidget(m_objects);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    // At the start of the reading direction (dock areas do not mirror by themselves).
    window->addDockWidget(window->isRightToLeft() ? Qt::RightDockWidgetArea : Qt::LeftDockWidgetArea, dock);
    window->resizeDocks({dock}, {420}, Qt::Horizontal);
    m_objectsDock = dock;
    workbench.markEnvironment(m_objects);
    workbench.setCurrentDatabaseSource([this] { return m_objects->currentDatabase(); });
    QAction* objects = dock->toggleViewAction();
    objects->setIcon(themedIcon(QStringLiteral("view-list-tree")));
    workbench.addMenuAction(MenuId::View, 100, objects);

    QAction* refresh = workbench.addMenuAction(
        MenuId::Connection, 195, QStringLiteral("refreshObjectsAction"),
        themedIcon(QStringLiteral("view-refresh")), tr("&Refresh objects"), [this] { m_objects->refresh(); });
    refresh->setIconText(tr("Refresh"));
    refresh->setToolTip(tr("Reload schemas and tables"));
    workbench.addToToolBar(110, refresh);
    workbench.enableWith(refresh, [&workbench] { return workbench.hasSession(); });

    QAction* batch =
        workbench.addMenuAction(MenuId::Edit, 100, QStringLiteral("batchAction"),
                                themedIcon(QStringLiteral("tools-wizard")), tr("&Batch operation…"), [this] {
                                    if (TableBrowser* browser = currentTableBrowser())
                                        browser->openBatchDialog();
                                });
    batch->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    batch->setIconText(tr("Batch"));
    workbench.addToToolBar(320, batch);
    workbench.enableWith(batch, [this] { return currentTableBrowser() != nullptr; });

    // The selected cells' summary follows the current tab's grid (table tabs only).
    m_summary = new SelectionSummary(window);
    workbench.addStatusWidget(0, m_summary);

    addTreeEntries();
    connect(m_objects, &ObjectBrowser::tableActivated, this,
            [this](const QString& schema, const QString& name, const QString& db) {
                openTable(schema, name, db);
            });

    TabKind tables;
    tables.owns = [](const QWidget* page) { return qobject_cast<const TableBrowser*>(page) != nullptr; };
    tables.confirmClose = [](QWidget* page, const std::function<void()>& again) {
        return static_cast<TableBrowser*>(page)->editor()->confirmClose(again);
    };
    tables.settleBeforeQuit = [](QWidget* page, const std::function<void()>& again) {
        return static_cast<TableBrowser*>(page)->editor()->settleApplyBeforeClose(again);
    };
    tables.key = QStringLiteral("table");
    tables.save = [](QWidget* page) {
        const auto* browser = static_cast<TableBrowser*>(page);
        return QVariantMap{
            {QStringLiteral("table"), browser->spec().schema + QLatin1Char('.') + browser->spec().table}};
    };
    tables.restore = [this](const QVariantMap& saved, const QString& database) {
        const auto parts = core::splitQualifiedName(saved.value(QStringLiteral("table")).toString());
        if (parts && parts->size() == 2)
            openTable(parts->at(0), parts->at(1), database);
    };
    workbench.addTabKind(std::move(tables));

    workbench.handle<OpenTableRequest>(
        [this](const OpenTableRequest& r) { openTable(r.schema, r.name, r.database); });
    workbench.handle<StageChangesRequest>(
        [this](const StageChangesRequest& r) { stage(r.database, r.schema, r.table, r.changes); });
    connect(&workbench, &Workbench::sessionOpened, this,
            [this] { m_objects->setPools(m_workbench->session().pools); });
    connect(&workbench, &Workbench::currentTabChanged, this, [this] {
        showOperation();
        followSelection();
    });
    connect(&workbench, &Workbench::tabsChanged, this, &BrowseFeature::retitleTableTabs);
    // A table designed or a migration applied: the tree, and the table's open tabs (under its old name
    // too: a rename), read it again.
    connect(&workbench, &Workbench::catalogChanged, this, [this](const CatalogChange& change) {
        m_objects->refresh();
        if (change.name.isEmpty())
            return;
        QTabWidget* tabs = m_workbench->tabs();
        for (int i = 0; i < tabs->count(); ++i)
            if (auto* browser = qobject_cast<TableBrowser*>(tabs->widget(i))) {
                const auto& info = browser->table();
                if (info && info->schema == change.schema &&
                    (info->name == change.name || info->name == change.oldName)) {
                    browser->reload();
                    if (browser->structureView())
                        browser->structureView()->refresh();
                }
            }
    });
}

void BrowseFeature::addTreeEntries() {
    TreeEntry structure;
    structure.order = 110;
    structure.objectName = QStringLiteral("treeStructureAction");
    structure.icon = QStringLiteral("view-list-details");
    structure.text = tr("Structure");
    structure.trigger = [this](const TreeObject& o) {
        if (TableBrowser* browser = openTable(o.schema, o.name, o.database))
            browser->showStructure();
    };
    m_workbench->addTreeEntry(structure);
    // A relation's script is a page of its structure; a schema's gets a tab of its own.
    TreeEntry script;
    script.order = 120;
    script.objectName = QStringLiteral("treeScriptAction");
    script.icon = QStringLiteral("code-context");
    script.text = tr("CREATE script");
    script.trigger = [this](const TreeObject& o) {
        if (TableBrowser* browser = openTable(o.schema, o.name, o.database)) {
            browser->showStructure();
            browser->structureView()->sections()->setCurrentIndex(StructureView::Script);
        }
    };
    m_workbench->addTreeEntry(script);
    TreeEntry schemaScript;
    schemaScript.node = TreeObject::Node::Schema;
    schemaScript.order = 150;
    schemaScript.objectName = QStringLiteral("treeSchemaScriptAction");
    schemaScript.icon = QStringLiteral("code-context");
    schemaScript.text = tr("CREATE script of the schema");
    schemaScript.trigger = [this](const TreeObject& o) {
        if (const auto pool = m_workbench->poolFor(o.database)) {
            auto* view = new CreateScriptView(pool, o.schema, {}, m_workbench->tabs());
            m_workbench->addTab(view, themedIcon(QStringLiteral("code-context")), o.schema,
                                tr("CREATE script of schema %1").arg(o.schema));
        }
    };
    m_workbench->addTreeEntry(schemaScript);

    // Tablespaces and event triggers: their CREATE script in a tab of its own, read from the catalog.
    const auto objectScript = [this](TreeObject::Node node, const char* objectName) {
        TreeEntry e;
        e.node = node;
        e.order = 150;
        e.objectName = QLatin1String(objectName);
        e.icon = QStringLiteral("code-context");
        e.text = tr("CREATE script");
        e.trigger = [this, node](const TreeObject& o) {
            const auto pool = m_workbench->poolFor(o.database);
            if (!pool)
                return;
            const bool tablespace = node == TreeObject::Node::Tablespace;
            const QString what =
                tablespace ? tr("tablespace %1").arg(o.name) : tr("event trigger %1").arg(o.name);
            auto* view = new CreateScriptView(
                pool, what, o.name,
                [tablespace, name = o.name](core::Connection& c) {
                    core::TablespaceReader reader(c);
                    if (tablespace) {
                        for (const core::TablespaceInfo& t : reader.tablespaces())
                            if (t.name == name)
                                return core::tablespaceScript(t);
                    } else {
                        for (const core::EventTriggerInfo& t : reader.eventTriggers())
                            if (t.name == name)
                                return core::eventTriggerScript(t);
                    }
                    core::throwError(core::ErrorKind::NotFound, QStringLiteral("%1 is gone").arg(name));
                },
                m_workbench->tabs());
            m_workbench->addTab(view, themedIcon(QStringLiteral("code-context")), o.name,
                                tr("CREATE script of %1").arg(what));
        };
        m_workbench->addTreeEntry(e);
    };
    objectScript(TreeObject::Node::Tablespace, "treeTablespaceScriptAction");
    objectScript(TreeObject::Node::EventTrigger, "treeEventTriggerScriptAction");
}

TableBrowser* BrowseFeature::openTable(const QString& schema, const QString& name, const QString& database) {
    const auto pool = m_workbench->poolFor(database);
    if (!pool)
        return nullptr;
    const QString db = database.isEmpty() ? m_workbench->primaryDatabase() : database;
    const QString profile = m_workbench->session().profileName;
    auto* browser = new TableBrowser(pool, schema, name, m_workbench->tabs());
    m_workbench->addTab(browser, themedIcon(QStringLiteral("table")), name, {}, db);
    if (!schema.isEmpty()) {
        m_workbench->noteTableOpened(profile, schema + QLatin1Char('.') + name);
    } else { // found along the search path: its schema is known once it is described
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = connect(browser, &TableBrowser::pageLoaded, this, [this, browser, once, profile] {
            if (!browser->table())
                return;
            disconnect(*once);
            m_workbench->noteTableOpened(profile, browser->table()->qualifiedName());
            retitleTableTabs();
        });
    }
    connect(browser, &TableBrowser::busyChanged, this, &BrowseFeature::showOperation);
    connect(browser, &TableBrowser::pageShown, this, &BrowseFeature::followSelection);
    connect(browser, &TableBrowser::designRequested, this, [this, db](const QString& s, const QString& t) {
        if (auto* schemaFeature = m_workbench->feature<SchemaFeature>())
            schemaFeature->openTableDesigner(s, t, db);
    });
    connect(browser, &TableBrowser::openRelatedRequested, this, [this, db](const RelatedRows& rows) {
        if (TableBrowser* related = openTable(rows.schema, rows.table, db)) {
            related->setScope(rows.scope);
            related->setFilter(rows.filter);
        }
    });
    return browser;
}

TableBrowser* BrowseFeature::currentTableBrowser() const {
    return m_workbench->currentTab<TableBrowser>();
}

void BrowseFeature::setTableToOpen(const QString& qualifiedName, const TableView& view) {
    if (qualifiedName.isEmpty())
        return;
    m_workbench->afterNextSessionOpens([this, qualifiedName, view] {
        const auto parts = core::splitQualifiedName(qualifiedName);
        TableBrowser* browser = nullptr;
        if (parts && parts->size() == 2)
            browser = openTable(parts->at(0), parts->at(1));
        else if (parts && parts->size() == 1)
            browser = openTable({}, parts->at(0)); // found along the search path
        if (browser &&
            (!view.filter.isEmpty() || !view.search.isEmpty() || !view.sort.isEmpty() || view.scope))
            browser->setView(view);
    });
}

QStringList BrowseFeature::openTables() const {
    QStringList names;
    QTabWidget* tabs = m_workbench->tabs();
    for (int i = 0; i < tabs->count(); ++i)
        if (qobject_cast<TableBrowser*>(tabs->widget(i)))
            names << tabs->tabToolTip(i);
    return names;
}

void BrowseFeature::stage(const QString& database, const QString& schema, const QString& table,
                          const core::ChangeSet& changes) {
    TableBrowser* browser = openTable(schema, table, database);
    if (!browser)
        return;
    const auto stageIn = [this, browser, changes] {
        if (browser->editor() && browser->editor()->session()) {
            browser->editor()->session()->replace(changes);
            return;
        }
        // A view, a standby's table, a table without a key: its tab stages nothing, and says so.
        const QString why = browser->editor() ? browser->editor()->readOnlyReason() : QString();
        m_workbench->showMessage(why.isEmpty()
                                     ? tr("The compared changes were not staged: the table cannot be "
                                          "edited here")
                                     : tr("The compared changes were not staged: %1").arg(why),
                                 10000);
    };
    if (browser->table())
        return stageIn();
    // Once: the first page brings the table's description, which the edit session needs.
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(browser, &TableBrowser::pageLoaded, this, [stageIn, once] {
        disconnect(*once);
        stageIn();
    });
}

void BrowseFeature::showOperation() {
    TableBrowser* browser = currentTableBrowser();
    if (browser && browser->isBusy())
        m_workbench->showOperation(browser->busyText(), [browser = QPointer<TableBrowser>(browser)] {
            if (browser)
                browser->cancelBusy();
        });
    else
        m_workbench->clearOperation();
}

void BrowseFeature::followSelection() {
    TableBrowser* browser = currentTableBrowser();
    // The Structure page has no grid: the Data page's summary and its "Whole view" leave with it.
    if (!browser || browser->isStructureShown())
        return m_summary->setGrid(nullptr, nullptr);
    m_summary->setGrid(browser->view(), browser->model(), browser->pool(),
                       [browser = QPointer<TableBrowser>(browser)]() -> std::optional<core::BuiltQuery> {
                           if (!browser || !browser->table())
                               return std::nullopt;
                           try {
                               return core::buildSelectQuery(browser->spec(), *browser->table());
                           } catch (const std::exception&) {
                               return std::nullopt; // the view cannot be read as it is: nothing to sum
                           }
                       });
}

// Table tabs read by their table's name, or by schema.name where two would read alike.
void BrowseFeature::retitleTableTabs() {
    struct Tab {
        int index;
        QString schema, name, database;
    };
    QTabWidget* tabs = m_workbench->tabs();
    const QString primary = m_workbench->primaryDatabase();
    const bool session = m_workbench->session().pools != nullptr;
    QList<Tab> tables;
    QHash<QString, int> alike; // name (database) → tabs reading so
    for (int i = 0; i < tabs->count(); ++i) {
        auto* b = qobject_cast<TableBrowser*>(tabs->widget(i));
        if (!b)
            continue;
        QString schema = b->spec().schema;
        if (schema.isEmpty() && b->table())
            schema = b->table()->schema;
        const QString db = m_workbench->tabDatabase(i);
        tables << Tab{i, schema, b->spec().table, session && db != primary ? db : QString()};
        ++alike[b->spec().table + QChar(0) + tables.last().database];
    }
    const Qt::LayoutDirection direction = m_workbench->window()->layoutDirection();
    for (const Tab& t : std::as_const(tables)) {
        const bool twice = alike.value(t.name + QChar(0) + t.database) > 1 && !t.schema.isEmpty();
        const QString shown = twice ? t.schema + QLatin1Char('.') + t.name : t.name;
        const QString title = isolatedIn(direction, shown);
        tabs->setTabText(t.index, t.database.isEmpty()
                                      ? title
                                      : tr("%1 (%2)").arg(title, isolatedIn(direction, t.database)));
        const QString qualified = t.schema.isEmpty() ? t.name : t.schema + QLatin1Char('.') + t.name;
        tabs->setTabToolTip(t.index,
                            t.database.isEmpty() ? qualified : tr("%1: %2").arg(t.database, qualified));
    }
}

} // namespace pgdesk::ui
