// SPDX-License-Identifier: GPL-3.0-or-later
// Paste and duplicate in the table grid against the real server: every pasted value checked against its
// column's type before anything is staged, one undo step per paste, NULL vs '' kept apart, header matching
// for new rows, 100,000 cells without stalling the GUI thread, clones that never touch the original.
#include "tableeditingfixture.h"
#include "uitestmain.h"

#include <QHeaderView>
#include <QItemSelectionModel>

class TestGridPaste final : public QObject, private TableEditingFixture {
    Q_OBJECT

    // Pastes and waits for the outcome: "" when staged, else the refusal.
    static QString pasteAndWait(TableBrowser& b, const QString& text, bool asNewRows = false,
                                bool emptyIsNull = false) {
        QSignalSpy staged(b.editor(), &TableEditor::pasteStaged);
        QSignalSpy refused(b.editor(), &TableEditor::pasteRefused);
        b.editor()->pasteText(text, asNewRows, emptyIsNull);
        if (!QTest::qWaitFor([&] { return !staged.isEmpty() || !refused.isEmpty(); }, 60000))
            return QStringLiteral("no outcome");
        return refused.isEmpty() ? QString() : refused.first().first().toString();
    }
    void setCurrent(TableBrowser& b, int id, const QString& column) {
        b.view()->setCurrentIndex(cell(b.model(), id, column));
    }

private slots:
    void initTestCase() {
        QVERIFY(setUp());
        sql(QStringLiteral(R"(
            create table $S.people (id int primary key, name text, born date, qty int, amount numeric(30,10),
                                    note text);
            insert into $S.people select i, 'p' || i, date '2000-01-01' + i, i, i * 1.5, null
                from generate_series(1, 20) i;
            create table $S.clones (id int generated always as identity primary key, code text, n int,
                                    twice int generated always as (n * 2) stored, serialish bigserial,
                                    created_at timestamptz not null default now());
            insert into $S.clones (code, n) values ('a', 1), ('b', 2);
            create table $S.wide (id bigserial primary key, c1 text, c2 text, c3 text, c4 text, c5 text,
                                  c6 int, c7 int, c8 int, c9 int, c10 int);
            insert into $S.wide (c1) values ('seed');)"));
    }
    void init() {
        clearJournal();
        for (const char* table : {"people", "clones", "wide"})
            m_journal->clear(pgdesk::core::journalKey(dsnProfile()),
                             pgdesk::core::qualifiedTableText(m_schema, QLatin1String(table)));
    }

    void badDateStagesNothing() {
        auto b = open(QStringLiteral("people"));
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*b));
        setCurrent(*b, 1, QStringLiteral("name"));
        const QString refusal = pasteAndWait(*b, QStringLiteral("x1\t2001-01-01\t1\t1.5\n"
                                                                "x2\t2024-02-30\t2\t2.5\n"
                                                                "x3\t2003-03-03\t3\t3.5\n"));
        QVERIFY2(refusal.contains(QLatin1String("row 2")) && refusal.contains(QLatin1String("born")) &&
                     refusal.contains(QLatin1String("2024-02-30")),
                 qPrintable(refusal));
        QVERIFY(b->editor()->session()->isEmpty());
        QVERIFY(
            b->findChild<QLabel*>(QStringLiteral("editErrorLabel"))->text().contains(QLatin1String("born")));
        // A value too big for its column is refused as well, named by its row and column.
        const QString tooBig = pasteAndWait(*b, QStringLiteral("x1\t2001-01-01\t1\t1.5\n"
                                                               "x2\t2002-02-02\t2\t2.5\n"
                                                               "x3\t2003-03-03\t99999999999\t3.5\n"));
        QVERIFY2(tooBig.contains(QLatin1String("row 3")) && tooBig.contains(QLatin1String("qty")),
                 qPrintable(tooBig));
        QVERIFY(b->editor()->session()->isEmpty());
    }

    // A paste still being read or checked refuses every other one, not just the next.
    void pasteInProgressRefusesEveryOther() {
        auto b = open(QStringLiteral("people"));
        QVERIFY(waitLoaded(*b));
        setCurrent(*b, 1, QStringLiteral("note"));
        QSignalSpy staged(b->editor(), &TableEditor::pasteStaged);
        QSignalSpy refused(b->editor(), &TableEditor::pasteRefused);
        b->editor()->pasteText(QStringLiteral("first\nsecond\n"), false, false);
        b->editor()->pasteText(QStringLiteral("other"), false, false);
        b->editor()->pasteText(QStringLiteral("another"), false, false);
        QCOMPARE(refused.size(), 2);
        QVERIFY(staged.wait(60000));
        QTest::qWait(300);
        QCOMPARE(staged.size(), 1);
        QCOMPARE(refused.size(), 2);
        QVERIFY(b->editor()->undo());
        QVERIFY(b->editor()->session()->isEmpty());
    }

    void blockIsOneUndoStepAndApplies() {
        auto b = open(QStringLiteral("people"));
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*b));
        EditSession* session = b->editor()->session();
        QVERIFY(b->model()->setData(cell(b->model(), 10, QStringLiteral("name")), QStringLiteral("before")));
        setCurrent(*b, 1, QStringLiteral("name"));
        const QString block = QStringLiteral("x1\t2001-01-01\t1\t1.5\r\n"
                                             "\"x\t2\"\t2002-02-02\t2\t12345678901234567890.0123456789\r\n"
                                             "x3\t2003-03-03\t3\t3.5\r\n");
        QCOMPARE(pasteAndWait(*b, block), QString());
        QCOMPARE(session->size(), 4); // the typed edit and three rows
        QCOMPARE(cell(b->model(), 2, QStringLiteral("name")).data(Qt::EditRole).toString(),
                 QStringLiteral("x\t2"));
        QVERIFY(cell(b->model(), 2, QStringLiteral("born")).data(PageModel::IsEditedRole).toBool());
        QVERIFY(b->editor()->undo()); // the whole paste, not one cell of it
        QCOMPARE(session->size(), 1);
        QCOMPARE(pasteAndWait(*b, block), QString());
        QVERIFY(b->editor()->previewSql().contains(QLatin1String("UPDATE")));
        QVERIFY(applyAndWait(*b));
        QCOMPARE(
            sql(QStringLiteral("select string_agg(concat_ws('|', name, born, qty, amount), ';' order by id) "
                               "from $S.people where id <= 3")),
            QStringLiteral("x1|2001-01-01|1|1.5000000000;x\t2|2002-02-02|2|12345678901234567890.0123456789;"
                           "x3|2003-03-03|3|3.5000000000"));
        QCOMPARE(sql(QStringLiteral("select name from $S.people where id = 10")), QStringLiteral("before"));
    }

    void oneValueIntoEverySelectedCell() {
        auto b = open(QStringLiteral("people"));
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*b));
        QItemSelectionModel* selection = b->view()->selectionModel();
        selection->clearSelection();
        for (int id : {5, 6, 7})
            selection->select(cell(b->model(), id, QStringLiteral("qty")), QItemSelectionModel::Select);
        setCurrent(*b, 5, QStringLiteral("qty"));
        selection->select(cell(b->model(), 5, QStringLiteral("qty")), QItemSelectionModel::Select);
        for (int id : {6, 7})
            selection->select(cell(b->model(), id, QStringLiteral("qty")), QItemSelectionModel::Select);
        QCOMPARE(pasteAndWait(*b, QStringLiteral("42\n")), QString());
        QCOMPARE(b->editor()->session()->size(), 3);
        for (int id : {5, 6, 7})
            QCOMPARE(cell(b->model(), id, QStringLiteral("qty")).data(Qt::EditRole).toString(),
                     QStringLiteral("42"));
        QCOMPARE(cell(b->model(), 8, QStringLiteral("qty")).data(Qt::EditRole).toString(),
                 QStringLiteral("8"));
        b->editor()->session()->clear();
    }

    void emptyIsEmptyStringUnlessNull() {
        auto b = open(QStringLiteral("people"));
        QVERIFY(waitLoaded(*b));
        b->view()->selectionModel()->clearSelection();
        setCurrent(*b, 11, QStringLiteral("note"));
        QCOMPARE(pasteAndWait(*b, QStringLiteral("\nz\n"), false, true), QString());
        QCOMPARE(b->editor()->session()->size(), 1); // NULL over NULL is no edit
        b->editor()->session()->clear();
        QCOMPARE(pasteAndWait(*b, QStringLiteral("\nz\n")), QString());
        QCOMPARE(b->editor()->session()->size(), 2);
        QVERIFY(applyAndWait(*b));
        QCOMPARE(
            sql(QStringLiteral("select concat_ws('|', note is null, note = '', (select note from $S.people "
                               "where id = 12)) from $S.people where id = 11")),
            QStringLiteral("f|t|z"));
    }

    void newRowsByHeaderInAnotherOrder() {
        auto b = open(QStringLiteral("people"));
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*b));
        setCurrent(*b, 3, QStringLiteral("born"));
        const int rows = b->model()->rowCount();
        QCOMPARE(pasteAndWait(*b, QStringLiteral("QTY\tid\tName\n7\t100\tnew a\n8\t101\t\n"), true),
                 QString());
        QCOMPARE(b->model()->rowCount(), rows + 2);
        QCOMPARE(b->editor()->session()->size(), 2);
        QVERIFY(b->model()->isNewRow(rows));
        // Without a header, by position from the current column; a bad value names its row.
        const QString refusal = pasteAndWait(*b, QStringLiteral("2020-01-01\t1\n2020-13-01\t2\n"), true);
        QVERIFY2(refusal.contains(QLatin1String("row 2")) && refusal.contains(QLatin1String("born")),
                 qPrintable(refusal));
        QCOMPARE(b->editor()->session()->size(), 2);
        QVERIFY(b->editor()->undo());
        QCOMPARE(b->editor()->session()->size(), 0);
        QCOMPARE(pasteAndWait(*b, QStringLiteral("QTY\tid\tName\n7\t100\tnew a\n8\t101\t\n"), true),
                 QString());
        QVERIFY(b->editor()->previewSql().contains(QLatin1String("INSERT")));
        QVERIFY(applyAndWait(*b));
        QCOMPARE(sql(QStringLiteral(
                     "select string_agg(concat_ws('|', id, name, qty, name is null, born is null), ';' "
                     "order by id) from $S.people where id >= 100")),
                 QStringLiteral("100|new a|7|f|t;101||8|f|t"));
    }

    // Pasted rows are shown: new rows at the end of a long page come into view and are selected, and a block
    // pasted over rows below the viewport is scrolled to as well.
    void pastedRowsComeIntoView() {
        auto b = open(QStringLiteral("items"));
        QVERIFY(waitLoaded(*b));
        b->resize(700, 500);
        b->show();
        QVERIFY(QTest::qWaitForWindowExposed(b.get()));
        const auto shown = [&b](int row, const QString& column = QStringLiteral("name")) {
            const QRect r = b->view()->visualRect(b->model()->index(row, col(b->model(), column)));
            return r.isValid() && b->view()->viewport()->rect().contains(r);
        };
        setCurrent(*b, 1, QStringLiteral("name"));
        b->view()->scrollToTop();
        const int rows = b->model()->rowCount();
        QVERIFY(rows > 20);
        QCOMPARE(pasteAndWait(*b, QStringLiteral("new a\tn1\nnew b\tn2\nnew c\tn3\n"), true), QString());
        QCOMPARE(b->model()->rowCount(), rows + 3);
        QTRY_VERIFY(shown(rows) && shown(rows + 2));
        QCOMPARE(b->view()->currentIndex().row(), rows);
        QVERIFY(b->view()->selectionModel()->isRowSelected(rows + 2, {}));
        QVERIFY(b->editor()->undo());

        // Over existing rows, from a current cell at the bottom of the viewport: the block's end is shown.
        b->view()->scrollToTop();
        const int last = b->view()->rowAt(b->view()->viewport()->height() - 2);
        QVERIFY(last > 0);
        b->view()->setCurrentIndex(b->model()->index(last, col(b->model(), QStringLiteral("note"))));
        QString block;
        for (int i = 0; i < 5; ++i)
            block += QStringLiteral("block %1\n").arg(i);
        QCOMPARE(pasteAndWait(*b, block), QString());
        QTRY_VERIFY2(shown(last + 4, QStringLiteral("note")),
                     qPrintable(QStringLiteral("rows %1 to %2 shown, the block is %3 to %4")
                                    .arg(b->view()->rowAt(0))
                                    .arg(b->view()->rowAt(b->view()->viewport()->height() - 1))
                                    .arg(last)
                                    .arg(last + 4)));
        QVERIFY(b->editor()->undo());
    }

    void hundredThousandCellsKeepTheGuiLive() {
        auto b = open(QStringLiteral("wide"));
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::Warning);
        QVERIFY(waitLoaded(*b));
        b->resize(900, 600);
        b->show();
        QVERIFY(QTest::qWaitForWindowExposed(b.get()));
        QString text;
        for (int r = 0; r < 10000; ++r) {
            for (int c = 1; c <= 10; ++c)
                text += (c <= 5 ? QStringLiteral("t%1-%2").arg(r).arg(c) : QString::number(r * 10 + c)) +
                        (c < 10 ? QLatin1Char('\t') : QLatin1Char('\n'));
        }
        b->view()->setCurrentIndex(b->model()->index(0, col(b->model(), QStringLiteral("c1"))));
        // The GUI stays live when its event loop keeps running while the paste is read and checked: a
        // paste staged on the GUI thread would let no tick through until it ends. Counted, not timed, so
        // a slow machine (or AddressSanitizer) only gives more ticks; the pause is reported for reading.
        QElapsedTimer gap;
        qint64 longestGap = 0;
        bool pending = true;
        int ticksWhilePending = 0;
        QObject::connect(b->editor(), &TableEditor::pasteStaged, b.get(), [&] { pending = false; });
        QTimer tick;
        tick.setInterval(5);
        QObject::connect(&tick, &QTimer::timeout, [&] {
            longestGap = std::max(longestGap, gap.restart());
            if (pending)
                ++ticksWhilePending;
        });
        QElapsedTimer all;
        all.start();
        gap.start();
        tick.start();
        QCOMPARE(pasteAndWait(*b, text, true), QString());
        QTest::qWait(200); // the grid showing the new rows
        tick.stop();
        qInfo("100,000 pasted cells staged in %lld ms, longest GUI pause %lld ms, %d GUI ticks while pending",
              all.elapsed(), longestGap, ticksWhilePending);
        QCOMPARE(b->editor()->session()->size(), 10000);
        QCOMPARE(b->model()->rowCount(), 10001);
        QVERIFY2(ticksWhilePending >= 3, qPrintable(QString::number(ticksWhilePending)));
        QVERIFY(b->editor()->undo());
        QCOMPARE(b->model()->rowCount(), 1);
    }

    void duplicateLeavesOutKeyIdentityAndGenerated() {
        auto b = open(QStringLiteral("clones"));
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*b));
        PageModel* m = b->model();
        const int rows = m->rowCount();
        QSignalSpy staged(b->editor(), &TableEditor::pasteStaged);
        b->editor()->duplicateRows({rowOf(m, 1)});
        QCOMPARE(staged.size(), 1);
        QCOMPARE(m->rowCount(), rows + 1);
        QVERIFY(m->isNewRow(rows));
        QCOMPARE(m->index(rows, col(m, QStringLiteral("code"))).data(Qt::EditRole).toString(),
                 QStringLiteral("a"));
        for (const char* serverFilled : {"id", "serialish", "created_at"})
            QVERIFY2(m->isDefault(m->index(rows, col(m, QLatin1String(serverFilled)))), serverFilled);
        const QString preview = b->editor()->previewSql();
        QVERIFY2(preview.startsWith(QLatin1String("INSERT")) && !preview.contains(QLatin1String("\"id\"")) &&
                     !preview.contains(QLatin1String("twice")),
                 qPrintable(preview));
        QVERIFY(applyAndWait(*b));
        QCOMPARE(sql(QStringLiteral(
                     "select string_agg(concat_ws('|', id, code, n, twice, serialish), ';' order by id) "
                     "from $S.clones")),
                 QStringLiteral("1|a|1|2|1;2|b|2|4|2;3|a|1|2|3"));
    }
};

PGDESK_UI_TEST_MAIN(TestGridPaste)
#include "tst_gridpaste.moc"
