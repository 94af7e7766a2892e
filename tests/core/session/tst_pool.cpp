// SPDX-License-Identifier: GPL-3.0-or-later
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

using namespace pgdesk::core;
using namespace std::chrono_literals;

namespace {

// Every test gets its own application_name, so pg_stat_activity tells its backends apart from those of
// the other core tests running in parallel.
ConnectionProfile poolProfile(const QString& test, const PoolSettings& settings) {
    ConnectionProfile p = pgdesk::test::profile(QStringLiteral("postgres"));
    p.applicationName = QStringLiteral("tst_pool.") + test;
    p.pool = settings;
    return p;
}

PoolSettings settings(int size, int maxOverflow, double timeoutSeconds) {
    PoolSettings s;
    s.size = size;
    s.maxOverflow = maxOverflow;
    s.timeoutSeconds = timeoutSeconds;
    return s;
}

Connection admin() {
    return Connection::open(pgdesk::test::profile(QStringLiteral("postgres")));
}

int backendCount(Connection& c, const QString& applicationName) {
    return c
        .exec(QStringLiteral("select count(*) from pg_stat_activity where application_name = $1"),
              {param(applicationName)})
        .text(0, 0)
        .toInt();
}

// Backends go away asynchronously after the client hangs up: poll for a while.
bool waitForBackendCount(Connection& c, const QString& applicationName, int atMost) {
    for (int i = 0; i < 100; ++i) {
        if (backendCount(c, applicationName) <= atMost)
            return true;
        std::this_thread::sleep_for(50ms);
    }
    return false;
}

// Terminates the given backends and waits until pg_stat_activity no longer shows them.
void terminateAndWait(Connection& c, const QList<int>& pids) {
    for (int pid : pids)
        QCOMPARE(c.exec(QStringLiteral("select pg_terminate_backend($1)"), {param(pid)}).text(0, 0),
                 QStringLiteral("t"));
    for (int i = 0; i < 100; ++i) {
        int alive = 0;
        for (int pid : pids)
            alive +=
                c.exec(QStringLiteral("select count(*) from pg_stat_activity where pid = $1"), {param(pid)})
                    .text(0, 0)
                    .toInt();
        if (alive == 0)
            return;
        std::this_thread::sleep_for(50ms);
    }
    QFAIL("terminated backends did not go away");
}

// A one-shot gate for holding worker threads at a point until the test opens it.
class Gate {
public:
    void open() {
        {
            std::lock_guard lock(m_mutex);
            m_open = true;
        }
        m_cv.notify_all();
    }
    void wait() {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [this] { return m_open; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_open = false;
};

} // namespace

class TestPool final : public QObject {
    Q_OBJECT
private slots:
    void defaultSettings() {
        const PoolSettings d;
        QCOMPARE(d.size, 5);
        QCOMPARE(d.maxOverflow, 10);
        QCOMPARE(d.timeoutSeconds, 30.0);
        QCOMPARE(d.recycleSeconds, -1);
        QCOMPARE(d.prePing, false);
        QCOMPARE(d.useLifo, false);
        ConnectionProfile p = pgdesk::test::profile(QStringLiteral("postgres"));
        auto pool = Pool::create(p);
        QCOMPARE(pool->profile(), p);
        const PoolStats s = pool->stats();
        QCOMPARE(s.size, 5);
        QCOMPARE(s.maxOverflow, 10);
        QCOMPARE(s.open, 0); // lazy: nothing opened before the first checkout
        QCOMPARE(s.checkouts, quint64(0));
    }

    void invalidSettingsRejected() {
        auto p = poolProfile(QStringLiteral("invalid"), settings(0, 1, 1));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, Pool::create(p));
    }

