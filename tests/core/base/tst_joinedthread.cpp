// SPDX-License-Identifier: GPL-3.0-or-later
// The one way core starts a thread (base/joinedthread.h): what escapes the function is thrown by join() on
// the waiting thread, the destructor joins, a moved thread is still the same one, and a thread let go ends
// on its own and frees what it held (the ASan run reports a leak otherwise).
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/joinedthread.h>

#include <QTest>

#include <atomic>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

using pgdesk::core::JoinedThread;

class TestJoinedThread final : public QObject {
    Q_OBJECT

private slots:
    void joinThrowsWhatEscapedTheFunction() {
        JoinedThread t(
            [] { pgdesk::core::throwError(pgdesk::core::ErrorKind::QueryCanceled, QStringLiteral("stop")); });
        QVERIFY(t.running());
        try {
            t.join();
            QFAIL("join() did not throw");
        } catch (const pgdesk::core::Error& e) {
            QCOMPARE(e.kind(), pgdesk::core::ErrorKind::QueryCanceled);
        }
        QVERIFY(!t.running());
        t.join(); // once: nothing left to wait for or throw
    }

    void destructorJoinsAndDropsTheFailure() {
        std::atomic<bool> ended{false};
        {
            JoinedThread t([&] {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
                ended = true;
                throw std::runtime_error("nobody asked");
            });
        }
        QVERIFY(ended.load());
    }

    void movedThreadsAreJoinedOnce() {
        std::atomic<int> runs{0};
        std::vector<JoinedThread> threads;
        for (int i = 0; i < 8; ++i) // the vector moves them as it grows, while they run
            threads.emplace_back([&] {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                ++runs;
            });
        JoinedThread moved = std::move(threads.front());
        QVERIFY(!threads.front().running());
        moved.join();
        for (JoinedThread& t : threads)
            t.join();
        QCOMPARE(runs.load(), 8);
        moved = JoinedThread([&] { ++runs; }); // assigning over a joined one
        moved = JoinedThread([&] { ++runs; }); // over a running one: joined first
        moved.join();
        QCOMPARE(runs.load(), 10);
    }

    void aThreadLetGoEndsOnItsOwn() {
        auto alive = std::make_shared<std::atomic<bool>>(true);
        std::weak_ptr<std::atomic<bool>> watch = alive;
        {
            JoinedThread t([alive = std::move(alive)] {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
                *alive = false;
            });
            std::move(t).letGo();
            QVERIFY(!t.running());
        } // returns at once: the thread still runs
        QVERIFY(!watch.expired());
        QTRY_VERIFY_WITH_TIMEOUT(watch.expired(),
                                 5000); // its function, and so its captures, freed at its end
    }
};

QTEST_GUILESS_MAIN(TestJoinedThread)
#include "tst_joinedthread.moc"
