// SPDX-License-Identifier: GPL-3.0-or-later
// The series a chart draws, from result rows as text (no server): groups, several y columns, NULL gaps, the
// exact text of the values, times to UTC, categories; and the axes' nice and calendar ticks.
#include <pgdesk/core/visual/chartdata.h>

#include <QDateTime>
#include <QTest>

using namespace pgdesk::core;

namespace {

qint64 utc(const QString& iso) {
    return QDateTime::fromString(iso, Qt::ISODateWithMs).toMSecsSinceEpoch();
}

QStringList row(std::initializer_list<QString> values) {
    return QStringList(values);
}

} // namespace

class TestChartData final : public QObject {
    Q_OBJECT

private slots:
    void axisKinds();
    void categoriesKeepFirstSeenOrder();
    void severalYColumns();
    void groupsMakeSeries();
    void groupsPastTheCapAreSummed();
    void nullYIsAGap();
    void exactTextIsKept();
    void numberXSortedAndSkipped();
    void timestampsToUtc();
    void timestampsSkipInfinity();
    void niceTicksCoverTheRange();
    void niceTicksSmallAndNegative();
    void timeTicksSubDay();
    void timeTicksMonthsAligned();
    void timeTicksYearsAligned();
    void timeTicksWeeksStartOnMonday();
};

void TestChartData::axisKinds() {
    QCOMPARE(axisKindForType(QStringLiteral("int4")), AxisKind::Number);
    QCOMPARE(axisKindForType(QStringLiteral("numeric(30,10)")), AxisKind::Number);
    QCOMPARE(axisKindForType(QStringLiteral("double precision")), AxisKind::Number);
    QCOMPARE(axisKindForType(QStringLiteral("timestamp(3) with time zone")), AxisKind::Time);
    QCOMPARE(axisKindForType(QStringLiteral("timestamptz")), AxisKind::Time);
    QCOMPARE(axisKindForType(QStringLiteral("date")), AxisKind::Time);
    QCOMPARE(axisKindForType(QStringLiteral("text")), AxisKind::Category);
    QCOMPARE(axisKindForType(QStringLiteral("int4[]")), AxisKind::Category);
    QCOMPARE(axisKindForType(QStringLiteral("_int4")), AxisKind::Category);
    QCOMPARE(axisKindForType(QStringLiteral("bool")), AxisKind::Category);
}

void TestChartData::categoriesKeepFirstSeenOrder() {
    const QList<ChartColumn> columns = {{QStringLiteral("city"), QStringLiteral("text")},
                                        {QStringLiteral("n"), QStringLiteral("int8")}};
    const QList<QStringList> rows = {row({QStringLiteral("Oslo"), QStringLiteral("3")}),
                                     row({QStringLiteral("Bergen"), QStringLiteral("5")}),
                                     row({QString(), QStringLiteral("1")}),
                                     row({QStringLiteral(""), QStringLiteral("2")})};
    const ChartData data = chartDataFromRows(columns, rows, {0, {1}, -1, 20});
    QCOMPARE(data.xKind, AxisKind::Category);
    QCOMPARE(data.categories.size(), 4);
    QCOMPARE(data.categories[0], QStringLiteral("Oslo"));
    QCOMPARE(data.categories[1], QStringLiteral("Bergen"));
    QVERIFY(data.categories[2].isNull()); // NULL and '' are two categories
    QVERIFY(!data.categories[3].isNull());
    QCOMPARE(data.series.size(), 1);
    QCOMPARE(data.series[0].name, QStringLiteral("n"));
    QCOMPARE(data.series[0].points[1].x, 1.0);
    QCOMPARE(data.series[0].points[1].y, 5.0);
    QCOMPARE(data.xLabel, QStringLiteral("city"));
    QCOMPARE(data.yLabel, QStringLiteral("n"));
    QCOMPARE(data.skippedRows, 0);
}

void TestChartData::severalYColumns() {
    const QList<ChartColumn> columns = {{QStringLiteral("day"), QStringLiteral("date")},
                                        {QStringLiteral("orders"), QStringLiteral("int4")},
                                        {QStringLiteral("returns"), QStringLiteral("int4")}};
    const QList<QStringList> rows = {
        row({QStringLiteral("2024-03-02"), QStringLiteral("10"), QStringLiteral("1")}),
        row({QStringLiteral("2024-03-01"), QStringLiteral("8"), QStringLiteral("2")})};
    const ChartData data = chartDataFromRows(columns, rows, {0, {1, 2}, -1, 20});
    QCOMPARE(data.series.size(), 2);
    QCOMPARE(data.series[0].name, QStringLiteral("orders"));
    QCOMPARE(data.series[1].name, QStringLiteral("returns"));
    QVERIFY(data.yLabel.isEmpty()); // the legend names them
    // Sorted by time whatever the rows' order.
    QCOMPARE(data.series[1].points[0].yText, QStringLiteral("2"));
    QCOMPARE(qint64(data.series[1].points[0].x), utc(QStringLiteral("2024-03-01T00:00:00Z")));
}