    void checkoutReturnReusesConnection() {
        auto pool = Pool::create(poolProfile(QStringLiteral("reuse"), settings(2, 0, 5)));
        int pid = 0;
        {
            PooledConnection c = pool->acquire();
            QVERIFY(c);
            pid = c->backendPid();
            QCOMPARE(c->exec(QStringLiteral("select pg_backend_pid()")).text(0, 0).toInt(), pid);
            QCOMPARE(pool->stats().checkedOut, 1);
        }
        QCOMPARE(pool->stats().idle, 1);
        for (int i = 0; i < 3; ++i) {
            PooledConnection c = pool->acquire();
            QCOMPARE(c->backendPid(), pid);
        }
        const PoolStats s = pool->stats();
        QCOMPARE(s.open, 1);
        QCOMPARE(s.idle, 1);
        QCOMPARE(s.checkedOut, 0);
        QCOMPARE(s.checkouts, quint64(4));
        QCOMPARE(s.waits, quint64(0));
    }

    void moveKeepsConnection() {
        auto pool = Pool::create(poolProfile(QStringLiteral("move"), settings(1, 0, 0)));
        PooledConnection a = pool->acquire();
        Connection* raw = &a.connection();
        PooledConnection b = std::move(a);
        QVERIFY(!a);
        QVERIFY(b);
        QCOMPARE(&b.connection(), raw); // references stay valid across moves
        QVERIFY_THROWS_EXCEPTION(ConnectionError, a.connection());
        QCOMPARE(pool->stats().checkedOut, 1);
        b.release();
        QVERIFY(!b);
        QCOMPARE(pool->stats().checkedOut, 0);
        QCOMPARE(pool->stats().idle, 1);
    }

    // size 2 + overflow 1: three concurrent checkouts succeed, the fourth times out.
    void limitUnderConcurrency() {
        const QString app = QStringLiteral("tst_pool.limit");
        auto pool = Pool::create(poolProfile(QStringLiteral("limit"), settings(2, 1, 1.0)));
        Gate release;
        std::atomic<int> holding{0};
        std::atomic<int> failures{0};
        std::vector<std::thread> holders;
        for (int i = 0; i < 3; ++i)
            holders.emplace_back([&] {
                try {
                    PooledConnection c = pool->acquire();
                    c->exec(QStringLiteral("select 1"));
                    ++holding;
                    release.wait();
                } catch (...) {
                    ++failures;
                    ++holding;
                }
            });
        QTRY_COMPARE_WITH_TIMEOUT(holding.load(), 3, 10000);
        QCOMPARE(failures.load(), 0);
        PoolStats s = pool->stats();
        QCOMPARE(s.checkedOut, 3);
        QCOMPARE(s.open, 3);
        QCOMPARE(s.overflowInUse, 1);

        QElapsedTimer timer;
        timer.start();
        try {
            PooledConnection fourth = pool->acquire();
            QFAIL("a fourth connection was handed out");
        } catch (const PoolTimeoutError& e) {
            const qint64 elapsed = timer.elapsed();
            QVERIFY2(elapsed >= 1000 && elapsed < 2000, qPrintable(QString::number(elapsed)));
            QCOMPARE(e.kind(), ErrorKind::PoolTimeout);
            QCOMPARE(e.message(), QStringLiteral("pool exhausted: size 2 + overflow 1, waited 1.0 s"));
        }
        s = pool->stats();
        QCOMPARE(s.timeouts, quint64(1));
        QCOMPARE(s.waits, quint64(1));
        QCOMPARE(s.checkouts, quint64(3));

        Connection c = admin();
        QCOMPARE(backendCount(c, app), 3);
        release.open();
        for (auto& t : holders)
            t.join();
        // The overflow connection was closed on return: back to size.
        s = pool->stats();
        QCOMPARE(s.checkedOut, 0);
        QCOMPARE(s.open, 2);
        QCOMPARE(s.idle, 2);
        QCOMPARE(s.overflowInUse, 0);
        QVERIFY(waitForBackendCount(c, app, 2));
    }

