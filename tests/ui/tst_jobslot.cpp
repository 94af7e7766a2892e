// SPDX-License-Identifier: GPL-3.0-or-later
// The UI's job helper (issue 17): a newer job supersedes the running one and its reply is dropped, a cancel
// reaches the statement on the server, failures arrive with their kind and SQLSTATE, and scrolling through
// 1,000,000 rows runs on the bounded job pool instead of a thread per block.
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <QDir>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>

using pgdesk::core::CancelToken;
using pgdesk::ui::BackgroundFailure;
using pgdesk::ui::JobSlot;
using pgdesk::ui::TableBrowser;

namespace {
QStringList threadIds() {
    return QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
}
} // namespace

class TestJobSlot final : public QObject {
    Q_OBJECT
    std::shared_ptr<pgdesk::core::Pool> m_pool;
    pgdesk::core::Connection m_admin;

    // Statements of this test's pool running pg_sleep right now.
    int sleepers() {
        return m_admin
            .exec(
                QStringLiteral("select count(*) from pg_stat_activity where application_name = 'tst-jobslot' "
                               "and state = 'active' and query like 'select pg_sleep%'"))
            .text(0, 0)
            .toInt();
    }
    auto sleepJob(int seconds) {
        return [pool = m_pool, seconds](const std::shared_ptr<CancelToken>& token) {
            auto connection = pool->acquire();
            const CancelToken::Scope scope(token, *connection);
            connection->exec(QStringLiteral("select pg_sleep(%1)").arg(seconds));
            return seconds;
        };
    }

private slots:
    void initTestCase() {
        pgdesk::core::ConnectionProfile p = pgdesk::test::profile();
        p.applicationName = QStringLiteral("tst-jobslot");
        p.pool.size = 4;
        m_pool = pgdesk::core::Pool::create(p);
        m_admin = pgdesk::core::Connection::open(pgdesk::test::profile());
    }

