// SPDX-License-Identifier: GPL-3.0-or-later
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/roundtrips.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/grid/griddelegate.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using pgdesk::ui::PageModel;
using pgdesk::ui::TableBrowser;

class TestTableBrowser final : public QObject {
    Q_OBJECT

    std::shared_ptr<pgdesk::core::Pool> m_pool;

    static QStringList column(const PageModel* model, int c) {
        QStringList values;
        for (int r = 0; r < model->rowCount(); ++r)
            values << model->index(r, c).data(Qt::EditRole).toString();
        return values;
    }
    static bool waitLoaded(TableBrowser& b) {
        QSignalSpy spy(&b, &TableBrowser::pageLoaded);
        return spy.wait(15000);
    }

private slots:
    void initTestCase() { m_pool = pgdesk::core::Pool::create(pgdesk::test::profile()); }

    void opensWithoutBlockingAndPagesByKeyset() {
        pgdesk::core::ThreadRoundTrips gui;
        TableBrowser b(m_pool, QStringLiteral("public"), QStringLiteral("big_orders"));
        QAbstractItemModelTester tester(b.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY2(gui.count() == 0, "constructing the tab talked to the server on the GUI thread");
        QVERIFY(b.isLoading());
        QVERIFY(waitLoaded(b));
        QCOMPARE(b.model()->rowCount(), 100);
        QCOMPARE(b.model()->index(0, 0).data().toString(), QStringLiteral("1"));
        QCOMPARE(b.rangeText(), QStringLiteral("rows 1–100 of ≈ 1,000,000"));
        QCOMPARE(b.model()->index(0, 0).data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight,
                 int(Qt::AlignRight));

        b.nextPage();
        QVERIFY(waitLoaded(b));
        QCOMPARE(b.model()->index(0, 0).data().toString(), QStringLiteral("101"));
        QCOMPARE(b.rangeText(), QStringLiteral("rows 101–200 of ≈ 1,000,000"));

        b.lastPage();
        QVERIFY(waitLoaded(b));
        QCOMPARE(b.model()->index(99, 0).data().toString(), QStringLiteral("1000000"));
        QCOMPARE(column(b.model(), 0),
                 pgdesk::test::psql(
                     QStringLiteral("select order_id from big_orders order by order_id offset 999900"))
                     .split(QLatin1Char('\n')));

        b.previousPage();
        QVERIFY(waitLoaded(b));
        QCOMPARE(b.model()->index(0, 0).data().toString(), QStringLiteral("999801"));

        b.firstPage();
        QVERIFY(waitLoaded(b));
        QCOMPARE(b.model()->index(0, 0).data().toString(), QStringLiteral("1"));
    }

    void headerClickSortsOnTheServer() {
        TableBrowser b(m_pool, QStringLiteral("public"), QStringLiteral("users"));
        QAbstractItemModelTester tester(b.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(b));
        const int username = [&] {
            for (int c = 0; c < b.model()->columnCount(); ++c)
                if (b.model()->headerData(c, Qt::Horizontal).toString() == QStringLiteral("username"))
                    return c;
            return -1;
        }();
        QVERIFY(username >= 0);
        emit b.view()->horizontalHeader()->sectionClicked(username);
        QVERIFY(waitLoaded(b));
        QCOMPARE(
            column(b.model(), username),
            pgdesk::test::psql(QStringLiteral("select username from users order by username, id limit 100"))
                .split(QLatin1Char('\n')));
        QCOMPARE(b.view()->horizontalHeader()->sortIndicatorSection(), username);
        emit b.view()->horizontalHeader()->sectionClicked(username); // again: descending
        QVERIFY(waitLoaded(b));
        QCOMPARE(b.view()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(column(b.model(), username).first(),
                 pgdesk::test::psql(QStringLiteral("select max(username) from users")));
    }

    void softDeleteScopeAndNullDisplay() {
        TableBrowser b(m_pool, QStringLiteral("public"), QStringLiteral("posts"));
        QVERIFY(waitLoaded(b));
        QVERIFY(b.rangeText().endsWith(QStringLiteral("of 900")) ||
                b.rangeText().contains(QStringLiteral("900")));
        b.setScope(pgdesk::core::SoftDeleteScope::Deleted);
        QVERIFY(waitLoaded(b));
        const int deletedAt = b.model()->columnCount() - 1;
        QCOMPARE(b.model()->headerData(deletedAt, Qt::Horizontal).toString(), QStringLiteral("deleted_at"));
        for (int r = 0; r < b.model()->rowCount(); ++r)
            QVERIFY(!b.model()->index(r, deletedAt).data(PageModel::IsNullRole).toBool());
        b.setScope(pgdesk::core::SoftDeleteScope::Active);
        QVERIFY(waitLoaded(b));
        QVERIFY(b.model()->index(0, deletedAt).data(PageModel::IsNullRole).toBool());
        QCOMPARE(b.model()->index(0, deletedAt).data().toString(), QStringLiteral("NULL"));
        // Drawn in italics by the grid's delegate (the model says what the cell is, not how it looks).
        const auto* delegate = qobject_cast<pgdesk::ui::GridDelegate*>(b.view()->itemDelegate());
        QVERIFY(delegate->styleFor(b.model()->index(0, deletedAt)).font.italic());
    }

    // Rows the default scope hides are named beside the switch; a pagila-like activebool column (not a
    // documented name) is no convention, and every row shows.
    void hiddenRowsAreNamed() {
        TableBrowser posts(m_pool, QStringLiteral("public"), QStringLiteral("posts"));
        QVERIFY(waitLoaded(posts));
        auto* note = posts.findChild<QLabel*>(QStringLiteral("hiddenRowsLabel"));
        QVERIFY(note);
        QVERIFY(!note->isHidden());
        QCOMPARE(note->text(), QStringLiteral("Rows with deleted_at set are hidden"));
        posts.setScope(pgdesk::core::SoftDeleteScope::All);
        QVERIFY(waitLoaded(posts));
        QVERIFY(note->isHidden());
        posts.setScope(pgdesk::core::SoftDeleteScope::Active);
        QVERIFY(waitLoaded(posts));
        QVERIFY(!note->isHidden());

        TableBrowser customer(m_pool, QStringLiteral("public"), QStringLiteral("customer"));
        QVERIFY(waitLoaded(customer));
        QCOMPARE(customer.findChild<QLabel*>(QStringLiteral("hiddenRowsLabel"))->text(),
                 QStringLiteral("Rows with is_active false are hidden"));

        const pgdesk::test::ScratchSchema scratch(
            QStringLiteral("pagila_ui_%1").arg(QCoreApplication::applicationPid()),
            QStringLiteral(
                "create table $S.customer (customer_id serial primary key, first_name text not null, "
                "activebool boolean not null default true, active integer); insert into $S.customer "
                "(first_name, activebool, active) select 'n' || g, g % 10 <> 0, (g % 10 <> 0)::int "
                "from generate_series(1, 350) g"));
        {
            TableBrowser pagila(m_pool, scratch.name(), QStringLiteral("customer"));
            QVERIFY(waitLoaded(pagila));
            pagila.setPageSize(1000);
            QVERIFY(waitLoaded(pagila));
            QCOMPARE(pagila.model()->rowCount(), 350);
            QVERIFY(pagila.findChild<QLabel*>(QStringLiteral("hiddenRowsLabel"))->isHidden());
        }
    }

    void errorsShowInTheTab() {
        TableBrowser b(m_pool, QStringLiteral("public"), QStringLiteral("no_such_table"));
        QSignalSpy failed(&b, &TableBrowser::loadFailed);
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("no_such_table")));
    }

