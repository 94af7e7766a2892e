// SPDX-License-Identifier: GPL-3.0-or-later
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/roundtrips.h>
#include <pgdesk/core/session/transaction.h>
#include <pgdesk/ui/browse/createscriptview.h>
#include <pgdesk/ui/browse/structureview.h>
#include <pgdesk/ui/browse/tablebrowser.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using pgdesk::ui::StructureView;
using pgdesk::ui::TableBrowser;

namespace {

const char* const kSetup = R"SQL(
create table $S.items (
    id bigint generated always as identity primary key,
    name text not null,
    price numeric(12,2) not null default 0 check (price >= 0),
    status text default 'new'::text
);
create index items_active_idx on $S.items (status) where status <> 'gone';
create view $S.cheap as select id, name from $S.items where price < 10;
create table $S."we""ird; drop table x;--" ("odd ""col""" int primary key);
insert into $S.items (name, price) values ('one', 1), ('two', 2);
grant select (name) on $S.items to public;
)SQL";

// The model's rows as "column 1 | column 2 | …" of the given columns.
QStringList rows(const QStandardItemModel* model, const QList<int>& columns) {
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r) {
        QStringList cells;
        for (int c : columns)
            cells << model->index(r, c).data().toString();
        out << cells.join(QStringLiteral(" | "));
    }
    return out;
}

} // namespace

class TestStructureView final : public QObject {
    Q_OBJECT

    std::shared_ptr<pgdesk::core::Pool> m_pool;
    QString m_schema = QStringLiteral("tst_structureview_%1").arg(QCoreApplication::applicationPid());
    std::optional<pgdesk::test::ScratchSchema> m_scratch;

    static bool waitLoaded(StructureView& v) {
        QSignalSpy spy(&v, &StructureView::loaded);
        return spy.wait(15000);
    }
    static void showActive(QWidget* w) {
        w->resize(1000, 600);
        w->show();
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w));
    }

