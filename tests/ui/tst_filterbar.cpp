// SPDX-License-Identifier: GPL-3.0-or-later
// The filter bar and type-aware grid against the real server: what the view shows after filtering
// equals hand-written SQL; operations fit the column types; NULL, %, _ and Unicode values are data.
#include "modelcolumns.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/filterbar.h>
#include <pgdesk/ui/browse/filterconditionrow.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/grid/celltext.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using pgdesk::ui::FilterBar;
using pgdesk::ui::FilterConditionRow;
using pgdesk::ui::PageModel;
using pgdesk::ui::TableBrowser;
namespace core = pgdesk::core;

class TestFilterBar final : public QObject {
    Q_OBJECT

    std::shared_ptr<core::Pool> m_pool;
    core::Connection m_c;

    static bool waitLoaded(TableBrowser& b) {
        QSignalSpy spy(&b, &TableBrowser::pageLoaded);
        return spy.wait(15000);
    }
    static int columnOf(const PageModel* m, const QString& name) {
        return pgdesk::test::columnNamed(m, name);
    }
    static QStringList column(const PageModel* m, const QString& name) {
        const int c = columnOf(m, name);
        QStringList values;
        for (int r = 0; r < m->rowCount(); ++r) {
            const QVariant v = m->index(r, c).data(Qt::EditRole);
            values << (v.isValid() ? v.toString() : QStringLiteral("<NULL>"));
        }
        return values;
    }
    QStringList sql(const QString& statement) {
        const core::Result r = m_c.exec(statement, core::Params{});
        QStringList out;
        for (int i = 0; i < r.rowCount(); ++i)
            out << (r.isNull(i, 0) ? QStringLiteral("<NULL>") : r.text(i, 0));
        return out;
    }
    // Opens a table in a browser with 1000-row pages, so a whole filtered result fits in one page.
    std::unique_ptr<TableBrowser> open(const QString& schema, const QString& table) {
        auto b = std::make_unique<TableBrowser>(m_pool, schema, table);
        if (!waitLoaded(*b))
            return nullptr;
        new QAbstractItemModelTester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     b.get());
        b->setPageSize(1000);
        if (!waitLoaded(*b))
            return nullptr;
        return b;
    }
    static FilterConditionRow* addRow(FilterBar* bar, const QString& column, core::FilterOp op,
                                      const QString& value, const QString& second = {}) {
        auto* row = bar->addEmptyCondition();
        row->columnBox()->setCurrentText(column);
        const int i = row->operationBox()->findData(int(op));
        if (i < 0)
            return nullptr;
        row->operationBox()->setCurrentIndex(i);
        row->valueBox()->setEditText(value);
        row->secondValueEdit()->setText(second);
        return row;
    }

