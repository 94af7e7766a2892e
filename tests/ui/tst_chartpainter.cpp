// SPDX-License-Identifier: GPL-3.0-or-later
// The chart painter offscreen (no server, no widgets): every chart type puts its series' colours in the plot,
// a higher bar is taller, right to left moves the y axis' labels to the right, the SVG is XML with paths,
// pointAt finds bars and points, and a hundred thousand points paint (the time is printed, not asserted).
// With PGDESK_CHART_SAMPLES=DIR set, a PNG and an SVG of each type are written there to look at.
#include <pgdesk/paint/chartpainter.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPainter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace pgdesk;
using core::ChartType;

namespace {

// Offscreen unless told otherwise, also when run by hand outside ctest's run-isolated.sh.
void useOffscreenPlatform() {
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}
Q_CONSTRUCTOR_FUNCTION(useOffscreenPlatform)

const QSize chartSize(640, 400);

core::ChartData fromRows(const QList<core::ChartColumn>& columns, const QList<QStringList>& rows,
                         const core::ChartOptions& options) {
    return core::chartDataFromRows(columns, rows, options);
}

core::ChartData categoryData(const QStringList& values) {
    QList<QStringList> rows;
    for (int i = 0; i < values.size(); ++i)
        rows << QStringList{QStringLiteral("cat %1").arg(i), values[i]};
    return fromRows({{QStringLiteral("category"), QStringLiteral("text")},
                     {QStringLiteral("total"), QStringLiteral("numeric")}},
                    rows, {0, {1}, -1, 20});
}

core::ChartData regionData() {
    QList<QStringList> rows;
    const QStringList months = {QStringLiteral("January"), QStringLiteral("February"),
                                QStringLiteral("March"),   QStringLiteral("April"),
                                QStringLiteral("May"),     QStringLiteral("June")};
    const QStringList regions = {QStringLiteral("North"), QStringLiteral("South"), QStringLiteral("East")};
    for (int m = 0; m < months.size(); ++m)
        for (int r = 0; r < regions.size(); ++r)
            rows << QStringList{months[m], regions[r],
                                QString::number(1200 + m * 340 + r * 510 - (m % 2) * 260)};
    core::ChartData data = fromRows({{QStringLiteral("month"), QStringLiteral("text")},
                                     {QStringLiteral("region"), QStringLiteral("text")},
                                     {QStringLiteral("revenue"), QStringLiteral("numeric(12,2)")}},
                                    rows, {0, {2}, 1, 20});
    data.title = QStringLiteral("Revenue by region");
    data.subtitle = QStringLiteral("first 1,000 rows of the result");
    return data;
}

core::ChartData timeData(int points, int seriesCount = 2) {
    QList<QStringList> rows;
    QDateTime at(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < points; ++i) {
        QStringList row{at.addSecs(qint64(i) * 3600 * 24 / std::max(1, points / 90))
                            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss+00"))};
        for (int s = 0; s < seriesCount; ++s)
            row << QString::number(50 + 30 * std::sin(i / 9.0 + s) + s * 20 + (i % 7), 'f', 2);
        rows << row;
    }
    QList<core::ChartColumn> columns = {{QStringLiteral("day"), QStringLiteral("timestamptz")}};
    QList<int> ys;
    for (int s = 0; s < seriesCount; ++s) {
        columns << core::ChartColumn{QStringLiteral("series %1").arg(s + 1), QStringLiteral("float8")};
        ys << s + 1;
    }
    core::ChartData data = fromRows(columns, rows, {0, ys, -1, 20});
    data.title = QStringLiteral("Orders per day");
    data.yLabel = QStringLiteral("orders");
    return data;
}

core::ChartData scatterData(int points) {
    QList<QStringList> rows;
    QRandomGenerator random(42);
    for (int i = 0; i < points; ++i) {
        const double x = random.bounded(1000.0);
        rows << QStringList{QString::number(x, 'f', 3),
                            QString::number(x * 0.8 + random.bounded(300.0) - 150, 'f', 3),
                            i % 3 == 0 ? QStringLiteral("a") : QStringLiteral("b")};
    }
    core::ChartData data = fromRows({{QStringLiteral("duration ms"), QStringLiteral("float8")},
                                     {QStringLiteral("rows"), QStringLiteral("float8")},
                                     {QStringLiteral("kind"), QStringLiteral("text")}},
                                    rows, {0, {1}, 2, 20});
    data.title = QStringLiteral("Duration against rows");
    data.xLabel = QStringLiteral("duration (ms)");
    data.yLabel = QStringLiteral("rows");
    return data;
}

int countColor(const QImage& image, const QColor& color, const QRect& area = {}) {
    const QRect r = area.isNull() ? image.rect() : area.intersected(image.rect());
    const QRgb wanted = color.rgb();
    int n = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            n += (image.pixel(x, y) | 0xff000000) == wanted ? 1 : 0;
    return n;
}

// Text pixels in an area: dark and grey (the series' colours are not grey).
int countDark(const QImage& image, const QRect& area) {
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x) {
            const QRgb c = image.pixel(x, y);
            const bool grey = std::abs(qRed(c) - qGreen(c)) < 12 && std::abs(qGreen(c) - qBlue(c)) < 12;
            n += grey && qGray(c) < 170 ? 1 : 0;
        }
    return n;
}

// The tallest run of `color` in any column of [x0, x1).
int tallestColumn(const QImage& image, const QColor& color, int x0, int x1) {
    int best = 0;
    for (int x = x0; x < x1; ++x) {
        int n = 0;
        for (int y = 0; y < image.height(); ++y)
            n += image.pixel(x, y) == color.rgb() ? 1 : 0;
        best = std::max(best, n);
    }
    return best;
}

// The lowest pixel of a colour: a point in the plot, not the legend's swatch above it.
std::optional<QPoint> lowestPixel(const QImage& image, const QColor& color) {
    for (int y = image.height() - 1; y >= 0; --y)
        for (int x = 0; x < image.width(); ++x)
            if (image.pixel(x, y) == color.rgb())
                return QPoint(x, y);
    return std::nullopt;
}

} // namespace

