// SPDX-License-Identifier: GPL-3.0-or-later
// The status bar's selection summary against the real server: exact sums of numeric(30,10) selections (a
// double would print 1e+19), counts for text, the whole filtered view summarised on the server, and its
// cancel reaching a statement that waits on a lock.
#include "modelcolumns.h"
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/grid/selectionsummary.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using pgdesk::ui::PageModel;
using pgdesk::ui::SelectionSummary;
using pgdesk::ui::TableBrowser;

class TestSelectionSummary final : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch;
    std::shared_ptr<pgdesk::core::Pool> m_pool;
    QString m_schema = QStringLiteral("tst_selsum_%1").arg(QCoreApplication::applicationPid());

    static int col(const PageModel* m, const QString& name) { return pgdesk::test::columnNamed(m, name); }
    static QModelIndex cell(const PageModel* m, int id, const QString& column) {
        const int idColumn = col(m, QStringLiteral("id"));
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, idColumn).data(Qt::EditRole).toString() == QString::number(id))
                return m->index(r, col(m, column));
        return {};
    }
    static void select(TableBrowser& b, const QList<int>& ids, const QString& column) {
        QItemSelectionModel* s = b.view()->selectionModel();
        s->clearSelection();
        for (int id : ids)
            s->select(cell(b.model(), id, column), QItemSelectionModel::Select);
    }
    std::unique_ptr<TableBrowser> open() {
        auto b = std::make_unique<TableBrowser>(m_pool, m_schema, QStringLiteral("sums"));
        QSignalSpy loaded(b.get(), &TableBrowser::pageLoaded);
        return loaded.wait(15000) ? std::move(b) : nullptr;
    }
    void attach(SelectionSummary& summary, TableBrowser& b) {
        summary.setGrid(b.view(), b.model(), m_pool, [&b]() -> std::optional<pgdesk::core::BuiltQuery> {
            return pgdesk::core::buildSelectQuery(b.spec(), *b.table());
        });
    }

private slots:
    void initTestCase() {
        m_scratch.emplace(m_schema, QStringLiteral(R"(
            create table $S.sums (id int primary key, grp text, amount numeric(30,10), label text);
            insert into $S.sums values (1, 'a', 12345678901234567890.1234567891, 'x'),
                                       (2, 'a', 0.0000000009, 'y'),
                                       (3, 'a', -2345678901234567890.1234567890, 'x'),
                                       (4, 'b', 1, null),
                                       (5, 'a', null, 'z');
            insert into $S.sums select i, 'c', 0.0000000001, 'w' from generate_series(6, 500) i;)"));
        m_pool = pgdesk::core::Pool::create(pgdesk::test::profile());
    }
    void cleanupTestCase() {
        m_pool.reset();
        m_scratch.reset();
    }

    void exactSumOfSelection() {
        auto b = open();
        QVERIFY(b);
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        SelectionSummary summary;
        attach(summary, *b);
        QSignalSpy updated(&summary, &SelectionSummary::updated);
        select(*b, {1, 2, 3}, QStringLiteral("amount"));
        QVERIFY(updated.wait(5000));
        const pgdesk::core::ValueSummary& s = summary.summary();
        QCOMPARE(s.count, qint64(3));
        QCOMPARE(s.distinct, qint64(3));
        QCOMPARE(s.sum.value_or(QString()), QStringLiteral("10000000000000000000.0000000010"));
        QCOMPARE(s.average.value_or(QString()), QStringLiteral("3333333333333333333.3333333336666667"));
        QCOMPARE(s.min.value_or(QString()), QStringLiteral("-2345678901234567890.1234567890"));
        QCOMPARE(s.max.value_or(QString()), QStringLiteral("12345678901234567890.1234567891"));
        QVERIFY2(summary.text().contains(QLatin1String("10000000000000000000.0000000010")),
                 qPrintable(summary.text()));
        QVERIFY(summary.isVisible() || !summary.isHidden());

        // Text: counted, never summed; NULLs apart.
        updated.clear();
        select(*b, {1, 2, 3, 4}, QStringLiteral("label"));
        QVERIFY(updated.wait(5000));
        QCOMPARE(summary.summary().count, qint64(3));
        QCOMPARE(summary.summary().distinct, qint64(2));
        QCOMPARE(summary.summary().nulls, qint64(1));
        QVERIFY(!summary.summary().sum);
    }

    void wholeViewOnTheServerWithTheFilter() {
        auto b = open();
        QVERIFY(b);
        pgdesk::core::FilterGroup filter;
        filter.conditions << pgdesk::core::Condition{
            QStringLiteral("grp"), pgdesk::core::FilterOp::Equal, {QStringLiteral("a")}, {}};
        QSignalSpy loaded(b.get(), &TableBrowser::pageLoaded);
        b->setFilter(filter);
        QVERIFY(loaded.wait(15000));
        SelectionSummary summary;
        attach(summary, *b);
        b->view()->setCurrentIndex(cell(b->model(), 1, QStringLiteral("amount")));
        QSignalSpy updated(&summary, &SelectionSummary::updated);
        summary.summarizeWholeView();
        QVERIFY(QTest::qWaitFor([&] { return !summary.isSummarizingWholeView(); }, 15000));
        const pgdesk::core::ValueSummary& s = summary.summary();
        QCOMPARE(s.count, qint64(3));
        QCOMPARE(s.nulls, qint64(1));
        QCOMPARE(s.sum.value_or(QString()), QStringLiteral("10000000000000000000.0000000010"));
        QVERIFY2(summary.text().contains(QLatin1String("whole view")), qPrintable(summary.text()));
    }

    void wholeViewCancels() {
        auto b = open();
        QVERIFY(b);
        SelectionSummary summary;
        attach(summary, *b);
        b->view()->setCurrentIndex(cell(b->model(), 1, QStringLiteral("amount")));
        // Another session holds the table: the summary's statement waits until the cancel ends it.
        auto locker = pgdesk::core::Connection::open(pgdesk::test::profile());
        locker.exec(QStringLiteral("begin"));
        locker.exec(QStringLiteral("lock table %1.sums in access exclusive mode")
                        .arg(pgdesk::core::quoteIdentifier(m_schema)));
        summary.summarizeWholeView();
        QTest::qWait(300);
        QVERIFY(summary.isSummarizingWholeView());
        summary.cancelWholeView();
        QVERIFY(QTest::qWaitFor([&] { return !summary.isSummarizingWholeView(); }, 15000));
        locker.exec(QStringLiteral("rollback"));
        QVERIFY2(summary.text().contains(QLatin1String("cancelled")), qPrintable(summary.text()));
        QVERIFY(!summary.summary().sum);
    }
};

PGDESK_UI_TEST_MAIN(TestSelectionSummary)
#include "tst_selectionsummary.moc"
