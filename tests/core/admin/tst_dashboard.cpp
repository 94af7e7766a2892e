// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard's samples: rates over the server's elapsed time (counters that went down count as zero),
// the cache hit ratio of the interval, a bounded history; against the real server one statement reads
// sessions by state (the dashboard's own left out, by its backend and its application_name), a lock
// waiter and its session, the commits made between two samples, and the rates equal the counters' deltas
// over the samples' server times.
#include "testcluster.h"

#include <pgdesk/core/admin/dashboard.h>
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/param.h>
#include <pgdesk/core/session/connection.h>

#include <QScopeGuard>
#include <QTest>
#include <QThread>

#include <thread>

using namespace pgdesk::core;

namespace {

DashboardSample at(qint64 ms) {
    DashboardSample s;
    s.serverMs = ms;
    return s;
}

ConnectionProfile named(const QString& application) {
    ConnectionProfile p = pgdesk::test::profile();
    p.applicationName = application;
    return p;
}

} // namespace

class TestDashboard final : public QObject {
    Q_OBJECT
private slots:
    void ratesOverTheElapsedTime() {
        DashboardSample a = at(1000);
        DashboardSample b = at(3000); // two seconds later
        a.commits = 100;
        b.commits = 110;
        a.rollbacks = 5;
        b.rollbacks = 9;
        a.tuplesInserted = 10;
        b.tuplesInserted = 30;
        b.tuplesDeleted = 4;
        a.tuplesReturned = 1000;
        b.tuplesReturned = 1600;
        a.blocksHit = 900;
        b.blocksHit = 990;
        a.blocksRead = 10;
        b.blocksRead = 20;
        a.checkpointsTimed = 1;
        b.checkpointsTimed = 1;
        b.checkpointsRequested = 1;
        a.walBytes = 1000;
        b.walBytes = 5000;
        const DashboardRates r = dashboardRates(a, b);
        QCOMPARE(r.seconds, 2.0);
        QCOMPARE(r.commits, 5.0);
        QCOMPARE(r.rollbacks, 2.0);
        QCOMPARE(r.tuplesIn, 12.0);
        QCOMPARE(r.tuplesOut, 300.0);
        QCOMPARE(r.blocksHit, 45.0);
        QCOMPARE(r.blocksRead, 5.0);
        QCOMPARE(*r.cacheHitRatio, 0.9);
        QCOMPARE(r.checkpointsPerMinute, 30.0);
        QCOMPARE(*r.walBytes, 2000.0);
        // A statistics reset: counters go down, the interval shows nothing rather than a negative rate.
        b.commits = 3;
        QCOMPARE(dashboardRates(a, b).commits, 0.0);
        QVERIFY(!dashboardRates(at(0), at(1000)).cacheHitRatio);
        QCOMPARE(dashboardRates(at(5000), at(5000)).commits, 0.0); // no time, no rate
    }

    // The statement follows the server's catalog: checkpoints in pg_stat_checkpointer from 17, pg_stat_wal
    // only from 14 (older servers chart no WAL bytes rather than fail).
    void statementByServerVersion() {
        const QString v17 = dashboardSampleSql(170002);
        QVERIFY(v17.contains(QLatin1String("pg_stat_checkpointer")) &&
                !v17.contains(QLatin1String("pg_stat_bgwriter")));
        const QString v15 = dashboardSampleSql(150010);
        QVERIFY(v15.contains(QLatin1String("pg_stat_bgwriter")) &&
                v15.contains(QLatin1String("pg_stat_wal")));
        QVERIFY(!dashboardSampleSql(130014).contains(QLatin1String("pg_stat_wal")));
        QVERIFY(!v15.contains(QLatin1String("%1")) && !v15.contains(QLatin1String("%2")));
    }

    void historyIsBounded() {
        DashboardHistory h(3);
        for (int i = 0; i < 5; ++i) {
            DashboardSample s = at(i * 1000);
            s.commits = i * 10;
            h.add(s);
        }
        QCOMPARE(h.size(), 3);
        QCOMPARE(h.samples().first().serverMs, 2000);
        QCOMPARE(h.ratesAt(1).commits, 10.0);
        QCOMPARE(h.ratesAt(0).seconds, 0.0);
        QCOMPARE(h.indexNear(3400), 1);
        QCOMPARE(DashboardHistory().indexNear(5), -1);
    }

