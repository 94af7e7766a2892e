// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow, continued: the session's tabs across runs. Which tables and query tools were open (with their
// database and file) is saved per profile and reopened with the session; query text a crashed or killed
// run left unsaved is offered back as query tools. Also the tabs of their own: Roles, Top statements, plans.
#include <pgdesk/ui/common/filechooser.h>
#include <pgdesk/ui/shell/mainwindow.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/local/bufferjournal.h>
#include <pgdesk/core/plan/plan.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/sessionpools.h>
#include <pgdesk/ui/admin/dashboardview.h>
#include <pgdesk/ui/admin/rolesview.h>
#include <pgdesk/ui/admin/statementsview.h>
#include <pgdesk/ui/browse/filterbar.h>
#include <pgdesk/ui/browse/objectbrowser.h>
#include <pgdesk/ui/browse/structureview.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/diagram/erdview.h>
#include <pgdesk/ui/edit/editsession.h>
#include <pgdesk/ui/edit/tableeditor.h>
#include <pgdesk/ui/grid/celltext.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/grid/selectionsummary.h>
#include <pgdesk/ui/plan/plancompareview.h>
#include <pgdesk/ui/plan/planview.h>
#include <pgdesk/ui/query/querytool.h>
#include <pgdesk/ui/schema/datacomparedialog.h>
#include <pgdesk/ui/schema/privilegesview.h>
#include <pgdesk/ui/schema/schemacompareview.h>
#include <pgdesk/ui/schema/tabledesigner.h>
#include <pgdesk/ui/transfer/exportdialog.h>
#include <pgdesk/ui/transfer/importdialog.h>
#include <pgdesk/ui/visual/chartview.h>
#include <pgdesk/ui/visual/geometryview.h>
#include <pgdesk/ui/visual/listenview.h>
#include <pgdesk/ui/visual/valuepanel.h>

#include "plan/plantree.h"
#include "query/completionsource.h"
#include "query/queryresults.h"

#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QMenu>
#include <QPointer>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>

