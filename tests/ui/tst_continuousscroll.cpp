// SPDX-License-Identifier: GPL-3.0-or-later
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/common/uisettings.h>
#include <pgdesk/ui/edit/tableeditor.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/grid/resultscroller.h>
#include <pgdesk/ui/grid/rowwindow.h>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QScrollBar>
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
        // Listening before show(): waiting for the window may deliver the first page already (a busy
        // machine exposes the window after the reply came).
        QSignalSpy first(&b, &TableBrowser::pageLoaded);
        b.resize(900, 600);
        b.show();
        if (!QTest::qWaitForWindowExposed(&b) || (first.isEmpty() && !first.wait(15000)))
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
    // Every row the view shows is loaded and is the row at that position of the result (order_id = result
    // row + 1; the model's rows are a window starting at windowStart()).
    static bool visibleRowsLoadedInPlace(const TableBrowser& b) {
        const int top = b.view()->rowAt(0);
        const int bottom = b.view()->rowAt(b.view()->viewport()->height() - 1);
        if (top < 0)
            return false;
        for (int r = top; r <= (bottom < 0 ? b.model()->rowCount() - 1 : bottom); ++r) {
            if (isPlaceholder(b, r) || id(b, r) != QString::number(b.model()->windowStart() + r + 1))
                return false;
        }
        return true;
    }
    static QScrollBar* rowsBar(const TableBrowser& b) {
        for (auto* bar : b.findChildren<QScrollBar*>()) {
            if (bar->accessibleName() == QStringLiteral("Rows of the result"))
                return bar;
        }
        return nullptr;
    }

