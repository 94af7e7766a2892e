// SPDX-License-Identifier: GPL-3.0-or-later
// The Workbench, what a feature sees of the window: menus and the toolbar in the features' order, commands
// whose work depends on the tab in front, the tree's entries, tab kinds (close, save, restore) and requests;
// and the window made of every registered feature, whose shell knows none of them.
#include "uitestmain.h"

#include <pgdesk/ui/admin/adminfeature.h>
#include <pgdesk/ui/browse/browsefeature.h>
#include <pgdesk/ui/common/feature.h>
#include <pgdesk/ui/common/requests.h>
#include <pgdesk/ui/common/workbench.h>
#include <pgdesk/ui/connect/connectfeature.h>
#include <pgdesk/ui/diagram/diagramfeature.h>
#include <pgdesk/ui/notebook/notebookfeature.h>
#include <pgdesk/ui/plan/planfeature.h>
#include <pgdesk/ui/query/queryfeature.h>
#include <pgdesk/ui/schema/schemafeature.h>
#include <pgdesk/ui/server/serverfeature.h>
#include <pgdesk/ui/shell/mainwindow.h>
#include <pgdesk/ui/transfer/transferfeature.h>
#include <pgdesk/ui/visual/visualfeature.h>

#include <QAction>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTabWidget>
#include <QTest>
#include <QToolBar>

#include <memory>

using pgdesk::ui::MenuId;
using pgdesk::ui::TabHandler;
using pgdesk::ui::TabKind;
using pgdesk::ui::TreeEntry;
using pgdesk::ui::TreeObject;
using pgdesk::ui::Workbench;

namespace {

// A window with a workbench and no feature.
struct Bench {
    QMainWindow window;
    QTabWidget* tabs = new QTabWidget(&window);
    Workbench* workbench = new Workbench(&window, tabs);
    QMenu* file = window.menuBar()->addMenu(QStringLiteral("File"));
    QToolBar* toolBar = window.addToolBar(QStringLiteral("Main"));
    Bench() {
        window.setCentralWidget(tabs);
        workbench->setMenu(MenuId::File, file);
        workbench->setToolBar(toolBar);
    }
    QAction* add(int order, const char* name) {
        return workbench->addMenuAction(MenuId::File, order, QLatin1String(name), QIcon(),
                                        QLatin1String(name), [] {});
    }
};

// The names of a menu's or toolbar's actions, "|" for a separator.
QStringList layout(const QWidget* widget) {
    QStringList names;
    for (const QAction* a : widget->actions())
        names << (a->isSeparator() ? QStringLiteral("|") : a->objectName());
    return names;
}

struct Probe {
    QString name;
};

} // namespace

