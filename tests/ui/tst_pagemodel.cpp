// SPDX-License-Identifier: GPL-3.0-or-later
// PageModel and RowWindow without a server (label `unit`): synthetic pages in, the grid as the view would
// show it printed and compared (the way KDAB Hotspot tests its models), under QAbstractItemModelTester.
#include "uitestmain.h"
#include <pgdesk/core/browse/page.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/grid/rowwindow.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using pgdesk::core::Page;
using pgdesk::ui::PageModel;
using pgdesk::ui::RowWindow;

namespace {

Page block(int first, int count, bool more) {
    Page page;
    page.columns = {{QStringLiteral("id"), QStringLiteral("integer")}};
    for (int i = 0; i < count; ++i) {
        page.rows.append({QString::number(first + i)});
        page.versions << QStringLiteral("v%1").arg(first + i);
    }
    page.hasMore = more;
    page.nextCursor = more ? QStringLiteral("after%1").arg(first + count - 1) : QString();
    page.prevCursor = first > 0 ? QStringLiteral("before%1").arg(first) : QString();
    return page;
}

// Header, then one line per row: the vertical header, then each cell's display text ("[x]"/"[ ]" for
// booleans, from the check state), separated by " | ".
QString grid(const PageModel& m) {
    QStringList lines;
    QStringList header{QStringLiteral("#")};
    for (int c = 0; c < m.columnCount(); ++c)
        header << m.headerData(c, Qt::Horizontal).toString();
    lines << header.join(QStringLiteral(" | "));
    for (int r = 0; r < m.rowCount(); ++r) {
        QStringList cells{m.headerData(r, Qt::Vertical).toString()};
        for (int c = 0; c < m.columnCount(); ++c) {
            const QModelIndex i = m.index(r, c);
            const QVariant check = i.data(Qt::CheckStateRole);
            cells << (check.isValid()
                          ? (check.toInt() == Qt::Checked ? QStringLiteral("[x]") : QStringLiteral("[ ]"))
                          : i.data().toString());
        }
        lines << cells.join(QStringLiteral(" | "));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestPageModel final : public QObject {
    Q_OBJECT
private slots:
    void pagePrintsAsTheViewShowsIt() {
        PageModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Page page;
        page.columns = {{QStringLiteral("id"), QStringLiteral("integer")},
                        {QStringLiteral("name"), QStringLiteral("text")},
                        {QStringLiteral("ok"), QStringLiteral("boolean")},
                        {QStringLiteral("price"), QStringLiteral("numeric(12,2)")}};
        page.rows = {
            {QStringLiteral("1"), QStringLiteral("Ann"), QStringLiteral("t"), QStringLiteral("0.10")},
            {QStringLiteral("2"), QString(), QStringLiteral("f"), std::nullopt},
            {QStringLiteral("3"), QStringLiteral("two\nlines"), std::nullopt, QStringLiteral("-5.00")}};
        m.setPage(page);
        m.setFirstRowNumber(101);
        m.setDisplayOptions(QStringLiteral("NULL"), false);
        QCOMPARE(grid(m), QStringLiteral("# | id | name | ok | price\n"
                                         "101 | 1 | Ann | [x] | 0.10\n"
                                         "102 | 2 |  | [ ] | NULL\n"
                                         "103 | 3 | two … | NULL | -5.00"));
        // NULL and '' differ where it matters: the exact text, and the flag.
        QVERIFY(!m.index(1, 3).data(Qt::EditRole).isValid());
        QCOMPARE(m.index(1, 1).data(Qt::EditRole), QVariant(QString()));
        QVERIFY(m.index(1, 3).data(PageModel::IsNullRole).toBool());
        QVERIFY(!m.index(1, 1).data(PageModel::IsNullRole).toBool());
        QCOMPARE(m.index(2, 1).data(Qt::EditRole).toString(), QStringLiteral("two\nlines"));
        // Numbers right-aligned, text not.
        QVERIFY(m.index(0, 3).data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight);
        QVERIFY(!(m.index(0, 1).data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight));
        // Without an edit session nothing is editable.
        QVERIFY(!(m.flags(m.index(0, 1)) & Qt::ItemIsEditable));
        m.clear();
        QCOMPARE(m.rowCount(), 0);
    }

    void windowedRowsArePlaceholdersUntilTheirBlockComes() {
        PageModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Page first = block(0, 100, true);
        first.total = 1000;
        first.totalIsEstimate = true;
        m.setWindowed(first, 100, 5);
        QCOMPARE(m.rowCount(), 1000);
        QCOMPARE(m.index(42, 0).data().toString(), QStringLiteral("42"));
        QSignalSpy wanted(&m, &PageModel::rowsWanted);
        QVERIFY(m.index(550, 0).data(PageModel::IsPlaceholderRole).toBool());
        QCOMPARE(m.index(550, 0).data().toString(), QStringLiteral("…"));
        QTRY_VERIFY_WITH_TIMEOUT(wanted.count() >= 1, 2000); // posted, once per burst of asks
        const auto request = m.takeWantedBlock();
        QVERIFY(request);
        QCOMPARE(request->block, 5);
        QCOMPARE(request->request.pageNumber, std::optional<qint64>(6)); // nothing near: OFFSET
        m.storeBlock(5, block(500, 100, true));
        QCOMPARE(m.index(550, 0).data().toString(), QStringLiteral("550"));
        QCOMPARE(m.headerData(550, Qt::Vertical).toString(), QStringLiteral("551"));
        QVERIFY(!m.takeWantedBlock());
        // A short block proves the end: the estimate of 1,000 shrinks to the rows there are.
        m.index(650, 0).data();
        const auto next = m.takeWantedBlock();
        QVERIFY(next && next->block == 6);
        QCOMPARE(next->request.afterCursor, QStringLiteral("after599"));
        m.storeBlock(6, block(600, 30, false));
        QCOMPARE(m.rowCount(), 630);
        QVERIFY(m.isTotalExact());
    }

    // The view window: at most viewRowLimit() model rows of the result, moved by removing and inserting
    // rows at its edges (persistent indexes keep their rows), numbered by their place in the result.
    void viewWindowMovesByItsEdges() {
        PageModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setViewRowLimit(300);
        Page first = block(0, 100, true);
        first.total = 1000;
        first.totalIsEstimate = false;
        m.setWindowed(first, 100, 10);
        QCOMPARE(m.rowCount(), 300);
        QCOMPARE(m.resultRowCount(), 1000);
        m.storeBlock(2, block(200, 100, true));
        const QPersistentModelIndex kept(m.index(250, 0));
        QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        m.setWindowStart(200);
        QCOMPARE(m.windowStart(), 200);
        QCOMPARE(m.rowCount(), 300);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(kept.row(), 50);
        QCOMPARE(m.index(50, 0).data().toString(), QStringLiteral("250"));
        QCOMPARE(m.headerData(50, Qt::Vertical).toString(), QStringLiteral("251"));
        // A row not held asks for its block of the result.
        QVERIFY(m.index(299, 0).data(PageModel::IsPlaceholderRole).toBool());
        const auto wanted = m.takeWantedBlock();
        QVERIFY(wanted && wanted->block == 4);
        // A block outside the window changes none of its rows.
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.storeBlock(8, block(800, 100, true));
        QCOMPARE(changed.count(), 0);
        m.storeBlock(4, block(400, 100, true));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 200);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 299);
        // Clamped at the end; no row in common: every row replaced.
        m.setWindowStart(5000);
        QCOMPARE(m.windowStart(), 700);
        QVERIFY(!kept.isValid());
        QCOMPARE(m.index(100, 0).data().toString(), QStringLiteral("800"));
        // A smaller total pulls the window back so it stays full, then shrinks it.
        m.setTotal(900, true);
        QCOMPARE(m.windowStart(), 600);
        QCOMPARE(m.rowCount(), 300);
        QCOMPARE(m.index(200, 0).data().toString(), QStringLiteral("800"));
        m.setTotal(250, true);
        QCOMPARE(m.windowStart(), 0);
        QCOMPARE(m.rowCount(), 250);
        QCOMPARE(m.resultRowCount(), 250);
    }

    void windowHoldsBlocksAtTheirPositions() {
        RowWindow w(100, 3);
        QVERIFY(!w.row(0));
        w.store(0, block(0, 100, true));
        QCOMPARE(w.row(99)->values[0], std::optional<QString>(QStringLiteral("99")));
        QCOMPARE(w.row(42)->version, QStringLiteral("v42"));
        QVERIFY(!w.row(100));
        w.store(5, block(500, 100, true));
        QCOMPARE(w.row(555)->values[0], std::optional<QString>(QStringLiteral("555")));
        w.store(6, block(600, 40, false)); // a short final block
        QVERIFY(w.row(639) && !w.row(640));
        QCOMPARE(w.heldRows(), 240);
        // A fourth block: the one farthest from it goes.
        w.store(7, block(700, 100, true));
        QCOMPARE(w.heldBlocks(), 3);
        QVERIFY(!w.hasBlock(0));
        QVERIFY(w.hasBlock(5) && w.hasBlock(6) && w.hasBlock(7));
        w.store(1, block(100, 100, true));
        QVERIFY(!w.hasBlock(7)); // now farthest from block 1
        w.clear();
        QCOMPARE(w.heldRows(), 0);
    }

    void windowFetchesByKeysetFromNeighbours() {
        RowWindow w(100, 10);
        QVERIFY(w.requestFor(0, std::nullopt, true).afterCursor.isEmpty());
        QVERIFY(!w.requestFor(0, std::nullopt, true).pageNumber);
        // Nothing near: OFFSET (page number of the block).
        QCOMPARE(w.requestFor(50, std::nullopt, true).pageNumber, std::optional<qint64>(51));
        QCOMPARE(w.requestFor(50, std::nullopt, true).pageSize, 100);
        // After a held full block: its cursor.
        w.store(3, block(300, 100, true));
        QCOMPARE(w.requestFor(4, std::nullopt, true).afterCursor, QStringLiteral("after399"));
        // Before a held block: its first row's cursor.
        QCOMPARE(w.requestFor(2, std::nullopt, true).beforeCursor, QStringLiteral("before300"));
        // The final block of an exact total by keyset from the end, only its own rows.
        const auto last = w.requestFor(9, qint64(950), true);
        QVERIFY(last.last);
        QCOMPARE(last.pageSize, 50);
        // Without a row key only OFFSET positions rows exactly.
        QCOMPARE(w.requestFor(9, qint64(950), false).pageNumber, std::optional<qint64>(10));
        QVERIFY(!w.requestFor(9, qint64(950), false).last);
    }
};

PGDESK_UI_TEST_MAIN(TestPageModel)
#include "tst_pagemodel.moc"
