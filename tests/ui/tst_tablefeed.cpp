// SPDX-License-Identifier: GPL-3.0-or-later
// TableFeed without a server (label `unit`): a synthetic table of any size behind the FeedConnection seam,
// so the page arithmetic, the block scheduling of continuous scrolling, the totals and the superseding of
// jobs are checked exactly, with the grid printed the way the view shows it.
#include "uitestmain.h"
#include <pgdesk/core/base/errors.h>
#include <pgdesk/ui/browse/feedconnection.h>
#include <pgdesk/ui/browse/tablefeed.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <QAbstractItemModelTester>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <mutex>

using namespace pgdesk;
using ui::TableFeed;

namespace {

// A table `t` of ids 1..rows (the key), its estimate and what was asked of it.
struct SyntheticTable {
    qint64 rows = 1000;
    qint64 estimate = 1000;
    std::mutex mutex;
    QList<core::PageRequest> requests;
    int counts = 0;
    std::atomic<bool> gated{false}; // each fetch then waits for one release of `gate`
    QSemaphore gate;
    std::atomic<int> failWith{0}; // 1: the next fetch fails with permission denied

    core::TableInfo info() const {
        core::TableInfo t;
        t.schema = QStringLiteral("public");
        t.name = QStringLiteral("t");
        core::ColumnInfo id;
        id.name = QStringLiteral("id");
        id.typeName = QStringLiteral("integer");
        id.baseTypeName = id.typeName;
        id.notNull = true;
        t.columns << id;
        t.conventions.rowKey = {QStringLiteral("id")};
        return t;
    }

    core::Page page(const core::QuerySpec& spec) {
        {
            std::lock_guard lock(mutex);
            requests << spec.page;
        }
        if (gated)
            gate.acquire();
        if (failWith.exchange(0) == 1) {
            core::ErrorInfo error;
            error.kind = core::ErrorKind::PermissionDenied;
            error.message = QStringLiteral("permission denied for table t");
            error.sqlState = QStringLiteral("42501");
            core::throwError(error);
        }
        const core::PageRequest& r = spec.page;
        const qint64 size = r.pageSize;
        qint64 first = 0; // 0-based index of the first row
        if (!r.afterCursor.isEmpty())
            first = r.afterCursor.mid(1).toLongLong();
        else if (!r.beforeCursor.isEmpty())
            first = std::max<qint64>(0, r.beforeCursor.mid(1).toLongLong() - 1 - size);
        else if (r.last)
            first = std::max<qint64>(0, rows - size);
        else if (r.pageNumber)
            first = (*r.pageNumber - 1) * size;
        core::Page p;
        p.columns = {{QStringLiteral("id"), QStringLiteral("integer")}};
        p.keyColumns = {QStringLiteral("id")};
        p.pageSize = int(size);
        const qint64 end = std::min(rows, first + size);
        for (qint64 i = first; i < end; ++i) {
            p.rows.append({QString::number(i + 1)});
            p.versions << QStringLiteral("1");
        }
        p.hasMore = end < rows;
        p.nextCursor = p.hasMore ? QStringLiteral("k%1").arg(end) : QString(); // after the id `end`
        p.prevCursor = first > 0 && end > first ? QStringLiteral("k%1").arg(first + 1) : QString();
        if (spec.count == core::CountMode::Estimate) {
            p.total = estimate;
            p.totalIsEstimate = true;
        }
        return p;
    }
};

class SyntheticConnection final : public ui::FeedConnection {
public:
    explicit SyntheticConnection(std::shared_ptr<SyntheticTable> table)
        : m_keep(std::move(table))
        , m_table(*m_keep) {}
    core::TableInfo readTable(const QString&, const QString&) override { return m_table.info(); }
    bool isStandby() override { return false; }
    core::Page fetchPage(const core::QuerySpec& spec, const core::TableInfo&) override {
        return m_table.page(spec);
    }
    qint64 exactCount(const core::QuerySpec&, const core::TableInfo&) override {
        std::lock_guard lock(m_table.mutex);
        ++m_table.counts;
        return m_table.rows;
    }

private:
    std::shared_ptr<SyntheticTable> m_keep; // a job may outlive its test's feed
    SyntheticTable& m_table;
};

ui::FeedConnector connectorTo(const std::shared_ptr<SyntheticTable>& table) {
    return [table](const std::shared_ptr<core::CancelToken>&) {
        return std::make_unique<SyntheticConnection>(table);
    };
}

// The vertical header and the ids of rows [from, to), "#n=id" each; "…" for a row not held.
QString rows(const ui::PageModel& m, int from, int to) {
    QStringList out;
    for (int r = from; r < std::min(to, m.rowCount()); ++r) {
        const bool held = !m.index(r, 0).data(ui::PageModel::IsPlaceholderRole).toBool();
        out << m.headerData(r, Qt::Vertical).toString() + QLatin1Char('=') +
                   (held ? m.index(r, 0).data().toString() : QStringLiteral("…"));
    }
    return out.join(QLatin1Char(' '));
}

bool waitIdle(TableFeed& feed) {
    return QTest::qWaitFor([&] { return !feed.isBusy(); }, 10000);
}

} // namespace

