// SPDX-License-Identifier: GPL-3.0-or-later
// The grid's column layout against the real server: hidden columns are not fetched (yet the row key is,
// so edits still apply), the layout survives reopening the table, frozen columns scroll with the grid, and
// "Reset layout" brings everything back.
#include "tableeditingfixture.h"
#include "uitestmain.h"

#include <pgdesk/ui/browse/columnlayout.h>
#include <pgdesk/ui/browse/frozencolumns.h>

#include <QHeaderView>
#include <QLineEdit>
#include <QMutex>
#include <QScrollBar>
#include <QWheelEvent>

using pgdesk::ui::ColumnLayout;

class TestColumnLayout final : public QObject, private TableEditingFixture {
    Q_OBJECT

    QMutex m_mutex;
    QStringList m_statements; // page SELECTs of the items table, as sent (workers add to it)

    // The select list of the last page query sent for items.
    QString lastSelectList() {
        QMutexLocker lock(&m_mutex);
        for (qsizetype i = m_statements.size() - 1; i >= 0; --i) {
            const QString& s = m_statements[i];
            if (s.startsWith(QLatin1String("SELECT ")) && s.contains(QLatin1String("LIMIT")))
                return s.mid(7, s.indexOf(QLatin1String(" FROM ")) - 7);
        }
        return {};
    }
    static QString shownOrder(const TableBrowser& b) {
        QStringList names;
        QHeaderView* header = b.view()->horizontalHeader();
        for (int v = 0; v < header->count(); ++v) {
            const int logical = header->logicalIndex(v);
            if (!header->isSectionHidden(logical))
                names << b.model()->headerData(logical, Qt::Horizontal).toString();
        }
        return names.join(QLatin1Char(','));
    }
    // Changing the hidden columns reloads the page.
    static bool hideAndWait(TableBrowser& b, const QString& column, bool hidden) {
        QSignalSpy loaded(&b, &TableBrowser::pageLoaded);
        b.columnLayout()->setHidden(column, hidden);
        return loaded.wait(15000);
    }

private slots:
    void initTestCase() {
        QVERIFY(setUp());
        m_pool->setStatementObserver([this](const QString& sql, const QList<QString>&) {
            if (sql.contains(QLatin1String(".\"items\"")) || sql.contains(QLatin1String(".items"))) {
                QMutexLocker lock(&m_mutex);
                m_statements << sql;
            }
        });
    }
    void init() {
        clearJournal();
        QSettings().remove(QStringLiteral("columnLayout"));
    }

