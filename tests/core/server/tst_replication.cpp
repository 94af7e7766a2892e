// SPDX-License-Identifier: GPL-3.0-or-later
// core::ReplicationReader on real clusters: a primary, a streaming standby of it (pg_basebackup with a slot)
// and a logical subscriber; slots that retain WAL, publications with column lists and row filters, a
// subscription's table states and an apply error.
#include "privatecluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/schema/schemaapply.h>
#include <pgdesk/core/server/publishing.h>
#include <pgdesk/core/server/replication.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/writeguard.h>
#include <pgdesk/core/session/writeunlock.h>

#include <QDir>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>
#include <QThread>

#include <functional>
#include <memory>

using namespace pgdesk;
using namespace pgdesk::test;

namespace {

// Polls `check` up to `ms` (replication and statistics arrive a little later).
bool waitFor(const std::function<bool()>& check, int ms = 20000) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        if (check())
            return true;
        QThread::msleep(100);
    }
    return check();
}

const core::ReplicationSlot* findSlot(const QList<core::ReplicationSlot>& list, const QString& name) {
    for (const auto& s : list)
        if (s.name == name)
            return &s;
    return nullptr;
}

} // namespace

class TestReplication final : public QObject {
    Q_OBJECT

    std::unique_ptr<PrivateCluster> m_primary, m_standby, m_subscriber;

    core::Connection open(PrivateCluster& c) { return core::Connection::open(c.profile()); }

private slots:
    void initTestCase() {
        m_primary = std::make_unique<PrivateCluster>();
        QVERIFY2(m_primary->isStarted(), qPrintable(m_primary->error()));
        m_standby = std::make_unique<PrivateCluster>(m_primary.get());
        QVERIFY2(m_standby->isStarted(), qPrintable(m_standby->error()));
        m_subscriber = std::make_unique<PrivateCluster>();
        QVERIFY2(m_subscriber->isStarted(), qPrintable(m_subscriber->error()));
    }

    void standbyStreamsThroughItsSlot() {
        const QString slot =
            QDir(m_standby->dir()).dirName().toLower().replace(QRegularExpression("[^a-z0-9_]"), "_");
        auto primary = open(*m_primary);
        core::ReplicationReader reader(primary);
        QVERIFY(waitFor([&] {
            const auto standbys = reader.standbys();
            return standbys.size() == 1 && standbys[0].state == QLatin1String("streaming");
        }));
        const core::StandbyInfo s = reader.standbys().constFirst();
        QCOMPARE(s.slotName, slot);
        QCOMPARE(s.syncState, QStringLiteral("async"));
        QVERIFY(!s.logical);
        QVERIFY(!s.replayLsn.isEmpty());
        QVERIFY(s.replayLagBytes >= 0);
        QVERIFY(!reader.recovery().inRecovery);

        const auto slotList = reader.replicationSlots(); // findSlot points into it
        const core::ReplicationSlot* physical = findSlot(slotList, slot);
        QVERIFY(physical);
        QCOMPARE(physical->type, QStringLiteral("physical"));
        QVERIFY(physical->active);
        QCOMPARE(physical->activePid, s.pid);
        QCOMPARE(physical->usedByBackendType, QStringLiteral("walsender"));
        QCOMPARE(physical->walStatus, QStringLiteral("reserved"));

        // The standby's own view: in recovery, streaming from the primary's socket through that slot.
        auto standby = open(*m_standby);
        const core::RecoveryState r = core::ReplicationReader(standby).recovery();
        QVERIFY(r.inRecovery);
        QCOMPARE(r.upstreamHost, m_primary->dir());
        QCOMPARE(r.upstreamPort, m_primary->port());
        QCOMPARE(r.receiverStatus, QStringLiteral("streaming"));
        QCOMPARE(r.receiverSlot, slot);
        QVERIFY(!r.receivedLsn.isEmpty());
        QVERIFY(r.replayLagBytes >= 0);
        // A slot cannot be dropped while the standby streams from it: named, not dropped.
        try {
            core::ReplicationReader(primary).dropSlot(slot);
            QFAIL("an active slot was dropped");
        } catch (const core::Error& e) {
            QCOMPARE(e.kind(), core::ErrorKind::Conflict);
            QVERIFY2(e.info().message.contains(QString::number(s.pid)), qPrintable(e.info().message));
        }
    }

