// SPDX-License-Identifier: GPL-3.0-or-later
// Bars, lines, areas and scatter points. Each series is one path (one SVG element, one fill): a hundred
// thousand points are thinned to what the pixels can show before any drawing.
#include "chartinternal.h"

#include <QBitArray>
#include <QImage>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace pgdesk::paint::detail {

namespace {

// The points of a series in x order (categories come in the rows' order, not always the categories').
QList<int> orderByX(const core::ChartSeries& series) {
    QList<int> order(series.points.size());
    std::iota(order.begin(), order.end(), 0);
    const auto& p = series.points;
    if (!std::is_sorted(order.cbegin(), order.cend(), [&](int a, int b) { return p[a].x < p[b].x; }))
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return p[a].x < p[b].x; });
    return order;
}

// Consecutive points on one pixel column reduced to the first, the lowest, the highest and the last: the
// line looks the same and a hundred thousand points become a few per column.
class ColumnThinner final {
public:
    explicit ColumnThinner(QPolygonF& out)
        : m_out(out) {}
    void add(QPointF p) {
        const auto column = qint64(std::floor(p.x()));
        if (m_count > 0 && column == m_column) {
            if (p.y() < m_low.y()) {
                m_low = p;
                m_lowAt = m_count;
            }
            if (p.y() > m_high.y()) {
                m_high = p;
                m_highAt = m_count;
            }
            m_last = p;
            ++m_count;
            return;
        }
        flush();
        m_column = column;
        m_first = m_low = m_high = m_last = p;
        m_lowAt = m_highAt = 0;
        m_count = 1;
    }
    void flush() {
        if (m_count == 0)
            return;
        append(m_first);
        if (m_count > 1) {
            append(m_lowAt < m_highAt ? m_low : m_high);
            append(m_lowAt < m_highAt ? m_high : m_low);
            append(m_last);
        }
        m_count = 0;
    }

private:
    void append(QPointF p) {
        if (m_out.isEmpty() || m_out.last() != p)
            m_out << p;
    }
    QPolygonF& m_out;
    qint64 m_column = 0;
    QPointF m_first, m_low, m_high, m_last;
    int m_lowAt = 0;
    int m_highAt = 0;
    int m_count = 0;
};

bool isRaster(const QPainter& painter) {
    return painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Raster;
}

// The raster engine strokes a wide line as one outline: a zigzag of thousands of points crosses every
// scanline thousands of times and takes seconds. Short pieces (their joins kept, round caps where they meet)
// take milliseconds. Vector engines (SVG) get each run as one path.
constexpr qsizetype strokePiece = 16; // points

struct Run {
    QPolygonF points;     // thinned, in pixels
    qsizetype values = 0; // the series' values it stands for
    // More values than pixel columns: every column's stretch of the line is a vertical span.
    bool dense() const {
        return points.size() > 1 && values > 2 * (std::abs(points.last().x() - points.first().x()) + 1);
    }
};

// A series' line as runs between its gaps (NULL values), in pixels.
QList<Run> lineRuns(const Frame& frame, const core::ChartSeries& series) {
    QList<Run> runs;
    Run run;
    ColumnThinner thinner(run.points);
    const auto close = [&] {
        thinner.flush();
        if (!run.points.isEmpty())
            runs << run;
        run = Run{};
    };
    for (int i : orderByX(series)) {
        const core::ChartPoint& p = series.points[i];
        if (p.yNull) {
            close();
            continue;
        }
        thinner.add(QPointF(frame.xToPx(p.x), frame.yToPx(p.y)));
        ++run.values;
    }
    close();
    return runs;
}

struct ColumnSpan {
    double x = 0; // the column's centre
    double top = 0;
    double bottom = 0;
};

// What a dense line covers in each pixel column: its values there and the step from the column before. Long
// antialiased strokes up and down every column cost the raster engine ~0.1 ms each; these are rectangles.
QList<ColumnSpan> columnSpans(const QPolygonF& run) {
    QList<ColumnSpan> spans;
    qint64 column = 0;
    double previous = 0;
    for (qsizetype i = 0; i < run.size(); ++i) {
        const QPointF p = run[i];
        const auto c = qint64(std::floor(p.x()));
        if (spans.isEmpty() || c != column) {
            spans << ColumnSpan{double(c) + 0.5, p.y(), p.y()};
            if (i > 0) {
                spans.last().top = std::min(spans.last().top, previous);
                spans.last().bottom = std::max(spans.last().bottom, previous);
            }
            column = c;
        } else {
            spans.last().top = std::min(spans.last().top, p.y());
            spans.last().bottom = std::max(spans.last().bottom, p.y());
        }
        previous = p.y();
    }
    return spans;
}

