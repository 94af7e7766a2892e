// SPDX-License-Identifier: GPL-3.0-or-later
// The plan view offscreen, from saved plans (no server): the graph opens, collapses, zooms and draws less
// when small; the hotspots name the expected node and select it everywhere; the Analysis model passes
// QAbstractItemModelTester; a plan saves and reads back; the compare view matches nodes.
#include "uitestmain.h"

#include <pgdesk/core/plan/plan.h>
#include <pgdesk/ui/plan/plancompareview.h>
#include <pgdesk/ui/plan/planfeature.h>
#include <pgdesk/ui/plan/planview.h>
#include <pgdesk/ui/shell/mainwindow.h>

#include "../../ui/src/plan/plananalysismodel.h"
#include "../../ui/src/plan/plangraphview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QElapsedTimer>
#include <QFile>
#include <QGraphicsItem>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QPainter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace pgdesk;

namespace {

QJsonObject node(const QString& type, double ms, double loops, QJsonObject extra = {},
                 QJsonArray children = {}) {
    extra.insert(QStringLiteral("Node Type"), type);
    extra.insert(QStringLiteral("Total Cost"), 10.0);
    if (!extra.contains(QStringLiteral("Plan Rows")))
        extra.insert(QStringLiteral("Plan Rows"), 10);
    extra.insert(QStringLiteral("Actual Total Time"), ms);
    if (!extra.contains(QStringLiteral("Actual Rows")))
        extra.insert(QStringLiteral("Actual Rows"), 10);
    extra.insert(QStringLiteral("Actual Loops"), loops);
    if (!children.isEmpty())
        extra.insert(QStringLiteral("Plans"), children);
    return extra;
}

QByteArray document(const QJsonObject& root) {
    return QJsonDocument(QJsonArray{QJsonObject{{QStringLiteral("Plan"), root},
                                                {QStringLiteral("Planning Time"), 0.2},
                                                {QStringLiteral("Execution Time"), 30.0}}})
        .toJson();
}

// A hash join whose outer seq scan throws away most rows: the scan is the hotspot.
std::shared_ptr<const core::Plan> joinPlan(double scanMs = 20) {
    const QJsonObject scan = node(QStringLiteral("Seq Scan"), scanMs, 1,
                                  {{QStringLiteral("Parent Relationship"), QStringLiteral("Outer")},
                                   {QStringLiteral("Relation Name"), QStringLiteral("orders")},
                                   {QStringLiteral("Filter"), QStringLiteral("(status = 'open'::text)")},
                                   {QStringLiteral("Rows Removed by Filter"), 99990}});
    const QJsonObject inner =
        node(QStringLiteral("Hash"), 2, 1, {{QStringLiteral("Parent Relationship"), QStringLiteral("Inner")}},
             {node(QStringLiteral("Seq Scan"), 1.5, 1,
                   {{QStringLiteral("Parent Relationship"), QStringLiteral("Outer")},
                    {QStringLiteral("Relation Name"), QStringLiteral("customers")}})});
    return std::make_shared<const core::Plan>(
        core::parsePlan(document(node(QStringLiteral("Hash Join"), 25, 1, {}, {scan, inner}))));
}

std::shared_ptr<const core::Plan> appendPlan(int members) {
    QJsonArray scans;
    for (int i = 0; i < members; ++i)
        scans.append(node(QStringLiteral("Seq Scan"), 0.01 * (i % 7 + 1), 1,
                          {{QStringLiteral("Parent Relationship"), QStringLiteral("Member")},
                           {QStringLiteral("Relation Name"), QStringLiteral("part_%1").arg(i)}}));
    return std::make_shared<const core::Plan>(core::parsePlan(
        document(node(QStringLiteral("Aggregate"), 60, 1, {},
                      {node(QStringLiteral("Append"), 50, 1,
                            {{QStringLiteral("Parent Relationship"), QStringLiteral("Outer")}}, scans)}))));
}

int visibleNodes(const ui::PlanGraphView& g) {
    int n = 0;
    for (QGraphicsItem* it : g.scene()->items())
        if (it->isVisible() && it->zValue() >= 0)
            ++n;
    return n;
}

} // namespace

