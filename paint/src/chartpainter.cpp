// SPDX-License-Identifier: GPL-3.0-or-later
// The chart's layout (title, subtitle, legend, axis titles around the plot), hit testing, and the PNG and SVG
// files: the window and the CLI draw through this one painter.
#include <pgdesk/paint/chartpainter.h>

#include "chartinternal.h"
#include "paintfont.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>
#include <numbers>

namespace pgdesk::paint {

namespace detail {

Fonts::Fonts(const QFont& base)
    : normal(pixelFont(base, 1))
    , small(pixelFont(base, 0.92))
    , title(boldFont(pixelFont(base, 1.3)))
    , normalMetrics(normal)
    , smallMetrics(small)
    , titleMetrics(title) {
}

QString seriesLabel(const core::ChartSeries& series, int otherGroups) {
    if (!series.isOther)
        return series.name;
    const QString other =
        QCoreApplication::translate("ChartPainter", "other (%n groups)", nullptr, otherGroups);
    return series.name.isEmpty() ? other : other + QStringLiteral(" · ") + series.name;
}

} // namespace detail

using namespace detail;

namespace {

constexpr double swatchSize = 10;
constexpr double legendSpacing = 16; // between two legend items

struct LegendItem {
    QString text;
    QColor color;
    double width = 0;
};

// The legend's items in rows that fit `width`; each row's items in reading order.
QList<QList<LegendItem>> legendRows(const core::ChartData& data, const ChartStyle& style, const Fonts& fonts,
                                    double width) {
    QList<QList<LegendItem>> rows(1);
    double used = 0;
    for (int s = 0; s < data.series.size(); ++s) {
        LegendItem item;
        item.text = fonts.smallMetrics.elidedText(seriesLabel(data.series[s], data.otherGroups),
                                                  Qt::ElideRight, std::min(220.0, width - swatchSize - 6));
        item.color = style.seriesColor(data.series[s], s);
        item.width = swatchSize + 6 + fonts.smallMetrics.horizontalAdvance(item.text);
        if (!rows.last().isEmpty() && used + legendSpacing + item.width > width) {
            rows.append(QList<LegendItem>());
            used = 0;
        }
        used += (rows.last().isEmpty() ? 0 : legendSpacing) + item.width;
        rows.last() << item;
    }
    return rows;
}

void drawLegend(QPainter& painter, const QRectF& area, const QList<QList<LegendItem>>& rows, bool lines,
                const ChartStyle& style, const Fonts& fonts) {
    const bool rtl = style.direction == Qt::RightToLeft;
    const double lineHeight = fonts.smallMetrics.height() + 4;
    painter.save();
    painter.setFont(fonts.small);
    double y = area.top();
    for (const QList<LegendItem>& row : rows) {
        double x = rtl ? area.right() : area.left();
        for (const LegendItem& item : row) {
            // The swatch first in reading order: at the item's left, or its right from right to left.
            const double swatchX = rtl ? x - swatchSize : x;
            const double midY = y + lineHeight / 2;
            if (lines) {
                painter.setPen(QPen(item.color, 2.5, Qt::SolidLine, Qt::RoundCap));
                painter.drawLine(QPointF(swatchX, midY), QPointF(swatchX + swatchSize, midY));
            } else {
                painter.fillRect(QRectF(swatchX, midY - swatchSize / 2, swatchSize, swatchSize), item.color);
            }
            const double textWidth = item.width - swatchSize - 6;
            const QRectF textBox = rtl ? QRectF(x - item.width, y, textWidth, lineHeight)
                                       : QRectF(x + swatchSize + 6, y, textWidth + 1, lineHeight);
            painter.setPen(style.text);
            painter.drawText(textBox, Qt::AlignVCenter | (rtl ? Qt::AlignRight : Qt::AlignLeft), item.text);
            x += (rtl ? -1 : 1) * (item.width + legendSpacing);
        }
        y += lineHeight;
    }
    painter.restore();
}

double nearestDistance(QPointF a, QPointF b) {
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

} // namespace

QColor ChartStyle::seriesColor(const core::ChartSeries& series, int index) const {
    if (series.isOther || palette.isEmpty())
        return otherColor;
    return palette[index % palette.size()];
}

ChartStyle ChartStyle::light() {
    return ChartStyle();
}

ChartStyle ChartStyle::dark() {
    ChartStyle style;
    style.background = QColor(0x23, 0x25, 0x29);
    style.text = QColor(0xe6, 0xe6, 0xe6);
    style.mutedText = QColor(0xa8, 0xa8, 0xa8);
    style.grid = QColor(0x3a, 0x3d, 0x42);
    style.axis = QColor(0x6e, 0x72, 0x78);
    style.otherColor = QColor(0x8a, 0x84, 0x80);
    return style;
}

ChartPainter::ChartPainter()
    : m_state(std::make_unique<State>()) {
}

ChartPainter::~ChartPainter() = default;

void ChartPainter::paint(QPainter& painter, const QRectF& rect, const core::ChartData& data,
                         core::ChartType type, const ChartStyle& style) {
    *m_state = State{};
    m_state->data = data;
    m_state->type = type;
    m_state->painted = true;
    const Fonts fonts(style.font);
    const bool rtl = style.direction == Qt::RightToLeft;
    const Qt::Alignment start = rtl ? Qt::AlignRight : Qt::AlignLeft;

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.fillRect(rect, style.background);
    painter.setClipRect(rect);

    const double margin = std::round(fonts.normalMetrics.height() * 0.9);
    QRectF content = rect.adjusted(margin, margin, -margin, -margin);
    if (!data.title.isEmpty()) {
        painter.setFont(fonts.title);
        painter.setPen(style.text);
        const double h = fonts.titleMetrics.height();
        painter.drawText(QRectF(content.left(), content.top(), content.width(), h), start | Qt::AlignVCenter,
                         fonts.titleMetrics.elidedText(data.title, Qt::ElideRight, content.width()));
        content.setTop(content.top() + h + 2);
    }
    if (!data.subtitle.isEmpty()) {
        painter.setFont(fonts.small);
        painter.setPen(style.mutedText);
        const double h = fonts.smallMetrics.height();
        painter.drawText(QRectF(content.left(), content.top(), content.width(), h), start | Qt::AlignVCenter,
                         fonts.smallMetrics.elidedText(data.subtitle, Qt::ElideRight, content.width()));
        content.setTop(content.top() + h);
    }
    if (!data.title.isEmpty() || !data.subtitle.isEmpty())
        content.setTop(content.top() + margin * 0.6);

    if (data.series.size() > 1 && type != core::ChartType::Pie) {
        const QList<QList<LegendItem>> rows = legendRows(data, style, fonts, content.width());
        const double h = rows.size() * (fonts.smallMetrics.height() + 4);
        drawLegend(painter, QRectF(content.left(), content.top(), content.width(), h), rows,
                   type == core::ChartType::Line, style, fonts);
        content.setTop(content.top() + h + margin * 0.6);
    }

    bool anyValue = false;
    for (const core::ChartSeries& s : data.series)
        for (const core::ChartPoint& p : s.points)
            anyValue = anyValue || !p.yNull;
    if (!anyValue) {
        painter.setFont(fonts.normal);
        painter.setPen(style.mutedText);
        painter.drawText(content, Qt::AlignCenter,
                         QCoreApplication::translate("ChartPainter", "No data to chart"));
        painter.restore();
        return;
    }
    if (type == core::ChartType::Pie) {
        m_state->pie = drawPie(painter, content, data, style, fonts);
        painter.restore();
        return;
    }

    // Axis titles take a line below and one (turned) on the y axis' side.
    const double titleLine = fonts.normalMetrics.height() + 4;
    QRectF frameArea = content;
    if (!data.xLabel.isEmpty())
        frameArea.setBottom(frameArea.bottom() - titleLine);
    if (!data.yLabel.isEmpty())
        (rtl ? frameArea.setRight(frameArea.right() - titleLine)
             : frameArea.setLeft(frameArea.left() + titleLine));

    // Twice: the labels' sizes change the plot's, which changes how many ticks fit.
    Frame frame;
    frame.rtl = rtl;
    XAxis x;
    YAxis y = makeYAxis(data, type, fonts, frameArea.height() * 0.85);
    x = makeXAxis(data, type, fonts, frameArea.width() - y.labelWidth - 8);
    for (int pass = 0; pass < 2; ++pass) {
        QRectF plot = frameArea;
        const double ySide = y.labelWidth + 8;
        // Labels centred on the outer ticks of numbers and times reach past the plot's end.
        const double farEnd = data.xKind == core::AxisKind::Category ? 0 : x.labelWidth / 2;
        // Turned labels end at their tick and reach back past the y axis: the first one needs room there.
        double nearEnd = ySide;
        if (x.rotated) {
            const double slot = (frameArea.width() - ySide) / std::max<qsizetype>(1, x.ticks.size());
            const double reach =
                x.labelWidth * (std::numbers::sqrt2 / 2) + fonts.smallMetrics.height() - slot / 2;
            nearEnd = std::max(ySide, reach - (rtl ? content.right() - frameArea.right()
                                                   : frameArea.left() - content.left()));
        }
        if (rtl) {
            plot.setRight(plot.right() - nearEnd);
            plot.setLeft(plot.left() + farEnd);
        } else {
            plot.setLeft(plot.left() + nearEnd);
            plot.setRight(plot.right() - farEnd);
        }
        plot.setBottom(plot.bottom() - x.height);
        plot.setTop(plot.top() + fonts.smallMetrics.height() / 2); // room for the top tick's label
        frame.plot = plot;
        if (pass == 0) {
            y = makeYAxis(data, type, fonts, plot.height());
            x = makeXAxis(data, type, fonts, plot.width());
        }
    }
    frame.xMin = x.min;
    frame.xMax = x.max;
    frame.yMin = y.min;
    frame.yMax = y.max;
    m_state->frame = frame;

    drawGrid(painter, frame, x, y, data.xKind, style);
    painter.save();
    painter.setClipRect(frame.plot.adjusted(-4, -4, 4, 4).intersected(rect));
    switch (type) {
    case core::ChartType::Bar:
        m_state->bars = drawBars(painter, frame, x, data, style, fonts);
        break;
    case core::ChartType::Line:
    case core::ChartType::Area:
        drawLines(painter, frame, data, style, type == core::ChartType::Area);
        break;
    case core::ChartType::Scatter:
        drawScatter(painter, frame, data, style);
        break;
    case core::ChartType::Pie:
        break;
    }
    painter.restore();
    drawAxes(painter, frame, x, y, fonts, style);

    painter.setFont(fonts.normal);
    painter.setPen(style.text);
    if (!data.xLabel.isEmpty())
        painter.drawText(
            QRectF(frame.plot.left(), content.bottom() - titleLine + 4, frame.plot.width(), titleLine - 4),
            Qt::AlignCenter, fonts.normalMetrics.elidedText(data.xLabel, Qt::ElideRight, frame.plot.width()));
    if (!data.yLabel.isEmpty()) {
        // Turned to read upwards on either side.
        painter.save();
        const double cx = rtl ? content.right() - titleLine / 2 : content.left() + titleLine / 2;
        painter.translate(cx, frame.plot.center().y());
        painter.rotate(-90);
        const double length = frame.plot.height();
        painter.drawText(QRectF(-length / 2, -titleLine / 2, length, titleLine), Qt::AlignCenter,
                         fonts.normalMetrics.elidedText(data.yLabel, Qt::ElideRight, length));
        painter.restore();
    }
    painter.restore();
}

std::optional<HitPoint> ChartPainter::pointAt(QPointF position) const {
    const State& state = *m_state;
    if (!state.painted)
        return std::nullopt;
    const core::ChartData& data = state.data;
    const auto hitFor = [&](int series, int index, QPointF at) {
        HitPoint hit;
        hit.series = series;
        hit.index = index;
        hit.seriesName = seriesLabel(data.series[series], data.otherGroups);
        const core::ChartPoint& p = data.series[series].points[index];
        hit.xText =
            data.xKind == core::AxisKind::Category ? categoryLabel(data.categories.value(int(p.x))) : p.xText;
        hit.yText = p.yText;
        hit.position = at;
        return hit;
    };

    if (state.type == core::ChartType::Pie) {
        const QPointF d = position - state.pie.center;
        if (state.pie.slices.isEmpty() || std::hypot(d.x(), d.y()) > state.pie.radius)
            return std::nullopt;
        double angle =
            std::atan2(-d.y(), d.x()) * 180 / std::numbers::pi; // Qt's: counter-clockwise from 3 o'clock
        for (const SliceHit& slice : state.pie.slices) {
            const double from = std::fmod(std::fmod(angle - slice.startDegrees, 360) + 360, 360);
            if (from > slice.spanDegrees)
                continue;
            const double mid = (slice.startDegrees + slice.spanDegrees / 2) * std::numbers::pi / 180;
            const QPointF at =
                state.pie.center + QPointF(std::cos(mid), -std::sin(mid)) * state.pie.radius * 0.6;
            if (slice.index >= 0)
                return hitFor(0, slice.index, at);
            HitPoint hit;
            hit.series = 0;
            hit.seriesName = seriesLabel(data.series.first(), data.otherGroups);
            hit.xText = slice.xText;
            hit.yText = slice.yText;
            hit.position = at;
            return hit;
        }
        return std::nullopt;
    }

    if (state.type == core::ChartType::Bar) {
        for (const BarHit& bar : state.bars)
            // Thin bars are hard to hit: a few pixels either side count.
            if (bar.rect.adjusted(-2, -3, 2, 3).contains(position))
                return hitFor(bar.series, bar.index, QPointF(bar.rect.center().x(), bar.rect.top()));
        return std::nullopt;
    }

    const Frame& frame = state.frame;
    if (!frame.plot.adjusted(-8, -8, 8, 8).contains(position))
        return std::nullopt;
    constexpr double reach = 10; // px
    double best = reach;
    std::optional<HitPoint> found;
    for (int s = 0; s < data.series.size(); ++s) {
        const QList<core::ChartPoint>& points = data.series[s].points;
        for (int i = 0; i < points.size(); ++i) {
            if (points[i].yNull)
                continue;
            const QPointF at(frame.xToPx(points[i].x), frame.yToPx(points[i].y));
            const double distance = nearestDistance(at, position);
            if (distance < best) {
                best = distance;
                found = hitFor(s, i, at);
            }
        }
    }
    return found;
}

QImage ChartPainter::renderImage(const core::ChartData& data, core::ChartType type, const ChartStyle& style,
                                 QSize size, qreal devicePixelRatio) {
    devicePixelRatio = std::max<qreal>(devicePixelRatio, 0.1);
    QImage image((QSizeF(size) * devicePixelRatio).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(style.background);
    QPainter painter(&image);
    paint(painter, QRectF(QPointF(0, 0), QSizeF(size)), data, type, style);
    return image;
}

QByteArray ChartPainter::renderSvg(const core::ChartData& data, core::ChartType type, const ChartStyle& style,
                                   QSize size) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setResolution(96);
    generator.setTitle(data.title);
    {
        QPainter painter(&generator);
        paint(painter, QRectF(QPointF(0, 0), QSizeF(size)), data, type, style);
    }
    return bytes;
}

bool ChartPainter::save(const QString& path, const core::ChartData& data, core::ChartType type,
                        const ChartStyle& style, QSize size, qreal devicePixelRatio, QString* error) {
    const bool svg = QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    bool written = false;
    if (svg) {
        const QByteArray bytes = renderSvg(data, type, style, size);
        written = file.write(bytes) == bytes.size();
    } else {
        written = renderImage(data, type, style, size, devicePixelRatio).save(&file, "PNG");
    }
    if (!written || !file.commit()) {
        if (error)
            *error = file.errorString().isEmpty()
                         ? QCoreApplication::translate("ChartPainter", "The chart could not be written")
                         : file.errorString();
        return false;
    }
    return true;
}

} // namespace pgdesk::paint