namespace pgdesk::ui {

void MainWindow::followSelection() {
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

QStringList MainWindow::openTables() const {
    QStringList names;
    auto* tabs = m_tabs;
    for (int i = 0; i < tabs->count(); ++i) {
        if (qobject_cast<TableBrowser*>(tabs->widget(i)))
            names << tabs->tabToolTip(i);
    }
    return names;
}

void MainWindow::saveSession() const {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (m_sessionProfile.isEmpty())
        return;
    // Every tab in order: tables by name, query tools with their SQL (unsaved text is not lost on quit).
    QVariantList tabList;
    auto* tabs = m_tabs;
    for (int i = 0; i < tabs->count(); ++i) {
        QVariantMap tab;
        if (auto* browser = qobject_cast<TableBrowser*>(tabs->widget(i)))
            tab = {
                {QStringLiteral("table"), browser->spec().schema + QLatin1Char('.') + browser->spec().table}};
        else if (auto* tool = qobject_cast<QueryTool*>(tabs->widget(i)))
            tab = {{QStringLiteral("query"), tool->sql()}, {QStringLiteral("file"), tool->filePath()}};
        else
            continue;
        // Its database, when not the session's own (a profile may list more than one).
        const QString db = tabDatabase(i);
        if (m_pools && db != m_pools->primaryDatabase())
            tab.insert(QStringLiteral("database"), db);
        tabList << tab;
    }
    settings.setValue(QStringLiteral("session/") + m_sessionProfile, tabList);
    settings.remove(QStringLiteral("tabs/") + m_sessionProfile); // the older form, tables only
}

void MainWindow::restoreTabs() {
    QSettings settings;
    QVariantList tabList = settings.value(QStringLiteral("session/") + m_sessionProfile).toList();
    for (const QString& t : settings.value(QStringLiteral("tabs/") + m_sessionProfile).toStringList())
        tabList << QVariantMap{{QStringLiteral("table"), t}};
    for (const QVariant& entry : std::as_const(tabList)) {
        const QVariantMap tab = entry.toMap();
        QString db = tab.value(QStringLiteral("database")).toString();
        if (!db.isEmpty() && !poolFor(db))
            continue; // the profile pins another database now
        if (db.isEmpty())
            db = m_pools->primaryDatabase();
        if (tab.contains(QStringLiteral("query"))) {
            const QString path = tab.value(QStringLiteral("file")).toString();
            const QString sql = tab.value(QStringLiteral("query")).toString();
            if (QueryTool* tool = openQueryTool(db)) {
                if (path.isEmpty() || !QFileInfo::exists(path) || !tool->openFile(path) || tool->sql() != sql)
                    tool->setSql(sql); // unsaved text kept on quit
            }
            continue;
        }
        const auto parts = core::splitQualifiedName(tab.value(QStringLiteral("table")).toString());
        if (parts && parts->size() == 2)
            openTable(parts->at(0), parts->at(1), db);
    }
}

bool MainWindow::closeTab(int index) {
    QWidget* page = m_tabs->widget(index);
    if (!page)
        return false;
    // Once a cancelled apply's outcome is known, the close goes on.
    const auto again = [this, later = QPointer<QWidget>(page)] {
        if (later)
            closeTab(m_tabs->indexOf(later));
    };
    if (auto* browser = qobject_cast<TableBrowser*>(page); browser && !browser->editor()->confirmClose(again))
        return false;
    if (auto* tool = qobject_cast<QueryTool*>(page); tool && !tool->confirmClose(again))
        return false;
    m_tabs->removeTab(index);
    page->deleteLater();
    retitleTableTabs();
    return true;
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

void MainWindow::retitleTableTabs() {
    struct Tab {
        int index;
        QString schema, name, database;
    };
    QList<Tab> tables;
    QHash<QString, int> alike; // name (database) → tabs reading so
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto* b = qobject_cast<TableBrowser*>(m_tabs->widget(i));
        if (!b)
            continue;
        QString schema = b->spec().schema;
        if (schema.isEmpty() && b->table())
            schema = b->table()->schema;
        const QString db = tabDatabase(i);
        tables << Tab{i, schema, b->spec().table,
                      m_pools && db != m_pools->primaryDatabase() ? db : QString()};
        ++alike[b->spec().table + QChar(0) + tables.last().database];
    }
    for (const Tab& t : std::as_const(tables)) {
        const bool twice = alike.value(t.name + QChar(0) + t.database) > 1 && !t.schema.isEmpty();
        const QString shown = twice ? t.schema + QLatin1Char('.') + t.name : t.name;
        const QString title = isolatedIn(layoutDirection(), shown);
        m_tabs->setTabText(t.index,
                           t.database.isEmpty()
                               ? title
                               : tr("%1 (%2)").arg(title, isolatedIn(layoutDirection(), t.database)));
        const QString qualified = t.schema.isEmpty() ? t.name : t.schema + QLatin1Char('.') + t.name;
        m_tabs->setTabToolTip(t.index,
                              t.database.isEmpty() ? qualified : tr("%1: %2").arg(t.database, qualified));
    }
}

QueryTool* MainWindow::openSqlFile(const QString& path) {
    QueryTool* tool = openQueryTool();
    if (tool && !tool->openFile(path)) {
        closeTab(m_tabs->indexOf(tool));
        return nullptr;
    }
    return tool;
}

int MainWindow::recoverQueryBuffers() {
    if (!m_pool)
        return 0;
    QList<core::BufferEntry> left;
    try {
        left = core::BufferJournal().orphans(queryKey());
    } catch (const core::Error& e) {
        statusBar()->showMessage(
            tr("Unsaved query text of an earlier run cannot be read: %1").arg(e.message()));
        return 0;
    }
    for (const core::BufferEntry& entry : std::as_const(left)) {
        if (QueryTool* tool = openQueryTool())
            tool->recover(entry);
    }
    if (!left.isEmpty())
        statusBar()->showMessage(tr("Recovered unsaved query text (%1)").arg(left.size()));
    return int(left.size());
}

void MainWindow::askPlanFile() {
    const QString path =
        chooseFileToOpen(this, tr("Open Plan"), tr("Plans (*.json *.txt *.log);;All files (*)"));
    if (!path.isEmpty())
        openPlanFile(path);
}

void MainWindow::openPlanFile(const QString& path) {
    jobSlot(this, QStringLiteral("openPlanJob"))
        ->start([path](const std::shared_ptr<core::CancelToken>&) { return readPlanFile(path); },
                [this, path](std::shared_ptr<const core::Plan> plan) {
                    showPlan(std::move(plan), QFileInfo(path).fileName());
                },
                [this](const BackgroundFailure& failure) {
                    statusBar()->showMessage(tr("Could not open the plan: %1").arg(failure.message), 10000);
                });
}

PlanView* MainWindow::showPlan(std::shared_ptr<const core::Plan> plan, const QString& name) {
    auto* view = new PlanView(m_tabs);
    view->setPlan(plan);
    view->setSummary(planTimesSummary(*plan));
    const int index =
        m_tabs->addTab(view, themedIcon(QStringLiteral("view-process-tree")), tr("Plan: %1").arg(name));
    m_tabs->setTabToolTip(index, name);
    m_tabs->setCurrentIndex(index);
    view->setName(name);
    connect(view, &PlanView::compareWith, this,
            [this, view, name](std::shared_ptr<const core::Plan> other, const QString& otherName) {
                auto* compare = new PlanCompareView(m_tabs);
                compare->setPlans(std::move(other), view->plan(), otherName, name);
                m_tabs->setCurrentIndex(m_tabs->addTab(compare, tr("Plans compared")));
            });
    connect(view, &PlanView::compareRequested, this, [this, view, name] {
        const QString path = chooseFileToOpen(this, tr("Compare With a Saved Plan"),
                                              tr("Plans (*.json *.txt *.log);;All files (*)"));
        if (path.isEmpty())
            return;
        jobSlot(view, QStringLiteral("comparePlanJob"))
            ->start([path](const std::shared_ptr<core::CancelToken>&) { return readPlanFile(path); },
                    [this, view, name, path](std::shared_ptr<const core::Plan> other) {
                        auto* compare = new PlanCompareView(m_tabs);
                        compare->setPlans(std::move(other), view->plan(), QFileInfo(path).fileName(), name);
                        m_tabs->setCurrentIndex(m_tabs->addTab(compare, tr("Plans compared")));
                    },
                    [this](const BackgroundFailure& failure) {
                        statusBar()->showMessage(tr("Could not open the plan: %1").arg(failure.message),
                                                 10000);
                    });
    });
    return view;
}

RolesView* MainWindow::openRoles() {
    if (!m_pool) {
        statusBar()->showMessage(tr("Connect first: the roles tab shows the current session's server"), 5000);
        return nullptr;
    }
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto* open = qobject_cast<RolesView*>(m_tabs->widget(i))) {
            m_tabs->setCurrentIndex(i); // one per session
            return open;
        }
    auto* view = new RolesView(m_pool, m_tabs);
    const int index = m_tabs->addTab(view, themedIcon(QStringLiteral("view-list-tree")), tr("Roles"));
    m_tabs->setTabToolTip(index, tr("Roles of %1").arg(m_pool->profile().name));
    m_tabs->setCurrentIndex(index);
    return view;
}

StatementsView* MainWindow::openStatements() {
    if (!m_pool) {
        statusBar()->showMessage(tr("Connect first: top statements are the current session's server's"),
                                 5000);
        return nullptr;
    }
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto* open = qobject_cast<StatementsView*>(m_tabs->widget(i))) {
            m_tabs->setCurrentIndex(i); // one per session
            return open;
        }
    auto* view = new StatementsView(m_pool, m_tabs);
    const int index =
        m_tabs->addTab(view, themedIcon(QStringLiteral("view-statistics")), tr("Top statements"));
    m_tabs->setTabToolTip(index, tr("Top statements of %1 (pg_stat_statements)").arg(m_pool->profile().name));
    m_tabs->setCurrentIndex(index);
    const auto open = [this](const QString& sql, bool explain) {
        if (QueryTool* tool = openQueryTool()) {
            tool->setSql(sql);
            if (explain) // a $n statement asks for its values first
                tool->explain(false);
        }
    };
    connect(view, &StatementsView::openInQueryTool, this, [open](const QString& sql) { open(sql, false); });
    connect(view, &StatementsView::explainInQueryTool, this, [open](const QString& sql) { open(sql, true); });
    return view;
}

