// SPDX-License-Identifier: GPL-3.0-or-later
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/editing/changejournal.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/browsefeature.h>
#include <pgdesk/ui/browse/filterbar.h>
#include <pgdesk/ui/browse/filterconditionrow.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/connect/connectfeature.h>
#include <pgdesk/ui/connect/connectiondialog.h>
#include <pgdesk/ui/edit/editsession.h>
#include <pgdesk/ui/edit/tableeditor.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/query/querytool.h>
#include <pgdesk/ui/shell/mainwindow.h>
#include <pgdesk/ui/shell/preferencesdialog.h>
#include <pgdesk/ui/transfer/exportdialog.h>
#include <pgdesk/ui/transfer/transferfeature.h>

#include "../../ui/src/query/queryresults.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using pgdesk::core::ChangeJournal;
using pgdesk::test::psql;
using pgdesk::ui::EditSession;
using pgdesk::ui::PageModel;
using pgdesk::ui::TableBrowser;

// The frequent actions have keys, and the keys do what they say: pressed as a user would, on the real
// widgets against the real server.
class TestKeyboard final : public QObject {
    Q_OBJECT

    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the pool is gone
    std::shared_ptr<pgdesk::core::Pool> m_pool;
    QString m_schema = QStringLiteral("tst_keys_%1").arg(QCoreApplication::applicationPid());
    QTemporaryDir m_dir;
    std::shared_ptr<ChangeJournal> m_journal;

