// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli notebook run: a .pgnb.md notebook's cells run in order with its parameters (--param winning),
// its report written as Markdown (charts as SVG files beside it), as one HTML page, or to standard output;
// the first failing cell stops the run with its exit code and the report still says what happened; the
// production guard refuses a writing cell without --allow-write.
#include "clirunner.h"
#include "filesearch.h"
#include "scratchschema.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <optional>

using namespace pgdesk::test;

namespace {

const QString kSchema = QStringLiteral("tst_cli_notebook");

const QByteArray kNotebook = "# Daily orders\n"
                             "\n"
                             "```params\n"
                             "since = 2026-01-01\n"
                             "```\n"
                             "\n"
                             "```sql Per day\n"
                             "select day, sum(total) as total from tst_cli_notebook.orders\n"
                             "where day >= :since::date group by day order by day\n"
                             "```\n"
                             "\n"
                             "```chart\n"
                             "type: bar\n"
                             "x: day\n"
                             "y: total\n"
                             "title: Orders per day\n"
                             "```\n";

QString readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TestCliNotebook final : public QObject {
    Q_OBJECT
    std::optional<ScratchSchema> m_schema;
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& content) {
        return pgdesk::test::writeFile(m_dir.filePath(name), content);
    }
    CliRun run(const QStringList& args) {
        return runCli(QStringList{QStringLiteral("--dsn"), conninfo(), QStringLiteral("notebook"),
                                  QStringLiteral("run")} +
                      args);
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
        const CliRun r = addProductionProfile(QStringLiteral("nbprod"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    void cleanupTestCase() { m_schema.reset(); }

    void markdownReportWithItsCharts() {
        const QString notebook = write(QStringLiteral("daily.pgnb.md"), kNotebook);
        const QString report = m_dir.filePath(QStringLiteral("out/daily.md"));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("out"))));
        const CliRun r = run({notebook, QStringLiteral("-o"), report});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString md = readAll(report);
        QVERIFY2(md.contains(QStringLiteral(
                     "| day | total |\n| --- | --- |\n| 2026-01-02 | 15.5 |\n| 2026-01-03 | 7 |")),
                 qPrintable(md));
        QVERIFY(md.contains(QStringLiteral("![Orders per day](daily-chart1.svg)")));
        QFile svg(m_dir.filePath(QStringLiteral("out/daily-chart1.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&svg);
        int paths = 0;
        while (!xml.atEnd())
            paths += xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("path");
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(paths > 0);

        // --param wins over the params cell; without -o the Markdown goes to standard output.
        const CliRun out = run({notebook, QStringLiteral("--param"), QStringLiteral("since=2025-01-01")});
        QVERIFY2(out.exitCode == 0, qPrintable(out.err));
        QVERIFY(out.out.contains(QStringLiteral("| 2025-12-31 | 100 |")));
        QVERIFY(out.out.contains(QStringLiteral("Orders per day: not drawn here.")));
    }

    void htmlReportOnePage() {
        const QString notebook =
            write(QStringLiteral("page.pgnb.md"), kNotebook + "\n<script>alert(1)</script>\n");
        const QString report = m_dir.filePath(QStringLiteral("page.html"));
        const CliRun r = run({notebook, QStringLiteral("-o"), report});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString html = readAll(report);
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.contains(QStringLiteral("<title>Daily orders</title>")));
        QVERIFY(html.contains(QStringLiteral("default-src 'none'")));
        QVERIFY(html.contains(QStringLiteral("<td>2026-01-02</td><td>15.5</td>")));
        QVERIFY(html.contains(QStringLiteral("src=\"data:image/svg+xml;base64,")));
        QVERIFY(!html.contains(QStringLiteral("<script>")));
        QVERIFY(
            !QFile::exists(m_dir.filePath(QStringLiteral("page-chart1.svg")))); // inline, no file beside it
    }

    void aFailingCellStopsWithItsCode() {
        const QString notebook =
            write(QStringLiteral("fails.pgnb.md"), "```sql\nselect 1 as one\n```\n\n```sql\nselect 1/0\n```\n"
                                                   "```sql\nselect 2\n```\n");
        const QString report = m_dir.filePath(QStringLiteral("fails.md"));
        const CliRun r = runCli({QStringLiteral("--dsn"), conninfo(), QStringLiteral("--format"),
                                 QStringLiteral("json"), QStringLiteral("notebook"), QStringLiteral("run"),
                                 notebook, QStringLiteral("-o"), report});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("the cell at line 5")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("division by zero")));
        const QJsonArray cells = parseObject(r)[QStringLiteral("cells")].toArray();
        QCOMPARE(cells.size(), 2);
        QCOMPARE(cells[0].toObject()[QStringLiteral("ok")].toBool(), true);
        QCOMPARE(cells[1].toObject()[QStringLiteral("ok")].toBool(), false);
        QVERIFY(readAll(report).contains(QStringLiteral("The run stopped here.")));
    }

    void theGuardPerCell() {
        const QString notebook = write(QStringLiteral("write.pgnb.md"),
                                       "```sql\nselect count(*) from tst_cli_notebook.orders\n```\n"
                                       "```sql\ndelete from tst_cli_notebook.orders where id = 4\n```\n");
        const QStringList args{QStringLiteral("--profile"), QStringLiteral("nbprod"),
                               QStringLiteral("notebook"), QStringLiteral("run"), notebook};
        CliRun r = runCli(args);
        QCOMPARE(r.exitCode, 9);
        QCOMPARE(psqlValue(QStringLiteral("select count(*) from tst_cli_notebook.orders")),
                 QStringLiteral("4"));
        r = runCli(args + QStringList{QStringLiteral("--allow-write")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(psqlValue(QStringLiteral("select count(*) from tst_cli_notebook.orders")),
                 QStringLiteral("3"));
    }

    void usage() {
        QCOMPARE(runCli({QStringLiteral("notebook")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("notebook"), QStringLiteral("run")}).exitCode, 2);
        const QString notebook = write(QStringLiteral("u.pgnb.md"), "```sql\nselect 1\n```\n");
        QCOMPARE(run({notebook, QStringLiteral("-o"), m_dir.filePath(QStringLiteral("r.txt"))}).exitCode, 2);
        QCOMPARE(run({notebook, QStringLiteral("--param"), QStringLiteral("novalue")}).exitCode, 2);
        QCOMPARE(run({m_dir.filePath(QStringLiteral("missing.pgnb.md"))}).exitCode, 6);
    }
};

QTEST_GUILESS_MAIN(TestCliNotebook)
#include "tst_cli_notebook.moc"