class TestChartPainter final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void everyTypeDrawsItsSeries_data();
    void everyTypeDrawsItsSeries();
    void higherBarsAreTaller();
    void rightToLeftMirrorsTheYAxis();
    void svgIsXmlWithPaths_data();
    void svgIsXmlWithPaths();
    void pointAtFindsBarsAndPoints();
    void pieGroupsTinySlices();
    void saveByExtension();
    void emptyDataSaysSo();
    void edgeCases();
    void tallestBarKeepsItsLabel();
    void countsStayAboveZero();
    void largeSeries();

private:
    paint::ChartStyle m_style;
};

void TestChartPainter::initTestCase() {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(12);
    m_style.font = font;
    const QString samples = qEnvironmentVariable("PGDESK_CHART_SAMPLES");
    if (samples.isEmpty())
        return;
    QDir().mkpath(samples);
    paint::ChartPainter painter;
    core::ChartData pie =
        categoryData({QStringLiteral("420"), QStringLiteral("310"), QStringLiteral("150"),
                      QStringLiteral("96"), QStringLiteral("4"), QStringLiteral("3"), QStringLiteral("2")});
    pie.title = QStringLiteral("Orders by category");
    pie.subtitle = QStringLiteral("first 1,000 rows of the result");
    core::ChartData manyCategories = categoryData({});
    {
        QList<QStringList> rows;
        for (int i = 0; i < 40; ++i)
            rows << QStringList{QStringLiteral("customer_%1@example.com").arg(i),
                                QString::number(1000 + (i * 7919) % 5000)};
        manyCategories = fromRows({{QStringLiteral("email"), QStringLiteral("text")},
                                   {QStringLiteral("spent"), QStringLiteral("numeric")}},
                                  rows, {0, {1}, -1, 20});
        manyCategories.title = QStringLiteral("Top customers");
    }
    paint::ChartStyle rtl = m_style;
    rtl.direction = Qt::RightToLeft;
    const QList<std::tuple<QString, core::ChartData, ChartType, paint::ChartStyle>> charts = {
        {QStringLiteral("bar"), regionData(), ChartType::Bar, m_style},
        {QStringLiteral("bar-many"), manyCategories, ChartType::Bar, m_style},
        {QStringLiteral("bar-time"), timeData(30, 1), ChartType::Bar, m_style},
        {QStringLiteral("line"), timeData(400), ChartType::Line, m_style},
        {QStringLiteral("line-category"), regionData(), ChartType::Line, m_style},
        {QStringLiteral("area"), timeData(120), ChartType::Area, m_style},
        {QStringLiteral("scatter"), scatterData(3000), ChartType::Scatter, m_style},
        {QStringLiteral("pie"), pie, ChartType::Pie, m_style},
        {QStringLiteral("bar-rtl"), regionData(), ChartType::Bar, rtl},
        {QStringLiteral("bar-negative"),
         categoryData(
             {QStringLiteral("-5.25"), QStringLiteral("3"), QStringLiteral("-1"), QStringLiteral("2.5")}),
         ChartType::Bar, m_style},
        {QStringLiteral("line-one"), timeData(1, 1), ChartType::Line, m_style},
        {QStringLiteral("line-dark"), timeData(400), ChartType::Line, paint::ChartStyle::dark()},
    };
    for (const auto& [name, data, type, style] : charts) {
        paint::ChartStyle s = style;
        s.font = m_style.font;
        QVERIFY(
            painter.save(samples + QStringLiteral("/chart-%1.png").arg(name), data, type, s, chartSize, 1));
        QVERIFY(painter.save(samples + QStringLiteral("/chart-%1.svg").arg(name), data, type, s, chartSize));
    }
}

