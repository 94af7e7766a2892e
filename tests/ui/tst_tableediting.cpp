// SPDX-License-Identifier: GPL-3.0-or-later
// Editing cells in the grid: values, NULL, DEFAULT, booleans, staged edits following their rows, conflicts,
// keys and menus, the cost of staging.
#include "tableeditingfixture.h"
#include "uitestmain.h"

#include <QTextBlock>
#include <QTextLayout>

class TestTableEditing final : public QObject, private TableEditingFixture {
    Q_OBJECT

    // The highlighter's colour at `position` of the preview's text (invalid when it set none).
    static QColor highlightAt(QDialog* dialog, qsizetype position) {
        auto* document = dialog->findChild<QPlainTextEdit*>(QStringLiteral("previewSql"))->document();
        const QTextBlock block = document->findBlock(int(position));
        if (!block.isValid())
            return {};
        position -= block.position();
        for (const QTextLayout::FormatRange& r : block.layout()->formats())
            if (position >= r.start && position < r.start + r.length &&
                r.format.hasProperty(QTextFormat::ForegroundBrush))
                return r.format.foreground().color();
        return {};
    }

private slots:
    void initTestCase() { QVERIFY(setUp()); }
    void init() { clearJournal(); }

    void editTextPreviewApply() {
        auto b = open(QStringLiteral("items"));
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*b));
        QVERIFY(b->editor()->isEditable());
        const QModelIndex name = cell(b->model(), 1, QStringLiteral("name"));
        QVERIFY(b->model()->flags(name) & Qt::ItemIsEditable);
        QVERIFY(!(b->model()->flags(cell(b->model(), 1, QStringLiteral("doubled"))) & Qt::ItemIsEditable));
        const QString value = QStringLiteral("Grüße 'quoted' \"x\" ✓");
        QVERIFY(b->model()->setData(name, value));
        QVERIFY(b->model()->setData(cell(b->model(), 1, QStringLiteral("odd \"col\"; --")),
                                    QStringLiteral("odd")));
        QCOMPARE(name.data(Qt::EditRole).toString(), value);
        QVERIFY(name.data(PageModel::IsEditedRole).toBool());
        QVERIFY(gridStyle(*b, name).backgroundBrush.style() != Qt::NoBrush);
        QCOMPARE(name.data(PageModel::RowStateRole).toInt(), int(EditSession::RowState::Updated));
        // Journaled at once.
        const auto journaled =
            m_journal->load(QStringLiteral("test"), b->editor()->session()->changes().table);
        QVERIFY(journaled && journaled->size() == 1);

        // Ctrl+S → the preview dialog with the UPDATE → Apply.
        QSignalSpy applied(b->editor(), &TableEditor::applied);
        QSignalSpy loaded(b.get(), &TableBrowser::pageLoaded);
        b->editor()->apply();
        auto* dialog = waitForChild<QDialog>(b.get(), QStringLiteral("applyPreview"));
        QVERIFY(dialog);
        const QString preview =
            dialog->findChild<QPlainTextEdit*>(QStringLiteral("previewSql"))->toPlainText();
        QVERIFY2(preview.startsWith(QStringLiteral("UPDATE ")), qPrintable(preview));
        QVERIFY2(preview.contains(QStringLiteral("'Grüße ''quoted'' \"x\" ✓'")), qPrintable(preview));
        QVERIFY2(preview.contains(QStringLiteral("xmin")), qPrintable(preview));
        // A long statement wraps to the dialog instead of running off its right edge.
        QCOMPARE(dialog->findChild<QPlainTextEdit*>(QStringLiteral("previewSql"))->lineWrapMode(),
                 QPlainTextEdit::WidgetWidth);
        // Coloured as in the query tool: the keyword and the string literal each in their colour.
        const qsizetype literalAt = preview.indexOf(QStringLiteral("'Grüße"));
        QTRY_VERIFY(highlightAt(dialog, 0).isValid() && highlightAt(dialog, literalAt).isValid());
        QVERIFY(highlightAt(dialog, 0) != highlightAt(dialog, literalAt));
        // Where it runs: the profile and database (this profile has no environment).
        QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("applyPreviewTarget"))->text(),
                 QStringLiteral("Profile %1, database %2")
                     .arg(m_pool->profile().name, m_pool->profile().database));
        dialog->findChild<QPushButton*>(QStringLiteral("confirmApplyButton"))->click();
        QVERIFY(applied.wait(15000));
        QVERIFY(!loaded.isEmpty() || loaded.wait(15000));
        QCOMPARE(sql(QStringLiteral("select name from $S.items where id = 1")), value);
        QCOMPARE(sql(QStringLiteral("select \"odd \"\"col\"\"; --\" from $S.items where id = 1")),
                 QStringLiteral("odd"));
        QVERIFY(b->editor()->session()->isEmpty());
        QVERIFY(!m_journal->load(QStringLiteral("test"), b->editor()->session()->changes().table));
        // The page shows the server's new value, no longer as an edit.
        const QModelIndex after = cell(b->model(), 1, QStringLiteral("name"));
        QCOMPARE(after.data(Qt::EditRole).toString(), value);
        QVERIFY(!after.data(PageModel::IsEditedRole).toBool());
    }

    // A profile with an environment: the preview names it, beside the profile.
    void previewNamesTheEnvironment() {
        auto profile = m_pool->profile();
        profile.name = QStringLiteral("shop staging");
        profile.environment = pgdesk::core::Environment::Staging;
        auto b = std::make_unique<TableBrowser>(pgdesk::core::Pool::create(profile), m_schema,
                                                QStringLiteral("items"));
        QVERIFY(waitLoaded(*b));
        QVERIFY(b->model()->setData(cell(b->model(), 2, QStringLiteral("note")), QStringLiteral("staged")));
        b->editor()->apply();
        auto* dialog = waitForChild<QDialog>(b.get(), QStringLiteral("applyPreview"));
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("applyPreviewTarget"))->text(),
                 QStringLiteral("Profile shop staging, database %1 (Staging)").arg(profile.database));
        dialog->reject();
        b->editor()->session()->clear();
    }

    // Continuous scrolling: a row of the second block is edited in place, applied, and shows the server's
    // value once its block has loaded again.
    void editInContinuousMode() {
        auto b = open(QStringLiteral("items"));
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*b));
        b->setPageSize(0);
        QVERIFY(waitLoaded(*b));
        // A new table's estimate is low: the row count grows as rows past it are asked for and proven.
        QVERIFY(b->model()->rowCount() > 200);
        QVERIFY(b->model()->index(200, 0).data(PageModel::IsPlaceholderRole).toBool());
        QTRY_COMPARE_WITH_TIMEOUT(b->model()->rowCount(), 250, 15000);
        const QModelIndex name = b->model()->index(219, col(b->model(), QStringLiteral("name")));
        QTRY_COMPARE_WITH_TIMEOUT(name.data(Qt::EditRole).toString(), QStringLiteral("item 220"), 15000);
        // Exact once the block past the end has come (an autovacuum'd estimate may have said 250 first).
        QTRY_VERIFY_WITH_TIMEOUT(b->model()->isTotalExact(), 15000);
        QCOMPARE(b->model()->rowCount(), 250);
        QVERIFY(b->model()->flags(name) & Qt::ItemIsEditable);
        QVERIFY(b->model()->setData(name, QStringLiteral("edited while scrolling")));
        QVERIFY(name.data(PageModel::IsEditedRole).toBool());
        QSignalSpy applied(b->editor(), &TableEditor::applied);
        b->editor()->applyStaged();
        QVERIFY(applied.wait(15000));
        QCOMPARE(sql(QStringLiteral("select name from $S.items where id = 220")),
                 QStringLiteral("edited while scrolling"));
        QTRY_VERIFY_WITH_TIMEOUT(!name.data(PageModel::IsPlaceholderRole).toBool() &&
                                     !name.data(PageModel::IsEditedRole).toBool(),
                                 15000);
        QCOMPARE(name.data(Qt::EditRole).toString(), QStringLiteral("edited while scrolling"));
        QCOMPARE(b->model()->rowCount(), 250);
    }

    void nullIsNotTheEmptyString() {
        auto b = open(QStringLiteral("items"));
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*b));
        b->editor()->setNull(cell(b->model(), 2, QStringLiteral("note")));
        QVERIFY(b->model()->setData(cell(b->model(), 3, QStringLiteral("note")), QString()));
        QVERIFY(cell(b->model(), 2, QStringLiteral("note")).data(PageModel::IsNullRole).toBool());
        QVERIFY(!cell(b->model(), 3, QStringLiteral("note")).data(PageModel::IsNullRole).toBool());
        QVERIFY(b->editor()->previewSql().contains(QStringLiteral("NULL")));
        QVERIFY(applyAndWait(*b));
        QCOMPARE(sql(QStringLiteral("select id || ':' || (note is null) || ':' || coalesce(note = '', false) "
                                    "from $S.items where id in (2, 3) order by id")),
                 QStringLiteral("2:true:false\n3:false:true"));
        // Setting back what was read unstages: NULL → text → NULL is no change.
        b->editor()->setNull(cell(b->model(), 3, QStringLiteral("note")));
        QVERIFY(b->model()->setData(cell(b->model(), 3, QStringLiteral("note")), QString()));
        QVERIFY(b->editor()->session()->isEmpty());
    }

    void setDefaultIsNeitherNullNorEmpty() {
        sql(QStringLiteral("update $S.items set flag = true, qty = 7 where id = 4"));
        auto b = open(QStringLiteral("items"));
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*b));
        PageModel* m = b->model();
        const auto setDefaultAction = [&](const QModelIndex& index, QMenu& menu) {
            b->editor()->addMenuActions(&menu, index);
            return menu.findChild<QAction*>(QStringLiteral("setDefaultAction"));
        };
        const QModelIndex qty = cell(m, 4, QStringLiteral("qty"));
        const QModelIndex flag = cell(m, 4, QStringLiteral("flag"));
        QMenu menu;
        QAction* action = setDefaultAction(flag, menu);
        QVERIFY(action && action->isEnabled());
        QCOMPARE(action->toolTip(), QStringLiteral("The column's default: false"));
        action->trigger();
        QVERIFY(m->setDefault(qty));
        for (const QModelIndex& index : {qty, flag}) {
            QVERIFY(m->isDefault(index));
            QCOMPARE(index.data().toString(), QStringLiteral("DEFAULT"));
            QVERIFY(index.data(PageModel::IsEditedRole).toBool());
            QVERIFY(!index.data(PageModel::IsNullRole).toBool());
        }
        QMenu again;
        QVERIFY(!setDefaultAction(qty, again)->isEnabled()); // already DEFAULT
        QCOMPARE(b->editor()->session()->size(), 1);
        const QString preview = b->editor()->previewSql();
        QVERIFY2(preview.contains(QStringLiteral("\"flag\" = DEFAULT")) &&
                     preview.contains(QStringLiteral("\"qty\" = DEFAULT")),
                 qPrintable(preview));
        // A value typed over DEFAULT replaces it; the value read unstages the cell.
        QVERIFY(m->setData(qty, QStringLiteral("8")));
        QVERIFY(!m->isDefault(qty));
        QCOMPARE(qty.data().toString(), QStringLiteral("8"));
        QVERIFY(m->setData(qty, QStringLiteral("7")));
        QVERIFY(!qty.data(PageModel::IsEditedRole).toBool());
        QVERIFY(m->setDefault(qty));
        QVERIFY(applyAndWait(*b));
        // No default on qty: DEFAULT is NULL there.
        QCOMPARE(sql(QStringLiteral("select flag || ':' || (qty is null) from $S.items where id = 4")),
                 QStringLiteral("false:true"));
        QVERIFY(!m->isDefault(cell(m, 4, QStringLiteral("qty"))));

        // A new row's cell goes back to unset (its default) after a value was typed.
        b->editor()->addRow();
        const int added = m->rowCount() - 1;
        QVERIFY(m->setData(m->index(added, col(m, QStringLiteral("id"))), QStringLiteral("1001")));
        const QModelIndex name = m->index(added, col(m, QStringLiteral("name")));
        QVERIFY(m->setData(name, QStringLiteral("typed")));
        QVERIFY(!m->isDefault(name));
        QVERIFY(m->setDefault(name));
        QVERIFY(m->isDefault(name));
        QCOMPARE(name.data().toString(), QStringLiteral("DEFAULT"));
        QVERIFY(!b->editor()->previewSql().contains(QStringLiteral("typed")));
        b->editor()->session()->clear();
    }

    void untouchedEditorStagesNothing() {
        sql(QStringLiteral("update $S.items set note = null where id = 15"));
        auto b = open(QStringLiteral("items"));
        QVERIFY(waitLoaded(*b));
        const QModelIndex note = cell(b->model(), 15, QStringLiteral("note"));
        QAbstractItemDelegate* delegate = b->view()->itemDelegate();
        std::unique_ptr<QWidget> editor(delegate->createEditor(b->view()->viewport(), {}, note));
        auto* line = qobject_cast<QLineEdit*>(editor.get());
        QVERIFY(line);
        delegate->setEditorData(line, note);
        QCOMPARE(line->placeholderText(), QStringLiteral("NULL"));
        delegate->setModelData(line, b->model(), note); // opened and left: still NULL, nothing staged
        QVERIFY(b->editor()->session()->isEmpty());
        QTest::keyClicks(line, QStringLiteral("x"));
        delegate->setModelData(line, b->model(), note);
        QCOMPARE(note.data(Qt::EditRole).toString(), QStringLiteral("x"));
        QCOMPARE(b->editor()->session()->size(), 1);
        b->editor()->session()->clear();
    }

    void booleanTogglesWithTheCheckBox() {
        auto b = open(QStringLiteral("items"));
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*b));
        const QModelIndex flag = cell(b->model(), 4, QStringLiteral("flag"));
        QVERIFY(b->model()->flags(flag) & Qt::ItemIsUserCheckable);
        QVERIFY(!(b->model()->flags(flag) & Qt::ItemIsEditable));
        QCOMPARE(flag.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QVERIFY(b->model()->setData(flag, Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(flag.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QVERIFY(applyAndWait(*b));
        QCOMPARE(sql(QStringLiteral("select flag from $S.items where id = 4")), QStringLiteral("t"));
        QCOMPARE(sql(QStringLiteral("select count(*) from $S.items where flag")), QStringLiteral("1"));
    }

    void stagedEditsFollowTheirRows() {
        auto b = open(QStringLiteral("items"));
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*b));
        QVERIFY(
            b->model()->setData(cell(b->model(), 5, QStringLiteral("name")), QStringLiteral("staged five")));
        b->nextPage();
        QVERIFY(waitLoaded(*b));
        QCOMPARE(rowOf(b->model(), 5), -1);
        QCOMPARE(b->model()->index(0, 0).data(PageModel::IsEditedRole).toBool(), false);
        b->firstPage();
        QVERIFY(waitLoaded(*b));
        QCOMPARE(cell(b->model(), 5, QStringLiteral("name")).data().toString(),
                 QStringLiteral("staged five"));
        // Sorted by id descending: row 5 is now on page 3 (ids 50..1), at another row number.
        b->sortBy(col(b->model(), QStringLiteral("id")), false);
        QVERIFY(waitLoaded(*b));
        b->sortBy(col(b->model(), QStringLiteral("id")), false);
        QVERIFY(waitLoaded(*b));
        QCOMPARE(b->model()->index(0, 0).data().toString(), QStringLiteral("250"));
        b->lastPage();
        QVERIFY(waitLoaded(*b));
        const QModelIndex five = cell(b->model(), 5, QStringLiteral("name"));
        QVERIFY(five.isValid());
        QCOMPARE(five.row(), b->model()->rowCount() - 5);
        QCOMPARE(five.data().toString(), QStringLiteral("staged five"));
        QVERIFY(five.data(PageModel::IsEditedRole).toBool());
        // And through a filter.
        b->setFilter({pgdesk::core::FilterGroup::Logic::And,
                      false,
                      {{QStringLiteral("id"), pgdesk::core::FilterOp::Equal, {QStringLiteral("5")}, {}}},
                      {}});
        QVERIFY(waitLoaded(*b));
        QCOMPARE(b->model()->rowCount(), 1);
        QCOMPARE(cell(b->model(), 5, QStringLiteral("name")).data().toString(),
                 QStringLiteral("staged five"));

        // Discard asks first, then drops everything; the server never saw it.
        b->editor()->discard();
        auto* box = waitForChild<QMessageBox>(b.get(), QStringLiteral("discardConfirm"));
        QVERIFY(box);
        box->button(QMessageBox::Discard)->click();
        QTRY_VERIFY(b->editor()->session()->isEmpty());
        QCOMPARE(cell(b->model(), 5, QStringLiteral("name")).data().toString(), QStringLiteral("item 5"));
        QCOMPARE(sql(QStringLiteral("select name from $S.items where id = 5")), QStringLiteral("item 5"));
    }

    void conflictTakeTheirsAndKeepMine() {
        auto b = open(QStringLiteral("items"));
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*b));
        QVERIFY(b->model()->setData(cell(b->model(), 7, QStringLiteral("name")), QStringLiteral("mine")));
        QVERIFY(b->model()->setData(cell(b->model(), 8, QStringLiteral("name")), QStringLiteral("mine too")));
        sql(QStringLiteral("update $S.items set name = 'theirs' where id = 7"));
        QVERIFY(applyAndWait(*b, "applyConflicted"));
        QCOMPARE(sql(QStringLiteral("select name from $S.items where id in (7, 8) order by id")),
                 QStringLiteral("theirs\nitem 8")); // nothing written, row 8 neither
        auto* bar = b->findChild<QWidget*>(QStringLiteral("conflictBar"));
        QVERIFY(bar->isVisibleTo(b.get()));
        const QString text = b->findChild<QLabel*>(QStringLiteral("conflictLabel"))->text();
        QVERIFY2(text.contains(QStringLiteral("(id=7)")) && !text.contains(QStringLiteral("id=8")),
                 qPrintable(text));
        const QModelIndex seven = cell(b->model(), 7, QStringLiteral("name"));
        QVERIFY(seven.data(PageModel::IsConflictRole).toBool());
        QCOMPARE(seven.data().toString(), QStringLiteral("mine")); // still staged over the new server value
        QVERIFY(seven.data(Qt::ToolTipRole).toString().contains(QStringLiteral("theirs")));
        QCOMPARE(b->editor()->session()->size(), 2);

        b->findChild<QPushButton*>(QStringLiteral("takeTheirsButton"))->click();
        QCOMPARE(b->editor()->session()->size(), 1);
        QVERIFY(!bar->isVisibleTo(b.get()));
        QCOMPARE(cell(b->model(), 7, QStringLiteral("name")).data().toString(), QStringLiteral("theirs"));
        QVERIFY(applyAndWait(*b));
        QCOMPARE(sql(QStringLiteral("select name from $S.items where id in (7, 8) order by id")),
                 QStringLiteral("theirs\nmine too"));

        // Keep mine: staged again against the new version, and then it applies.
        QVERIFY(
            b->model()->setData(cell(b->model(), 7, QStringLiteral("name")), QStringLiteral("mine again")));
        sql(QStringLiteral("update $S.items set note = 'their note' where id = 7"));
        QVERIFY(applyAndWait(*b, "applyConflicted"));
        b->findChild<QPushButton*>(QStringLiteral("keepMineButton"))->click();
        QCOMPARE(b->editor()->session()->size(), 1);
        QVERIFY(applyAndWait(*b));
        QCOMPARE(sql(QStringLiteral("select name || '/' || note from $S.items where id = 7")),
                 QStringLiteral("mine again/their note"));

        // A row deleted meanwhile: reported as deleted; keeping mine has nothing to keep it against.
        QVERIFY(b->model()->setData(cell(b->model(), 20, QStringLiteral("name")), QStringLiteral("orphan")));
        sql(QStringLiteral("delete from $S.items where id = 20"));
        QVERIFY(applyAndWait(*b, "applyConflicted"));
        const QString gone = b->findChild<QLabel*>(QStringLiteral("conflictLabel"))->text();
        QVERIFY2(gone.contains(QStringLiteral("(id=20) (deleted)")), qPrintable(gone));
        b->findChild<QPushButton*>(QStringLiteral("keepMineButton"))->click();
        QVERIFY(b->editor()->session()->isEmpty());
    }

    void keyboardAndMenu() {
        auto b = open(QStringLiteral("items"));
        QVERIFY(waitLoaded(*b));
        b->resize(900, 600);
        b->show();
        b->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(b.get()));
        PageModel* m = b->model();
        // F2, type, Enter: through the view's own editor.
        const QModelIndex name = cell(m, 16, QStringLiteral("name"));
        b->view()->setFocus();
        b->view()->setCurrentIndex(name);
        QTest::keyClick(b->view(), Qt::Key_F2);
        auto* line = b->view()->viewport()->findChild<QLineEdit*>();
        QVERIFY2(line, qPrintable(QApplication::focusWidget()
                                      ? QApplication::focusWidget()->metaObject()->className()
                                      : "none"));
        QCOMPARE(QApplication::focusWidget(), line);
        line->selectAll();
        QTest::keyClicks(line, QStringLiteral("typed"));
        QTest::keyClick(line, Qt::Key_Return);
        QTRY_COMPARE(name.data(Qt::EditRole).toString(), QStringLiteral("typed")); // committed queued
        QCOMPARE(b->editor()->session()->size(), 1);
        // Del on a row of a table without soft delete asks first; Cancel stages nothing.
        b->view()->setFocus();
        b->view()->setCurrentIndex(cell(m, 17, QStringLiteral("name")));
        QTest::keyClick(b->view(), Qt::Key_Delete);
        auto* box = waitForChild<QMessageBox>(b.get(), QStringLiteral("deleteConfirm"));
        QVERIFY(box);
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!b->findChild<QMessageBox*>(QStringLiteral("deleteConfirm")));
        QCOMPARE(b->editor()->session()->size(), 1);
        // Ctrl+S opens the preview (the tab's window active again after the message box).
        b->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(b.get()));
        b->view()->setFocus();
        QTest::keySequence(b->view(), QKeySequence::Save);
        auto* dialog = waitForChild<QDialog>(b.get(), QStringLiteral("applyPreview"));
        QVERIFY(dialog);
        dialog->reject();
        // Set NULL from the context menu, distinct from clearing the text.
        QMenu menu;
        const QModelIndex note = cell(m, 16, QStringLiteral("note"));
        b->editor()->addMenuActions(&menu, note);
        QAction* setNull = nullptr;
        for (QAction* a : menu.actions())
            if (a->text() == QStringLiteral("Set NULL"))
                setNull = a;
        QVERIFY(setNull && setNull->isEnabled());
        setNull->trigger();
        QVERIFY(note.data(PageModel::IsNullRole).toBool());
        QCOMPARE(b->editor()->session()->size(), 1); // the same row's update, now two columns
        b->editor()->session()->clear();
    }

    void stagingCost() {
        auto b = open(QStringLiteral("items"));
        QVERIFY(waitLoaded(*b));
        PageModel* m = b->model();
        QElapsedTimer timer;
        timer.start();
        for (int r = 0; r < m->rowCount(); ++r)
            QVERIFY(m->setData(m->index(r, col(m, QStringLiteral("note"))), QStringLiteral("n%1").arg(r)));
        const qint64 staging = timer.restart();
        int touched = 0;
        for (int r = 0; r < m->rowCount(); ++r)
            for (int c = 0; c < m->columnCount(); ++c)
                touched += gridStyle(*b, m->index(r, c)).backgroundBrush.style() != Qt::NoBrush; // as painted
        const qint64 painting = timer.restart();
        // The packed state the delegate paints from says what the single roles say, cell by cell.
        for (int r = 0; r < m->rowCount(); ++r)
            for (int c = 0; c < m->columnCount(); ++c) {
                const QModelIndex i = m->index(r, c);
                const int state = i.data(PageModel::CellStateRole).toInt();
                QCOMPARE(state & PageModel::RowStateMask, i.data(PageModel::RowStateRole).toInt());
                QCOMPARE(bool(state & PageModel::NullCell), i.data(PageModel::IsNullRole).toBool());
                QCOMPARE(bool(state & PageModel::EditedCell), i.data(PageModel::IsEditedRole).toBool());
                QCOMPARE(bool(state & PageModel::DefaultCell), i.data(PageModel::IsDefaultRole).toBool());
                QCOMPARE(bool(state & PageModel::DeletedRow), i.data(PageModel::IsDeletedRole).toBool());
                QCOMPARE(bool(state & PageModel::ConflictRow), i.data(PageModel::IsConflictRole).toBool());
            }
        QList<int> rows;
        for (int r = 0; r < m->rowCount(); ++r)
            rows << r;
        b->editor()->session()->clear();
        timer.restart();
        b->editor()->deleteRows(rows, true);
        auto* box = waitForChild<QMessageBox>(b.get(), QStringLiteral("deleteConfirm"));
        QVERIFY(box);
        timer.restart();
        box->button(QMessageBox::Yes)->click();
        QTRY_COMPARE(b->editor()->session()->size(), qsizetype(m->rowCount()));
        const qint64 deleting = timer.elapsed();
        qInfo("%d edits staged and journaled one by one: %lld ms; all roles of %d cells with them staged: "
              "%lld ms; "
              "%d deletes staged in one batch: %lld ms",
              m->rowCount(), staging, m->rowCount() * m->columnCount(), painting, m->rowCount(), deleting);
        QVERIFY(touched > 0);
        b->editor()->session()->clear();
    }
};

PGDESK_UI_TEST_MAIN(TestTableEditing)
#include "tst_tableediting.moc"
