// SPDX-License-Identifier: GPL-3.0-or-later
// Right to left (Persian): data shown in a right-to-left layout is isolated (celltext.h isolated()), so the
// Unicode bidi algorithm neither reorders it nor changes its width; what is copied stays plain.
#include "modelcolumns.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/browse/page.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/catalogtreemodel.h>
#include <pgdesk/ui/browse/objectbrowser.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/common/translations.h>
#include <pgdesk/ui/grid/griddelegate.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/query/querytool.h>
#include <pgdesk/ui/query/sqllogdock.h>

#include "../../ui/src/query/queryresults.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QImage>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStyle>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTreeView>

#include <memory>

using pgdesk::ui::GridDelegate;
using pgdesk::ui::PageModel;
using pgdesk::ui::QueryTool;
using pgdesk::ui::TableBrowser;

namespace {

constexpr QChar kLri(0x2066); // LEFT-TO-RIGHT ISOLATE
constexpr QChar kFsi(0x2068); // FIRST STRONG ISOLATE
constexpr QChar kPdi(0x2069); // POP DIRECTIONAL ISOLATE
const QString kHostile = QStringLiteral("we\"ird; drop table x;--");

bool hasBidiMarks(const QString& text) {
    return text.contains(kLri) || text.contains(kFsi) || text.contains(kPdi);
}

int columnNamed(const QAbstractItemModel& model, const QString& name) {
    return pgdesk::test::columnNamed(&model, name);
}

// The option the view paints a cell with, `width` pixels wide.
QStyleOptionViewItem cellOption(const QTableView& view, const QModelIndex& index, int width) {
    QStyleOptionViewItem option;
    option.initFrom(&view);
    option.widget = &view;
    option.font = view.font();
    option.fontMetrics = view.fontMetrics();
    option.textElideMode = view.textElideMode();
    option.rect = QRect(0, 0, width, view.rowHeight(index.row()));
    return option;
}

QImage paintCell(const QTableView& view, const QModelIndex& index, int width) {
    const QStyleOptionViewItem option = cellOption(view, index, width);
    QImage image(option.rect.size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    view.itemDelegate()->paint(&painter, option, index);
    return image;
}

} // namespace

class TestRtl final : public QObject {
    Q_OBJECT
    std::shared_ptr<pgdesk::core::Pool> m_pool;
    QTemporaryDir m_dir;

