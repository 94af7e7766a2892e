// SPDX-License-Identifier: GPL-3.0-or-later
// Notebooks as plain files: parsed and written back byte for byte (fences of any length, foreign code
// blocks, CRLF, a fence left open, saved results kept only when asked); parameter and chart cells read
// strictly; run on the real server cell by cell (parameters bound, a chart of the rows above, the first
// failing cell stopping the run with its error, the production guard refusing a writing cell); reports as
// Markdown and as an HTML page in which nothing from the notebook can run.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/notebook/notebookreport.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/writeguard.h>
#include <pgdesk/core/session/writeunlock.h>

#include <QCoreApplication>
#include <QTest>

using namespace pgdesk::core;
using pgdesk::test::psql;

namespace {

using Kind = NotebookCellKind;

const QString kNotebook = QStringLiteral(
    "# Orders of the day\n"
    "\n"
    "Which customers ordered since `:since`?\n"
    "\n"
    "```params\n"
    "since = 2026-01-01\n"
    "# a comment\n"
    "note = 'it''s'\n"
    "nothing = NULL\n"
    "```\n"
    "\n"
    "```python\n"
    "print(\"not a cell\")\n"
    "```sql\n"
    "```\n"
    "\n"
    "````sql Per day\n"
    "select day, sum(total) as total from $S.orders where day >= :since::date group by day order by day\n"
    "````\n"
    "~~~chart\n"
    "type: line\n"
    "x: day\n"
    "y: total\n"
    "title: Per day\n"
    "~~~\n"
    "Closing words.\n");

} // namespace

class TestNotebook final : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch;
    Connection m_c;
    QString m_schema;

    Notebook notebook(const QString& text) const {
        return parseNotebook(QString(text).replace(QStringLiteral("$S"), m_schema));
    }