class TestPlanView final : public QObject {
    Q_OBJECT

private slots:
    void opensWithHotspotsAndSelectsEverywhere() {
        ui::PlanView view;
        view.resize(1000, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setPlan(joinPlan());
        QCOMPARE(visibleNodes(*view.graph()), 4);
        QVERIFY(view.hotspotList()->count() >= 1);
        const QString first = view.hotspotList()->item(0)->text();
        QVERIFY2(first.contains(QStringLiteral("Seq Scan on orders")), qPrintable(first));
        QVERIFY2(first.contains(QStringLiteral("99.9 %")),
                 qPrintable(first)); // 99.99 % rounded down: never "100 %" while rows were kept
        QCOMPARE(view.plan()->hotspots.first().kind, core::HotspotReason::FilterRemovesMostRows);
        view.hotspotList()->setCurrentRow(0);
        QCOMPARE(view.selectedNode(), 1);
        QCOMPARE(view.graph()->selectedNode(), 1);
        QCOMPARE(view.analysisTable()->currentIndex().data(ui::PlanAnalysisModel::NodeIdRole).toInt(), 1);
        QCOMPARE(view.textTree()->currentItem()->data(0, Qt::UserRole).toInt(), 1);
        QVERIFY(view.textTree()->currentItem()->text(0).startsWith(QStringLiteral("Seq Scan on orders")));
        // Selecting in the table selects in the graph.
        const QModelIndex hashRow = view.analysisTable()->model()->index(2, 0);
        view.analysisTable()->setCurrentIndex(hashRow);
        QCOMPARE(view.graph()->selectedNode(), 2);
    }

    void collapsesAndZooms() {
        ui::PlanView view;
        view.resize(900, 600);
        view.setPlan(joinPlan()); // while hidden, as the query tool's new tab: fitted once it has a size
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_COMPARE(view.graph()->zoom(), 1.0); // a small plan at 100 %, not shrunk to a hidden view's size
        ui::PlanGraphView* g = view.graph();
        g->setCollapsed(2, true); // the Hash: its scan goes
        QCOMPARE(visibleNodes(*g), 3);
        QVERIFY(!g->item(3));
        g->setCollapsed(2, false);
        QCOMPARE(visibleNodes(*g), 4);
        // A double-click on the root collapses everything under it.
        const QPoint root = g->mapFromScene(g->item(0)->sceneBoundingRect().center());
        QTest::mouseDClick(g->viewport(), Qt::LeftButton, {}, root);
        QCOMPARE(visibleNodes(*g), 1);
        QVERIFY(g->isCollapsed(0));
        // Selecting a hidden node opens the way to it.
        g->selectNode(3);
        QVERIFY(g->item(3));
        const double before = g->zoom();
        g->zoomIn();
        QVERIFY(g->zoom() > before);
        g->zoomOut();
        g->zoomOut();
        QVERIFY(g->zoom() < before);
        QTest::keyClick(g, Qt::Key_0, Qt::ControlModifier);
        QVERIFY(g->zoom() <= 1.0);
    }

    // 1,000 partitions: fitted, the graph is far out and draws boxes only; drawing it takes little time.
    void largePlanDrawsLessWhenSmall() {
        ui::PlanView view;
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QElapsedTimer timer;
        timer.start();
        view.setPlan(appendPlan(1000));
        QImage image(view.graph()->viewport()->size(), QImage::Format_ARGB32);
        QPainter painter(&image);
        view.graph()->render(&painter);
        painter.end();
        qInfo("1,002 nodes: set and first drawn in %lld ms", qint64(timer.elapsed()));
        QCOMPARE(visibleNodes(*view.graph()), 1002);
        QVERIFY(view.graph()->zoom() < 0.3); // fitted: level of detail is the coloured boxes
        QCOMPARE(view.analysisTable()->model()->rowCount(), 1002);
        QCOMPARE(view.textTree()->topLevelItem(0)->child(0)->childCount(), 1000);
    }

    // A plan 3,000 nodes deep (a chain, one below the other) opens in every view.
    void deepPlanOpens() {
        QByteArray json = "[{\"Plan\": ";
        for (int i = 0; i < 3000; ++i)
            json += "{\"Node Type\": \"Limit\", \"Total Cost\": 1.0, \"Plans\": [";
        json += "{\"Node Type\": \"Result\", \"Total Cost\": 1.0}";
        for (int i = 0; i < 3000; ++i)
            json += "]}";
        json += "}]";
        ui::PlanView view;
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QElapsedTimer timer;
        timer.start();
        view.setPlan(std::make_shared<const core::Plan>(core::parsePlan(json)));
        QImage image(view.graph()->viewport()->size(), QImage::Format_ARGB32);
        QPainter painter(&image);
        view.graph()->render(&painter);
        painter.end();
        qInfo("3,001 nodes deep: set and first drawn in %lld ms", qint64(timer.elapsed()));
        QCOMPARE(visibleNodes(*view.graph()), 3001);
        QCOMPARE(view.analysisTable()->model()->rowCount(), 3001);
    }

    void analysisModel() {
        ui::PlanAnalysisModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPlan(joinPlan());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(1, ui::PlanAnalysisModel::Exclusive).data().toString(),
                 QLocale().toString(20.0, 'f', 3));
        QCOMPARE(
            model.index(0, ui::PlanAnalysisModel::Exclusive).data(ui::PlanAnalysisModel::SortRole).toDouble(),
            3.0);
        QVERIFY(model.index(1, ui::PlanAnalysisModel::Conditions)
                    .data()
                    .toString()
                    .contains(QStringLiteral("Filter")));
        model.setPlan(appendPlan(10));
        QCOMPARE(model.rowCount(), 12);
        model.setPlan(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void savesAndReadsBack() {
        QTemporaryDir dir;
        ui::PlanView view;
        view.setPlan(joinPlan());
        const QString path = dir.filePath(QStringLiteral("plan.json"));
        QString error;
        QVERIFY2(view.saveTo(path, &error), qPrintable(error));
        const auto again = ui::readPlanFile(path);
        QCOMPARE(again->nodes.size(), 4);
        QCOMPARE(again->nodes[1].relation, QStringLiteral("orders"));
        QVERIFY(!view.saveTo(dir.filePath(QStringLiteral("missing/plan.json")), &error));
        QVERIFY(!error.isEmpty());
    }

    // File ▸ Open Plan…: read on a worker, shown in a tab of its own with no connection; a file that holds
    // no plan is said in the status bar.
    void mainWindowOpensAPlanFile() {
        QCoreApplication::setOrganizationName(QStringLiteral("pgdesk"));
        QCoreApplication::setApplicationName(QStringLiteral("pgdesk"));
        QTemporaryDir dir;
        ui::PlanView source;
        source.setPlan(joinPlan());
        const QString path = dir.filePath(QStringLiteral("slow-query.json"));
        QVERIFY(source.saveTo(path, nullptr));
        ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        pgdesk::ui::PlanFeature::of(w)->openPlanFile(path);
        QTRY_VERIFY(w.findChild<ui::PlanView*>());
        ui::PlanView* view = w.findChild<ui::PlanView*>();
        QCOMPARE(view->plan()->nodes.size(), 4);
        QVERIFY(view->isVisible());
        QVERIFY(!view->findChild<QAction*>(QStringLiteral("planTryIndex"))
                     ->isVisible()); // no statement to plan again
        const QString junk = dir.filePath(QStringLiteral("junk.txt"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Sequential scans are slow (cost: high)\n");
        f.close();
        pgdesk::ui::PlanFeature::of(w)->openPlanFile(junk);
        QTRY_VERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("no EXPLAIN plan found")));
    }

    void compareMatchesNodes() {
        ui::PlanCompareView compare;
        compare.resize(1000, 700);
        compare.show();
        QVERIFY(QTest::qWaitForWindowExposed(&compare));
        compare.setPlans(joinPlan(20), joinPlan(5), QStringLiteral("before"), QStringLiteral("after"));
        QCOMPARE(compare.comparison().matched, 4);
        QCOMPARE(compare.table()->rowCount(), 4);
        QCOMPARE(compare.table()->horizontalHeaderItem(0)->text(), QStringLiteral("before"));
        QCOMPARE(compare.table()->item(1, 4)->text(), QLocale().toString(-15.0, 'f', 3).prepend(QString()));
        compare.selectRow(1);
        QCOMPARE(compare.beforeGraph()->selectedNode(), 1);
        QCOMPARE(compare.afterGraph()->selectedNode(), 1);
        QVERIFY2(compare.summary().contains(QStringLiteral("4 nodes matched")),
                 qPrintable(compare.summary()));
    }
};

PGDESK_UI_TEST_MAIN(TestPlanView)
#include "tst_planview.moc"