class TestTableFeed final : public QObject {
    Q_OBJECT
private slots:
    void pagesNumberTheirRows() {
        const auto shared = std::make_shared<SyntheticTable>();
        SyntheticTable& table = *shared;
        ui::PageModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TableFeed feed(connectorTo(shared), QStringLiteral("public"), QStringLiteral("t"), &model);
        QSignalSpy tableLoaded(&feed, &TableFeed::tableLoaded);
        feed.setPageSize(100);
        QVERIFY(waitIdle(feed));
        QCOMPARE(tableLoaded.count(), 1);
        QVERIFY(feed.table());
        QCOMPARE(rows(model, 0, 2), QStringLiteral("1=1 2=2"));
        feed.load(TableFeed::Move::Next);
        QVERIFY(waitIdle(feed));
        QCOMPARE(feed.firstRow(), 101);
        QCOMPARE(rows(model, 0, 2), QStringLiteral("101=101 102=102"));
        QCOMPARE(table.requests.last().afterCursor, QStringLiteral("k100")); // keyset, not OFFSET
        feed.load(TableFeed::Move::Next);
        QVERIFY(waitIdle(feed));
        feed.load(TableFeed::Move::Previous);
        QVERIFY(waitIdle(feed));
        QCOMPARE(feed.firstRow(), 101);
        QCOMPARE(rows(model, 99, 100), QStringLiteral("200=200"));
        feed.goToPage(5);
        QVERIFY(waitIdle(feed));
        QCOMPARE(table.requests.last().pageNumber.value_or(0), 5);
        QCOMPARE(rows(model, 0, 1), QStringLiteral("401=401"));
        // The last page of an estimated total: its rows are not numbered (the estimate could be wrong).
        feed.load(TableFeed::Move::Last);
        QVERIFY(waitIdle(feed));
        QVERIFY(!feed.isFirstRowKnown());
        QCOMPARE(rows(model, 98, 100), QStringLiteral("=999 =1000"));
        QCOMPARE(tableLoaded.count(), 1); // the table is read once
    }

    void aNewerRequestSupersedesTheOlder() {
        const auto shared = std::make_shared<SyntheticTable>();
        SyntheticTable& table = *shared;
        table.gated = true;
        ui::PageModel model;
        TableFeed feed(connectorTo(shared), QStringLiteral("public"), QStringLiteral("t"), &model);
        QSignalSpy loaded(&feed, &TableFeed::pageLoaded);
        feed.setPageSize(100); // held at the gate
        QVERIFY(QTest::qWaitFor([&] { return table.requests.size() == 1; }, 5000));
        feed.goToPage(3); // supersedes it
        QVERIFY(QTest::qWaitFor([&] { return table.requests.size() == 2; }, 5000));
        table.gate.release(2);
        QVERIFY(waitIdle(feed));
        QTest::qWait(50); // a stale reply would arrive by now
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(rows(model, 0, 1), QStringLiteral("201=201"));
    }