private slots:
    void initTestCase() {
        m_scratch.emplace(m_schema, QString::fromUtf8(kSetup));
        m_pool = pgdesk::core::Pool::create(pgdesk::test::profile());
    }

    void columnsShowTypeNullabilityAndDefault() {
        pgdesk::core::ThreadRoundTrips gui;
        StructureView v(m_pool, m_schema, QStringLiteral("items"));
        QAbstractItemModelTester tester(v.sectionModel(StructureView::Columns),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!v.isLoading()); // nothing read before it is shown
        v.ensureLoaded();
        QVERIFY2(gui.count() == 0, "loading talked to the server on the GUI thread");
        QVERIFY(v.isLoading());
        QVERIFY(waitLoaded(v));
        QCOMPARE(rows(v.sectionModel(StructureView::Columns), {1, 2, 3, 4, 5}),
                 QStringList({"id | bigint | NOT NULL |  | ALWAYS", "name | text | NOT NULL |  | ",
                              "price | numeric(12,2) | NOT NULL | 0 | ",
                              "status | text | NULL | 'new'::text | "}));
        QVERIFY(!v.messageLabel()->isVisible());
        QVERIFY(v.structure());
        QCOMPARE(v.sections()->tabText(StructureView::Columns), QStringLiteral("Columns (4)"));
        // '&' doubled, or the tab shows "Options _statistics" (a mnemonic).
        QCOMPARE(v.sections()->tabText(StructureView::Options), QStringLiteral("Options && statistics"));
        QVERIFY(!v.sections()->isTabVisible(StructureView::Definition)); // a table has none
        QVERIFY(!v.sections()->isTabVisible(StructureView::Partitions));
        // Constraints: the primary key first, then the check.
        QCOMPARE(rows(v.sectionModel(StructureView::Constraints), {0, 1, 3}),
                 QStringList({"items_pkey | Primary key | PRIMARY KEY (id)",
                              "items_price_check | Check | CHECK (price >= 0::numeric)"}));
    }

    void indexesShowThePartialPredicate() {
        StructureView v(m_pool, m_schema, QStringLiteral("items"));
        QAbstractItemModelTester tester(v.sectionModel(StructureView::Indexes),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        v.ensureLoaded();
        QVERIFY(waitLoaded(v));
        QCOMPARE(rows(v.sectionModel(StructureView::Indexes), {0, 1, 2, 4, 5, 6}),
                 QStringList({"items_pkey | btree | id |  | yes | yes",
                              "items_active_idx | btree | status | status <> 'gone'::text | no | no"}));
        // The size in units, the exact bytes behind it.
        const QModelIndex size = v.sectionModel(StructureView::Indexes)->index(1, 9);
        QVERIFY(size.data().toString().contains(QStringLiteral("KiB")));
        QVERIFY(size.data(StructureView::ExactTextRole).toLongLong() >= 8192);
    }

    // Options & statistics: the TOAST table's size of its own (pg_total_relation_size(reltoastrelid)) beside
    // the table's and the indexes', and the column grants beside the table's.
    void optionsShowToastSizeAndColumnGrants() {
        StructureView v(m_pool, m_schema, QStringLiteral("items"));
        QAbstractItemModelTester tester(v.sectionModel(StructureView::Options),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        v.ensureLoaded();
        QVERIFY(waitLoaded(v));
        const QStandardItemModel* options = v.sectionModel(StructureView::Options);
        const auto value = [&](const QString& property) {
            for (int r = 0; r < options->rowCount(); ++r)
                if (options->index(r, 0).data().toString() == property)
                    return options->index(r, 1);
            return QModelIndex();
        };
        const QModelIndex toast = value(QStringLiteral("Size of the TOAST table"));
        QVERIFY(toast.isValid());
        const qint64 exact =
            pgdesk::test::psql(QStringLiteral("select pg_total_relation_size(reltoastrelid) from pg_class "
                                              "where oid = '%1.items'::regclass")
                                   .arg(m_schema))
                .trimmed()
                .toLongLong();
        QVERIFY(exact >= 8192); // the TOAST index's first page at least
        QCOMPARE(toast.data(StructureView::ExactTextRole).toLongLong(), exact);
        const QModelIndex column = value(QStringLiteral("Privileges on column name"));
        QVERIFY(column.isValid());
        QVERIFY2(column.data(StructureView::ExactTextRole).toString().startsWith(QStringLiteral("=r/")),
                 qPrintable(column.data(StructureView::ExactTextRole).toString()));
        QVERIFY(!value(QStringLiteral("Privileges on column price")).isValid());
    }

    void ctrlCCopiesTheSelectedCellsAsTsv() {
        StructureView v(m_pool, m_schema, QStringLiteral("items"));
        QSignalSpy structure(&v, &StructureView::loaded); // before it is shown: showing it starts the read
        showActive(&v);
        QVERIFY(!structure.isEmpty() || structure.wait(15000)); // shown: loaded without being asked
        QTableView* view = v.sectionView(StructureView::Columns);
        view->setFocus();
        view->selectionModel()->select(QItemSelection(view->model()->index(2, 1), view->model()->index(3, 4)),
                                       QItemSelectionModel::ClearAndSelect);
        QApplication::clipboard()->clear();
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("price\tnumeric(12,2)\tNOT NULL\t0\nstatus\ttext\tNULL\t'new'::text\n"));
    }

    void viewShowsItsDefinition() {
        StructureView v(m_pool, m_schema, QStringLiteral("cheap"));
        v.ensureLoaded();
        QVERIFY(waitLoaded(v));
        QVERIFY(v.sections()->isTabVisible(StructureView::Definition));
        QVERIFY(!v.sections()->isTabVisible(StructureView::Constraints));
        QVERIFY2(
            v.definitionView()->toPlainText().contains(QStringLiteral("WHERE items.price < 10::numeric")),
            qPrintable(v.definitionView()->toPlainText()));
    }

    // The CREATE script page: read only when first shown, coloured SQL, Copy puts the exact script on the
    // clipboard, Save writes it whole; Refresh of the structure reads it again.
    void createScriptPage() {
        StructureView v(m_pool, m_schema, QStringLiteral("items"));
        QSignalSpy structure(&v, &StructureView::loaded); // before it is shown: showing it starts the read
        showActive(&v);
        QVERIFY(!structure.isEmpty() || structure.wait(15000));
        pgdesk::ui::CreateScriptView* page = v.scriptView();
        QVERIFY(!page->isRequested()); // not read until its page is shown
        QVERIFY(v.sections()->isTabVisible(StructureView::Script));
        QSignalSpy loaded(page, &pgdesk::ui::CreateScriptView::loaded);
        v.sections()->setCurrentIndex(StructureView::Script);
        QVERIFY(loaded.wait(15000));
        const QString script = page->editor()->toPlainText();
        QVERIFY2(script.contains(QStringLiteral("CREATE TABLE %1.items (").arg(m_schema)),
                 qPrintable(script));
        QVERIFY2(
            script.contains(QStringLiteral("CREATE INDEX items_active_idx ON %1.items USING btree (status) "
                                           "WHERE (status <> 'gone'::text);")
                                .arg(m_schema)),
            qPrintable(script));
        QVERIFY(page->editor()->isReadOnly());
        QVERIFY(page->copyButton()->isEnabled());
        page->copyButton()->click();
        QCOMPARE(QApplication::clipboard()->text(), script);
        const QString path = QDir::temp().filePath(
            QStringLiteral("tst_structureview_%1.sql").arg(QCoreApplication::applicationPid()));
        QVERIFY(page->saveTo(path));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(saved.readAll()), script);
        saved.remove();
        QCOMPARE(page->suggestedFileName(), m_schema + QStringLiteral(".items.sql"));

        pgdesk::test::psql(QStringLiteral("comment on table %1.items is 'now with a comment'").arg(m_schema));
        QSignalSpy again(page, &pgdesk::ui::CreateScriptView::loaded);
        v.refresh();
        QVERIFY(again.wait(15000));
        QVERIFY(page->editor()->toPlainText().contains(QStringLiteral("'now with a comment'")));
    }

    // A table that is not there: the reason with Retry, and Retry reads again (here: once it exists).
    void missingTableShowsTheErrorWithRetry() {
        const QString name = QStringLiteral("appears_later");
        StructureView v(m_pool, m_schema, name);
        QSignalSpy failed(&v, &StructureView::loadFailed);
        v.ensureLoaded();
        QVERIFY(failed.wait(15000));
        QVERIFY(!v.messageLabel()->isHidden());
        QVERIFY2(v.messageLabel()->text().contains(name), qPrintable(v.messageLabel()->text()));
        QVERIFY(!v.retryButton()->isHidden());
        QVERIFY(!v.structure());

        pgdesk::test::psql(QStringLiteral("create table %1.%2 (a int)").arg(m_schema, name));
        QSignalSpy loaded(&v, &StructureView::loaded);
        v.retryButton()->click();
        QVERIFY(v.retryButton()->isHidden());
        QVERIFY(loaded.wait(15000));
        QVERIFY(v.messageLabel()->isHidden());
        QCOMPARE(rows(v.sectionModel(StructureView::Columns), {1, 2}), QStringList({"a | integer"}));
    }

    // Another session's uncommitted ALTER TABLE: the view says who holds the lock after about 2 s and offers
    // Retry, which works once the lock is gone.
    void lockTimeoutSaysWhoHoldsTheLock() {
        auto holder = pgdesk::core::Connection::open(pgdesk::test::profile());
        std::optional<pgdesk::core::Transaction> tx(std::in_place, holder);
        holder.exec(QStringLiteral("lock table %1.items in access exclusive mode").arg(m_schema));
        StructureView v(m_pool, m_schema, QStringLiteral("items"));
        QSignalSpy failed(&v, &StructureView::loadFailed);
        v.ensureLoaded();
        QVERIFY(failed.wait(15000));
        QVERIFY2(v.messageLabel()->text().contains(QString::number(holder.backendPid())),
                 qPrintable(v.messageLabel()->text()));
        QVERIFY(!v.retryButton()->isHidden());
        tx.reset(); // rolled back: the lock is gone
        v.retryButton()->click();
        QVERIFY(waitLoaded(v));
        QCOMPARE(v.sectionModel(StructureView::Columns)->rowCount(), 4);
    }

    // In a right-to-left layout names are shown isolated, so they are not reordered; copying takes the name.
    void namesAreIsolatedRightToLeft() {
        const QString hostile = QStringLiteral("we\"ird; drop table x;--");
        StructureView v(m_pool, m_schema, hostile);
        v.setLayoutDirection(Qt::RightToLeft);
        v.ensureLoaded();
        QVERIFY(waitLoaded(v));
        const QModelIndex name = v.sectionModel(StructureView::Columns)->index(0, 1);
        QCOMPARE(name.data().toString(), QChar(0x2066) + QStringLiteral("odd \"col\"") + QChar(0x2069));
        QCOMPARE(name.data(StructureView::ExactTextRole).toString(), QStringLiteral("odd \"col\""));
        QCOMPARE(v.structure()->name, hostile);
        QTableView* view = v.sectionView(StructureView::Columns);
        view->selectionModel()->select(name, QItemSelectionModel::ClearAndSelect);
        v.copySelection();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("\"odd \"\"col\"\"\"\n")); // TSV-quoted
    }

    // The table tab: Data first, Structure read only when first shown; F5 refreshes the page shown.
    void tableBrowserSwitchesBetweenDataAndStructure() {
        TableBrowser b(m_pool, m_schema, QStringLiteral("items"));
        QSignalSpy pageLoaded(&b, &TableBrowser::pageLoaded);
        showActive(&b);
        QVERIFY(pageLoaded.count() > 0 || pageLoaded.wait(15000));
        QVERIFY(!b.structureView()); // not made, nothing read
        QVERIFY(!b.isStructureShown());
        QVERIFY(b.view()->isVisible());

        auto* structureButton = b.findChild<QToolButton*>(QStringLiteral("structureButton"));
        QVERIFY(structureButton);
        QSignalSpy shown(&b, &TableBrowser::pageShown);
        structureButton->click();
        QVERIFY(b.isStructureShown());
        QCOMPARE(shown.count(), 1);
        QVERIFY(b.structureView());
        QVERIFY(b.structureView()->isLoading() || b.structureView()->structure());
        if (!b.structureView()->structure())
            QVERIFY(waitLoaded(*b.structureView()));
        QVERIFY(!b.view()->isVisible());
        QCOMPARE(b.structureView()->sectionModel(StructureView::Columns)->rowCount(), 4);

        // F5 in the structure reads it again (not the rows), and the key is not ambiguous.
        QSignalSpy structureLoaded(b.structureView(), &StructureView::loaded);
        pageLoaded.clear();
        b.structureView()->sectionView(StructureView::Columns)->setFocus();
        QTest::keyClick(b.structureView()->sectionView(StructureView::Columns), Qt::Key_F5);
        QVERIFY(b.structureView()->isLoading());
        QVERIFY(structureLoaded.wait(15000));
        QCOMPARE(pageLoaded.count(), 0);

        b.findChild<QToolButton*>(QStringLiteral("dataButton"))->click();
        QVERIFY(!b.isStructureShown());
        QVERIFY(b.view()->isVisible());
        QCOMPARE(shown.count(), 2);
        b.view()->setFocus();
        QTest::keyClick(b.view(), Qt::Key_F5);
        QVERIFY(pageLoaded.wait(15000));

        // Opened straight on Structure (the tree's menu).
        TableBrowser direct(m_pool, m_schema, QStringLiteral("items"));
        direct.showStructure();
        QVERIFY(direct.isStructureShown());
        QVERIFY(waitLoaded(*direct.structureView()));
        QVERIFY(direct.findChild<QToolButton*>(QStringLiteral("structureButton"))->isChecked());
    }
};

PGDESK_UI_TEST_MAIN(TestStructureView)
#include "tst_structureview.moc"