void TestChartPainter::everyTypeDrawsItsSeries_data() {
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("minimum"); // pixels of the first series' colour
    QTest::newRow("bar") << int(ChartType::Bar) << 500;
    QTest::newRow("line") << int(ChartType::Line) << 200;
    QTest::newRow("area") << int(ChartType::Area) << 200;
    QTest::newRow("scatter") << int(ChartType::Scatter) << 200;
    QTest::newRow("pie") << int(ChartType::Pie) << 2000;
}

void TestChartPainter::everyTypeDrawsItsSeries() {
    QFETCH(int, type);
    QFETCH(int, minimum);
    const auto chartType = ChartType(type);
    const core::ChartData data =
        chartType == ChartType::Scatter ? scatterData(500)
        : chartType == ChartType::Pie
            ? categoryData({QStringLiteral("5"), QStringLiteral("3"), QStringLiteral("2")})
            : regionData();
    paint::ChartPainter painter;
    const QImage image = painter.renderImage(data, chartType, m_style, chartSize);
    QCOMPARE(image.size(), chartSize);
    const int first = countColor(image, m_style.palette[0]);
    const int second = countColor(image, m_style.palette[1]);
    QVERIFY2(first >= minimum, qPrintable(QString::number(first)));
    QVERIFY2(second >= minimum / 4, qPrintable(QString::number(second)));
    // Twice the pixels at a device pixel ratio of 2, the same chart.
    const QImage sharp = painter.renderImage(data, chartType, m_style, chartSize, 2);
    QCOMPARE(sharp.size(), chartSize * 2);
    QVERIFY(countColor(sharp, m_style.palette[0]) > first * 2);
}

void TestChartPainter::higherBarsAreTaller() {
    const core::ChartData data =
        categoryData({QStringLiteral("10"), QStringLiteral("30"), QStringLiteral("20")});
    paint::ChartPainter painter;
    const QImage image = painter.renderImage(data, ChartType::Bar, m_style, chartSize);
    const QColor color = m_style.palette[0];
    // Three bands across the plot: find each bar as the tallest column in its third.
    int left = image.width();
    int right = 0;
    for (int x = 0; x < image.width(); ++x)
        for (int y = 0; y < image.height(); ++y)
            if (image.pixel(x, y) == color.rgb()) {
                left = std::min(left, x);
                right = std::max(right, x);
            }
    QVERIFY(left < right);
    const int third = (right - left + 1) / 3;
    const int h10 = tallestColumn(image, color, left, left + third);
    const int h30 = tallestColumn(image, color, left + third, left + 2 * third);
    const int h20 = tallestColumn(image, color, left + 2 * third, right + 1);
    QVERIFY2(h30 > h20 && h20 > h10 && h10 > 0,
             qPrintable(QStringLiteral("%1 %2 %3").arg(h10).arg(h30).arg(h20)));
    QVERIFY(std::abs(h30 - 3 * h10) <= 3); // proportional from zero
}

void TestChartPainter::rightToLeftMirrorsTheYAxis() {
    const core::ChartData data =
        categoryData({QStringLiteral("1000"), QStringLiteral("3000"), QStringLiteral("2000")});
    paint::ChartStyle rtl = m_style;
    rtl.direction = Qt::RightToLeft;
    paint::ChartPainter painter;
    const QImage ltrImage = painter.renderImage(data, ChartType::Bar, m_style, chartSize);
    const QImage rtlImage = painter.renderImage(data, ChartType::Bar, rtl, chartSize);
    // Strips at both sides, over the plot's height only (not the x labels below).
    const QRect leftStrip(0, 40, 50, chartSize.height() - 120);
    const QRect rightStrip(chartSize.width() - 50, 40, 50, chartSize.height() - 120);
    QVERIFY(countDark(ltrImage, leftStrip) > 50);
    QCOMPARE(countDark(ltrImage, rightStrip), 0);
    QVERIFY(countDark(rtlImage, rightStrip) > 50);
    QCOMPARE(countDark(rtlImage, leftStrip), 0);
    // The first category on the right from right to left.
    const auto hit = painter.pointAt(QPointF(chartSize.width() * 0.8, chartSize.height() * 0.7));
    QVERIFY(hit);
    QCOMPARE(hit->xText, QStringLiteral("cat 0"));
}

