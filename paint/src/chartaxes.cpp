// SPDX-License-Identifier: GPL-3.0-or-later
// The axes: ticks from core's nice and calendar steps, their labels measured so that none overlaps (category
// labels turn 45° and then thin out), the grid and the labels drawn.
#include "chartinternal.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace pgdesk::paint::detail {

namespace {

constexpr double maxCategoryLabel = 160; // px: longer category names are elided
constexpr double maxTurnedLabel = 120;   // px: those at 45°
constexpr double labelGap = 6;           // px between the plot and its labels

struct Range {
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    bool valid() const { return min <= max; }
    void add(double v) {
        min = std::min(min, v);
        max = std::max(max, v);
    }
};

// The smallest gap between two distinct x values: the width a group of bars may take.
double smallestGap(const core::ChartData& data) {
    QList<double> xs;
    for (const core::ChartSeries& s : data.series)
        for (const core::ChartPoint& p : s.points)
            xs << p.x;
    std::sort(xs.begin(), xs.end());
    double gap = std::numeric_limits<double>::infinity();
    for (qsizetype i = 1; i < xs.size(); ++i)
        if (xs[i] > xs[i - 1])
            gap = std::min(gap, xs[i] - xs[i - 1]);
    return gap;
}

// Ticks of a value range, their labels compact past a million (1.5M): suffixes are SI, not words.
QList<Tick> numberTicks(const core::NiceTicks& nice) {
    const double largest = std::max(std::abs(nice.min), std::abs(nice.max));
    int exponent = 0;
    if (largest >= 1e6 && largest < 1e15)
        exponent = int(std::floor(std::log10(largest) / 3)) * 3;
    static const char* const suffixes[] = {"", "k", "M", "G", "T"};
    const double scale = std::pow(10.0, exponent);
    const int decimals = std::max(0, int(-std::floor(std::log10(nice.step / scale) + 1e-9)));
    QList<Tick> ticks;
    for (double v : nice.ticks) {
        QString label = largest >= 1e15 || (largest > 0 && largest < 1e-6)
                            ? QLocale().toString(v, 'g', 3)
                            : formatNumber(v / scale, decimals) + QLatin1String(suffixes[exponent / 3]);
        ticks << Tick{v, label, {}};
    }
    return ticks;
}

double widest(const QList<Tick>& ticks, const QFontMetricsF& metrics) {
    double w = 0;
    for (const Tick& t : ticks)
        w = std::max({w, metrics.horizontalAdvance(t.label), metrics.horizontalAdvance(t.context)});
    return w;
}

// Time ticks whose labels fit side by side in `width`.
QList<Tick> timeTickLabels(double min, double max, const Fonts& fonts, double width) {
    int maxTicks = std::max(2, int(width / 70));
    for (;;) {
        const core::TimeTicks t = core::timeTicks(qint64(std::ceil(min)), qint64(std::floor(max)), maxTicks);
        QList<Tick> ticks;
        QString lastContext;
        for (qint64 ms : t.ticks) {
            const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
            Tick tick{double(ms), at.toString(t.format), {}};
            if (!t.contextFormat.isEmpty()) {
                const QString context = at.toString(t.contextFormat);
                if (context != lastContext)
                    tick.context = context;
                lastContext = context;
            }
            ticks << tick;
        }
        const double need = (widest(ticks, fonts.smallMetrics) + 16) * double(ticks.size());
        if (need <= width || maxTicks <= 2)
            return ticks;
        maxTicks = std::max(2, std::min(maxTicks - 1, int(width / (widest(ticks, fonts.smallMetrics) + 16))));
    }
}

QList<Tick> numberTickLabels(double min, double max, const Fonts& fonts, double width, bool within) {
    int maxTicks = std::max(2, int(width / 70));
    for (;;) {
        const core::NiceTicks nice = core::niceTicks(min, max, maxTicks);
        QList<Tick> ticks = numberTicks(nice);
        if (within) // bars: only ticks inside the padded range
            ticks.removeIf([&](const Tick& t) {
                return t.value < min - 1e-9 * nice.step || t.value > max + 1e-9 * nice.step;
            });
        const double need = (widest(ticks, fonts.smallMetrics) + 16) * double(ticks.size());
        if (need <= width || maxTicks <= 2)
            return ticks;
        --maxTicks;
    }
}

} // namespace

QString formatNumber(double value, int decimals) {
    if (value == 0)
        value = 0; // no "-0"
    return QLocale().toString(value, 'f', decimals);
}

QString categoryLabel(const QString& category) {
    return category.isNull() ? QStringLiteral("NULL") : category;
}