    void scrollingFetchesBlocksWithBoundedRowsAndThreads() {
        const auto shared = std::make_shared<SyntheticTable>();
        SyntheticTable& table = *shared;
        table.rows = 1000000;
        table.estimate = 1000000;
        ui::PageModel model;
        model.setViewRowLimit(1000000); // the whole result as model rows: this is about the feed's blocks
        // (no QAbstractItemModelTester here: it walks every one of the million rows)
        TableFeed feed(connectorTo(shared), QStringLiteral("public"), QStringLiteral("t"), &model);
        QSignalSpy blocks(&feed, &TableFeed::rowsLoaded);
        feed.setPageSize(0);
        QVERIFY(waitIdle(feed));
        QVERIFY(model.isWindowed());
        QCOMPARE(model.rowCount(), 1000000);
        QCOMPARE(rows(model, 199, 201), QStringLiteral("200=200 201=…"));
        // The view asks for row 201: its block follows by keyset from the first.
        QVERIFY(QTest::qWaitFor([&] { return blocks.count() == 1; }, 5000));
        QCOMPARE(table.requests.last().afterCursor, QStringLiteral("k200"));
        QCOMPARE(rows(model, 200, 201), QStringLiteral("201=201"));

        // Far into an estimated result: counted first, then by OFFSET.
        model.index(500000, 0).data();
        QVERIFY(QTest::qWaitFor([&] { return blocks.count() == 2; }, 5000));
        QCOMPARE(table.counts, 1);
        QCOMPARE(feed.exactTotal().value_or(0), 1000000);
        QVERIFY(model.isTotalExact());
        QCOMPARE(rows(model, 500000, 500001), QStringLiteral("500001=500001"));
        // The last block of an exact total comes by keyset from the end.
        model.index(999999, 0).data();
        QVERIFY(QTest::qWaitFor([&] { return blocks.count() == 3; }, 5000));
        QVERIFY(table.requests.last().last);
        QCOMPARE(rows(model, 999999, 1000000), QStringLiteral("1000000=1000000"));

        // Scrolling through: the rows held stay bounded, and so do the job threads.
        int maxThreads = 0;
        for (int r = 0; r < 1000000; r += 9973) {
            model.index(r, 0).data();
            QVERIFY(QTest::qWaitFor(
                [&] { return !model.index(r, 0).data(ui::PageModel::IsPlaceholderRole).toBool(); }, 5000));
            maxThreads = std::max(maxThreads, ui::jobPool().activeThreadCount());
        }
        QVERIFY(model.window()->heldRows() <= TableFeed::kBlockSize * TableFeed::kMaxBlocks);
        QVERIFY2(maxThreads <= ui::kMaxJobThreads, qPrintable(QString::number(maxThreads)));
        QVERIFY(blocks.count() > 50);
    }

    void estimatesAreCorrectedByWhatBlocksProve() {
        const auto shared = std::make_shared<SyntheticTable>();
        SyntheticTable& table = *shared;
        table.rows = 1000;
        table.estimate = 500; // under: the grid grows as rows are proven
        ui::PageModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TableFeed feed(connectorTo(shared), QStringLiteral("public"), QStringLiteral("t"), &model);
        QSignalSpy blocks(&feed, &TableFeed::rowsLoaded);
        feed.setPageSize(0);
        QVERIFY(waitIdle(feed));
        QCOMPARE(model.rowCount(), 500);
        for (int block = 1; model.rowCount() < 1000 || !model.isTotalExact(); ++block) {
            QVERIFY(block < 10);
            model.index(model.rowCount() - 1, 0).data();
            QVERIFY(QTest::qWaitFor([&] { return blocks.count() == block; }, 5000));
        }
        QCOMPARE(model.rowCount(), 1000);

        table.estimate = 2000; // over: the empty block past the end counts at once
        feed.setPageSize(0);
        QVERIFY(waitIdle(feed));
        QCOMPARE(model.rowCount(), 2000);
        blocks.clear();
        model.index(1500, 0).data();
        QVERIFY(QTest::qWaitFor([&] { return blocks.count() == 1; }, 5000));
        QCOMPARE(model.rowCount(), 1000);
        QVERIFY(model.isTotalExact());
    }

    void failuresCarryTheirKindAndStopBlocksUntilReload() {
        const auto shared = std::make_shared<SyntheticTable>();
        SyntheticTable& table = *shared;
        table.rows = 100000;
        table.estimate = 100000;
        ui::PageModel model;
        TableFeed feed(connectorTo(shared), QStringLiteral("public"), QStringLiteral("t"), &model);
        QList<ui::BackgroundFailure> failed;
        connect(&feed, &TableFeed::failed, this, [&](const ui::BackgroundFailure& f) { failed << f; });
        feed.setPageSize(0);
        QVERIFY(waitIdle(feed));
        table.failWith = 1;
        model.index(5000, 0).data();
        QVERIFY(QTest::qWaitFor([&] { return failed.count() == 1; }, 5000));
        const ui::BackgroundFailure& failure = failed.first();
        QCOMPARE(failure.error.kind, core::ErrorKind::PermissionDenied);
        QCOMPARE(failure.error.sqlState, QStringLiteral("42501"));
        const qsizetype asked = table.requests.size();
        model.index(7000, 0).data(); // not again while the view repaints
        QTest::qWait(100);
        QCOMPARE(table.requests.size(), asked);
        feed.load(TableFeed::Move::Same); // Refresh: the visible rows load again
        model.index(7000, 0).data();
        QVERIFY(QTest::qWaitFor(
            [&] { return !model.index(7000, 0).data(ui::PageModel::IsPlaceholderRole).toBool(); }, 5000));
        QCOMPARE(rows(model, 7000, 7001), QStringLiteral("7001=7001"));
    }
};

PGDESK_UI_TEST_MAIN(TestTableFeed)
#include "tst_tablefeed.moc"
