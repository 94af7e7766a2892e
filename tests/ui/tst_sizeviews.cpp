// SPDX-License-Identifier: GPL-3.0-or-later
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/admin/largestrelationsmodel.h>
#include <pgdesk/ui/admin/largestrelationsview.h>
#include <pgdesk/ui/browse/browsefeature.h>
#include <pgdesk/ui/browse/catalogtreemodel.h>
#include <pgdesk/ui/browse/objectbrowser.h>
#include <pgdesk/ui/shell/mainwindow.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLocale>
#include <QMenu>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using pgdesk::ui::CatalogTreeModel;
using pgdesk::ui::LargestRelationsModel;
using pgdesk::ui::LargestRelationsView;
using pgdesk::ui::ObjectBrowser;

// Sizes in the object tree and the largest-relations tab, on a schema of three tables of about 8 kB,
// 900 kB and 2 MB: sorted as numbers, "900 kB" comes before "2 MB" (as text it would not).
class TestSizeViews final : public QObject {
    Q_OBJECT
private:
    std::optional<pgdesk::test::ScratchSchema> m_scratch;
    QString m_schema;

    qint64 totalBytes(const QString& table) {
        return pgdesk::test::psql(
                   QStringLiteral("select pg_total_relation_size('%1.%2')").arg(m_schema, table))
            .trimmed()
            .toLongLong();
    }

private slots:
    void initTestCase() {
        m_schema = QStringLiteral("tst_sizeviews_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(m_schema,
                          QStringLiteral("create table $S.tiny (id int);"
                                         "insert into $S.tiny values (1);"
                                         "create table $S.mid as select g as id, repeat('x', 100) as v "
                                         "  from generate_series(1, 6500) g;"
                                         "create table $S.big as select g as id, repeat('x', 100) as v "
                                         "  from generate_series(1, 16000) g;"
                                         "analyze $S.tiny; analyze $S.mid; analyze $S.big;"));
        const qint64 mid = totalBytes(QStringLiteral("mid"));
        const qint64 big = totalBytes(QStringLiteral("big"));
        QVERIFY2(mid > 700 * 1024 && mid < 1000 * 1024, qPrintable(QString::number(mid)));
        QVERIFY2(big > 1024 * 1024 * 3 / 2 && big < 3 * 1024 * 1024, qPrintable(QString::number(big)));
    }