class TestWorkbench final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("pgdesk"));
        QCoreApplication::setApplicationName(QStringLiteral("pgdesk"));
    }

    // Each feature adds in its own order; the menu shows them by place, a separator between hundreds, and a
    // menu's own action stays its child (so the menu bar finds it).
    void menusKeepTheFeaturesOrder() {
        Bench b;
        b.add(900, "quit");
        b.add(120, "importNew");
        b.add(100, "export");
        QAction* plan = b.add(130, "openPlan");
        QCOMPARE(layout(b.file), (QStringList{"export", "importNew", "openPlan", "|", "quit"}));
        b.add(110, "import");
        QCOMPARE(layout(b.file), (QStringList{"export", "import", "importNew", "openPlan", "|", "quit"}));
        QCOMPARE(plan->parent(), b.file);
        QCOMPARE(b.window.menuBar()->findChild<QAction*>(QStringLiteral("openPlan")), plan);
        QCOMPARE(b.workbench->action(QStringLiteral("import"))->objectName(), QStringLiteral("import"));
        QVERIFY(!b.workbench->action(QStringLiteral("nothing")));

        QAction* a = b.add(100, "a");
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
        a->setToolTip(QStringLiteral("Write"));
        b.workbench->addToToolBar(310, b.workbench->action(QStringLiteral("import")));
        b.workbench->addToToolBar(100, a);
        b.workbench->addToToolBar(300, b.workbench->action(QStringLiteral("export")));
        QCOMPARE(layout(b.toolBar), (QStringList{"a", "|", "export", "import"}));
        QVERIFY2(a->toolTip().contains(QKeySequence(Qt::CTRL | Qt::Key_E).toString(QKeySequence::NativeText)),
                 qPrintable(a->toolTip()));
    }

    // A command enabled by the session or the tab in front, and one whose work depends on the tab: the first
    // handler that takes the current tab runs, none without one.
    void commandsFollowTheTabInFront() {
        Bench b;
        QAction* exportView = b.add(100, "export");
        auto* table = new QLabel(QStringLiteral("table"));
        auto* query = new QLabel(QStringLiteral("query"));
        auto* plan = new QLabel(QStringLiteral("plan"));
        QStringList ran;
        const auto tab = [&](QLabel* which) {
            return TabHandler{[which](QWidget* t) { return t == which; },
                              [&ran](QWidget* t) { ran << static_cast<QLabel*>(t)->text(); }};
        };
        b.workbench->addTabHandler(exportView, tab(table));
        b.workbench->addTabHandler(exportView, tab(query));
        b.workbench->enableWith(exportView,
                                [&] { return b.workbench->acceptsTab(exportView, b.tabs->currentWidget()); });
        QVERIFY(!exportView->isEnabled());
        QVERIFY(!b.workbench->runTabHandler(exportView)); // no tab
        b.workbench->addTab(table, QIcon(), QStringLiteral("t"));
        QVERIFY(exportView->isEnabled());
        b.workbench->addTab(plan, QIcon(), QStringLiteral("p"), QStringLiteral("tip"), QStringLiteral("db2"));
        QVERIFY(!exportView->isEnabled());
        QVERIFY(!b.workbench->runTabHandler(exportView));
        QCOMPARE(b.tabs->tabToolTip(1), QStringLiteral("tip"));
        QCOMPARE(b.workbench->tabDatabase(1), QStringLiteral("db2"));
        QCOMPARE(Workbench::tabDatabase(plan), QStringLiteral("db2"));
        b.workbench->addTab(query, QIcon(), QStringLiteral("q"));
        QVERIFY(exportView->isEnabled());
        QVERIFY(b.workbench->runTabHandler(exportView));
        b.tabs->setCurrentIndex(0);
        QVERIFY(b.workbench->runTabHandler(exportView));
        QCOMPARE(ran, (QStringList{"query", "table"}));
        QCOMPARE(b.workbench->currentTab<QLabel>(), table);
        QCOMPARE(b.workbench->activateTab<QLabel>([&](QLabel* l) { return l == plan; }), plan);
        QCOMPARE(b.tabs->currentWidget(), plan);
        QVERIFY(!b.workbench->activateTab<QMenu>());
    }

    // A kind of tab is asked before its tab closes (and may keep it), saved with what it says, and restored
    // by the kind whose key the saved map holds.
    void tabKindsCloseSaveAndRestore() {
        Bench b;
        bool keep = true;
        QStringList restored;
        TabKind labels;
        labels.owns = [](const QWidget* page) { return qobject_cast<const QLabel*>(page) != nullptr; };
        labels.confirmClose = [&keep](QWidget*, const std::function<void()>&) { return !keep; };
        labels.key = QStringLiteral("label");
        labels.save = [](QWidget* page) {
            return QVariantMap{{QStringLiteral("label"), static_cast<QLabel*>(page)->text()}};
        };
        labels.restore = [&restored](const QVariantMap& saved, const QString&) {
            restored << saved.value(QStringLiteral("label")).toString();
        };
        b.workbench->addTabKind(labels);
        b.workbench->addTab(new QLabel(QStringLiteral("one")), QIcon(), QStringLiteral("1"));
        b.workbench->addTab(new QMenu, QIcon(), QStringLiteral("no kind")); // not saved
        b.workbench->addTab(new QLabel(QStringLiteral("two")), QIcon(), QStringLiteral("2"));
        const QVariantList saved = b.workbench->savedTabs();
        QCOMPARE(saved.size(), 2);
        QCOMPARE(saved.at(1).toMap().value(QStringLiteral("label")).toString(), QStringLiteral("two"));
        QVERIFY(!b.workbench->closeTab(0));
        QCOMPARE(b.tabs->count(), 3);
        keep = false;
        QVERIFY(b.workbench->closeTab(0));
        QVERIFY(b.workbench->closeTab(0)); // no kind: nothing to ask
        QCOMPARE(b.tabs->count(), 1);
        QVERIFY(!b.workbench->closeTab(5));
        b.workbench->restoreTabs(saved + QVariantList{QVariantMap{{QStringLiteral("other"), 1}}});
        QCOMPARE(restored, (QStringList{"one", "two"}));
    }

    // The tree's entries of a node, in order; a request reaches the feature that answers it, and none is
    // refused, not lost silently.
    void treeEntriesAndRequests() {
        Bench b;
        b.workbench->addTreeEntry({TreeObject::Node::Relation, 200, QStringLiteral("export"), {}, {}, {}});
        b.workbench->addTreeEntry({TreeObject::Node::Schema, 100, QStringLiteral("newTable"), {}, {}, {}});
        b.workbench->addTreeEntry({TreeObject::Node::Relation, 110, QStringLiteral("structure"), {}, {}, {}});
        QStringList names;
        for (const TreeEntry& e : b.workbench->treeEntries(TreeObject::Node::Relation))
            names << e.objectName;
        QCOMPARE(names, (QStringList{"structure", "export"}));
        QVERIFY(b.workbench->treeEntries(TreeObject::Node::Database).isEmpty());
        TreeObject view{TreeObject::Node::Relation, {}, {}, {}, QStringLiteral("view")};
        QVERIFY(!view.isTable());
        view.relationKind = QStringLiteral("partitioned_table");
        QVERIFY(view.isTable());

        QVERIFY(!b.workbench->request(Probe{QStringLiteral("lost")}));
        QStringList heard;
        b.workbench->handle<Probe>([&heard](const Probe& p) { heard << p.name; });
        QVERIFY(b.workbench->request(Probe{QStringLiteral("heard")}));
        QCOMPARE(heard, QStringList{"heard"});
        QVERIFY(!b.workbench->request(pgdesk::ui::OpenTableRequest{}));
        QVERIFY(!b.workbench->hasSession());
        QVERIFY(!b.workbench->poolFor({}));
        QVERIFY(b.workbench->queryKey().isEmpty());
    }

    // The window is the shell and every registered feature, each found by its kind; the shell's menus hold
    // what the features put there, and without a session what needs one is off.
    void theWindowHostsEveryFeature() {
        QCOMPARE(pgdesk::ui::registeredFeatures().size(), 11);
        pgdesk::ui::MainWindow w;
        Workbench* workbench = w.workbench();
        QCOMPARE(Workbench::of(w), workbench);
        QVERIFY(pgdesk::ui::PlanFeature::of(w));
        QVERIFY(pgdesk::ui::SchemaFeature::of(w));
        QVERIFY(pgdesk::ui::ConnectFeature::of(w));
        QVERIFY(pgdesk::ui::BrowseFeature::of(w));
        QVERIFY(pgdesk::ui::TransferFeature::of(w));
        QVERIFY(pgdesk::ui::QueryFeature::of(w));
        QVERIFY(pgdesk::ui::AdminFeature::of(w));
        QVERIFY(pgdesk::ui::VisualFeature::of(w));
        QVERIFY(pgdesk::ui::DiagramFeature::of(w));
        QVERIFY(pgdesk::ui::ServerFeature::of(w));
        QVERIFY(pgdesk::ui::NotebookFeature::of(w));
        QVERIFY(!workbench->action(QStringLiteral("newNotebookAction"))->isEnabled()); // no session yet
        QCOMPARE(layout(workbench->menu(MenuId::File)),
                 (QStringList{"exportAction", "importAction", "importNewTableAction", "openPlanAction", "|",
                              "quitAction"}));
        QCOMPARE(layout(w.mainToolBar()).first(), QStringLiteral("manageConnectionsAction"));
        QVERIFY(!workbench->action(QStringLiteral("newQueryToolAction"))->isEnabled());
        QVERIFY(!workbench->action(QStringLiteral("batchAction"))->isEnabled());
        QVERIFY(workbench->action(QStringLiteral("manageConnectionsAction"))->isEnabled());
        int relationEntries = 0;
        for (const TreeEntry& e : workbench->treeEntries(TreeObject::Node::Relation))
            relationEntries += e.trigger ? 1 : 0;
        QCOMPARE(relationEntries,
                 14); // Structure … Back up…, See as role…, Move to tablespace…: every feature's, each with
                      // its work
    }
};

PGDESK_UI_TEST_MAIN(TestWorkbench)
#include "tst_workbench.moc"
