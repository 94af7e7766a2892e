// SPDX-License-Identifier: GPL-3.0-or-later
// core::ChangeFeed on a real cluster: every committed change of a pgbench run, in order, checked against
// the tables (count and sums); exact values (NULL against empty, Unicode and right-to-left text, % _ \,
// unchanged TOAST, replica identity FULL) under a hostile table name; the slot gone with the session; the
// production guard; wal_level = replica explained.
#include "privatecluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/server/changefeed.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>
#include <pgdesk/core/session/writeguard.h>

#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QThread>

#include <memory>

using namespace pgdesk;
using namespace pgdesk::test;

class TestChangeFeed final : public QObject {
    Q_OBJECT

    std::unique_ptr<PrivateCluster> m_cluster;

    core::Connection open() { return core::Connection::open(m_cluster->profile()); }

    // Polls until `enough` says so or 30 s pass; returns everything read.
    QList<core::RowChange> readUntil(core::ChangeFeed& feed,
                                     const std::function<bool(const QList<core::RowChange>&)>& enough) {
        QList<core::RowChange> all;
        QElapsedTimer timer;
        timer.start();
        while (!enough(all) && timer.elapsed() < 30000) {
            const auto batch = feed.poll(1000);
            all += batch;
            if (batch.isEmpty())
                QThread::msleep(50);
        }
        return all;
    }

    QString value(const QString& sql) { return m_cluster->psql(sql); }

private slots:
    void initTestCase() {
        m_cluster = std::make_unique<PrivateCluster>();
        QVERIFY2(m_cluster->isStarted(), qPrintable(m_cluster->error()));
    }