void TestChartPainter::svgIsXmlWithPaths_data() {
    QTest::addColumn<int>("type");
    QTest::newRow("bar") << int(ChartType::Bar);
    QTest::newRow("line") << int(ChartType::Line);
    QTest::newRow("area") << int(ChartType::Area);
    QTest::newRow("scatter") << int(ChartType::Scatter);
    QTest::newRow("pie") << int(ChartType::Pie);
}

void TestChartPainter::svgIsXmlWithPaths() {
    QFETCH(int, type);
    paint::ChartPainter painter;
    const QByteArray svg =
        painter.renderSvg(ChartType(type) == ChartType::Scatter ? scatterData(200) : regionData(),
                          ChartType(type), m_style, chartSize);
    QXmlStreamReader xml(svg);
    int paths = 0;
    int texts = 0;
    bool root = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        root = root || xml.name() == QLatin1String("svg");
        paths += xml.name() == QLatin1String("path") ? 1 : 0;
        texts += xml.name() == QLatin1String("text") ? 1 : 0;
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(root);
    QVERIFY(paths > 0);
    QVERIFY(texts > 3);
    QVERIFY(svg.contains("Revenue by region") || ChartType(type) == ChartType::Scatter);
}

void TestChartPainter::pointAtFindsBarsAndPoints() {
    paint::ChartPainter painter;
    QVERIFY(!painter.pointAt(QPointF(10, 10))); // nothing painted yet

    const QString big = QStringLiteral("123456789012345678901234567890");
    const core::ChartData bars = categoryData({QStringLiteral("5"), big});
    QImage image = painter.renderImage(bars, ChartType::Bar, m_style, chartSize);
    // The tall bar's pixels: the second category's.
    const QRect rightHalf(chartSize.width() / 2, 0, chartSize.width() / 2, chartSize.height());
    std::optional<QPoint> at;
    for (int x = rightHalf.left(); x < rightHalf.right() && !at; ++x)
        for (int y = 0; y < chartSize.height() && !at; ++y)
            if (image.pixel(x, y) == m_style.palette[0].rgb())
                at = QPoint(x, y + 5);
    QVERIFY(at);
    auto hit = painter.pointAt(*at);
    QVERIFY(hit);
    QCOMPARE(hit->series, 0);
    QCOMPARE(hit->index, 1);
    QCOMPARE(hit->xText, QStringLiteral("cat 1"));
    QCOMPARE(hit->yText, big); // exact, as the server printed it
    QCOMPARE(hit->seriesName, QStringLiteral("total"));
    QVERIFY(!painter.pointAt(QPointF(3, 3)));

    const core::ChartData points = scatterData(30);
    image = painter.renderImage(points, ChartType::Scatter, m_style, chartSize);
    at = lowestPixel(image, m_style.palette[0]);
    QVERIFY(at);
    hit = painter.pointAt(*at);
    QVERIFY(hit);
    const core::ChartPoint& p = points.series[hit->series].points[hit->index];
    QCOMPARE(hit->yText, p.yText);
    QCOMPARE(hit->xText, p.xText);
    QVERIFY(QLineF(hit->position, *at).length() < 6);

    image = painter.renderImage(timeData(50), ChartType::Line, m_style, chartSize);
    at = lowestPixel(image, m_style.palette[1]);
    QVERIFY(at);
    hit = painter.pointAt(*at);
    QVERIFY(hit);
    QVERIFY(hit->xText.startsWith(QLatin1String("2024-")));
}