TableDesigner* MainWindow::openTableDesigner(const QString& schema, const QString& table,
                                             const QString& database) {
    const auto pool = poolFor(database);
    if (!pool) {
        statusBar()->showMessage(tr("Connect first: the designer changes the current session's tables"),
                                 5000);
        return nullptr;
    }
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto* open = qobject_cast<TableDesigner*>(m_tabs->widget(i));
            open && !table.isEmpty() && open->property("designSchema") == schema &&
            open->property("designTable") == table) {
            m_tabs->setCurrentIndex(i); // one designer per table: its staged design is one
            return open;
        }
    auto* designer = new TableDesigner(pool, schema, table, m_tabs);
    designer->setProperty("designSchema", schema);
    designer->setProperty("designTable", table);
    const int index = m_tabs->addTab(designer, themedIcon(QStringLiteral("document-edit")),
                                     table.isEmpty() ? tr("New table") : tr("Design: %1").arg(table));
    m_tabs->setTabToolTip(index, table.isEmpty() ? tr("A new table in %1").arg(schema)
                                                 : tr("Table designer: %1.%2").arg(schema, table));
    m_tabs->setCurrentIndex(index);
    connect(designer, &TableDesigner::applied, this,
            [this, pool, designer, oldTable = table](const QString& schema, const QString& name) {
                designer->setProperty("designTable", name);
                m_tabs->setTabText(m_tabs->indexOf(designer), tr("Design: %1").arg(name));
                if (m_objects)
                    m_objects->refresh();
                CompletionSource::forPool(pool)->invalidate();
                // The table's open tabs read it again (under its old name too: a rename).
                for (int i = 0; i < m_tabs->count(); ++i)
                    if (auto* browser = qobject_cast<TableBrowser*>(m_tabs->widget(i))) {
                        const auto& info = browser->table();
                        if (info && info->schema == schema &&
                            (info->name == name || info->name == oldTable)) {
                            browser->reload();
                            if (browser->structureView())
                                browser->structureView()->refresh();
                        }
                    }
            });
    return designer;
}

