// SPDX-License-Identifier: GPL-3.0-or-later
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/profiles/profilestore.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/roundtrips.h>
#include <pgdesk/ui/browse/browsefeature.h>
#include <pgdesk/ui/browse/filterbar.h>
#include <pgdesk/ui/browse/filterconditionrow.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/connect/connectfeature.h>
#include <pgdesk/ui/connect/poolstatuswidget.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/query/queryfeature.h>
#include <pgdesk/ui/query/querytool.h>
#include <pgdesk/ui/query/sqllogdock.h>
#include <pgdesk/ui/shell/mainwindow.h>
#include <pgdesk/ui/shell/operationindicator.h>
#include <pgdesk/ui/shell/startupoptions.h>

#include <QLabel>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

class TestMainWindow final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        // As app/gui/main.cpp does, so QSettings has a place to write (this test's own XDG folder).
        QCoreApplication::setOrganizationName(QStringLiteral("pgdesk"));
        QCoreApplication::setApplicationName(QStringLiteral("pgdesk"));
    }

    void opensWithTitleMenuAndStatusBar() {
        pgdesk::ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.windowTitle(), QStringLiteral("PgDesk"));
        QVERIFY(w.menuBar()->actions().size() >= 3);
        QVERIFY(w.statusBar()->isVisible());
        QCOMPARE(w.connectionStatus(), QStringLiteral("Not connected"));
    }

    void startupOptions() {
        using pgdesk::ui::parseStartupOptions;
        auto o =
            parseStartupOptions({"--profile", "Demo", "--open", "posts", "--filter", "title contains a b",
                                 "--sort", "created_at:desc", "--deleted", "all", "--search", "x"});
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(o.filter.conditions.size(), 1);
        QCOMPARE(o.filter.conditions[0].values, QStringList{QStringLiteral("a b")});
        QVERIFY(o.sort.value(0).descending);
        QCOMPARE(o.scope, pgdesk::core::SoftDeleteScope::All);
        QVERIFY(!parseStartupOptions({"--filter", "a equal 1"}).error.isEmpty()); // needs --open
        QVERIFY(!parseStartupOptions({"--open", "t", "--filter", "a nope 1"}).error.isEmpty());
        QVERIFY(!parseStartupOptions({"--open", "t", "--deleted", "gone"}).error.isEmpty());
        QVERIFY(!parseStartupOptions({"--profile", "a", "--dsn", "b"}).error.isEmpty());
    }

    // `pgdesk --dsn … --open posts --filter … --sort … --deleted deleted` opens the tab that way.
    void opensATableWithAView() {
        pgdesk::ui::MainWindow w;
        pgdesk::ui::TableView view;
        view.filter.conditions = {pgdesk::core::conditionFromText(QStringLiteral("title contains 1"))};
        view.sort = {pgdesk::core::sortKeyFromText(QStringLiteral("created_at:desc"))};
        view.scope = pgdesk::core::SoftDeleteScope::Deleted;
        pgdesk::ui::BrowseFeature::of(w)->setTableToOpen(QStringLiteral("public.posts"), view);
        w.show();
        w.openDsn(pgdesk::test::conninfo());
        const QString expected =
            pgdesk::test::psql(QStringLiteral("select id from public.posts where deleted_at is not null and "
                                              "title ilike '%1%' order by created_at desc, id"));
        QTRY_VERIFY_WITH_TIMEOUT(
            pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser() &&
                pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser()->model()->rowCount() > 0,
            15000);
        auto* b = pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser();
        QTRY_VERIFY_WITH_TIMEOUT(b->rangeText().contains(QStringLiteral("of 22")), 15000);
        QStringList ids;
        for (int r = 0; r < b->model()->rowCount(); ++r)
            ids << b->model()->index(r, 0).data(Qt::EditRole).toString();
        QCOMPARE(ids, expected.split(QLatin1Char('\n'), Qt::SkipEmptyParts));
        QTRY_COMPARE_WITH_TIMEOUT(b->filterBar()->rows().size(), 1, 5000);
    }

    // A page load blocked by a lock shows in the status bar with Cancel; Cancel stops it on the server.
    // In a database of its own: suites listing the demo database's tables would wait on the lock too.
    void runningOperationCanBeCancelled() {
        const QString table = QStringLiteral("ind_%1").arg(QCoreApplication::applicationPid());
        pgdesk::test::psql(QStringLiteral("create database %1").arg(table), QStringLiteral("postgres"));
        pgdesk::test::psql(QStringLiteral("create table public.%1 (id int primary key)").arg(table), table);
        auto locker = pgdesk::core::Connection::open(pgdesk::test::profile(table));
        locker.exec(QStringLiteral("begin"));
        locker.exec(QStringLiteral("lock table public.%1 in access exclusive mode").arg(table));

        pgdesk::ui::MainWindow w;
        w.show();
        w.openDsn(pgdesk::test::conninfo(table));
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionStatus().contains(QStringLiteral("PostgreSQL")), 10000);
        pgdesk::ui::TableBrowser* b =
            pgdesk::ui::BrowseFeature::of(w)->openTable(QStringLiteral("public"), table);
        QVERIFY(b);
        QTRY_VERIFY_WITH_TIMEOUT(w.operationIndicator()->text().contains(table), 5000);
        QTest::qWait(300); // the load is waiting for the lock now
        QVERIFY(b->isBusy());
        QSignalSpy failed(b, &pgdesk::ui::TableBrowser::loadFailed);
        w.operationIndicator()->cancelButton()->click();
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("cancel")),
                 qPrintable(failed.first().first().toString()));
        QVERIFY(w.operationIndicator()->text().isEmpty());
        locker.exec(QStringLiteral("rollback"));
        b->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!b->isBusy() && b->rangeText() == QStringLiteral("No rows"), 10000);
        locker = {};
        pgdesk::test::psql(QStringLiteral("drop database %1 with (force)").arg(table),
                           QStringLiteral("postgres"));
    }

    // The Data page's controls (the Columns menu, the status bar's selection summary with its "Whole view")
    // are not shown over the Structure page, and come back with the rows.
    void structurePageHasNoDataControls() {
        pgdesk::ui::MainWindow w;
        w.show();
        w.openDsn(pgdesk::test::conninfo());
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionStatus().contains(QStringLiteral("PostgreSQL")), 10000);
        pgdesk::ui::TableBrowser* b =
            pgdesk::ui::BrowseFeature::of(w)->openTable(QStringLiteral("public"), QStringLiteral("customer"));
        QVERIFY(b);
        QTRY_VERIFY_WITH_TIMEOUT(b->table().has_value() && !b->isBusy(), 10000);
        auto* summary = w.findChild<QWidget*>(QStringLiteral("selectionSummary"));
        auto* columns = b->findChild<QToolButton*>(QStringLiteral("columnsButton"));
        QVERIFY(summary && columns);
        QVERIFY(summary->isVisible() && columns->isVisible());
        b->findChild<QToolButton*>(QStringLiteral("structureButton"))->click();
        QVERIFY(b->isStructureShown());
        QVERIFY(!summary->isVisible());
        QVERIFY(!columns->isVisible());
        b->findChild<QToolButton*>(QStringLiteral("dataButton"))->click();
        QVERIFY(summary->isVisible() && columns->isVisible());
    }

    // Connecting happens on a worker thread: the window keeps painting, then shows the server.
    void connectsToTheRealServerWithoutBlocking() {
        pgdesk::ui::MainWindow w;
        w.show();
        pgdesk::core::ThreadRoundTrips gui;
        w.openDsn(pgdesk::test::conninfo());
        QVERIFY2(gui.count() == 0, "openDsn talked to the server on the GUI thread");
        QVERIFY(w.connectionStatus().startsWith(QStringLiteral("Connecting")));
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionStatus().contains(QStringLiteral("PostgreSQL 15")), 10000);
        QVERIFY(w.connectionStatus().contains(QStringLiteral("postgres@pgdesk_demo")));
        QCOMPARE(w.windowTitle(), QStringLiteral("pgdesk_demo — PgDesk"));
    }

    void failedConnectionIsShownNotThrown() {
        pgdesk::ui::MainWindow w;
        w.show();
        w.openDsn(QStringLiteral("host=127.0.0.1 port=%1 user=%2 dbname=postgres password=wrong")
                      .arg(pgdesk::test::cluster().port)
                      .arg(pgdesk::test::cluster().authUser));
        QTRY_VERIFY_WITH_TIMEOUT(w.statusBar()->currentMessage().contains(QStringLiteral("authentication")),
                                 10000);
        QCOMPARE(w.connectionStatus(), QStringLiteral("Not connected"));
        QVERIFY(!w.statusBar()->currentMessage().contains(QStringLiteral("wrong")));
    }

    // A reply from an earlier request never overwrites the answer to a later one.
    void staleReplyIsDropped() {
        pgdesk::ui::MainWindow w;
        w.openDsn(QStringLiteral("host=127.0.0.1 port=%1 user=%2 dbname=postgres password=wrong")
                      .arg(pgdesk::test::cluster().port)
                      .arg(pgdesk::test::cluster().authUser));
        w.openDsn(pgdesk::test::conninfo());
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionStatus().contains(QStringLiteral("PostgreSQL")), 10000);
        QTest::qWait(300); // give the first (failing) reply time to arrive, if it were going to be used
        QVERIFY(w.connectionStatus().contains(QStringLiteral("PostgreSQL")));
        QVERIFY(!w.statusBar()->currentMessage().contains(QStringLiteral("failed")));
    }

    // With a profile: the SQL log shows what a table tab ran, the pool status is live, and the tabs
    // come back (per profile) in the next window.
    void sqlLogPoolStatusAndRestoredTabs() {
        auto profile = pgdesk::test::profile();
        profile.name = QStringLiteral("Restore test");
        profile.hideParameters = true;
        pgdesk::core::ProfileStore store;
        store.upsert(profile);
        store.save();
        {
            pgdesk::ui::MainWindow w;
            w.show();
            w.openProfile(profile.name);
            QTRY_VERIFY2_WITH_TIMEOUT(w.connectionStatus().contains(QStringLiteral("PostgreSQL")),
                                      qPrintable(w.statusBar()->currentMessage()), 10000);
            QVERIFY(pgdesk::ui::ConnectFeature::of(w)->poolStatus()->isVisible());
            pgdesk::ui::BrowseFeature::of(w)->openTable(QStringLiteral("public"), QStringLiteral("customer"));
            pgdesk::ui::BrowseFeature::of(w)->openTable(QStringLiteral("inventory"),
                                                        QStringLiteral("products"));
            QTRY_VERIFY_WITH_TIMEOUT(pgdesk::ui::QueryFeature::of(w)->sqlLog()->text().contains(
                                         QStringLiteral("\"inventory\".\"products\"")),
                                     10000);
            QTRY_VERIFY_WITH_TIMEOUT(pgdesk::ui::QueryFeature::of(w)->sqlLog()->text().contains(
                                         QStringLiteral("\"public\".\"customer\"")),
                                     10000);
            QTRY_VERIFY_WITH_TIMEOUT(
                pgdesk::ui::ConnectFeature::of(w)->poolStatus()->text().contains(QStringLiteral("idle")),
                5000);
            // Filter values are parameters, shown hidden when the profile says so.
            pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser()->filterBar()->setSearch(
                QStringLiteral("secret-search"));
            pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser()->filterBar()->apply();
            QTRY_VERIFY_WITH_TIMEOUT(
                pgdesk::ui::QueryFeature::of(w)->sqlLog()->text().contains(QStringLiteral("<hidden>")),
                10000);
            QVERIFY(
                !pgdesk::ui::QueryFeature::of(w)->sqlLog()->text().contains(QStringLiteral("secret-search")));
            QCOMPARE(pgdesk::ui::BrowseFeature::of(w)->openTables(),
                     (QStringList{QStringLiteral("public.customer"), QStringLiteral("inventory.products")}));
            pgdesk::ui::QueryFeature::of(w)->openQueryTool()->setSql(
                QStringLiteral("select 'not run yet', 'ünïcode';\n-- kept"));
            w.close(); // saves the session
        }
        pgdesk::ui::MainWindow again;
        again.show();
        again.openProfile(profile.name);
        QTRY_COMPARE_WITH_TIMEOUT(
            pgdesk::ui::BrowseFeature::of(again)->openTables(),
            (QStringList{QStringLiteral("public.customer"), QStringLiteral("inventory.products")}), 10000);
        // The query tool comes back after the tables, as it was, with its text.
        auto* tabs = again.findChild<QTabWidget*>(QStringLiteral("tabs"));
        QCOMPARE(tabs->count(), 3);
        auto* tool = qobject_cast<pgdesk::ui::QueryTool*>(tabs->widget(2));
        QVERIFY(tool);
        QCOMPARE(tool->sql(), QStringLiteral("select 'not run yet', 'ünïcode';\n-- kept"));
    }
};

PGDESK_UI_TEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