    void lagPerStandby() {
        QList<DashboardSample> samples{at(0), at(1000), at(2000)};
        samples[0].replicas << DashboardReplica{QStringLiteral("walreceiver"), QStringLiteral("10.0.0.2"),
                                                0.5, 100};
        samples[1].replicas << DashboardReplica{QStringLiteral("walreceiver"), QStringLiteral("10.0.0.2"),
                                                1.5, 900}
                            << DashboardReplica{QStringLiteral("b"), QString(), std::nullopt, std::nullopt};
        samples[2].replicas << DashboardReplica{QStringLiteral("b"), QString(), 2.0, 0};
        const QList<ReplicaLagSeries> all = replicaLagSeries(samples, 0);
        QCOMPARE(all.size(), 2);
        QCOMPARE(all[0].name, QStringLiteral("walreceiver (10.0.0.2)"));
        QCOMPARE(all[0].seconds, (QList<std::optional<double>>{0.5, 1.5, std::nullopt}));
        QCOMPARE(all[1].name, QStringLiteral("b"));
        QCOMPARE(all[1].seconds, (QList<std::optional<double>>{std::nullopt, std::nullopt, 2.0}));
        const QList<ReplicaLagSeries> recent = replicaLagSeries(samples, 2);
        QCOMPARE(recent.size(), 1);
        QCOMPARE(recent[0].seconds, QList<std::optional<double>>{2.0});
        QVERIFY(replicaLagSeries(samples, 5).isEmpty());
    }

    void samplesFromTheServer() {
        Connection dashboard = Connection::open(named(QString::fromLatin1(kDashboardApplicationName)));
        Connection otherDashboard = Connection::open(named(QString::fromLatin1(kDashboardApplicationName)));
        Connection worker = Connection::open(named(QStringLiteral("tst_dashboard worker")));
        Connection holder = Connection::open(named(QStringLiteral("tst_dashboard holder")));
        Connection waiter = Connection::open(named(QStringLiteral("tst_dashboard waiter")));
        const QString table =
            QStringLiteral("public.tst_dashboard_%1").arg(QCoreApplication::applicationPid());
        worker.exec(QStringLiteral("create table %1 (id int primary key)").arg(table), Params{});

        const DashboardSample first = readDashboardSample(dashboard);
        for (int i = 0; i < 25; ++i)
            worker.exec(QStringLiteral("insert into %1 values ($1)").arg(table), {param(qint64(i))});
        // One session idle in a transaction holding a lock, another waiting for it.
        // SHARE, not ACCESS EXCLUSIVE: suites running beside this one read every relation's size in the
        // shared database (an ACCESS SHARE lock), which must not wait behind this test for seconds.
        holder.exec(QStringLiteral("begin; lock table %1 in share mode").arg(table));
        waiter.exec(QStringLiteral("set statement_timeout = '20s'"));
        std::thread waiting([&] {
            try {
                waiter.exec(QStringLiteral("insert into %1 values (-1)").arg(table), Params{});
            } catch (const Error&) { // the timeout, if the test failed before the rollback
            }
        });
        // Whatever the test's outcome: the lock let go, the waiting thread joined.
        const auto release = qScopeGuard([&] {
            try {
                holder.exec(QStringLiteral("rollback"));
            } catch (const Error&) {
            }
            waiting.join();
            worker.exec(QStringLiteral("drop table %1").arg(table), Params{});
        });
        // Backends report their counters when idle, at most once a second (up to ten seconds later): the
        // samples are read until the commits show, as the dashboard's next ticks would.
        DashboardSample second = readDashboardSample(dashboard);
        const auto complete = [&] {
            return second.waitingLocks > 0 && second.commits - first.commits >= 25 &&
                   second.tuplesInserted - first.tuplesInserted >= 25;
        };
        for (int i = 0; i < 150 && !complete(); ++i) {
            QThread::msleep(100);
            second = readDashboardSample(dashboard);
        }

        QVERIFY(second.serverMs > first.serverMs);
        QVERIFY2(second.commits - first.commits >= 25,
                 qPrintable(QString::number(second.commits - first.commits)));
        QVERIFY(second.tuplesInserted - first.tuplesInserted >= 25);
        const DashboardRates r = dashboardRates(first, second);
        const double seconds = (second.serverMs - first.serverMs) / 1000.0;
        QCOMPARE(r.seconds, seconds);
        QCOMPARE(r.commits, double(second.commits - first.commits) / seconds);
        QVERIFY(second.idleInTransaction >= 1);
        QVERIFY(second.active >= 1); // the waiter
        QVERIFY(second.waitingLocks >= 1);
        QVERIFY(second.longestTransactionSeconds > 0); // the holder's, at least
        bool sawWaiter = false;
        for (const DashboardSession& s : second.sessions) {
            QVERIFY2(s.pid != dashboard.backendPid() && s.pid != otherDashboard.backendPid(),
                     "own session shown");
            sawWaiter |= s.pid == waiter.backendPid() && s.wait == QLatin1String("Lock") &&
                         s.query.contains(QLatin1String("values (-1)"));
        }
        QVERIFY(sawWaiter);
        QVERIFY(second.walBytes.has_value());
        QCOMPARE(second.backendPid, dashboard.backendPid());
    }
};

QTEST_GUILESS_MAIN(TestDashboard)
#include "tst_dashboard.moc"