void TestChartData::groupsMakeSeries() {
    const QList<ChartColumn> columns = {{QStringLiteral("month"), QStringLiteral("text")},
                                        {QStringLiteral("region"), QStringLiteral("text")},
                                        {QStringLiteral("sales"), QStringLiteral("numeric")},
                                        {QStringLiteral("cost"), QStringLiteral("numeric")}};
    const QList<QStringList> rows = {
        row({QStringLiteral("jan"), QStringLiteral("north"), QStringLiteral("1"), QStringLiteral("0.5")}),
        row({QStringLiteral("jan"), QStringLiteral("south"), QStringLiteral("2"), QStringLiteral("0.5")}),
        row({QStringLiteral("feb"), QStringLiteral("north"), QStringLiteral("3"), QStringLiteral("0.5")}),
        row({QStringLiteral("feb"), QString(), QStringLiteral("4"), QStringLiteral("0.5")}),
    };
    ChartData data = chartDataFromRows(columns, rows, {0, {2}, 1, 20});
    QCOMPARE(data.series.size(), 3);
    QCOMPARE(data.series[0].name, QStringLiteral("north"));
    QCOMPARE(data.series[1].name, QStringLiteral("south"));
    QCOMPARE(data.series[2].name, QStringLiteral("NULL"));
    QCOMPARE(data.series[0].points.size(), 2);
    QCOMPARE(data.series[1].points.size(), 1);
    QCOMPARE(data.series[0].points[1].x, 1.0); // feb
    QCOMPARE(data.otherGroups, 0);

    data = chartDataFromRows(columns, rows, {0, {2, 3}, 1, 20});
    QCOMPARE(data.series.size(), 6);
    QCOMPARE(data.series[0].name, QStringLiteral("north · sales"));
    QCOMPARE(data.series[1].name, QStringLiteral("north · cost"));
    QCOMPARE(data.series[2].name, QStringLiteral("south · sales"));
}

void TestChartData::groupsPastTheCapAreSummed() {
    const QList<ChartColumn> columns = {{QStringLiteral("x"), QStringLiteral("int4")},
                                        {QStringLiteral("g"), QStringLiteral("text")},
                                        {QStringLiteral("y"), QStringLiteral("numeric")}};
    QList<QStringList> rows;
    for (int g = 0; g < 5; ++g)
        for (int x = 0; x < 3; ++x)
            rows << row({QString::number(x), QStringLiteral("g%1").arg(g), QStringLiteral("%1.1").arg(g)});
    rows << row({QStringLiteral("7"), QStringLiteral("g4"), QString()}); // only NULL at x = 7
    const ChartData data = chartDataFromRows(columns, rows, {0, {2}, 1, 3});
    QCOMPARE(data.series.size(), 4);
    QCOMPARE(data.otherGroups, 2);
    const ChartSeries& other = data.series.last();
    QVERIFY(other.isOther);
    QVERIFY(other.name.isEmpty());
    QCOMPARE(other.points.size(), 4);
    QCOMPARE(other.points[0].yText, QStringLiteral("7.2")); // 3.1 + 4.1, exactly
    QCOMPARE(other.points[0].y, 7.2);
    QVERIFY(other.points[3].yNull);
    QCOMPARE(other.points[3].xText, QStringLiteral("7"));
    for (int i = 0; i < 3; ++i)
        QVERIFY(!data.series[i].isOther);
}

void TestChartData::nullYIsAGap() {
    const QList<ChartColumn> columns = {{QStringLiteral("x"), QStringLiteral("float8")},
                                        {QStringLiteral("y"), QStringLiteral("float8")}};
    const QList<QStringList> rows = {row({QStringLiteral("1"), QStringLiteral("1.5")}),
                                     row({QStringLiteral("2"), QString()}),
                                     row({QStringLiteral("3"), QStringLiteral("NaN")}),
                                     row({QStringLiteral("4"), QStringLiteral("-Infinity")}),
                                     row({QStringLiteral("5"), QStringLiteral("2")})};
    const ChartData data = chartDataFromRows(columns, rows, {0, {1}, -1, 20});
    const QList<ChartPoint>& p = data.series[0].points;
    QCOMPARE(p.size(), 5);
    QVERIFY(!p[0].yNull);
    QVERIFY(p[1].yNull);
    QVERIFY(p[1].yText.isNull());
    QVERIFY(p[2].yNull);
    QCOMPARE(p[2].yText, QStringLiteral("NaN"));
    QVERIFY(p[3].yNull);
    QVERIFY(!p[4].yNull);
}