private slots:
    void initTestCase() {
        m_pool = core::Pool::create(pgdesk::test::profile());
        m_c = core::Connection::open(pgdesk::test::profile());
    }

    void listsSplitAndJoin() {
        using R = FilterConditionRow;
        QCOMPARE(R::splitList(QStringLiteral("a, b ,c")), (QStringList{"a", "b", "c"}));
        QCOMPARE(R::splitList(QStringLiteral("\"x, y\", \"say \"\"hi\"\"\", ''")),
                 (QStringList{"x, y", "say \"hi\"", "''"}));
        QCOMPARE(R::splitList(QStringLiteral("jürgen.groß,\" lead\"")),
                 (QStringList{"jürgen.groß", " lead"}));
        QCOMPARE(R::splitList(QString()), QStringList());
        const QStringList hostile{"a,b", " x", "\"q\"", "", "日本"};
        QCOMPARE(R::splitList(R::joinList(hostile)), hostile);
    }

    void cellText() {
        QStandardItemModel m(2, 3);
        m.setHorizontalHeaderLabels({"a", "b\tc", "d"});
        m.setData(m.index(0, 0), "1");
        m.setData(m.index(0, 1), "two\nlines");
        m.setData(m.index(1, 0), "x\"y");
        m.setData(m.index(1, 2), "z");
        const QModelIndexList cells{m.index(0, 0), m.index(0, 1), m.index(1, 0), m.index(1, 2)};
        QCOMPARE(pgdesk::ui::cellsAsTsv(m, cells, true),
                 QStringLiteral("a\t\"b\tc\"\td\n1\t\"two\nlines\"\t\n\"x\"\"y\"\t\tz\n"));
        // Numbers keep every digit; strings keep their escapes.
        QCOMPARE(
            pgdesk::ui::indentJson(QStringLiteral("{\"n\": 12345678901234567890.123, \"s\": \"a,\\\"b\", "
                                                  "\"e\": [], \"o\": {\"k\": [1, 2]}}")),
            QStringLiteral("{\n  \"n\": 12345678901234567890.123,\n  \"s\": \"a,\\\"b\",\n  \"e\": [],\n"
                           "  \"o\": {\n    \"k\": [\n      1,\n      2\n    ]\n  }\n}"));
        QCOMPARE(pgdesk::ui::indentJson(QStringLiteral("not json")), QStringLiteral("not json"));
        QCOMPARE(pgdesk::ui::byteaSummary(QStringLiteral("\\x00ff10")), QStringLiteral("3 bytes  00 ff 10"));
        QCOMPARE(pgdesk::ui::byteaSummary(QStringLiteral("\\x0102030405"), 2),
                 QStringLiteral("5 bytes  01 02 …"));
    }

    // Offered operations follow the column type; NULL tests hide the value field, BETWEEN shows two.
    void operationsFitTheType() {
        auto b = open(QStringLiteral("public"), QStringLiteral("posts"));
        QVERIFY(b);
        auto* row = b->filterBar()->addEmptyCondition();
        row->columnBox()->setCurrentText(QStringLiteral("published"));
        QVERIFY(row->operationBox()->findData(int(core::FilterOp::Contains)) < 0);
        QVERIFY(row->operationBox()->findData(int(core::FilterOp::IsNull)) >= 0);
        row->columnBox()->setCurrentText(QStringLiteral("title"));
        QCOMPARE(row->operationBox()->currentData().toInt(), int(core::FilterOp::Contains));
        row->operationBox()->setCurrentIndex(row->operationBox()->findData(int(core::FilterOp::IsNull)));
        QVERIFY(row->valueBox()->isHidden());
        row->operationBox()->setCurrentIndex(row->operationBox()->findData(int(core::FilterOp::Between)));
        QVERIFY(!row->valueBox()->isHidden());
        QVERIFY(!row->secondValueEdit()->isHidden());
    }

    // Filters, AND/OR and quick search return exactly the rows of the hand-written statement.
    void filtersMatchHandWrittenSql() {
        auto b = open(QStringLiteral("inventory"), QStringLiteral("products"));
        QVERIFY(b);
        FilterBar* bar = b->filterBar();
        QVERIFY(addRow(bar, QStringLiteral("price"), core::FilterOp::Between, QStringLiteral("100"),
                       QStringLiteral("1000.50")));
        QVERIFY(addRow(bar, QStringLiteral("status"), core::FilterOp::InList,
                       QStringLiteral("draft, discontinued")));
        bar->apply();
        QVERIFY(waitLoaded(*b));
        QCOMPARE(column(b->model(), QStringLiteral("product_id")),
                 sql(QStringLiteral(
                     "select product_id from inventory.products where price between 100 and 1000.50 "
                     "and status in ('draft', 'discontinued') order by product_id")));
        QVERIFY(b->model()->rowCount() > 0);

        bar->setMatchAny(true);
        bar->apply();
        QVERIFY(waitLoaded(*b));
        QCOMPARE(column(b->model(), QStringLiteral("product_id")),
                 sql(QStringLiteral(
                     "select product_id from inventory.products where price between 100 and 1000.50 "
                     "or status in ('draft', 'discontinued') order by product_id")));

        bar->clear();
        QVERIFY(waitLoaded(*b));
        QCOMPARE(b->model()->rowCount(), 300);
        QVERIFY(b->rangeText().contains(QStringLiteral("300")));
    }

    // %, _ and \ in the quick search and in LIKE-family filters match literally.
    void wildcardsAreLiteral() {
        auto b = open(QStringLiteral("public"), QStringLiteral("posts"));
        QVERIFY(b);
        b->setScope(core::SoftDeleteScope::All);
        QVERIFY(waitLoaded(*b));
        for (const QString& needle : {QStringLiteral("%"), QStringLiteral("_"), QStringLiteral("\\")}) {
            b->filterBar()->setSearch(needle);
            b->filterBar()->apply();
            QVERIFY(waitLoaded(*b));
            const QStringList expected =
                sql(QStringLiteral("select id::text from public.posts where strpos(title, '%1') > 0 "
                                   "or strpos(body, '%1') > 0 order by id")
                        .arg(needle));
            QCOMPARE(column(b->model(), QStringLiteral("id")), expected);
            QVERIFY(b->model()->rowCount() < 1000);
        }
    }

    // like/ilike are patterns (% and _ are wildcards) found anywhere in the text, and say so; contains
    // keeps _ literal.
    void likeIsAPattern() {
        auto b = open(QStringLiteral("public"), QStringLiteral("posts"));
        QVERIFY(b);
        b->setScope(core::SoftDeleteScope::All);
        QVERIFY(waitLoaded(*b));
        for (const auto op : {core::FilterOp::Like, core::FilterOp::ILike}) {
            const QString label = FilterConditionRow::operationLabel(op);
            QVERIFY2(label.contains(QLatin1Char('%')) && label.contains(QLatin1Char('_')) &&
                         label.contains(QLatin1String("anywhere")),
                     qPrintable(label));
        }
        // The middle of a word: no title starts with it.
        FilterConditionRow* row = addRow(b->filterBar(), QStringLiteral("title"), core::FilterOp::Like,
                                         QStringLiteral("rtit_oning"));
        QVERIFY(row);
        QVERIFY(row->valueBox()->lineEdit()->placeholderText().contains(QLatin1Char('%')));
        QVERIFY(row->valueBox()->lineEdit()->placeholderText().contains(QLatin1String("anywhere")));
        QVERIFY(row->valueBox()->lineEdit()->toolTip().contains(QLatin1String("anywhere")));
        b->filterBar()->apply();
        QVERIFY(waitLoaded(*b));
        const QStringList expected =
            sql(QStringLiteral("select id::text from public.posts where title ~ 'rtit.oning' order by id"));
        QVERIFY(!expected.isEmpty());
        QCOMPARE(column(b->model(), QStringLiteral("id")), expected);

        row->operationBox()->setCurrentIndex(row->operationBox()->findData(int(core::FilterOp::Contains)));
        QVERIFY(!row->valueBox()->lineEdit()->placeholderText().contains(QLatin1Char('%')));
        b->filterBar()->apply();
        QVERIFY(waitLoaded(*b));
        QCOMPARE(b->model()->rowCount(), 0); // no title holds "rtit_oning" as it is
    }

    // "Filter by this value" on NULL means IS NULL; on '' it means = ''; "exclude" the opposite.
    void filterByCellValue() {
        auto b = open(QStringLiteral("public"), QStringLiteral("users"));
        QVERIFY(b);
        const int bio = columnOf(b->model(), QStringLiteral("bio"));
        int nullRow = -1;
        int emptyRow = -1;
        for (int r = 0; r < b->model()->rowCount(); ++r) {
            const QVariant v = b->model()->index(r, bio).data(Qt::EditRole);
            if (!v.isValid() && nullRow < 0)
                nullRow = r;
            if (v.isValid() && v.toString().isEmpty() && emptyRow < 0)
                emptyRow = r;
        }
        QVERIFY(nullRow >= 0 && emptyRow >= 0);
        QVERIFY(b->model()->index(nullRow, bio).data(PageModel::IsNullRole).toBool());
        QVERIFY(!b->model()->index(emptyRow, bio).data(PageModel::IsNullRole).toBool());
        QCOMPARE(b->model()->index(nullRow, bio).data().toString(), QStringLiteral("NULL"));
        QCOMPARE(b->model()->index(emptyRow, bio).data().toString(), QString());

        b->filterByCell(b->model()->index(nullRow, bio), false);
        QVERIFY(waitLoaded(*b));
        QCOMPARE(b->model()->rowCount(), 26);
        b->filterBar()->clear();
        QVERIFY(waitLoaded(*b));
        b->filterByCell(b->model()->index(emptyRow, bio), false);
        QVERIFY(waitLoaded(*b));
        QCOMPARE(b->model()->rowCount(), 18);
        b->filterBar()->clear();
        QVERIFY(waitLoaded(*b));
        b->filterByCell(b->model()->index(nullRow, bio), true);
        QVERIFY(waitLoaded(*b));
        QCOMPARE(b->model()->rowCount(), 200 - 26);

        // Unicode values go through untouched.
        b->filterBar()->clear();
        QVERIFY(waitLoaded(*b));
        QVERIFY(addRow(b->filterBar(), QStringLiteral("username"), core::FilterOp::Equal,
                       QStringLiteral("jürgen.groß")));
        b->filterBar()->apply();
        QVERIFY(waitLoaded(*b));
        QCOMPARE(column(b->model(), QStringLiteral("username")), QStringList{QStringLiteral("jürgen.groß")});
    }

    // A value that does not fit the column's type shows the mapped error in the tab, not a crash.
    void badValueShowsTheError() {
        auto b = open(QStringLiteral("inventory"), QStringLiteral("products"));
        QVERIFY(b);
        QVERIFY(addRow(b->filterBar(), QStringLiteral("price"), core::FilterOp::GreaterThan,
                       QStringLiteral("abc")));
        QSignalSpy failed(b.get(), &TableBrowser::loadFailed);
        b->filterBar()->apply();
        QVERIFY(failed.wait(15000));
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("price")) && message.contains(QStringLiteral("abc")),
                 qPrintable(message));
    }

    // Booleans as check marks, bytea as size + hex, soft-deleted rows marked in the All scope, and
    // Copy puts exact TSV on the clipboard.
    void typeAwareDisplayAndCopy() {
        auto b = open(QStringLiteral("public"), QStringLiteral("customer"));
        QVERIFY(b);
        b->setScope(core::SoftDeleteScope::All);
        QVERIFY(waitLoaded(*b));
        const PageModel* m = b->model();
        const int active = columnOf(m, QStringLiteral("is_active"));
        int deleted = 0;
        for (int r = 0; r < m->rowCount(); ++r) {
            const bool isDeleted = m->index(r, 0).data(PageModel::IsDeletedRole).toBool();
            deleted += isDeleted ? 1 : 0;
            QCOMPARE(m->index(r, active).data(Qt::CheckStateRole).toInt(),
                     int(isDeleted ? Qt::Unchecked : Qt::Checked));
            QCOMPARE(m->index(r, active).data().toString(), QString());
        }
        QCOMPARE(deleted, 75);

        b->view()->selectionModel()->select(QItemSelection(m->index(0, 0), m->index(1, 1)),
                                            QItemSelectionModel::ClearAndSelect);
        b->copySelection(true);
        const QStringList lines = QApplication::clipboard()->text().split(QLatin1Char('\n'));
        QCOMPARE(lines.value(0), QStringLiteral("customer_id\tfirst_name"));
        QCOMPARE(lines.value(1).section(QLatin1Char('\t'), 0, 0),
                 m->index(0, 0).data(Qt::EditRole).toString());

        auto shows = open(QStringLiteral("public"), QStringLiteral("type_showcase"));
        QVERIFY(shows);
        const int bytea = columnOf(shows->model(), QStringLiteral("c_bytea"));
        QVERIFY(bytea >= 0);
        bool sawBytes = false;
        for (int r = 0; r < shows->model()->rowCount(); ++r) {
            const QVariant exact = shows->model()->index(r, bytea).data(Qt::EditRole);
            if (exact.isValid() && exact.toString().startsWith(QLatin1String("\\x"))) {
                QVERIFY(shows->model()->index(r, bytea).data().toString().contains(QStringLiteral("byte")));
                sawBytes = true;
            }
        }
        QVERIFY(sawBytes);
    }
};

PGDESK_UI_TEST_MAIN(TestFilterBar)
#include "tst_filterbar.moc"
