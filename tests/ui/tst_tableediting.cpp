#include "privatecluster.h"
#include "testcluster.h"

#include <pgdesk/core/changejournal.h>
#include <pgdesk/core/dsn.h>
#include <pgdesk/core/pool.h>
#include <pgdesk/ui/editsession.h>
#include <pgdesk/ui/griddelegate.h>
#include <pgdesk/ui/pagemodel.h>
#include <pgdesk/ui/tablebrowser.h>
#include <pgdesk/ui/tableeditor.h>

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using pgdesk::core::ChangeJournal;
using pgdesk::test::psql;
using pgdesk::ui::EditSession;
using pgdesk::ui::PageModel;
using pgdesk::ui::TableBrowser;
using pgdesk::ui::TableEditor;

namespace {
// How the grid draws a cell: fonts and colours are its delegate's (GridDelegate), not the model's.
QStyleOptionViewItem gridStyle(const TableBrowser& b, const QModelIndex& index) {
    return qobject_cast<pgdesk::ui::GridDelegate*>(b.view()->itemDelegate())->styleFor(index);
}
} // namespace

// Editing in the table grid against the real server: each test works in a private schema so that the
// tests sharing the demo database are not disturbed.
class TestTableEditing final : public QObject {
    Q_OBJECT

    std::shared_ptr<pgdesk::core::Pool> m_pool;
    QString m_schema = QStringLiteral("tst_edit_%1").arg(QCoreApplication::applicationPid());
    const QString m_soft = QStringLiteral("pösts; \"soft\"");
    QTemporaryDir m_dir;
    std::shared_ptr<ChangeJournal> m_journal;

    QString sql(const QString& text) { return psql(QString(text).replace(QStringLiteral("$S"), m_schema)); }