    void hiddenColumnsAreNotFetched() {
        auto b = open(QStringLiteral("items"));
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*b));
        QVERIFY(lastSelectList().contains(QLatin1String("\"note\"")));
        QVERIFY(hideAndWait(*b, QStringLiteral("note"), true));
        QVERIFY(!lastSelectList().contains(QLatin1String("\"note\"")));
        QVERIFY(lastSelectList().contains(QLatin1String("\"name\"")));
        QCOMPARE(col(b->model(), QStringLiteral("note")), -1);
        // The row key is hidden but still fetched: edits need it.
        QVERIFY(hideAndWait(*b, QStringLiteral("id"), true));
        QVERIFY(lastSelectList().contains(QLatin1String("\"id\"")));
        const int id = col(b->model(), QStringLiteral("id"));
        QVERIFY(id >= 0);
        QVERIFY(b->view()->isColumnHidden(id));
        QVERIFY(!b->view()->isColumnHidden(col(b->model(), QStringLiteral("name"))));
        QVERIFY(b->model()->setData(cell(b->model(), 7, QStringLiteral("name")), QStringLiteral("renamed"),
                                    Qt::EditRole));
        QVERIFY(applyAndWait(*b));
        QCOMPARE(sql(QStringLiteral("select name || '|' || note from $S.items where id = 7")),
                 QStringLiteral("renamed|note 7"));

        // Remembered: the table opened again fetches neither note nor shows id.
        b.reset();
        auto again = open(QStringLiteral("items"));
        QAbstractItemModelTester tester2(again->model(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*again));
        QVERIFY(!lastSelectList().contains(QLatin1String("\"note\"")));
        QCOMPARE(col(again->model(), QStringLiteral("note")), -1);
        QVERIFY(again->view()->isColumnHidden(col(again->model(), QStringLiteral("id"))));
        QCOMPARE(again->columnLayout()->hiddenColumns(),
                 (QStringList{QStringLiteral("note"), QStringLiteral("id")}));
        // Shown again: fetched again, in its place.
        QVERIFY(hideAndWait(*again, QStringLiteral("note"), false));
        QVERIFY(lastSelectList().contains(QLatin1String("\"note\"")));
        QVERIFY(col(again->model(), QStringLiteral("note")) >= 0);
    }

    void reorderIsRemembered() {
        auto b = open(QStringLiteral("items"));
        QVERIFY(waitLoaded(*b));
        QHeaderView* header = b->view()->horizontalHeader();
        QVERIFY(header->sectionsMovable());
        header->moveSection(header->visualIndex(col(b->model(), QStringLiteral("qty"))), 0);
        const QString moved = shownOrder(*b);
        QVERIFY(moved.startsWith(QLatin1String("qty,id,name")));
        b.reset();
        auto again = open(QStringLiteral("items"));
        QAbstractItemModelTester tester(again->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*again));
        QCOMPARE(shownOrder(*again), moved);
        // A hidden column shown again comes back where it was, not at the end.
        QVERIFY(hideAndWait(*again, QStringLiteral("name"), true));
        QVERIFY(hideAndWait(*again, QStringLiteral("name"), false));
        QCOMPARE(shownOrder(*again), moved);
    }

    // A width set by hand is kept by name: through a reload that resets the header, and when reopened.
    void widthsAreRemembered() {
        auto b = open(QStringLiteral("items"));
        QVERIFY(waitLoaded(*b));
        const int name = col(b->model(), QStringLiteral("name"));
        const int defaultWidth = b->view()->columnWidth(name);
        b->view()->horizontalHeader()->resizeSection(name, defaultWidth + 77);
        QCOMPARE(b->columnLayout()->storedWidth(QStringLiteral("name")), defaultWidth + 77);
        QVERIFY(hideAndWait(*b, QStringLiteral("note"), true)); // another select list: a new header
        QCOMPARE(b->view()->columnWidth(col(b->model(), QStringLiteral("name"))), defaultWidth + 77);
        b.reset();
        auto again = open(QStringLiteral("items"));
        QVERIFY(waitLoaded(*again));
        QCOMPARE(again->view()->columnWidth(col(again->model(), QStringLiteral("name"))), defaultWidth + 77);
        // Reset layout forgets it.
        again->columnLayout()->reset();
        QCOMPARE(again->columnLayout()->storedWidth(QStringLiteral("name")), 0);
        again.reset();
        auto third = open(QStringLiteral("items"));
        QVERIFY(waitLoaded(*third));
        QVERIFY(third->view()->columnWidth(col(third->model(), QStringLiteral("name"))) != defaultWidth + 77);
    }

    void frozenColumnsFollowTheGrid() {
        auto b = open(QStringLiteral("items"));
        b->setPageSize(100);
        QVERIFY(waitLoaded(*b));
        b->resize(300, 300);
        b->show();
        QVERIFY(QTest::qWaitForWindowExposed(b.get()));
        const int name = col(b->model(), QStringLiteral("name"));
        // Nothing frozen: the overlay holds no model (its row header would cost 8 bytes a row of the result).
        QVERIFY(!b->columnLayout()->frozen()->view()->model());
        b->columnLayout()->freezeUpTo(name);
        QCOMPARE(b->columnLayout()->frozen()->view()->model(), b->view()->model());
        QCOMPARE(b->columnLayout()->frozenCount(), 2);
        QTableView* frozen = b->columnLayout()->frozen()->view();
        QVERIFY(frozen->isVisible());
        QVERIFY(!frozen->isColumnHidden(col(b->model(), QStringLiteral("id"))));
        QVERIFY(!frozen->isColumnHidden(name));
        QVERIFY(frozen->isColumnHidden(col(b->model(), QStringLiteral("qty"))));
        QCOMPARE(frozen->width(), b->view()->columnWidth(0) + b->view()->columnWidth(name));
        // Scrolled down and sideways: the frozen view shows the grid's rows, and stays where it is.
        b->view()->horizontalScrollBar()->setValue(b->view()->horizontalScrollBar()->maximum());
        b->view()->verticalScrollBar()->setValue(40);
        QVERIFY(b->view()->rowAt(0) > 0);
        QTRY_COMPARE(frozen->verticalScrollBar()->value(), b->view()->verticalScrollBar()->value());
        QCOMPARE(frozen->rowAt(0), b->view()->rowAt(0));
        QCOMPARE(frozen->rowAt(frozen->viewport()->height() / 2),
                 b->view()->rowAt(b->view()->viewport()->height() / 2));
        // Selection is one: selecting in the frozen view selects in the grid.
        QCOMPARE(frozen->selectionModel(), b->view()->selectionModel());
        // The wheel over the frozen part scrolls the grid, and the frozen view follows it.
        const int before = b->view()->verticalScrollBar()->value();
        QWheelEvent wheel(QPointF(5, 5), frozen->viewport()->mapToGlobal(QPointF(5, 5)), QPoint(),
                          QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(frozen->viewport(), &wheel);
        QVERIFY(b->view()->verticalScrollBar()->value() > before);
        QTRY_COMPARE(frozen->verticalScrollBar()->value(), b->view()->verticalScrollBar()->value());
        // The cursor moved to a column scrolled under the frozen part: the grid scrolls it out beside them.
        const QModelIndex qty = cell(b->model(), b->view()->rowAt(0), QStringLiteral("qty"));
        b->view()->setCurrentIndex(qty);
        QTRY_VERIFY2(b->view()->visualRect(qty).left() >= frozen->width(),
                     qPrintable(QString::number(b->view()->visualRect(qty).left())));
        // The two views share the grid's delegate: an edit in either ends in that view alone (no "commitData
        // / closeEditor called with an editor that does not belong to this view" from the other one), also
        // when the tab closes with a cell being edited.
        const int top = b->view()->rowAt(0);
        const QModelIndex frozenName = b->model()->index(top, name);
        frozen->setFocus();
        frozen->setCurrentIndex(frozenName);
        frozen->edit(frozenName);
        QTRY_VERIFY(frozen->viewport()->findChild<QLineEdit*>());
        QLineEdit* editor = frozen->viewport()->findChild<QLineEdit*>();
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("edited in the frozen part"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(frozenName.data().toString(), QStringLiteral("edited in the frozen part"));
        b->view()->setFocus();
        b->view()->edit(qty);
        QTRY_VERIFY(b->view()->viewport()->findChild<QLineEdit*>());
        b->editor()->session()->clear();

        // Remembered, and unfrozen on request.
        b.reset();
        auto again = open(QStringLiteral("items"));
        QVERIFY(waitLoaded(*again));
        QCOMPARE(again->columnLayout()->frozenCount(), 2);
        again->columnLayout()->unfreeze();
        QVERIFY(again->columnLayout()->frozen()->view()->isHidden());
        QVERIFY(!again->columnLayout()->frozen()->view()->model());
        QCOMPARE(again->view()->selectionModel()->model(), again->view()->model()); // the grid's still works
    }

    void resetRestoresEverything() {
        auto b = open(QStringLiteral("items"));
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*b));
        const QString original = shownOrder(*b);
        QHeaderView* header = b->view()->horizontalHeader();
        header->moveSection(header->visualIndex(col(b->model(), QStringLiteral("flag"))), 0);
        QVERIFY(hideAndWait(*b, QStringLiteral("note"), true));
        b->columnLayout()->freezeUpTo(col(b->model(), QStringLiteral("flag")));
        QVERIFY(shownOrder(*b) != original);
        QSignalSpy loaded(b.get(), &TableBrowser::pageLoaded);
        b->columnLayout()->reset();
        QVERIFY(loaded.wait(15000));
        QCOMPARE(shownOrder(*b), original);
        QVERIFY(lastSelectList().contains(QLatin1String("\"note\"")));
        QCOMPARE(b->columnLayout()->frozenCount(), 0);
        b.reset();
        auto again = open(QStringLiteral("items"));
        QVERIFY(waitLoaded(*again));
        QCOMPARE(shownOrder(*again), original);
        QVERIFY(again->columnLayout()->hiddenColumns().isEmpty());
        QCOMPARE(again->columnLayout()->frozenCount(), 0);
    }

    void menuOffersTheLayout() {
        auto b = open(QStringLiteral("items"));
        QVERIFY(waitLoaded(*b));
        QMenu menu;
        b->columnLayout()->addMenuActions(&menu, 1);
        QStringList texts;
        for (QAction* a : menu.actions())
            texts << a->text();
        QVERIFY(texts.contains(QStringLiteral("Columns")));
        QVERIFY(texts.contains(QStringLiteral("Freeze up to this column")));
        QVERIFY(texts.contains(QStringLiteral("Reset layout")));
        auto* columns = menu.findChild<QMenu*>(QStringLiteral("columnsMenu"));
        QVERIFY(columns);
        QCOMPARE(columns->actions().size(), 7); // every column of items
        QSignalSpy loaded(b.get(), &TableBrowser::pageLoaded);
        columns->actions().at(2)->trigger(); // note off
        QVERIFY(loaded.wait(15000));
        QCOMPARE(col(b->model(), QStringLiteral("note")), -1);
    }
};

PGDESK_UI_TEST_MAIN(TestColumnLayout)
#include "tst_columnlayout.moc"