    void inactiveSlotRetainingWalIsFlagged() {
        auto primary = open(*m_primary);
        primary.exec(QStringLiteral("SELECT pg_create_physical_replication_slot('forgotten', true)"));
        // WAL written after it: the slot keeps all of it.
        primary.exec(QStringLiteral("CREATE TABLE filler AS SELECT g, repeat('x', 200) AS pad "
                                    "FROM generate_series(1, 20000) g"));
        primary.exec(QStringLiteral("SELECT pg_switch_wal()"));
        core::ReplicationReader reader(primary);
        const auto slotList = reader.replicationSlots();
        const core::ReplicationSlot* forgotten = findSlot(slotList, QStringLiteral("forgotten"));
        QVERIFY(forgotten);
        QVERIFY(!forgotten->active);
        QCOMPARE(forgotten->activePid, 0);
        QVERIFY2(forgotten->retainedBytes > 1'000'000, qPrintable(QString::number(forgotten->retainedBytes)));

        const auto flagged = core::slotAlerts(slotList, 1'000'000);
        QCOMPARE(flagged.size(), 1); // the standby's slot is active and keeps up
        QCOMPARE(flagged[0].slot, QStringLiteral("forgotten"));
        QVERIFY2(flagged[0].message.contains(QLatin1String("inactive slot \"forgotten\" retains")),
                 qPrintable(flagged[0].message));
        QVERIFY(core::slotAlerts(slotList, 1LL << 40).isEmpty());

        // Production: refused by the guard without its key, dropped with it.
        core::ConnectionProfile production = m_primary->profile();
        production.environment = core::Environment::Production;
        auto guarded = core::Connection::open(production);
        try {
            core::ReplicationReader(guarded).dropSlot(QStringLiteral("forgotten"));
            QFAIL("the guard let a slot be dropped");
        } catch (const core::Error& e) {
            QCOMPARE(e.info().field, QString::fromLatin1(core::kWriteGuardField));
        }
        QVERIFY(findSlot(reader.replicationSlots(), QStringLiteral("forgotten")));
        core::ReplicationReader(guarded).dropSlot(QStringLiteral("forgotten"), core::WriteUnlock::create());
        QVERIFY(!findSlot(reader.replicationSlots(), QStringLiteral("forgotten")));
        try {
            reader.dropSlot(QStringLiteral("forgotten"));
            QFAIL("no error for a slot that is gone");
        } catch (const core::Error& e) {
            QCOMPARE(e.kind(), core::ErrorKind::NotFound);
        }
    }

    void publicationsWithColumnListsAndRowFilters() {
        QVERIFY2(
            !m_primary
                 ->psql(QStringLiteral("CREATE SCHEMA shop; CREATE SCHEMA \"we\"\"ird\";"
                                       "CREATE TABLE shop.orders (id int PRIMARY KEY, customer text, total "
                                       "numeric, secret text);"
                                       "CREATE TABLE shop.notes (id int PRIMARY KEY, body text);"
                                       "CREATE TABLE \"we\"\"ird\".\"ta ble\" (id int PRIMARY KEY);"
                                       "CREATE PUBLICATION big_orders FOR TABLE shop.orders (id, customer, "
                                       "total) WHERE (total > 100) "
                                       "WITH (publish = 'insert, update');"
                                       "CREATE PUBLICATION odd FOR TABLES IN SCHEMA \"we\"\"ird\";"
                                       "CREATE PUBLICATION orders_pub FOR TABLE shop.orders, shop.notes;"))
                 .isNull(),
            qPrintable(m_primary->error()));
        auto primary = open(*m_primary);
        const auto pubs = core::ReplicationReader(primary).publications();
        QCOMPARE(pubs.size(), 3);
        const core::Publication& big = pubs[0];
        QCOMPARE(big.name, QStringLiteral("big_orders"));
        QCOMPARE(big.publishText(), QStringLiteral("insert, update"));
        QCOMPARE(big.tables.size(), 1);
        QCOMPARE(big.tables[0].schema, QStringLiteral("shop"));
        QCOMPARE(big.tables[0].columns, (QStringList{"id", "customer", "total"}));
        QCOMPARE(big.tables[0].rowFilter, QStringLiteral("(total > (100)::numeric)"));
        const core::Publication& odd = pubs[1];
        QCOMPARE(odd.schemas, QStringList{QStringLiteral("we\"ird")});
        QCOMPARE(odd.tables.size(), 1);
        QCOMPARE(odd.tables[0].name, QStringLiteral("ta ble"));
        QVERIFY(odd.tables[0].columns.isEmpty());
        const core::Publication& orders = pubs[2];
        QCOMPARE(orders.tables.size(), 2);
        QCOMPARE(orders.tables[0].name, QStringLiteral("notes"));
        QVERIFY(orders.tables[1].columns.isEmpty());
        QVERIFY(orders.tables[1].rowFilter.isEmpty());
        QCOMPARE(orders.publishText(), QStringLiteral("insert, update, delete, truncate"));
    }