    std::unique_ptr<TableBrowser> open(const QString& table) {
        auto b = std::make_unique<TableBrowser>(m_pool, m_schema, table);
        b->editor()->setJournal(m_journal); // before the table is known (the load replies later)
        return b;
    }
    // The test server as `pgdesk --dsn …` opens it: a profile without a name.
    static pgdesk::core::ConnectionProfile dsnProfile() {
        return pgdesk::core::parseDsn(pgdesk::test::conninfo()).profile;
    }
    static bool waitLoaded(TableBrowser& b) {
        QSignalSpy spy(&b, &TableBrowser::pageLoaded);
        return spy.wait(15000);
    }
    static int col(const PageModel* m, const QString& name) {
        for (int c = 0; c < m->columnCount(); ++c)
            if (m->headerData(c, Qt::Horizontal).toString() == name)
                return c;
        return -1;
    }
    // The model row whose id is `id`, or -1.
    static int rowOf(const PageModel* m, int id) {
        const int c = col(m, QStringLiteral("id"));
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, c).data(Qt::EditRole).toString() == QString::number(id))
                return r;
        return -1;
    }
    static QModelIndex cell(const PageModel* m, int id, const QString& column) {
        return m->index(rowOf(m, id), col(m, column));
    }
    // Applies without the dialog and waits for the outcome and the reload after it.
    static bool applyAndWait(TableBrowser& b, const char* outcome = "applied") {
        QSignalSpy loaded(&b, &TableBrowser::pageLoaded);
        QSignalSpy done(b.editor(), QByteArray("2").append(outcome).append("()").constData());
        b.editor()->applyStaged();
        if (!done.wait(15000))
            return false;
        return !loaded.isEmpty() || loaded.wait(15000);
    }
    template <class T> static T* waitForChild(QWidget* parent, const QString& name) {
        T* found = nullptr;
        (void)QTest::qWaitFor([&] { return (found = parent->findChild<T*>(name)) != nullptr; }, 5000);
        return found;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_journal = std::make_shared<ChangeJournal>(m_dir.filePath(QStringLiteral("journal.sqlite")));
        m_pool = pgdesk::core::Pool::create(pgdesk::test::profile());
        sql(QStringLiteral(R"(
            create schema $S;
            create table $S.items (id int primary key, name text, note text, flag boolean not null default false,
                                   qty int, doubled int generated always as (id * 2) stored,
                                   "odd ""col""; --" text);
            insert into $S.items (id, name, note, qty) select i, 'item ' || i, 'note ' || i, i from generate_series(1, 250) i;
            create table $S."pösts; ""soft""" (id int primary key, title text, deleted_at timestamptz);
            insert into $S."pösts; ""soft""" (id, title) select i, 'post ' || i from generate_series(1, 5) i;
            create table $S.keyless (a int, b text);
            insert into $S.keyless values (1, 'x'), (1, 'x');)"));
    }
    // A failed test may leave staged changes in the journal: they would be offered to (and lock) the next.
    void init() {
        for (const QString& table : {QStringLiteral("items"), m_soft, QStringLiteral("keyless")}) {
            m_journal->clear(QStringLiteral("test"), pgdesk::core::qualifiedTableText(m_schema, table));
            m_journal->clear(pgdesk::core::journalKey(dsnProfile()),
                             pgdesk::core::qualifiedTableText(m_schema, table));
        }
    }
    void cleanupTestCase() { sql(QStringLiteral("drop schema if exists $S cascade")); }

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
        QVERIFY(b->model()->isTotalExact());
        const QModelIndex name = b->model()->index(219, col(b->model(), QStringLiteral("name")));
        QTRY_COMPARE_WITH_TIMEOUT(name.data(Qt::EditRole).toString(), QStringLiteral("item 220"), 15000);
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

    void newRowsInsert() {
        auto b = open(QStringLiteral("items"));
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*b));
        const int pageRows = b->model()->rowCount();
        b->editor()->addRow();
        b->editor()->addRow();
        QCOMPARE(b->model()->rowCount(), pageRows + 2);
        PageModel* m = b->model();
        QVERIFY(m->isNewRow(pageRows) && m->isNewRow(pageRows + 1) && !m->isNewRow(pageRows - 1));
        const QModelIndex note = m->index(pageRows, col(m, QStringLiteral("note")));
        QCOMPARE(note.data().toString(), QStringLiteral("DEFAULT"));
        QCOMPARE(note.data(PageModel::RowStateRole).toInt(), int(EditSession::RowState::Inserted));
        QVERIFY(!(m->flags(m->index(pageRows, col(m, QStringLiteral("doubled")))) & Qt::ItemIsEditable));
        QVERIFY(m->setData(m->index(pageRows, col(m, QStringLiteral("id"))), QStringLiteral("1000")));
        QVERIFY(m->setData(m->index(pageRows, col(m, QStringLiteral("name"))), QStringLiteral("neu ✓")));
        QCOMPARE(m->index(pageRows, col(m, QStringLiteral("name"))).data().toString(),
                 QStringLiteral("neu ✓"));
        b->editor()->deleteRows({pageRows + 1}); // a new row just goes, no question asked
        QCOMPARE(m->rowCount(), pageRows + 1);
        QCOMPARE(b->editor()->session()->size(), 1);
        QVERIFY2(b->editor()->previewSql().startsWith(QStringLiteral("INSERT INTO")),
                 qPrintable(b->editor()->previewSql()));
        QVERIFY(applyAndWait(*b));
        QCOMPARE(m->rowCount(), pageRows);
        QCOMPARE(sql(QStringLiteral("select name || ':' || (note is null) || ':' || flag || ':' || doubled "
                                    "from $S.items where id = 1000")),
                 QStringLiteral("neu ✓:true:false:2000"));
    }

    void applyErrorKeepsEverything() {
        auto b = open(QStringLiteral("items"));
        QVERIFY(waitLoaded(*b));
        QVERIFY(b->model()->setData(cell(b->model(), 9, QStringLiteral("name")), QStringLiteral("fine")));
        QVERIFY(
            b->model()->setData(cell(b->model(), 10, QStringLiteral("qty")), QStringLiteral("not a number")));
        QSignalSpy failed(b->editor(), &TableEditor::applyFailed);
        b->editor()->applyStaged();
        QVERIFY(failed.wait(15000));
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("change 2")) && message.contains(QStringLiteral("qty")),
                 qPrintable(message));
        QVERIFY(
            b->findChild<QLabel*>(QStringLiteral("editErrorLabel"))->text().contains(QStringLiteral("qty")));
        QCOMPARE(b->editor()->session()->size(), 2);
        QCOMPARE(sql(QStringLiteral("select name from $S.items where id = 9")), QStringLiteral("item 9"));
        b->editor()->session()->clear();
    }

    void softDeleteAndRestore() {
        auto b = open(m_soft);
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*b));
        QCOMPARE(b->model()->rowCount(), 5);
        b->editor()->deleteRows({rowOf(b->model(), 2)});
        const QModelIndex title = cell(b->model(), 2, QStringLiteral("title"));
        QCOMPARE(title.data(PageModel::RowStateRole).toInt(), int(EditSession::RowState::SoftDeletePending));
        QVERIFY(gridStyle(*b, title).font.strikeOut());
        QVERIFY(applyAndWait(*b));
        QCOMPARE(b->model()->rowCount(), 4); // Active rows: gone
        QCOMPARE(rowOf(b->model(), 2), -1);
        QCOMPARE(
            sql(QStringLiteral("select deleted_at is not null from $S.\"pösts; \"\"soft\"\"\" where id = 2")),
            QStringLiteral("t"));
        b->setScope(pgdesk::core::SoftDeleteScope::Deleted);
        QVERIFY(waitLoaded(*b));
        QCOMPARE(b->model()->rowCount(), 1);
        b->editor()->restoreRows({rowOf(b->model(), 2)});
        QCOMPARE(cell(b->model(), 2, QStringLiteral("title")).data(PageModel::RowStateRole).toInt(),
                 int(EditSession::RowState::RestorePending));
        QVERIFY(applyAndWait(*b));
        b->setScope(pgdesk::core::SoftDeleteScope::Active);
        QVERIFY(waitLoaded(*b));
        QCOMPARE(b->model()->rowCount(), 5);
        QCOMPARE(
            sql(QStringLiteral("select count(*) from $S.\"pösts; \"\"soft\"\"\" where deleted_at is null")),
            QStringLiteral("5"));
    }

    void hardDeleteNeedsConfirmation() {
        auto b = open(QStringLiteral("items"));
        QVERIFY(waitLoaded(*b));
        b->editor()->deleteRows({rowOf(b->model(), 11)});
        auto* box = waitForChild<QMessageBox>(b.get(), QStringLiteral("deleteConfirm"));
        QVERIFY(box);
        QVERIFY(b->editor()->session()->isEmpty()); // nothing before the answer
        box->button(QMessageBox::Yes)->click();
        QTRY_COMPARE(cell(b->model(), 11, QStringLiteral("name")).data(PageModel::RowStateRole).toInt(),
                     int(EditSession::RowState::DeletePending));
        QVERIFY(!(b->model()->flags(cell(b->model(), 11, QStringLiteral("name"))) & Qt::ItemIsEditable));
        QVERIFY(b->editor()->previewSql().startsWith(QStringLiteral("DELETE")));
        QVERIFY(applyAndWait(*b));
        QCOMPARE(sql(QStringLiteral("select count(*) from $S.items where id = 11")), QStringLiteral("0"));
    }

    void keylessTableIsReadOnly() {
        auto b = open(QStringLiteral("keyless"));
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*b));
        QVERIFY(!b->editor()->isEditable());
        auto* label = b->findChild<QLabel*>(QStringLiteral("readOnlyLabel"));
        QVERIFY(label->isVisibleTo(b.get()));
        QVERIFY2(label->text().contains(QStringLiteral("primary key")), qPrintable(label->text()));
        const QModelIndex a = b->model()->index(0, 0);
        QVERIFY(!(b->model()->flags(a) & Qt::ItemIsEditable));
        QVERIFY(!b->model()->setData(a, QStringLiteral("2")));
        b->editor()->deleteRows({0}, true);
        QVERIFY(!b->findChild<QMessageBox*>(QStringLiteral("deleteConfirm")));
        QCOMPARE(sql(QStringLiteral("select count(*) from $S.keyless where a = 1")), QStringLiteral("2"));
    }

    // Closing a tab with staged changes asks: Cancel keeps the tab, Keep closes with the journal intact,
    // Discard drops them.
    void closingWithStagedChangesAsks() {
        auto b = open(QStringLiteral("items"));
        QVERIFY(waitLoaded(*b));
        QVERIFY(b->editor()->confirmClose()); // nothing staged: no question
        QVERIFY(b->model()->setData(cell(b->model(), 3, QStringLiteral("note")), QStringLiteral("pending")));
        const auto answer = [&b](const QString& button) {
            QTimer::singleShot(0, b.get(), [&b, button] {
                auto* box = b->findChild<QMessageBox*>(QStringLiteral("closeConfirm"));
                QVERIFY(box);
                QVERIFY(box->text().contains(QStringLiteral("1 staged change")));
                QAbstractButton* target = button.isEmpty() ? box->button(QMessageBox::Cancel) : nullptr;
                for (QAbstractButton* candidate : box->buttons()) {
                    if (candidate->text() == button)
                        target = candidate;
                }
                if (target)
                    target->click();
                else
                    box->done(QMessageBox::Cancel); // never hang the test on a renamed button
            });
            return b->editor()->confirmClose();
        };
        QVERIFY(!answer(QString())); // Cancel
        QCOMPARE(b->editor()->session()->size(), 1);
        QVERIFY(answer(QStringLiteral("Keep staged")));
        QCOMPARE(b->editor()->session()->size(), 1);
        QVERIFY(m_journal->load(QStringLiteral("test"), b->editor()->session()->changes().table));
        QVERIFY(answer(QStringLiteral("Discard changes")));
        QVERIFY(b->editor()->session()->isEmpty());
        QVERIFY(!m_journal->load(QStringLiteral("test"), b->editor()->session()->changes().table));
    }

    // Opting in to edit by ctid: exactly one of two identical rows changes, guarded by its version; the
    // choice is remembered for the next tab on the table.
    void keylessTableByCtidEditsExactlyOneRow() {
        auto b = open(QStringLiteral("keyless"));
        QVERIFY(waitLoaded(*b));
        QVERIFY(!b->editor()->isEditable());
        auto* optIn = b->findChild<QPushButton*>(QStringLiteral("ctidOptInButton"));
        QVERIFY(optIn && optIn->isVisibleTo(b.get()));
        QSignalSpy loaded(b.get(), &TableBrowser::pageLoaded);
        b->editor()->optInCtid(false);
        QVERIFY(loaded.wait(15000));
        QVERIFY(b->editor()->isEditable());
        QCOMPARE(b->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("ctid"));
        QVERIFY(!(b->model()->flags(b->model()->index(0, 0)) & Qt::ItemIsEditable)); // ctid itself: never
        const QModelIndex cell = b->model()->index(0, col(b->model(), QStringLiteral("b")));
        QVERIFY(b->model()->setData(cell, QStringLiteral("only this one")));
        QVERIFY2(b->editor()->previewSql().contains(QStringLiteral("ctid")),
                 qPrintable(b->editor()->previewSql()));
        QVERIFY(applyAndWait(*b));
        QCOMPARE(sql(QStringLiteral("select string_agg(b, ',' order by b) from $S.keyless where a = 1")),
                 QStringLiteral("only this one,x"));

        // A concurrent change to that row: the version check refuses, nothing is written.
        QVERIFY(b->model()->setData(b->model()->index(0, col(b->model(), QStringLiteral("b"))),
                                    QStringLiteral("stale")));
        sql(QStringLiteral("update $S.keyless set b = b"));
        QSignalSpy conflicted(b->editor(), &TableEditor::applyConflicted);
        b->editor()->applyStaged();
        QVERIFY(conflicted.wait(15000));
        QCOMPARE(sql(QStringLiteral("select count(*) from $S.keyless where b = 'stale'")),
                 QStringLiteral("0"));
        b->editor()->session()->clear();

        auto again = open(QStringLiteral("keyless"));
        QVERIFY(waitLoaded(*again));
        QVERIFY(again->editor()->isEditable());
        QSettings().remove(QStringLiteral("editByCtid"));
    }

    void twoTabsShareTheirEdits() {
        auto a = open(QStringLiteral("items"));
        auto b = open(QStringLiteral("items"));
        QVERIFY(waitLoaded(*a));
        if (!b->model()->rowCount())
            QVERIFY(waitLoaded(*b));
        QCOMPARE(a->editor()->session(), b->editor()->session());
        QVERIFY(a->model()->setData(cell(a->model(), 18, QStringLiteral("name")), QStringLiteral("shared")));
        QCOMPARE(cell(b->model(), 18, QStringLiteral("name")).data().toString(), QStringLiteral("shared"));
        QSignalSpy aLoaded(a.get(), &TableBrowser::pageLoaded);
        QVERIFY(applyAndWait(*b));
        QVERIFY(!aLoaded.isEmpty() || aLoaded.wait(15000)); // the other tab shows the applied rows too
        QCOMPARE(cell(a->model(), 18, QStringLiteral("name")).data().toString(), QStringLiteral("shared"));
        QVERIFY(!cell(a->model(), 18, QStringLiteral("name")).data(PageModel::IsEditedRole).toBool());
        b.reset(); // one tab closing leaves the other's session alone
        QVERIFY(
            a->model()->setData(cell(a->model(), 18, QStringLiteral("note")), QStringLiteral("still here")));
        QCOMPARE(a->editor()->session()->size(), 1);
        a->editor()->session()->clear();
    }

    void journalOfferedBack() {
        QString table;
        {
            auto b = open(QStringLiteral("items"));
            QVERIFY(waitLoaded(*b));
            QVERIFY(
                b->model()->setData(cell(b->model(), 12, QStringLiteral("name")), QStringLiteral("kept ✓")));
            b->editor()->setNull(cell(b->model(), 13, QStringLiteral("note")));
            table = b->editor()->session()->changes().table;
        } // the tab closes (or the process dies) with two changes staged
        auto b = open(QStringLiteral("items"));
        QAbstractItemModelTester tester(b->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitLoaded(*b));
        auto* offer = b->findChild<QWidget*>(QStringLiteral("offerBar"));
        QVERIFY(offer->isVisibleTo(b.get()));
        QCOMPARE(b->findChild<QLabel*>(QStringLiteral("offerLabel"))->text(),
                 QStringLiteral("2 staged changes from a previous session"));
        // Locked until answered, so that nothing overwrites the offered changes in the journal.
        QVERIFY(!(b->model()->flags(cell(b->model(), 14, QStringLiteral("name"))) & Qt::ItemIsEditable));
        b->findChild<QPushButton*>(QStringLiteral("offerRestoreButton"))->click();
        QVERIFY(!offer->isVisibleTo(b.get()));
        QCOMPARE(cell(b->model(), 12, QStringLiteral("name")).data().toString(), QStringLiteral("kept ✓"));
        QVERIFY(cell(b->model(), 13, QStringLiteral("note")).data(PageModel::IsNullRole).toBool());
        QVERIFY(b->model()->flags(cell(b->model(), 14, QStringLiteral("name"))) & Qt::ItemIsEditable);
        QVERIFY(applyAndWait(*b));
        QCOMPARE(sql(QStringLiteral("select name || ':' || (note is null) from $S.items where id in (12, 13) "
                                    "order by id")),
                 QStringLiteral("kept ✓:false\nitem 13:true"));

        // Discard from the offer drops the journal entry (no tab on the table is open meanwhile: an open one
        // would share its live session instead of an offer).
        b.reset();
        {
            auto c = open(QStringLiteral("items"));
            QVERIFY(waitLoaded(*c));
            QVERIFY(
                c->model()->setData(cell(c->model(), 14, QStringLiteral("name")), QStringLiteral("dropped")));
        }
        auto c = open(QStringLiteral("items"));
        QVERIFY(waitLoaded(*c));
        QVERIFY(c->editor()->hasOffer());
        c->findChild<QPushButton*>(QStringLiteral("offerDiscardButton"))->click();
        QVERIFY(!c->editor()->hasOffer());
        QVERIFY(!m_journal->load(QStringLiteral("test"), table));
        QCOMPARE(sql(QStringLiteral("select name from $S.items where id = 14")), QStringLiteral("item 14"));
    }

    // A session opened from a DSN has no profile name: its edits are journaled all the same (staging failed
    // with "NOT NULL constraint failed: staged.profile" before) and offered back when the same DSN opens
    // again.
    void journalForDsnSession() {
        QVERIFY(dsnProfile().name.isEmpty());
        QString table;
        {
            TableBrowser b(pgdesk::core::Pool::create(dsnProfile()), m_schema, QStringLiteral("items"));
            b.editor()->setJournal(m_journal);
            QVERIFY(waitLoaded(b));
            QVERIFY(b.model()->setData(cell(b.model(), 21, QStringLiteral("name")), QStringLiteral("dsn ✓")));
            QVERIFY(b.model()->setData(cell(b.model(), 22, QStringLiteral("name")), QStringLiteral("dsn 2")));
            QVERIFY2(b.editor()->session()->journalError().isEmpty(),
                     qPrintable(b.editor()->session()->journalError()));
            table = b.editor()->session()->changes().table;
        } // as after a crash: a new process, a new pool on the same DSN
        const auto journaled = m_journal->load(pgdesk::core::journalKey(dsnProfile()), table);
        QVERIFY(journaled && journaled->size() == 2);
        QVERIFY(!m_journal->load(QString(), table));
        TableBrowser c(pgdesk::core::Pool::create(dsnProfile()), m_schema, QStringLiteral("items"));
        c.editor()->setJournal(m_journal);
        QVERIFY(waitLoaded(c));
        QVERIFY(c.editor()->hasOffer());
        c.findChild<QPushButton*>(QStringLiteral("offerDiscardButton"))->click();
        QVERIFY(!m_journal->load(pgdesk::core::journalKey(dsnProfile()), table));
    }

    // A hot standby: the tab is read-only with the reason from the start (before, edits could be staged
    // and the apply failed with "cannot set transaction read-write mode during recovery").
    void standbyTabIsReadOnly() {
        pgdesk::test::PrivateCluster server;
        QVERIFY2(server.isStarted(), qPrintable(server.error()));
        QVERIFY2(!server
                      .psql(QStringLiteral("create table t (id int primary key, name text); "
                                           "insert into t values (1, 'a')"))
                      .isNull(),
                 qPrintable(server.error()));
        QVERIFY2(server.restartAsStandby(), qPrintable(server.error()));
        TableBrowser b(pgdesk::core::Pool::create(server.profile()), QStringLiteral("public"),
                       QStringLiteral("t"));
        b.editor()->setJournal(m_journal);
        QVERIFY(waitLoaded(b));
        QVERIFY(b.isStandby());
        QVERIFY(!b.editor()->isEditable());
        const QString reason =
            QStringLiteral("This server is a read-only standby; connect to the primary to edit.");
        QCOMPARE(b.editor()->readOnlyReason(), reason);
        QVERIFY(b.findChild<QLabel*>(QStringLiteral("readOnlyLabel"))->isVisibleTo(&b));
        QCOMPARE(b.findChild<QLabel*>(QStringLiteral("readOnlyLabel"))->text(), reason);
        QVERIFY(!(b.model()->flags(cell(b.model(), 1, QStringLiteral("name"))) & Qt::ItemIsEditable));
        QVERIFY(!b.model()->setData(cell(b.model(), 1, QStringLiteral("name")), QStringLiteral("x")));
        QVERIFY(!b.openBatchDialog());
    }
};

QTEST_MAIN(TestTableEditing)
#include "tst_tableediting.moc"
