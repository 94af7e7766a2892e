// SPDX-License-Identifier: GPL-3.0-or-later
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/pagemodel.h>
#include <pgdesk/ui/rowwindow.h>
#include <pgdesk/ui/tablebrowser.h>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QHeaderView>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using pgdesk::ui::PageModel;
using pgdesk::ui::TableBrowser;

// Continuous scrolling: the TableBrowser's "Scroll" mode on the 1,000,000-row
// big_orders (order_id 1..1,000,000, never modified by the tests).
class TestContinuousScroll final : public QObject {
    Q_OBJECT

    std::shared_ptr<pgdesk::core::Pool> m_pool;

    static bool waitLoaded(TableBrowser& b) {
        QSignalSpy spy(&b, &TableBrowser::pageLoaded);
        return spy.wait(15000);
    }
    // Shown (so the view asks for what it displays), loaded, then switched to continuous scrolling.
    static bool openScrolling(TableBrowser& b) {
        b.resize(900, 600);
        b.show();
        if (!QTest::qWaitForWindowExposed(&b) || !waitLoaded(b))
            return false;
        b.setPageSize(0);
        return waitLoaded(b) && b.isContinuous() && b.model()->isWindowed();
    }
    static QString id(const TableBrowser& b, int row) {
        return b.model()->index(row, 0).data(Qt::EditRole).toString();
    }
    static bool isPlaceholder(const TableBrowser& b, int row) {
        return b.model()->index(row, 0).data(PageModel::IsPlaceholderRole).toBool();
    }
    // Every row the view shows is loaded and is the row at that position (order_id = row + 1).
    static bool visibleRowsLoadedInPlace(const TableBrowser& b) {
        const int top = b.view()->rowAt(0);
        const int bottom = b.view()->rowAt(b.view()->viewport()->height() - 1);
        if (top < 0)
            return false;
        for (int r = top; r <= (bottom < 0 ? b.model()->rowCount() - 1 : bottom); ++r) {
            if (isPlaceholder(b, r) || id(b, r) != QString::number(r + 1))
                return false;
        }
        return true;
    }

private slots:
    void initTestCase() { m_pool = pgdesk::core::Pool::create(pgdesk::test::profile()); }

    // The model has a row for every row of the result; rows not held are placeholders that fill in.
    // (Without QAbstractItemModelTester: it walks every row on each dataChanged, 2 s per block at a
    // million rows; the windowed model runs under it in the tests below.)
    void scrollsThroughAMillionRowsWithBoundedMemory() {
        TableBrowser b(m_pool, QStringLiteral("public"), QStringLiteral("big_orders"));
        QVERIFY(openScrolling(b));
        QVERIFY2(b.model()->rowCount() > 900000, qPrintable(QString::number(b.model()->rowCount())));
        QCOMPARE(id(b, 0), QStringLiteral("1"));
        QVERIFY(b.rangeText().startsWith(QStringLiteral("rows 1–")));
        QVERIFY(b.rangeText().contains(QStringLiteral("of ≈ ")));

        // A row far below is a placeholder until asked for, then fills in at its exact position.
        QVERIFY(isPlaceholder(b, 5000));
        QTRY_COMPARE_WITH_TIMEOUT(id(b, 5000), QStringLiteral("5001"), 15000);
        QCOMPARE(b.model()->headerData(5000, Qt::Vertical).toString(), QStringLiteral("5001"));

        // To the end: counted once (cheaper than OFFSET), then the last block by keyset from the end.
        b.lastPage();
        QTRY_VERIFY_WITH_TIMEOUT(visibleRowsLoadedInPlace(b), 20000);
        QCOMPARE(b.model()->rowCount(), 1000000);
        QVERIFY(b.model()->isTotalExact());
        QCOMPARE(id(b, 999999), QStringLiteral("1000000"));
        QVERIFY2(b.rangeText().endsWith(QStringLiteral("of 1,000,000")), qPrintable(b.rangeText()));

        // 100 screens back up: each by keyset from the block below; memory stays bounded.
        for (int i = 0; i < 100; ++i) {
            b.previousPage();
            QTRY_VERIFY_WITH_TIMEOUT(visibleRowsLoadedInPlace(b), 15000);
        }
        QVERIFY(b.view()->rowAt(0) < 1000000 - 100 * 20);
        QVERIFY(b.model()->window()->heldRows() <= 50 * 200);

        // A jump into the middle (go to row) by OFFSET, rows in place.
        b.goToPage(500001);
        QTRY_VERIFY_WITH_TIMEOUT(visibleRowsLoadedInPlace(b), 20000);
        QCOMPARE(id(b, b.view()->rowAt(0)), QStringLiteral("500001"));
        QVERIFY(b.model()->window()->heldRows() <= 50 * 200);
    }