    void newerJobSupersedesAndCancelsTheOlder() {
        JobSlot slot(nullptr);
        QList<int> done;
        int failures = 0;
        slot.start(
            sleepJob(30), [&](int v) { done << v; }, [&](const BackgroundFailure&) { ++failures; });
        QTRY_COMPARE_WITH_TIMEOUT(sleepers(), 1, 10000);
        QSignalSpy idle(&slot, &JobSlot::runningChanged);
        slot.start([](const std::shared_ptr<CancelToken>&) { return 7; }, [&](int v) { done << v; },
                   [&](const BackgroundFailure&) { ++failures; });
        // The superseded statement is cancelled on the server; only the newer reply arrives.
        QTRY_COMPARE_WITH_TIMEOUT(sleepers(), 0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(done, QList<int>{7}, 5000);
        QTest::qWait(300); // the older job's failure (its cancel) would come now: it is dropped
        QCOMPARE(done, QList<int>{7});
        QCOMPARE(failures, 0);
        QVERIFY(!slot.isRunning());
        QCOMPARE(idle.last().first().toBool(), false);
    }

    void cancelReachesTheServerAndSaysSo() {
        JobSlot slot(nullptr);
        std::optional<BackgroundFailure> failure;
        slot.start(
            sleepJob(30), [](int) { QFAIL("a cancelled sleep finished"); },
            [&](const BackgroundFailure& f) { failure = f; });
        QTRY_COMPARE_WITH_TIMEOUT(sleepers(), 1, 10000);
        QVERIFY(slot.backendPid() > 0);
        slot.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(failure.has_value(), 5000);
        QCOMPARE(failure->error.kind, pgdesk::core::ErrorKind::QueryCanceled);
        QCOMPARE(failure->error.sqlState, QStringLiteral("57014"));
        QCOMPARE(sleepers(), 0);
    }

    void failuresCarryKindAndSqlState() {
        JobSlot slot(nullptr);
        std::optional<BackgroundFailure> failure;
        slot.start(
            [pool = m_pool](const std::shared_ptr<CancelToken>&) {
                auto connection = pool->acquire();
                return connection->exec(QStringLiteral("select * from no_such_table_here")).rowCount();
            },
            [](int) {}, [&](const BackgroundFailure& f) { failure = f; });
        QTRY_VERIFY_WITH_TIMEOUT(failure.has_value(), 10000);
        QCOMPARE(failure->error.kind, pgdesk::core::ErrorKind::NotFound);
        QCOMPARE(failure->error.sqlState, QStringLiteral("42P01"));
        QVERIFY(!failure->connectionLost);
        QVERIFY(failure->message.contains(QLatin1String("no_such_table_here")));
    }

    void abandonedAndDeletedSlotsDeliverNothing() {
        bool called = false;
        {
            JobSlot slot(nullptr);
            slot.start(
                [](const std::shared_ptr<CancelToken>&) {
                    QThread::msleep(200);
                    return 1;
                },
                [&](int) { called = true; }, [&](const BackgroundFailure&) { called = true; });
            slot.abandon();
            QVERIFY(!slot.isRunning());
        }
        auto* slot = new JobSlot(nullptr);
        slot->start(
            [](const std::shared_ptr<CancelToken>&) {
                QThread::msleep(200);
                return 1;
            },
            [&](int) { called = true; }, [&](const BackgroundFailure&) { called = true; });
        delete slot;
        QTest::qWait(500);
        QVERIFY(!called);
    }

    // A job's reports reach the owner in order and before its result; those of a job superseded (or
    // abandoned) after it reported are dropped, though they arrive after the newer job started.
    void reportsComeBeforeTheResultAndOnlyFromTheRunningJob() {
        JobSlot slot(nullptr);
        QStringList seen;
        std::atomic<bool> reported{false};
        std::atomic<bool> release{false};
        slot.start(
            [&](const std::shared_ptr<CancelToken>&, const JobSlot::Report& report) {
                report([&] { seen << QStringLiteral("old report"); });
                reported = true;
                while (!release)
                    QThread::msleep(5);
                report([&] { seen << QStringLiteral("old late report"); });
                return 1;
            },
            [&](int) { seen << QStringLiteral("old done"); }, [](const BackgroundFailure&) {});
        for (int i = 0; i < 1000 && !reported; ++i) // no event loop: its first report stays queued
            QThread::msleep(5);
        QVERIFY(reported.load());
        slot.start(
            [&](const std::shared_ptr<CancelToken>&, const JobSlot::Report& report) {
                while (!release)
                    QThread::msleep(5);
                for (int i = 1; i <= 3; ++i)
                    report([&seen, i] { seen << QStringLiteral("report %1").arg(i); });
                return 2;
            },
            [&](int v) { seen << QStringLiteral("done %1").arg(v); }, [](const BackgroundFailure&) {});
        release = true;
        QTRY_VERIFY_WITH_TIMEOUT(!slot.isRunning(), 5000);
        QTest::qWait(200); // a late report of the older job would come now
        QCOMPARE(seen, (QStringList{QStringLiteral("report 1"), QStringLiteral("report 2"),
                                    QStringLiteral("report 3"), QStringLiteral("done 2")}));
    }

    // Scrolling a million rows: every block runs on the bounded pool, never on a thread of its own. The
    // threads are sampled every 2 ms while 40 jumps and 20 screens load: before, each block was a new thread
    // (a new id).
    void scrollingUsesABoundedNumberOfThreads() {
        TableBrowser b(m_pool, QStringLiteral("public"), QStringLiteral("big_orders"));
        b.resize(900, 600);
        b.show();
        QVERIFY(QTest::qWaitForWindowExposed(&b));
        QSignalSpy loaded(&b, &TableBrowser::pageLoaded);
        QVERIFY(loaded.wait(15000));
        b.setPageSize(0);
        QVERIFY(loaded.wait(15000));
        QVERIFY(b.model()->isWindowed());
        const QStringList before = threadIds();
        QSet<QString> seen;
        QTimer sampler;
        connect(&sampler, &QTimer::timeout, this, [&] {
            for (const QString& id : threadIds())
                seen.insert(id);
        });
        sampler.start(2);
        QSignalSpy blocks(&b, &TableBrowser::rowsLoaded);
        // 40 jumps across the million rows, each to rows no block holds yet, then 20 screens back.
        const auto topLoaded = [&b] {
            const int top = b.view()->rowAt(0);
            return top >= 0 &&
                   !b.model()->index(top, 0).data(pgdesk::ui::PageModel::IsPlaceholderRole).toBool();
        };
        for (int i = 0; i < 40; ++i) {
            b.goToPage(1 + i * 24000);
            QTRY_VERIFY_WITH_TIMEOUT(topLoaded(), 15000);
        }
        for (int i = 0; i < 20; ++i) {
            b.previousPage();
            QTest::qWait(10);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!b.isBusy(), 20000);
        sampler.stop();
        for (const QString& id : before)
            seen.remove(id);
        QVERIFY2(blocks.count() >= 40, qPrintable(QString::number(blocks.count())));
        // The job pool's threads, and QThreadPool::globalInstance()'s (the cancel helpers) at most.
        QVERIFY2(
            seen.size() <= pgdesk::ui::kMaxJobThreads + QThread::idealThreadCount(),
            qPrintable(QStringLiteral("%1 new threads for %2 blocks").arg(seen.size()).arg(blocks.count())));
    }
};

PGDESK_UI_TEST_MAIN(TestJobSlot)
#include "tst_jobslot.moc"
