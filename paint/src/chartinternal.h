// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the painter's parts share: the fonts of one paint, the plot's mapping from values to pixels, the axes'
// ticks and labels, and what was drawn where (for pointAt).
#include <pgdesk/paint/chartpainter.h>

#include <QFont>
#include <QFontMetricsF>
#include <QList>
#include <QRectF>
#include <QStringList>

class QPainter;

namespace pgdesk::paint {

namespace detail {

struct Fonts {
    explicit Fonts(const QFont& base);
    QFont normal;
    QFont small; // tick and value labels
    QFont title;
    QFontMetricsF normalMetrics;
    QFontMetricsF smallMetrics;
    QFontMetricsF titleMetrics;
};

// Values to pixels in the plot rect. Right to left, x grows leftwards.
struct Frame {
    QRectF plot;
    bool rtl = false;
    double xMin = 0;
    double xMax = 1;
    double yMin = 0;
    double yMax = 1;

    double xToPx(double x) const {
        const double f = xMax > xMin ? (x - xMin) / (xMax - xMin) : 0.5;
        return rtl ? plot.right() - f * plot.width() : plot.left() + f * plot.width();
    }
    double yToPx(double y) const {
        const double f = yMax > yMin ? (y - yMin) / (yMax - yMin) : 0.5;
        return plot.bottom() - f * plot.height();
    }
    double xScale() const { return xMax > xMin ? plot.width() / (xMax - xMin) : 0; } // px per unit
};

struct Tick {
    double value = 0;
    QString label;
    QString context; // a second line (the date under times of day), empty when unchanged
};

struct XAxis {
    QList<Tick> ticks;
    double min = 0;
    double max = 1;
    double band = 0; // bars: the width (in x units) a group of bars may take
    bool rotated = false;
    int labelStep = 1; // every n-th category label, when they are too many
    bool hasContext = false;
    double labelWidth = 0; // the widest label (elided)
    double height = 0;     // what the labels take below the plot
};

struct YAxis {
    QList<Tick> ticks;
    double min = 0;
    double max = 1;
    double labelWidth = 0;
};

struct BarHit {
    QRectF rect;
    int series = 0;
    int index = 0;
};

struct SliceHit {
    double startDegrees = 0; // Qt's: counter-clockwise from 3 o'clock
    double spanDegrees = 0;
    int index = -1; // -1: the tiny slices grouped
    QString xText;
    QString yText;
};

// The name a series shows: the "other" series in the user's language.
QString seriesLabel(const core::ChartSeries& series, int otherGroups);
QString categoryLabel(const QString& category); // NULL shown as NULL
QString formatNumber(double value, int decimals);

// Axes (chartaxes.cpp).
XAxis makeXAxis(const core::ChartData& data, core::ChartType type, const Fonts& fonts, double plotWidth);
YAxis makeYAxis(const core::ChartData& data, core::ChartType type, const Fonts& fonts, double plotHeight);
void drawGrid(QPainter& painter, const Frame& frame, const XAxis& x, const YAxis& y, core::AxisKind kind,
              const ChartStyle& style);
void drawAxes(QPainter& painter, const Frame& frame, const XAxis& x, const YAxis& y, const Fonts& fonts,
              const ChartStyle& style);

// Series (chartseries.cpp): bars return what they drew for pointAt.
QList<BarHit> drawBars(QPainter& painter, const Frame& frame, const XAxis& x, const core::ChartData& data,
                       const ChartStyle& style, const Fonts& fonts);
void drawLines(QPainter& painter, const Frame& frame, const core::ChartData& data, const ChartStyle& style,
               bool area);
void drawScatter(QPainter& painter, const Frame& frame, const core::ChartData& data, const ChartStyle& style);

// Pie (chartpie.cpp): the first series only.
struct PieResult {
    QPointF center;
    double radius = 0;
    QList<SliceHit> slices;
};
PieResult drawPie(QPainter& painter, const QRectF& rect, const core::ChartData& data, const ChartStyle& style,
                  const Fonts& fonts);

} // namespace detail

struct ChartPainter::State {
    core::ChartData data;
    core::ChartType type = core::ChartType::Bar;
    bool painted = false;
    detail::Frame frame;
    QList<detail::BarHit> bars;
    detail::PieResult pie;
};

} // namespace pgdesk::paint