private slots:
    void initTestCase() {
        m_schema = QStringLiteral("nb_%1").arg(QCoreApplication::applicationPid());
        m_scratch.emplace(
            m_schema, QStringLiteral("create table $S.orders (id int primary key, day date, total numeric, "
                                     "customer text);"
                                     "insert into $S.orders values (1, '2026-01-02', 10, 'Ann'), "
                                     "(2, '2026-01-02', 5.5, 'ناصر'), (3, '2026-01-03', 7, null), "
                                     "(4, '2025-12-31', 100, 'old|pipe');"));
        m_c = Connection::open(pgdesk::test::profile());
    }

    void parsedIntoCells() {
        const Notebook nb = parseNotebook(kNotebook);
        QCOMPARE(nb.cells.size(), 6);
        QCOMPARE(nb.cells[0].kind, Kind::Markdown);
        QCOMPARE(nb.cells[1].kind, Kind::Parameters);
        QCOMPARE(nb.cells[1].line, 5);
        QCOMPARE(nb.cells[2].kind, Kind::Markdown); // the python block and what surrounds it
        QVERIFY(nb.cells[2].text.contains(QStringLiteral("```sql\n```\n")));
        QCOMPARE(nb.cells[3].kind, Kind::Sql);
        QCOMPARE(nb.cells[3].title, QStringLiteral("Per day"));
        QCOMPARE(nb.cells[3].fence, QStringLiteral("````"));
        QVERIFY(nb.cells[3].text.endsWith(QStringLiteral("order by day\n")));
        // A shorter fence inside a longer one is the cell's text.
        const Notebook inner = parseNotebook(QStringLiteral("````sql\nselect $$\n```\n$$\n````\n"));
        QCOMPARE(inner.cells.size(), 1);
        QCOMPARE(inner.cells[0].text, QStringLiteral("select $$\n```\n$$\n"));
        QCOMPARE(nb.cells[4].kind, Kind::Chart);
        QCOMPARE(nb.cells[5].text, QStringLiteral("Closing words.\n"));
    }

    void writtenBackUnchanged_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("the example") << kNotebook;
        QTest::newRow("crlf") << QString(kNotebook).replace(QStringLiteral("\n"), QStringLiteral("\r\n"));
        QTest::newRow("no final newline") << QStringLiteral("text\n```sql\nselect 1\n```");
        QTest::newRow("indented fence") << QStringLiteral("   ```sql\nselect 1\n   ```\n");
        QTest::newRow("empty") << QString();
        QTest::newRow("only markdown") << QStringLiteral("# Title\n\nNothing to run.\n");
        QTest::newRow("adjacent cells") << QStringLiteral("```sql\nselect 1\n```\n```sql\nselect 2\n```\n");
    }
    void writtenBackUnchanged() {
        QFETCH(QString, text);
        QCOMPARE(writeNotebook(parseNotebook(text)), text);
    }

    void aFenceLeftOpenIsClosed() {
        const Notebook nb = parseNotebook(QStringLiteral("intro\n```sql\nselect 1;\nselect 2\n"));
        QCOMPARE(nb.cells.size(), 2);
        QCOMPARE(nb.cells[1].text, QStringLiteral("select 1;\nselect 2\n"));
        QCOMPARE(writeNotebook(nb), QStringLiteral("intro\n```sql\nselect 1;\nselect 2\n```\n"));
    }

    // Found by fuzz_notebook on a fresh machine: a file that ends on its opening fence line (no body, no
    // line break) was written with the closing fence on that line, which read back as more of the opening.
    void aFileEndingOnItsOpeningFence() {
        const QString text = QStringLiteral("intro\n~~~chart title ~ ;");
        const QString once = writeNotebook(parseNotebook(text));
        QCOMPARE(once, QStringLiteral("intro\n~~~chart title ~ ;\n~~~\n"));
        QCOMPARE(writeNotebook(parseNotebook(once)), once);
        QCOMPARE(parseNotebook(once).cells.size(), 2);
    }

    void resultsWrittenOnlyWhenAsked() {
        Notebook nb = parseNotebook(QStringLiteral("```sql\nselect 1\n```\n\nAfter.\n"));
        nb.cells[0].savedResult = QStringLiteral("| a |\n| --- |\n| 1 |\n");
        const QString without = writeNotebook(nb);
        QVERIFY(!without.contains(QStringLiteral("pgnb-result")));
        const QString with = writeNotebook(nb, true);
        QCOMPARE(with, QStringLiteral(
                           "```sql\nselect 1\n```\n```pgnb-result\n| a |\n| --- |\n| 1 |\n```\n\nAfter.\n"));
        const Notebook back = parseNotebook(with);
        QCOMPARE(back.cells.size(), 2);
        QCOMPARE(back.cells[0].savedResult, nb.cells[0].savedResult);
        QCOMPARE(writeNotebook(back), without); // the result stripped again

        // A new cell whose body holds our fence is fenced longer, so it reads back the same.
        Notebook made;
        NotebookCell cell;
        cell.kind = Kind::Sql;
        cell.text = QStringLiteral("select $$\n```\n$$");
        made.cells << cell;
        const QString text = writeNotebook(made);
        QCOMPARE(text, QStringLiteral("````sql\nselect $$\n```\n$$\n````\n"));
        QCOMPARE(parseNotebook(text).cells.constFirst().text, cell.text + u'\n');
    }

    void parametersAndCharts() {
        NotebookCell p;
        p.kind = Kind::Parameters;
        p.text =
            QStringLiteral("a = 1\n  b=  two words \nc = NULL\nd = 'NULL'\ne = ''\n-- note\nf = \"q\"\n");
        const QMap<QString, Param> v = notebookParameters(p);
        QCOMPARE(v.value(QStringLiteral("a")), Param(QByteArray("1")));
        QCOMPARE(v.value(QStringLiteral("b")), Param(QByteArray("two words")));
        QVERIFY(v.contains(QStringLiteral("c")) && !v.value(QStringLiteral("c")));
        QCOMPARE(v.value(QStringLiteral("d")), Param(QByteArray("NULL")));
        QCOMPARE(v.value(QStringLiteral("e")), Param(QByteArray("")));
        QCOMPARE(v.value(QStringLiteral("f")), Param(QByteArray("q")));
        for (const char* bad : {"no equals", "1a = 2", "a b = 1", " = 3"}) {
            p.text = QString::fromUtf8(bad);
            QVERIFY_THROWS_EXCEPTION(ConfigurationError, notebookParameters(p));
        }
        NotebookCell c;
        c.kind = Kind::Chart;
        c.text = QStringLiteral("type: Pie\nx: day\ny: a, b\ngroup: g\n");
        const NotebookChart chart = notebookChart(c);
        QCOMPARE(chart.type, ChartType::Pie);
        QCOMPARE(chart.y, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(chart.group, QStringLiteral("g"));
        for (const char* bad : {"x: a", "y: b", "type: donut\nx: a\ny: b", "colour: red\nx: a\ny: b"}) {
            c.text = QString::fromUtf8(bad);
            QVERIFY_THROWS_EXCEPTION(ConfigurationError, notebookChart(c));
        }
        // Written by the chart options and read back the same; a line break in a value stays on its line.
        NotebookChart written{ChartType::Area,
                              QStringLiteral("day"),
                              {QStringLiteral("total"), QStringLiteral("n")},
                              {},
                              QStringLiteral("Sales\nper day ▸ فروش")};
        c.text = notebookChartText(written);
        QCOMPARE(c.text, QStringLiteral("type: area\nx: day\ny: total, n\ntitle: Sales per day ▸ فروش\n"));
        const NotebookChart read = notebookChart(c);
        QCOMPARE(read.type, ChartType::Area);
        QCOMPARE(read.x, written.x);
        QCOMPARE(read.y, written.y);
        QCOMPARE(read.group, QString());
        QCOMPARE(read.title, QStringLiteral("Sales per day ▸ فروش"));
    }

    void runAllOnTheServer() {
        const Notebook nb = notebook(kNotebook);
        NotebookRunner runner(m_c);
        const QList<NotebookCellRun> runs = runner.runAll(nb);
        for (const NotebookCellRun& r : runs)
            QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(runs.size(), 3); // params, sql, chart: markdown does nothing
        const StatementResult& rows = runs[1].sql->statements.constFirst();
        QCOMPARE(rows.page.rows.size(), 2); // since 2026-01-01: the old order left out
        QCOMPARE(*rows.page.rows[0][1], QStringLiteral("15.5"));
        QVERIFY(runs[2].chart);
        QCOMPARE(runs[2].chartType, ChartType::Line);
        QCOMPARE(runs[2].chart->series.size(), 1);
        QCOMPARE(runs[2].chart->series[0].points.size(), 2);

        // --param wins over the cells; a later parameter cell over an earlier one.
        NotebookRunOptions options;
        options.parameters.insert(QStringLiteral("since"), QByteArray("2025-01-01"));
        QCOMPARE(runner.runAll(nb, options)[1].sql->statements.constFirst().page.rows.size(), 3);
        const Notebook later = notebook(QStringLiteral("```params\nx = 1\n```\n```params\nx = 2\n```\n"
                                                       "```sql\nselect :x::int as x\n```\n"));
        QCOMPARE(*runner.runAll(later).last().sql->statements.constFirst().page.rows[0][0],
                 QStringLiteral("2"));
    }

    void aFailingCellStopsTheRun() {
        const Notebook nb =
            notebook(QStringLiteral("```sql\nselect 1\n```\n```sql\nselect 1/0\n```\n"
                                    "```sql\ninsert into $S.orders values (9, null, 1, 'x')\n```\n"));
        NotebookRunner runner(m_c);
        const QList<NotebookCellRun> runs = runner.runAll(nb);
        QCOMPARE(runs.size(), 2);
        QVERIFY(!runs[1].ok());
        QVERIFY2(runs[1].error.contains(QStringLiteral("division by zero")), qPrintable(runs[1].error));
        QCOMPARE(runs[1].errorInfo->sqlState, QStringLiteral("22012"));
        QCOMPARE(psql(QStringLiteral("select count(*) from %1.orders").arg(m_schema)), QStringLiteral("4"));

        // A parameter missing, a chart without rows above: said in their cell.
        const Notebook missing = notebook(QStringLiteral("```sql\nselect :nope\n```\n"));
        QVERIFY(runner.runAll(missing).constFirst().error.contains(QStringLiteral(":nope")));
        const Notebook lonely = notebook(QStringLiteral("```chart\nx: a\ny: b\n```\n"));
        QVERIFY(!runner.runAll(lonely).constFirst().ok());
        const Notebook wrongColumn =
            notebook(QStringLiteral("```sql\nselect 1 as a, 2 as b\n```\n```chart\nx: a\ny: c\n```\n"));
        QVERIFY(runner.runAll(wrongColumn).last().error.contains(QStringLiteral("\"c\"")));
    }

    void theGuardRefusesAWritingCell() {
        ConnectionProfile production = pgdesk::test::profile();
        production.environment = Environment::Production;
        Connection guarded = Connection::open(production);
        const Notebook nb = notebook(QStringLiteral("```sql\nselect count(*) from $S.orders\n```\n"
                                                    "```sql\ndelete from $S.orders where id = 1\n```\n"));
        NotebookRunner runner(guarded);
        QList<NotebookCellRun> runs = runner.runAll(nb);
        QCOMPARE(runs.size(), 2);
        QVERIFY(runs[0].ok()); // reading is fine
        QVERIFY(!runs[1].ok());
        QVERIFY2(runs[1].errorInfo->field == QLatin1String(kWriteGuardField), qPrintable(runs[1].error));
        QCOMPARE(psql(QStringLiteral("select count(*) from %1.orders").arg(m_schema)), QStringLiteral("4"));
        // Unlocked, the same cell writes (rolled back here by deleting nothing that exists).
        const Notebook harmless =
            notebook(QStringLiteral("```sql\ndelete from $S.orders where id = 12345\n```\n"));
        NotebookRunOptions options;
        options.write = WriteUnlock::create();
        runs = runner.runAll(harmless, options);
        QVERIFY2(runs.constFirst().ok(), qPrintable(runs.constFirst().error));
    }

    void reports() {
        const Notebook nb = notebook(
            kNotebook + QStringLiteral("<script>alert(1)</script>\n\n[x](javascript:alert(2))\n\n"
                                       "```sql\nselect customer, null::text as n from $S.orders order by id\n"
                                       "```\n```sql\nselect 1/0\n```\n```sql\nselect 2\n```\n"));
        NotebookRunner runner(m_c);
        const QList<NotebookCellRun> runs = runner.runAll(nb);
        NotebookReportOptions options;
        options.profile = QStringLiteral("local");
        options.ranAt = QStringLiteral("2026-11-29T10:00:00Z");
        options.chartPrefix = QStringLiteral("report");
        options.drawSvg = [](const ChartData& data, ChartType) {
            return ("<svg>" + data.title + "</svg>").toUtf8();
        };
        const NotebookReport md = notebookReport(nb, runs, options);
        QVERIFY(md.text.startsWith(QStringLiteral("*Ran on local at 2026-11-29T10:00:00Z.*")));
        QVERIFY(md.text.contains(QStringLiteral("| day | total |\n| --- | --- |\n| 2026-01-02 | 15.5 |")));
        QVERIFY(md.text.contains(QStringLiteral("| old\\|pipe | *NULL* |"))); // the pipe escaped, NULL told
        QVERIFY(md.text.contains(QStringLiteral("| ناصر | *NULL* |")));
        QVERIFY(md.text.contains(QStringLiteral("![Per day](report-chart1.svg)")));
        QCOMPARE(md.files.size(), 1);
        QCOMPARE(md.files[0].name, QStringLiteral("report-chart1.svg"));
        QVERIFY(md.text.contains(QStringLiteral("division by zero")));
        QVERIFY(md.text.contains(QStringLiteral("The run stopped here.")));
        QVERIFY(md.text.trimmed().endsWith(QStringLiteral("```sql\nselect 2\n```"))); // shown, not run

        options.format = NotebookReportFormat::Html;
        const NotebookReport html = notebookReport(nb, runs, options);
        QVERIFY(html.files.isEmpty());
        QVERIFY(html.text.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.text.contains(QStringLiteral("Content-Security-Policy")));
        QVERIFY(html.text.contains(QStringLiteral("<title>Orders of the day</title>")));
        QVERIFY(html.text.contains(QStringLiteral("<h1>Orders of the day</h1>")));
        QVERIFY(!html.text.contains(QStringLiteral("<script>"))); // shown as text
        QVERIFY(html.text.contains(QStringLiteral("&lt;script&gt;")));
        QVERIFY(html.text.contains(QStringLiteral("<td>old|pipe</td><td class=\"null\">NULL</td>")));
        QVERIFY(html.text.contains(QStringLiteral("src=\"data:image/svg+xml;base64,")));
        QVERIFY(html.text.contains(QStringLiteral("select 1/0")));
    }
};

QTEST_GUILESS_MAIN(TestNotebook)
#include "tst_notebook.moc"