// The area between a run and the base line. Sparse: the line's own points. Dense: per column from the base to
// the farthest value, one edge along the top and one along the bottom, so that no scanline crosses a
// thousand edges.
QPolygonF areaShape(const Run& run, double base) {
    const QPolygonF& points = run.points;
    if (!run.dense()) {
        QPolygonF shape = points;
        shape << QPointF(points.last().x(), base) << QPointF(points.first().x(), base);
        return shape;
    }
    QPolygonF top;
    QPolygonF bottom;
    for (const ColumnSpan& span : columnSpans(points)) {
        top << QPointF(span.x, std::min(span.top, base));
        bottom << QPointF(span.x, std::max(span.bottom, base));
    }
    std::reverse(bottom.begin(), bottom.end());
    return top + bottom;
}

} // namespace

QList<BarHit> drawBars(QPainter& painter, const Frame& frame, const XAxis& x, const core::ChartData& data,
                       const ChartStyle& style, const Fonts& fonts) {
    QList<BarHit> hits;
    const int n = int(data.series.size());
    const double groupWidth = std::max(1.0, x.band * frame.xScale() * 0.8);
    const double barWidth = std::max(1.0, groupWidth / n);
    const double inner = barWidth > 8 ? 2 : 0; // a hair between bars of one group, when they are wide
    const double base = frame.yToPx(std::clamp(0.0, frame.yMin, frame.yMax));
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false); // crisp edges
    painter.setPen(Qt::NoPen);
    for (int s = 0; s < n; ++s) {
        const core::ChartSeries& series = data.series[s];
        QPainterPath path;
        for (int i = 0; i < series.points.size(); ++i) {
            const core::ChartPoint& p = series.points[i];
            if (p.yNull)
                continue;
            const double center = frame.xToPx(p.x);
            // Series in legend order along the reading direction.
            const double left = frame.rtl ? center + groupWidth / 2 - (s + 1) * barWidth
                                          : center - groupWidth / 2 + s * barWidth;
            const double top = frame.yToPx(p.y);
            QRectF bar(left + inner / 2, std::min(top, base), std::max(1.0, barWidth - inner),
                       std::max(std::abs(base - top), p.y != 0 ? 1.0 : 0.0));
            path.addRect(bar);
            hits << BarHit{bar, s, i};
        }
        painter.fillPath(path, style.seriesColor(series, s));
    }
    painter.restore();

    // The exact values on the bars, when there are few and they fit.
    if (hits.size() > 40)
        return hits;
    painter.save();
    painter.setFont(fonts.small);
    painter.setPen(style.mutedText);
    const double lineHeight = fonts.smallMetrics.height();
    for (const BarHit& hit : std::as_const(hits)) {
        const core::ChartPoint& p = data.series[hit.series].points[hit.index];
        const double w = fonts.smallMetrics.horizontalAdvance(p.yText);
        if (w + 2 > hit.rect.width() + inner)
            continue;
        const bool below = p.y < 0;
        const double y = below ? hit.rect.bottom() + 1 : hit.rect.top() - lineHeight - 1;
        if (y < frame.plot.top() - lineHeight || y + lineHeight > frame.plot.bottom() + lineHeight)
            continue;
        painter.drawText(QRectF(hit.rect.center().x() - w / 2 - 1, y, w + 2, lineHeight), Qt::AlignCenter,
                         p.yText);
    }
    painter.restore();
    return hits;
}