    void subscriptionTableStateAndApplyError() {
        QVERIFY2(!m_subscriber
                      ->psql(QStringLiteral(
                          "CREATE SCHEMA shop;"
                          "CREATE TABLE shop.orders (id int PRIMARY KEY, customer text, total numeric, "
                          "secret text);"
                          "CREATE TABLE shop.notes (id int PRIMARY KEY, body text);"))
                      .isNull(),
                 qPrintable(m_subscriber->error()));
        QVERIFY(
            !m_primary->psql(QStringLiteral("INSERT INTO shop.notes VALUES (1, 'copied first')")).isNull());
        // Created as the window and the CLI create it: the password goes to the server and nowhere else
        // (the clusters trust local connections, so it is carried and not checked).
        auto subscriber = open(*m_subscriber);
        QStringList observed;
        subscriber.setStatementObserver([&](const QString& sql, const QList<QString>&) { observed << sql; });
        core::NewSubscription create;
        create.name = QStringLiteral("orders_sub");
        create.connection = QStringLiteral("host=%1 port=%2 user=postgres dbname=postgres")
                                .arg(m_primary->dir())
                                .arg(m_primary->port());
        create.password = QStringLiteral("Secr3t 'pw' \\x");
        create.publications = {QStringLiteral("orders_pub")};
        const QList<core::DesignStatement> statements = core::createSubscriptionStatements(create);
        QVERIFY(!core::designScript(statements).contains(QLatin1String("Secr3t")));
        const core::SchemaApplyResult created = core::SchemaApplier(subscriber).apply(statements, {});
        QVERIFY2(created.failure.isEmpty(), qPrintable(created.failure));
        QVERIFY2(observed.join(u'\n').contains(QLatin1String("password=********")),
                 qPrintable(observed.join(u'\n')));
        QVERIFY(!observed.join(u'\n').contains(QLatin1String("Secr3t")));
        QCOMPARE(
            m_subscriber->psql(QStringLiteral("SELECT subconninfo LIKE '%Secr3t%' FROM pg_subscription")),
            QStringLiteral("t"));
        // Its error (the name is taken) names the statement with the password masked.
        try {
            subscriber.exec(statements.constFirst().sql);
            QFAIL("a second subscription of the same name was created");
        } catch (const core::Error& e) {
            QCOMPARE(e.sqlState(), QStringLiteral("42710"));
            QVERIFY(e.statement().contains(QLatin1String("password=********")));
            QVERIFY(!e.statement().contains(QLatin1String("Secr3t")));
            QVERIFY(!e.displayText().contains(QLatin1String("Secr3t")));
        }
        core::ReplicationReader reader(subscriber);
        QVERIFY2(waitFor([&] {
                     const auto subs = reader.subscriptions();
                     if (subs.size() != 1 || subs[0].tables.size() != 2)
                         return false;
                     for (const auto& t : subs[0].tables)
                         if (t.state != QLatin1Char('r'))
                             return false;
                     return subs[0].workerRunning;
                 }),
                 "the subscription's tables never became ready");
        core::Subscription sub = reader.subscriptions().constFirst();
        QCOMPARE(sub.name, QStringLiteral("orders_sub"));
        QCOMPARE(sub.publications, QStringList{QStringLiteral("orders_pub")});
        QCOMPARE(sub.slotName, QStringLiteral("orders_sub"));
        QVERIFY(sub.enabled);
        QCOMPARE(sub.tables[0].stateName(), QStringLiteral("ready"));
        QCOMPARE(sub.applyErrors, 0);

        // The primary sees the subscription's walsender as a logical one, through its logical slot.
        auto primary = open(*m_primary);
        core::ReplicationReader primaryReader(primary);
        QVERIFY(waitFor([&] {
            for (const auto& s : primaryReader.standbys())
                if (s.application == QLatin1String("orders_sub"))
                    return s.logical && s.slotName == QLatin1String("orders_sub");
            return false;
        }));
        const auto primarySlots = primaryReader.replicationSlots(); // findSlot points into it
        const core::ReplicationSlot* logical = findSlot(primarySlots, QStringLiteral("orders_sub"));
        QVERIFY(logical);
        QCOMPARE(logical->plugin, QStringLiteral("pgoutput"));
        QCOMPARE(logical->database, QStringLiteral("postgres"));
        QVERIFY(logical->catalogXminAge >= 0);

        // A row the subscriber already has: applying the primary's insert fails, again and again.
        QVERIFY(!m_subscriber->psql(QStringLiteral("INSERT INTO shop.notes VALUES (2, 'local')")).isNull());
        QVERIFY(!m_primary->psql(QStringLiteral("INSERT INTO shop.notes VALUES (2, 'from the primary')"))
                     .isNull());
        QVERIFY2(waitFor([&] { return reader.subscriptions().constFirst().applyErrors > 0; }, 30000),
                 "the apply error was never counted");
        sub = reader.subscriptions().constFirst();
        QVERIFY(sub.applyErrors > 0);
        QCOMPARE(sub.tables.size(), 2);

        // What is done to it from here, as the CLI does it: the conflicting row removed, a table the
        // publication added since is subscribed to by REFRESH (outside a transaction), then the subscription
        // disabled.
        QVERIFY(!m_subscriber->psql(QStringLiteral("DELETE FROM shop.notes WHERE id = 2")).isNull());
        QVERIFY(!m_primary
                     ->psql(QStringLiteral("CREATE TABLE shop.extra (id int PRIMARY KEY);"
                                           "INSERT INTO shop.extra VALUES (1);"
                                           "ALTER PUBLICATION orders_pub ADD TABLE shop.extra"))
                     .isNull());
        QVERIFY(!m_subscriber->psql(QStringLiteral("CREATE TABLE shop.extra (id int PRIMARY KEY)")).isNull());
        const auto run = [&](core::SubscriptionAction action) {
            const core::SchemaApplyResult r =
                core::SchemaApplier(subscriber)
                    .apply(core::subscriptionStatements(QStringLiteral("orders_sub"), action), {});
            QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
        };
        run(core::SubscriptionAction::Refresh);
        QVERIFY2(waitFor([&] { return reader.subscriptions().constFirst().tables.size() == 3; }),
                 "the refreshed subscription never listed the added table");
        QVERIFY2(waitFor([&] {
                     return m_subscriber->psql(QStringLiteral("SELECT count(*) FROM shop.extra")) ==
                            QLatin1String("1");
                 }),
                 "the added table's row was never copied");
        run(core::SubscriptionAction::Disable);
        QVERIFY(!reader.subscriptions().constFirst().enabled);
    }

    void sizeTextReadsLikePgSizePretty() {
        QCOMPARE(core::sizeText(0), QStringLiteral("0 bytes"));
        QCOMPARE(core::sizeText(1023), QStringLiteral("1023 bytes"));
        QCOMPARE(core::sizeText(1536), QStringLiteral("1.5 kB"));
        QCOMPARE(core::sizeText(3LL * 1024 * 1024 * 1024), QStringLiteral("3.0 GB"));
    }

    void cleanupTestCase() {
        m_subscriber.reset(); // before the primary: its subscription's walsender goes first
        m_standby.reset();
        m_primary.reset();
    }
};

QTEST_GUILESS_MAIN(TestReplication)
#include "tst_replication.moc"