PrivilegesView* MainWindow::openPrivileges(const QString& schema, const QString& table,
                                           const QString& database) {
    const auto pool = poolFor(database);
    if (!pool)
        return nullptr;
    core::PrivilegeTarget target;
    target.kind = table.isEmpty() ? core::PrivilegeTarget::Kind::Schema : core::PrivilegeTarget::Kind::Table;
    target.schema = schema;
    target.name = table;
    auto* view = new PrivilegesView(pool, target, m_tabs);
    const int index = m_tabs->addTab(view, tr("Privileges: %1").arg(table.isEmpty() ? schema : table));
    m_tabs->setTabToolTip(index, table.isEmpty() ? tr("Privileges on schema %1").arg(schema)
                                                 : tr("Privileges on %1.%2").arg(schema, table));
    m_tabs->setCurrentIndex(index);
    return view;
}

// Connection ▸ Compare schemas…, and the tree's Compare Schema… and Compare Data….
void MainWindow::addConnectionExtras(QMenu* connection) {
    addCompareActions(connection);
    addNotificationsAction(connection);
    addDiagramActions(connection);
    QAction* dashboard = connection->addAction(themedIcon(QStringLiteral("view-statistics")),
                                               tr("Dash&board"), this, [this] { openDashboard(); });
    dashboard->setObjectName(QStringLiteral("dashboardAction"));
    dashboard->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    dashboard->setToolTip(tr("The server's activity over the last minutes, sampled while shown"));
}

DashboardView* MainWindow::openDashboard() {
    if (!m_pool) {
        statusBar()->showMessage(tr("Connect first: the dashboard shows the current session's server"), 5000);
        return nullptr;
    }
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto* open = qobject_cast<DashboardView*>(m_tabs->widget(i))) {
            m_tabs->setCurrentIndex(i); // one per session: its samples stay
            return open;
        }
    }
    auto* view = new DashboardView(m_pool->profile(), m_pool->password(), m_tabs);
    const int index = m_tabs->addTab(view, themedIcon(QStringLiteral("view-statistics")), tr("Dashboard"));
    m_tabs->setTabToolTip(index, tr("Dashboard of %1").arg(m_pool->profile().name));
    m_tabs->setCurrentIndex(index);
    return view;
}

void MainWindow::addDiagramActions(QMenu* connection) {
    QAction* erd =
        connection->addAction(themedIcon(QStringLiteral("view-list-tree")), tr("ER &diagram…"), this, [this] {
            // Of the table in front (its neighbourhood), else of the search path's first schema.
            if (TableBrowser* browser = currentTableBrowser(); browser && browser->table())
                openErd(browser->table()->schema, browser->table()->name, m_objects->currentDatabase());
            else
                openErd(QStringLiteral("public"), {}, m_objects->currentDatabase());
        });
    erd->setObjectName(QStringLiteral("erdAction"));
    erd->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    erd->setToolTip(tr("Tables and their foreign keys: of the table in front, else of the schema"));
    connect(
        m_objects, &ObjectBrowser::erdRequested, this,
        [this](const QString& schema, const QString& name, const QString& db) { openErd(schema, name, db); });
}

