// SPDX-License-Identifier: GPL-3.0-or-later
// Charts (offscreen, real server): a table view's chart is aggregated on the server with the view's filters
// (its series equal a hand-written GROUP BY), every chart type draws, groups make series, PNG and SVG are
// saved, a query result's chart draws the rows the grid fetched and says so; the window opens both.
#include "imageink.h"
#include "scratchschema.h"
#include "testcluster.h"
#include "uitestmain.h"

#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/browse/browsefeature.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/shell/mainwindow.h>
#include <pgdesk/ui/visual/chartview.h>
#include <pgdesk/ui/visual/visualfeature.h>

#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace pgdesk::ui;

class TestChartView final : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch;
    std::shared_ptr<pgdesk::core::Pool> m_pool;
    const QString m_schema = QStringLiteral("chart_ui_%1").arg(QCoreApplication::applicationPid());
    QTemporaryDir m_dir;

    pgdesk::core::TableInfo table() {
        auto c = pgdesk::core::Connection::open(pgdesk::test::profile());
        return pgdesk::core::CatalogReader(c).table(m_schema, QStringLiteral("sales"));
    }
    static bool waitFor(ChartView& v) {
        QSignalSpy updated(&v, &ChartView::chartUpdated);
        return QTest::qWaitFor([&] { return !v.isLoading() && !updated.isEmpty(); }, 15000);
    }
    static int inked(const QImage& image) { return pgdesk::test::inkedPixels(image, QPoint(1, 1)); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_pool = pgdesk::core::Pool::create(pgdesk::test::profile());
        m_scratch.emplace(
            m_schema,
            QStringLiteral("create table $S.sales (id int primary key, day date, amount numeric(12,2), "
                           "region text);"
                           "insert into $S.sales select i, date '2024-01-01' + i, i * 1.5, "
                           "(array['north','south','east'])[1 + i % 3] from generate_series(1, 300) i;"));
    }

    void tableViewAggregatedOnTheServer() {
        pgdesk::core::QuerySpec view;
        view.filter.conditions << pgdesk::core::Condition{
            QStringLiteral("region"), pgdesk::core::FilterOp::NotEqual, {QStringLiteral("north")}, {}};
        ChartView v(m_pool, table(), view);
        v.resize(900, 500);
        v.show();
        QVERIFY(waitFor(v));
        QVERIFY2(v.lastSql().contains(QStringLiteral("GROUP BY")), qPrintable(v.lastSql()));
        // Defaults: the date by month, the sum of the amount, a line.
        QCOMPARE(v.type(), pgdesk::core::ChartType::Line);
        QCOMPARE(v.data().series.size(), 1);
        const QString expected =
            pgdesk::test::psql(QStringLiteral("select string_agg(s::text, ',' order by m) from (select "
                                              "date_trunc('month', day) m, sum(amount) s "
                                              "from %1.sales where region <> 'north' group by 1) x")
                                   .arg(m_schema));
        QStringList got;
        for (const auto& p : v.data().series.first().points)
            got << p.yText;
        QCOMPARE(got.join(QLatin1Char(',')), expected);

        v.setGroup(QStringLiteral("region"));
        QVERIFY(waitFor(v));
        QCOMPARE(v.data().series.size(), 2); // south and east
        for (const auto type :
             {pgdesk::core::ChartType::Bar, pgdesk::core::ChartType::Area, pgdesk::core::ChartType::Scatter,
              pgdesk::core::ChartType::Pie, pgdesk::core::ChartType::Line}) {
            v.setType(type);
            QVERIFY(waitFor(v));
            QVERIFY2(inked(v.canvas()->grab().toImage()) > 500, qPrintable(QString::number(int(type))));
        }
        QString error;
        const QString png = m_dir.filePath(QStringLiteral("c.png"));
        QVERIFY2(v.saveImage(png, &error), qPrintable(error));
        QVERIFY(!QImage(png).isNull());
        const QString svg = m_dir.filePath(QStringLiteral("c.svg"));
        QVERIFY2(v.saveImage(svg, &error), qPrintable(error));
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&f);
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    }

    // A table the planner thinks huge is drawn twice: an estimate from a sample of its pages (said on the
    // chart), then the exact chart, which replaces it.
    void hugeTableEstimateFirstThenExact() {
        pgdesk::core::TableInfo t = table();
        t.estimatedRows = 1e9; // as if a billion rows: 0.02 % of the pages first
        ChartView v(m_pool, t, {});
        QStringList subtitles;
        QList<bool> estimates;
        connect(&v, &ChartView::chartUpdated, this, [&] {
            subtitles << v.data().subtitle;
            estimates << v.isEstimate();
        });
        v.resize(900, 500);
        v.show();
        QVERIFY(QTest::qWaitFor([&] { return !v.isLoading() && !estimates.isEmpty() && !estimates.last(); },
                                15000));
        QVERIFY2(estimates.size() >= 2 && estimates.contains(true),
                 qPrintable(subtitles.join(QLatin1Char('|'))));
        const qsizetype first = estimates.indexOf(true);
        QVERIFY2(subtitles[first].contains(QStringLiteral("estimated from")), qPrintable(subtitles[first]));
        QVERIFY(!v.data().subtitle.contains(QStringLiteral("estimated")));
        QVERIFY(!v.lastSql().contains(QStringLiteral("TABLESAMPLE")));
        QStringList got;
        for (const auto& p : v.data().series.first().points)
            got << p.yText;
        QCOMPARE(got.join(QLatin1Char(',')),
                 pgdesk::test::psql(QStringLiteral("select string_agg(s::text, ',' order by m) from (select "
                                                   "date_trunc('month', day) m, sum(amount) s from %1.sales "
                                                   "group by 1) x")
                                        .arg(m_schema)));
    }

    void resultRowsAsFetched() {
        QList<pgdesk::core::ChartColumn> columns{{QStringLiteral("name"), QStringLiteral("text")},
                                                 {QStringLiteral("n"), QStringLiteral("int4")}};
        QList<QStringList> rows{{"a", "3"}, {"b", "5"}, {"c", QString()}};
        ChartView v(columns, rows, QStringLiteral("the first 3 rows of the result"));
        v.resize(700, 400);
        v.show();
        QCOMPARE(v.data().subtitle, QStringLiteral("the first 3 rows of the result"));
        QCOMPARE(v.data().categories, (QStringList{"a", "b", "c"}));
        QCOMPARE(v.type(), pgdesk::core::ChartType::Bar);
    }

    void theWindowChartsTheTableInFront() {
        MainWindow window;
        window.openDsn(pgdesk::test::conninfo());
        QTRY_VERIFY_WITH_TIMEOUT(window.connectionStatus().contains(QStringLiteral("PostgreSQL")), 10000);
        TableBrowser* b = pgdesk::ui::BrowseFeature::of(window)->openTable(m_schema, QStringLiteral("sales"));
        QVERIFY(b);
        QTRY_VERIFY_WITH_TIMEOUT(b->table().has_value() && b->model()->rowCount() > 0, 15000);
        ChartView* chart = pgdesk::ui::VisualFeature::of(window)->openChart();
        QVERIFY(chart);
        QVERIFY(chart->isServerSide());
        QCOMPARE(window.tabs()->currentWidget(), chart);
    }
};

PGDESK_UI_TEST_MAIN(TestChartView)
#include "tst_chartview.moc"