    void waiterGetsReturnedConnection() {
        auto pool = Pool::create(poolProfile(QStringLiteral("waiter"), settings(1, 0, 5)));
        PooledConnection held = pool->acquire();
        const int pid = held->backendPid();
        std::thread returner([&held] {
            std::this_thread::sleep_for(300ms);
            held.release();
        });
        QElapsedTimer timer;
        timer.start();
        PooledConnection c = pool->acquire();
        const qint64 elapsed = timer.elapsed();
        returner.join();
        QCOMPARE(c->backendPid(), pid);
        QVERIFY2(elapsed >= 250 && elapsed < 3000, qPrintable(QString::number(elapsed)));
        QCOMPARE(pool->stats().waits, quint64(1));
        QCOMPARE(pool->stats().timeouts, quint64(0));
    }

    void zeroTimeoutFailsImmediately() {
        auto pool = Pool::create(poolProfile(QStringLiteral("zerotimeout"), settings(1, 0, 0)));
        PooledConnection held = pool->acquire();
        QElapsedTimer timer;
        timer.start();
        QVERIFY_THROWS_EXCEPTION(PoolTimeoutError, pool->acquire());
        QVERIFY(timer.elapsed() < 500);
    }

    void unlimitedOverflow() {
        const QString app = QStringLiteral("tst_pool.unlimited");
        auto pool = Pool::create(poolProfile(QStringLiteral("unlimited"), settings(1, -1, 0)));
        std::vector<PooledConnection> held;
        QSet<int> pids;
        for (int i = 0; i < 12; ++i) {
            held.push_back(pool->acquire());
            pids.insert(held.back()->backendPid());
        }
        QCOMPARE(pids.size(), 12);
        PoolStats s = pool->stats();
        QCOMPARE(s.open, 12);
        QCOMPARE(s.overflowInUse, 11);
        QCOMPARE(s.maxOverflow, -1);
        held.clear();
        s = pool->stats();
        QCOMPARE(s.open, 1);
        QCOMPARE(s.idle, 1);
        Connection c = admin();
        QVERIFY(waitForBackendCount(c, app, 1));
    }

    void lifoAndFifoOrder_data() {
        QTest::addColumn<bool>("lifo");
        QTest::newRow("fifo") << false;
        QTest::newRow("lifo") << true;
    }
    void lifoAndFifoOrder() {
        QFETCH(bool, lifo);
        PoolSettings s = settings(3, 0, 1);
        s.useLifo = lifo;
        auto pool = Pool::create(poolProfile(QStringLiteral("order"), s));
        PooledConnection a = pool->acquire(), b = pool->acquire(), c = pool->acquire();
        const int pa = a->backendPid(), pb = b->backendPid(), pc = c->backendPid();
        // Returned in the order b, c, a: FIFO hands out b (returned first), LIFO a (returned last).
        b.release();
        c.release();
        a.release();
        QList<int> order;
        std::vector<PooledConnection> again;
        for (int i = 0; i < 3; ++i) {
            again.push_back(pool->acquire());
            order << again.back()->backendPid();
        }
        if (lifo)
            QCOMPARE(order, (QList<int>{pa, pc, pb}));
        else
            QCOMPARE(order, (QList<int>{pb, pc, pa}));
    }

    void recycleReplacesOldConnections() {
        PoolSettings s = settings(1, 0, 5);
        s.recycleSeconds = 1;
        auto pool = Pool::create(poolProfile(QStringLiteral("recycle"), s));
        int first = 0;
        {
            PooledConnection c = pool->acquire();
            first = c->backendPid();
        }
        {
            PooledConnection c = pool->acquire(); // young enough: kept
            QCOMPARE(c->backendPid(), first);
        }
        QCOMPARE(pool->stats().recycled, quint64(0));
        std::this_thread::sleep_for(1200ms);
        PooledConnection c = pool->acquire();
        QVERIFY(c->backendPid() != first);
        QCOMPARE(c->exec(QStringLiteral("select 1")).text(0, 0), QStringLiteral("1"));
        const PoolStats st = pool->stats();
        QCOMPARE(st.recycled, quint64(1));
        QCOMPARE(st.open, 1);
        Connection a = admin();
        QVERIFY(waitForBackendCount(a, QStringLiteral("tst_pool.recycle"), 1));
    }