    static bool runAndWait(QueryTool& t, const QString& sql) {
        t.setSql(sql);
        QSignalSpy done(&t, &QueryTool::runFinished);
        t.run();
        return done.wait(20000);
    }

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("pgdesk"));
        QCoreApplication::setApplicationName(QStringLiteral("pgdesk"));
        m_pool = pgdesk::core::Pool::create(pgdesk::test::profile());
        QVERIFY(pgdesk::ui::installTranslations(QStringLiteral("fa")));
        QCOMPARE(QGuiApplication::layoutDirection(), Qt::RightToLeft);
    }
    void cleanupTestCase() { pgdesk::ui::installTranslations(QStringLiteral("en")); }

    // A timestamp is drawn left to right as one piece (its date before its time), a number too, and
    // alignment is left as it was; copying the cell (Ctrl+C) gives the value without marks.
    void tableCellsAreIsolatedButCopiedPlain() {
        TableBrowser b(m_pool, QStringLiteral("public"), QStringLiteral("customer"));
        QSignalSpy loaded(&b, &TableBrowser::pageLoaded);
        QVERIFY(loaded.wait(15000));
        QTableView* view = b.view();
        QVERIFY(view->isRightToLeft());
        auto* delegate = qobject_cast<GridDelegate*>(view->itemDelegate());
        QVERIFY(delegate);
        const QAbstractItemModel& model = *view->model();
        const int created = columnNamed(model, QStringLiteral("created_at"));
        const int email = columnNamed(model, QStringLiteral("email"));
        const int id = columnNamed(model, QStringLiteral("customer_id"));
        QVERIFY(created >= 0 && email >= 0 && id >= 0);

        const QModelIndex stamp = model.index(0, created);
        const QString shown = stamp.data().toString();
        QVERIFY2(shown.contains(QLatin1Char(' ')) && !hasBidiMarks(shown), qPrintable(shown)); // date time
        QCOMPARE(delegate->styleFor(stamp).text, kLri + shown + kPdi);
        QCOMPARE(delegate->styleFor(model.index(0, email)).text,
                 kFsi + model.index(0, email).data().toString() + kPdi);
        const QStyleOptionViewItem number = delegate->styleFor(model.index(0, id));
        QCOMPARE(number.text, kLri + model.index(0, id).data().toString() + kPdi);
        QCOMPARE(number.displayAlignment, Qt::AlignRight | Qt::AlignVCenter); // as the model says

        view->setCurrentIndex(stamp);
        QAction* copy = nullptr;
        for (QAction* a : view->actions())
            if (a->shortcut() == QKeySequence(QKeySequence::Copy))
                copy = a;
        QVERIFY(copy);
        QApplication::clipboard()->clear();
        copy->trigger();
        QTRY_COMPARE(QApplication::clipboard()->text(),
                     stamp.data(Qt::EditRole).toString() + QLatin1Char('\n'));
    }

    // The hostile table name as a query result (type name: isolated by its first letter, so it reads left
    // to right) and in the object tree; the result grid's own Ctrl+C copies it plain.
    void hostileNameIsIsolated() {
        QueryTool t(m_pool, QStringLiteral("demo"), nullptr, m_dir.filePath(QStringLiteral("names.sqlite")));
        QVERIFY(runAndWait(
            t,
            QStringLiteral("select relname, now() as at from pg_class where relname = '%1'").arg(kHostile)));
        QCOMPARE(t.resultGrids().size(), 1);
        QTableView* view = t.resultGrids().at(0)->view();
        auto* delegate = qobject_cast<GridDelegate*>(view->itemDelegate());
        QVERIFY(delegate);
        const QModelIndex name = view->model()->index(0, 0);
        QCOMPARE(name.data().toString(), kHostile);
        QCOMPARE(delegate->styleFor(name).text, kFsi + kHostile + kPdi);
        QVERIFY(delegate->styleFor(view->model()->index(0, 1)).text.startsWith(kLri));

        t.show();
        QVERIFY(QTest::qWaitForWindowExposed(&t));
        view->setFocus();
        view->setCurrentIndex(name);
        QApplication::clipboard()->clear();
        QTest::keySequence(view, QKeySequence::Copy);
        // The result grid copies as the table tab does: TSV (a value with a quote comes quoted), no isolates.
        QTRY_COMPARE(QApplication::clipboard()->text(), QStringLiteral("\"we\"\"ird; drop table x;--\"\n"));

        pgdesk::ui::ObjectBrowser tree;
        QSignalSpy treeLoaded(&tree, &pgdesk::ui::ObjectBrowser::loaded);
        tree.setPool(m_pool);
        QVERIFY(treeLoaded.wait(10000));
        const QModelIndex node = tree.model()->findTable(QStringLiteral("public"), kHostile);
        QVERIFY(node.isValid());
        QCOMPARE(node.data().toString(), kFsi + kHostile + kPdi);
        QCOMPARE(node.data(pgdesk::ui::CatalogTreeModel::TableRole).toString(), kHostile); // Copy name
    }

    // Type-to-find in the object tree finds a Latin name although the tree shows it isolated, both among
    // the schemas and among a schema's relations.
    void typeToFindInTheTree() {
        pgdesk::ui::ObjectBrowser tree;
        QSignalSpy treeLoaded(&tree, &pgdesk::ui::ObjectBrowser::loaded);
        tree.setPool(m_pool);
        QVERIFY(treeLoaded.wait(10000));
        QTreeView* view = tree.view();
        const QModelIndex customer = [&] {
            const QModelIndex source =
                tree.model()->findTable(QStringLiteral("public"), QStringLiteral("customer"));
            auto* proxy = qobject_cast<const QAbstractProxyModel*>(view->model());
            return proxy ? proxy->mapFromSource(source) : source;
        }();
        QVERIFY(customer.isValid());
        QVERIFY(customer.data().toString().startsWith(kFsi)); // shown isolated
        view->expand(customer.parent());
        view->setCurrentIndex(view->model()->index(0, 0, customer.parent().parent()));
        view->keyboardSearch(QStringLiteral("publ"));
        QCOMPARE(view->currentIndex().data(pgdesk::ui::CatalogTreeModel::NameRole).toString(),
                 QStringLiteral("public"));
        QTest::qWait(QApplication::keyboardInputInterval() + 50); // a new search, not "publcust"
        view->keyboardSearch(QStringLiteral("customer"));
        QCOMPARE(view->currentIndex(), customer);
    }

    // The history list: the statement left to right in its own isolate, the time in another; the SQL a
    // double-click loads stays plain.
    void historyItemsAreIsolated() {
        QueryTool t(m_pool, QStringLiteral("demo"), nullptr,
                    m_dir.filePath(QStringLiteral("history.sqlite")));
        QSignalSpy loaded(&t, &QueryTool::historyLoaded);
        QVERIFY(loaded.wait(10000));
        const QString sql = QStringLiteral("select 1 as answer;");
        QVERIFY(runAndWait(t, sql));
        if (t.historyList()->count() < 1)
            QVERIFY(loaded.wait(10000));
        QCOMPARE(t.historyList()->count(), 1);
        QListWidgetItem* item = t.historyList()->item(0);
        const QStringList lines = item->text().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0), kLri + sql + kPdi);
        QVERIFY2(lines.at(1).startsWith(kFsi) && lines.at(1).indexOf(kPdi) > 1, qPrintable(lines.at(1)));
        QCOMPARE(item->toolTip(), kLri + sql + kPdi);
        t.setSql(QString());
        emit t.historyList()->itemDoubleClicked(item);
        QCOMPARE(t.sql(), sql);
    }

    // The SQL log lays every line out left to right, also one that begins with Persian, without marks in
    // the text.
    void sqlLogLinesAreLeftToRight() {
        pgdesk::ui::SqlLogDock dock;
        dock.appendStatement(QStringLiteral("-- گزارش\nselect 1"), {});
        auto* log = dock.findChild<QPlainTextEdit*>();
        QVERIFY(log);
        QCOMPARE(log->document()->firstBlock().textDirection(), Qt::LeftToRight);
        QVERIFY(!hasBidiMarks(dock.text()));
    }

    // A cell sized to its text (as "fit columns" does) shows all of it. The style measures the text as
    // written and draws it in the cell's direction: right to left, trailing punctuation moved to the left
    // edge and losing its kerning made the drawn text wider than its column ("Y." by 2.4 px at the default
    // size, more with a bigger grid font), pushing its last character into the cell's edge. Drawn at the
    // fitted width and much wider, the text against the right edge must also be the same pixels.
    void fittingCellsAreNotElided() {
        pgdesk::core::Page page;
        page.columns = {{QStringLiteral("name"), QStringLiteral("text")},
                        {QStringLiteral("at"), QStringLiteral("timestamp with time zone")}};
        for (const QString& value :
             {QStringLiteral("Mrs. Smith, Jr."), QStringLiteral("Y."), QStringLiteral("Dr."), kHostile})
            page.rows.append({value, QStringLiteral("2024-03-05 14:03:01.5+01")});
        PageModel model;
        model.setPage(page);
        QTableView view;
        auto* delegate = new GridDelegate(&view);
        view.setItemDelegate(delegate);
        view.setModel(&model);
        QVERIFY(view.isRightToLeft());
        // QCommonStyle's padding on each side of an item's text.
        const int padding = view.style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, &view) + 1;
        for (int r = 0; r < model.rowCount(); ++r) {
            for (int c = 0; c < model.columnCount(); ++c) {
                // The width "fit columns" gives the cell (QTableView::sizeHintForColumn).
                const QModelIndex index = model.index(r, c);
                const int width = delegate->sizeHint(cellOption(view, index, 0), index).width();
                const QStyleOptionViewItem style = delegate->styleFor(index);
                QTextLayout drawn(style.text, style.font);
                QTextOption direction;
                direction.setTextDirection(Qt::RightToLeft);
                drawn.setTextOption(direction);
                drawn.beginLayout();
                QTextLine line = drawn.createLine();
                line.setLineWidth(100000);
                const qreal drawnWidth = line.naturalTextWidth();
                drawn.endLayout();
                QVERIFY2(drawnWidth <= width - 2 * padding, qPrintable(QStringLiteral("%1: %2 > %3")
                                                                           .arg(index.data().toString())
                                                                           .arg(drawnWidth)
                                                                           .arg(width - 2 * padding)));
                const QImage fitted = paintCell(view, index, width);
                const QImage wide = paintCell(view, index, width + 200);
                QVERIFY2(fitted == wide.copy(200, 0, width, wide.height()),
                         qPrintable(index.data().toString()));
            }
        }
    }

    // Left to right nothing is marked: the paragraph's direction is the data's own.
    void leftToRightDrawsTheTextAsItIs() {
        QVERIFY(pgdesk::ui::installTranslations(QStringLiteral("en")));
        pgdesk::core::Page page;
        page.columns = {{QStringLiteral("name"), QStringLiteral("text")}};
        page.rows.append({kHostile});
        PageModel model;
        model.setPage(page);
        GridDelegate delegate;
        QCOMPARE(delegate.styleFor(model.index(0, 0)).text, kHostile);
    }
};

PGDESK_UI_TEST_MAIN(TestRtl)
#include "tst_rtl.moc"
