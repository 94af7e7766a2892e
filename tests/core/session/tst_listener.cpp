// SPDX-License-Identifier: GPL-3.0-or-later
// LISTEN/NOTIFY against the real server: notifications on hostile channel names arrive with their payload
// and sender; the wait returns at its timeout or stop flag; a killed listener connection is an error; a
// transaction-mode pooler is refused with the reason; the production guard refuses NOTIFY until unlocked.
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/listener.h>
#include <pgdesk/core/session/writeguard.h>

#include <QElapsedTimer>
#include <QTest>

#include <thread>

using namespace pgdesk::core;
using namespace std::chrono_literals;

class TestListener final : public QObject {
    Q_OBJECT

private slots:
    void notificationsArriveWithPayloadAndSender() {
        Listener listener(pgdesk::test::profile());
        const QString hostile = QStringLiteral("jobs \"q\"\n*/ $$ ✓");
        listener.listen(hostile);
        listener.listen(QStringLiteral("Other"));
        listener.listen(QStringLiteral("Other")); // twice is once
        QCOMPARE(listener.channels(), (QStringList{hostile, "Other"}));
        Connection sender = Connection::open(pgdesk::test::profile());
        const QString payload = QStringLiteral("שלום, 'quoted' \\ 100%_");
        sendNotification(sender, hostile, payload, {});
        sendNotification(sender, QStringLiteral("other"), QStringLiteral("not listened: case counts"), {});
        sendNotification(sender, QStringLiteral("Other"), QString(), {});
        QList<Notification> got;
        QElapsedTimer timer;
        timer.start();
        while (got.size() < 2 && timer.elapsed() < 5000)
            got += listener.wait(1s);
        QCOMPARE(got.size(), 2);
        QCOMPARE(got[0].channel, hostile);
        QCOMPARE(got[0].payload, payload);
        QCOMPARE(got[0].senderPid, sender.backendPid());
        QVERIFY(got[0].received.isValid());
        QCOMPARE(got[1].channel, QStringLiteral("Other"));
        QCOMPARE(got[1].payload, QString());

        listener.unlisten(hostile);
        sendNotification(sender, hostile, QStringLiteral("after unlisten"), {});
        QVERIFY(listener.wait(300ms).isEmpty());
    }

    void waitEndsAtTimeoutOrStop() {
        Listener listener(pgdesk::test::profile());
        listener.listen(QStringLiteral("quiet"));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(listener.wait(250ms).isEmpty());
        QVERIFY2(timer.elapsed() >= 200, qPrintable(QString::number(timer.elapsed())));
        std::atomic<bool> stop{false};
        std::thread stopper([&] {
            std::this_thread::sleep_for(200ms);
            stop = true;
        });
        timer.restart();
        QVERIFY(listener.wait(30s, &stop).isEmpty());
        stopper.join();
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }

    void aKilledListenerFails() {
        Listener listener(pgdesk::test::profile());
        listener.listen(QStringLiteral("doomed"));
        pgdesk::test::psql(
            QStringLiteral("select pg_terminate_backend(%1)").arg(listener.connection().backendPid()));
        QVERIFY_THROWS_EXCEPTION(ConnectionError, {
            for (int i = 0; i < 50; ++i)
                listener.wait(100ms);
        });
    }

    void aTransactionPoolerIsRefused() {
        ConnectionProfile p = pgdesk::test::profile();
        p.pooler = PoolerMode::Transaction;
        try {
            Listener listener(p);
            QFAIL("expected a refusal");
        } catch (const ConfigurationError& e) {
            QCOMPARE(e.info().field, QStringLiteral("pooler"));
            QVERIFY(QString::fromUtf8(e.what()).contains(QStringLiteral("pooler")));
        }
    }

    void productionRefusesNotifyUntilUnlocked() {
        ConnectionProfile p = pgdesk::test::profile();
        p.environment = Environment::Production;
        Connection guarded = Connection::open(p);
        Listener listener(pgdesk::test::profile());
        listener.listen(QStringLiteral("prod"));
        try {
            sendNotification(guarded, QStringLiteral("prod"), QStringLiteral("x"), {});
            QFAIL("expected the guard's refusal");
        } catch (const ConfigurationError& e) {
            QCOMPARE(e.info().field, QLatin1String(kWriteGuardField));
        }
        QVERIFY(listener.wait(300ms).isEmpty());
        sendNotification(guarded, QStringLiteral("prod"), QStringLiteral("unlocked"), WriteUnlock::create());
        QList<Notification> got;
        for (int i = 0; i < 20 && got.isEmpty(); ++i)
            got = listener.wait(250ms);
        QCOMPARE(got.size(), 1);
        QCOMPARE(got[0].payload, QStringLiteral("unlocked"));
        // The session is read-only again after the one statement.
        QCOMPARE(guarded.exec(QStringLiteral("show default_transaction_read_only"), Params{}).text(0, 0),
                 QStringLiteral("on"));
    }
};

QTEST_GUILESS_MAIN(TestListener)
#include "tst_listener.moc"