    void pgbenchRunArrivesWholeAndInOrder() {
        QProcess init;
        init.start(m_cluster->pgbin() + QStringLiteral("/pgbench"),
                   {QStringLiteral("-i"), QStringLiteral("-q"), QStringLiteral("-s"), QStringLiteral("1"),
                    QStringLiteral("-h"), m_cluster->dir(), QStringLiteral("-p"),
                    QString::number(m_cluster->port()), QStringLiteral("-U"), QStringLiteral("postgres"),
                    QStringLiteral("postgres")});
        QVERIFY(init.waitForFinished(120000));
        QVERIFY2(init.exitCode() == 0, init.readAllStandardError().constData());

        auto connection = open();
        core::ChangeFeed feed(connection, {{QStringLiteral("public"), QStringLiteral("pgbench_history")},
                                           {QStringLiteral("public"), QStringLiteral("pgbench_accounts")}});
        feed.start();
        QVERIFY(feed.isRunning());
        QCOMPARE(value(QStringLiteral("SELECT temporary FROM pg_replication_slots WHERE slot_name = '%1'")
                           .arg(feed.slotName())),
                 QStringLiteral("t"));

        // Four clients, 250 TPC-B transactions each: one history insert and one account update apiece.
        QProcess bench;
        bench.start(m_cluster->pgbin() + QStringLiteral("/pgbench"),
                    {QStringLiteral("-n"), QStringLiteral("-c"), QStringLiteral("4"), QStringLiteral("-t"),
                     QStringLiteral("250"), QStringLiteral("-h"), m_cluster->dir(), QStringLiteral("-p"),
                     QString::number(m_cluster->port()), QStringLiteral("-U"), QStringLiteral("postgres"),
                     QStringLiteral("postgres")});
        QVERIFY(bench.waitForFinished(120000));
        QVERIFY2(bench.exitCode() == 0, bench.readAllStandardError().constData());

        const auto changes =
            readUntil(feed, [](const QList<core::RowChange>& all) { return all.size() >= 2000; });
        QCOMPARE(changes.size(), 2000);
        qint64 historyRows = 0, deltaSum = 0;
        QHash<QString, QString> lastBalance; // aid -> abalance after its last update
        QString previousLsn;
        quint32 previousXid = 0;
        QString previousCommit;
        QSet<quint32> xids;
        for (const core::RowChange& c : changes) {
            QVERIFY(c.commitTime >= previousCommit); // commit order
            if (c.xid != previousXid)
                QVERIFY2(!xids.contains(c.xid), "a transaction's changes were split");
            xids.insert(c.xid);
            previousXid = c.xid;
            previousCommit = c.commitTime;
            if (c.table == QLatin1String("pgbench_history")) {
                QCOMPARE(c.kind, core::RowChange::Kind::Insert);
                ++historyRows;
                deltaSum += c.newValues[c.columns.indexOf(QStringLiteral("delta"))]->toLongLong();
            } else {
                QCOMPARE(c.table, QStringLiteral("pgbench_accounts"));
                QCOMPARE(c.kind, core::RowChange::Kind::Update);
                lastBalance[*c.newValues[0]] = *c.newValues[c.columns.indexOf(QStringLiteral("abalance"))];
            }
        }
        QCOMPARE(xids.size(), 1000);
        QCOMPARE(QString::number(historyRows), value(QStringLiteral("SELECT count(*) FROM pgbench_history")));
        QCOMPARE(QString::number(deltaSum), value(QStringLiteral("SELECT sum(delta) FROM pgbench_history")));
        // Every account the run touched ends where the feed's last update of it left it.
        qint64 balanceSum = 0;
        for (const QString& balance : std::as_const(lastBalance))
            balanceSum += balance.toLongLong();
        QStringList aids = lastBalance.keys();
        QCOMPARE(QString::number(balanceSum),
                 value(QStringLiteral("SELECT sum(abalance) FROM pgbench_accounts WHERE aid IN (%1)")
                           .arg(aids.join(','))));
        QCOMPARE(value(QStringLiteral("SELECT sum(abalance) FROM pgbench_accounts")),
                 QString::number(deltaSum));
        QVERIFY(feed.poll().isEmpty());
        // pgbench_history has no key: the feed sees its inserts, and the application may still update and
        // delete its rows (published for updates, the server would refuse them).
        QCOMPARE(feed.insertOnlyTables(), QStringList{QStringLiteral("public.pgbench_history")});
        QVERIFY2(!m_cluster
                      ->psql(QStringLiteral("UPDATE pgbench_history SET mtime = mtime WHERE tid = 1; "
                                            "DELETE FROM pgbench_history WHERE tid = 2"))
                      .isNull(),
                 qPrintable(m_cluster->error()));
        QThread::msleep(200);
        QVERIFY(feed.poll().isEmpty());

        feed.stop();
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM pg_replication_slots")), QStringLiteral("0"));
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM pg_publication")), QStringLiteral("0"));
    }