ErdView* MainWindow::openErd(const QString& schema, const QString& table, const QString& database) {
    const auto pool = poolFor(database);
    if (!pool)
        return nullptr;
    ErdScope scope;
    if (table.isEmpty())
        scope.schemas << schema;
    else
        scope.tables.append({schema, table});
    auto* view = new ErdView(pool, scope, m_tabs);
    connect(view, &ErdView::openTableRequested, this,
            [this, database](const QString& s, const QString& t) { openTable(s, t, database); });
    connect(view, &ErdView::structureRequested, this, [this, database](const QString& s, const QString& t) {
        if (TableBrowser* browser = openTable(s, t, database))
            browser->showStructure();
    });
    connect(view, &ErdView::designRequested, this,
            [this, database](const QString& s, const QString& t) { openTableDesigner(s, t, database); });
    const QString title = table.isEmpty() ? schema : table;
    m_tabs->setCurrentIndex(m_tabs->addTab(view, themedIcon(QStringLiteral("view-list-tree")), title));
    m_tabs->setTabToolTip(m_tabs->currentIndex(), table.isEmpty()
                                                      ? tr("ER diagram of schema %1").arg(schema)
                                                      : tr("ER diagram around %1.%2").arg(schema, table));
    return view;
}

void MainWindow::addCompareActions(QMenu* connection) {
    connection
        ->addAction(tr("&Compare schemas…"), this,
                    [this] { openSchemaCompare(QStringLiteral("public"), m_objects->currentDatabase()); })
        ->setObjectName(QStringLiteral("compareSchemasAction"));
    connect(m_objects, &ObjectBrowser::compareRequested, this,
            [this](const QString& schema, const QString& name, const QString& db) {
                if (name.isEmpty())
                    openSchemaCompare(schema, db);
                else
                    openDataCompare(schema, name, db);
            });
}

void MainWindow::addNewTableImport(QMenu* file) {
    QAction* action = file->addAction(themedIcon(QStringLiteral("document-import")),
                                      tr("Import into &new table…"), this, [this] { importIntoNewTable(); });
    action->setObjectName(QStringLiteral("importNewTableAction"));
    connect(m_objects, &ObjectBrowser::importNewTableRequested, this,
            [this](const QString& schema, const QString& db) { importIntoNewTable(schema, db); });
}

ImportDialog* MainWindow::importIntoNewTable(const QString& schema, const QString& database) {
    const auto pool = poolFor(database);
    if (!pool) {
        statusBar()->showMessage(tr("Connect first: the new table is made in a database"), 5000);
        return nullptr;
    }
    QString into = schema;
    if (into.isEmpty()) {
        if (TableBrowser* browser = currentTableBrowser(); browser && browser->table())
            into = browser->table()->schema;
    }
    auto* dialog = new ImportDialog(pool, into, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::tableCreated, this,
            [this, database](const QString& createdSchema, const QString& name) {
                m_objects->refresh();
                openTable(createdSchema, name, database);
            });
    dialog->open();
    return dialog;
}

void MainWindow::addChartAction(QMenu* view) {
    QAction* geometry = view->addAction(themedIcon(QStringLiteral("map-flat")), tr("&Geometry…"), this,
                                        [this] { openGeometry(); });
    geometry->setObjectName(QStringLiteral("geometryAction"));
    geometry->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    geometry->setToolTip(tr("The table's geometry on a canvas: PostGIS and the built-in geometric types"));
    QAction* chart = view->addAction(themedIcon(QStringLiteral("office-chart-bar")), tr("&Chart…"), this,
                                     &MainWindow::openChart);
    chart->setObjectName(QStringLiteral("chartAction"));
    chart->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    chart->setToolTip(tr("A chart of the table in front (aggregated on the server) or of the query result"));
}

