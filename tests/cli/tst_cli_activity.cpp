// SPDX-License-Identifier: GPL-3.0-or-later
#include "blockedstatement.h"
#include "clirunner.h"

#include <pgdesk/core/admin/activityreader.h>
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/connection.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

#include <chrono>

using namespace pgdesk::test;
using pgdesk::core::Connection;

namespace {

QJsonObject sessionOf(const QJsonArray& sessions, int pid) {
    for (const auto& v : sessions)
        if (v.toObject()[QStringLiteral("pid")].toInt() == pid)
            return v.toObject();
    return {};
}

QStringList withDsn(const QStringList& args) {
    return QStringList{QStringLiteral("--dsn"), conninfo(QStringLiteral("postgres"))} + args;
}

} // namespace

class TestCliActivity final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        psql(QStringLiteral("set client_min_messages = warning; drop table if exists cli_activity_lock; "
                            "create table cli_activity_lock(id int primary key, v int); "
                            "insert into cli_activity_lock values (1, 0)"),
             QStringLiteral("postgres"));
    }

    // A holder in an open transaction and a waiter blocked on its row lock: activity --blocking lists the
    // two of them (and no bystander), cancel ends the waiter's statement (57014), terminate the holder.
    void blockingCancelTerminate() {
        auto holder = Connection::open(profile(QStringLiteral("postgres")));
        auto waiter = Connection::open(profile(QStringLiteral("postgres")));
        auto bystander = Connection::open(profile(QStringLiteral("postgres")));
        auto reading = Connection::open(profile(QStringLiteral("postgres")));
        const int holderPid = holder.backendPid();
        const int waiterPid = waiter.backendPid();
        holder.exec(QStringLiteral("begin; update cli_activity_lock set v = 1 where id = 1"));
        pgdesk::test::BlockedStatement blockedUpdate(
            waiter, QStringLiteral("update cli_activity_lock set v = 2 where id = 1"));
        pgdesk::core::ActivityReader reader(reading);
        QElapsedTimer timer;
        timer.start();
        auto waiting = [&] {
            for (const auto& s : reader.sessions())
                if (s.pid == waiterPid && s.isBlocked())
                    return true;
            return false;
        };
        while (!waiting() && timer.elapsed() < 10000)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));

        const auto json = runCli(withDsn({QStringLiteral("activity"), QStringLiteral("--blocking"),
                                          QStringLiteral("--format"), QStringLiteral("json")}));
        QCOMPARE(json.exitCode, 0);
        const QJsonArray sessions = parseObject(json)[QStringLiteral("sessions")].toArray();
        const QJsonObject blocked = sessionOf(sessions, waiterPid);
        QVERIFY2(!blocked.isEmpty(), qPrintable(json.out));
        QCOMPARE(blocked[QStringLiteral("blocked_by")].toArray(), QJsonArray{holderPid});
        QCOMPARE(blocked[QStringLiteral("lock_mode")].toString(), QStringLiteral("ShareLock"));
        QCOMPARE(blocked[QStringLiteral("state")].toString(), QStringLiteral("active"));
        QVERIFY(blocked[QStringLiteral("query")].toString().contains(QStringLiteral("v = 2")));
        const QJsonObject held = sessionOf(sessions, holderPid);
        QCOMPARE(held[QStringLiteral("state")].toString(), QStringLiteral("idle in transaction"));
        QVERIFY(held[QStringLiteral("blocks_others")].toBool());
        QVERIFY(held[QStringLiteral("xact_seconds")].toInteger() >= 0);
        QVERIFY(!held[QStringLiteral("xact_start")].toString().isEmpty());
        QVERIFY(held[QStringLiteral("blocked_by")].toArray().isEmpty());
        QVERIFY2(sessionOf(sessions, bystander.backendPid()).isEmpty(), qPrintable(json.out));

        // Without --blocking the bystander is listed too; the table names the blocker and the lock mode.
        const auto all =
            runCli(withDsn({QStringLiteral("activity"), QStringLiteral("--format"), QStringLiteral("json")}));
        QCOMPARE(all.exitCode, 0);
        QVERIFY(!sessionOf(parseObject(all)[QStringLiteral("sessions")].toArray(), bystander.backendPid())
                     .isEmpty());
        const auto table = runCli(withDsn({QStringLiteral("activity"), QStringLiteral("--blocking")}));
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.contains(QStringLiteral("blocked by")), qPrintable(table.out));
        QVERIFY2(table.out.contains(QStringLiteral("ShareLock")), qPrintable(table.out));
        QVERIFY2(table.out.contains(QStringLiteral("idle in transaction")), qPrintable(table.out));

        const auto cancel = runCli(withDsn({QStringLiteral("cancel"), QString::number(waiterPid)}));
        QVERIFY2(cancel.exitCode == 0, qPrintable(cancel.err));
        QCOMPARE(blockedUpdate.canceledState(), QStringLiteral("57014"));

        const auto terminate = runCli(withDsn({QStringLiteral("terminate"), QString::number(holderPid)}));
        QVERIFY2(terminate.exitCode == 0, qPrintable(terminate.err));
        QVERIFY_THROWS_EXCEPTION(pgdesk::core::ConnectionError, holder.exec(QStringLiteral("select 1")));
    }

    void exitCodes() {
        const auto none = runCli(withDsn({QStringLiteral("cancel"), QStringLiteral("1")}));
        QVERIFY2(none.exitCode == 6, qPrintable(none.err));
        QVERIFY2(none.err.contains(QStringLiteral("not a PostgreSQL server process")), qPrintable(none.err));
        QCOMPARE(runCli(withDsn({QStringLiteral("terminate"), QStringLiteral("1")})).exitCode, 6);
        QCOMPARE(runCli(withDsn({QStringLiteral("cancel"), QStringLiteral("abc")})).exitCode, 2);
        QCOMPARE(runCli(withDsn({QStringLiteral("terminate")})).exitCode, 2);
        QCOMPARE(runCli(withDsn({QStringLiteral("activity"), QStringLiteral("--nope")})).exitCode, 2);
        QCOMPARE(
            runCli(withDsn({QStringLiteral("activity"), QStringLiteral("--format"), QStringLiteral("csv")}))
                .exitCode,
            2);

        // A role without pg_signal_backend may not end a superuser's session: 42501, exit 4.
        auto su = Connection::open(profile(QStringLiteral("postgres")));
        const QString dsn = QStringLiteral("host=127.0.0.1 port=%1 dbname=postgres user=%2 password=%3")
                                .arg(cluster().port)
                                .arg(cluster().authUser, cluster().authPassword);
        const auto denied = runCli(
            {QStringLiteral("--dsn"), dsn, QStringLiteral("terminate"), QString::number(su.backendPid())});
        QVERIFY2(denied.exitCode == 4, qPrintable(denied.err));
        QVERIFY2(denied.err.contains(QStringLiteral("42501")), qPrintable(denied.err));
        QVERIFY(su.ping());
    }
};

QTEST_GUILESS_MAIN(TestCliActivity)
#include "tst_cli_activity.moc"
