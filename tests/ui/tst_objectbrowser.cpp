// SPDX-License-Identifier: GPL-3.0-or-later
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/roundtrips.h>
#include <pgdesk/ui/browse/browsefeature.h>
#include <pgdesk/ui/browse/catalogtreemodel.h>
#include <pgdesk/ui/browse/createscriptview.h>
#include <pgdesk/ui/browse/objectbrowser.h>
#include <pgdesk/ui/common/workbench.h>
#include <pgdesk/ui/shell/mainwindow.h>

#include <QAbstractItemModelTester>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QLabel>
#include <QMenu>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <memory>

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

    static QString lockWaiter(pgdesk::core::Connection& self) {
        return self
            .exec(QStringLiteral("select pid from pg_stat_activity where wait_event_type = 'Lock' "
                                 "and datname = current_database() and pid <> pg_backend_pid()"))
            .text(0, 0);
    }

    // The test cluster's log lines written since `from` that contain `text` ("[pid]" names a session).
    static QStringList serverLog(qint64 from, const QString& text) {
        QFile log(pgdesk::test::cluster().dir + QStringLiteral("/server.log"));
        if (!log.open(QIODevice::ReadOnly) || !log.seek(from))
            return {};
        return QString::fromUtf8(log.readAll()).split(QLatin1Char('\n')).filter(text);
    }

    static qint64 serverLogSize() {
        return QFileInfo(pgdesk::test::cluster().dir + QStringLiteral("/server.log")).size();
    }

