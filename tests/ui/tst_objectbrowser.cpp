#include "testcluster.h"

#include <pgdesk/core/pool.h>
#include <pgdesk/ui/catalogtreemodel.h>
#include <pgdesk/ui/mainwindow.h>
#include <pgdesk/ui/objectbrowser.h>

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using pgdesk::ui::CatalogTreeModel;
using pgdesk::ui::ObjectBrowser;

class TestObjectBrowser final : public QObject {
    Q_OBJECT

    static QString cell(const QModelIndex& index, int column) {
        return index.sibling(index.row(), column).data().toString();
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

    void mainWindowFillsTheTreeWhenConnected() {
        pgdesk::ui::MainWindow w;
        w.show();
        w.openDsn(pgdesk::test::conninfo());
        QTRY_VERIFY_WITH_TIMEOUT(w.objectBrowser()->model()->rowCount() >= 2, 10000);
    }
};

QTEST_MAIN(TestObjectBrowser)
#include "tst_objectbrowser.moc"