void TestChartData::exactTextIsKept() {
    const QList<ChartColumn> columns = {{QStringLiteral("k"), QStringLiteral("text")},
                                        {QStringLiteral("v"), QStringLiteral("numeric(30,0)")}};
    const QString big = QStringLiteral("123456789012345678901234567890");
    const ChartData data = chartDataFromRows(columns, {row({QStringLiteral("a"), big})}, {0, {1}, -1, 20});
    QCOMPARE(data.series[0].points[0].yText, big);
    QVERIFY(data.series[0].points[0].y > 1.2e29);
    QVERIFY(QString::number(data.series[0].points[0].y, 'f', 0) != big); // a double could not have kept it
}

void TestChartData::numberXSortedAndSkipped() {
    const QList<ChartColumn> columns = {{QStringLiteral("x"), QStringLiteral("numeric")},
                                        {QStringLiteral("y"), QStringLiteral("int4")}};
    const QList<QStringList> rows = {
        row({QStringLiteral("3.5"), QStringLiteral("1")}), row({QString(), QStringLiteral("2")}),
        row({QStringLiteral("NaN"), QStringLiteral("3")}), row({QStringLiteral("-2"), QStringLiteral("4")})};
    const ChartData data = chartDataFromRows(columns, rows, {0, {1}, -1, 20});
    QCOMPARE(data.xKind, AxisKind::Number);
    QCOMPARE(data.skippedRows, 2);
    QCOMPARE(data.series[0].points.size(), 2);
    QCOMPARE(data.series[0].points[0].x, -2.0);
    QCOMPARE(data.series[0].points[1].xText, QStringLiteral("3.5"));
}

void TestChartData::timestampsToUtc() {
    qint64 ms = 0;
    QVERIFY(parsePgTimestamp(QStringLiteral("2024-03-01"), &ms));
    QCOMPARE(ms, utc(QStringLiteral("2024-03-01T00:00:00Z")));
    QVERIFY(parsePgTimestamp(QStringLiteral("2024-03-01 12:00:00"), &ms));
    QCOMPARE(ms, utc(QStringLiteral("2024-03-01T12:00:00Z")));
    QVERIFY(parsePgTimestamp(QStringLiteral("2024-03-01 12:00:00+01"), &ms));
    QCOMPARE(ms, utc(QStringLiteral("2024-03-01T11:00:00Z")));
    QVERIFY(parsePgTimestamp(QStringLiteral("2024-03-01 12:00:00.25-05:30"), &ms));
    QCOMPARE(ms, utc(QStringLiteral("2024-03-01T17:30:00.250Z")));
    QVERIFY(parsePgTimestamp(QStringLiteral("2024-03-01 12:00:00.123456+00"), &ms));
    QCOMPARE(ms, utc(QStringLiteral("2024-03-01T12:00:00.123Z")));
    QVERIFY(parsePgTimestamp(QStringLiteral("1900-01-01 00:00:00+00:09:21"), &ms)); // a local mean time
    QCOMPARE(ms, utc(QStringLiteral("1899-12-31T23:50:39Z")));
    qint64 adOne = 0;
    QVERIFY(parsePgTimestamp(QStringLiteral("0001-01-01"), &adOne));
    QVERIFY(parsePgTimestamp(QStringLiteral("0001-01-01 BC"), &ms));
    QCOMPARE(ms, adOne - 366LL * 86400000); // 1 BC, a leap year, just before
    QVERIFY(parsePgTimestamp(QStringLiteral("12:30:15.5"), &ms));
    QCOMPARE(ms, 45015500);
    QVERIFY(!parsePgTimestamp(QStringLiteral("2024-13-01"), &ms));
    QVERIFY(!parsePgTimestamp(QStringLiteral("yesterday"), &ms));

    const QList<ChartColumn> columns = {{QStringLiteral("at"), QStringLiteral("timestamptz")},
                                        {QStringLiteral("n"), QStringLiteral("int4")}};
    const ChartData data = chartDataFromRows(
        columns, {row({QStringLiteral("2024-03-01 00:30:00+02"), QStringLiteral("1")})}, {0, {1}, -1, 20});
    QCOMPARE(data.xKind, AxisKind::Time);
    QCOMPARE(qint64(data.series[0].points[0].x), utc(QStringLiteral("2024-02-29T22:30:00Z")));
    QCOMPARE(data.series[0].points[0].xText, QStringLiteral("2024-03-01 00:30:00+02"));
}