ChartView* MainWindow::openChart() {
    ChartView* view = nullptr;
    QString title;
    if (TableBrowser* browser = currentTableBrowser(); browser && browser->table()) {
        view = new ChartView(browser->pool(), *browser->table(), browser->spec(), m_tabs);
        title = tr("Chart: %1").arg(browser->table()->name);
    } else if (auto* tool = qobject_cast<QueryTool*>(m_tabs->currentWidget());
               tool && tool->currentResultGrid()) {
        // A result: the rows its grid holds, as they are (a windowed result's held rows only).
        const PageModel* model = tool->currentResultGrid()->model();
        QList<core::ChartColumn> columns;
        for (const core::PageColumn& c : model->page().columns)
            columns << core::ChartColumn{c.label.isEmpty() ? c.name : c.label, c.type};
        QList<QStringList> rows;
        for (const auto& row : model->page().rows) {
            QStringList fields;
            for (const auto& v : row)
                fields << v.value_or(QString());
            rows << fields;
        }
        view = new ChartView(columns, rows,
                             tr("the first %n row(s) of the result", nullptr, int(rows.size())), m_tabs);
        title = tr("Chart: %1").arg(m_tabs->tabText(m_tabs->currentIndex()));
    }
    if (!view) {
        statusBar()->showMessage(tr("Open a table or run a query first: a chart draws what is in front"),
                                 5000);
        return nullptr;
    }
    const int index = m_tabs->addTab(view, themedIcon(QStringLiteral("office-chart-bar")), title);
    m_tabs->setCurrentIndex(index);
    return view;
}

GeometryView* MainWindow::openGeometry(const QString& column) {
    TableBrowser* browser = currentTableBrowser();
    if (!browser || !browser->table() || GeometryView::drawableColumns(*browser->table()).isEmpty()) {
        statusBar()->showMessage(tr("Open a table with a geometry, geography or geometric column first"),
                                 5000);
        return nullptr;
    }
    auto* view = new GeometryView(browser->pool(), *browser->table(), browser->spec(), column, m_tabs);
    const int index = m_tabs->addTab(view, themedIcon(QStringLiteral("map-flat")),
                                     tr("Geometry: %1").arg(browser->table()->name));
    m_tabs->setCurrentIndex(index);
    // The selection, both ways, by row key: the grid's row of a clicked feature (when it holds it), the
    // feature of the grid's current row.
    const QPointer<TableBrowser> grid(browser);
    const auto keysOf = [grid](int row) {
        QStringList keys;
        const auto* model = grid->model();
        for (const QString& k : grid->table()->conventions.rowKey)
            for (int c = 0; c < model->columnCount(); ++c)
                if (model->headerData(c, Qt::Horizontal).toString() == k)
                    keys << model->index(row, c).data(Qt::EditRole).toString();
        return keys;
    };
    connect(view, &GeometryView::rowSelected, browser, [grid, keysOf](const QStringList& keys) {
        for (int row = 0; grid && row < grid->model()->rowCount(); ++row)
            if (keysOf(row) == keys) {
                grid->view()->setCurrentIndex(grid->model()->index(
                    row,
                    grid->view()->currentIndex().column() < 0 ? 0 : grid->view()->currentIndex().column()));
                return;
            }
    });
    connect(browser->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, view,
            [view, keysOf](const QModelIndex& current) {
                if (current.isValid())
                    view->selectRow(keysOf(current.row()));
            });
    return view;
}

void MainWindow::addValuePanel(QMenu* view) {
    auto* dock = new QDockWidget(tr("Value"), this);
    dock->setObjectName(QStringLiteral("valueDock"));
    m_valuePanel = new ValuePanel(dock);
    m_valuePanel->setMinimumWidth(fontMetrics().averageCharWidth() * 40); // keys and values side by side
    dock->setWidget(m_valuePanel);
    addDockWidget(isRightToLeft() ? Qt::LeftDockWidgetArea : Qt::RightDockWidgetArea, dock);
    dock->hide();
    QAction* toggle = dock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("valuePanelAction"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
    toggle->setText(tr("&Value panel"));
    toggle->setToolTip(tr("The current cell's value: JSON, arrays, hstore and composites as a tree"));
    view->addAction(toggle);
    addChartAction(view);
    // Whichever grid of the tabs has the focus is followed: a table's, a query result's.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget*, QWidget* now) {
        auto* grid = qobject_cast<QTableView*>(now);
        if (grid && grid != m_followedGrid && m_tabs->isAncestorOf(grid))
            followGrid(grid);
    });
    connect(dock, &QDockWidget::visibilityChanged, this, [this, dock](bool visible) {
        if (visible && !dock->isFloating() && dock->width() < width() / 3)
            // A JSON document needs room: a third of the window at first; the separator widens it further.
            resizeDocks({dock}, {std::max(m_valuePanel->minimumWidth(), width() / 3)}, Qt::Horizontal);
        if (visible && m_followedGrid)
            m_valuePanel->showCell(m_followedGrid->currentIndex());
    });
    connect(m_valuePanel, &ValuePanel::filterRequested, this, [this](const core::Condition& condition) {
        if (TableBrowser* browser = currentTableBrowser())
            browser->filterBar()->addCondition(condition);
        else
            statusBar()->showMessage(tr("Filters apply to a table's tab"), 5000);
    });
}

