// SPDX-License-Identifier: GPL-3.0-or-later
// Editing a query tool result in place: a result whose columns all come from one table with its row key is
// edited through the table tab's editor (an aliased column edited and applied changes exactly that row, as
// psql reads it; the grid runs the page again afterwards), a row changed by psql after the result was read
// is a conflict as in a table tab, and results from a join, without the key, with a computed or a repeated
// column stay read-only and say why.
#include "querytoolfixture.h"
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/uisettings.h>
#include <pgdesk/ui/edit/editsession.h>
#include <pgdesk/ui/edit/tableeditor.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/query/querytool.h>

#include "../../ui/src/query/queryresults.h"
#include "../../ui/src/query/resulteditability.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using pgdesk::test::psql;
using pgdesk::test::psqlValue;
using pgdesk::ui::PageModel;
using pgdesk::ui::QueryResultGrid;
using pgdesk::ui::QueryTool;
using pgdesk::ui::TableEditor;

class TestResultEditing final : public QObject, pgdesk::test::QueryToolFixture {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the pool is gone
    std::shared_ptr<pgdesk::core::Pool> m_pool;
    QTemporaryDir m_dir;

    // Runs `query` and waits until its grid knows whether it is editable.
    QueryResultGrid* runAndDescribe(QueryTool& t, const QString& query) {
        t.setSql(sql(query));
        QSignalSpy done(&t, &QueryTool::runFinished);
        t.run();
        if (!done.wait(20000) || t.resultGrids().size() != 1)
            return nullptr;
        QueryResultGrid* grid = t.resultGrids().first();
        if (!QTest::qWaitFor([&] { return grid->isEditabilityKnown() && !grid->isLoading(); }, 20000))
            return nullptr;
        return grid;
    }
    static int rowOf(const PageModel* m, const QString& id) {
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, 0).data(Qt::EditRole).toString() == id)
                return r;
        return -1;
    }
    // Applies without the preview and waits for the outcome and the page run again after it.
    static bool applyAndWait(QueryResultGrid* grid, const char* outcome) {
        QSignalSpy loaded(grid, &QueryResultGrid::pageLoaded);
        QSignalSpy done(grid->editor(), QByteArray("2").append(outcome).append("()").constData());
        grid->editor()->applyStaged();
        if (!done.wait(15000))
            return false;
        return !loaded.isEmpty() || loaded.wait(15000);
    }
    // Answers the "closeConfirm" question that comes next with Cancel; the flag says whether it came.
    static std::shared_ptr<bool> cancelCloseConfirm() {
        auto asked = std::make_shared<bool>(false);
        QTimer::singleShot(0, [asked] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            *asked = box && box->objectName() == QLatin1String("closeConfirm");
            if (box)
                box->reject();
        });
        return asked;
    }
    static QString shownReason(QueryResultGrid* grid) {
        auto* label = grid->findChild<QLabel*>(QStringLiteral("resultReadOnly"));
        return label && !label->isHidden() ? label->text() : QString();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_schema = QStringLiteral("red_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(m_schema,
                          QStringLiteral("create table $S.t (id int primary key, name text, note text);"
                                         "insert into $S.t select i, 'name ' || i, 'note ' || i "
                                         "from generate_series(1, 6) i;"
                                         "create table $S.c (id int primary key, name text, note text);"
                                         "insert into $S.c values (1, 'one', 'a'), (2, 'two', 'b');"
                                         "create table $S.u (id int primary key, t_id int, label text);"
                                         "insert into $S.u values (1, 1, 'u1'), (2, 2, 'u2');"
                                         "create view $S.v as select * from $S.t;"
                                         "create table $S.s (id int primary key, name text, at timestamptz);"
                                         "insert into $S.s values (1, 'one', '2026-01-02 03:04:05+00'), "
                                         "(2, 'two', '2026-01-02 03:04:05+00');"));
        m_pool = pgdesk::core::Pool::create(pgdesk::test::profile());
        m_toolPool = m_pool;
    }
    void cleanupTestCase() {
        m_toolPool.reset();
        m_pool.reset();
    }

    void editAliasedColumnUpdatesThatRow() {
        auto t = tool();
        QueryResultGrid* grid = runAndDescribe(*t, QStringLiteral("select id, name as n from $S.t "
                                                                  "where id between 2 and 5 order by id"));
        QVERIFY(grid);
        QVERIFY2(grid->isEditable(), qPrintable(grid->readOnlyReason()));
        QVERIFY(grid->editor());
        QVERIFY(shownReason(grid).isEmpty());
        PageModel* m = grid->model();
        QAbstractItemModelTester tester(m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(m->headerData(1, Qt::Horizontal).toString(), QStringLiteral("n")); // the alias is shown
        QCOMPARE(m->page().columns.at(1).name, QStringLiteral("name"));             // the table's column
        QCOMPARE(m->page().keyColumns, QStringList{QStringLiteral("id")});
        const int row = rowOf(m, QStringLiteral("3"));
        QVERIFY(row >= 0);
        QVERIFY(!m->rowVersion(row).isEmpty()); // read by key right after the page
        const QModelIndex cell = m->index(row, 1);
        QVERIFY(m->flags(cell) & Qt::ItemIsEditable);
        QVERIFY(m->setData(cell, QStringLiteral("it's changed")));
        QCOMPARE(grid->editor()->session()->size(), 1);
        QVERIFY(grid->editor()->previewSql().contains(QStringLiteral("\"name\"")));

        QVERIFY(applyAndWait(grid, "applied"));
        QCOMPARE(psqlValue(sql(QStringLiteral("select string_agg(id || '=' || name, ',' order by id) "
                                              "from $S.t"))),
                 QStringLiteral("1=name 1,2=name 2,3=it's changed,4=name 4,5=name 5,6=name 6"));
        QCOMPARE(psqlValue(sql(QStringLiteral("select count(*) from $S.t where note = 'note ' || id"))),
                 QStringLiteral("6"));
        // The page ran again: the grid shows the server's value, nothing staged.
        const int again = rowOf(m, QStringLiteral("3"));
        QCOMPARE(m->index(again, 1).data(Qt::EditRole).toString(), QStringLiteral("it's changed"));
        QVERIFY(!m->index(again, 1).data(PageModel::IsEditedRole).toBool());
        QVERIFY(grid->editor()->session()->isEmpty());

        // Copy as INSERT names the table and its columns, not "query" and the aliases.
        grid->view()->setCurrentIndex(m->index(again, 0));
        grid->view()->selectionModel()->select(m->index(again, 0), QItemSelectionModel::Select);
        grid->view()->selectionModel()->select(m->index(again, 1), QItemSelectionModel::Select);
        const QString insert = grid->selectionAs(pgdesk::ui::CopyAsFormat::SqlInsert);
        QVERIFY2(
            insert.startsWith(sql(QStringLiteral("INSERT INTO \"$S\".\"t\" (\"id\", \"name\") VALUES\n"))),
            qPrintable(insert));
        QVERIFY2(insert.contains(QStringLiteral("(3, 'it''s changed')")), qPrintable(insert));
    }

    void changedByOthersIsAConflict() {
        auto t = tool();
        QueryResultGrid* grid = runAndDescribe(*t, QStringLiteral("select name, id from $S.c order by id"));
        QVERIFY(grid);
        QVERIFY2(grid->isEditable(), qPrintable(grid->readOnlyReason()));
        PageModel* m = grid->model();
        QAbstractItemModelTester tester(m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        int row = -1;
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, 1).data(Qt::EditRole).toString() == QLatin1String("1"))
                row = r;
        QVERIFY(row >= 0);
        // A column the result does not show: only the row's version tells.
        psql(sql(QStringLiteral("update $S.c set note = 'theirs' where id = 1")));
        QVERIFY(m->setData(m->index(row, 0), QStringLiteral("mine")));
        QVERIFY(applyAndWait(grid, "applyConflicted"));
        auto* bar = grid->findChild<QWidget*>(QStringLiteral("conflictBar"));
        QVERIFY(bar && !bar->isHidden());
        QVERIFY(!grid->findChild<QLabel*>(QStringLiteral("conflictLabel"))->text().isEmpty());
        QCOMPARE(psqlValue(sql(QStringLiteral("select name || note from $S.c where id = 1"))),
                 QStringLiteral("onetheirs"));
        QCOMPARE(psqlValue(sql(QStringLiteral("select name from $S.c where id = 2"))), QStringLiteral("two"));
        // The page ran again: mine staged over the row's value, the row marked.
        QVERIFY(m->index(row, 0).data(PageModel::IsConflictRole).toBool());
        QCOMPARE(m->index(row, 0).data(Qt::EditRole).toString(), QStringLiteral("mine"));
        grid->editor()->takeTheirs();
        QVERIFY(grid->editor()->session()->isEmpty());
    }

    // A row's version is read after its page, on another connection: a row changed in between gets a
    // version no row has (a conflict at apply, as a change after the read is), found by its values; a value
    // the page brought cut is not compared.
    void aRowChangedBeforeItsVersionIsReadIsStale() {
        using pgdesk::ui::ResultEditability;
        pgdesk::core::PooledConnection connection = m_pool->acquire();
        const QString query = sql(QStringLiteral("select id, name from $S.s order by id"));
        const ResultEditability editability = ResultEditability::describe(
            *connection, pgdesk::core::CatalogReader(*connection).describeQuery(query));
        QVERIFY2(editability.editable, qPrintable(editability.reason));
        pgdesk::core::Page page; // as the query printed the rows
        page.rows = {{QStringLiteral("1"), QStringLiteral("one")},
                     {QStringLiteral("2"), QStringLiteral("two")}};
        const auto xmin = [this](int id) {
            return psqlValue(sql(QStringLiteral("select xmin from $S.s where id = %1").arg(id)));
        };
        QCOMPARE(editability.readVersions(*connection, page, {}), QList<QString>({xmin(1), xmin(2)}));
        psql(sql(QStringLiteral("update $S.s set name = 'theirs' where id = 2")));
        QCOMPARE(editability.readVersions(*connection, page, {}),
                 QList<QString>({xmin(1), ResultEditability::kStaleVersion}));
        page.cut = {{}, {pgdesk::core::CutValue{1}}}; // "two" as a prefix of the whole: not compared
        QCOMPARE(editability.readVersions(*connection, page, {}), QList<QString>({xmin(1), xmin(2)}));
        psql(sql(QStringLiteral("delete from $S.s where id = 2; "
                                "insert into $S.s values (2, 'two', '2026-01-02 03:04:05+00')")));
        page.cut.clear();
        QCOMPARE(editability.readVersions(*connection, page, {}), QList<QString>({xmin(1), xmin(2)}));
        psql(sql(QStringLiteral("delete from $S.s where id = 2")));
        QCOMPARE(editability.readVersions(*connection, page, {}),
                 QList<QString>({xmin(1), ResultEditability::kStaleVersion}));
        psql(sql(QStringLiteral("insert into $S.s values (2, 'two', '2026-01-02 03:04:05+00')")));
    }

    // The tab's own settings print a timestamptz differently from the pool's connections; the versions are
    // read under them, so the edit applies instead of a conflict on every row.
    void editsUnderTheTabsOwnSettings() {
        auto t = tool();
        QVERIFY(runAndWait(*t, QStringLiteral("set timezone to 'Asia/Tehran'; set datestyle to 'SQL, DMY'")));
        QueryResultGrid* grid =
            runAndDescribe(*t, QStringLiteral("select id, at, name from $S.s where id = 1"));
        QVERIFY(grid);
        QVERIFY2(grid->isEditable(), qPrintable(grid->readOnlyReason()));
        PageModel* m = grid->model();
        QCOMPARE(m->index(0, 1).data(Qt::EditRole).toString(), QStringLiteral("02/01/2026 06:34:05 +0330"));
        QVERIFY(m->rowVersion(0) != pgdesk::ui::ResultEditability::kStaleVersion);
        QVERIFY(m->setData(m->index(0, 2), QStringLiteral("mine")));
        QVERIFY(applyAndWait(grid, "applied"));
        QCOMPARE(psqlValue(sql(QStringLiteral("select name from $S.s where id = 1"))),
                 QStringLiteral("mine"));
    }

    // In an editable grid Ctrl+Z takes back the last staged change and Ctrl+S applies, although the tool
    // has both keys too (save the file, undo in the editor).
    void keysUndoAndApplyInTheGrid() {
        const bool confirm = pgdesk::ui::UiSettings::confirmBeforeApply();
        pgdesk::ui::UiSettings::setConfirmBeforeApply(false);
        auto t = tool();
        t->show();
        QVERIFY(QTest::qWaitForWindowExposed(t.get()));
        QueryResultGrid* grid = runAndDescribe(*t, QStringLiteral("select note, id from $S.t where id = 6"));
        QVERIFY(grid);
        QVERIFY2(grid->isEditable(), qPrintable(grid->readOnlyReason()));
        PageModel* m = grid->model();
        t->activateWindow();
        grid->view()->setFocus();
        QVERIFY(QTest::qWaitFor([&] { return grid->view()->hasFocus(); }, 5000));
        // Should the tool's Save take the key, its file dialog must not hang the test.
        QTimer::singleShot(5000, [] {
            if (QWidget* modal = QApplication::activeModalWidget())
                modal->close();
        });
        QVERIFY(m->setData(m->index(0, 0), QStringLiteral("undone")));
        QCOMPARE(grid->editor()->session()->size(), 1);
        QTest::keyClick(grid->view(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(grid->editor()->session()->isEmpty());
        QVERIFY(m->setData(m->index(0, 0), QStringLiteral("by key")));
        QSignalSpy applied(grid->editor(), &TableEditor::applied);
        QTest::keyClick(grid->view(), Qt::Key_S, Qt::ControlModifier);
        const bool done = applied.wait(15000);
        pgdesk::ui::UiSettings::setConfirmBeforeApply(confirm);
        QVERIFY(done);
        QCOMPARE(psqlValue(sql(QStringLiteral("select note from $S.t where id = 6"))),
                 QStringLiteral("by key"));
    }

    // The window closing while a result's apply waits on a row lock: the apply is cancelled and its
    // rollback awaited (as for a table tab), so the edit never commits after the window is gone.
    void closingTheWindowDuringAnApplyNeverCommitsLater() {
        auto t = tool();
        QueryResultGrid* grid = runAndDescribe(*t, QStringLiteral("select id, name from $S.c where id = 2"));
        QVERIFY(grid);
        QVERIFY2(grid->isEditable(), qPrintable(grid->readOnlyReason()));
        QVERIFY(grid->model()->setData(grid->model()->index(0, 1), QStringLiteral("never")));
        auto blocker = pgdesk::core::Connection::open(pgdesk::test::profile());
        blocker.exec(QStringLiteral("BEGIN"));
        blocker.exec(sql(QStringLiteral("select 1 from $S.c where id = 2 for update")));
        grid->editor()->applyStaged();
        QVERIFY(QTest::qWaitFor(
            [&] {
                return psqlValue(sql(
                           QStringLiteral("select count(*) from pg_stat_activity where wait_event_type "
                                          "= 'Lock' and query like 'UPDATE %$S%'"))) == QLatin1String("1");
            },
            10000));
        QTimer stop;
        stop.setInterval(20);
        connect(&stop, &QTimer::timeout, this, [] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box || box->objectName() != QLatin1String("closeWhileApplying"))
                return;
            for (QAbstractButton* b : box->buttons())
                if (b->text() == QLatin1String("Cancel the apply and close"))
                    return b->click();
        });
        stop.start();
        bool resumed = false; // the window's close goes on once the rollback is known
        QVERIFY(!t->settleAppliesBeforeClose([&resumed] { resumed = true; }));
        stop.stop();
        QTRY_VERIFY_WITH_TIMEOUT(resumed, 10000);
        QVERIFY(!grid->editor()->isApplying());
        QVERIFY(t->settleAppliesBeforeClose());
        blocker.exec(QStringLiteral("COMMIT"));
        QTest::qWait(500);
        QCOMPARE(psqlValue(sql(QStringLiteral("select name from $S.c where id = 2"))), QStringLiteral("two"));
        grid->editor()->session()->clear();
    }

    // Running again would drop the grid with its staged edit: asked first, as closing a table tab is, and
    // Cancel keeps the result and the edit.
    void runningAgainAsksAboutStagedEdits() {
        auto t = tool();
        QueryResultGrid* grid = runAndDescribe(*t, QStringLiteral("select id, note from $S.t where id = 5"));
        QVERIFY(grid);
        QVERIFY2(grid->isEditable(), qPrintable(grid->readOnlyReason()));
        QVERIFY(grid->model()->setData(grid->model()->index(0, 1), QStringLiteral("staged")));
        auto asked = cancelCloseConfirm();
        t->run();
        QVERIFY(*asked);
        QCOMPARE(t->resultGrids().size(), 1);
        QCOMPARE(t->resultGrids().first(), grid);
        QCOMPARE(grid->editor()->session()->size(), 1);
        t->editor()->document()->setModified(false); // only the staged edit to ask about
        asked = cancelCloseConfirm();
        QVERIFY(!t->confirmClose()); // closing the tool asks too
        QVERIFY(*asked);
        grid->editor()->session()->clear();
        QVERIFY(t->confirmClose());
    }

    void readOnlyResultsSayWhy_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("reason");
        QTest::newRow("join") << QStringLiteral("select t.id, u.label from $S.t join $S.u on u.t_id = t.id")
                              << QStringLiteral("Read-only: its columns come from several tables.");
        QTest::newRow("no key") << QStringLiteral("select name, note from $S.t")
                                << QStringLiteral(
                                       "Read-only: the key of $S.t (id) is not among the columns.");
        QTest::newRow("computed") << QStringLiteral("select id, upper(name) from $S.t")
                                  << QStringLiteral("Read-only: it has a computed column (upper), worked out "
                                                    "by the query rather than read from a table.");
        QTest::newRow("aggregate") << QStringLiteral("select count(*) from $S.t")
                                   << QStringLiteral("Read-only: it has a computed column (count), worked "
                                                     "out by the query rather than read from a table.");
        QTest::newRow("twice") << QStringLiteral("select id, name, name as again from $S.t")
                               << QStringLiteral(
                                      "Read-only: column name of $S.t appears twice (name and again).");
        QTest::newRow("view") << QStringLiteral("select id, name from $S.v")
                              << QStringLiteral("Read-only: $S.v is a view, not a table.");
        QTest::newRow("system column")
            << QStringLiteral("select id, xmin from $S.t")
            << QStringLiteral("Read-only: column xmin is not an editable column of $S.t.");
    }
    void readOnlyResultsSayWhy() {
        QFETCH(QString, query);
        QFETCH(QString, reason);
        auto t = tool();
        QueryResultGrid* grid = runAndDescribe(*t, query);
        QVERIFY(grid);
        QVERIFY(!grid->isEditable());
        QVERIFY(!grid->editor());
        QCOMPARE(grid->readOnlyReason(), sql(reason));
        QCOMPARE(shownReason(grid), sql(reason));
        PageModel* m = grid->model();
        QVERIFY(m->rowCount() > 0);
        QVERIFY(!(m->flags(m->index(0, 0)) & Qt::ItemIsEditable));
    }
};

PGDESK_UI_TEST_MAIN(TestResultEditing)
#include "tst_resultediting.moc"