void TestChartData::timestampsSkipInfinity() {
    qint64 ms = 0;
    QVERIFY(!parsePgTimestamp(QStringLiteral("infinity"), &ms));
    QVERIFY(!parsePgTimestamp(QStringLiteral("-infinity"), &ms));
    const QList<ChartColumn> columns = {{QStringLiteral("at"), QStringLiteral("timestamp")},
                                        {QStringLiteral("n"), QStringLiteral("int4")}};
    const QList<QStringList> rows = {row({QStringLiteral("infinity"), QStringLiteral("1")}),
                                     row({QStringLiteral("2024-01-01 00:00:00"), QStringLiteral("2")}),
                                     row({QStringLiteral("-infinity"), QStringLiteral("3")}),
                                     row({QString(), QStringLiteral("4")})};
    const ChartData data = chartDataFromRows(columns, rows, {0, {1}, -1, 20});
    QCOMPARE(data.skippedRows, 3);
    QCOMPARE(data.pointCount(), 1);
}

void TestChartData::niceTicksCoverTheRange() {
    NiceTicks t = niceTicks(0, 97, 6);
    QCOMPARE(t.step, 20.0);
    QCOMPARE(t.min, 0.0);
    QCOMPARE(t.max, 100.0);
    QCOMPARE(t.ticks, (QList<double>{0, 20, 40, 60, 80, 100}));
    QCOMPARE(t.decimals, 0);

    t = niceTicks(3, 47, 11);
    QCOMPARE(t.step, 5.0);
    QCOMPARE(t.min, 0.0);
    QCOMPARE(t.max, 50.0);
    QCOMPARE(t.ticks.size(), 11);
    QCOMPARE(niceTicks(3, 47, 10).step, 10.0); // 11 ticks of 5 would be one too many
    // Across zero no step gives two ticks: the smallest with the fewest (three), not a step of 50 million
    // (a small chart of all-zero values showed -50M … 50M).
    t = niceTicks(0, 0, 2);
    QCOMPARE(t.step, 1.0);
    QCOMPARE(t.ticks, (QList<double>{-1, 0, 1}));
    QCOMPARE(niceTicks(-3, 4, 2).step, 5.0);

    // Whatever the range and count: 1-2-5 steps, covering, at most maxTicks.
    const QList<std::pair<double, double>> ranges = {
        {0.1, 0.7}, {-3.2, 1e6}, {12345, 12346}, {-0.004, -0.001}};
    for (const auto& [lo, hi] : ranges) {
        for (int n = 2; n <= 12; ++n) {
            t = niceTicks(lo, hi, n);
            QVERIFY2(t.ticks.size() <= n, qPrintable(QStringLiteral("%1..%2 in %3").arg(lo).arg(hi).arg(n)));
            QVERIFY(t.ticks.size() >= 2);
            // Covering, to the rounding of the tick's decimal value.
            QVERIFY2(
                t.min <= lo + t.step * 1e-9 && t.max >= hi - t.step * 1e-9,
                qPrintable(
                    QStringLiteral("%1..%2 in %3: %4..%5").arg(lo).arg(hi).arg(n).arg(t.min).arg(t.max)));
            const double lead = t.step / std::pow(10.0, std::floor(std::log10(t.step)));
            QVERIFY(qFuzzyCompare(lead, 1.0) || qFuzzyCompare(lead, 2.0) || qFuzzyCompare(lead, 5.0));
        }
    }
}

void TestChartData::niceTicksSmallAndNegative() {
    NiceTicks t = niceTicks(0.1, 0.7, 7);
    QCOMPARE(t.step, 0.1);
    QCOMPARE(t.decimals, 1);
    QCOMPARE(t.ticks.first(), 0.1);
    QCOMPARE(t.ticks.last(), 0.7);
    QCOMPARE(t.ticks.size(), 7);

    t = niceTicks(-15, 12, 7);
    QCOMPARE(t.step, 5.0);
    QCOMPARE(t.min, -15.0);
    QCOMPARE(t.max, 15.0);
    QVERIFY(t.ticks.contains(0.0));

    t = niceTicks(5, 5, 5); // one value: widened around it
    QVERIFY(t.min < 5 && t.max > 5);
}

