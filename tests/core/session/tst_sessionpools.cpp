// SPDX-License-Identifier: GPL-3.0-or-later
// The server's databases (listDatabases) and a session's pools, one per database (SessionPools).
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/databaselist.h>
#include <pgdesk/core/session/sessionpools.h>

#include <QCoreApplication>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace pgdesk::core;
using pgdesk::test::psql;

class TestSessionPools final : public QObject {
    Q_OBJECT

    QString m_prefix, m_open, m_closed, m_template, m_role;

    static QStringList names(const QList<DatabaseInfo>& list) {
        QStringList out;
        for (const auto& d : list)
            out << d.name;
        return out;
    }

private slots:
    void initTestCase() {
        const qint64 pid = QCoreApplication::applicationPid();
        m_prefix = QStringLiteral("tst_pools_%1").arg(pid);
        m_open = m_prefix + QStringLiteral("_open");
        m_closed = m_prefix + QStringLiteral("_closed");
        m_template = m_prefix + QStringLiteral("_tpl");
        m_role = m_prefix + QStringLiteral("_role");
        psql(QStringLiteral("create role %1 login password 'pw'").arg(m_role), QStringLiteral("postgres"));
        psql(QStringLiteral("create database %1").arg(m_open), QStringLiteral("postgres"));
        psql(QStringLiteral("create database %1").arg(m_closed), QStringLiteral("postgres"));
        psql(QStringLiteral("create database %1 is_template true").arg(m_template),
             QStringLiteral("postgres"));
        psql(QStringLiteral("revoke connect on database %1 from public").arg(m_closed),
             QStringLiteral("postgres"));
        psql(QStringLiteral("comment on database %1 is 'the open one'").arg(m_open),
             QStringLiteral("postgres"));
        psql(QStringLiteral("create table only_here (id int primary key)"), m_open);
    }

    void cleanupTestCase() {
        for (const QString& db : {m_open, m_closed, m_template}) {
            psql(QStringLiteral("alter database %1 is_template false").arg(db), QStringLiteral("postgres"));
            psql(QStringLiteral("drop database if exists %1 with (force)").arg(db),
                 QStringLiteral("postgres"));
        }
        psql(QStringLiteral("drop role if exists %1").arg(m_role), QStringLiteral("postgres"));
    }

    // Only what the role may connect to, templates when asked, in name order; size and comment read.
    void listsTheDatabasesTheRoleMayOpen() {
        ConnectionProfile p = pgdesk::test::profile(QStringLiteral("postgres"));
        p.user = m_role;
        Connection c = Connection::open(p, QStringLiteral("pw"));
        const QStringList plain = names(listDatabases(c));
        QVERIFY2(plain.contains(m_open), qPrintable(plain.join(u',')));
        QVERIFY(plain.contains(QStringLiteral("pgdesk_demo")));
        QVERIFY(!plain.contains(m_closed)); // CONNECT revoked from PUBLIC
        QVERIFY(!plain.contains(m_template));
        QVERIFY(!plain.contains(QStringLiteral("template0"))); // datallowconn false
        QVERIFY(!plain.contains(QStringLiteral("template1")));
        QStringList sorted = plain;
        std::sort(sorted.begin(), sorted.end(),
                  [](const QString& a, const QString& b) { return a.toUtf8() < b.toUtf8(); });
        QCOMPARE(plain, sorted);

        // Without the sizes (each stats every file of its database), then the sizes alone, by name.
        const QList<DatabaseInfo> unsized = listDatabases(c, true, DatabaseSizes::Skip);
        const QHash<QString, qint64> sizes = databaseSizes(c, true);
        QCOMPARE(names(unsized), names(listDatabases(c, true)));
        QCOMPARE(sizes.size(), unsized.size());
        for (const DatabaseInfo& d : unsized) {
            QCOMPARE(d.sizeBytes, qint64(-1));
            QVERIFY2(sizes.value(d.name) > 0, qPrintable(d.name));
        }

        const QList<DatabaseInfo> all = listDatabases(c, true);
        QVERIFY(names(all).contains(m_template));
        QVERIFY(names(all).contains(QStringLiteral("template1")));
        QVERIFY(!names(all).contains(QStringLiteral("template0")));
        for (const DatabaseInfo& d : all) {
            if (d.name == m_open) {
                QCOMPARE(d.comment, QStringLiteral("the open one"));
                QVERIFY(d.sizeBytes > 0);
                QVERIFY(!d.isTemplate);
                QCOMPARE(d.owner, pgdesk::test::cluster().user);
                QCOMPARE(d.encoding, QStringLiteral("UTF8"));
            }
            if (d.name == m_template)
                QVERIFY(d.isTemplate);
        }
    }

    // Another database's pool is made on first use, connects to that database, is the same pool on the
    // next ask and from other threads, and takes the observer installed before it existed.
    void makesOnePoolPerDatabaseOnFirstUse() {
        auto primary = Pool::create(pgdesk::test::profile());
        auto pools = SessionPools::create(primary, QStringLiteral("pgdesk_demo"));
        QCOMPARE(pools->pools().size(), 1);
        QCOMPARE(pools->pool({}), primary);
        QCOMPARE(pools->pool(QStringLiteral("pgdesk_demo")), primary);

        std::atomic<int> observed{0};
        pools->setStatementObserver([&](const QString&, const QList<QString>&) { ++observed; });

        std::shared_ptr<Pool> fromThreads[4];
        std::vector<std::thread> threads;
        for (auto& slot : fromThreads)
            threads.emplace_back([&slot, &pools, this] { slot = pools->pool(m_open); });
        for (auto& t : threads)
            t.join();
        for (const auto& p : fromThreads)
            QCOMPARE(p, fromThreads[0]);
        const auto other = pools->pool(m_open);
        QCOMPARE(other, fromThreads[0]);
        QVERIFY(other != primary);
        QCOMPARE(other->stats().open, 0); // lazy: nothing connected yet
        QCOMPARE(pools->pools().size(), 2);
        QCOMPARE(pools->pools().at(1).first, m_open);

        {
            auto c = other->acquire();
            QCOMPARE(c->exec(QStringLiteral("select current_database()")).text(0, 0), m_open);
            QCOMPARE(c->exec(QStringLiteral("select count(*) from only_here")).text(0, 0),
                     QStringLiteral("0"));
        }
        QVERIFY(observed > 0);
        QCOMPARE(other->profile().pool, primary->profile().pool);
        QCOMPARE(other->profile().user, primary->profile().user);
        pools->dispose();
        QCOMPARE(other->stats().idle, 0);
    }

    // A pinned profile opens only its own database.
    void aPinnedProfileRefusesOtherDatabases() {
        ConnectionProfile p = pgdesk::test::profile();
        p.pinDatabase = true;
        QCOMPARE(ConnectionProfile::fromJson(p.toJson()).pinDatabase, true);
        QVERIFY(!pgdesk::test::profile().toJson().contains(QStringLiteral("pin_database")));
        auto pools = SessionPools::create(Pool::create(p), QStringLiteral("pgdesk_demo"));
        QVERIFY(!pools->allowsOtherDatabases());
        QVERIFY(pools->pool(QStringLiteral("pgdesk_demo")));
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, pools->pool(m_open));
    }
};

QTEST_GUILESS_MAIN(TestSessionPools)
#include "tst_sessionpools.moc"