private slots:
    void initTestCase() { m_pool = pgdesk::core::Pool::create(pgdesk::test::profile()); }

    // The grid shows a window of 500,000 rows of the result, the scroll bar beside it stands for all of
    // it; rows not held are placeholders that fill in. (Without QAbstractItemModelTester: it walks every
    // row on each dataChanged, 2 s per block at half a million rows; the windowed model runs under it in
    // the tests below.)
    void scrollsThroughAMillionRowsWithBoundedMemory() {
        TableBrowser b(m_pool, QStringLiteral("public"), QStringLiteral("big_orders"));
        QVERIFY(openScrolling(b));
        QVERIFY2(b.model()->resultRowCount() > 900000,
                 qPrintable(QString::number(b.model()->resultRowCount())));
        QCOMPARE(b.model()->rowCount(), PageModel::kDefaultViewRows);
        QVERIFY(rowsBar(b) && rowsBar(b)->isVisible() && rowsBar(b)->maximum() > 900000);
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
        QCOMPARE(b.model()->resultRowCount(), 1000000);
        QCOMPARE(b.model()->windowStart(), 1000000 - PageModel::kDefaultViewRows);
        QVERIFY(b.model()->isTotalExact());
        QCOMPARE(id(b, b.model()->rowCount() - 1), QStringLiteral("1000000"));
        QCOMPARE(rowsBar(b)->value(), rowsBar(b)->maximum());
        QVERIFY2(b.rangeText().endsWith(QStringLiteral("of 1,000,000")), qPrintable(b.rangeText()));

        // 100 screens back up: each by keyset from the block below; memory stays bounded. A screen holds
        // as many rows as the font's line height lets it.
        const auto [firstShown, lastShown] = b.scroller()->visibleRows();
        const qint64 screen = lastShown - firstShown;
        QVERIFY(screen >= 5);
        const qint64 bottomTop = b.scroller()->topRow();
        for (int i = 0; i < 100; ++i) {
            b.previousPage();
            QTRY_VERIFY_WITH_TIMEOUT(visibleRowsLoadedInPlace(b), 15000);
        }
        QVERIFY2(b.scroller()->topRow() <= bottomTop - 100 * (screen - 1),
                 qPrintable(QStringLiteral("top row %1, from %2, %3 rows a screen")
                                .arg(b.scroller()->topRow())
                                .arg(bottomTop)
                                .arg(screen)));
        QVERIFY(b.model()->window()->heldRows() <= 50 * 200);

        // A jump into the middle (go to row) by OFFSET, rows in place.
        b.goToPage(500001);
        QTRY_VERIFY_WITH_TIMEOUT(visibleRowsLoadedInPlace(b), 20000);
        QCOMPARE(id(b, b.view()->rowAt(0)), QStringLiteral("500001"));
        QVERIFY(b.model()->window()->heldRows() <= 50 * 200);
    }

    // A window of 2,000 rows over the million: the bar beside the grid spans the result; the window follows
    // the bar, the grid's own scrolling and Ctrl+Home/End. Selected rows stay selected while the window holds
    // them; the cursor's row is parked when the window leaves it and is current again when it comes back.
    void windowFollowsTheRowsBar() {
        TableBrowser b(m_pool, QStringLiteral("public"), QStringLiteral("big_orders"));
        QAbstractItemModelTester tester(b.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        b.model()->setViewRowLimit(2000);
        QVERIFY(openScrolling(b));
        QCOMPARE(b.model()->rowCount(), 2000);
        QScrollBar* bar = rowsBar(b);
        QVERIFY(bar && bar->isVisible() && bar->maximum() > 900000);
        QCOMPARE(b.view()->verticalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);

        // The cursor on result row 1,201, rows 1,201–1,203 selected; then a screen at a time down until
        // the window moved (rows above it removed: the cursor and the selection keep their rows).
        QItemSelectionModel* selection = b.view()->selectionModel();
        b.view()->setCurrentIndex(b.model()->index(1200, 1));
        selection->select(QItemSelection(b.model()->index(1200, 0), b.model()->index(1202, 1)),
                          QItemSelectionModel::ClearAndSelect);
        for (int i = 0; i < 200 && b.model()->windowStart() == 0; ++i)
            b.nextPage();
        qint64 start = b.model()->windowStart();
        QVERIFY2(start > 0 && start <= 1200, qPrintable(QString::number(start)));
        QCOMPARE(b.model()->rowCount(), 2000);
        QCOMPARE(start + b.view()->currentIndex().row(), 1200);
        QCOMPARE(selection->selectedIndexes().size(), 6);
        for (const QModelIndex& cell : selection->selectedIndexes())
            QVERIFY(start + cell.row() >= 1200 && start + cell.row() <= 1202);
        QTRY_VERIFY_WITH_TIMEOUT(visibleRowsLoadedInPlace(b), 15000);
        const qint64 top = b.scroller()->topRow();
        QCOMPARE(bar->value(), top);
        QCOMPARE(b.model()->headerData(b.view()->rowAt(0), Qt::Vertical).toString(),
                 QString::number(top + 1));
        QVERIFY2(b.rangeText().startsWith(QStringLiteral("rows %1–").arg(QLocale().toString(top + 1))),
                 qPrintable(b.rangeText()));

        // The bar dragged far down: a window around that row, loaded in place; the cursor is parked.
        bar->setValue(600000);
        QCOMPARE(b.scroller()->topRow(), 600000);
        start = b.model()->windowStart();
        QVERIFY(start <= 600000 && start + 2000 > 600000);
        QCOMPARE(b.model()->rowCount(), 2000);
        QTRY_VERIFY_WITH_TIMEOUT(visibleRowsLoadedInPlace(b), 20000);
        QVERIFY2(b.rangeText().startsWith(QStringLiteral("rows 600,001–")), qPrintable(b.rangeText()));
        QVERIFY(!b.view()->currentIndex().isValid());
        QVERIFY(selection->selectedIndexes().isEmpty());

        // A cursor key scrolls back to the parked row, which is current again.
        QTest::keyClick(b.view(), Qt::Key_Down);
        QCOMPARE(b.model()->windowStart() + b.view()->currentIndex().row(), 1201);
        QTRY_VERIFY_WITH_TIMEOUT(visibleRowsLoadedInPlace(b), 20000);
        QCOMPARE(id(b, b.view()->currentIndex().row()), QStringLiteral("1202"));

        // Ctrl+End: the result's last row (counted, then read by keyset from the end), the cursor on it.
        QTest::keyClick(b.view(), Qt::Key_End, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(visibleRowsLoadedInPlace(b) && b.model()->isTotalExact(), 20000);
        QCOMPARE(b.model()->resultRowCount(), 1000000);
        QCOMPARE(b.model()->windowStart(), 1000000 - 2000);
        QTRY_COMPARE_WITH_TIMEOUT(id(b, b.view()->currentIndex().row()), QStringLiteral("1000000"), 15000);
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY2(b.rangeText().endsWith(QStringLiteral("of 1,000,000")), qPrintable(b.rangeText()));
        // The row numbers have the room of their digits (the header measures the window's rows).
        const QHeaderView* numbers = b.view()->verticalHeader();
        QVERIFY2(numbers->width() > numbers->fontMetrics().horizontalAdvance(QStringLiteral("1000000")),
                 qPrintable(QString::number(numbers->width())));

        // Ctrl+Home: back to the first row.
        QTest::keyClick(b.view(), Qt::Key_Home, Qt::ControlModifier);
        QCOMPARE(b.model()->windowStart(), 0);
        QCOMPARE(bar->value(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(id(b, b.view()->currentIndex().row()), QStringLiteral("1"), 15000);

        // A new row (staged, never applied here) follows the result's last row: the window goes to the end
        // and the view to the row.
        QTRY_VERIFY_WITH_TIMEOUT(b.editor()->isEditable(), 15000);
        b.editor()->addRow();
        QCOMPARE(b.model()->windowStart(), 1000000 - 2000);
        QCOMPARE(b.model()->rowCount(), 2001);
        QVERIFY(b.model()->isNewRow(b.view()->currentIndex().row()));
        QCOMPARE(b.model()->headerData(1999, Qt::Vertical).toString(), QStringLiteral("1000000"));
        QTRY_COMPARE_WITH_TIMEOUT(b.view()->rowAt(b.view()->viewport()->height() - 1), 2000, 5000);
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

    // The pager's choice is the tab's own: the next tab opens as Preferences say (it changed the preference
    // silently, which a newcomer did not expect).
    void scrollChoiceStaysWithItsTab() {
        const int preference = pgdesk::ui::UiSettings::pageSize();
        QVERIFY(preference > 0);
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
        QVERIFY(!next.isContinuous());
        QCOMPARE(pgdesk::ui::UiSettings::pageSize(), preference);
        QCOMPARE(next.spec().page.pageSize, preference);
    }
};

PGDESK_UI_TEST_MAIN(TestContinuousScroll)
#include "tst_continuousscroll.moc"
