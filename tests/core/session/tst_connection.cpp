// SPDX-License-Identifier: GPL-3.0-or-later
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/connection.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTest>

#include <thread>

using namespace pgdesk::core;
using pgdesk::test::cluster;

class TestConnection final : public QObject {
    Q_OBJECT
private slots:
    // exec() of several statements hands each result over as it arrives, in order, the same results it
    // returns; nothing after a failed statement.
    void pipelinedResultsArriveInOrder() {
        auto c = Connection::open(pgdesk::test::profile());
        QList<qsizetype> seen;
        QList<Result> handed;
        const auto arrived = [&](qsizetype index, const Result& r) {
            seen << index;
            handed << r;
        };
        const QList<Result> results =
            c.exec({{QStringLiteral("select 1"), {}},
                    {QStringLiteral("select $1::text"), {param(QStringLiteral("two"))}},
                    {QStringLiteral("select 3, 4"), {}}},
                   {}, arrived);
        QCOMPARE(seen, (QList<qsizetype>{0, 1, 2}));
        QCOMPARE(results.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(handed[i].text(0, 0), results[i].text(0, 0));
        QCOMPARE(handed[1].text(0, 0), QStringLiteral("two"));

        seen.clear();
        QVERIFY_THROWS_EXCEPTION(QueryError, c.exec({{QStringLiteral("select 1"), {}},
                                                     {QStringLiteral("select 1/0"), {}},
                                                     {QStringLiteral("select 3"), {}}},
                                                    {}, arrived));
        QCOMPARE(seen, (QList<qsizetype>{0}));
        QCOMPARE(c.exec(QStringLiteral("select 5")).text(0, 0), QStringLiteral("5")); // usable after
        // The test cluster is reached through its Unix socket: the host is the socket's folder.
        QCOMPARE(c.serverHost(), cluster().host);
    }

    void selectOne() {
        auto c = Connection::open(pgdesk::test::profile());
        QVERIFY(c.isOpen());
        QVERIFY(c.isIdle());
        const Result r = c.exec(QStringLiteral("select 1 as one"));
        QCOMPARE(r.rowCount(), 1);
        QCOMPARE(r.columnName(0), QStringLiteral("one"));
        QCOMPARE(r.text(0, 0), QStringLiteral("1"));
        QVERIFY(c.serverVersion() >= 150000);
        QVERIFY(c.serverVersionString().startsWith(QStringLiteral("15")));
    }

    // Values keep PostgreSQL's exact text: no double, no millisecond clock in between.
    void exactText() {
        auto c = Connection::open(pgdesk::test::profile());
        c.exec(QStringLiteral("set timezone = 'UTC'"));
        const Result r =
            c.exec(QStringLiteral("select $1::numeric * 1, $2::int8 + 0, $3::timestamptz, $4::text, "
                                  "$5::text is null, $6::text = ''"),
                   {param("12345678901234567890.123456789"), param("9223372036854775807"),
                    param("2026-03-14 15:09:26.535897+00"), param("grüß 🐘 سلام"), nullParam(), param("")});
        QCOMPARE(r.text(0, 0), QStringLiteral("12345678901234567890.123456789"));
        QCOMPARE(r.text(0, 1), QStringLiteral("9223372036854775807"));
        QCOMPARE(r.text(0, 2), QStringLiteral("2026-03-14 15:09:26.535897+00"));
        QCOMPARE(r.text(0, 3), QStringLiteral("grüß 🐘 سلام"));
        QCOMPARE(r.text(0, 4), QStringLiteral("t"));
        QCOMPARE(r.text(0, 5), QStringLiteral("t"));
    }

    void nullVersusEmpty() {
        auto c = Connection::open(pgdesk::test::profile());
        const Result r = c.exec(QStringLiteral("select null::text, ''::text"));
        QVERIFY(r.isNull(0, 0));
        QVERIFY(!r.isNull(0, 1));
        QCOMPARE(r.bytes(0, 1), QByteArray(""));
    }

    void moveOnly() {
        static_assert(!std::is_copy_constructible_v<Connection>);
        auto a = Connection::open(pgdesk::test::profile());
        const int pid = a.backendPid();
        Connection b = std::move(a);
        QVERIFY(!a.isOpen());
        QCOMPARE(b.backendPid(), pid);
        QVERIFY_THROWS_EXCEPTION(ConnectionError, a.exec(QStringLiteral("select 1")));
    }

    void quoteIdentifier() {
        auto c = Connection::open(pgdesk::test::profile());
        QCOMPARE(c.quoteIdentifier(QStringLiteral("we\"ird")), QStringLiteral("\"we\"\"ird\""));
    }

    void cancelFromAnotherThread() {
        auto c = Connection::open(pgdesk::test::profile());
        const CancelHandle handle = c.cancelHandle();
        std::thread canceller([handle] {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            QVERIFY(handle.cancel());
        });
        QElapsedTimer timer;
        timer.start();
        QVERIFY_THROWS_EXCEPTION(QueryCanceled, c.exec(QStringLiteral("select pg_sleep(30)")));
        canceller.join();
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(c.exec(QStringLiteral("select 2")).text(0, 0), QStringLiteral("2")); // still usable
    }

    void wrongPasswordIsAuthenticationError() {
        auto p = pgdesk::test::profile(QStringLiteral("postgres"));
        p.host = QStringLiteral("127.0.0.1");
        p.user = cluster().authUser;
        QVERIFY_THROWS_EXCEPTION(AuthenticationError, Connection::open(p, QStringLiteral("wrong")));
        auto ok = Connection::open(p, cluster().authPassword);
        QCOMPARE(ok.exec(QStringLiteral("select current_user")).text(0, 0), cluster().authUser);
    }

    void unreachableServerIsConnectionError() {
        auto p = pgdesk::test::profile();
        p.host = QStringLiteral("/nonexistent-socket-dir");
        try {
            Connection::open(p);
            QFAIL("connected to nothing");
        } catch (const AuthenticationError&) {
            QFAIL("not an authentication problem");
        } catch (const ConnectionError& e) {
            QVERIFY(e.message().contains(QStringLiteral("nonexistent-socket-dir")));
        }
    }

    // A session ended while idle says why (the FATAL it sent before closing), not only that the server
    // closed the connection: idle, and idle inside a transaction, through each way of sending.
    void lostConnectionIsConnectionError_data() {
        QTest::addColumn<bool>("inTransaction");
        QTest::addColumn<int>("how");
        for (int how = 0; how < 3; ++how) {
            QTest::addRow("idle, way %d", how) << false << how;
            QTest::addRow("in transaction, way %d", how) << true << how;
        }
    }
    void lostConnectionIsConnectionError() {
        QFETCH(bool, inTransaction);
        QFETCH(int, how);
        auto victim = Connection::open(pgdesk::test::profile());
        auto killer = Connection::open(pgdesk::test::profile());
        if (inTransaction)
            victim.exec(QStringLiteral("begin"));
        // With a timeout, pg_terminate_backend waits until the session is gone, FATAL sent.
        QCOMPARE(
            killer
                .exec(QStringLiteral("select pg_terminate_backend($1, 10000)"), {param(victim.backendPid())})
                .text(0, 0),
            QStringLiteral("t"));
        const QString sql = QStringLiteral("select 1");
        try {
            if (how == 0) {
                victim.exec(sql);
            } else if (how == 1) {
                victim.exec(sql, {});
            } else {
                SentStatement sent = victim.send(sql);
                Q_UNUSED(sent);
            }
            QFAIL("the statement ran on a terminated session");
        } catch (const ConnectionError& e) {
            QCOMPARE(e.sqlState(), QStringLiteral("57P01"));
            QCOMPARE(e.message(), QStringLiteral("terminating connection due to administrator command"));
            QCOMPARE(e.statement(), sql);
        }
        QVERIFY(!victim.isOpen());
        QVERIFY(!victim.ping());
    }

    // A profile's lock_timeout ends a statement that waits on another session's lock with 55P03, instead of
    // waiting for as long as that session keeps its transaction open.
    void lockTimeoutEndsALockWait() {
        const QString table =
            QStringLiteral("tst_connection_lock_%1").arg(QCoreApplication::applicationPid());
        pgdesk::test::psql(QStringLiteral("drop table if exists %1; create table %1 (i int)").arg(table));
        auto holder = Connection::open(pgdesk::test::profile());
        holder.exec(QStringLiteral("begin"));
        holder.exec(QStringLiteral("lock table %1 in access exclusive mode").arg(table));

        auto p = pgdesk::test::profile();
        p.lockTimeoutMs = 300;
        auto c = Connection::open(p);
        QCOMPARE(c.exec(QStringLiteral("show lock_timeout")).text(0, 0), QStringLiteral("300ms"));
        QElapsedTimer timer;
        timer.start();
        QString state;
        try {
            c.exec(QStringLiteral("select count(*) from %1").arg(table));
        } catch (const QueryError& e) {
            state = e.sqlState();
        }
        QCOMPARE(state, QStringLiteral("55P03"));
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        holder.exec(QStringLiteral("rollback"));
        pgdesk::test::psql(QStringLiteral("drop table %1").arg(table));
    }

    void statementObserverHidesParameters() {
        auto p = pgdesk::test::profile();
        p.hideParameters = true;
        auto c = Connection::open(p);
        QStringList seen;
        c.setStatementObserver([&seen](const QString& sql, const QList<QString>& params) {
            seen << sql + QStringLiteral(" | ") + params.join(QLatin1Char(','));
        });
        c.exec(QStringLiteral("select $1::text"), {param("s3cret-value")});
        QCOMPARE(seen.size(), 1);
        QVERIFY(!seen.first().contains(QStringLiteral("s3cret-value")));
        QVERIFY(seen.first().contains(QStringLiteral("<hidden>")));
    }
};

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