    // A filter the planner misjudges: the row count converges on the truth as blocks prove it.
    void filteredAndSortedWindowFindsItsEnd() {
        TableBrowser b(m_pool, QStringLiteral("public"), QStringLiteral("big_orders"));
        QAbstractItemModelTester tester(b.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(openScrolling(b));
        pgdesk::ui::TableView view;
        view.filter.conditions << pgdesk::core::Condition{
            QStringLiteral("order_id"), pgdesk::core::FilterOp::LessThan, {QStringLiteral("1234")}, {}};
        view.sort = {pgdesk::core::SortKey{QStringLiteral("order_id"), true, {}}};
        b.setView(view);
        QVERIFY(waitLoaded(b));
        QCOMPARE(id(b, 0), QStringLiteral("1233"));
        b.lastPage();
        QTRY_COMPARE_WITH_TIMEOUT(b.model()->rowCount(), 1233, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(id(b, 1232), QStringLiteral("1"), 15000);
        QVERIFY(b.model()->isTotalExact());
        // Every row in order, each once.
        for (int r = 0; r < 1233; r += 97)
            QTRY_COMPARE_WITH_TIMEOUT(id(b, r), QString::number(1233 - r), 15000);
    }

    // An estimate far above the truth (a stale catalog count): the first block past the end counts the
    // rows, and the grid shrinks to them at once.
    void overestimateShrinksToTheCount() {
        const QString table = QStringLiteral("scroll_overestimate");
        pgdesk::test::psql(QStringLiteral("drop table if exists %1; create table %1 (id int primary key); "
                                          "insert into %1 select generate_series(1, 60000); analyze %1; "
                                          "delete from %1 where id > 700;")
                               .arg(table));
        TableBrowser b(m_pool, QStringLiteral("public"), table);
        QAbstractItemModelTester tester(b.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(openScrolling(b));
        QVERIFY2(b.model()->rowCount() > 10000, qPrintable(QString::number(b.model()->rowCount())));
        b.lastPage();
        QTRY_COMPARE_WITH_TIMEOUT(b.model()->rowCount(), 700, 15000);
        QVERIFY(b.model()->isTotalExact());
        QTRY_VERIFY_WITH_TIMEOUT(visibleRowsLoadedInPlace(b), 15000);
        QCOMPARE(id(b, 699), QStringLiteral("700"));
        pgdesk::test::psql(QStringLiteral("drop table %1").arg(table));
    }

    // Back to pages: one page in the model again.
    void backToPages() {
        TableBrowser b(m_pool, QStringLiteral("public"), QStringLiteral("customer"));
        QAbstractItemModelTester tester(b.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(b));
        b.setPageSize(0);
        QVERIFY(waitLoaded(b));
        QVERIFY(b.model()->isWindowed());
        b.setPageSize(100);
        QVERIFY(waitLoaded(b));
        QVERIFY(!b.model()->isWindowed());
        QCOMPARE(b.model()->rowCount(), 100);
    }

    // The user's choice in the pager is remembered: the next tab opens scrolling.
    void scrollChoiceIsRemembered() {
        {
            TableBrowser b(m_pool, QStringLiteral("public"), QStringLiteral("customer"));
            QVERIFY(waitLoaded(b));
            QComboBox* size = nullptr;
            for (auto* box : b.findChildren<QComboBox*>()) {
                if (box->accessibleName() == QStringLiteral("Page size"))
                    size = box;
            }
            QVERIFY(size);
            const int scroll = size->findData(0);
            QVERIFY(scroll >= 0);
            size->setCurrentIndex(scroll);
            emit size->activated(scroll);
            QVERIFY(waitLoaded(b));
            QVERIFY(b.isContinuous());
        }
        TableBrowser next(m_pool, QStringLiteral("public"), QStringLiteral("customer"));
        QVERIFY(waitLoaded(next));
        QVERIFY(next.isContinuous() && next.model()->isWindowed());
        QSettings().remove(QStringLiteral("browser/pageSize"));
    }
};

PGDESK_UI_TEST_MAIN(TestContinuousScroll)
#include "tst_continuousscroll.moc"
