// SPDX-License-Identifier: GPL-3.0-or-later
// Every database of a server: the tree's database level, a pool per database made only when one of its
// objects is opened, tabs that remember their database, and profiles pinned to one database.
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/profiles/profilestore.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/sessionpools.h>
#include <pgdesk/ui/browse/browsefeature.h>
#include <pgdesk/ui/browse/catalogtreemodel.h>
#include <pgdesk/ui/browse/objectbrowser.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/connect/connectfeature.h>
#include <pgdesk/ui/connect/poolstatuswidget.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/query/queryfeature.h>
#include <pgdesk/ui/query/querytool.h>
#include <pgdesk/ui/shell/mainwindow.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

#include <memory>

using pgdesk::ui::CatalogTreeModel;
using pgdesk::ui::ObjectBrowser;

class TestDatabases final : public QObject {
    Q_OBJECT

    QString m_other;

    static QStringList databases(const CatalogTreeModel* model) {
        QStringList out;
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->index(r, 0).data(CatalogTreeModel::IsDatabaseRole).toBool()) // not the tablespaces
                out << model->index(r, 0).data(CatalogTreeModel::DatabaseRole).toString();
        return out;
    }

    static QAction* action(QMenu* menu, const char* name) {
        for (QAction* a : menu->actions())
            if (a->objectName() == QLatin1String(name))
                return a;
        return nullptr;
    }

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("pgdesk"));
        QCoreApplication::setApplicationName(QStringLiteral("pgdesk"));
        QSettings().clear();
        m_other = QStringLiteral("tst_dbtree_%1").arg(QCoreApplication::applicationPid());
        pgdesk::test::psql(QStringLiteral("create database %1").arg(m_other), QStringLiteral("postgres"));
        pgdesk::test::psql(
            QStringLiteral("create schema sales; create table sales.orders (id int primary key, "
                           "note text); insert into sales.orders values (1, 'in %1')")
                .arg(m_other),
            m_other);
    }

    void cleanupTestCase() {
        pgdesk::test::psql(QStringLiteral("drop database if exists %1 with (force)").arg(m_other),
                           QStringLiteral("postgres"));
    }

    // The databases are the tree's top level; only the session's own is loaded; expanding another loads
    // it from a pool of its own, made then.
    void anotherDatabaseLoadsWhenExpanded() {
        ObjectBrowser browser;
        QSignalSpy loaded(&browser, &ObjectBrowser::loaded);
        browser.setPool(pgdesk::core::Pool::create(pgdesk::test::profile()));
        QVERIFY(loaded.wait(10000));
        auto* model = browser.model();
        const QStringList names = databases(model);
        QVERIFY2(names.contains(QStringLiteral("pgdesk_demo")) && names.contains(m_other) &&
                     names.contains(QStringLiteral("postgres")),
                 qPrintable(names.join(u',')));
        QVERIFY(!names.contains(QStringLiteral("template1"))); // templates hidden unless asked
        QCOMPARE(model->loadedDatabases(), QStringList{QStringLiteral("pgdesk_demo")});
        QCOMPARE(browser.pools()->pools().size(), 1);

        const QModelIndex other = model->findDatabase(m_other);
        QVERIFY(model->hasChildren(other)); // an expander before it is loaded
        QCOMPARE(model->rowCount(other), 0);
        QVERIFY(!model->findTable(QStringLiteral("sales"), QStringLiteral("orders"), m_other).isValid());

        QSignalSpy dbLoaded(&browser, &ObjectBrowser::databaseLoaded);
        browser.view()->expand(browser.viewIndex(other));
        QVERIFY(dbLoaded.wait(10000));
        QCOMPARE(dbLoaded.first().at(0).toString(), m_other);
        QCOMPARE(browser.pools()->pools().size(), 2);
        // The tester walks every database, and fetchMore() loads each: after the counts above.
        QAbstractItemModelTester tester(browser.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex orders =
            model->findTable(QStringLiteral("sales"), QStringLiteral("orders"), m_other);
        QVERIFY(orders.isValid());
        QCOMPARE(orders.data(CatalogTreeModel::DatabaseRole).toString(), m_other);
        QVERIFY(
            !model->findTable(QStringLiteral("sales"), QStringLiteral("orders")).isValid()); // not in demo
        QVERIFY(model->findTable(QStringLiteral("public"), QStringLiteral("customer")).isValid());

        // Opening it names its database.
        QSignalSpy activated(&browser, &ObjectBrowser::tableActivated);
        emit browser.view()->activated(browser.viewIndex(orders));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(2).toString(), m_other);

        // A refresh keeps the other database loaded.
        browser.refresh();
        QVERIFY(dbLoaded.wait(10000));
        QVERIFY(model->findTable(QStringLiteral("sales"), QStringLiteral("orders"), m_other).isValid());

        // Templates when asked (remembered), from the database's context menu.
        std::unique_ptr<QMenu> menu(browser.createContextMenu(model->findDatabase(m_other), nullptr));
        QAction* templates = action(menu.get(), "treeShowTemplatesAction");
        QVERIFY(templates && templates->isEnabled() && !templates->isChecked());
        templates->trigger();
        QVERIFY(loaded.wait(10000));
        QVERIFY(databases(model).contains(QStringLiteral("template1")));
        QVERIFY(!databases(model).contains(QStringLiteral("template0"))); // no connections allowed
        QVERIFY(QSettings().value(QStringLiteral("objectTree/showTemplates")).toBool());
        browser.setShowTemplates(false);
        QVERIFY(loaded.wait(10000));
        QVERIFY(!databases(model).contains(QStringLiteral("template1")));
    }

    // The window opens a table of another database on that database's pool; the pool status counts it;
    // the tab comes back in its database in the next window.
    void tabsKeepTheirDatabase() {
        auto profile = pgdesk::test::profile();
        profile.name = QStringLiteral("Databases test");
        pgdesk::core::ProfileStore store;
        store.upsert(profile);
        store.save();
        {
            pgdesk::ui::MainWindow w;
            w.show();
            w.openProfile(profile.name);
            auto* tree = pgdesk::ui::BrowseFeature::of(w)->objectBrowser();
            QTRY_VERIFY_WITH_TIMEOUT(tree->model()->rowCount() > 0 && !tree->isLoading(), 15000);
            pgdesk::ui::TableBrowser* b = pgdesk::ui::BrowseFeature::of(w)->openTable(
                QStringLiteral("sales"), QStringLiteral("orders"), m_other);
            QVERIFY(b);
            QCOMPARE(b->pool()->profile().database, m_other);
            QTRY_VERIFY_WITH_TIMEOUT(b->model()->rowCount() == 1, 15000);
            QCOMPARE(b->model()->index(0, 1).data().toString(), QStringLiteral("in %1").arg(m_other));
            auto* tabs = w.tabs();
            QVERIFY2(tabs->tabText(tabs->currentIndex()).contains(m_other),
                     qPrintable(tabs->tabText(tabs->currentIndex())));
            QCOMPARE(w.tabDatabase(tabs->currentIndex()), m_other);
            pgdesk::ui::BrowseFeature::of(w)->openTable(QStringLiteral("public"), QStringLiteral("customer"));
            QCOMPARE(w.tabDatabase(tabs->currentIndex()), QStringLiteral("pgdesk_demo"));
            pgdesk::ui::ConnectFeature::of(w)->poolStatus()->refresh();
            QVERIFY2(pgdesk::ui::ConnectFeature::of(w)->poolStatus()->text().contains(
                         QStringLiteral("1 more database")),
                     qPrintable(pgdesk::ui::ConnectFeature::of(w)->poolStatus()->text()));
            QVERIFY(pgdesk::ui::ConnectFeature::of(w)->poolStatus()->toolTip().contains(m_other +
                                                                                        QLatin1Char(':')));

            // A query tool from the other database's menu runs there.
            tree->view()->setCurrentIndex(tree->viewIndex(tree->model()->findDatabase(m_other)));
            pgdesk::ui::QueryTool* tool = pgdesk::ui::QueryFeature::of(w)->openQueryTool();
            QVERIFY(tool);
            QCOMPARE(w.tabDatabase(tabs->currentIndex()), m_other);
            tool->setSql(QStringLiteral("select current_database()"));
            w.close(); // saves the session
        }
        pgdesk::ui::MainWindow again;
        again.show();
        again.openProfile(profile.name);
        QTRY_COMPARE_WITH_TIMEOUT(again.tabs()->count(), 3, 15000);
        QCOMPARE(again.tabDatabase(0), m_other);
        QCOMPARE(again.tabDatabase(1), QStringLiteral("pgdesk_demo"));
        QCOMPARE(again.tabDatabase(2), m_other);
        auto* restored = qobject_cast<pgdesk::ui::TableBrowser*>(again.tabs()->widget(0));
        QVERIFY(restored);
        QCOMPARE(restored->pool()->profile().database, m_other);
        QTRY_VERIFY_WITH_TIMEOUT(restored->model()->rowCount() == 1, 15000);
    }

    // A pinned profile shows and opens only its own database.
    void aPinnedProfileShowsOneDatabase() {
        auto profile = pgdesk::test::profile();
        profile.pinDatabase = true;
        ObjectBrowser browser;
        QSignalSpy loaded(&browser, &ObjectBrowser::loaded);
        browser.setPool(pgdesk::core::Pool::create(profile));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(databases(browser.model()), QStringList{QStringLiteral("pgdesk_demo")});
        QVERIFY(browser.model()->findTable(QStringLiteral("public"), QStringLiteral("customer")).isValid());
        std::unique_ptr<QMenu> menu(browser.createContextMenu(browser.model()->findDatabase(), nullptr));
        QVERIFY(!action(menu.get(), "treeShowTemplatesAction")->isEnabled());
    }
};

PGDESK_UI_TEST_MAIN(TestDatabases)
#include "tst_databases.moc"