void TestChartData::timeTicksSubDay() {
    TimeTicks t = timeTicks(utc(QStringLiteral("2024-03-01T10:07:00Z")),
                            utc(QStringLiteral("2024-03-01T12:53:00Z")), 8);
    QCOMPARE(t.unit, TimeUnit::Minute);
    QCOMPARE(t.step, 30);
    QCOMPARE(t.ticks.first(), utc(QStringLiteral("2024-03-01T10:30:00Z")));
    QCOMPARE(t.format, QStringLiteral("HH:mm"));
    QCOMPARE(t.contextFormat, QStringLiteral("yyyy-MM-dd"));

    t = timeTicks(utc(QStringLiteral("2024-03-01T00:00:00Z")), utc(QStringLiteral("2024-03-03T00:00:00Z")),
                  10);
    QCOMPARE(t.unit, TimeUnit::Hour);
    QCOMPARE(t.step, 6);
    QCOMPARE(t.ticks.size(), 9);

    t = timeTicks(utc(QStringLiteral("2024-03-01T00:00:00.003Z")),
                  utc(QStringLiteral("2024-03-01T00:00:00.047Z")), 5);
    QCOMPARE(t.unit, TimeUnit::Millisecond);
    QCOMPARE(t.step, 10);
    QCOMPARE(t.ticks.first() % 10, 0);
}

void TestChartData::timeTicksMonthsAligned() {
    const TimeTicks t = timeTicks(utc(QStringLiteral("2023-02-14T08:00:00Z")),
                                  utc(QStringLiteral("2024-05-02T00:00:00Z")), 6);
    QCOMPARE(t.unit, TimeUnit::Month);
    QCOMPARE(t.step, 3);
    QCOMPARE(t.format, QStringLiteral("yyyy-MM"));
    QVERIFY(t.ticks.size() <= 6);
    QCOMPARE(t.ticks.first(), utc(QStringLiteral("2023-04-01T00:00:00Z")));
    for (qint64 tick : t.ticks) {
        const QDateTime d = QDateTime::fromMSecsSinceEpoch(tick, Qt::UTC);
        QCOMPARE(d.date().day(), 1);
        QCOMPARE((d.date().month() - 1) % 3, 0); // quarters: Jan, Apr, Jul, Oct
        QCOMPARE(d.time(), QTime(0, 0));
    }
}

void TestChartData::timeTicksYearsAligned() {
    TimeTicks t = timeTicks(utc(QStringLiteral("1987-06-01T00:00:00Z")),
                            utc(QStringLiteral("2024-03-01T00:00:00Z")), 6);
    QCOMPARE(t.unit, TimeUnit::Year);
    QCOMPARE(t.step, 10);
    QCOMPARE(t.ticks, (QList<qint64>{utc(QStringLiteral("1990-01-01T00:00:00Z")),
                                     utc(QStringLiteral("2000-01-01T00:00:00Z")),
                                     utc(QStringLiteral("2010-01-01T00:00:00Z")),
                                     utc(QStringLiteral("2020-01-01T00:00:00Z"))}));
    QCOMPARE(t.format, QStringLiteral("yyyy"));

    t = timeTicks(utc(QStringLiteral("2019-12-31T00:00:00Z")), utc(QStringLiteral("2024-01-02T00:00:00Z")),
                  6);
    QCOMPARE(t.unit, TimeUnit::Year);
    QCOMPARE(t.step, 1);
    QCOMPARE(t.ticks.size(), 5);

    // Ten thousand years: still 1-2-5 steps of years.
    t = timeTicks(utc(QStringLiteral("0100-01-01T00:00:00Z")), utc(QStringLiteral("9900-01-01T00:00:00Z")),
                  6);
    QCOMPARE(t.unit, TimeUnit::Year);
    QCOMPARE(t.step, 2000);
    QVERIFY(t.ticks.size() <= 6);
}

void TestChartData::timeTicksWeeksStartOnMonday() {
    const TimeTicks t = timeTicks(utc(QStringLiteral("2024-03-01T00:00:00Z")),
                                  utc(QStringLiteral("2024-04-20T00:00:00Z")), 8);
    QCOMPARE(t.unit, TimeUnit::Week);
    QCOMPARE(t.step, 1);
    for (qint64 tick : t.ticks)
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(tick, Qt::UTC).date().dayOfWeek(), 1);
    QCOMPARE(t.ticks.first(), utc(QStringLiteral("2024-03-04T00:00:00Z")));
}

QTEST_GUILESS_MAIN(TestChartData)
#include "tst_chartdata.moc"
