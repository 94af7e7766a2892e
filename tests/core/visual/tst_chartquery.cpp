// SPDX-License-Identifier: GPL-3.0-or-later
// Chart aggregation on the real server: each statement buildChartQuery makes for a filtered view returns
// exactly what a hand-written GROUP BY with the same filters returns (time buckets on dates and
// timestamps, number widths, several Y series, a group column, raw points), hostile column names stay
// quoted, and what cannot be charted is refused with the reason.
#include "scratchschema.h"
#include "testcluster.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/visual/chartquery.h>

#include <QTest>

using namespace pgdesk::core;

class TestChartQuery final : public QObject {
    Q_OBJECT
    std::optional<pgdesk::test::ScratchSchema> m_scratch;
    Connection m_c;
    const QString m_schema = QStringLiteral("chartq_%1").arg(QCoreApplication::applicationPid());
    TableInfo m_table;

    QStringList rows(const QString& sql, const Params& params = {}) {
        const Result r = m_c.exec(sql, params);
        QStringList out;
        for (int i = 0; i < r.rowCount(); ++i) {
            QStringList fields;
            for (int c = 0; c < r.columnCount(); ++c)
                fields << (r.isNull(i, c) ? QStringLiteral("<NULL>") : r.text(i, c));
            out << fields.join(QLatin1Char('|'));
        }
        return out;
    }
    QStringList chart(const QuerySpec& view, const ChartQuerySpec& spec) {
        const ChartQuery q = buildChartQuery(view, m_table, spec);
        return rows(q.query.sql, q.query.params);
    }
    // The view every case filters with: not the north region, and qty between 1 and 90.
    static QuerySpec filtered() {
        QuerySpec view;
        view.filter.conditions
            << Condition{QStringLiteral("region"), FilterOp::NotEqual, {QStringLiteral("north")}, {}}
            << Condition{
                   QStringLiteral("qty"), FilterOp::Between, {QStringLiteral("1"), QStringLiteral("90")}, {}};
        return view;
    }
    QString table() const { return m_schema + QStringLiteral(".sales"); }
    void sql(const QString& text) {
        pgdesk::test::psql(QString(text).replace(QStringLiteral("$S"), m_schema));
    }
    static constexpr const char* kWhere = " where region <> 'north' and qty between 1 and 90";

private slots:
    void initTestCase() {
        m_c = Connection::open(pgdesk::test::profile());
        m_c.exec(QStringLiteral("set timezone = 'Asia/Tehran'"), Params{});
        m_scratch.emplace(
            m_schema,
            QStringLiteral(
                "create table $S.sales (id int primary key, at timestamptz, day date, qty int, price "
                "numeric(40,10), "
                "region text, \"we\"\"ird %1 $1\" int);"
                "insert into $S.sales select i, timestamptz '2024-01-01 00:00+00' + i * interval '7 hours 13 "
                "minutes', "
                "date '2024-01-01' + (i % 400), i % 100, (i * 1.25)::numeric + "
                "123456789012345678901234567890, "
                "(array['north','south','east','west'])[1 + i % 4], i % 7 from generate_series(1, 3000) i;"
                "insert into $S.sales values (5000, null, null, 50, null, 'east', null)"));
        m_table = CatalogReader(m_c).table(m_schema, QStringLiteral("sales"));
    }

    void monthsOfADateColumn() {
        ChartQuerySpec spec;
        spec.xColumn = QStringLiteral("day");
        spec.bucket = TimeBucket::Month;
        spec.series = {{QStringLiteral("price"), ChartAggregate::Sum}, {QString(), ChartAggregate::Count}};
        const QStringList got = chart(filtered(), spec);
        QCOMPARE(got,
                 rows(QStringLiteral("select date_trunc('month', day)::date, sum(price), count(*) from %1%2 "
                                     "group by 1 order by 1")
                          .arg(table(), QLatin1String(kWhere))));
        QVERIFY(got.size() >= 13);
        QVERIFY(got.last().startsWith(QLatin1String("<NULL>|"))); // NULL dates form their own group, last
    }

    void weeksOfATimestampByGroup() {
        ChartQuerySpec spec;
        spec.xColumn = QStringLiteral("at");
        spec.bucket = TimeBucket::Week;
        spec.groupColumn = QStringLiteral("region");
        spec.series = {{QStringLiteral("qty"), ChartAggregate::Avg},
                       {QStringLiteral("price"), ChartAggregate::Max}};
        const ChartQuery q = buildChartQuery(filtered(), m_table, spec);
        QCOMPARE(q.columns, (QStringList{"x", "g", "y1", "y2"}));
        QCOMPARE(q.types.first(), QStringLiteral("timestamptz"));
        QCOMPARE(q.groupIndex, 1);
        QCOMPARE(q.yIndexes, (QList<int>{2, 3}));
        QCOMPARE(
            rows(q.query.sql, q.query.params),
            rows(QStringLiteral(
                     "select date_trunc('week', at), region, avg(qty), max(price) from %1%2 group by 1, 2 "
                     "order by 1, 2")
                     .arg(table(), QLatin1String(kWhere))));
    }

    void numberWidthsAndHostileNames() {
        ChartQuerySpec spec;
        spec.xColumn = QStringLiteral("qty");
        spec.numberWidth = QStringLiteral("12.5");
        spec.series = {{QStringLiteral("we\"ird %1 $1"), ChartAggregate::Sum}};
        QCOMPARE(chart(filtered(), spec),
                 rows(QStringLiteral("select floor(qty / 12.5) * 12.5, sum(\"we\"\"ird %1 $1\") from ") +
                      table() + QLatin1String(kWhere) + QStringLiteral(" group by 1 order by 1")));
        spec.xColumn = QStringLiteral("we\"ird %1 $1");
        spec.numberWidth.clear();
        spec.series = {{QStringLiteral("qty"), ChartAggregate::Min}};
        QCOMPARE(chart(filtered(), spec).size(), 8); // 0 … 6 and NULL
    }

