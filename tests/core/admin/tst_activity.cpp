// SPDX-License-Identifier: GPL-3.0-or-later
#include "blockedstatement.h"
#include "testcluster.h"

#include <pgdesk/core/admin/activityreader.h>
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/connection.h>

#include <QElapsedTimer>
#include <QTest>

#include <chrono>
#include <functional>
#include <optional>

using namespace pgdesk::core;
using pgdesk::test::cluster;

namespace {

std::optional<BackendActivity> find(const QList<BackendActivity>& sessions, int pid) {
    for (const BackendActivity& s : sessions)
        if (s.pid == pid)
            return s;
    return std::nullopt;
}

} // namespace

class TestActivity final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        auto c = Connection::open(pgdesk::test::profile(QStringLiteral("postgres")));
        c.exec(QStringLiteral("set client_min_messages = warning; drop table if exists activity_lock; "
                              "create table activity_lock(id int primary key, v int); "
                              "insert into activity_lock values (1, 0)"));
    }

    // Two real sessions: the holder keeps a row lock in an open transaction, the waiter's UPDATE of the
    // same row blocks on it. The reader sees who blocks whom; Cancel ends the waiter's statement with
    // 57014, Terminate ends the holder's session.
    void blockedSessionCancelAndTerminate() {
        auto holder = Connection::open(pgdesk::test::profile(QStringLiteral("postgres")));
        auto waiter = Connection::open(pgdesk::test::profile(QStringLiteral("postgres")));
        auto reading = Connection::open(pgdesk::test::profile(QStringLiteral("postgres")));
        const int holderPid = holder.backendPid();
        const int waiterPid = waiter.backendPid();
        holder.exec(QStringLiteral("begin; update activity_lock set v = v + 1 where id = 1"));

        pgdesk::test::BlockedStatement blockedUpdate(
            waiter, QStringLiteral("update activity_lock set v = v + 10 where id = 1"));

        ActivityReader reader(reading);
        std::optional<BackendActivity> blocked;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 10000) {
            blocked = find(reader.sessions(), waiterPid);
            if (blocked && blocked->isBlocked())
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1100)); // a whole second of transaction age
        const QList<BackendActivity> sessions = reader.sessions();
        QVERIFY(!find(sessions, reading.backendPid())); // the reader leaves itself out
        blocked = find(sessions, waiterPid);
        QVERIFY(blocked);
        QCOMPARE(blocked->blockedBy, QList<int>{holderPid});
        QCOMPARE(blocked->state, QStringLiteral("active"));
        QCOMPARE(blocked->waitEventType, QStringLiteral("Lock"));
        QCOMPARE(blocked->waitingLockMode, QStringLiteral("ShareLock")); // on the holder's transaction id
        QCOMPARE(blocked->waitingLockType, QStringLiteral("transactionid"));
        QVERIFY(blocked->query.contains(QStringLiteral("v + 10")));
        QCOMPARE(blocked->database, QStringLiteral("postgres"));
        QCOMPARE(blocked->backendType, QStringLiteral("client backend"));
        QVERIFY(!blocked->queryStart.isEmpty());
        QVERIFY(blocked->querySeconds >= 1);
        QVERIFY(!blocked->blocksOthers);

        const auto held = find(sessions, holderPid);
        QVERIFY(held);
        QCOMPARE(held->state, QStringLiteral("idle in transaction"));
        QVERIFY(held->isIdleInTransaction());
        QVERIFY(held->blocksOthers);
        QVERIFY(held->blockedBy.isEmpty());
        QVERIFY2(held->transactionSeconds >= 1, qPrintable(QString::number(held->transactionSeconds)));
        QVERIFY(held->stateSeconds >= 0);
        QVERIFY(!held->transactionStart.isEmpty());
        // PostgreSQL's own text: the same as the server prints for the column.
        QCOMPARE(held->transactionStart,
                 reading
                     .exec(QStringLiteral("select xact_start from pg_stat_activity where pid = $1::int"),
                           {param(static_cast<long long>(holderPid))})
                     .text(0, 0));
        QVERIFY(describeBlocker(asBlocker(*held)).startsWith(QStringLiteral("PID %1").arg(holderPid)));

        QList<int> involved;
        for (const BackendActivity& s : lockInvolved(sessions))
            involved << s.pid;
        QVERIFY(involved.contains(holderPid));
        QVERIFY(involved.contains(waiterPid));
        QVERIFY(!involved.contains(reading.backendPid()));

        QVERIFY(reader.cancelBackend(waiterPid));
        QCOMPARE(blockedUpdate.canceledState(), QStringLiteral("57014"));
        QCOMPARE(waiter.exec(QStringLiteral("select 1")).text(0, 0), QStringLiteral("1")); // session lives

        QVERIFY(reader.terminateBackend(holderPid));
        timer.restart();
        while (find(reader.sessions(), holderPid) && timer.elapsed() < 10000)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        QVERIFY(!find(reader.sessions(), holderPid));
        QVERIFY_THROWS_EXCEPTION(ConnectionError, holder.exec(QStringLiteral("select 1")));
        // The holder's update was rolled back with its session.
        QCOMPARE(reading.exec(QStringLiteral("select v from activity_lock where id = 1")).text(0, 0),
                 QStringLiteral("0"));
    }

    // Pure: the tree of who blocks whom, a waiter under each of its blockers, a cycle kept finite.
    void blockingTreeShape() {
        auto session = [](int pid, QList<int> blockedBy, const char* mode = "") {
            BackendActivity s;
            s.pid = pid;
            s.blockedBy = std::move(blockedBy);
            s.waitingLockMode = QString::fromLatin1(mode);
            return s;
        };
        QList<BackendActivity> sessions{session(1, {}),
                                        session(2, {1}, "ShareLock"),
                                        session(3, {2}, "RowExclusiveLock"),
                                        session(4, {}),
                                        session(5, {1, 6}, "AccessShareLock"),
                                        session(6, {}),
                                        session(7, {8}, "ShareLock"),
                                        session(8, {7}, "ShareLock")};
        for (BackendActivity& s : sessions)
            for (const BackendActivity& other : sessions)
                if (other.blockedBy.contains(s.pid))
                    s.blocksOthers = true;
        std::function<QString(const BlockingNode&)> text = [&text](const BlockingNode& n) {
            QString out = QString::number(n.pid);
            if (!n.lockMode.isEmpty())
                out += QLatin1Char(':') + n.lockMode;
            if (!n.waiters.isEmpty()) {
                QStringList children;
                for (const BlockingNode& w : n.waiters)
                    children << text(w);
                out += QLatin1Char('(') + children.join(QLatin1Char(' ')) + QLatin1Char(')');
            }
            return out;
        };
        QStringList roots;
        for (const BlockingNode& n : blockingTree(sessions))
            roots << text(n);
        QCOMPARE(roots, (QStringList{QStringLiteral("1(2:ShareLock(3:RowExclusiveLock) 5:AccessShareLock)"),
                                     QStringLiteral("6(5:AccessShareLock)"),
                                     QStringLiteral("7:ShareLock(8:ShareLock)")}));
        QCOMPARE(lockInvolved(sessions).size(), 7); // 4 neither waits nor blocks
    }

    void noSuchProcessIsFalse() {
        auto c = Connection::open(pgdesk::test::profile(QStringLiteral("postgres")));
        c.exec(QStringLiteral("set client_min_messages = error"));
        ActivityReader reader(c);
        QVERIFY(!reader.cancelBackend(1)); // init: no PostgreSQL server process
        QVERIFY(!reader.terminateBackend(1));
        QVERIFY(!reader.throughPooler());
    }

    // A role without pg_signal_backend may not signal a superuser's backend: PermissionDenied (42501).
    void signallingASuperuserIsPermissionDenied() {
        auto su = Connection::open(pgdesk::test::profile(QStringLiteral("postgres")));
        auto p = pgdesk::test::profile(QStringLiteral("postgres"));
        p.host = QStringLiteral("127.0.0.1");
        p.user = cluster().authUser;
        auto plain = Connection::open(p, cluster().authPassword);
        ActivityReader reader(plain);
        try {
            reader.terminateBackend(su.backendPid());
            QFAIL("terminating a superuser's backend succeeded");
        } catch (const PermissionDenied& e) {
            QCOMPARE(e.sqlState(), QStringLiteral("42501"));
        }
        QVERIFY_THROWS_EXCEPTION(PermissionDenied, reader.cancelBackend(su.backendPid()));
        QVERIFY(su.ping());
    }
};

QTEST_GUILESS_MAIN(TestActivity)
#include "tst_activity.moc"