    void prePingReplacesDeadConnections() {
        PoolSettings s = settings(2, 0, 5);
        s.prePing = true;
        auto pool = Pool::create(poolProfile(QStringLiteral("preping"), s));
        QList<int> old;
        {
            PooledConnection a = pool->acquire(), b = pool->acquire();
            old << a->backendPid() << b->backendPid();
        }
        QCOMPARE(pool->stats().idle, 2);
        Connection killer = admin();
        terminateAndWait(killer, old);
        PooledConnection c = pool->acquire();
        QVERIFY(!old.contains(c->backendPid()));
        QCOMPARE(c->exec(QStringLiteral("select 1")).text(0, 0), QStringLiteral("1"));
        PooledConnection d = pool->acquire();
        QVERIFY(!old.contains(d->backendPid()));
        QVERIFY(d->backendPid() != c->backendPid());
        QCOMPARE(pool->stats().invalidated, quint64(2));
        QCOMPARE(pool->stats().open, 2);
    }

    void withoutPrePingFirstUseFailsThenInvalidate() {
        auto pool = Pool::create(poolProfile(QStringLiteral("noping"), settings(1, 0, 5)));
        int old = 0;
        {
            PooledConnection c = pool->acquire();
            old = c->backendPid();
        }
        Connection killer = admin();
        terminateAndWait(killer, {old});
        {
            PooledConnection c = pool->acquire();
            QCOMPARE(c->backendPid(), old); // handed out unchecked
            try {
                c->exec(QStringLiteral("select 1"));
                QFAIL("a terminated backend answered");
            } catch (const ConnectionError&) {
                c.invalidate();
            }
        }
        QCOMPARE(pool->stats().invalidated, quint64(1));
        QCOMPARE(pool->stats().open, 0);
        PooledConnection c = pool->acquire();
        QVERIFY(c->backendPid() != old);
        QCOMPARE(c->exec(QStringLiteral("select 2")).text(0, 0), QStringLiteral("2"));
    }

    // Explicitly invalidated connections are closed even when they still work.
    void invalidateDiscardsLiveConnection() {
        auto pool = Pool::create(poolProfile(QStringLiteral("invalidate"), settings(1, 0, 5)));
        int old = 0;
        {
            PooledConnection c = pool->acquire();
            old = c->backendPid();
            c.invalidate();
        }
        QCOMPARE(pool->stats().open, 0);
        PooledConnection c = pool->acquire();
        QVERIFY(c->backendPid() != old);
    }

    // An open failure (here: replacing a dead connection when logins are refused) propagates and frees the
    // slot.
    void failedOpenFreesSlot() {
        Connection a = admin();
        a.exec(QStringLiteral("drop role if exists tst_pool_nologin"));
        a.exec(QStringLiteral("create role tst_pool_nologin login password 'pw'"));
        PoolSettings s = settings(1, 0, 0);
        s.prePing = true;
        ConnectionProfile p = poolProfile(QStringLiteral("failedopen"), s);
        p.user = QStringLiteral("tst_pool_nologin");
        auto pool = Pool::create(p, QStringLiteral("pw"));
        int old = 0;
        {
            PooledConnection c = pool->acquire();
            old = c->backendPid();
        }
        a.exec(QStringLiteral("alter role tst_pool_nologin nologin"));
        terminateAndWait(a, {old});
        for (int i = 0; i < 3; ++i) { // a leaked slot would turn the later attempts into PoolTimeoutError
            try {
                PooledConnection c = pool->acquire();
                QFAIL("connected although logins are refused");
            } catch (const PoolTimeoutError& e) {
                QFAIL(qPrintable(QStringLiteral("slot leaked: ") + e.message()));
            } catch (const ConnectionError& e) {
                QVERIFY2(e.message().contains(QStringLiteral("not permitted to log in")),
                         qPrintable(e.message()));
            }
            const PoolStats st = pool->stats();
            QCOMPARE(st.checkedOut, 0);
            QCOMPARE(st.open, 0);
        }
        QCOMPARE(pool->stats().invalidated, quint64(1)); // the dead one
        a.exec(QStringLiteral("alter role tst_pool_nologin login"));
        PooledConnection c = pool->acquire();
        QCOMPARE(c->exec(QStringLiteral("select current_user")).text(0, 0),
                 QStringLiteral("tst_pool_nologin"));
        c.release();
        pool->dispose();
        QVERIFY(waitForBackendCount(a, QStringLiteral("tst_pool.failedopen"), 0));
        a.exec(QStringLiteral("drop role tst_pool_nologin"));
    }