    void treeSizeColumnSortsByBytes() {
        ObjectBrowser browser;
        QAbstractItemModelTester tester(browser.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester sortTester(browser.sortModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&browser, &ObjectBrowser::loaded);
        browser.setPool(pgdesk::core::Pool::create(pgdesk::test::profile()));
        QVERIFY(loaded.wait(15000));

        const QModelIndex mid = browser.model()->findTable(m_schema, QStringLiteral("mid"));
        QVERIFY(mid.isValid());
        const QModelIndex midSize = mid.siblingAtColumn(CatalogTreeModel::SizeColumn);
        // From the statistics (relpages), so within a few pages of the exact size.
        const qint64 shown = midSize.data(CatalogTreeModel::SortRole).toLongLong();
        const qint64 exact = totalBytes(QStringLiteral("mid"));
        QVERIFY2(qAbs(shown - exact) <= 3 * 8192,
                 qPrintable(QStringLiteral("%1 / %2").arg(shown).arg(exact)));
        QCOMPARE(midSize.data().toString(), QLocale().formattedDataSize(shown));
        QVERIFY2(midSize.data(Qt::ToolTipRole).toString().contains(QLocale().toString(shown)),
                 qPrintable(midSize.data(Qt::ToolTipRole).toString()));
        QCOMPARE(int(midSize.data(Qt::TextAlignmentRole).toInt() & Qt::AlignHorizontal_Mask),
                 int(Qt::AlignRight));
        QCOMPARE(browser.model()->headerData(CatalogTreeModel::SizeColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Size"));

        // Looked up after each sort: a sort moves rows.
        const auto order = [&] {
            const QModelIndex schema =
                browser.viewIndex(browser.model()->findTable(m_schema, QStringLiteral("mid")).parent());
            QStringList names;
            for (int r = 0; r < browser.sortModel()->rowCount(schema); ++r)
                names
                    << browser.sortModel()->index(r, 0, schema).data(CatalogTreeModel::TableRole).toString();
            return names;
        };
        const auto schemas = [&] {
            QStringList names;
            const QModelIndex db = browser.viewIndex(browser.model()->findDatabase());
            for (int r = 0; r < browser.sortModel()->rowCount(db); ++r)
                names << browser.sortModel()->index(r, 0, db).data(CatalogTreeModel::SchemaRole).toString();
            return names;
        };
        browser.view()->sortByColumn(CatalogTreeModel::SizeColumn, Qt::AscendingOrder);
        QCOMPARE(order(),
                 (QStringList{QStringLiteral("tiny"), QStringLiteral("mid"), QStringLiteral("big")}));
        const QStringList schemaOrder = schemas();
        browser.view()->sortByColumn(CatalogTreeModel::SizeColumn, Qt::DescendingOrder);
        QCOMPARE(order(),
                 (QStringList{QStringLiteral("big"), QStringLiteral("mid"), QStringLiteral("tiny")}));
        QCOMPARE(schemas(), schemaOrder); // largest first within each schema, the schemas as they were
        browser.view()->sortByColumn(CatalogTreeModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(order(),
                 (QStringList{QStringLiteral("big"), QStringLiteral("mid"), QStringLiteral("tiny")}));
        browser.view()->sortByColumn(CatalogTreeModel::RowsColumn, Qt::AscendingOrder);
        QCOMPARE(order(),
                 (QStringList{QStringLiteral("tiny"), QStringLiteral("mid"), QStringLiteral("big")}));
    }

    void largestRelationsTab() {
        auto pool = pgdesk::core::Pool::create(pgdesk::test::profile());
        LargestRelationsView view(pool, m_schema);
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester sortTester(view.sortModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&view, &LargestRelationsView::loaded);
        QVERIFY(view.isLoading());
        QVERIFY(loaded.wait(15000));
        QCOMPARE(loaded.first().first().toInt(), 3);
        const auto column = [&](int c) {
            QStringList out;
            for (int r = 0; r < view.sortModel()->rowCount(); ++r)
                out << view.sortModel()->index(r, c).data().toString();
            return out;
        };
        const QString q = m_schema + QLatin1Char('.');
        // Largest first.
        QVERIFY(column(LargestRelationsModel::NameColumn).first().contains(q + QStringLiteral("big")));
        const auto names = [&] {
            QStringList out;
            for (int r = 0; r < view.sortModel()->rowCount(); ++r)
                out << view.model()
                           ->relations()
                           .at(view.sortModel()->mapToSource(view.sortModel()->index(r, 0)).row())
                           .name;
            return out;
        };
        QCOMPARE(names(),
                 (QStringList{QStringLiteral("big"), QStringLiteral("mid"), QStringLiteral("tiny")}));
        view.view()->sortByColumn(LargestRelationsModel::TotalColumn, Qt::AscendingOrder);
        QCOMPARE(names(),
                 (QStringList{QStringLiteral("tiny"), QStringLiteral("mid"), QStringLiteral("big")}));
        view.view()->sortByColumn(LargestRelationsModel::RowsColumn, Qt::DescendingOrder);
        QCOMPARE(names(),
                 (QStringList{QStringLiteral("big"), QStringLiteral("mid"), QStringLiteral("tiny")}));

        // Sizes in units, exact bytes in the tooltip, the parts of the total in their columns.
        const int bigRow = view.sortModel()->mapToSource(view.sortModel()->index(0, 0)).row();
        const QModelIndex total = view.model()->index(bigRow, LargestRelationsModel::TotalColumn);
        const qint64 bytes = totalBytes(QStringLiteral("big"));
        QCOMPARE(total.data().toString(), QLocale().formattedDataSize(bytes));
        QVERIFY(total.data(Qt::ToolTipRole).toString().contains(QLocale().toString(bytes)));
        QCOMPARE(total.data(LargestRelationsModel::SortRole).toLongLong(), bytes);
        QCOMPARE(view.model()->index(bigRow, LargestRelationsModel::RowsColumn).data().toString(),
                 QLocale().toString(16000));
        const auto& big = view.model()->relations().at(bigRow);
        QCOMPARE(big.tableBytes + big.toastBytes + big.indexesBytes, bytes);

        // A limit of 1 lists the largest only.
        view.limitBox()->setValue(1);
        view.refresh();
        QVERIFY(loaded.wait(15000));
        QCOMPARE(view.model()->rowCount(), 1);
        QCOMPARE(view.model()->relations().first().name, QStringLiteral("big"));
    }

    // The schema's context menu in the tree opens the list as a tab (once per schema).
    void openedFromTheTreesSchemaMenu() {
        pgdesk::ui::MainWindow w;
        w.show();
        w.openDsn(pgdesk::test::conninfo());
        auto* tree = pgdesk::ui::BrowseFeature::of(w)->objectBrowser();
        QTRY_VERIFY_WITH_TIMEOUT(tree->model()->rowCount() > 0 && !tree->isLoading(), 15000);
        const QModelIndex schema = tree->model()->findTable(m_schema, QStringLiteral("mid")).parent();
        QVERIFY(schema.isValid());
        std::unique_ptr<QMenu> menu(tree->createContextMenu(schema, nullptr));
        QAction* largest = nullptr;
        for (QAction* a : menu->actions())
            if (a->objectName() == QLatin1String("treeLargestRelationsAction"))
                largest = a;
        QVERIFY(largest);
        largest->trigger();
        auto* view = w.findChild<LargestRelationsView*>();
        QVERIFY(view);
        QVERIFY(view->isVisible()); // the current tab
        QCOMPARE(view->schema(), m_schema);
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 3, 15000);
        largest->trigger();
        QCOMPARE(w.findChildren<LargestRelationsView*>().size(), 1);
        // A relation's menu has no such entry.
        std::unique_ptr<QMenu> relationMenu(
            tree->createContextMenu(tree->model()->findTable(m_schema, QStringLiteral("mid")), nullptr));
        for (QAction* a : relationMenu->actions())
            QVERIFY(a->objectName() != QLatin1String("treeLargestRelationsAction"));
    }

    void cleanupTestCase() { m_scratch.reset(); }
};

PGDESK_UI_TEST_MAIN(TestSizeViews)
#include "tst_sizeviews.moc"