    // The server drops the tab's connections: the next page fails with "Connection lost" and a Reconnect
    // button, which opens fresh connections and loads the page; nothing else in the tab is lost.
    void lostConnectionOffersReconnect() {
        auto profile = pgdesk::test::profile();
        profile.applicationName = QStringLiteral("tst_lost_%1").arg(QCoreApplication::applicationPid());
        auto pool = pgdesk::core::Pool::create(profile);
        TableBrowser b(pool, QStringLiteral("public"), QStringLiteral("customer"));
        QVERIFY(waitLoaded(b));
        b.nextPage();
        QVERIFY(waitLoaded(b));
        const QString before = b.rangeText();
        QVERIFY(b.reconnectButton()->isHidden());

        pgdesk::test::psql(QStringLiteral("select pg_terminate_backend(pid) from pg_stat_activity "
                                          "where application_name = '%1'")
                               .arg(profile.applicationName));
        QSignalSpy failed(&b, &TableBrowser::loadFailed);
        b.reload();
        QVERIFY(failed.wait(15000));
        QVERIFY(!b.reconnectButton()->isHidden());
        QVERIFY(b.findChild<QLabel*>(QStringLiteral("messageLabel"))
                    ->text()
                    .startsWith(QStringLiteral("Connection lost")));

        b.reconnectButton()->click();
        QVERIFY(waitLoaded(b));
        QVERIFY(b.reconnectButton()->isHidden());
        QCOMPARE(b.rangeText(), before);
        QCOMPARE(b.model()->rowCount(), 100);
    }