private slots:
    void loadsTheDemoCatalogOffTheGuiThread() {
        ObjectBrowser browser;
        QAbstractItemModelTester tester(browser.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&browser, &ObjectBrowser::loaded);
        pgdesk::core::ThreadRoundTrips gui;
        browser.setPool(pgdesk::core::Pool::create(pgdesk::test::profile()));
        QVERIFY2(gui.count() == 0, "setPool talked to the server on the GUI thread");
        QVERIFY(browser.isLoading());
        QVERIFY(loaded.wait(10000));
        QVERIFY(loaded.first().first().toInt() >= 15);

        auto* model = browser.model();
        // Schemas sit under the session's database, which is loaded and marked.
        const QModelIndex demo = model->findDatabase();
        QCOMPARE(demo.data(CatalogTreeModel::DatabaseRole).toString(), QStringLiteral("pgdesk_demo"));
        QVERIFY(demo.data(CatalogTreeModel::IsDatabaseRole).toBool());
        QVERIFY(cell(demo, CatalogTreeModel::NotesColumn).contains(QStringLiteral("this session")));
        // No database row is italic (Persian digits and CJK have no italic glyphs in common fonts); one not
        // opened yet is dimmed; only the name is bold.
        int others = 0;
        for (int r = 0; r < model->rowCount(demo.parent()); ++r) {
            const QModelIndex db = model->index(r, 0, demo.parent());
            if (!db.data(CatalogTreeModel::IsDatabaseRole).toBool())
                continue;
            for (int c = 0; c < model->columnCount(db.parent()); ++c) {
                const QVariant font = db.siblingAtColumn(c).data(Qt::FontRole);
                QVERIFY(!font.isValid() || !font.value<QFont>().italic());
                QCOMPARE(font.isValid() && font.value<QFont>().bold(), c == CatalogTreeModel::NameColumn);
            }
            if (db != demo) {
                ++others;
                // Dimmed while its relations are not loaded (the model tester's fetchMore may load them).
                QCOMPARE(db.data(Qt::ForegroundRole).isValid(), model->canFetchMore(db));
            }
        }
        QVERIFY(others > 0);
        QStringList schemas;
        for (int r = 0; r < model->rowCount(demo); ++r)
            schemas << model->index(r, 0, demo).data().toString();
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
        QCOMPARE(activated.first().at(2).toString(), QStringLiteral("pgdesk_demo"));
    }

    // The relations are shown before their conventions and the databases' sizes are read (a big database
    // takes as long again for them); then the notes and sizes fill in where the tree is, its expanded
    // schemas and the current relation kept.
    void relationsFirstThenConventions() {
        ObjectBrowser browser;
        QAbstractItemModelTester tester(browser.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&browser, &ObjectBrowser::loaded);
        auto* model = browser.model();
        QString postsNotes;
        QString databaseSize;
        int shownAt = -1;
        QModelIndex current;
        connect(&browser, &ObjectBrowser::relationsShown, this, [&](int count) {
            shownAt = int(loaded.size());
            QVERIFY(count >= 15);
            const QModelIndex posts = model->findTable(QStringLiteral("public"), QStringLiteral("posts"));
            QVERIFY(posts.isValid());
            postsNotes = cell(posts, CatalogTreeModel::NotesColumn);
            databaseSize = cell(model->findDatabase(), CatalogTreeModel::SizeColumn);
            current = browser.viewIndex(posts);
            browser.view()->setCurrentIndex(current);
        });
        browser.setPool(pgdesk::core::Pool::create(pgdesk::test::profile()));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(shownAt, 0); // before loaded()
        QVERIFY2(!postsNotes.contains(QStringLiteral("soft delete")), qPrintable(postsNotes));
        QVERIFY2(databaseSize.isEmpty(), qPrintable(databaseSize));

        const QModelIndex posts = model->findTable(QStringLiteral("public"), QStringLiteral("posts"));
        QVERIFY(
            cell(posts, CatalogTreeModel::NotesColumn).contains(QStringLiteral("soft delete: deleted_at")));
        QVERIFY(cell(posts, CatalogTreeModel::NotesColumn).contains(QStringLiteral("key id")));
        QVERIFY(!cell(model->findDatabase(), CatalogTreeModel::SizeColumn).isEmpty());
        QVERIFY(browser.view()->isExpanded(browser.viewIndex(posts.parent())));
        QCOMPARE(browser.view()->currentIndex(), browser.viewIndex(posts));
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

    // A catalog locked by another session (a maintenance VACUUM FULL of pg_description does that; a user's
    // locked table does not make the listing wait, tst_catalog checks): each Refresh cancels the load it
    // supersedes, so the blocked statements never pile up on pooled connections; the load gives up after
    // its lock_timeout and names the session holding the lock, with Retry; Esc cancels a load.
    void refreshWhileBlockedByALockNeverPilesUp() {
        // A database of its own: the lock would block every other test reading the demo database's catalog.
        const QString db = QStringLiteral("tst_tree_lock_%1").arg(QCoreApplication::applicationPid());
        pgdesk::test::psql(QStringLiteral("create database %1").arg(db), QStringLiteral("postgres"));
        pgdesk::test::psql(QStringLiteral("create table public.customer (id int primary key, name text)"),
                           db);
        auto holderProfile = pgdesk::test::profile(db);
        holderProfile.applicationName = QStringLiteral("tst_objectbrowser_holder");
        auto holder = pgdesk::core::Connection::open(holderProfile);
        holder.exec(QStringLiteral("BEGIN; LOCK TABLE pg_catalog.pg_description IN ACCESS EXCLUSIVE MODE"));
        const QString pid = QString::number(holder.backendPid());
        auto probe = pgdesk::core::Connection::open(holderProfile);

        // The server's log says why each wait ended, a cancel request or the 2 s lock_timeout: the checks
        // below hold however slow the machine (a loaded sanitizer build takes over a second to cancel).
        const QString timedOut = QStringLiteral("canceling statement due to lock timeout");
        const QString cancelled = QStringLiteral("canceling statement due to user request");
        const qint64 logStart = serverLogSize();
        ObjectBrowser browser;
        QSignalSpy failed(&browser, &ObjectBrowser::loadFailed);
        browser.setPool(pgdesk::core::Pool::create(pgdesk::test::profile(db)));
        QTRY_VERIFY_WITH_TIMEOUT(waitingOnLocks(probe) == 1, 10000);
        const QString firstWaiter = QLatin1Char('[') + lockWaiter(probe) + QLatin1Char(']');
        browser.refresh();
        browser.refresh();
        // Time for the new loads to reach the server and the superseded ones' cancels to land (a loaded
        // sanitizer build takes over a second): then never more than the latest one waits. That the
        // superseded load was cancelled, not timed out, the server log checks below.
        QTest::qWait(300);
        QTRY_VERIFY2_WITH_TIMEOUT(waitingOnLocks(probe) <= 1,
                                  qPrintable(QStringLiteral("%1 statements wait").arg(waitingOnLocks(probe))),
                                  1500);
        QTRY_VERIFY_WITH_TIMEOUT(!serverLog(logStart, firstWaiter).filter(cancelled).isEmpty(), 3000);

        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.size(), 1); // the superseded loads report nothing
        // Only the latest load ran into the lock_timeout; the superseded ones were cancelled before.
        // (Sessions of other tests running meanwhile write to the same log: count only this browser's.)
        const auto browserSessions =
            probe.exec(QStringLiteral("select pid from pg_stat_activity where datname = current_database() "
                                      "and application_name = 'pgdesk-test'"));
        int timeouts = 0;
        for (int r = 0; r < browserSessions.rowCount(); ++r)
            timeouts +=
                int(serverLog(logStart, QLatin1Char('[') + browserSessions.text(r, 0) + QLatin1Char(']'))
                        .filter(timedOut)
                        .size());
        QCOMPARE(timeouts, 1);
        const QString state = browser.findChild<QLabel*>(QStringLiteral("objectBrowserState"))->text();
        QVERIFY2(state.contains(QStringLiteral("waiting for a lock held by PID %1 (").arg(pid)),
                 qPrintable(state));
        QVERIFY2(state.contains(QStringLiteral("LOCK TABLE pg_catalog.pg_description")), qPrintable(state));
        auto* retry = browser.findChild<QToolButton*>(QStringLiteral("objectBrowserRetry"));
        QVERIFY(retry && retry->isVisibleTo(&browser));

        // Esc cancels a load: its statement stops waiting at once. On a loaded sanitizer build the cancel can
        // lose the race with the load's 2 s lock_timeout; the server's log says which ended the wait, and a
        // lost race is tried again (at most five times: a cancel that never lands still fails).
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        bool cancelSeen = false;
        for (int attempt = 0; attempt < 5 && !cancelSeen; ++attempt) {
            retry->click();
            QVERIFY(browser.isLoading());
            // Under load the load may reach the lock late, or its lock_timeout may end the wait before this
            // poll sees it: that attempt is tried again too.
            QTRY_VERIFY_WITH_TIMEOUT(waitingOnLocks(probe) == 1 || !browser.isLoading(), 10000);
            if (!browser.isLoading())
                continue;
            const QString waiter = QLatin1Char('[') + lockWaiter(probe) + QLatin1Char(']');
            const qint64 escStart = serverLogSize();
            browser.view()->setFocus();
            QTest::keyClick(browser.view(), Qt::Key_Escape);
            QVERIFY(!browser.isLoading());
            QTRY_VERIFY_WITH_TIMEOUT(waitingOnLocks(probe) == 0, 5000);
            QTRY_VERIFY_WITH_TIMEOUT(!serverLog(escStart, waiter).filter(cancelled).isEmpty() ||
                                         !serverLog(escStart, waiter).filter(timedOut).isEmpty(),
                                     5000);
            cancelSeen = !serverLog(escStart, waiter).filter(cancelled).isEmpty();
        }
        QVERIFY2(cancelSeen, "Esc's cancel never reached the waiting load before its lock_timeout");

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

    // The server's tablespaces in a folder after the databases, the database's event triggers in a folder
    // after its schemas, each with its CREATE script from the tree; neither opens like a table.
    void tablespacesAndEventTriggers() {
        const QString trigger = QStringLiteral("tree_et_%1").arg(QCoreApplication::applicationPid());
        pgdesk::test::psql(
            QStringLiteral("create or replace function public.%1_fn() returns event_trigger language plpgsql "
                           "as $$ begin end $$; create event trigger %1 on ddl_command_end when tag in "
                           "('CREATE TABLE') execute function public.%1_fn()")
                .arg(trigger));
        const auto dropIt = qScopeGuard([&] { // also when a check fails: the cluster is every suite's
            pgdesk::test::psql(QStringLiteral("drop event trigger if exists %1; drop function if exists "
                                              "public.%1_fn()")
                                   .arg(trigger));
        });
        pgdesk::ui::MainWindow w;
        w.show();
        w.openDsn(pgdesk::test::conninfo());
        ObjectBrowser* browser = pgdesk::ui::BrowseFeature::of(w)->objectBrowser();
        QSignalSpy loaded(browser, &ObjectBrowser::loaded);
        QVERIFY(loaded.wait(20000));
        CatalogTreeModel* model = browser->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);

        // Tablespaces: the last row of the root.
        const QModelIndex spaces = model->index(model->rowCount() - 1, 0);
        QCOMPARE(spaces.data(CatalogTreeModel::KindRole).toString(),
                 QLatin1String(CatalogTreeModel::kFolderKind));
        QCOMPARE(spaces.data(CatalogTreeModel::NameRole).toString(), QStringLiteral("Tablespaces"));
        QStringList names;
        for (int r = 0; r < model->rowCount(spaces); ++r)
            names << model->index(r, 0, spaces).data(CatalogTreeModel::NameRole).toString();
        QVERIFY2(names.contains(QStringLiteral("pg_default")) && names.contains(QStringLiteral("pg_global")),
                 qPrintable(names.join(u',')));
        const QModelIndex pgDefault =
            model->index(int(names.indexOf(QStringLiteral("pg_default"))), 0, spaces);
        QCOMPARE(pgDefault.data(CatalogTreeModel::KindRole).toString(),
                 QLatin1String(CatalogTreeModel::kTablespaceKind));
        QVERIFY(cell(pgDefault, CatalogTreeModel::NotesColumn).contains(QStringLiteral("data directory")));
        QVERIFY(!cell(pgDefault, CatalogTreeModel::SizeColumn).isEmpty()); // a superuser may ask its size

        // Event triggers: a folder of the session's database.
        const QModelIndex demo = model->findDatabase();
        const QModelIndex folder = model->index(model->rowCount(demo) - 1, 0, demo);
        QCOMPARE(folder.data(CatalogTreeModel::NameRole).toString(), QStringLiteral("Event triggers"));
        QModelIndex found;
        for (int r = 0; r < model->rowCount(folder); ++r)
            if (model->index(r, 0, folder).data(CatalogTreeModel::NameRole).toString() == trigger)
                found = model->index(r, 0, folder);
        QVERIFY(found.isValid());
        QVERIFY(cell(found, CatalogTreeModel::NotesColumn).contains(QStringLiteral("ddl_command_end")));
        QVERIFY(cell(found, CatalogTreeModel::NotesColumn).contains(QStringLiteral("CREATE TABLE")));

        // Neither opens as a table; each has its CREATE script.
        QSignalSpy activated(browser, &ObjectBrowser::tableActivated);
        emit browser->view()->activated(browser->viewIndex(found));
        emit browser->view()->activated(browser->viewIndex(pgDefault));
        QCOMPARE(activated.size(), 0);
        std::unique_ptr<QMenu> menu(browser->createContextMenu(found, nullptr));
        QVERIFY(!menu->findChild<QAction*>(QStringLiteral("treeOpenAction")));
        QAction* script = menu->findChild<QAction*>(QStringLiteral("treeEventTriggerScriptAction"));
        QVERIFY(script);
        QTabWidget* tabs = pgdesk::ui::Workbench::of(w)->tabs();
        const int before = tabs->count();
        script->trigger();
        QCOMPARE(tabs->count(), before + 1);
        auto* view = qobject_cast<pgdesk::ui::CreateScriptView*>(tabs->widget(before));
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(!view->script().isEmpty() || view->messageLabel()->text().contains(u':'),
                                 10000);
        QVERIFY2(view->script().contains(QStringLiteral("CREATE EVENT TRIGGER \"%1\"").arg(trigger)),
                 qPrintable(view->script() + view->messageLabel()->text()));
        QVERIFY(view->script().contains(QStringLiteral("WHEN TAG IN ('CREATE TABLE')")));
        menu.reset(browser->createContextMenu(pgDefault, nullptr));
        QVERIFY(menu->findChild<QAction*>(QStringLiteral("treeTablespaceScriptAction")));
        menu.reset(browser->createContextMenu(spaces, nullptr)); // a folder: nothing to do to it
        QVERIFY(!menu->findChild<QAction*>(QStringLiteral("treeTablespaceScriptAction")));
        QVERIFY(!menu->findChild<QAction*>(QStringLiteral("treeOpenAction")));
    }

    void mainWindowFillsTheTreeWhenConnected() {
        pgdesk::ui::MainWindow w;
        w.show();
        w.openDsn(pgdesk::test::conninfo());
        QTRY_VERIFY_WITH_TIMEOUT(
            pgdesk::ui::BrowseFeature::of(w)->objectBrowser()->model()->rowCount(
                pgdesk::ui::BrowseFeature::of(w)->objectBrowser()->model()->findDatabase()) >= 2,
            10000);
    }
};

PGDESK_UI_TEST_MAIN(TestObjectBrowser)
#include "tst_objectbrowser.moc"
