// SPDX-License-Identifier: GPL-3.0-or-later
// The window's notebook, offscreen, on the test server: a file opened and saved untouched stays the same
// bytes; Run All shows each cell's rows (the model under QAbstractItemModelTester), the chart and the
// parameters' effect; a failing cell stops the run with its error; the production guard refuses a writing
// cell until Unlock writing; results go into the file only when asked; a notebook edited and saved here runs
// the same from pgdesk-cli (the two reports equal but for the line saying where and when).
#include "../cli/clirunner.h"
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include "../../ui/src/notebook/notebookcell.h"
#include "../../ui/src/notebook/notebookchartdialog.h"

#include <pgdesk/core/notebook/notebook.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/writeunlockbutton.h>
#include <pgdesk/ui/notebook/notebookview.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <optional>

using namespace pgdesk;
using namespace pgdesk::ui;
using pgdesk::test::psqlValue;

namespace {

const QString kSchema = QStringLiteral("tst_notebookview");

const QByteArray kNotebook =
    "# Orders\n"
    "\n"
    "Per day since a date.\r\n"
    "\n"
    "```params\n"
    "since = 2026-01-01\n"
    "```\n"
    "\n"
    "````sql Per day\n"
    "select day, sum(total) as total, null::text as note\n"
    "from tst_notebookview.orders where day >= :since::date group by day order by day\n"
    "````\n"
    "~~~chart\n"
    "type: bar\n"
    "x: day\n"
    "y: total\n"
    "~~~\n";

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// The report less its first line (where and when it ran).
QString body(QString report) {
    return report.mid(report.indexOf(u'\n') + 1);
}

} // namespace

class TestNotebookView final : public QObject {
    Q_OBJECT
    std::optional<test::ScratchSchema> m_schema;
    QTemporaryDir m_dir;
    std::shared_ptr<core::Pool> m_pool;

    bool runAll(NotebookView& view) {
        QSignalSpy finished(&view, &NotebookView::runFinished);
        view.runAll();
        return finished.wait(30000);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_schema.emplace(kSchema,
                         QStringLiteral("create table $S.orders (id int primary key, day date, total "
                                        "numeric);"
                                        "insert into $S.orders values (1, '2026-01-02', 10), (2, "
                                        "'2026-01-02', 5.5), (3, '2026-01-03', 7), (4, '2025-12-31', "
                                        "100);"));
        m_pool = core::Pool::create(test::profile());
    }
    void cleanupTestCase() {
        m_pool.reset();
        m_schema.reset();
    }