    QString sql(const QString& text) { return psql(QString(text).replace(QStringLiteral("$S"), m_schema)); }
    std::unique_ptr<TableBrowser> open(const QString& table) {
        auto b = std::make_unique<TableBrowser>(m_pool, m_schema, table);
        b->editor()->setJournal(m_journal);
        return b;
    }
    static bool waitLoaded(TableBrowser& b) {
        QSignalSpy spy(&b, &TableBrowser::pageLoaded);
        return spy.wait(15000);
    }
    static void showActive(QWidget* w) {
        w->resize(900, 600);
        w->show();
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w));
    }
    static QModelIndex cell(const PageModel* m, int id, int column) {
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, 0).data(Qt::EditRole).toString() == QString::number(id))
                return m->index(r, column);
        return {};
    }
    QString journaled(const EditSession& session) {
        const auto changes = m_journal->load(QStringLiteral("test"), session.changes().table);
        return changes ? QString::number(changes->size()) : QStringLiteral("none");
    }

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("pgdesk"));
        QCoreApplication::setApplicationName(QStringLiteral("pgdesk"));
        QVERIFY(m_dir.isValid());
        m_journal = std::make_shared<ChangeJournal>(m_dir.filePath(QStringLiteral("journal.sqlite")));
        m_pool = pgdesk::core::Pool::create(pgdesk::test::profile());
        m_scratch.emplace(m_schema, QStringLiteral(R"(
            create table $S.items (id int primary key, name text);
            insert into $S.items select i, 'item ' || i from generate_series(1, 30) i;
            create view $S.slow as select i as id, pg_sleep(0.5)::text as nap from generate_series(1, 60) i;)"));
    }
    void init() {
        m_journal->clear(QStringLiteral("test"), pgdesk::core::qualifiedTableText(m_schema, "items"));
    }

    // The undo stack of staged operations: each stage, or a batch, is one step; the journal follows.
    void undoStagedOperations() {
        auto b = open(QStringLiteral("items"));
        QVERIFY(waitLoaded(*b));
        EditSession* s = b->editor()->session();
        PageModel* m = b->model();
        QVERIFY(!s->canUndo());
        QVERIFY(!s->undo());
        QVERIFY(m->setData(cell(m, 1, 1), QStringLiteral("first")));
        QVERIFY(m->setData(cell(m, 1, 1), QStringLiteral("first, again"))); // the same cell: its own step
        QVERIFY(m->setData(cell(m, 2, 1), QStringLiteral("second")));
        b->editor()->addRow();
        QVERIFY(m->setData(m->index(m->rowCount() - 1, 0), QStringLiteral("100")));
        s->beginBatch();
        for (int id : {3, 4, 5})
            s->stageDelete(m->rowKey(cell(m, id, 0).row()), m->rowVersion(cell(m, id, 0).row()), true);
        s->endBatch();
        QCOMPARE(s->size(), 6); // row 1's two edits are one update
        QCOMPARE(journaled(*s), QStringLiteral("6"));

        QVERIFY(s->undo()); // the three deletes at once
        QCOMPARE(s->size(), 3);
        QCOMPARE(journaled(*s), QStringLiteral("3"));
        QCOMPARE(cell(m, 3, 1).data(PageModel::RowStateRole).toInt(), int(EditSession::RowState::None));
        QVERIFY(s->undo()); // the new row's id
        QCOMPARE(m->index(m->rowCount() - 1, 0).data().toString(), QStringLiteral("DEFAULT"));
        const int rowsWithNew = m->rowCount();
        QVERIFY(s->undo()); // the new row
        QCOMPARE(m->rowCount(), rowsWithNew - 1);
        QVERIFY(s->undo()); // row 2
        QCOMPARE(cell(m, 2, 1).data().toString(), QStringLiteral("item 2"));
        QVERIFY(!cell(m, 2, 1).data(PageModel::IsEditedRole).toBool());
        QVERIFY(s->undo()); // row 1 back to its first edit
        QCOMPARE(cell(m, 1, 1).data().toString(), QStringLiteral("first"));
        QVERIFY(s->undo());
        QCOMPARE(cell(m, 1, 1).data().toString(), QStringLiteral("item 1"));
        QVERIFY(s->isEmpty());
        QCOMPARE(journaled(*s), QStringLiteral("none"));
        QVERIFY(!s->canUndo());

        // Unstaging by typing the old value back is a step too; discarding starts afresh.
        QVERIFY(m->setData(cell(m, 6, 1), QStringLiteral("six")));
        QVERIFY(m->setData(cell(m, 6, 1), QStringLiteral("item 6")));
        QVERIFY(s->isEmpty());
        QVERIFY(s->undo());
        QCOMPARE(cell(m, 6, 1).data().toString(), QStringLiteral("six"));
        s->clear();
        QVERIFY(!s->canUndo());
        // At most 100 steps are kept.
        for (int i = 0; i < 120; ++i)
            QVERIFY(m->setData(cell(m, 7, 1), QStringLiteral("v%1").arg(i)));
        int steps = 0;
        while (s->undo())
            ++steps;
        QCOMPARE(steps, 100);
        QCOMPARE(cell(m, 7, 1).data().toString(), QStringLiteral("v19"));
        s->clear();
    }

    void tableTabKeys() {
        auto b = open(QStringLiteral("items"));
        QVERIFY(waitLoaded(*b));
        showActive(b.get());
        PageModel* m = b->model();
        b->view()->setFocus();
        b->view()->setCurrentIndex(cell(m, 4, 1));

        // Ctrl+F: a condition on the current cell's column, the cursor in its value.
        QTest::keyClick(b->view(), Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(b->filterBar()->rows().size(), 1);
        QCOMPARE(b->filterBar()->rows().first()->columnBox()->currentText(), QStringLiteral("name"));
        QTRY_VERIFY(b->filterBar()->rows().first()->valueBox()->isAncestorOf(QApplication::focusWidget()) ||
                    QApplication::focusWidget() == b->filterBar()->rows().first()->valueBox());
        // Enter there applies the filter.
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("item 4"));
        QSignalSpy loaded(b.get(), &TableBrowser::pageLoaded);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QVERIFY(loaded.wait(15000));
        QCOMPARE(m->rowCount(), 1);

        // Ctrl+Z in the grid: the last staged change goes.
        b->view()->setFocus();
        QVERIFY(m->setData(m->index(0, 1), QStringLiteral("staged")));
        QCOMPARE(b->editor()->session()->size(), 1);
        QTest::keyClick(b->view(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(b->editor()->session()->isEmpty());
        QCOMPARE(m->index(0, 1).data().toString(), QStringLiteral("item 4"));

        // Ctrl+S: the preview of what applies.
        QVERIFY(m->setData(m->index(0, 1), QStringLiteral("staged again")));
        QTest::keyClick(b->view(), Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(b->findChild<QDialog*>(QStringLiteral("applyPreview")));
        b->findChild<QDialog*>(QStringLiteral("applyPreview"))->reject();
        QTRY_VERIFY(!b->findChild<QDialog*>(QStringLiteral("applyPreview")));
        b->editor()->session()->clear();

        // F5: loaded again from the server, whose change shows.
        b->filterBar()->clear();
        QVERIFY(loaded.wait(15000));
        sql(QStringLiteral("update $S.items set name = 'item 4 (changed)' where id = 4"));
        b->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(b.get()));
        b->view()->setFocus();
        QTest::keyClick(b->view(), Qt::Key_F5);
        QVERIFY(loaded.wait(15000));
        QCOMPARE(cell(m, 4, 1).data().toString(), QStringLiteral("item 4 (changed)"));
    }

    void escapeCancelsALoad() {
        auto b = open(QStringLiteral("slow"));
        showActive(b.get());
        QVERIFY(b->isBusy());
        QSignalSpy failed(b.get(), &TableBrowser::loadFailed);
        b->view()->setFocus();
        QTest::qWait(300); // the statement has reached the server
        QTest::keyClick(b->view(), Qt::Key_Escape);
        QVERIFY(failed.wait(10000)); // long before the 30 s of sleeping
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("cancel")),
                 qPrintable(failed.first().first().toString()));
        QVERIFY(!b->isBusy());
        QVERIFY(!b->findChild<QAction*>(QStringLiteral("cancelAction"))->isEnabled()); // Esc is free again
    }

    void queryToolKeys() {
        pgdesk::ui::QueryTool tool(m_pool, QStringLiteral("keys"), nullptr,
                                   m_dir.filePath(QStringLiteral("history.sqlite")));
        showActive(&tool);
        tool.editor()->setFocus();
        tool.setSql(QStringLiteral("select 41 + 1 as answer"));
        QSignalSpy finished(&tool, &pgdesk::ui::QueryTool::runFinished);
        QTest::keyClick(tool.editor(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(finished.wait(15000));
        QCOMPARE(tool.resultGrids().size(), 1);
        QCOMPARE(tool.resultGrids().first()->model()->index(0, 0).data().toString(), QStringLiteral("42"));
        tool.setSql(QStringLiteral("select pg_sleep(30)"));
        QTest::keyClick(tool.editor(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(tool.isRunning());
        QTest::qWait(300);
        QTest::keyClick(tool.editor(), Qt::Key_Escape);
        QVERIFY(finished.wait(10000));
        QVERIFY2(tool.messages()->toPlainText().contains(QStringLiteral("cancel"), Qt::CaseInsensitive),
                 qPrintable(tool.messages()->toPlainText()));
    }

    void windowKeys() {
        pgdesk::ui::MainWindow window;
        showActive(&window);
        QTest::keyClick(&window, Qt::Key_Comma, Qt::ControlModifier);
        QTRY_VERIFY(window.findChild<pgdesk::ui::PreferencesDialog*>());
        window.findChild<pgdesk::ui::PreferencesDialog*>()->reject();
        QTRY_VERIFY(!window.findChild<pgdesk::ui::PreferencesDialog*>());
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(pgdesk::ui::ConnectFeature::of(window)->connectionDialog());
        pgdesk::ui::ConnectFeature::of(window)->connectionDialog()->reject();
    }

    // A page size chosen from its box, then Export opened and closed: the keys that follow are the window's
    // and the grid's, not the box's (Ctrl+T opens a query tool, typing there never switches the page size).
    void keysAfterThePageSizeAndExport() {
        pgdesk::ui::MainWindow w;
        pgdesk::ui::BrowseFeature::of(w)->setTableToOpen(m_schema + QStringLiteral(".items"));
        showActive(&w);
        w.openDsn(pgdesk::test::conninfo());
        QTRY_VERIFY_WITH_TIMEOUT(
            pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser() &&
                pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser()->model()->rowCount() > 0,
            15000);
        TableBrowser* b = pgdesk::ui::BrowseFeature::of(w)->currentTableBrowser();
        QComboBox* pageSize = nullptr;
        for (QComboBox* box : b->findChildren<QComboBox*>())
            if (box->accessibleName() == QLatin1String("Page size"))
                pageSize = box;
        QVERIFY(pageSize);
        // Chosen with the mouse: the box takes the focus, as a click gives it.
        pageSize->setFocus(Qt::MouseFocusReason);
        const int fifty = pageSize->findData(50);
        QVERIFY(fifty >= 0);
        pageSize->setCurrentIndex(fifty);
        emit pageSize->activated(fifty);
        QTRY_VERIFY(QApplication::focusWidget() != pageSize); // back in the grid
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(b->view()));
        QDialog* exportDialog = pgdesk::ui::TransferFeature::of(w)->exportCurrentView();
        QVERIFY(exportDialog);
        QTRY_VERIFY(exportDialog->isVisible());
        exportDialog->reject();
        QTRY_VERIFY(!w.findChild<QDialog*>(QStringLiteral("exportDialog")) || !exportDialog->isVisible());
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(QApplication::focusWidget() != pageSize);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_T, Qt::ControlModifier);
        QTRY_VERIFY(qobject_cast<pgdesk::ui::QueryTool*>(
            w.findChild<QTabWidget*>(QStringLiteral("tabs"))->currentWidget()));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("select"));
        QCOMPARE(pageSize->currentData().toInt(), 50);
        QCOMPARE(w.findChild<QTabWidget*>(QStringLiteral("tabs"))->count(), 2);

        // Even from the box itself (reached with Tab), Ctrl+T is the window's.
        w.findChild<QTabWidget*>(QStringLiteral("tabs"))->setCurrentWidget(b);
        pageSize->setFocus(Qt::TabFocusReason);
        QTest::keyClick(pageSize, Qt::Key_T, Qt::ControlModifier);
        QTRY_COMPARE(w.findChild<QTabWidget*>(QStringLiteral("tabs"))->count(), 3);
        QCOMPARE(pageSize->currentData().toInt(), 50);
    }
};

PGDESK_UI_TEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
