// SPDX-License-Identifier: GPL-3.0-or-later
// Results out of the query tool: a result's Export… runs the statement again through the table export's
// dialog and engine (the CSV equals psql's \copy byte for byte; a statement that is not a plain read is
// refused with a warning; an open transaction is warned of; Cancel leaves no file), and Copy as writes the
// selection with the export encoders (CSV, TSV, JSON, Markdown checked exactly; the SQL INSERT re-loads
// equal).
#include "querytoolfixture.h"
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/query/querytool.h>
#include <pgdesk/ui/transfer/exportdialog.h>

#include "../../ui/src/query/parametersdialog.h"
#include "../../ui/src/query/queryresults.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>
#include <optional>

using pgdesk::test::psql;
using pgdesk::test::psqlValue;
using pgdesk::ui::CopyAsFormat;
using pgdesk::ui::ExportDialog;
using pgdesk::ui::QueryResultGrid;
using pgdesk::ui::QueryTool;

class TestResultExport final : public QObject, pgdesk::test::QueryToolFixture {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch; // first: dropped after the pool is gone
    std::shared_ptr<pgdesk::core::Pool> m_pool;
    QTemporaryDir m_dir;

    static QByteArray readFile(const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    // Exports to `path` in `format` and waits for the outcome: the failure's message, empty on success.
    static QString exportTo(ExportDialog& dialog, const QString& format, const QString& path) {
        dialog.setFormat(format);
        dialog.setPath(path);
        QSignalSpy finished(&dialog, &ExportDialog::finished);
        dialog.start();
        if (!finished.wait(20000))
            return QStringLiteral("no outcome within 20 s");
        return finished.first().at(0).toBool() ? QString() : finished.first().at(1).toString();
    }
    // The export dialog a result's Export… opens: the tool opens it itself, as a child of its window.
    static std::unique_ptr<ExportDialog> exportDialog(QueryTool& t, QueryResultGrid* grid) {
        const auto before = t.window()->findChildren<ExportDialog*>();
        grid->exportButton()->click();
        ExportDialog* dialog = nullptr;
        for (ExportDialog* d : t.window()->findChildren<ExportDialog*>()) {
            if (!before.contains(d))
                dialog = d;
        }
        if (!dialog)
            return nullptr;
        dialog->setAttribute(Qt::WA_DeleteOnClose, false); // the test deletes it (and it leaves its parent)
        return std::unique_ptr<ExportDialog>(dialog);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_schema = QStringLiteral("rx_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(
            m_schema,
            QStringLiteral("create table $S.t (id int primary key, n numeric(30,10), ts timestamptz, s text);"
                           "insert into $S.t values "
                           "(1, 12345678901234567890.0123456789, '2024-03-05 14:03:01.123456+01', "
                           "'it''s \"quoted\", with comma'),"
                           "(2, null, null, ''),"
                           "(3, -0.0000000001, 'infinity', E'line\\nbreak\\ttab \\\\ back'),"
                           "(4, 0, '1999-12-31 23:59:59.999999-08', null);"
                           "create table $S.t_copy (like $S.t);"));
        m_pool = pgdesk::core::Pool::create(pgdesk::test::profile());
        m_toolPool = m_pool;
    }
    void cleanupTestCase() {
        m_toolPool.reset();
        m_pool.reset();
    }

    void resultCsvEqualsPsqlCopy() {
        auto t = tool();
        const QString query = sql(QStringLiteral("select * from $S.t order by id"));
        QVERIFY(runAndWait(*t, query));
        QCOMPARE(t->resultGrids().size(), 1);
        const auto dialog = exportDialog(*t, t->resultGrids().first());
        QVERIFY(dialog);
        QVERIFY(dialog->warningText().isEmpty());
        QVERIFY(dialog->canExport());
        const QString mine = m_dir.filePath(QStringLiteral("result.csv"));
        const QString failure = exportTo(*dialog, QStringLiteral("csv"), mine);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        const QString theirs = m_dir.filePath(QStringLiteral("psql.csv"));
        psql(QStringLiteral("\\copy (%1) to '%2' csv header").arg(query, theirs));
        const QByteArray expected = readFile(theirs);
        QVERIFY(expected.contains("12345678901234567890.0123456789"));
        QCOMPARE(readFile(mine), expected);
    }

    // A query with a `:name` parameter is paged like any other (its value bound on every page) and its CSV
    // export equals psql's of the same query with the value written as a literal.
    void parameterisedResultPagesAndExports() {
        auto t = tool();
        const QString value = QStringLiteral("O'Brien -- not a comment; $1 :v \"q\"");
        t->setSql(QStringLiteral("select g, :v::text as v from generate_series(1, 250) g order by g"));
        QSignalSpy done(t.get(), &QueryTool::runFinished);
        t->run();
        pgdesk::ui::ParametersDialog* form = t->parametersDialog();
        QVERIFY(form);
        form->valueEdit(QStringLiteral("v"))->setText(value);
        QTest::keyClick(form->valueEdit(QStringLiteral("v")), Qt::Key_Return);
        QVERIFY(done.wait(20000));
        QueryResultGrid* grid = t->resultGrids().first();
        QCOMPARE(grid->model()->rowCount(), 100);
        QSignalSpy loaded(grid, &QueryResultGrid::pageLoaded);
        grid->nextPage();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(grid->model()->index(0, 0).data(Qt::EditRole).toString(), QStringLiteral("101"));
        QCOMPARE(grid->model()->index(0, 1).data(Qt::EditRole).toString(), value);

        const auto dialog = exportDialog(*t, grid);
        QVERIFY(dialog);
        const QString mine = m_dir.filePath(QStringLiteral("param.csv"));
        const QString failure = exportTo(*dialog, QStringLiteral("csv"), mine);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const QString theirs = m_dir.filePath(QStringLiteral("param-psql.csv"));
        psql(QStringLiteral(
                 "\\copy (select g, '%1'::text as v from generate_series(1, 250) g order by g) to '%2' "
                 "csv header")
                 .arg(QString(value).replace(QLatin1String("'"), QLatin1String("''")), theirs));
        const QByteArray expected = readFile(theirs);
        QVERIFY(expected.contains("O'Brien"));
        QCOMPARE(readFile(mine), expected);
    }

    void otherFormatsExportTooAndMatchCopyAs() {
        // The same encoders: JSON of the whole result equals Copy as JSON of every row.
        auto t = tool();
        QVERIFY(runAndWait(*t, sql(QStringLiteral("select * from $S.t order by id"))));
        QueryResultGrid* grid = t->resultGrids().first();
        const auto dialog = exportDialog(*t, grid);
        QVERIFY(dialog);
        const QString path = m_dir.filePath(QStringLiteral("result.json"));
        const QString failure = exportTo(*dialog, QStringLiteral("json"), path);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        grid->view()->selectAll();
        QCOMPARE(grid->selectionAs(CopyAsFormat::Json).toUtf8(), readFile(path));
    }

    void statementThatIsNotAPlainReadIsWarnedOfAndNotRun() {
        auto t = tool();
        QVERIFY(runAndWait(*t, sql(QStringLiteral("update $S.t set s = s where id = 1 returning id, s"))));
        QCOMPARE(t->resultGrids().size(), 1);
        const auto dialog = exportDialog(*t, t->resultGrids().first());
        QVERIFY(dialog);
        QVERIFY2(dialog->warningText().contains(QStringLiteral("not a plain read (UPDATE)")),
                 qPrintable(dialog->warningText()));
        QVERIFY(!dialog->canExport());
        const QString path = m_dir.filePath(QStringLiteral("update.csv"));
        dialog->setPath(path);
        dialog->start(); // refused: nothing runs, nothing is written
        QVERIFY(!dialog->isRunning());
        QVERIFY(!QFile::exists(path));

        // A locking read is no plain read either.
        QVERIFY(runAndWait(*t, sql(QStringLiteral("select * from $S.t for update"))));
        const auto locking = exportDialog(*t, t->resultGrids().first());
        QVERIFY(locking);
        QVERIFY2(locking->warningText().contains(QStringLiteral("writes or locks rows")),
                 qPrintable(locking->warningText()));
        QVERIFY(!locking->canExport());
    }

    void openTransactionIsWarnedOf() {
        auto t = tool();
        t->autocommitBox()->setChecked(false);
        QVERIFY(runAndWait(*t, sql(QStringLiteral("select id from $S.t order by id"))));
        QCOMPARE(t->transactionState(), pgdesk::core::TransactionState::InTransaction);
        const auto dialog = exportDialog(*t, t->resultGrids().first());
        QVERIFY(dialog);
        QVERIFY2(dialog->warningText().contains(QStringLiteral("open transaction")),
                 qPrintable(dialog->warningText()));
        QVERIFY(dialog->canExport()); // a plain read: still exported, on a connection of its own
        QSignalSpy done(t.get(), &QueryTool::runFinished);
        t->rollback();
        QVERIFY(done.wait(20000));
        const auto after = exportDialog(*t, t->resultGrids().first());
        QVERIFY(after);
        QVERIFY2(after->warningText().isEmpty(), qPrintable(after->warningText()));
    }

    void cancelLeavesNoFile() {
        auto t = tool();
        QVERIFY(runAndWait(
            *t, QStringLiteral("select g, repeat('x', 200) as pad from generate_series(1, 20000000) g")));
        const auto dialog = exportDialog(*t, t->resultGrids().first());
        QVERIFY(dialog);
        QTemporaryDir dir;
        dialog->setFormat(QStringLiteral("csv"));
        dialog->setPath(dir.filePath(QStringLiteral("big.csv")));
        QSignalSpy finished(dialog.get(), &ExportDialog::finished);
        dialog->start();
        QTest::qWait(300);
        QVERIFY(dialog->isRunning());
        dialog->reject();
        QVERIFY(finished.wait(20000));
        QVERIFY(!finished.first().at(0).toBool());
        QVERIFY2(dialog->statusText().startsWith(QStringLiteral("Nothing was written")),
                 qPrintable(dialog->statusText()));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());
    }