void MainWindow::followGrid(QTableView* grid) {
    disconnect(m_followedCell);
    m_followedGrid = grid;
    if (!grid->selectionModel())
        return;
    m_followedCell = connect(grid->selectionModel(), &QItemSelectionModel::currentChanged, this,
                             [this](const QModelIndex& current) {
                                 if (m_valuePanel->isVisible())
                                     m_valuePanel->showCell(current);
                             });
    if (m_valuePanel->isVisible())
        m_valuePanel->showCell(grid->currentIndex());
}

void MainWindow::addNotificationsAction(QMenu* connection) {
    QAction* listen = connection->addAction(themedIcon(QStringLiteral("mail-unread")), tr("&Notifications"),
                                            this, &MainWindow::openNotifications);
    listen->setObjectName(QStringLiteral("notificationsAction"));
    listen->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    listen->setToolTip(tr("LISTEN on channels and send NOTIFY, on a connection of its own"));
}

ListenView* MainWindow::openNotifications() {
    if (!m_pool)
        return nullptr;
    if (m_notifications) {
        auto* view = qobject_cast<ListenView*>(m_notifications->widget());
        if (view && view->pool() == m_pool) {
            m_notifications->show();
            m_notifications->raise();
            view->setFocus();
            return view;
        }
        delete m_notifications; // another session's: its connection goes with it
    }
    auto* dock = new QDockWidget(tr("Notifications"), this);
    dock->setObjectName(QStringLiteral("notificationsDock"));
    auto* view = new ListenView(m_pool, dock);
    dock->setWidget(view);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    m_notifications = dock;
    dock->show();
    // Room for about eight notifications under the channel and send rows (its size hint), not a row and
    // a half; never more than half the window.
    resizeDocks({dock}, {std::min(height() / 2, view->sizeHint().height())}, Qt::Vertical);
    view->setFocus();
    return view;
}

SchemaCompareView* MainWindow::openSchemaCompare(const QString& schema, const QString& database) {
    const auto pool = poolFor(database);
    if (!pool)
        return nullptr;
    auto* view =
        new SchemaCompareView([this](const QString& db) { return poolFor(db); },
                              database.isEmpty() ? pool->profile().database : database, schema, m_tabs);
    const int index = m_tabs->addTab(view, tr("Compare: %1").arg(schema));
    m_tabs->setTabToolTip(index, tr("Schema compare and migration"));
    m_tabs->setCurrentIndex(index);
    view->setFocus();
    // What the migration changed shows in the tree and the completion.
    connect(view, &SchemaCompareView::applyFinished, this, [this](bool applied) {
        if (applied)
            m_objects->refresh();
    });
    return view;
}

DataCompareDialog* MainWindow::openDataCompare(const QString& schema, const QString& table,
                                               const QString& database) {
    const auto pool = poolFor(database);
    if (!pool)
        return nullptr;
    const QString db = database.isEmpty() ? pool->profile().database : database;
    auto* dialog =
        new DataCompareDialog([this](const QString& name) { return poolFor(name); }, db, schema, table, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DataCompareDialog::stageRequested, this,
            [this](const QString& targetDb, const QString& targetSchema, const QString& targetTable,
                   const core::ChangeSet& changes) {
                TableBrowser* browser = openTable(targetSchema, targetTable, targetDb);
                if (!browser)
                    return;
                const auto stage = [browser, changes] {
                    if (browser->editor() && browser->editor()->session())
                        browser->editor()->session()->replace(changes);
                };
                if (browser->table())
                    return stage();
                // Once: the first page brings the table's description, which the edit session needs.
                auto once = std::make_shared<QMetaObject::Connection>();
                *once = connect(browser, &TableBrowser::pageLoaded, this, [stage, once] {
                    disconnect(*once);
                    stage();
                });
            });
    dialog->open();
    return dialog;
}

} // namespace pgdesk::ui