YAxis makeYAxis(const core::ChartData& data, core::ChartType type, const Fonts& fonts, double plotHeight) {
    Range range;
    for (const core::ChartSeries& s : data.series)
        for (const core::ChartPoint& p : s.points)
            if (!p.yNull)
                range.add(p.y);
    if (!range.valid())
        range = {0, 1};
    if (type == core::ChartType::Bar || type == core::ChartType::Area)
        range.add(0); // bars and areas stand on zero
    const int maxTicks = std::clamp(int(plotHeight / (fonts.smallMetrics.height() * 2.4)), 2, 11);
    if (type == core::ChartType::Bar && plotHeight > 0) {
        // Room above the tallest bar (below the deepest) for its value's label.
        const double room = std::min(0.3, (fonts.smallMetrics.height() + 2) / plotHeight);
        const double span = range.max - range.min;
        if (range.max > 0)
            range.add(range.max + span * room / (1 - room));
        if (range.min < 0)
            range.add(range.min - span * room / (1 - room));
    }
    core::NiceTicks nice = core::niceTicks(range.min, range.max, maxTicks);
    if (range.min >= 0 && nice.min < 0) // counts never go below zero, even when all are 0
        nice = core::niceTicks(0, range.max > 0 ? range.max : 1, maxTicks);
    YAxis axis;
    axis.min = nice.min;
    axis.max = nice.max;
    axis.ticks = numberTicks(nice);
    axis.labelWidth = widest(axis.ticks, fonts.smallMetrics);
    return axis;
}

XAxis makeXAxis(const core::ChartData& data, core::ChartType type, const Fonts& fonts, double plotWidth) {
    XAxis axis;
    const double lineHeight = fonts.smallMetrics.height();
    plotWidth = std::max(plotWidth, 40.0);
    if (data.xKind == core::AxisKind::Category) {
        const int n = std::max<int>(1, int(data.categories.size()));
        axis.min = -0.5;
        axis.max = n - 0.5;
        axis.band = 1;
        for (int i = 0; i < data.categories.size(); ++i) {
            const QString label = fonts.smallMetrics.elidedText(categoryLabel(data.categories[i]),
                                                                Qt::ElideRight, maxCategoryLabel);
            axis.ticks << Tick{double(i), label, {}};
        }
        axis.labelWidth = widest(axis.ticks, fonts.smallMetrics);
        const double slot = plotWidth / n;
        if (axis.labelWidth + 8 <= slot) {
            axis.height = lineHeight + labelGap;
        } else {
            // At 45° a label takes about 1.4 lines across: thin them out when even that does not fit. Shorter
            // than level ones, or they take the plot's height.
            axis.rotated = true;
            for (Tick& t : axis.ticks)
                t.label = fonts.smallMetrics.elidedText(t.label, Qt::ElideRight, maxTurnedLabel);
            axis.labelWidth = widest(axis.ticks, fonts.smallMetrics);
            axis.labelStep = std::max(1, int(std::ceil(lineHeight * 1.5 / slot)));
            axis.height = (axis.labelWidth + lineHeight) * (std::numbers::sqrt2 / 2) + labelGap;
        }
        return axis;
    }

    Range range;
    for (const core::ChartSeries& s : data.series)
        for (const core::ChartPoint& p : s.points)
            range.add(p.x);
    if (!range.valid())
        range = {0, 1};
    const bool time = data.xKind == core::AxisKind::Time;
    if (range.min == range.max) {
        // One x: an hour or a day around it for times, as niceTicks widens numbers.
        const double pad = !time                                   ? std::max(1.0, std::abs(range.min) * 0.1)
                           : std::fmod(range.min, 86400000.0) == 0 ? 86400000.0
                                                                   : 3600000.0;
        range = {range.min - pad, range.max + pad};
        axis.band = pad;
    }
    if (type == core::ChartType::Bar) {
        const double gap = smallestGap(data);
        if (std::isfinite(gap))
            axis.band = gap;
        if (axis.band <= 0)
            axis.band = (range.max - range.min) / 10;
        axis.min = range.min - axis.band / 2;
        axis.max = range.max + axis.band / 2;
    } else if (time) {
        // Lines end at the data's ends; a scatter's outer points keep their whole marker.
        const double pad = type == core::ChartType::Scatter ? (range.max - range.min) * 0.02 : 0;
        axis.min = range.min - pad;
        axis.max = range.max + pad;
    } else {
        const core::NiceTicks nice = core::niceTicks(range.min, range.max, std::max(2, int(plotWidth / 70)));
        axis.min = nice.min;
        axis.max = nice.max;
    }
    axis.ticks = time ? timeTickLabels(axis.min, axis.max, fonts, plotWidth)
                      : numberTickLabels(axis.min, axis.max, fonts, plotWidth, type == core::ChartType::Bar);
    if (!time && type != core::ChartType::Bar && !axis.ticks.isEmpty()) {
        axis.min = std::min(axis.min, axis.ticks.first().value);
        axis.max = std::max(axis.max, axis.ticks.last().value);
    }
    axis.labelWidth = widest(axis.ticks, fonts.smallMetrics);
    axis.hasContext = std::any_of(axis.ticks.cbegin(), axis.ticks.cend(),
                                  [](const Tick& t) { return !t.context.isEmpty(); });
    axis.height = lineHeight * (axis.hasContext ? 2 : 1) + labelGap;
    return axis;
}