    void openedRunAndSavedUnchanged() {
        const QString path = m_dir.filePath(QStringLiteral("orders.pgnb.md"));
        QVERIFY(writeFile(path, kNotebook));
        NotebookView view(m_pool);
        view.openFile(path);
        QCOMPARE(view.cellCount(), 5); // text, params, a blank line, sql, chart: as the file has them
        QVERIFY(!view.cellWidget(2)->isVisibleTo(&view)); // a blank line between cells is not a cell to see
        QVERIFY(runAll(view));
        QCOMPARE(view.statusText(), QStringLiteral("All cells ran."));
        NotebookCellWidget* sql = view.cellWidget(3);
        QCOMPARE(sql->resultViews().size(), 1);
        QAbstractItemModel* rows = sql->resultViews().constFirst()->model();
        QAbstractItemModelTester tester(rows, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(rows->rowCount(), 2); // since 2026-01-01
        QCOMPARE(rows->index(0, 1).data().toString(), QStringLiteral("15.5"));
        QCOMPARE(rows->index(0, 2).data().toString(), QStringLiteral("NULL"));
        QVERIFY(rows->index(0, 2).data(Qt::UserRole).toBool()); // NULL, not the text "NULL"
        QVERIFY(sql->statusText().contains(QStringLiteral("2 rows")));
        QVERIFY(view.cellWidget(4)->chartWidget());
        QCOMPARE(view.cellWidget(4)->chartWidget()->data().series.size(), 1);

        if (const QByteArray dir = qgetenv("PGDESK_SCREENSHOT_DIR"); !dir.isEmpty()) {
            view.resize(1000, 900);
            view.show();
            QTest::qWait(300);
            view.grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("notebook.png")));
            view.hide();
        }
        QVERIFY(!view.isModified());
        QVERIFY(view.save());
        QCOMPARE(readAll(path), kNotebook); // untouched: the same bytes, CRLF line included
    }

    // The chart's Options… form: the columns of the result above offered, what is chosen written as the
    // cell's text, the chart drawn from it on the next run, and saved so the CLI reads the same.
    void chartOptions() {
        const QString path = m_dir.filePath(QStringLiteral("options.pgnb.md"));
        QVERIFY(writeFile(path, kNotebook));
        NotebookView view(m_pool);
        view.openFile(path);
        QVERIFY(runAll(view));
        NotebookCellWidget* chart = view.cellWidget(4);
        QStringList offered;
        QTimer::singleShot(0, &view, [&] {
            auto* dialog = qobject_cast<NotebookChartDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto* x = dialog->findChild<QComboBox*>(QStringLiteral("chartX"));
            for (int i = 0; i < x->count(); ++i)
                offered << x->itemText(i);
            auto* type = dialog->findChild<QComboBox*>(QStringLiteral("chartType"));
            type->setCurrentIndex(type->findData(int(core::ChartType::Line)));
            dialog->findChild<QLineEdit*>(QStringLiteral("chartTitle"))->setText(QStringLiteral("Sales"));
            dialog->accept();
        });
        chart->findChild<QToolButton*>(QStringLiteral("notebookChartOptions"))->click();
        QCOMPARE(offered,
                 (QStringList{QStringLiteral("day"), QStringLiteral("total"), QStringLiteral("note")}));
        QCOMPARE(chart->text(), QStringLiteral("type: line\nx: day\ny: total\ntitle: Sales\n"));
        QVERIFY(view.isModified());
        QVERIFY(runAll(view));
        QCOMPARE(chart->chartWidget()->data().series.size(), 1);
        QVERIFY(view.save());
        QVERIFY(readAll(path).contains("~~~chart\ntype: line\nx: day\ny: total\ntitle: Sales\n~~~\n"));
    }

    void aFailingCellStops() {
        NotebookView view(m_pool);
        view.setNotebook(core::parseNotebook(
            QStringLiteral("```sql\nselect 1\n```\n```sql\nselect 1/0\n```\n```sql\nselect 2\n```\n")));
        QVERIFY(runAll(view));
        QVERIFY2(view.statusText().startsWith(QStringLiteral("Stopped at the cell at line 4")),
                 qPrintable(view.statusText()));
        QVERIFY(view.cellWidget(1)->statusText().contains(QStringLiteral("division by zero")));
        QVERIFY(!view.runs().contains(2)); // not run
        QVERIFY(view.cellWidget(2)->statusText().isEmpty());

        // One cell alone, with Ctrl+Enter in its editor.
        QSignalSpy finished(&view, &NotebookView::runFinished);
        QTest::keyClick(view.cellWidget(2)->editor(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(finished.wait(20000));
        QVERIFY(view.runs().value(2).ok());
    }

    void theGuardRefusesAWritingCell() {
        core::ConnectionProfile production = test::profile();
        production.environment = core::Environment::Production;
        NotebookView view(core::Pool::create(production));
        QVERIFY(view.unlockButton()->isGuarded());
        view.setNotebook(core::parseNotebook(
            QStringLiteral("```sql\ndelete from tst_notebookview.orders where id = 4\n```\n")));
        QVERIFY(runAll(view));
        QVERIFY2(view.cellWidget(0)->statusText().contains(QStringLiteral("while writing is locked")),
                 qPrintable(view.cellWidget(0)->statusText()));
        QCOMPARE(psqlValue(QStringLiteral("select count(*) from tst_notebookview.orders")),
                 QStringLiteral("4"));
        view.unlockButton()->setUnlocked(true);
        view.setNotebook(core::parseNotebook(
            QStringLiteral("```sql\ndelete from tst_notebookview.orders where id = 12345\n```\n")));
        QVERIFY(runAll(view));
        QVERIFY2(view.runs().value(0).ok(), qPrintable(view.runs().value(0).error));
    }

    void cellsMovedWithTheirResults() {
        NotebookView view(m_pool);
        view.setNotebook(core::parseNotebook(
            QStringLiteral("```sql\nselect 1 as a\n```\n\n```sql\nselect 2 as b\n```\nend\n")));
        QVERIFY(runAll(view));
        QVERIFY(!view.moveCell(0, true)); // the top already
        QVERIFY(view.moveCell(2, true));  // over the blank line, above the first
        QCOMPARE(core::writeNotebook(view.notebook()),
                 QStringLiteral("```sql\nselect 2 as b\n```\n\n```sql\nselect 1 as a\n```\nend\n"));
        QCOMPARE(view.runs().value(0).sql->statements.constFirst().page.columns.constFirst().name,
                 QStringLiteral("b")); // its result went with it
        QCOMPARE(
            view.cellWidget(0)->resultViews().constFirst()->model()->headerData(0, Qt::Horizontal).toString(),
            QStringLiteral("b"));
        QVERIFY(view.isModified());
        QVERIFY(view.moveCell(2, false));  // below the text cell
        QVERIFY(!view.moveCell(3, false)); // the bottom
        QCOMPARE(core::writeNotebook(view.notebook()),
                 QStringLiteral("```sql\nselect 2 as b\n```\n\nend\n```sql\nselect 1 as a\n```\n"));
    }

    void resultsInTheFileOnlyWhenAsked() {
        const QString path = m_dir.filePath(QStringLiteral("kept.pgnb.md"));
        NotebookView view(m_pool);
        view.setNotebook(core::parseNotebook(QStringLiteral("```sql\nselect 'ok' as answer\n```\n")), path);
        QVERIFY(runAll(view));
        QVERIFY(view.save());
        QVERIFY(!readAll(path).contains("pgnb-result"));
        view.setKeepResults(true);
        QVERIFY(view.save());
        const core::Notebook back = core::parseNotebook(QString::fromUtf8(readAll(path)));
        QCOMPARE(back.cells.size(), 1);
        QVERIFY(back.cells[0].savedResult.contains(QStringLiteral("| answer |\n| --- |\n| ok |")));
    }

    void writtenHereRunsTheSameFromTheCli() {
        const QString path = m_dir.filePath(QStringLiteral("edited.pgnb.md"));
        QVERIFY(writeFile(path, kNotebook));
        NotebookView view(m_pool);
        view.openFile(path);
        // Edited here: the SQL cell counts orders as well, a parameter cell and a text cell added.
        view.cellWidget(3)->editor()->setPlainText(QStringLiteral(
            "select day, sum(total) as total, count(*) as orders\nfrom tst_notebookview.orders "
            "where day >= :since::date group by day order by day"));
        QVERIFY(view.isModified());
        const int params = view.addCell(core::NotebookCellKind::Parameters);
        QCOMPARE(params, 0 + view.cellCount() - 1); // none current: at the end
        view.cellWidget(params)->editor()->setPlainText(QStringLiteral("unused = 1"));
        view.removeCell(params);
        QCOMPARE(view.cellCount(), 5);
        QVERIFY(runAll(view));
        QVERIFY(view.save());

        const QString windowReport = m_dir.filePath(QStringLiteral("window.md"));
        QVERIFY(view.exportReport(windowReport));
        const QString cliReport = m_dir.filePath(QStringLiteral("cli.md"));
        const test::CliRun r =
            test::runCli({QStringLiteral("--dsn"), test::conninfo(), QStringLiteral("notebook"),
                          QStringLiteral("run"), path, QStringLiteral("-o"), cliReport});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString fromWindow = QString::fromUtf8(readAll(windowReport));
        QVERIFY(fromWindow.contains(
            QStringLiteral("| day | total | orders |\n| --- | --- | --- |\n| 2026-01-02 | 15.5 | 2 |")));
        // The same but for where the chart files are named after the report.
        const QString fromCli = body(QString::fromUtf8(readAll(cliReport)))
                                    .replace(QStringLiteral("cli-chart"), QStringLiteral("window-chart"));
        QVERIFY2(fromCli == body(fromWindow), qPrintable(test::firstDifference(fromCli, body(fromWindow))));
        QCOMPARE(readAll(m_dir.filePath(QStringLiteral("cli-chart1.svg"))).isEmpty(), false);
    }
};

PGDESK_UI_TEST_MAIN(TestNotebookView)
#include "tst_notebookview.moc"
