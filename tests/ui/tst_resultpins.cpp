// SPDX-License-Identifier: GPL-3.0-or-later
// Pinned results and result compares in a shown query tool on the test server: a result pinned (read whole,
// exact text, NULL apart from empty) stays when the query runs again after rows changed; Compare results…
// finds by the table's key the changed cell, the row added and the one removed; Compare with previous run
// compares an edited query's result with the one before; a statement's kept rows pin without running again;
// a pinned tab closes.
#include "querytoolfixture.h"
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include "../../ui/src/query/queryresults.h"
#include "../../ui/src/query/resultpins.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/query/querytool.h>

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QListWidget>
#include <QScrollBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace pgdesk;
using namespace pgdesk::ui;

class TestResultPins final : public QObject, test::QueryToolFixture {
    Q_OBJECT
    std::optional<test::ScratchSchema> m_scratch;
    std::unique_ptr<QueryTool> m_tool;

    std::unique_ptr<QTimer> m_accepting;

    // Accepts the modal dialogs the next call opens (the compare's sides, then its key), each after `adjust`,
    // until the test function ends (cleanup()).
    void acceptDialogs(std::function<void(QDialog*)> adjust = {}) {
        m_accepting = std::make_unique<QTimer>();
        QTimer* timer = m_accepting.get();
        timer->setInterval(30);
        connect(timer, &QTimer::timeout, timer, [timer, adjust] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            if (adjust)
                adjust(dialog);
            dialog->accept();
        });
        timer->start();
    }
    ResultCompareView* waitForCompare(int count) {
        if (!QTest::qWaitFor([&] { return m_tool->compareTabs().size() == count; }, 20000))
            return nullptr;
        return qobject_cast<ResultCompareView*>(m_tool->compareTabs().last());
    }
    static QStringList kinds(const ResultCompareModel* model) {
        QStringList out;
        for (int r = 0; r < model->rowCount(); ++r)
            out << model->index(r, 0).data(Qt::UserRole).toString();
        return out;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_toolDir.isValid());
        m_schema = QStringLiteral("rp_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(
            m_schema, QStringLiteral("create table $S.t (id int primary key, name text, note text);"
                                     "insert into $S.t select g, 'n' || g, case g % 3 when 0 then null "
                                     "when 1 then '' else 'סלט %_\\' end from generate_series(1, 12) g;"));
        m_toolPool = core::Pool::create(test::profile());
        m_tool = tool();
        m_tool->resize(1000, 700);
        m_tool->show();
        QVERIFY(QTest::qWaitForWindowActive(m_tool.get()));
    }
    void cleanup() { m_accepting.reset(); }
    void cleanupTestCase() {
        m_tool.reset();
        m_toolPool.reset();
        m_scratch.reset();
    }

    void pinStaysAndComparesByKey() {
        const QString query = sql(QStringLiteral("select id, name, note from $S.t order by id"));
        QVERIFY(runAndWait(*m_tool, query));
        QueryResultGrid* grid = m_tool->resultGrids().value(0);
        QVERIFY(grid);
        grid->findChild<QToolButton*>(QStringLiteral("resultPinButton"))->click();
        QVERIFY(QTest::qWaitFor([&] { return m_tool->pinnedTabs().size() == 1; }, 20000));
        auto* pinned = qobject_cast<PinnedResultView*>(m_tool->pinnedTabs().first());
        QCOMPARE(pinned->result()->rowCount(), 12);
        QCOMPARE(pinned->view()->model()->index(2, 2).data().toString(), QStringLiteral("NULL"));
        QCOMPARE(pinned->result()->row(0).value(2), std::optional<QString>(QString()));
        QCOMPARE(pinned->result()->row(1).value(2), std::optional<QString>(QStringLiteral("סלט %_\\")));

        // Rows change: one updated, one deleted, one inserted; the query runs again; the pin stays.
        QVERIFY(runAndWait(*m_tool, sql(QStringLiteral("update $S.t set name = 'changed' where id = 5;"
                                                       "delete from $S.t where id = 7;"
                                                       "insert into $S.t values (13, 'new', null);"))));
        QVERIFY(runAndWait(*m_tool, query));
        QCOMPARE(m_tool->pinnedTabs().size(), 1);
        grid = m_tool->resultGrids().value(0);
        QVERIFY(QTest::qWaitFor([&] { return grid->isEditabilityKnown(); }, 20000));
        QCOMPARE(grid->keyColumns(), QStringList{"id"});

        // Left: the pinned result; right: this run's; the key dialog offers the table's key, checked.
        QStringList offered;
        acceptDialogs([&](QDialog* dialog) {
            if (auto* list = dialog->findChild<QListWidget*>(QStringLiteral("compareKeyList")))
                for (int i = 0; i < list->count(); ++i)
                    if (list->item(i)->checkState() == Qt::Checked)
                        offered << list->item(i)->text();
        });
        m_tool->compareResults();
        ResultCompareView* compare = waitForCompare(1);
        QVERIFY(compare);
        QCOMPARE(offered, QStringList{"id"});
        const ResultCompareModel* model = compare->model();
        QCOMPARE(kinds(model), (QStringList{"changed", "left", "right"}));
        QCOMPARE(model->index(0, 1).data().toString(), QStringLiteral("5"));
        QCOMPARE(model->index(0, 2).data().toString(), QStringLiteral("n5 → changed"));
        QVERIFY(model->index(0, 2).data(Qt::UserRole + 1).toBool());
        QVERIFY(!model->index(0, 3).data(Qt::UserRole + 1).toBool());
        QCOMPARE(model->index(1, 1).data().toString(), QStringLiteral("7"));
        QCOMPARE(model->index(2, 1).data().toString(), QStringLiteral("13"));
        QCOMPARE(model->comparison().same, 10);
        QVERIFY(compare->summary()->text().contains(u"10 same, 1 changed, 1 only left, 1 only right"));
    }

    void previousRun() {
        QVERIFY(
            runAndWait(*m_tool, sql(QStringLiteral("select id, name from $S.t where id <= 4 order by id"))));
        QVERIFY(runAndWait(
            *m_tool,
            sql(QStringLiteral("select id, upper(name) as name from $S.t where id <= 5 order by id"))));
        acceptDialogs(); // the key: a computed column, no table key; the first column is offered
        m_tool->compareWithPreviousRun();
        ResultCompareView* compare = waitForCompare(2);
        QVERIFY(compare);
        QCOMPARE(kinds(compare->model()), (QStringList{"changed", "changed", "changed", "changed", "right"}));
        QCOMPARE(compare->model()->index(0, 2).data().toString(), QStringLiteral("n1 → N1"));
    }

    void sideBySide() {
        const QString query = QStringLiteral("select g, g * 2 as twice from generate_series(1, 500) g");
        QVERIFY(runAndWait(*m_tool, query));
        const int pins = int(m_tool->pinnedTabs().size());
        m_tool->pinResult(m_tool->resultGrids().value(0));
        QVERIFY(QTest::qWaitFor([&] { return m_tool->pinnedTabs().size() == pins + 1; }, 20000));
        QVERIFY(
            runAndWait(*m_tool, QStringLiteral("select g, g * 3 as twice from generate_series(1, 500) g")));
        acceptDialogs(); // the pinned result on the left, this run's on the right
        m_tool->showSideBySide();
        auto* tabs = m_tool->findChild<QTabWidget*>(QStringLiteral("results"));
        SideBySideView* both = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] { return (both = qobject_cast<SideBySideView*>(tabs->currentWidget())) != nullptr; }, 20000));
        QCOMPARE(both->left()->result()->rowCount(), 500);
        QCOMPARE(both->right()->result()->rowCount(), 500);
        QCOMPARE(both->left()->view()->model()->index(9, 1).data().toString(), QStringLiteral("20"));
        QCOMPARE(both->right()->view()->model()->index(9, 1).data().toString(), QStringLiteral("30"));
        QApplication::processEvents();
        both->left()->view()->verticalScrollBar()->setValue(120);
        QCOMPARE(both->right()->view()->verticalScrollBar()->value(), 120); // row n beside row n
    }

    void keptRowsAndClosing() {
        QVERIFY(runAndWait(*m_tool, QStringLiteral("show search_path")));
        QueryResultGrid* grid = m_tool->resultGrids().value(0);
        QVERIFY(grid && !grid->isPaged());
        const int before = int(m_tool->pinnedTabs().size());
        m_tool->pinResult(grid);
        QCOMPARE(m_tool->pinnedTabs().size(), before + 1); // at once: nothing runs again
        auto* pinned = qobject_cast<PinnedResultView*>(m_tool->pinnedTabs().last());
        QCOMPARE(pinned->result()->rowCount(), 1);
        QCOMPARE(pinned->result()->columns().value(0).type, 25u); // text, the type the server sent
        auto* tabs = m_tool->findChild<QTabWidget*>(QStringLiteral("results"));
        const int index = tabs->indexOf(pinned);
        auto* close = qobject_cast<QToolButton*>(tabs->tabBar()->tabButton(index, QTabBar::RightSide));
        QVERIFY(close);
        close->click();
        QVERIFY(QTest::qWaitFor([&] { return m_tool->pinnedTabs().size() == before; }, 5000));
    }
};

PGDESK_UI_TEST_MAIN(TestResultPins)
#include "tst_resultpins.moc"
