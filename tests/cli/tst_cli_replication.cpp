// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli replication, slots, publications, subscriptions and changes on a private cluster: the JSON
// contracts, the retained-WAL alert, dropping a slot (refused while active and on production without
// --allow-write), a subscription's actions, and the change feed's NDJSON, with no slot left when the command
// is killed.
#include "clirunner.h"
#include "privatecluster.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QThread>

#include <memory>

using namespace pgdesk::test;

class TestCliReplication final : public QObject {
    Q_OBJECT

    std::unique_ptr<PrivateCluster> m_cluster;

    QString dsn() const {
        return QStringLiteral("host=%1 port=%2 user=postgres dbname=postgres")
            .arg(m_cluster->dir())
            .arg(m_cluster->port());
    }
    CliRun cli(const QStringList& args) { return runCli(QStringList{QStringLiteral("--dsn"), dsn()} + args); }
    QString sql(const QString& statement) {
        const QString out = m_cluster->psql(statement);
        if (out.isNull())
            qWarning().noquote() << m_cluster->error();
        return out;
    }
    // Waits up to 20 s for a feed's slot to exist; returns its name.
    QString waitForFeedSlot() {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 20000) {
            const QString slot =
                sql(QStringLiteral("SELECT slot_name FROM pg_replication_slots WHERE slot_name LIKE "
                                   "'pgdesk\\_feed\\_%' AND active"));
            if (!slot.isEmpty())
                return slot;
            QThread::msleep(100);
        }
        return {};
    }

