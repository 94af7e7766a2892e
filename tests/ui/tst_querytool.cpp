// SPDX-License-Identifier: GPL-3.0-or-later
// The query tool against the real server, offscreen: results per statement, errors that point into the
// editor, cancel without a frozen GUI, transactions across runs, plans, history, NULL vs ''.
#include "querytoolfixture.h"
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/roundtrips.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/common/uisettings.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/query/queryfeature.h>
#include <pgdesk/ui/query/querytool.h>
#include <pgdesk/ui/shell/mainwindow.h>

#include "../../ui/src/plan/plantree.h"
#include "../../ui/src/query/queryresults.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QFontMetrics>
#include <QHeaderView>
#include <QImage>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

#include <atomic>
#include <cmath>
#include <memory>

using pgdesk::core::TransactionState;
using pgdesk::test::psql;
using pgdesk::ui::PageModel;
using pgdesk::ui::QueryResultGrid;
using pgdesk::ui::QueryTool;

class TestQueryTool final : public QObject, pgdesk::test::QueryToolFixture {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the pool is gone
    std::shared_ptr<pgdesk::core::Pool> m_pool;
    QTemporaryDir m_dir;

    static QString messages(const QueryTool& t) { return t.messages()->toPlainText(); }
    // WCAG 2: relative luminance and contrast ratio (written out here, not taken from the code under test).
    static double luminance(const QColor& c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    }
    static double contrast(const QColor& a, const QColor& b) {
        const double la = luminance(a), lb = luminance(b);
        return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
    }
    // The highlighter's colour at `position` of the editor's first block (invalid when it set none).
    static QColor highlightAt(const QueryTool& t, qsizetype position) {
        const QTextBlock block = t.editor()->document()->firstBlock();
        for (const QTextLayout::FormatRange& r : block.layout()->formats()) {
            if (position >= r.start && position < r.start + r.length &&
                r.format.hasProperty(QTextFormat::ForegroundBrush))
                return r.format.foreground().color();
        }
        return {};
    }
    // The colour of the Messages line that contains `text`.
    static QColor messageColor(const QueryTool& t, const QString& text) {
        for (QTextBlock b = t.messages()->document()->firstBlock(); b.isValid(); b = b.next()) {
            if (!b.text().contains(text))
                continue;
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                if (it.fragment().text().contains(text))
                    return it.fragment().charFormat().foreground().color();
            }
        }
        return {};
    }
    static int depth(const QTreeWidgetItem* item) {
        int d = 0;
        for (; item->parent(); item = item->parent())
            ++d;
        return d;
    }
    QString notes() const {
        return psql(QStringLiteral("select string_agg(note, ',' order by id) from %1.t").arg(m_schema));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_schema = QStringLiteral("qt_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(m_schema,
                          QStringLiteral("create table $S.t (id int primary key, note text);"
                                         "insert into $S.t values (1, 'a'), (2, 'b'), (3, 'c');"
                                         "create table $S.u (id int primary key, t_id int, label text);"
                                         "insert into $S.u values (1, 1, 'x'), (2, 3, 'y');"));
        m_pool = pgdesk::core::Pool::create(pgdesk::test::profile());
        m_toolPool = m_pool;
    }
    void cleanupTestCase() {
        m_toolPool.reset();
        m_pool.reset();
        m_scratch.reset();
    }

    void threeStatementsGiveTwoResultTabsAndMessages() {
        auto t = tool();
        QVERIFY(runAndWait(*t, QStringLiteral("select id, note from %1.t order by id;\n"
                                              "update %1.t set note = note where id <= 2;\n"
                                              "select count(*) from %1.t")
                                   .arg(m_schema)));
        const auto grids = t->resultGrids();
        QCOMPARE(grids.size(), 2);
        QCOMPARE(t->results()->count(), 3); // Messages + two results
        QCOMPARE(grids[0]->model()->rowCount(), 3);
        QCOMPARE(grids[0]->model()->index(2, 1).data(Qt::EditRole).toString(), QStringLiteral("c"));
        QCOMPARE(grids[1]->model()->index(0, 0).data(Qt::EditRole).toString(), QStringLiteral("3"));
        QCOMPARE(grids[1]->statementIndex(), 2);
        QVERIFY2(messages(*t).contains(QLatin1String("[2] UPDATE 2")), qPrintable(messages(*t)));
        QVERIFY(messages(*t).contains(QLatin1String("[1] SELECT 3")));
        QVERIFY(messages(*t).contains(QLatin1String("Done: 3 statements")));
        QCOMPARE(t->results()->currentWidget(), grids[0]);
        QCOMPARE(t->transactionState(), TransactionState::Idle);

        // A new run replaces the results.
        QVERIFY(runAndWait(*t, QStringLiteral("select 1")));
        QCOMPARE(t->resultGrids().size(), 1);
    }

    void anErrorNamesItsStatementAndMovesTheCursorThere() {
        auto t = tool();
        const QString sql = QStringLiteral("select 1;\nselect 'ü🐘', x from nope_table;\nselect 3");
        QVERIFY(runAndWait(*t, sql));
        QVERIFY2(messages(*t).contains(QLatin1String("[2] ERROR 42P01")), qPrintable(messages(*t)));
        QVERIFY(messages(*t).contains(QLatin1String("line 2, column 21")));
        QVERIFY(messages(*t).contains(QLatin1String("Stopped at statement 2")));
        QCOMPARE(t->editor()->textCursor().position(), sql.indexOf(QLatin1String("nope_table")));
        QCOMPARE(t->resultGrids().size(), 1); // the first statement's rows stay
        QCOMPARE(t->results()->currentWidget(), t->messages());

        // Running a selection: positions count from the selection's start in the editor.
        QTextCursor c = t->editor()->textCursor();
        const int from = int(sql.indexOf(QStringLiteral("select 'ü")));
        c.setPosition(from);
        c.setPosition(int(sql.indexOf(QLatin1String(";\nselect 3"))), QTextCursor::KeepAnchor);
        t->editor()->setTextCursor(c);
        QSignalSpy done(t.get(), &QueryTool::runFinished);
        t->run();
        QVERIFY(done.wait(20000));
        QVERIFY2(messages(*t).contains(QLatin1String("[1] ERROR 42P01")), qPrintable(messages(*t)));
        QCOMPARE(t->editor()->textCursor().position(), sql.indexOf(QLatin1String("nope_table")));
    }

    void cancelReturnsQuicklyAndTheGuiKeepsRunning() {
        auto t = tool();
        t->setSql(QStringLiteral("select pg_sleep(30); select 2"));
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
        ticker.start(20);
        QSignalSpy done(t.get(), &QueryTool::runFinished);
        pgdesk::core::ThreadRoundTrips gui;
        t->run();
        QVERIFY2(gui.count() == 0, "starting a run talked to the server on the GUI thread");
        QVERIFY(t->isRunning());
        QVERIFY(t->cancelAction()->isEnabled());
        QVERIFY(!t->runAction()->isEnabled());
        QTest::qWait(700);
        QVERIFY(t->isRunning());
        QVERIFY2(ticks >= 15, qPrintable(QString::number(ticks))); // the event loop ran meanwhile
        QElapsedTimer cancelled;
        cancelled.start();
        t->cancelAction()->trigger();
        QVERIFY(done.wait(5000));
        QVERIFY2(cancelled.elapsed() < 2000, qPrintable(QString::number(cancelled.elapsed())));
        QVERIFY(!t->isRunning());
        QVERIFY2(messages(*t).contains(QLatin1String("[1] Cancelled")), qPrintable(messages(*t)));
        QCOMPARE(t->resultGrids().size(), 0); // the second statement never ran
        QVERIFY(runAndWait(*t, QStringLiteral("select 42")));
        QCOMPARE(t->resultGrids().at(0)->model()->index(0, 0).data(Qt::EditRole).toString(),
                 QStringLiteral("42"));
    }

    // Cancel, and closing the tool mid-run, stop the statement on the server at once even while every job
    // thread is busy: a cancel never queues behind other work.
    void cancelAndCloseNeverWaitBehindBusyJobs() {
        const QString sleep = QStringLiteral("select pg_sleep(30) as busyjobs");
        const auto sleeping = [] {
            return pgdesk::test::psqlValue(
                       QStringLiteral("select count(*) from pg_stat_activity where state = 'active' and "
                                      "query like '%busyjobs%' and pid <> pg_backend_pid()"))
                .toInt();
        };
        auto release = std::make_shared<std::atomic<bool>>(false);
        const auto occupy = [release](QThreadPool& pool) {
            for (int i = 0; i < pool.maxThreadCount(); ++i)
                pool.start([release] {
                    while (!*release)
                        QThread::msleep(10);
                });
        };
        const auto freeAll = [release] {
            *release = true;
            pgdesk::ui::jobPool().waitForDone();
            QThreadPool::globalInstance()->waitForDone();
            *release = false;
        };
        const auto cleanup = qScopeGuard(freeAll);

        auto t = tool();
        t->setSql(sleep);
        t->run();
        QTRY_VERIFY2_WITH_TIMEOUT(sleeping() == 1, qPrintable(messages(*t)), 10000);
        occupy(pgdesk::ui::jobPool());
        occupy(*QThreadPool::globalInstance());
        t->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(sleeping(), 0, 5000);
        freeAll();
        QTRY_VERIFY_WITH_TIMEOUT(!t->isRunning(), 5000);

        t->setSql(sleep);
        t->run();
        QTRY_VERIFY2_WITH_TIMEOUT(sleeping() == 1, qPrintable(messages(*t)), 10000);
        occupy(pgdesk::ui::jobPool());
        occupy(*QThreadPool::globalInstance());
        t.reset();
        QTRY_COMPARE_WITH_TIMEOUT(sleeping(), 0, 5000);
    }

    void beginUpdateRollbackLeavesTheDataAndTheIndicatorFollows() {
        auto t = tool();
        QSignalSpy states(t.get(), &QueryTool::transactionStateChanged);
        QCOMPARE(t->transactionLabel()->text(), QStringLiteral("Idle"));
        QVERIFY(!t->rollbackButton()->isEnabled());
        QVERIFY(runAndWait(*t, QStringLiteral("begin; update %1.t set note = 'changed'").arg(m_schema)));
        QCOMPARE(t->transactionState(), TransactionState::InTransaction);
        QCOMPARE(t->transactionLabel()->text(), QStringLiteral("In transaction"));
        QVERIFY(t->commitButton()->isEnabled());
        QVERIFY(t->rollbackButton()->isEnabled());
        QCOMPARE(notes(), QStringLiteral("a,b,c")); // others do not see it
        // The next run is in the same transaction: it sees its own change.
        QVERIFY(runAndWait(*t, QStringLiteral("select distinct note from %1.t").arg(m_schema)));
        QCOMPARE(t->resultGrids().at(0)->model()->index(0, 0).data(Qt::EditRole).toString(),
                 QStringLiteral("changed"));
        QSignalSpy done(t.get(), &QueryTool::runFinished);
        t->rollbackButton()->click();
        QVERIFY(done.wait(20000));
        QCOMPARE(t->transactionState(), TransactionState::Idle);
        QCOMPARE(t->transactionLabel()->text(), QStringLiteral("Idle"));
        QVERIFY(!t->rollbackButton()->isEnabled());
        QVERIFY(messages(*t).contains(QLatin1String("ROLLBACK")));
        QCOMPARE(notes(), QStringLiteral("a,b,c"));
        QCOMPARE(states.size(), 2);

        // Autocommit off: the first statement opens the transaction; a failure shows; Rollback ends it.
        t->autocommitBox()->setChecked(false);
        QCOMPARE(t->transactionLabel()->text(), QStringLiteral("Idle"));
        QVERIFY(runAndWait(*t, QStringLiteral("update %1.t set note = 'x'; select 1 / 0").arg(m_schema)));
        QCOMPARE(t->transactionState(), TransactionState::Failed);
        QCOMPARE(t->transactionLabel()->text(), QStringLiteral("Transaction failed"));
        QVERIFY(!t->commitButton()->isEnabled());
        t->rollbackButton()->click();
        QVERIFY(done.wait(20000));
        QCOMPARE(t->transactionState(), TransactionState::Idle);
        QCOMPARE(notes(), QStringLiteral("a,b,c"));

        // Commit keeps the change.
        QVERIFY(runAndWait(*t, QStringLiteral("update %1.t set note = 'd' where id = 3").arg(m_schema)));
        QCOMPARE(t->transactionState(), TransactionState::InTransaction);
        t->commitButton()->click();
        QVERIFY(done.wait(20000));
        QCOMPARE(t->transactionState(), TransactionState::Idle);
        QCOMPARE(notes(), QStringLiteral("a,b,d"));
        psql(QStringLiteral("update %1.t set note = 'c' where id = 3").arg(m_schema));
    }

    void explainAnalyzeBuildsAPlanTree() {
        auto t = tool();
        t->setSql(QStringLiteral("select 1;\nselect * from %1.t where note <> 'zz'").arg(m_schema));
        QTextCursor c = t->editor()->textCursor();
        c.setPosition(int(t->sql().indexOf(QLatin1String("from")))); // the second statement
        t->editor()->setTextCursor(c);
        QSignalSpy done(t.get(), &QueryTool::explainFinished);
        t->explain(true);
        QVERIFY(done.wait(20000));
        QTreeWidget* tree = t->planTree();
        QVERIFY2(tree, qPrintable(messages(*t)));
        QCOMPARE(tree->topLevelItemCount(), 1);
        QVERIFY2(tree->topLevelItem(0)->text(0).startsWith(QLatin1String("Seq Scan on t")),
                 qPrintable(tree->topLevelItem(0)->text(0)));
        QCOMPARE(tree->topLevelItem(0)->text(2), QStringLiteral("3")); // actual rows
        QVERIFY(!tree->topLevelItem(0)->text(5).isEmpty());            // actual time
        QVERIFY(tree->topLevelItem(0)->toolTip(0).contains(QLatin1String("Filter")));
        QVERIFY(messages(*t).contains(QLatin1String("Execution")));

        // Nested nodes are children.
        t->setSql(
            QStringLiteral("select * from %1.t a join %1.t b using (id) order by a.note").arg(m_schema));
        t->explain(false);
        QVERIFY(done.wait(20000));
        tree = t->planTree();
        QVERIFY(tree->topLevelItem(0)->childCount() >= 1);
        QCOMPARE(tree->topLevelItem(0)->text(2), QString()); // not analyzed: no actual rows
    }

    void historyRecordsRunsAndSearchFindsThem() {
        const QString path = m_dir.filePath(QStringLiteral("shared-history.sqlite"));
        auto t = std::make_unique<QueryTool>(m_pool, QStringLiteral("demo"), nullptr, path);
        QSignalSpy loaded(t.get(), &QueryTool::historyLoaded);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(t->historyList()->count(), 0);
        QVERIFY(runAndWait(*t, QStringLiteral("select '50%_off' as marker_one")));
        QVERIFY(runAndWait(*t, QStringLiteral("select 'ÜNÏ 🐘' as marker_two")));
        QVERIFY(runAndWait(*t, QStringLiteral("select * from nope_history")));
        if (t->historyList()->count() < 3)
            QVERIFY(loaded.wait(10000));
        QCOMPARE(t->historyList()->count(), 3);
        QVERIFY(t->historyList()->item(0)->text().startsWith(QLatin1String("select * from nope_history")));
        QVERIFY(t->historyList()->item(0)->toolTip().contains(QLatin1String("42P01")));

        t->historySearch()->setText(QStringLiteral("%_"));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(t->historyList()->count(), 1);
        QVERIFY(t->historyList()->item(0)->text().contains(QLatin1String("marker_one")));
        t->historySearch()->setText(QString::fromUtf8("ünï 🐘"));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(t->historyList()->count(), 1);

        // Double-click loads the SQL into the editor.
        t->setSql(QString());
        emit t->historyList()->itemDoubleClicked(t->historyList()->item(0));
        QCOMPARE(t->sql(), QString::fromUtf8("select 'ÜNÏ 🐘' as marker_two"));

        // Another tool of the same profile sees the same history; another profile does not.
        QueryTool same(m_pool, QStringLiteral("demo"), nullptr, path);
        QSignalSpy sameLoaded(&same, &QueryTool::historyLoaded);
        QVERIFY(sameLoaded.wait(10000));
        QCOMPARE(same.historyList()->count(), 3);
        QueryTool other(m_pool, QStringLiteral("other"), nullptr, path);
        QSignalSpy otherLoaded(&other, &QueryTool::historyLoaded);
        QVERIFY(otherLoaded.wait(10000));
        QCOMPARE(other.historyList()->count(), 0);
    }

    void nullAndEmptyStringLookDifferent() {
        auto t = tool();
        QVERIFY(
            runAndWait(*t, QStringLiteral("select null::text as n, ''::text as e, 'NULL'::text as s;"
                                          "insert into %1.t values (9, null) returning note, ''::text as e")
                               .arg(m_schema)));
        for (QueryResultGrid* grid : t->resultGrids()) {
            PageModel* m = grid->model();
            QVERIFY(m->index(0, 0).data(PageModel::IsNullRole).toBool());
            QVERIFY(!m->index(0, 0).data(Qt::EditRole).isValid());
            QVERIFY(!m->index(0, 1).data(PageModel::IsNullRole).toBool());
            QVERIFY(m->index(0, 1).data(Qt::EditRole).isValid());
            QCOMPARE(m->index(0, 1).data(Qt::EditRole).toString(), QString());
            QVERIFY(m->index(0, 0).data(Qt::DisplayRole) != m->index(0, 1).data(Qt::DisplayRole));
        }
        QCOMPARE(t->resultGrids().size(), 2);
        QVERIFY(!t->resultGrids().at(0)->model()->index(0, 2).data(PageModel::IsNullRole).toBool());
        psql(QStringLiteral("delete from %1.t where id = 9").arg(m_schema));
    }

    void bigResultsArePagedOnTheServer() {
        auto t = tool();
        QVERIFY(runAndWait(*t, QStringLiteral("select g from generate_series(1, 250) g")));
        QueryResultGrid* grid = t->resultGrids().at(0);
        QCOMPARE(grid->model()->rowCount(), 100);
        QVERIFY2(grid->rangeText().startsWith(QStringLiteral("rows 1–100 of ")),
                 qPrintable(grid->rangeText()));
        QSignalSpy page(grid, &QueryResultGrid::pageLoaded);
        grid->nextPage();
        QVERIFY(page.wait(20000));
        QCOMPARE(grid->model()->index(0, 0).data(Qt::EditRole).toString(), QStringLiteral("101"));
        QVERIFY(grid->rangeText().startsWith(QStringLiteral("rows 101–200")));
    }

    void shortcutsRunAndCancel() {
        auto t = tool();
        t->show();
        QVERIFY(QTest::qWaitForWindowExposed(t.get()));
        t->activateWindow();
        t->editor()->setFocus();
        t->setSql(QStringLiteral("select 7"));
        QSignalSpy done(t.get(), &QueryTool::runFinished);
        QTest::keyClick(t->editor(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(done.wait(20000));
        QCOMPARE(t->resultGrids().size(), 1);
        QCOMPARE(t->sql(), QStringLiteral("select 7")); // the key did not reach the editor
        t->setSql(QStringLiteral("select pg_sleep(30)"));
        QTest::keyClick(t->editor(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::qWait(300);
        QVERIFY(t->isRunning());
        QTest::keyClick(t->editor(), Qt::Key_Escape);
        QVERIFY(done.wait(3000));
        QVERIFY(messages(*t).contains(QLatin1String("Cancelled")));
    }

    // As in DataGrip, DBeaver and pgAdmin: Ctrl+Enter the statement at the cursor, Ctrl+Shift+Enter and
    // F5 the whole script; both the main Enter key (Return) and the keypad's.
    void ctrlEnterRunsTheStatementAtTheCursorCtrlShiftEnterTheScript() {
        auto t = tool();
        t->show();
        QVERIFY(QTest::qWaitForWindowExposed(t.get()));
        t->activateWindow();
        const QString sql = QStringLiteral("select 'first' as a;\nselect 'second' as b;\n");
        const auto putCursorOnTheSecond = [&] {
            t->setSql(sql);
            QTextCursor c = t->editor()->textCursor();
            c.setPosition(int(sql.indexOf(QLatin1String("'second'"))));
            t->editor()->setTextCursor(c);
            t->editor()->setFocus();
        };
        QSignalSpy done(t.get(), &QueryTool::runFinished);
        const auto value = [&](int grid) {
            return t->resultGrids().at(grid)->model()->index(0, 0).data(Qt::EditRole).toString();
        };
        for (const Qt::Key key : {Qt::Key_Return, Qt::Key_Enter}) {
            putCursorOnTheSecond();
            QTest::keyClick(t->editor(), key, Qt::ControlModifier);
            QVERIFY(done.wait(20000));
            QCOMPARE(t->resultGrids().size(), 1);
            QCOMPARE(value(0), QStringLiteral("second"));
            QVERIFY2(messages(*t).contains(QLatin1String("Done: 1 statement")), qPrintable(messages(*t)));
            QCOMPARE(t->sql(), sql); // the key did not reach the editor

            putCursorOnTheSecond();
            QTest::keyClick(t->editor(), key, Qt::ControlModifier | Qt::ShiftModifier);
            QVERIFY(done.wait(20000));
            QCOMPARE(t->resultGrids().size(), 2);
            QCOMPARE(value(0), QStringLiteral("first"));
            QCOMPARE(value(1), QStringLiteral("second"));
            QCOMPARE(t->sql(), sql);
        }
        putCursorOnTheSecond();
        QTest::keyClick(t->editor(), Qt::Key_F5);
        QVERIFY(done.wait(20000));
        QCOMPARE(t->resultGrids().size(), 2);

        // A selection is what both run.
        QTextCursor c = t->editor()->textCursor();
        c.setPosition(0);
        c.setPosition(int(sql.indexOf(QLatin1Char(';'))), QTextCursor::KeepAnchor);
        t->editor()->setTextCursor(c);
        QTest::keyClick(t->editor(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(done.wait(20000));
        QCOMPARE(t->resultGrids().size(), 1);
        QCOMPARE(value(0), QStringLiteral("first"));

        // The tooltips name the keys.
        QVERIFY2(t->runStatementAction()->toolTip().contains(QLatin1String("Ctrl+Enter")),
                 qPrintable(t->runStatementAction()->toolTip()));
        QVERIFY2(t->runAction()->toolTip().contains(QLatin1String("Ctrl+Shift+Enter")),
                 qPrintable(t->runAction()->toolTip()));
        QVERIFY(t->runAction()->toolTip().contains(QLatin1String("F5")));
    }

    void theEditorHasLineNumbersThatMakeRoomForMoreDigits() {
        auto t = tool();
        t->resize(800, 600);
        t->show();
        QVERIFY(QTest::qWaitForWindowExposed(t.get()));
        t->setSql(QStringLiteral("select 1"));
        auto* gutter = t->editor()->findChild<QWidget*>(QStringLiteral("lineNumberGutter"));
        QVERIFY(gutter);
        QVERIFY(gutter->isVisible());
        const int twoDigits = gutter->width();
        QVERIFY(twoDigits > 0);
        // The text starts right of the gutter, not under it.
        QVERIFY2(t->editor()->viewport()->geometry().left() >= gutter->geometry().right(),
                 qPrintable(QStringLiteral("viewport %1, gutter %2")
                                .arg(t->editor()->viewport()->geometry().left())
                                .arg(gutter->geometry().right())));
        // It paints something besides its background: the number 1.
        const QImage image = gutter->grab().toImage();
        const QRgb background = image.pixel(0, 0);
        bool painted = false;
        for (int y = 0; y < image.height() && !painted; ++y)
            for (int x = 0; x < image.width() && !painted; ++x)
                painted = image.pixel(x, y) != background;
        QVERIFY(painted);

        QStringList lines;
        for (int i = 1; i <= 120; ++i)
            lines << QStringLiteral("select %1;").arg(i);
        t->setSql(lines.join(QLatin1Char('\n')));
        QTRY_VERIFY(gutter->width() > twoDigits);
        QVERIFY(gutter->width() >= gutter->fontMetrics().horizontalAdvance(QStringLiteral("120")));
        QVERIFY(t->editor()->viewport()->geometry().left() >= gutter->geometry().right());
    }

    // pgAdmin and psql name nodes with what they work on; the node column is never cut.
    void explainNamesRelationsAndTheNodeColumnFits() {
        auto t = tool();
        t->resize(700, 500);
        t->show();
        QVERIFY(QTest::qWaitForWindowExposed(t.get()));
        t->setSql(QStringLiteral("select * from %1.t as first_table_with_a_long_alias join %1.u as "
                                 "second_table_with_a_long_alias on second_table_with_a_long_alias.t_id = "
                                 "first_table_with_a_long_alias.id")
                      .arg(m_schema));
        QSignalSpy done(t.get(), &QueryTool::explainFinished);
        t->explain(true);
        QVERIFY(done.wait(20000));
        QTreeWidget* tree = t->planTree();
        QVERIFY2(tree, qPrintable(messages(*t)));
        QCoreApplication::processEvents();
        QStringList labels;
        QList<QTreeWidgetItem*> items;
        for (QTreeWidgetItemIterator it(tree); *it; ++it) {
            items << *it;
            labels << (*it)->text(0);
        }
        const QString all = labels.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String(" on t first_table_with_a_long_alias")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String(" on u second_table_with_a_long_alias")), qPrintable(all));
        QVERIFY2(labels.first().contains(QLatin1String("Join")) ||
                     labels.first().startsWith(QLatin1String("Nested Loop")),
                 qPrintable(all));
        const QFontMetrics metrics(tree->font());
        const int decoration = tree->rootIsDecorated() ? 1 : 0;
        for (QTreeWidgetItem* item : items) {
            const int needed =
                metrics.horizontalAdvance(item->text(0)) + tree->indentation() * (depth(item) + decoration);
            QVERIFY2(tree->columnWidth(0) >= needed, qPrintable(QStringLiteral("%1: column %2 < %3")
                                                                    .arg(item->text(0))
                                                                    .arg(tree->columnWidth(0))
                                                                    .arg(needed)));
        }
        for (int c = 1; c < tree->columnCount(); ++c) {
            QVERIFY2(tree->columnWidth(c) > 0 && tree->columnWidth(c) < 250,
                     qPrintable(QStringLiteral("column %1: %2").arg(c).arg(tree->columnWidth(c))));
        }
    }

    // The node line as psql writes it, from the plan's JSON (core names the node, the tree adds a subplan's
    // name).
    void planNodesAreNamedAsPsqlNamesThem() {
        const QByteArray json = R"([{"Plan": {"Node Type": "ModifyTable", "Operation": "Insert",
            "Relation Name": "t", "Alias": "t", "Plans": [
              {"Node Type": "Aggregate", "Strategy": "Hashed", "Partial Mode": "Simple", "Plans": [
                {"Node Type": "Hash Join", "Join Type": "Left", "Plans": [
                  {"Node Type": "Index Scan", "Scan Direction": "Backward", "Index Name": "t_pkey",
                   "Relation Name": "t", "Schema": "public", "Alias": "x"},
                  {"Node Type": "Bitmap Index Scan", "Index Name": "u_idx"},
                  {"Node Type": "CTE Scan", "CTE Name": "c", "Alias": "c"},
                  {"Node Type": "Function Scan", "Function Name": "generate_series", "Alias": "g"},
                  {"Node Type": "Subquery Scan", "Alias": "sub"},
                  {"Node Type": "Seq Scan", "Parallel Aware": true, "Relation Name": "customer",
                   "Alias": "c", "Subplan Name": "SubPlan 1"},
                  {"Node Type": "Aggregate", "Strategy": "Sorted", "Partial Mode": "Finalize"},
                  {"Node Type": "Nested Loop", "Join Type": "Inner"},
                  {"Node Type": "Nested Loop", "Join Type": "Anti"}]}]}]}}])";
        std::unique_ptr<QTreeWidget> tree(pgdesk::ui::createPlanTree(pgdesk::core::parsePlan(json), nullptr));
        QStringList labels;
        for (QTreeWidgetItemIterator it(tree.get()); *it; ++it)
            labels << (*it)->text(0);
        QCOMPARE(labels,
                 (QStringList{QStringLiteral("Insert on t"), QStringLiteral("Aggregate (Hashed)"),
                              QStringLiteral("Hash Left Join"),
                              QStringLiteral("Index Scan Backward using t_pkey on public.t x"),
                              QStringLiteral("Bitmap Index Scan on u_idx"), QStringLiteral("CTE Scan on c"),
                              QStringLiteral("Function Scan on generate_series g"),
                              QStringLiteral("Subquery Scan on sub"),
                              QStringLiteral("Parallel Seq Scan on customer c [SubPlan 1]"),
                              QStringLiteral("Finalize Aggregate (Sorted)"), QStringLiteral("Nested Loop"),
                              QStringLiteral("Nested Loop Anti Join")}));
    }

    // Switched live, as the preferences do: SQL colours and error messages keep WCAG AA contrast (4.5:1).
    void darkThemeKeepsSqlAndMessagesReadable() {
        auto restore = qScopeGuard([] { pgdesk::ui::applyTheme(pgdesk::ui::UiSettings::Theme::System); });
        pgdesk::ui::applyTheme(pgdesk::ui::UiSettings::Theme::Light);
        auto t = tool();
        t->show();
        QVERIFY(QTest::qWaitForWindowExposed(t.get()));
        const QString sql = QStringLiteral("select 42, 'text' from nope_dark -- comment");
        QVERIFY(runAndWait(*t, sql));
        QVERIFY2(messages(*t).contains(QLatin1String("42P01")), qPrintable(messages(*t)));
        const struct {
            const char* what;
            qsizetype position;
        } tokens[] = {{"keyword", sql.indexOf(QLatin1String("select"))},
                      {"number", sql.indexOf(QLatin1String("42"))},
                      {"string", sql.indexOf(QLatin1String("'text'"))},
                      {"comment", sql.indexOf(QLatin1String("-- comment"))}};
        for (const auto theme : {pgdesk::ui::UiSettings::Theme::Dark, pgdesk::ui::UiSettings::Theme::Light}) {
            pgdesk::ui::applyTheme(theme);
            QCoreApplication::processEvents();
            const QColor base = t->editor()->palette().color(QPalette::Base);
            QCOMPARE(base.lightnessF() < 0.5, theme == pgdesk::ui::UiSettings::Theme::Dark);
            for (const auto& token : tokens) {
                const QColor color = highlightAt(*t, token.position);
                QVERIFY2(color.isValid(), token.what);
                QVERIFY2(contrast(color, base) >= 4.5,
                         qPrintable(QStringLiteral("%1 %2 on %3: %4")
                                        .arg(QLatin1String(token.what), color.name(), base.name())
                                        .arg(contrast(color, base))));
            }
            const QColor messageBase = t->messages()->palette().color(QPalette::Base);
            const QColor error = messageColor(*t, QStringLiteral("42P01"));
            QVERIFY(error.isValid());
            QVERIFY2(contrast(error, messageBase) >= 4.5,
                     qPrintable(QStringLiteral("error %1 on %2: %3")
                                    .arg(error.name(), messageBase.name())
                                    .arg(contrast(error, messageBase))));
            // A run in the new theme gets the same.
            QVERIFY(runAndWait(*t, sql));
            QVERIFY(contrast(messageColor(*t, QStringLiteral("42P01")), messageBase) >= 4.5);
        }
    }

    // Every paging button shows a sign the UI font has (U+23EE was an empty box), and says what it does.
    void pagingButtonsShowGlyphsTheFontHas() {
        auto t = tool();
        t->show();
        QVERIFY(QTest::qWaitForWindowExposed(t.get()));
        QVERIFY(runAndWait(*t, QStringLiteral("select g from generate_series(1, 250) g")));
        QueryResultGrid* grid = t->resultGrids().at(0);
        const QList<QToolButton*> buttons = grid->findChildren<QToolButton*>();
        QVERIFY(buttons.size() >= 3);
        for (QToolButton* b : buttons) {
            QVERIFY(b->isVisibleTo(grid));
            QVERIFY(!b->toolTip().isEmpty());
            QVERIFY2(!b->text().isEmpty() || !b->icon().isNull(), qPrintable(b->toolTip()));
            const QFontMetrics metrics(b->font());
            for (const char32_t c : b->text().toUcs4()) {
                QVERIFY2(metrics.inFontUcs4(c), qPrintable(QStringLiteral("%1: U+%2 not in %3")
                                                               .arg(b->toolTip())
                                                               .arg(uint(c), 4, 16, QLatin1Char('0'))
                                                               .arg(b->font().family())));
            }
        }
    }

    void mainWindowOffersTheQueryTool() {
        pgdesk::ui::MainWindow w;
        auto* action = w.findChild<QAction*>(QStringLiteral("newQueryToolAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_T));
        QCOMPARE(pgdesk::ui::QueryFeature::of(w)->openQueryTool(), nullptr); // no session yet
    }
};

PGDESK_UI_TEST_MAIN(TestQueryTool)
#include "tst_querytool.moc"
