// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI across a server restart, on a server of this test's own (PrivateCluster): an open table tab
// shows the lost connection and Reconnect brings the same page back; an apply cut off half-way says that
// nothing was applied and keeps every staged change, and applies once the server is back.
#include "privatecluster.h"
#include "uitestmain.h"

#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/editing/changeset.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/edit/editsession.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace pgdesk;
using pgdesk::test::PrivateCluster;
using pgdesk::ui::TableBrowser;

class TestUiFaults final : public QObject {
    Q_OBJECT

    std::unique_ptr<PrivateCluster> m_cluster;

    static bool waitLoaded(TableBrowser& b) {
        QSignalSpy spy(&b, &TableBrowser::pageLoaded);
        return spy.wait(15000);
    }

    core::ConnectionProfile profile(const QString& applicationName) const {
        core::ConnectionProfile p = m_cluster->profile();
        p.applicationName = applicationName;
        return p;
    }

    int countWhere(const QString& table, const QString& condition) {
        return m_cluster->psql(QStringLiteral("select count(*) from %1 where %2").arg(table, condition))
            .toInt();
    }

private slots:
    void initTestCase() {
        m_cluster = std::make_unique<PrivateCluster>();
        QVERIFY2(m_cluster->isStarted(), qPrintable(m_cluster->error()));
        QVERIFY(
            !m_cluster
                 ->psql(QStringLiteral("create table ui_rows (id int primary key, v int not null default 0, "
                                       "note text); insert into ui_rows (id, note) select g, 'row ' || g "
                                       "from generate_series(1, 20000) g"))
                 .isNull());
    }

    void cleanupTestCase() { m_cluster.reset(); }

    // The server restarts under an open tab: the next load says "Connection lost" with a Reconnect
    // button; Reconnect opens fresh connections and shows the same page again.
    void restartWhileTabOpen() {
        auto pool = core::Pool::create(profile(QStringLiteral("ui.tab")));
        TableBrowser b(pool, QStringLiteral("public"), QStringLiteral("ui_rows"));
        QVERIFY(waitLoaded(b));
        b.nextPage();
        QVERIFY(waitLoaded(b));
        const QString range = b.rangeText();
        QCOMPARE(b.model()->index(0, 0).data().toString(), QStringLiteral("101"));
        QVERIFY(b.reconnectButton()->isHidden());

        QVERIFY2(m_cluster->restart(), qPrintable(m_cluster->error()));
        QSignalSpy failed(&b, &TableBrowser::loadFailed);
        b.reload();
        QVERIFY(failed.wait(15000));
        QVERIFY(!b.reconnectButton()->isHidden());
        const QString message = b.findChild<QLabel*>(QStringLiteral("messageLabel"))->text();
        QVERIFY2(message.startsWith(QStringLiteral("Connection lost")), qPrintable(message));

        b.reconnectButton()->click();
        QVERIFY(waitLoaded(b));
        QVERIFY(b.reconnectButton()->isHidden());
        QCOMPARE(b.rangeText(), range);
        QCOMPARE(b.model()->rowCount(), 100);
        QCOMPARE(b.model()->index(0, 0).data().toString(), QStringLiteral("101"));
        b.nextPage(); // and it goes on working
        QVERIFY(waitLoaded(b));
        QCOMPARE(b.model()->index(0, 0).data().toString(), QStringLiteral("201"));
    }

    // The server restarts while the tab's staged changes apply (held on a locked row half-way): the tab
    // hears that nothing was applied, keeps all 20,000 staged changes, and applies them afterwards.
    void restartDuringApplyKeepsStagedChanges() {
        auto pool = core::Pool::create(profile(QStringLiteral("ui.apply")));
        core::TableInfo table;
        core::ChangeSet changes;
        {
            auto c = pool->acquire();
            table = core::CatalogReader(*c).table(QStringLiteral("public.ui_rows"));
            changes = core::ChangeSet(table);
            const core::Result r =
                c->exec(QStringLiteral("select id::text, xmin::text from ui_rows order by id"));
            for (int i = 0; i < r.rowCount(); ++i)
                changes.changes << core::Change{core::ChangeOp::Update,
                                                {{QStringLiteral("id"), r.text(i, 0)}},
                                                r.text(i, 1),
                                                {{QStringLiteral("v"), QStringLiteral("5")}},
                                                {}};
        }
        ui::EditSession session(table, QStringLiteral("private"), nullptr);
        session.replace(changes);
        QCOMPARE(session.size(), 20000);

        auto locker = core::Connection::open(profile(QStringLiteral("ui.locker")));
        locker.exec(QStringLiteral("begin; select * from ui_rows where id = 15000 for update"));
        QSignalSpy failed(&session, &ui::EditSession::applyFailed);
        QSignalSpy applied(&session, &ui::EditSession::applied);
        session.apply(pool);
        QElapsedTimer timer;
        timer.start();
        while (m_cluster->psql(
                   QStringLiteral("select count(*) from pg_stat_activity where application_name = "
                                  "'ui.apply' and wait_event_type = 'Lock'")) != QStringLiteral("1")) {
            if (timer.elapsed() > 30000) {
                locker.exec(QStringLiteral("rollback"));
                QTRY_VERIFY_WITH_TIMEOUT(!session.isApplying(), 60000);
                QFAIL("the apply never waited on the locked row");
            }
            QTest::qWait(50);
        }
        QVERIFY2(m_cluster->restart(), qPrintable(m_cluster->error()));
        QVERIFY(failed.wait(30000) || !failed.isEmpty());
        QVERIFY(applied.isEmpty());
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("nothing was applied")), qPrintable(message));
        QCOMPARE(session.size(), 20000);
        QCOMPARE(countWhere(QStringLiteral("ui_rows"), QStringLiteral("v <> 0")), 0);

        session.apply(pool); // the pool drops the dead connections itself
        QVERIFY(applied.wait(60000));
        QCOMPARE(session.size(), 0);
        QCOMPARE(countWhere(QStringLiteral("ui_rows"), QStringLiteral("v = 5")), 20000);
    }
};

PGDESK_UI_TEST_MAIN(TestUiFaults)
#include "tst_uifaults.moc"