    void copyAsTextsAreExact() {
        auto t = tool();
        QVERIFY(runAndWait(*t, sql(QStringLiteral("select id, n, ts, s from $S.t order by id"))));
        QueryResultGrid* grid = t->resultGrids().first();
        QTableView* view = grid->view();
        // Rows 1 and 2, columns id, n and s (not ts): rows × selected columns.
        QItemSelectionModel* selection = view->selectionModel();
        const auto pick = [&](int row, int column) {
            selection->select(grid->model()->index(row, column), QItemSelectionModel::Select);
        };
        pick(0, 0);
        pick(1, 1);
        pick(0, 3);
        QCOMPARE(
            grid->selectionAs(CopyAsFormat::Csv),
            QStringLiteral("id,n,s\n1,12345678901234567890.0123456789,\"it's \"\"quoted\"\", with comma\"\n"
                           "2,,\"\"\n"));
        QCOMPARE(grid->selectionAs(CopyAsFormat::Tsv),
                 QStringLiteral("id\tn\ts\n1\t12345678901234567890.0123456789\t\"it's \"\"quoted\"\", with "
                                "comma\"\n2\t\t\"\"\n"));
        QCOMPARE(grid->selectionAs(CopyAsFormat::Json),
                 QStringLiteral("[\n{\"id\":\"1\",\"n\":\"12345678901234567890.0123456789\",\"s\":\"it's "
                                "\\\"quoted\\\", with comma\"},\n{\"id\":\"2\",\"n\":null,\"s\":\"\"}\n]\n"));
        QCOMPARE(grid->selectionAs(CopyAsFormat::Markdown),
                 QStringLiteral("| id | n | s |\n| ---: | ---: | --- |\n"
                                "| 1 | 12345678901234567890.0123456789 | it's \"quoted\", with comma |\n"
                                "| 2 |  |  |\n"));
        // The query tool's Edit ▸ Copy as copies the shown result's selection the same way.
        auto* menuCsv = t->resultsMenu()->findChild<QAction*>(QStringLiteral("copyAsCsv"));
        QVERIFY(menuCsv);
        QGuiApplication::clipboard()->clear();
        menuCsv->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), grid->selectionAs(CopyAsFormat::Csv));
        // The timestamp column as the server wrote it.
        selection->clearSelection();
        pick(0, 2);
        const QString ts = psqlValue(sql(QStringLiteral("select ts from $S.t where id = 1")));
        QCOMPARE(grid->selectionAs(CopyAsFormat::Csv), QStringLiteral("ts\n%1\n").arg(ts));
        // One cell selected: the context menu's Copy as also offers the whole result.
        t->show();
        QVERIFY(QTest::qWaitForWindowExposed(t.get()));
        view->setCurrentIndex(grid->model()->index(0, 2));
        emit view->customContextMenuRequested(view->visualRect(grid->model()->index(0, 2)).center());
        auto* whole = grid->findChild<QAction*>(QStringLiteral("copyWholeAsMarkdown"));
        QVERIFY(whole);
        QGuiApplication::clipboard()->clear();
        whole->trigger();
        const QString markdown = QGuiApplication::clipboard()->text();
        QVERIFY2(markdown.startsWith(QStringLiteral("| id | n | ts | s |")) &&
                     markdown.count(QLatin1Char('\n')) == 2 + grid->model()->rowCount(),
                 qPrintable(markdown));
        if (auto* menu = qobject_cast<QMenu*>(whole->parent()->parent()))
            menu->close();
    }

    void copyAsInsertReloadsEqual() {
        auto t = tool();
        QVERIFY(runAndWait(*t, sql(QStringLiteral("select * from $S.t order by id"))));
        QueryResultGrid* grid = t->resultGrids().first();
        grid->view()->selectAll();
        const QString insert = grid->selectionAs(CopyAsFormat::SqlInsert);
        // A result names no table: a placeholder, for the user to edit.
        QVERIFY2(insert.startsWith(
                     QStringLiteral("INSERT INTO \"query\" (\"id\", \"n\", \"ts\", \"s\") VALUES\n")),
                 qPrintable(insert));
        QVERIFY(insert.contains(QStringLiteral("NULL")));
        QString edited = insert;
        edited.replace(QStringLiteral("INSERT INTO \"query\""), sql(QStringLiteral("INSERT INTO $S.t_copy")));
        psql(QStringLiteral("truncate %1.t_copy; %2").arg(m_schema, edited));
        QCOMPARE(
            psqlValue(sql(QStringLiteral(
                "select count(*) from ((select * from $S.t except all select * from $S.t_copy) union all "
                "(select * from $S.t_copy except all select * from $S.t)) d"))),
            QStringLiteral("0"));
        QCOMPARE(
            psqlValue(sql(QStringLiteral("select count(*) from $S.t_copy where s = '' and s is not null"))),
            QStringLiteral("1"));
        QCOMPARE(psqlValue(sql(QStringLiteral("select count(*) from $S.t_copy where s is null"))),
                 QStringLiteral("1"));
    }

    void tableTabCopiesAsInsertIntoItsTable() {
        // A table tab knows its table: the INSERT names it, quoted, and runs as it is.
        pgdesk::ui::TableBrowser b(m_pool, m_schema, QStringLiteral("t"));
        QSignalSpy loaded(&b, &pgdesk::ui::TableBrowser::pageLoaded);
        QVERIFY(loaded.wait(15000));
        QCOMPARE(b.model()->rowCount(), 4);
        b.view()->selectAll();
        QGuiApplication::clipboard()->clear();
        b.copySelectionAs(CopyAsFormat::SqlInsert);
        QTRY_VERIFY_WITH_TIMEOUT(!QGuiApplication::clipboard()->text().isEmpty(), 10000);
        const QString insert = QGuiApplication::clipboard()->text();
        const QString target = QStringLiteral("INSERT INTO \"%1\".\"t\" (").arg(m_schema);
        QVERIFY2(insert.startsWith(target), qPrintable(insert));
        QString copy = insert;
        copy.replace(target, QStringLiteral("INSERT INTO \"%1\".\"t_copy\" (").arg(m_schema));
        psql(QStringLiteral("truncate %1.t_copy; %2").arg(m_schema, copy));
        QCOMPARE(
            psqlValue(sql(QStringLiteral(
                "select count(*) from ((select * from $S.t except all select * from $S.t_copy) union all "
                "(select * from $S.t_copy except all select * from $S.t)) d"))),
            QStringLiteral("0"));

        // Copy as CSV of one cell: the same encoder as a result's.
        b.view()->clearSelection();
        b.view()->selectionModel()->select(b.model()->index(1, 3), QItemSelectionModel::Select);
        QGuiApplication::clipboard()->clear();
        b.copySelectionAs(CopyAsFormat::Csv);
        QTRY_VERIFY_WITH_TIMEOUT(!QGuiApplication::clipboard()->text().isEmpty(), 10000);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("s\n\"\"\n")); // '' quoted, as COPY
    }
};

PGDESK_UI_TEST_MAIN(TestResultExport)
#include "tst_resultexport.moc"