private slots:
    void initTestCase() {
        m_cluster = std::make_unique<PrivateCluster>();
        QVERIFY2(m_cluster->isStarted(), qPrintable(m_cluster->error()));
        QVERIFY(!sql(QStringLiteral("CREATE TABLE items (id int PRIMARY KEY, name text);"
                                    "CREATE PUBLICATION some_items FOR TABLE items (id) WHERE (id > 10)"))
                     .isNull());
        const CliRun added =
            runCli({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("prod"),
                    QStringLiteral("--host"), m_cluster->dir(), QStringLiteral("--port"),
                    QString::number(m_cluster->port()), QStringLiteral("--database"),
                    QStringLiteral("postgres"), QStringLiteral("--user"), QStringLiteral("postgres"),
                    QStringLiteral("--environment"), QStringLiteral("production")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    }

    void replicationAndSlotsJson() {
        QVERIFY(!sql(QStringLiteral("SELECT pg_create_physical_replication_slot('cli_forgotten', true)"))
                     .isNull());
        QVERIFY(!sql(QStringLiteral("CREATE TABLE filler AS SELECT g FROM generate_series(1, 50000) g"))
                     .isNull());

        const CliRun r =
            cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("replication")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = parseObject(r);
        QCOMPARE(o.value(QStringLiteral("in_recovery")).toBool(true), false);
        QVERIFY(!o.value(QStringLiteral("current_lsn")).toString().isEmpty());
        QVERIFY(o.value(QStringLiteral("upstream")).isNull());
        QVERIFY(o.value(QStringLiteral("standbys")).toArray().isEmpty());
        QCOMPARE(o.value(QStringLiteral("slots")).toArray().size(), 1);
        QVERIFY(o.value(QStringLiteral("alerts")).toArray().isEmpty()); // under the default 1024 MB

        const CliRun s = cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("slots"),
                              QStringLiteral("--alert-retained"), QStringLiteral("0")});
        QVERIFY2(s.exitCode == 0, qPrintable(s.err));
        const QJsonObject slot = parseObject(s).value(QStringLiteral("slots")).toArray().at(0).toObject();
        QCOMPARE(slot.value(QStringLiteral("slot_name")).toString(), QStringLiteral("cli_forgotten"));
        QCOMPARE(slot.value(QStringLiteral("slot_type")).toString(), QStringLiteral("physical"));
        QCOMPARE(slot.value(QStringLiteral("active")).toBool(true), false);
        QVERIFY(slot.value(QStringLiteral("active_pid")).isNull());
        QVERIFY(slot.value(QStringLiteral("used_by")).isNull());
        QVERIFY(slot.value(QStringLiteral("retained_bytes")).toDouble() > 0);
        QCOMPARE(slot.value(QStringLiteral("wal_status")).toString(), QStringLiteral("reserved"));
        const QJsonArray alerts = parseObject(s).value(QStringLiteral("alerts")).toArray();
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.at(0).toObject().value(QStringLiteral("slot_name")).toString(),
                 QStringLiteral("cli_forgotten"));

        const CliRun table =
            cli({QStringLiteral("slots"), QStringLiteral("--alert-retained"), QStringLiteral("0")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.contains(QLatin1String("cli_forgotten")), qPrintable(table.out));
        QVERIFY2(table.err.contains(QLatin1String("warning: inactive slot \"cli_forgotten\" retains")),
                 qPrintable(table.err));
        QCOMPARE(
            cli({QStringLiteral("slots"), QStringLiteral("--alert-retained"), QStringLiteral("-1")}).exitCode,
            2);
    }

    void dropSlotIsGuarded() {
        const CliRun refused =
            runCli({QStringLiteral("--profile"), QStringLiteral("prod"), QStringLiteral("slots"),
                    QStringLiteral("--drop"), QStringLiteral("cli_forgotten")});
        QCOMPARE(refused.exitCode, 9);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM pg_replication_slots")), QStringLiteral("1"));
        const CliRun dropped = runCli({QStringLiteral("--profile"), QStringLiteral("prod"),
                                       QStringLiteral("slots"), QStringLiteral("--drop"),
                                       QStringLiteral("cli_forgotten"), QStringLiteral("--allow-write")});
        QVERIFY2(dropped.exitCode == 0, qPrintable(dropped.err));
        QVERIFY2(dropped.err.contains(QLatin1String("dropping physical slot \"cli_forgotten\"")),
                 qPrintable(dropped.err));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM pg_replication_slots")), QStringLiteral("0"));
        QCOMPARE(cli({QStringLiteral("slots"), QStringLiteral("--drop"), QStringLiteral("cli_forgotten")})
                     .exitCode,
                 6);
    }

    void publicationsAndSubscriptionsJson() {
        const CliRun r =
            cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("publications")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject pub =
            parseObject(r).value(QStringLiteral("publications")).toArray().at(0).toObject();
        QCOMPARE(pub.value(QStringLiteral("name")).toString(), QStringLiteral("some_items"));
        QCOMPARE(pub.value(QStringLiteral("publish")).toArray().size(), 4);
        const QJsonObject table = pub.value(QStringLiteral("tables")).toArray().at(0).toObject();
        QCOMPARE(table.value(QStringLiteral("name")).toString(), QStringLiteral("items"));
        QCOMPARE(table.value(QStringLiteral("columns")).toArray(), QJsonArray{QStringLiteral("id")});
        QCOMPARE(table.value(QStringLiteral("row_filter")).toString(), QStringLiteral("(id > 10)"));

        const CliRun subs =
            cli({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("subscriptions")});
        QVERIFY2(subs.exitCode == 0, qPrintable(subs.err));
        QVERIFY(parseObject(subs).value(QStringLiteral("subscriptions")).isArray());
    }

    // A subscription made without connecting (no publisher, no slot): enabled and disabled, a SKIP LSN set;
    // Created from the command line: the publisher's password from standard input or a profile, masked in
    // everything printed; one in the connection string refused; production guarded. The publisher is a
    // database of the same cluster, so its slot is made first (PostgreSQL cannot make it from there).
    void subscriptionCreate() {
        QVERIFY(!sql(QStringLiteral("CREATE DATABASE clipub")).isNull());
        QVERIFY(!m_cluster
                     ->psql(QStringLiteral(
                                "CREATE TABLE copied (id int PRIMARY KEY); INSERT INTO copied VALUES (7);"
                                "CREATE PUBLICATION cpub FOR TABLE copied"),
                            QStringLiteral("clipub"))
                     .isNull());
        QVERIFY(!m_cluster
                     ->psql(QStringLiteral("SELECT pg_create_logical_replication_slot('csub', 'pgoutput')"),
                            QStringLiteral("clipub"))
                     .isNull());
        QVERIFY(!sql(QStringLiteral("CREATE TABLE copied (id int PRIMARY KEY)")).isNull());
        const QString publisher = QStringLiteral("host=%1 port=%2 dbname=clipub user=postgres")
                                      .arg(m_cluster->dir())
                                      .arg(m_cluster->port());
        const QStringList create{QStringLiteral("subscriptions"),
                                 QStringLiteral("create"),
                                 QStringLiteral("csub"),
                                 QStringLiteral("--publication"),
                                 QStringLiteral("cpub"),
                                 QStringLiteral("--connection"),
                                 publisher,
                                 QStringLiteral("--publisher-password-stdin"),
                                 QStringLiteral("--no-create-slot")};
        CliRun r = runCli(QStringList{QStringLiteral("--dsn"), dsn()} + create +
                              QStringList{QStringLiteral("--dry-run")},
                          "Secr3t\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out,
                 QStringLiteral("1. CREATE SUBSCRIPTION \"csub\" CONNECTION '%1 password=********' "
                                "PUBLICATION \"cpub\" WITH (create_slot = false);\n   no table lock that "
                                "blocks reads or writes\n")
                     .arg(publisher));
        r = runCli(
            QStringList{QStringLiteral("--dsn"), dsn(), QStringLiteral("--format"), QStringLiteral("json")} +
                create + QStringList{QStringLiteral("--dry-run")},
            "Secr3t\n");
        QVERIFY2(r.exitCode == 0 && !r.out.contains(QStringLiteral("Secr3t")), qPrintable(r.out + r.err));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM pg_subscription")), QStringLiteral("0"));

        // A password in the connection string: refused before anything runs.
        r = cli({QStringLiteral("subscriptions"), QStringLiteral("create"), QStringLiteral("csub"),
                 QStringLiteral("--publication"), QStringLiteral("cpub"), QStringLiteral("--connection"),
                 publisher + QStringLiteral(" password=Secr3t")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("on its own")) && !r.err.contains(QStringLiteral("Secr3t")),
                 qPrintable(r.err));
        // Production without --allow-write, the publisher from a profile: refused, nothing made.
        QCOMPARE(runCli({QStringLiteral("--profile"), QStringLiteral("prod"), QStringLiteral("subscriptions"),
                         QStringLiteral("create"), QStringLiteral("csub"), QStringLiteral("--publication"),
                         QStringLiteral("cpub"), QStringLiteral("--publisher-profile"),
                         QStringLiteral("prod"), QStringLiteral("--no-create-slot")})
                     .exitCode,
                 9);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM pg_subscription")), QStringLiteral("0"));

        r = runCli(QStringList{QStringLiteral("--dsn"), dsn()} + create, "Secr3t\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("Secr3t")));
        QCOMPARE(sql(QStringLiteral("SELECT subconninfo LIKE '%password=Secr3t' FROM pg_subscription")),
                 QStringLiteral("t"));
        QElapsedTimer timer;
        timer.start();
        while (sql(QStringLiteral("SELECT count(*) FROM copied")) != QLatin1String("1") &&
               timer.elapsed() < 20000)
            QThread::msleep(100);
        QCOMPARE(sql(QStringLiteral("SELECT id FROM copied")), QStringLiteral("7"));
        r = cli({QStringLiteral("subscriptions"), QStringLiteral("drop"), QStringLiteral("csub")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM pg_replication_slots WHERE slot_name = 'csub'")),
                 QStringLiteral("0"));
    }

    // refresh talks to the publisher, which is not there: exit 4 with the server's reason; dropped once its
    // slot is NONE. Refused: a bad LSN (2), a subscription that is not there (6), production (9).
    void subscriptionActions() {
        QVERIFY(!sql(QStringLiteral("CREATE SUBSCRIPTION \"cli sub\" CONNECTION 'host=/nonexistent dbname=x' "
                                    "PUBLICATION p WITH (connect = false)"))
                     .isNull());
        const auto state = [&] {
            return sql(
                QStringLiteral("SELECT subenabled || ' ' || subskiplsn FROM pg_subscription WHERE subname "
                               "= 'cli sub'"));
        };
        QCOMPARE(state(), QStringLiteral("false 0/0"));
        CliRun r = cli({QStringLiteral("subscriptions"), QStringLiteral("enable"), QStringLiteral("cli sub"),
                        QStringLiteral("--dry-run")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(
            r.out,
            QStringLiteral("1. ALTER SUBSCRIPTION \"cli sub\" ENABLE;\n   no table lock that blocks reads or "
                           "writes\n"));
        QCOMPARE(state(), QStringLiteral("false 0/0"));
        r = cli({QStringLiteral("subscriptions"), QStringLiteral("enable"), QStringLiteral("cli sub")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(state(), QStringLiteral("true 0/0"));
        r = cli({QStringLiteral("subscriptions"), QStringLiteral("disable"), QStringLiteral("cli sub")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli({QStringLiteral("subscriptions"), QStringLiteral("skip"), QStringLiteral("cli sub"),
                 QStringLiteral("--lsn"), QStringLiteral("0/1A2B")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("its changes are lost here")), qPrintable(r.err));
        QCOMPARE(state(), QStringLiteral("false 0/1A2B"));
        r = cli({QStringLiteral("subscriptions"), QStringLiteral("skip"), QStringLiteral("cli sub"),
                 QStringLiteral("--lsn"), QStringLiteral("0/1A2B'; DROP TABLE items; --")});
        QCOMPARE(r.exitCode, 2);
        r = cli({QStringLiteral("subscriptions"), QStringLiteral("refresh"), QStringLiteral("cli sub")});
        QCOMPARE(r.exitCode, 4); // disabled, and its publisher is nowhere
        QCOMPARE(
            cli({QStringLiteral("subscriptions"), QStringLiteral("enable"), QStringLiteral("no such sub")})
                .exitCode,
            6);
        r = runCli({QStringLiteral("--profile"), QStringLiteral("prod"), QStringLiteral("subscriptions"),
                    QStringLiteral("enable"), QStringLiteral("cli sub")});
        QCOMPARE(r.exitCode, 9);
        QCOMPARE(state(), QStringLiteral("false 0/1A2B"));
        QVERIFY(!sql(QStringLiteral("ALTER SUBSCRIPTION \"cli sub\" SET (slot_name = NONE)")).isNull());
        r = cli({QStringLiteral("subscriptions"), QStringLiteral("drop"), QStringLiteral("cli sub")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM pg_subscription")), QStringLiteral("0"));
    }

    void changesPrintsNdjson() {
        QProcess feed;
        feed.start(binary(QStringLiteral("pgdesk-cli")),
                   {QStringLiteral("--dsn"), dsn(), QStringLiteral("changes"), QStringLiteral("items"),
                    QStringLiteral("--count"), QStringLiteral("3"), QStringLiteral("--timeout"),
                    QStringLiteral("60")});
        QVERIFY(feed.waitForStarted());
        QVERIFY(!waitForFeedSlot().isEmpty());
        QVERIFY(
            !sql(QStringLiteral("INSERT INTO items VALUES (1, ''), (2, NULL); UPDATE items SET name = 'ﻧﺎم' "
                                "WHERE id = 2; DELETE FROM items WHERE id = 1"))
                 .isNull());
        QVERIFY(feed.waitForFinished(30000));
        QCOMPARE(feed.exitCode(), 0);
        const QList<QByteArray> lines = feed.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), 3); // --count 3: the delete is not printed
        const QJsonObject first = QJsonDocument::fromJson(lines[0]).object();
        QCOMPARE(first.value(QStringLiteral("op")).toString(), QStringLiteral("insert"));
        QCOMPARE(first.value(QStringLiteral("schema")).toString(), QStringLiteral("public"));
        QCOMPARE(first.value(QStringLiteral("table")).toString(), QStringLiteral("items"));
        QVERIFY(first.value(QStringLiteral("old")).isNull());
        const QJsonObject row = first.value(QStringLiteral("new")).toObject();
        QCOMPARE(row.value(QStringLiteral("id")).toString(), QStringLiteral("1"));
        QVERIFY(row.value(QStringLiteral("name")).isString()); // empty text, not null
        QCOMPARE(row.value(QStringLiteral("name")).toString(), QString());
        QVERIFY(QJsonDocument::fromJson(lines[1])
                    .object()
                    .value(QStringLiteral("new"))
                    .toObject()
                    .value(QStringLiteral("name"))
                    .isNull());
        const QJsonObject update = QJsonDocument::fromJson(lines[2]).object();
        QCOMPARE(update.value(QStringLiteral("op")).toString(), QStringLiteral("update"));
        QCOMPARE(update.value(QStringLiteral("new")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("ﻧﺎم"));
        QVERIFY(update.value(QStringLiteral("xid")).toInteger() > 0);
        QVERIFY(
            QDateTime::fromString(update.value(QStringLiteral("commit_time")).toString(), Qt::ISODateWithMs)
                .isValid());
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM pg_replication_slots")), QStringLiteral("0"));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM pg_publication WHERE pubname LIKE 'pgdesk%'")),
                 QStringLiteral("0"));
    }

    void killedFeedLeavesNoSlot() {
        QProcess feed;
        feed.start(binary(QStringLiteral("pgdesk-cli")),
                   {QStringLiteral("--dsn"), dsn(), QStringLiteral("changes"), QStringLiteral("items"),
                    QStringLiteral("--timeout"), QStringLiteral("120")});
        QVERIFY(feed.waitForStarted());
        const QString slot = waitForFeedSlot();
        QVERIFY(!slot.isEmpty());
        // An active slot is named and refused, not dropped.
        const CliRun busy = cli({QStringLiteral("slots"), QStringLiteral("--drop"), slot});
        QCOMPARE(busy.exitCode, 5);
        QVERIFY2(busy.err.contains(QLatin1String("in use by PID")), qPrintable(busy.err));
        feed.kill();
        QVERIFY(feed.waitForFinished(10000));
        QElapsedTimer timer;
        timer.start();
        while (sql(QStringLiteral("SELECT count(*) FROM pg_replication_slots")) != QLatin1String("0") &&
               timer.elapsed() < 10000)
            QThread::msleep(100);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM pg_replication_slots")), QStringLiteral("0"));
        // The killed feed's publication is cleared by the next one, which drops its own at the end.
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM pg_publication WHERE pubname LIKE 'pgdesk%'")),
                 QStringLiteral("1"));
        const CliRun next = cli({QStringLiteral("changes"), QStringLiteral("items"),
                                 QStringLiteral("--timeout"), QStringLiteral("0.3")});
        QVERIFY2(next.exitCode == 0, qPrintable(next.err));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM pg_publication WHERE pubname LIKE 'pgdesk%'")),
                 QStringLiteral("0"));
    }

    void changesRefusals() {
        // Production: the feed's publication is a write.
        QCOMPARE(runCli({QStringLiteral("--profile"), QStringLiteral("prod"), QStringLiteral("changes"),
                         QStringLiteral("items"), QStringLiteral("--timeout"), QStringLiteral("0.1")})
                     .exitCode,
                 9);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM pg_publication WHERE pubname LIKE 'pgdesk%'")),
                 QStringLiteral("0"));
        QCOMPARE(cli({QStringLiteral("changes")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("changes"), QStringLiteral("no_such_table"), QStringLiteral("--timeout"),
                      QStringLiteral("0.1")})
                     .exitCode,
                 6);
        // A table without a key: its inserts are followed, and the note says why its updates are not.
        QVERIFY(!sql(QStringLiteral("CREATE TABLE keyless (v text)")).isNull());
        const CliRun keyless = cli({QStringLiteral("changes"), QStringLiteral("keyless"),
                                    QStringLiteral("--timeout"), QStringLiteral("0.1")});
        QCOMPARE(keyless.exitCode, 0);
        QVERIFY2(keyless.err.contains(QLatin1String("public.keyless has no replica identity")),
                 qPrintable(keyless.err));
    }
};

QTEST_GUILESS_MAIN(TestCliReplication)
#include "tst_cli_replication.moc"
