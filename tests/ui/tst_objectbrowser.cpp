#include "testcluster.h"

#include <pgdesk/core/connection.h>
#include <pgdesk/core/pool.h>
#include <pgdesk/ui/catalogtreemodel.h>
#include <pgdesk/ui/mainwindow.h>
#include <pgdesk/ui/objectbrowser.h>

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using pgdesk::ui::CatalogTreeModel;
using pgdesk::ui::ObjectBrowser;

class TestObjectBrowser final : public QObject {
    Q_OBJECT

    static QString cell(const QModelIndex& index, int column) {
        return index.sibling(index.row(), column).data().toString();
    }

    // Statements of ours (application "pgdesk-test", not `self`) that wait on the server for a lock.
    static int waitingOnLocks(pgdesk::core::Connection& self) {
        return self
            .exec(QStringLiteral("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                                 "and state = 'active' and application_name = 'pgdesk-test' "
                                 "and datname = current_database() and pid <> pg_backend_pid()"))
            .text(0, 0)
            .toInt();
    }

private slots:
    void loadsTheDemoCatalogOffTheGuiThread() {
        ObjectBrowser browser;
        QAbstractItemModelTester tester(browser.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&browser, &ObjectBrowser::loaded);
        QElapsedTimer timer;
        timer.start();
        browser.setPool(pgdesk::core::Pool::create(pgdesk::test::profile()));
        QVERIFY2(timer.elapsed() < 100, "setPool blocked the GUI thread");
        QVERIFY(browser.isLoading());
        QVERIFY(loaded.wait(10000));
        QVERIFY(loaded.first().first().toInt() >= 15);

        auto* model = browser.model();
        QStringList schemas;
        for (int r = 0; r < model->rowCount(); ++r)
            schemas << model->index(r, 0).data().toString();
        QVERIFY2(schemas.contains(QStringLiteral("public")) && schemas.contains(QStringLiteral("inventory")),
                 qPrintable(schemas.join(QLatin1Char(','))));

        const QModelIndex events = model->findTable(QStringLiteral("public"), QStringLiteral("events"));
        QVERIFY(events.isValid());
        QVERIFY2(model->rowCount(events) >= 6, "partitions hang under their partitioned parent");
        QCOMPARE(model->index(0, 0, events).data(CatalogTreeModel::SchemaRole).toString(),
                 QStringLiteral("public"));
        QVERIFY(cell(events, CatalogTreeModel::NotesColumn).contains(QStringLiteral("partitioned")));

        const QModelIndex posts = model->findTable(QStringLiteral("public"), QStringLiteral("posts"));
        QVERIFY(
            cell(posts, CatalogTreeModel::NotesColumn).contains(QStringLiteral("soft delete: deleted_at")));
        QCOMPARE(cell(posts, CatalogTreeModel::RowsColumn), QStringLiteral("≈ 1,000"));
        const QModelIndex big = model->findTable(QStringLiteral("public"), QStringLiteral("big_orders"));
        QVERIFY(cell(big, CatalogTreeModel::RowsColumn).startsWith(QStringLiteral("≈ ")));
        const QModelIndex audit = model->findTable(QStringLiteral("public"), QStringLiteral("audit_log"));
        QVERIFY(cell(audit, CatalogTreeModel::NotesColumn).contains(QStringLiteral("no key")));
        QVERIFY(
            model->findTable(QStringLiteral("public"), QStringLiteral("we\"ird; drop table x;--")).isValid());
        const QModelIndex products =
            model->findTable(QStringLiteral("inventory"), QStringLiteral("products"));
        QVERIFY(products.isValid());
        QCOMPARE(products.parent().data().toString(), QStringLiteral("inventory"));

        // Activating a relation reports it; activating a schema does not.
        QSignalSpy activated(&browser, &ObjectBrowser::tableActivated);
        emit browser.view()->activated(posts);
        emit browser.view()->activated(posts.parent());
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(1).toString(), QStringLiteral("posts"));
    }

    void refreshSeesNewTables() {
        ObjectBrowser browser;
        QAbstractItemModelTester tester(browser.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&browser, &ObjectBrowser::loaded);
        browser.setPool(pgdesk::core::Pool::create(pgdesk::test::profile()));
        QVERIFY(loaded.wait(10000));
        const QString name = QStringLiteral("ui_refresh_%1").arg(QCoreApplication::applicationPid());
        QVERIFY(!browser.model()->findTable(QStringLiteral("public"), name).isValid());
        pgdesk::test::psql(QStringLiteral("create table %1(id int primary key)").arg(name));
        browser.refresh();
        QVERIFY(loaded.wait(10000));
        QVERIFY(browser.model()->findTable(QStringLiteral("public"), name).isValid());
        pgdesk::test::psql(QStringLiteral("drop table %1").arg(name));
    }

    // An uncommitted ALTER TABLE in another session: each Refresh cancels the load it supersedes, so the
    // blocked statements never pile up on pooled connections; the load gives up after its lock_timeout and
    // names the session holding the lock, with Retry; Esc cancels a load.
    void refreshWhileBlockedByAlterTableNeverPilesUp() {
        // A database of its own: the lock would block every other test reading the demo database's catalog.
        const QString db = QStringLiteral("tst_tree_lock_%1").arg(QCoreApplication::applicationPid());
        pgdesk::test::psql(QStringLiteral("create database %1").arg(db), QStringLiteral("postgres"));
        pgdesk::test::psql(QStringLiteral("create table public.customer (id int primary key, name text)"),
                           db);
        auto holderProfile = pgdesk::test::profile(db);
        holderProfile.applicationName = QStringLiteral("tst_objectbrowser_holder");
        auto holder = pgdesk::core::Connection::open(holderProfile);
        holder.exec(QStringLiteral("BEGIN; ALTER TABLE public.customer ADD COLUMN x int"));
        const QString pid = QString::number(holder.backendPid());
        auto probe = pgdesk::core::Connection::open(holderProfile);

        ObjectBrowser browser;
        QSignalSpy failed(&browser, &ObjectBrowser::loadFailed);
        QElapsedTimer timer;
        timer.start();
        browser.setPool(pgdesk::core::Pool::create(pgdesk::test::profile(db)));
        QTRY_VERIFY_WITH_TIMEOUT(waitingOnLocks(probe) == 1, 1500);
        browser.refresh();
        browser.refresh();
        // Time for the new loads to connect and reach the server, well before the lock_timeout (2 s) could
        // end the superseded ones: only the latest load waits.
        QTest::qWait(500);
        const int waiting = waitingOnLocks(probe);
        QVERIFY2(timer.elapsed() < 1800, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(waiting == 1, qPrintable(QStringLiteral("%1 statements wait").arg(waiting)));

        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.size(), 1); // the superseded loads report nothing
        const QString state = browser.findChild<QLabel*>(QStringLiteral("objectBrowserState"))->text();
        QVERIFY2(state.contains(QStringLiteral("waiting for a lock held by PID %1 (").arg(pid)),
                 qPrintable(state));
        QVERIFY2(state.contains(QStringLiteral("ALTER TABLE public.customer ADD COLUMN x int")),
                 qPrintable(state));
        auto* retry = browser.findChild<QToolButton*>(QStringLiteral("objectBrowserRetry"));
        QVERIFY(retry && retry->isVisibleTo(&browser));

        // Esc cancels a load: its statement stops waiting at once.
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        retry->click();
        QVERIFY(browser.isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(waitingOnLocks(probe) == 1, 1500);
        browser.view()->setFocus();
        QTest::keyClick(browser.view(), Qt::Key_Escape);
        QVERIFY(!browser.isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(waitingOnLocks(probe) == 0, 1000);

        holder.exec(QStringLiteral("ROLLBACK"));
        QSignalSpy loaded(&browser, &ObjectBrowser::loaded);
        retry->click();
        QVERIFY(loaded.wait(10000));
        QVERIFY(!retry->isVisibleTo(&browser));
        holder = {};
        probe = {};
        pgdesk::test::psql(QStringLiteral("drop database %1 with (force)").arg(db),
                           QStringLiteral("postgres"));
    }

    void mainWindowFillsTheTreeWhenConnected() {
        pgdesk::ui::MainWindow w;
        w.show();
        w.openDsn(pgdesk::test::conninfo());
        QTRY_VERIFY_WITH_TIMEOUT(w.objectBrowser()->model()->rowCount() >= 2, 10000);
    }
};

QTEST_MAIN(TestObjectBrowser)
#include "tst_objectbrowser.moc"