    void valuesKeepTheirExactText() {
        QVERIFY2(
            !m_cluster
                 ->psql(QStringLiteral(
                     "CREATE SCHEMA \"Sch\"\"ema\";"
                     "CREATE TABLE \"Sch\"\"ema\".\"t; DROP TABLE x\" (id int PRIMARY KEY, \"ﻧﺎم\" text, "
                     "big text, n numeric);"
                     "ALTER TABLE \"Sch\"\"ema\".\"t; DROP TABLE x\" ALTER big SET STORAGE EXTERNAL;"
                     "CREATE TABLE full_rows (id int, v text); ALTER TABLE full_rows REPLICA IDENTITY FULL;"))
                 .isNull(),
            qPrintable(m_cluster->error()));
        auto connection = open();
        core::ChangeFeed feed(connection, {{QStringLiteral("Sch\"ema"), QStringLiteral("t; DROP TABLE x")},
                                           {QStringLiteral("public"), QStringLiteral("full_rows")}});
        feed.start();
        QVERIFY2(!m_cluster
                      ->psql(QStringLiteral(
                          "INSERT INTO \"Sch\"\"ema\".\"t; DROP TABLE x\" VALUES "
                          "(1, '', repeat('toast ', 2000), 1.50), (2, NULL, NULL, NULL), (3, 'שלום %_\\ "
                          "''q''', 'x', -0.000);"
                          "UPDATE \"Sch\"\"ema\".\"t; DROP TABLE x\" SET n = 2 WHERE id = 1;"
                          "DELETE FROM \"Sch\"\"ema\".\"t; DROP TABLE x\" WHERE id = 3;"
                          "INSERT INTO full_rows VALUES (1, 'before'); UPDATE full_rows SET v = 'after';"))
                      .isNull(),
                 qPrintable(m_cluster->error()));
        const auto changes =
            readUntil(feed, [](const QList<core::RowChange>& all) { return all.size() >= 7; });
        QCOMPARE(changes.size(), 7);
        const core::RowChange& empty = changes[0];
        QCOMPARE(empty.schema, QStringLiteral("Sch\"ema"));
        QCOMPARE(empty.table, QStringLiteral("t; DROP TABLE x"));
        QCOMPARE(empty.columns, (QStringList{"id", "ﻧﺎم", "big", "n"}));
        QCOMPARE(empty.newValues[1], std::optional<QString>(QString(""))); // empty, not NULL
        QCOMPARE(empty.newValues[2]->size(), 12000);
        QCOMPARE(*empty.newValues[3], QStringLiteral("1.50"));
        QCOMPARE(changes[1].newValues[1], std::optional<QString>()); // NULL
        QCOMPARE(*changes[2].newValues[1], QStringLiteral("שלום %_\\ 'q'"));
        QCOMPARE(*changes[2].newValues[3], QStringLiteral("0.000"));
        // The update left the TOASTed column alone: not sent, and not NULL either.
        const core::RowChange& update = changes[3];
        QCOMPARE(update.kind, core::RowChange::Kind::Update);
        QCOMPARE(update.unchanged, QList<int>{2});
        QCOMPARE(*update.newValues[3], QStringLiteral("2"));
        QVERIFY(update.oldValues.isEmpty()); // DEFAULT identity, key unchanged: no old row
        const core::RowChange& remove = changes[4];
        QVERIFY(remove.oldKeyOnly);
        QCOMPARE(*remove.oldValues[0], QStringLiteral("3"));
        QCOMPARE(remove.keyColumns, (QList<bool>{true, false, false, false}));
        const core::RowChange& full = changes[6];
        QCOMPARE(full.table, QStringLiteral("full_rows"));
        QVERIFY(!full.oldKeyOnly);
        QCOMPARE(*full.oldValues[1], QStringLiteral("before"));
        QCOMPARE(*full.newValues[1], QStringLiteral("after"));
    }