void TestChartPainter::pieGroupsTinySlices() {
    const core::ChartData data =
        categoryData({QStringLiteral("60"), QStringLiteral("38"), QStringLiteral("1.5"),
                      QStringLiteral("0.25"), QStringLiteral("0.25"), QString(), QStringLiteral("-3")});
    paint::ChartPainter painter;
    const QImage image = painter.renderImage(data, ChartType::Pie, m_style, chartSize);
    QVERIFY(countColor(image, m_style.palette[0]) > 1000);
    QVERIFY(countColor(image, m_style.otherColor) > 10); // the three tiny slices as one
    QCOMPARE(countColor(image, m_style.palette[2]), 0);  // no third slice of its own
    const auto center = painter.pointAt(QPointF(chartSize.width() / 2 + 20, chartSize.height() / 2 - 40));
    QVERIFY(center);
    QCOMPARE(center->xText, QStringLiteral("cat 0")); // the first slice from 12 o'clock clockwise
    QCOMPARE(center->yText, QStringLiteral("60"));
}

void TestChartPainter::saveByExtension() {
    QTemporaryDir dir;
    paint::ChartPainter painter;
    const core::ChartData data = regionData();
    QString error;
    QVERIFY(painter.save(dir.filePath(QStringLiteral("a.PNG")), data, ChartType::Bar, m_style, chartSize, 1,
                         &error));
    QVERIFY(painter.save(dir.filePath(QStringLiteral("a.svg")), data, ChartType::Bar, m_style, chartSize, 1,
                         &error));
    QImage png(dir.filePath(QStringLiteral("a.PNG")));
    QCOMPARE(png.size(), chartSize);
    QFile svg(dir.filePath(QStringLiteral("a.svg")));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QVERIFY(svg.readAll().contains("<svg"));
    QVERIFY(!painter.save(dir.filePath(QStringLiteral("missing/a.png")), data, ChartType::Bar, m_style,
                          chartSize, 1, &error));
    QVERIFY(!error.isEmpty());
}

void TestChartPainter::emptyDataSaysSo() {
    paint::ChartPainter painter;
    const core::ChartData data = categoryData({QString(), QString()});
    const QImage image = painter.renderImage(data, ChartType::Line, m_style, chartSize);
    QVERIFY(countDark(image, image.rect()) > 20); // "No data to chart"
    QCOMPARE(countColor(image, m_style.palette[0]), 0);
    QVERIFY(!painter.pointAt(QPointF(chartSize.width() / 2, chartSize.height() / 2)));
}

// Odd shapes of data paint without a crash and still show their series: negative bars, one time value,
// numbers as bars' x, a right-to-left pie, an "other" series, a tiny size.
void TestChartPainter::edgeCases() {
    paint::ChartPainter painter;
    paint::ChartStyle rtl = m_style;
    rtl.direction = Qt::RightToLeft;
    const core::ChartData negative =
        categoryData({QStringLiteral("-5"), QStringLiteral("3"), QStringLiteral("-1")});
    QImage image = painter.renderImage(negative, ChartType::Bar, m_style, chartSize);
    QVERIFY(countColor(image, m_style.palette[0]) > 500);
    QVERIFY(painter.pointAt(QPointF(chartSize.width() * 0.25, chartSize.height() * 0.75)));

    const core::ChartData oneTime = fromRows(
        {{QStringLiteral("at"), QStringLiteral("date")}, {QStringLiteral("n"), QStringLiteral("int4")}},
        {QStringList{QStringLiteral("2024-03-01"), QStringLiteral("7")}}, {0, {1}, -1, 20});
    for (ChartType type : {ChartType::Bar, ChartType::Line, ChartType::Area, ChartType::Scatter}) {
        image = painter.renderImage(oneTime, type, m_style, chartSize);
        QVERIFY2(countColor(image, m_style.palette[0]) > 3, qPrintable(QString::number(int(type))));
    }

    const core::ChartData numberBars = fromRows(
        {{QStringLiteral("bucket"), QStringLiteral("int4")}, {QStringLiteral("n"), QStringLiteral("int8")}},
        {QStringList{QStringLiteral("10"), QStringLiteral("4")},
         QStringList{QStringLiteral("20"), QStringLiteral("9")},
         QStringList{QStringLiteral("40"), QStringLiteral("2")}},
        {0, {1}, -1, 20});
    image = painter.renderImage(numberBars, ChartType::Bar, m_style, chartSize);
    QVERIFY(countColor(image, m_style.palette[0]) > 500);

    image = painter.renderImage(categoryData({QStringLiteral("5"), QStringLiteral("3")}), ChartType::Pie, rtl,
                                chartSize);
    QVERIFY(countColor(image, m_style.palette[1]) > 1000);

    QList<QStringList> rows;
    for (int g = 0; g < 6; ++g)
        rows << QStringList{QStringLiteral("x"), QStringLiteral("g%1").arg(g), QString::number(g + 1)};
    const core::ChartData capped = fromRows({{QStringLiteral("k"), QStringLiteral("text")},
                                             {QStringLiteral("g"), QStringLiteral("text")},
                                             {QStringLiteral("v"), QStringLiteral("int4")}},
                                            rows, {0, {2}, 1, 3});
    image = painter.renderImage(capped, ChartType::Bar, m_style, chartSize);
    QVERIFY(countColor(image, m_style.otherColor) > 100);
    bool sawOther = false;
    for (int x = 0; x < chartSize.width() && !sawOther; x += 2)
        for (int y = 0; y < chartSize.height() && !sawOther; y += 2)
            if (const auto hit = painter.pointAt(QPointF(x, y)); hit && hit->series == 3) {
                sawOther = true;
                QCOMPARE(hit->yText, QStringLiteral("15")); // 4 + 5 + 6
                QVERIFY(hit->seriesName.startsWith(QLatin1String("other")));
            }
    QVERIFY(sawOther);

    image = painter.renderImage(regionData(), ChartType::Line, m_style, QSize(60, 40)); // too small: no crash
    QCOMPARE(image.size(), QSize(60, 40));
}

