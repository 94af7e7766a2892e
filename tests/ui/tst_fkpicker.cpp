// SPDX-License-Identifier: GPL-3.0-or-later
// The foreign-key picker in the table grid against the real server: the parent's rows paged by keyset (the
// SQL captured: no OFFSET, a row-value comparison) on a 100,000-row parent, a composite key filled in one
// undo step, search text taken literally, soft-deleted parents hidden, and the apply preview's warning for a
// typed value without a parent row.
#include "tableeditingfixture.h"
#include "uitestmain.h"

#include <pgdesk/ui/common/uisettings.h>

#include <pgdesk/ui/edit/formview.h>

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMutex>
#include <QProxyStyle>
#include <QScrollBar>
#include <QStyleFactory>

using pgdesk::ui::UiSettings;

class TestForeignKeyPicker final : public QObject, private TableEditingFixture {
    Q_OBJECT

    QMutex m_lock;
    QStringList m_statements; // every statement the pool's connections ran (workers: under m_lock)

    QStringList statements() {
        QMutexLocker locker(&m_lock);
        return m_statements;
    }
    void clearStatements() {
        QMutexLocker locker(&m_lock);
        m_statements.clear();
    }
    static QTableView* rowsOf(QDialog* dialog) {
        return dialog->findChild<QTableView*>(QStringLiteral("fkRows"));
    }
    // Waits until the picker is idle with at least `rows` rows (the first page, or a scroll's next).
    static bool waitRows(QDialog* dialog, int rows) {
        QAbstractItemModel* model = rowsOf(dialog)->model();
        auto* status = dialog->findChild<QLabel*>(QStringLiteral("fkStatus"));
        return QTest::qWaitFor(
            [&] {
                return model->rowCount() >= rows && !status->text().startsWith(QStringLiteral("Loading"));
            },
            30000);
    }
    static bool waitSearch(QDialog* dialog, const QString& text) {
        auto* search = dialog->findChild<QLineEdit*>(QStringLiteral("fkSearch"));
        QSignalSpy loaded(rowsOf(dialog)->model(), SIGNAL(pageLoaded()));
        search->selectAll();
        QTest::keyClicks(search, text); // typed: the search applies after the pause
        return loaded.wait(15000);
    }
    static QStringList column(QDialog* dialog, int c) {
        QStringList out;
        QAbstractItemModel* model = rowsOf(dialog)->model();
        for (int r = 0; r < model->rowCount(); ++r)
            out << model->index(r, c).data().toString();
        return out;
    }

private slots:
    void initTestCase() {
        QVERIFY(setUp());
        m_pool->setStatementObserver([this](const QString& sql, const QList<QString>&) {
            QMutexLocker locker(&m_lock);
            m_statements << sql;
        });
        sql(QStringLiteral(R"(
            create table $S.customers (id bigint primary key, name text not null, email text,
                                       deleted_at timestamptz);
            insert into $S.customers select i, 'customer ' || i, null, null from generate_series(1, 100000) i;
            update $S.customers set deleted_at = now(), name = 'gone ' || id where id in (5, 7);
            insert into $S.customers values (100001, 'a%b_c', null, null), (100002, 'axbyc', null, null),
                                            (100003, 'under_score', null, null);
            analyze $S.customers;
            create table $S.warehouses (region text, code int, title text not null, primary key (region, code));
            insert into $S.warehouses values ('north', 1, 'North one'), ('north', 2, 'North two'),
                                             ('south', 1, 'South one');
            create table $S.orders (id int primary key, customer_id bigint references $S.customers,
                                    region text, wh_code int, note text,
                                    foreign key (region, wh_code) references $S.warehouses);
            insert into $S.orders values (1, 1, 'north', 1, 'first'), (2, 2, 'south', 1, 'second');
            create table $S.tags (id uuid primary key, title text not null);
            insert into $S.tags select gen_random_uuid(), 'tag ' || i from generate_series(1, 5) i;
            create table $S.tagged (id int primary key, tag_id uuid references $S.tags);
            insert into $S.tagged select 1, id from $S.tags order by id offset 3 limit 1;)"));
    }
    void init() {
        clearJournal();
        m_journal->clear(pgdesk::core::journalKey(dsnProfile()),
                         pgdesk::core::qualifiedTableText(m_schema, QStringLiteral("orders")));
    }

    void pagesByKeysetWithoutSoftDeleted() {
        auto b = open(QStringLiteral("orders"));
        QVERIFY(waitLoaded(*b));
        clearStatements();
        QDialog* dialog = b->editor()->pickForeignKey(cell(b->model(), 1, QStringLiteral("customer_id")));
        QVERIFY(dialog);
        QAbstractItemModelTester tester(rowsOf(dialog)->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitRows(dialog, 200));
        QCOMPARE(rowsOf(dialog)->model()->rowCount(), 200);
        // Scrolling to the end of the list reads the next pages, each after the last key shown.
        // (Each time once the view has laid out the rows just added: the bar's old end is where it already
        // is.)
        int lastEnd = 0;
        for (int page = 2; page <= 4; ++page) {
            QScrollBar* bar = rowsOf(dialog)->verticalScrollBar();
            QVERIFY(QTest::qWaitFor([&] { return bar->maximum() > lastEnd; }, 5000));
            lastEnd = bar->maximum();
            bar->setValue(lastEnd);
            QVERIFY2(waitRows(dialog, page * 200), qPrintable(QString::number(page)));
        }
        const QStringList ids = column(dialog, 0);
        QCOMPARE(ids.size(), 800);
        QCOMPARE(ids.value(0), QStringLiteral("1"));
        // Ordered by the key without gaps, soft-deleted 5 and 7 left out.
        QVERIFY(!ids.contains(QStringLiteral("5")) && !ids.contains(QStringLiteral("7")));
        QCOMPARE(ids.value(3), QStringLiteral("4"));
        QCOMPARE(ids.value(4), QStringLiteral("6"));
        QCOMPARE(ids.last(), QStringLiteral("802"));
        QCOMPARE(column(dialog, 1).value(0), QStringLiteral("customer 1")); // the NOT NULL text label
        QCOMPARE(rowsOf(dialog)->model()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("name"));

        QStringList picker;
        for (const QString& s : statements())
            if (s.contains(QLatin1String("\"customers\"")) && s.contains(QLatin1String("ORDER BY")))
                picker << s;
        QCOMPARE(picker.size(), 4);
        for (const QString& s : picker)
            QVERIFY2(!s.contains(QLatin1String("OFFSET"), Qt::CaseInsensitive), qPrintable(s));
        for (int i = 1; i < 4; ++i)
            QVERIFY2(picker[i].contains(QLatin1String("ROW(p.\"id\") > ROW($1::bigint)")),
                     qPrintable(picker[i]));
        QVERIFY2(picker[0].contains(QLatin1String("\"deleted_at\" IS NULL")), qPrintable(picker[0]));
        dialog->reject();
    }

    void fillsACompositeKeyInOneUndoStep() {
        auto b = open(QStringLiteral("orders"));
        QVERIFY(waitLoaded(*b));
        EditSession* session = b->editor()->session();
        clearStatements();
        QDialog* dialog = b->editor()->pickForeignKey(cell(b->model(), 1, QStringLiteral("wh_code")));
        QVERIFY(dialog);
        QAbstractItemModelTester tester(rowsOf(dialog)->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitRows(dialog, 3));
        QCOMPARE(column(dialog, 0), (QStringList{"north", "north", "south"}));
        QCOMPARE(column(dialog, 1), (QStringList{"1", "2", "1"}));
        QCOMPARE(column(dialog, 2), (QStringList{"North one", "North two", "South one"}));
        rowsOf(dialog)->setCurrentIndex(rowsOf(dialog)->model()->index(2, 0));
        dialog->accept();
        QCOMPARE(session->size(), 1);
        QCOMPARE(cell(b->model(), 1, QStringLiteral("region")).data(Qt::EditRole).toString(),
                 QStringLiteral("south"));
        QCOMPARE(cell(b->model(), 1, QStringLiteral("wh_code")).data(Qt::EditRole).toString(),
                 QStringLiteral("1"));
        QVERIFY(cell(b->model(), 1, QStringLiteral("region")).data(PageModel::IsEditedRole).toBool());
        // The composite key's page statement would seek with a two-column row value.
        QVERIFY(b->editor()->undo()); // both columns at once
        QVERIFY(session->isEmpty());
        QCOMPARE(cell(b->model(), 1, QStringLiteral("region")).data(Qt::EditRole).toString(),
                 QStringLiteral("north"));

        // Again, and applied: the row now references (south, 1).
        dialog = b->editor()->pickForeignKey(cell(b->model(), 2, QStringLiteral("region")));
        QVERIFY(waitRows(dialog, 3));
        rowsOf(dialog)->setCurrentIndex(rowsOf(dialog)->model()->index(1, 0));
        dialog->accept();
        QVERIFY(applyAndWait(*b));
        QCOMPARE(sql(QStringLiteral("select region || wh_code from $S.orders where id = 2")),
                 QStringLiteral("north2"));
    }

    void compositeKeysetSeeksByRowValue() {
        // Small pages are not needed to see the statement: a composite seek is built the same way per page.
        auto b = open(QStringLiteral("orders"));
        QVERIFY(waitLoaded(*b));
        sql(QStringLiteral(
            "insert into $S.warehouses select 'west', i, 'West ' || i from generate_series(1, 400) i"));
        clearStatements();
        QDialog* dialog = b->editor()->pickForeignKey(cell(b->model(), 1, QStringLiteral("region")));
        QVERIFY(waitRows(dialog, 200));
        QScrollBar* bar = rowsOf(dialog)->verticalScrollBar();
        QVERIFY(QTest::qWaitFor([&] { return bar->maximum() > 0; }, 5000));
        bar->setValue(bar->maximum());
        QVERIFY(waitRows(dialog, 400));
        const QStringList all = statements();
        const auto seek = std::find_if(all.begin(), all.end(), [](const QString& s) {
            return s.contains(QLatin1String("(p.\"region\", p.\"code\") > ($1::text, $2::integer)"));
        });
        QVERIFY2(seek != all.end(), qPrintable(all.join(QLatin1Char('\n'))));
        QVERIFY(!seek->contains(QLatin1String("OFFSET"), Qt::CaseInsensitive));
        dialog->reject();
        sql(QStringLiteral("delete from $S.warehouses where region = 'west'"));
    }

    void searchTakesWildcardsLiterally() {
        auto b = open(QStringLiteral("orders"));
        QVERIFY(waitLoaded(*b));
        QDialog* dialog = b->editor()->pickForeignKey(cell(b->model(), 1, QStringLiteral("customer_id")));
        QVERIFY(waitRows(dialog, 200));
        QVERIFY(waitSearch(dialog, QStringLiteral("a%b_c")));
        QCOMPARE(column(dialog, 0), QStringList{QStringLiteral("100001")}); // not axbyc
        QVERIFY(waitSearch(dialog, QStringLiteral("_")));
        QCOMPARE(column(dialog, 0), (QStringList{"100001", "100003"}));
        // Soft-deleted parents are not offered even when searched for.
        QVERIFY(waitSearch(dialog, QStringLiteral("gone")));
        QCOMPARE(rowsOf(dialog)->model()->rowCount(), 0);
        // The key's text is searched too.
        QVERIFY(waitSearch(dialog, QStringLiteral("99999")));
        QCOMPARE(column(dialog, 0), QStringList{QStringLiteral("99999")});
        dialog->reject();
    }

    void pickButtonInTheCellEditor() {
        auto b = open(QStringLiteral("orders"));
        b->show(); // an inline editor needs a shown view
        QVERIFY(waitLoaded(*b));
        const QModelIndex target = cell(b->model(), 1, QStringLiteral("customer_id"));
        b->view()->setCurrentIndex(target);
        b->view()->edit(target);
        auto* line = waitForChild<QLineEdit>(b->view()->viewport(), QString());
        QVERIFY(line);
        auto* pick = line->findChild<QAction*>(QStringLiteral("pickForeignKey"));
        QVERIFY(pick);
        pick->trigger();
        auto* dialog = waitForChild<QDialog>(b.get(), QStringLiteral("foreignKeyPicker"));
        QVERIFY(dialog);
        QVERIFY(waitRows(dialog, 1));
        rowsOf(dialog)->setCurrentIndex(rowsOf(dialog)->model()->index(2, 0));
        dialog->accept();
        QCOMPARE(b->model()->data(target, Qt::EditRole).toString(), QStringLiteral("3"));
        b->editor()->session()->clear();
    }

    // A UUID key is shown whole on one line, the row of the cell's current value is the one selected, and
    // OK / Cancel carry the app's icons (or none), not the style's built-in ones.
    void uuidKeyWholeAndCurrentValueSelected() {
        // A style that puts icons on dialog buttons, as KDE's does: the built-in ones would show.
        struct IconButtons final : QProxyStyle {
            using QProxyStyle::QProxyStyle;
            int styleHint(StyleHint hint, const QStyleOption* option, const QWidget* widget,
                          QStyleHintReturn* data) const override {
                return hint == SH_DialogButtonBox_ButtonsHaveIcons
                           ? 1
                           : QProxyStyle::styleHint(hint, option, widget, data);
            }
        };
        const QString styleName = QApplication::style()->name();
        QApplication::setStyle(new IconButtons(QStyleFactory::create(styleName)));
        auto b = open(QStringLiteral("tagged"));
        QVERIFY(waitLoaded(*b));
        const QString current = cell(b->model(), 1, QStringLiteral("tag_id")).data(Qt::EditRole).toString();
        QCOMPARE(current.size(), 36);
        QDialog* dialog = b->editor()->pickForeignKey(cell(b->model(), 1, QStringLiteral("tag_id")));
        QVERIFY(dialog);
        dialog->show();
        QVERIFY(waitRows(dialog, 5));
        QTableView* rows = rowsOf(dialog);
        QCOMPARE(column(dialog, 0).indexOf(current), 3);
        QCOMPARE(rows->currentIndex().row(), 3);
        QVERIFY(rows->selectionModel()->isRowSelected(3, {}));
        QVERIFY(!rows->wordWrap());
        QVERIFY2(rows->columnWidth(0) >= rows->fontMetrics().horizontalAdvance(current),
                 qPrintable(QString::number(rows->columnWidth(0))));
        const auto* box = dialog->findChild<QDialogButtonBox*>();
        QVERIFY(box);
        const QStringList themed{QStringLiteral("dialog-ok"), QStringLiteral("dialog-cancel")};
        for (QDialogButtonBox::StandardButton which : {QDialogButtonBox::Ok, QDialogButtonBox::Cancel}) {
            const QIcon icon = box->button(which)->icon();
            QVERIFY2(icon.isNull() || themed.contains(icon.name()), qPrintable(icon.name()));
        }
        dialog->reject();
        QApplication::setStyle(QStyleFactory::create(styleName));

        // A value beyond the first page: the next pages are read to select it.
        sql(QStringLiteral("update $S.orders set customer_id = 450 where id = 2"));
        b = open(QStringLiteral("orders"));
        QVERIFY(waitLoaded(*b));
        dialog = b->editor()->pickForeignKey(cell(b->model(), 2, QStringLiteral("customer_id")));
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(rowsOf(dialog)->currentIndex().data().toString() == QStringLiteral("450"),
                                 15000);
        dialog->reject();
        sql(QStringLiteral("update $S.orders set customer_id = 2 where id = 2"));
    }

    // Ctrl+Shift+R opens the form view right after the picker was closed (the focus is back in the grid).
    void formViewShortcutAfterThePicker() {
        auto b = open(QStringLiteral("orders"));
        QSignalSpy loaded(b.get(), &TableBrowser::pageLoaded); // before the wait below lets the page in
        b->show();
        b->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(b.get()));
        QVERIFY(!loaded.isEmpty() || loaded.wait(15000));
        const QModelIndex target = cell(b->model(), 1, QStringLiteral("customer_id"));
        b->view()->setFocus();
        b->view()->setCurrentIndex(target);
        b->view()->edit(target);
        auto* line = waitForChild<QLineEdit>(b->view()->viewport(), QString());
        QVERIFY(line);
        line->findChild<QAction*>(QStringLiteral("pickForeignKey"))->trigger();
        auto* dialog = waitForChild<QDialog>(b.get(), QStringLiteral("foreignKeyPicker"));
        QVERIFY(dialog);
        QVERIFY(waitRows(dialog, 1));
        QTest::keyClick(rowsOf(dialog), Qt::Key_Return);
        QTRY_VERIFY(!dialog->isVisible());
        // No window manager here hands the activation back: the picker does.
        QTRY_VERIFY(QApplication::activeWindow() == b.get());
        QCOMPARE(QApplication::focusWidget(), b->view());
        QWidget* focus = QApplication::focusWidget();
        QTest::keyClick(focus ? focus : b.get(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(b->findChild<pgdesk::ui::FormView*>() &&
                    b->findChild<pgdesk::ui::FormView*>()->isVisible());
        b->findChild<pgdesk::ui::FormView*>()->close();
        b->editor()->session()->clear();
    }

    void previewWarnsOfAMissingParent() {
        UiSettings::setConfirmBeforeApply(true);
        auto b = open(QStringLiteral("orders"));
        QVERIFY(waitLoaded(*b));
        const auto preview = [&b]() -> QDialog* {
            for (QDialog* d : b->findChildren<QDialog*>(QStringLiteral("applyPreview")))
                if (d->isVisible())
                    return d;
            return nullptr;
        };
        QVERIFY(b->model()->setData(cell(b->model(), 1, QStringLiteral("customer_id")),
                                    QStringLiteral("999999")));
        QVERIFY(b->model()->setData(cell(b->model(), 2, QStringLiteral("customer_id")), QStringLiteral("3")));
        // One column of the composite key typed (row 1 is north, 1): the other is taken from the row as read.
        QVERIFY(b->model()->setData(cell(b->model(), 1, QStringLiteral("wh_code")), QStringLiteral("9")));
        QSignalSpy checked(b->editor(), &TableEditor::foreignKeysChecked);
        b->editor()->apply();
        QVERIFY(checked.wait(15000));
        const QStringList missing = checked.first().first().toStringList();
        QCOMPARE(missing.size(), 2);
        QDialog* dialog = preview();
        QVERIFY(dialog);
        auto* warning = dialog->findChild<QLabel*>(QStringLiteral("applyPreviewWarning"));
        QVERIFY(warning && !warning->isHidden());
        QVERIFY2(warning->text().contains(QLatin1String("customer_id = 999999")),
                 qPrintable(warning->text()));
        QVERIFY2(warning->text().contains(QLatin1String("region = north, wh_code = 9")),
                 qPrintable(warning->text()));
        QVERIFY(!warning->text().contains(QLatin1String("customer_id = 3")));
        dialog->reject();

        // Every value with a parent: no warning.
        b->editor()->session()->clear();
        QVERIFY(b->model()->setData(cell(b->model(), 1, QStringLiteral("customer_id")), QStringLiteral("6")));
        checked.clear();
        b->editor()->apply();
        QVERIFY(checked.wait(15000));
        QVERIFY(checked.first().first().toStringList().isEmpty());
        dialog = preview();
        QVERIFY(dialog && dialog->findChild<QLabel*>(QStringLiteral("applyPreviewWarning"))->isHidden());
        dialog->reject();
        b->editor()->session()->clear();
    }
};

PGDESK_UI_TEST_MAIN(TestForeignKeyPicker)
#include "tst_fkpicker.moc"