    void rollbackOnReturn() {
        Connection a = admin();
        a.exec(QStringLiteral(
            "drop table if exists tst_pool_rollback; create table tst_pool_rollback (id int)"));
        auto pool = Pool::create(poolProfile(QStringLiteral("rollback"), settings(1, 0, 5)));
        int pid = 0;
        {
            PooledConnection c = pool->acquire();
            pid = c->backendPid();
            c->exec(QStringLiteral("begin"));
            c->exec(QStringLiteral("insert into tst_pool_rollback values (1)"));
            QVERIFY(c->inTransaction());
        }
        QCOMPARE(a.exec(QStringLiteral("select count(*) from tst_pool_rollback")).text(0, 0),
                 QStringLiteral("0"));
        {
            PooledConnection c = pool->acquire();
            QCOMPARE(c->backendPid(), pid); // reset, not discarded
            QVERIFY(c->isIdle());
            QCOMPARE(c->exec(QStringLiteral("select count(*) from tst_pool_rollback")).text(0, 0),
                     QStringLiteral("0"));
            // A failed transaction is rolled back too.
            c->exec(QStringLiteral("begin"));
            QVERIFY_THROWS_EXCEPTION(Error, c->exec(QStringLiteral("select 1/0")));
            QVERIFY(c->inFailedTransaction());
        }
        PooledConnection c = pool->acquire();
        QCOMPARE(c->backendPid(), pid);
        QVERIFY(c->isIdle());
        QCOMPARE(pool->stats().invalidated, quint64(0));
        a.exec(QStringLiteral("drop table tst_pool_rollback"));
    }

    void disposeClosesIdleAndLaterReturns() {
        const QString app = QStringLiteral("tst_pool.dispose");
        auto pool = Pool::create(poolProfile(QStringLiteral("dispose"), settings(2, 0, 5)));
        PooledConnection a = pool->acquire(), b = pool->acquire();
        const int pb = b->backendPid();
        a.release();
        pool->dispose();
        QCOMPARE(pool->stats().idle, 0);
        QCOMPARE(pool->stats().open, 1);
        b.release(); // checked out during dispose: closed on return
        QCOMPARE(pool->stats().open, 0);
        Connection c = admin();
        QVERIFY(waitForBackendCount(c, app, 0));
        PooledConnection again = pool->acquire(); // still usable
        QVERIFY(again->backendPid() != pb);
    }

    void statementObserverApplied() {
        auto pool = Pool::create(poolProfile(QStringLiteral("observer"), settings(1, 0, 5)));
        std::mutex mutex;
        QStringList seen;
        pool->setStatementObserver([&](const QString& sql, const QList<QString>&) {
            std::lock_guard lock(mutex);
            seen << sql;
        });
        {
            PooledConnection c = pool->acquire();
            c->exec(QStringLiteral("select 42"));
        }
        PooledConnection c = pool->acquire();
        c->exec(QStringLiteral("select 43"));
        QCOMPARE(seen, (QStringList{QStringLiteral("select 42"), QStringLiteral("select 43")}));
    }