void TestChartPainter::largeSeries() {
    const core::ChartData line = timeData(100000, 1);
    QCOMPARE(line.pointCount(), 100000);
    paint::ChartPainter painter;
    QImage image(QSize(1200, 700), QImage::Format_ARGB32_Premultiplied);
    QElapsedTimer timer;
    timer.start();
    {
        QPainter p(&image);
        painter.paint(p, QRectF(image.rect()), line, ChartType::Line, m_style);
    }
    qInfo("line, 100,000 points, 1200x700: %lld ms", timer.elapsed());
    QVERIFY(countColor(image, m_style.palette[0]) > 1000);

    timer.restart();
    {
        QPainter p(&image);
        painter.paint(p, QRectF(image.rect()), line, ChartType::Area, m_style);
    }
    qInfo("area, 100,000 points: %lld ms", timer.elapsed());

    const core::ChartData scatter = scatterData(100000);
    timer.restart();
    {
        QPainter p(&image);
        painter.paint(p, QRectF(image.rect()), scatter, ChartType::Scatter, m_style);
    }
    qInfo("scatter, 100,000 points: %lld ms", timer.elapsed());
    QVERIFY(countColor(image, m_style.palette[1]) > 1000); // b, drawn last over a third of them in a

    timer.restart();
    const auto hit = painter.pointAt(QPointF(600, 350));
    qInfo("pointAt over 100,000 points: %lld ms", timer.elapsed());
    Q_UNUSED(hit);

    timer.restart();
    const QByteArray svg = painter.renderSvg(line, ChartType::Line, m_style, QSize(1200, 700));
    qInfo("line SVG, 100,000 points: %lld ms, %lld bytes", timer.elapsed(), qint64(svg.size()));
}

// The tallest bar's value, at the top of a round axis (100), is written above it like the others'.
void TestChartPainter::tallestBarKeepsItsLabel() {
    const core::ChartData data =
        categoryData({QStringLiteral("100"), QStringLiteral("55"), QStringLiteral("20")});
    paint::ChartPainter painter;
    const QByteArray svg = painter.renderSvg(data, ChartType::Bar, m_style, chartSize);
    for (const char* label : {">55<", ">20<", ">100<"})
        QVERIFY2(svg.contains(label), label);
}

// A count that stays 0 (a dashboard's line of deadlocks) has an axis from 0 up, with no negative tick.
void TestChartPainter::countsStayAboveZero() {
    const core::ChartData zeros =
        categoryData({QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("0")});
    paint::ChartPainter painter;
    for (const ChartType type : {ChartType::Line, ChartType::Bar, ChartType::Area}) {
        const QByteArray svg = painter.renderSvg(zeros, type, m_style, chartSize);
        QVERIFY2(!svg.contains(">-") && !svg.contains(QByteArray(">") + QString(QChar(0x2212)).toUtf8()),
                 svg.constData());
        QVERIFY(svg.contains(">0<") || svg.contains(">0.0"));
    }
    // Negative values still get their negative axis.
    const QByteArray svg = painter.renderSvg(categoryData({QStringLiteral("-5"), QStringLiteral("3")}),
                                             ChartType::Line, m_style, chartSize);
    QVERIFY(svg.contains(">-") || svg.contains(QByteArray(">") + QString(QChar(0x2212)).toUtf8()));
}

QTEST_MAIN(TestChartPainter)
#include "tst_chartpainter.moc"