    void rawPointsAreTheViewsFirstRows() {
        ChartQuerySpec spec;
        spec.xColumn = QStringLiteral("qty");
        spec.series = {{QStringLiteral("price"), ChartAggregate::None}};
        spec.maxRows = 100;
        const ChartQuery q = buildChartQuery(filtered(), m_table, spec);
        QVERIFY(!q.aggregated);
        const QStringList got = rows(q.query.sql, q.query.params);
        QCOMPARE(got.size(), 101); // one more than asked: there are more
        for (const QString& row : got) {
            const int qty = row.section(QLatin1Char('|'), 0, 0).toInt();
            QVERIFY2(qty >= 1 && qty <= 90, qPrintable(row));
        }
        // The whole table without a filter: the view's search and filters are all there is to it.
        spec.maxRows = 5000;
        QCOMPARE(rows(buildChartQuery(QuerySpec{}, m_table, spec).query.sql).size(),
                 3001); // every row with a qty
    }

    // A sampled first draw: at 100 % the same rows as the exact chart (counts and sums scaled by 1); at a
    // few percent the scaled count estimates the whole table's, the filters and the width still bound in
    // order; a view cannot be sampled; small tables are drawn exactly.
    void sampledFirstDraw() {
        ChartQuerySpec spec;
        spec.xColumn = QStringLiteral("qty");
        spec.numberWidth = QStringLiteral("25");
        spec.series = {{QStringLiteral("price"), ChartAggregate::Sum},
                       {QString(), ChartAggregate::Count},
                       {QStringLiteral("qty"), ChartAggregate::Avg}};
        const QStringList exact = chart(filtered(), spec);
        spec.samplePercent = 100;
        const ChartQuery whole = buildChartQuery(filtered(), m_table, spec);
        QCOMPARE(whole.samplePercent, 100.0);
        QVERIFY(whole.query.sql.contains(QLatin1String("TABLESAMPLE SYSTEM")));
        QStringList sampled = rows(whole.query.sql, whole.query.params);
        QCOMPARE(sampled.size(), exact.size());
        for (int i = 0; i < exact.size(); ++i) { // round() of the scaled sum drops its fraction
            const QStringList e = exact[i].split(QLatin1Char('|'));
            const QStringList g = sampled[i].split(QLatin1Char('|'));
            QCOMPARE(g[0], e[0]);
            QCOMPARE(g[2], e[2]);
            QCOMPARE(g[3], e[3]);
        }
        sql(QStringLiteral("create table $S.many as select i, i % 10 as k from generate_series(1, 200000) i; "
                           "analyze $S.many"));
        const TableInfo many = CatalogReader(m_c).table(m_schema, QStringLiteral("many"));
        QCOMPARE(chartSamplePercent(many, 200000), 0.0); // not ten times more: drawn exactly
        const double percent = chartSamplePercent(many, 10000);
        QVERIFY2(percent > 4.9 && percent < 5.1, qPrintable(QString::number(percent)));
        ChartQuerySpec counts;
        counts.xColumn = QStringLiteral("k");
        counts.series = {{QString(), ChartAggregate::Count}};
        counts.samplePercent = 20;
        const ChartQuery q = buildChartQuery({}, many, counts);
        qint64 total = 0;
        for (const QString& row : rows(q.query.sql, q.query.params))
            total += row.section(QLatin1Char('|'), 1, 1).toLongLong();
        QVERIFY2(total > 150000 && total < 250000, qPrintable(QString::number(total))); // about 200,000
        TableInfo view = many;
        view.kind = RelationKind::View;
        QCOMPARE(chartSamplePercent(view, 10000), 0.0);
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, buildChartQuery({}, view, counts));
    }

    void whatCannotBeChartedIsRefused() {
        ChartQuerySpec spec;
        spec.xColumn = QStringLiteral("region");
        spec.bucket = TimeBucket::Day;
        spec.series = {{QString(), ChartAggregate::Count}};
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, buildChartQuery({}, m_table, spec));
        spec.bucket = TimeBucket::None;
        spec.numberWidth = QStringLiteral("1");
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, buildChartQuery({}, m_table, spec));
        spec.numberWidth.clear();
        spec.series = {{QStringLiteral("region"), ChartAggregate::Sum}};
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, buildChartQuery({}, m_table, spec));
        spec.series = {{QStringLiteral("nope"), ChartAggregate::Sum}};
        QVERIFY_THROWS_EXCEPTION(NotFound, buildChartQuery({}, m_table, spec));
        spec.series = {{QStringLiteral("qty"), ChartAggregate::Sum},
                       {QStringLiteral("qty"), ChartAggregate::None}};
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, buildChartQuery({}, m_table, spec));
        spec.series.clear();
        QVERIFY_THROWS_EXCEPTION(ConfigurationError, buildChartQuery({}, m_table, spec));
        QCOMPARE(chartAggregateFromName(QStringLiteral("AVG")), ChartAggregate::Avg);
        QCOMPARE(timeBucketFromName(QStringLiteral("quarter")), TimeBucket::Quarter);
        QVERIFY(!timeBucketFromName(QStringLiteral("fortnight")));
    }
};

QTEST_GUILESS_MAIN(TestChartQuery)
#include "tst_chartquery.moc"