void drawLines(QPainter& painter, const Frame& frame, const core::ChartData& data, const ChartStyle& style,
               bool area) {
    painter.save();
    const double base = frame.yToPx(std::clamp(0.0, frame.yMin, frame.yMax));
    const double width = data.series.size() > 6 ? 1.5 : 2;
    // Markers on each value only while they stay apart.
    const bool markers = data.pointCount() <= std::min(200.0, frame.plot.width() / 12);
    const bool raster = isRaster(painter);
    QList<QList<Run>> seriesRuns;
    for (const core::ChartSeries& series : data.series)
        seriesRuns << lineRuns(frame, series);
    // Every fill under every line: a later series' fill does not dim an earlier series' line.
    if (area) {
        for (int s = 0; s < data.series.size(); ++s) {
            QColor fill = style.seriesColor(data.series[s], s);
            fill.setAlphaF(0.22f);
            QPainterPath under;
            for (const Run& run : std::as_const(seriesRuns[s])) {
                if (run.points.size() < 2)
                    continue;
                under.addPolygon(areaShape(run, base));
                under.closeSubpath();
            }
            painter.fillPath(under, fill);
        }
    }
    for (int s = 0; s < data.series.size(); ++s) {
        const QColor color = style.seriesColor(data.series[s], s);
        const QList<Run>& runs = seriesRuns[s];
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        QPainterPath line;
        QPainterPath dots;                 // a value alone between two gaps has no line: a dot shows it
        dots.setFillRule(Qt::WindingFill); // overlapping circles stay filled
        for (const Run& r : runs) {
            const QPolygonF& run = r.points;
            if (run.size() == 1) {
                dots.addEllipse(run.first(), width + 1, width + 1);
            } else if (raster && r.dense()) {
                painter.save();
                painter.setRenderHint(QPainter::Antialiasing, false);
                for (const ColumnSpan& span : columnSpans(run))
                    painter.fillRect(QRectF(span.x - width / 2, span.top - width / 2, width,
                                            span.bottom - span.top + width),
                                     color);
                painter.restore();
            } else if (raster) {
                for (qsizetype start = 0; start + 1 < run.size(); start += strokePiece - 1)
                    painter.drawPolyline(run.constData() + start,
                                         int(std::min(strokePiece, run.size() - start)));
            } else {
                line.moveTo(run.first());
                for (qsizetype i = 1; i < run.size(); ++i)
                    line.lineTo(run[i]);
            }
        }
        if (!line.isEmpty())
            painter.drawPath(line);
        if (markers)
            for (const Run& run : runs)
                for (QPointF p : run.points)
                    dots.addEllipse(p, 3, 3);
        if (!dots.isEmpty()) {
            painter.setPen(QPen(style.background, 1));
            painter.setBrush(color);
            painter.drawPath(dots);
        }
    }
    painter.restore();
}

void drawScatter(QPainter& painter, const Frame& frame, const core::ChartData& data,
                 const ChartStyle& style) {
    const int total = data.pointCount();
    const double radius = total > 20000 ? 2 : total > 2000 ? 2.5 : 3.5;
    const QRect cells = frame.plot.adjusted(-radius, -radius, radius, radius).toAlignedRect();
    // On raster, one antialiased marker image stamped at each point: filling a path of a hundred thousand
    // circles takes seconds. Vector engines get the circles.
    const bool raster = isRaster(painter);
    const qreal ratio = painter.device() ? painter.device()->devicePixelRatio() : 1;
    const double half = radius + 1;
    painter.save();
    painter.setPen(Qt::NoPen);
    for (int s = 0; s < data.series.size(); ++s) {
        const core::ChartSeries& series = data.series[s];
        const QColor color = style.seriesColor(series, s);
        QImage stamp;
        if (raster) {
            stamp = QImage(QSize(int(std::ceil(2 * half * ratio)), int(std::ceil(2 * half * ratio))),
                           QImage::Format_ARGB32_Premultiplied);
            stamp.setDevicePixelRatio(ratio);
            stamp.fill(Qt::transparent);
            QPainter p(&stamp);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(Qt::NoPen);
            p.setBrush(color);
            p.drawEllipse(QPointF(half, half), radius, radius);
        }
        // One marker per pixel: more on the same pixel would look the same.
        QBitArray taken(qsizetype(cells.width()) * cells.height());
        QPainterPath markers;
        markers.setFillRule(Qt::WindingFill); // overlapping circles stay filled
        for (const core::ChartPoint& p : series.points) {
            if (p.yNull)
                continue;
            const QPointF at(frame.xToPx(p.x), frame.yToPx(p.y));
            const int cx = int(std::floor(at.x())) - cells.left();
            const int cy = int(std::floor(at.y())) - cells.top();
            if (cx < 0 || cy < 0 || cx >= cells.width() || cy >= cells.height())
                continue;
            const qsizetype cell = qsizetype(cy) * cells.width() + cx;
            if (taken.testBit(cell))
                continue;
            taken.setBit(cell);
            if (raster)
                painter.drawImage(QPointF(std::round(at.x() - half), std::round(at.y() - half)), stamp);
            else
                markers.addEllipse(at, radius, radius);
        }
        if (!markers.isEmpty()) {
            painter.setBrush(color);
            painter.drawPath(markers);
        }
    }
    painter.restore();
}

} // namespace pgdesk::paint::detail