    void pageSizeAndGoToPage() {
        TableBrowser b(m_pool, QStringLiteral("public"), QStringLiteral("big_orders"));
        QVERIFY(waitLoaded(b));
        b.setPageSize(500);
        QVERIFY(waitLoaded(b));
        QCOMPARE(b.model()->rowCount(), 500);
        b.goToPage(3);
        QVERIFY(waitLoaded(b));
        QCOMPARE(b.model()->index(0, 0).data().toString(), QStringLiteral("1001"));
        QCOMPARE(b.rangeText(), QStringLiteral("rows 1,001–1,500 of ≈ 1,000,000"));
        b.nextPage(); // keyset continues from a jumped-to page
        QVERIFY(waitLoaded(b));
        QCOMPARE(b.model()->index(0, 0).data().toString(), QStringLiteral("1501"));
    }

    void exactCountReplacesTheEstimate() {
        TableBrowser b(m_pool, QStringLiteral("public"), QStringLiteral("customer"));
        QVERIFY(waitLoaded(b));
        QSignalSpy counted(&b, &TableBrowser::countFinished);
        b.countExactly();
        QVERIFY(b.isCounting());
        QVERIFY(counted.wait(10000));
        QCOMPARE(counted.first().first().toLongLong(), 425);
        QCOMPARE(b.rangeText(), QStringLiteral("rows 1–100 of 425"));
    }

    // A count blocked behind a lock is cancelled with PQcancel and the tab stays usable.
    void exactCountCanBeCancelled() {
        const QString table = QStringLiteral("count_lock_%1").arg(QCoreApplication::applicationPid());
        pgdesk::test::psql(
            QStringLiteral("create table %1 (id int primary key); insert into %1 values (1)").arg(table));
        TableBrowser b(m_pool, QStringLiteral("public"), table);
        QVERIFY(waitLoaded(b));
        auto locker = pgdesk::core::Connection::open(pgdesk::test::profile());
        locker.exec(QStringLiteral("begin; lock table %1 in access exclusive mode").arg(table));
        QSignalSpy failed(&b, &TableBrowser::countFailed);
        b.countExactly();
        QTest::qWait(500); // the count is now waiting for the lock
        QVERIFY(b.isCounting());
        QElapsedTimer timer;
        timer.start();
        b.cancelCount();
        QVERIFY(failed.wait(5000));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("57014")) ||
                failed.first().first().toString().contains(QStringLiteral("cancel")));
        QVERIFY(!b.isCounting());
        locker.exec(QStringLiteral("rollback"));
        pgdesk::test::psql(QStringLiteral("drop table %1").arg(table));
    }

    void staleRepliesAreDropped() {
        TableBrowser b(m_pool, QStringLiteral("public"), QStringLiteral("big_orders"));
        QVERIFY(waitLoaded(b));
        b.lastPage();
        b.firstPage(); // replaces the request above before its reply can be shown
        QSignalSpy loaded(&b, &TableBrowser::pageLoaded);
        QVERIFY(loaded.wait(15000));
        QTest::qWait(500);
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(b.model()->index(0, 0).data().toString(), QStringLiteral("1"));
    }
};

PGDESK_UI_TEST_MAIN(TestTableBrowser)
#include "tst_tablebrowser.moc"