    // 50 threads against size 2 + overflow 1 with a 0.5 s timeout: each request succeeds or times out;
    // nothing deadlocks, nothing leaks.
    void fiftyConcurrentRequests() {
        const QString app = QStringLiteral("tst_pool.fifty");
        auto pool = Pool::create(poolProfile(QStringLiteral("fifty"), settings(2, 1, 0.5)));
        constexpr int requests = 50;
        std::atomic<int> succeeded{0}, timedOut{0}, otherErrors{0}, finished{0}, maxSeenOut{0};
        Gate start;
        std::vector<std::thread> threads;
        for (int i = 0; i < requests; ++i)
            threads.emplace_back([&] {
                start.wait();
                try {
                    PooledConnection c = pool->acquire();
                    const int out = pool->stats().checkedOut;
                    int seen = maxSeenOut.load();
                    while (out > seen && !maxSeenOut.compare_exchange_weak(seen, out)) {
                    }
                    c->exec(QStringLiteral("select pg_sleep(0.05)"));
                    ++succeeded;
                } catch (const PoolTimeoutError&) {
                    ++timedOut;
                } catch (...) {
                    ++otherErrors;
                }
                ++finished;
            });
        Connection admin = ::admin();
        int maxBackends = 0;
        QElapsedTimer timer;
        timer.start();
        start.open();
        // Bounded: a deadlock fails here instead of hanging until the CTest timeout.
        while (finished.load() < requests && timer.elapsed() < 60000) {
            maxBackends = std::max(maxBackends, backendCount(admin, app));
            std::this_thread::sleep_for(10ms);
        }
        if (finished.load() < requests)
            qFatal("pool deadlocked: %d of %d requests finished", finished.load(), requests);
        for (auto& t : threads)
            t.join();
        qInfo("50 requests: %d succeeded, %d timed out, %lld ms", succeeded.load(), timedOut.load(),
              timer.elapsed());
        QCOMPARE(otherErrors.load(), 0);
        QCOMPARE(succeeded.load() + timedOut.load(), requests);
        QVERIFY(succeeded.load() >= 3);
        QVERIFY(maxSeenOut.load() <= 3);
        const PoolStats s = pool->stats();
        QCOMPARE(s.checkedOut, 0);
        QVERIFY(s.open <= 3);
        QCOMPARE(s.checkouts, quint64(succeeded.load()));
        QCOMPARE(s.timeouts, quint64(timedOut.load()));
        QVERIFY(s.waits >= s.timeouts);
        QVERIFY2(maxBackends <= 3, qPrintable(QString::number(maxBackends)));
        QVERIFY(backendCount(admin, app) <= 3);
        QVERIFY(waitForBackendCount(admin, app, 2));
    }

    void statsCounters() {
        auto pool = Pool::create(poolProfile(QStringLiteral("counters"), settings(1, 0, 0.5)));
        PooledConnection held = pool->acquire();
        QVERIFY_THROWS_EXCEPTION(PoolTimeoutError, pool->acquire()); // waits, then times out
        QVERIFY_THROWS_EXCEPTION(PoolTimeoutError, pool->acquire());
        std::thread returner([&held] {
            std::this_thread::sleep_for(150ms);
            held.release();
        });
        PooledConnection c = pool->acquire(); // waits, then succeeds
        returner.join();
        const PoolStats s = pool->stats();
        QCOMPARE(s.checkouts, quint64(2));
        QCOMPARE(s.waits, quint64(3));
        QCOMPARE(s.timeouts, quint64(2));
        QCOMPARE(s.recycled, quint64(0));
        QCOMPARE(s.invalidated, quint64(0));
        QCOMPARE(s.checkedOut, 1);
        QCOMPARE(s.idle, 0);
        QCOMPARE(s.open, 1);
    }
};

QTEST_GUILESS_MAIN(TestPool)
#include "tst_pool.moc"