    // A role with REPLICATION but no CREATE on the database makes no publication: the feed reads through
    // test_decoding, with the same exact values, and keeps only its tables' changes.
    void aRoleWithoutCreateReadsThroughTestDecoding() {
        QVERIFY2(
            !m_cluster
                 ->psql(QStringLiteral(
                     "CREATE ROLE feeder LOGIN REPLICATION PASSWORD 'feed-secret';"
                     "CREATE TABLE \"td \"\"1\"\"\" (id int PRIMARY KEY, \"ﻧﺎم\" text, big text, n numeric, "
                     "b bit(4), at timestamptz);"
                     "ALTER TABLE \"td \"\"1\"\"\" ALTER big SET STORAGE EXTERNAL;"
                     "CREATE TABLE nokey (a int); CREATE TABLE elsewhere (a int);"))
                 .isNull(),
            qPrintable(m_cluster->error()));
        core::ConnectionProfile feeder = m_cluster->profile();
        feeder.user = QStringLiteral("feeder");
        auto connection =
            core::Connection::open(feeder, QStringLiteral("feed-secret")); // others need one here
        core::ChangeFeed feed(connection, {{QStringLiteral("public"), QStringLiteral("td \"1\"")},
                                           {QStringLiteral("public"), QStringLiteral("nokey")}});
        try {
            feed.start();
        } catch (const core::Error& e) {
            QFAIL(qPrintable(e.displayText()));
        }
        QCOMPARE(feed.plugin(), QStringLiteral("test_decoding"));
        QVERIFY(feed.insertOnlyTables().isEmpty()); // test_decoding sees updates of a table without a key too
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM pg_publication")), QStringLiteral("0"));
        QVERIFY2(
            !m_cluster
                 ->psql(QStringLiteral(
                     "INSERT INTO \"td \"\"1\"\"\" VALUES (1, '', repeat('toast ', 2000), 1.50, B'1010', "
                     "'2026-01-02 03:04:05.5+02'), (2, NULL, NULL, NULL, NULL, NULL), (3, 'שלום %_\\ "
                     "''q'' old-key: x', 'x', -0.000, NULL, NULL);"
                     "UPDATE \"td \"\"1\"\"\" SET n = 2 WHERE id = 1;"
                     "UPDATE \"td \"\"1\"\"\" SET id = 30 WHERE id = 3;"
                     "DELETE FROM \"td \"\"1\"\"\" WHERE id = 2;"
                     "INSERT INTO elsewhere VALUES (1);"
                     "INSERT INTO nokey VALUES (7); UPDATE nokey SET a = 8;"
                     "TRUNCATE \"td \"\"1\"\"\";"))
                 .isNull(),
            qPrintable(m_cluster->error()));
        QList<core::RowChange> changes;
        try {
            changes = readUntil(feed, [](const QList<core::RowChange>& all) { return all.size() >= 9; });
        } catch (const core::Error& e) {
            QFAIL(qPrintable(e.displayText()));
        }
        QCOMPARE(changes.size(), 9); // the change to "elsewhere" left out
        const core::RowChange& first = changes[0];
        QCOMPARE(first.table, QStringLiteral("td \"1\""));
        QCOMPARE(first.columns, (QStringList{"id", "ﻧﺎم", "big", "n", "b", "at"}));
        QCOMPARE(first.newValues[1], std::optional<QString>(QString(""))); // empty, not NULL
        QCOMPARE(first.newValues[2]->size(), 12000);
        QCOMPARE(*first.newValues[3], QStringLiteral("1.50"));
        QCOMPARE(*first.newValues[4], QStringLiteral("1010"));
        QCOMPARE(*first.newValues[5], QStringLiteral("2026-01-02 01:04:05.5+00")); // the session in UTC
        QVERIFY(first.xid > 0);
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$"))
                     .match(first.commitTime)
                     .hasMatch(),
                 qPrintable(first.commitTime));
        QCOMPARE(changes[1].newValues[1], std::optional<QString>()); // NULL
        QCOMPARE(*changes[2].newValues[1], QStringLiteral("שלום %_\\ 'q' old-key: x"));
        QCOMPARE(*changes[2].newValues[3], QStringLiteral("0.000"));
        const core::RowChange& update = changes[3];
        QCOMPARE(update.kind, core::RowChange::Kind::Update);
        QCOMPARE(update.unchanged, QList<int>{2});
        QCOMPARE(*update.newValues[3], QStringLiteral("2"));
        QVERIFY(update.oldValues.isEmpty());
        const core::RowChange& rekeyed = changes[4]; // the key changed: its old key given
        QVERIFY(rekeyed.oldKeyOnly);
        QCOMPARE(*rekeyed.oldValues[0], QStringLiteral("3"));
        QCOMPARE(*rekeyed.newValues[0], QStringLiteral("30"));
        QCOMPARE(rekeyed.keyColumns.value(0), true);
        const core::RowChange& removed = changes[5];
        QCOMPARE(removed.kind, core::RowChange::Kind::Delete);
        QCOMPARE(*removed.oldValues[0], QStringLiteral("2"));
        QCOMPARE(changes[6].table, QStringLiteral("nokey"));
        QCOMPARE(changes[7].kind, core::RowChange::Kind::Update); // no key: seen, no old row
        QVERIFY(changes[7].oldValues.isEmpty());
        QCOMPARE(changes[8].kind, core::RowChange::Kind::Truncate);
        QCOMPARE(changes[8].xid, changes[0].xid); // psql sent them as one transaction
        const QString slot = feed.slotName();
        feed.stop();
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM pg_replication_slots WHERE slot_name = %1")
                           .arg(core::stringLiteral(slot))),
                 QStringLiteral("0"));
    }

    void slotGoesWithTheSession() {
        QString slot;
        {
            auto connection = open();
            core::ChangeFeed feed(connection, {{QStringLiteral("public"), QStringLiteral("full_rows")}});
            feed.start();
            slot = feed.slotName();
            QCOMPARE(value(QStringLiteral("SELECT count(*) FROM pg_replication_slots")), QStringLiteral("1"));
            // The session ends without stop(): as when the process is killed.
            m_cluster->psql(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(connection.backendPid()));
            QThread::msleep(300);
        }
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM pg_replication_slots")), QStringLiteral("0"));
        // Its publication stayed; the next feed drops it (its backend is gone).
        QCOMPARE(value(QStringLiteral("SELECT pubname FROM pg_publication")), slot);
        auto connection = open();
        core::ChangeFeed next(connection, {{QStringLiteral("public"), QStringLiteral("full_rows")}});
        next.start();
        QCOMPARE(value(QStringLiteral("SELECT pubname FROM pg_publication")), next.slotName());
        next.stop();
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM pg_publication")), QStringLiteral("0"));
    }

    void productionNeedsTheGuardsKey() {
        core::ConnectionProfile production = m_cluster->profile();
        production.environment = core::Environment::Production;
        auto connection = core::Connection::open(production);
        core::ChangeFeed feed(connection, {{QStringLiteral("public"), QStringLiteral("full_rows")}});
        try {
            feed.start();
            QFAIL("the feed started on production without the guard's key");
        } catch (const core::Error& e) {
            QCOMPARE(e.info().field, QString::fromLatin1(core::kWriteGuardField));
        }
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM pg_publication")), QStringLiteral("0"));
        feed.start(core::WriteUnlock::create());
        QVERIFY(feed.isRunning());
        m_cluster->psql(QStringLiteral("INSERT INTO full_rows VALUES (9, 'prod')"));
        const auto changes =
            readUntil(feed, [](const QList<core::RowChange>& all) { return !all.isEmpty(); });
        QCOMPARE(changes.size(), 1);
        QVERIFY(feed.insertOnlyTables().isEmpty()); // REPLICA IDENTITY FULL is an identity
        feed.stop();
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM pg_publication")), QStringLiteral("0"));
        // The session is read-only again after the feed: its key was the feed's alone.
        QVERIFY_THROWS_EXCEPTION(core::Error,
                                 connection.exec(QStringLiteral("INSERT INTO full_rows VALUES (10, 'x')")));
    }

    // Last: it restarts the cluster with wal_level = replica.
    void walLevelReplicaIsExplained() {
        QVERIFY(!m_cluster->psql(QStringLiteral("ALTER SYSTEM SET wal_level = replica")).isNull());
        QVERIFY2(m_cluster->restart(), qPrintable(m_cluster->error()));
        auto connection = open();
        core::ChangeFeed feed(connection, {{QStringLiteral("public"), QStringLiteral("full_rows")}});
        try {
            feed.start();
            QFAIL("the feed started on wal_level = replica");
        } catch (const core::Error& e) {
            QCOMPARE(e.kind(), core::ErrorKind::Configuration);
            QVERIFY2(e.message().contains(QLatin1String("wal_level = logical")), qPrintable(e.message()));
            QVERIFY2(e.message().contains(QLatin1String("replica")), qPrintable(e.message()));
            QVERIFY2(e.hint().contains(QLatin1String("ALTER SYSTEM SET wal_level = logical")),
                     qPrintable(e.hint()));
        }
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM pg_publication")), QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestChangeFeed)
#include "tst_changefeed.moc"
