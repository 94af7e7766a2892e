// SPDX-License-Identifier: GPL-3.0-or-later
// pgdesk-cli chart: a table's view aggregated on the server (its filters applied) drawn as SVG or PNG; the
// summary's point count equals the groups a hand-written GROUP BY gives; a query works as a source; what
// cannot be charted exits with the right code and no file.
#include "clirunner.h"

#include <QFile>
#include <QTemporaryDir>
#include <QXmlStreamReader>

using namespace pgdesk::test;

class TestCliChart final : public QObject {
    Q_OBJECT
    const QString m_table = QStringLiteral("public.cli_chart_%1").arg(QCoreApplication::applicationPid());
    QTemporaryDir m_dir;

    CliRun chart(const QStringList& args) {
        return runCli(QStringList{QStringLiteral("--dsn"), conninfo(), QStringLiteral("--format"),
                                  QStringLiteral("json"), QStringLiteral("chart")} +
                      args);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        psql(QStringLiteral(
                 "create table %1 (id int primary key, day date, amount numeric(12,2), region text); "
                 "insert into %1 select i, date '2024-01-01' + i, i * 2.5, (array['n','s','e'])[1 + i % 3] "
                 "from generate_series(1, 400) i")
                 .arg(m_table));
    }
    void cleanupTestCase() { psql(QStringLiteral("drop table %1").arg(m_table)); }

    void svgOfAFilteredView() {
        const QString svg = m_dir.filePath(QStringLiteral("sales.svg"));
        const auto r = chart({m_table, QStringLiteral("--x"), QStringLiteral("day"), QStringLiteral("--y"),
                              QStringLiteral("amount"), QStringLiteral("--bucket"), QStringLiteral("month"),
                              QStringLiteral("--type"), QStringLiteral("line"), QStringLiteral("--filter"),
                              QStringLiteral("region not_equal n"), QStringLiteral("-o"), svg});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = parseObject(r);
        QCOMPARE(
            o[QStringLiteral("points")].toInt(),
            psql(QStringLiteral("select count(distinct date_trunc('month', day)) from %1 where region <> 'n'")
                     .arg(m_table))
                .trimmed()
                .toInt());
        QVERIFY(o[QStringLiteral("sql")].toString().contains(QStringLiteral("GROUP BY")));
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&f);
        int paths = 0;
        while (!xml.atEnd())
            paths += xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("path");
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(paths > 0);
    }

    void pngGroupsAndQueries() {
        const QString png = m_dir.filePath(QStringLiteral("regions.png"));
        auto r = chart({m_table, QStringLiteral("--x"), QStringLiteral("region"), QStringLiteral("--y"),
                        QStringLiteral("amount,*"), QStringLiteral("--type"), QStringLiteral("bar"),
                        QStringLiteral("--size"), QStringLiteral("640x400"), QStringLiteral("-o"), png});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(parseObject(r)[QStringLiteral("series")].toInt(), 2); // sum(amount) and the row count
        QFile f(png);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(4) == "\x89PNG");

        const QString q = m_dir.filePath(QStringLiteral("q.svg"));
        r = chart({QStringLiteral("--query"),
                   QStringLiteral("select region, amount, day from %1 where id <= 90").arg(m_table),
                   QStringLiteral("--x"), QStringLiteral("day"), QStringLiteral("--y"),
                   QStringLiteral("amount"), QStringLiteral("--group"), QStringLiteral("region"),
                   QStringLiteral("--bucket"), QStringLiteral("week"), QStringLiteral("-o"), q});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(parseObject(r)[QStringLiteral("series")].toInt(), 3);
    }

    // --sample: the statement samples the table's pages and scales the counts; a view or a query cannot be
    // sampled, a percentage outside (0, 100] is refused.
    void sampledEstimate() {
        const QString svg = m_dir.filePath(QStringLiteral("sampled.svg"));
        auto r = chart({m_table, QStringLiteral("--x"), QStringLiteral("region"), QStringLiteral("--y"),
                        QStringLiteral("*"), QStringLiteral("--sample"), QStringLiteral("100"),
                        QStringLiteral("-o"), svg});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString sql = parseObject(r)[QStringLiteral("sql")].toString();
        QVERIFY2(sql.contains(QStringLiteral("TABLESAMPLE SYSTEM")), qPrintable(sql));
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("estimated from 100 % of the table"));
        for (const char* bad : {"0", "101", "x"}) {
            r = chart({m_table, QStringLiteral("--x"), QStringLiteral("region"), QStringLiteral("--y"),
                       QStringLiteral("*"), QStringLiteral("--sample"), QLatin1String(bad),
                       QStringLiteral("-o"), svg});
            QCOMPARE(r.exitCode, 2);
        }
        r = chart({QStringLiteral("--query"), QStringLiteral("select region from %1").arg(m_table),
                   QStringLiteral("--x"), QStringLiteral("region"), QStringLiteral("--y"),
                   QStringLiteral("*"), QStringLiteral("--sample"), QStringLiteral("5"), QStringLiteral("-o"),
                   svg});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("sampled")), qPrintable(r.err));
    }

    void refusals() {
        const QString out = m_dir.filePath(QStringLiteral("no.svg"));
        auto r = chart({m_table, QStringLiteral("--x"), QStringLiteral("nope"), QStringLiteral("--y"),
                        QStringLiteral("amount"), QStringLiteral("-o"), out});
        QCOMPARE(r.exitCode, 6);
        r = chart({m_table, QStringLiteral("--x"), QStringLiteral("region"), QStringLiteral("--y"),
                   QStringLiteral("amount"), QStringLiteral("--bucket"), QStringLiteral("month"),
                   QStringLiteral("-o"), out});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("date or timestamp")), qPrintable(r.err));
        r = chart({m_table, QStringLiteral("--x"), QStringLiteral("day"), QStringLiteral("--y"),
                   QStringLiteral("amount"), QStringLiteral("-o"), m_dir.filePath(QStringLiteral("x.pdf"))});
        QCOMPARE(r.exitCode, 2);
        r = chart({QStringLiteral("--query"), QStringLiteral("delete from %1").arg(m_table),
                   QStringLiteral("--x"), QStringLiteral("day"), QStringLiteral("--y"),
                   QStringLiteral("amount"), QStringLiteral("-o"), out});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!QFile::exists(out));
        QCOMPARE(psql(QStringLiteral("select count(*) from %1").arg(m_table)).trimmed(),
                 QStringLiteral("400"));
    }
};

QTEST_GUILESS_MAIN(TestCliChart)
#include "tst_cli_chart.moc"