void drawGrid(QPainter& painter, const Frame& frame, const XAxis& x, const YAxis& y, core::AxisKind kind,
              const ChartStyle& style) {
    painter.save();
    QPen pen(style.grid, 1);
    pen.setCosmetic(true);
    painter.setPen(pen);
    painter.setRenderHint(QPainter::Antialiasing, false); // crisp one-pixel lines
    for (const Tick& t : y.ticks) {
        const double py = std::round(frame.yToPx(t.value));
        painter.drawLine(QPointF(frame.plot.left(), py), QPointF(frame.plot.right(), py));
    }
    if (kind != core::AxisKind::Category)
        for (const Tick& t : x.ticks) {
            const double px = std::round(frame.xToPx(t.value));
            painter.drawLine(QPointF(px, frame.plot.top()), QPointF(px, frame.plot.bottom()));
        }
    // Zero, when the axis crosses it, stands out from the other lines.
    if (y.min < 0 && y.max > 0) {
        pen.setColor(style.axis);
        painter.setPen(pen);
        const double py = std::round(frame.yToPx(0));
        painter.drawLine(QPointF(frame.plot.left(), py), QPointF(frame.plot.right(), py));
    }
    painter.restore();
}

void drawAxes(QPainter& painter, const Frame& frame, const XAxis& x, const YAxis& y, const Fonts& fonts,
              const ChartStyle& style) {
    painter.save();
    QPen pen(style.axis, 1);
    pen.setCosmetic(true);
    painter.setPen(pen);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const double bottom = std::round(frame.plot.bottom());
    painter.drawLine(QPointF(frame.plot.left(), bottom), QPointF(frame.plot.right(), bottom));
    const double tickLength = 4;
    for (int i = 0; i < x.ticks.size(); i += x.labelStep) {
        const double px = std::round(frame.xToPx(x.ticks[i].value));
        painter.drawLine(QPointF(px, bottom), QPointF(px, bottom + tickLength));
    }
    painter.setRenderHint(QPainter::Antialiasing, true);

    painter.setFont(fonts.small);
    painter.setPen(style.mutedText);
    const double lineHeight = fonts.smallMetrics.height();
    // Y labels beside the plot: on its left, or on its right from right to left.
    for (const Tick& t : y.ticks) {
        const double py = frame.yToPx(t.value);
        const QRectF box = frame.rtl ? QRectF(frame.plot.right() + labelGap, py - lineHeight / 2,
                                              y.labelWidth + 2, lineHeight)
                                     : QRectF(frame.plot.left() - labelGap - y.labelWidth - 2,
                                              py - lineHeight / 2, y.labelWidth + 2, lineHeight);
        painter.drawText(box, (frame.rtl ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter, t.label);
    }

    const double top = bottom + labelGap;
    for (int i = 0; i < x.ticks.size(); i += x.labelStep) {
        const Tick& t = x.ticks[i];
        const double px = frame.xToPx(t.value);
        if (x.rotated) {
            // The label's end at its tick, rising from below: at -45° (+45° right to left, ending there too).
            painter.save();
            painter.translate(px, top);
            painter.rotate(frame.rtl ? 45 : -45);
            const double w = fonts.smallMetrics.horizontalAdvance(t.label);
            const QRectF box = frame.rtl ? QRectF(0, -lineHeight / 2, w + 2, lineHeight)
                                         : QRectF(-w - 2, -lineHeight / 2, w + 2, lineHeight);
            painter.drawText(box, Qt::AlignVCenter | (frame.rtl ? Qt::AlignLeft : Qt::AlignRight), t.label);
            painter.restore();
            continue;
        }
        const double w = std::max(fonts.smallMetrics.horizontalAdvance(t.label),
                                  fonts.smallMetrics.horizontalAdvance(t.context)) +
                         4;
        painter.drawText(QRectF(px - w / 2, top, w, lineHeight), Qt::AlignCenter, t.label);
        if (!t.context.isEmpty())
            painter.drawText(QRectF(px - w / 2, top + lineHeight, w, lineHeight), Qt::AlignCenter, t.context);
    }
    painter.restore();
}

} // namespace pgdesk::paint::detail
