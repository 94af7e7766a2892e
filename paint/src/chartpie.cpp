// SPDX-License-Identifier: GPL-3.0-or-later
// A pie of the first series: positive values only, slices too thin to read grouped into one, labels outside
// with their percentage, pushed apart so that none covers another.
#include "chartinternal.h"

#include <pgdesk/core/base/exactdecimal.h>

#include <QCoreApplication>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace pgdesk::paint::detail {

namespace {

constexpr double tinyShare = 0.02; // slices under 2 % are grouped (when there are at least two of them)
constexpr int maxSlices = 12;      // past this many, the smallest are grouped as well
constexpr double maxLabel = 180;   // px

struct Slice {
    int index = -1;
    double value = 0;
    QString name;
    QString yText;
};

struct Label {
    double mid = 0; // the slice's middle, radians counter-clockwise from 3 o'clock
    double y = 0;
    QString text;
};

// Labels on one side stacked without overlap, kept within [top, bottom].
void spread(QList<Label*>& side, double lineHeight, double top, double bottom) {
    std::sort(side.begin(), side.end(), [](const Label* a, const Label* b) { return a->y < b->y; });
    for (qsizetype i = 0; i < side.size(); ++i)
        side[i]->y = std::max(side[i]->y, i == 0 ? top : side[i - 1]->y + lineHeight);
    if (!side.isEmpty() && side.last()->y > bottom - lineHeight) {
        side.last()->y = bottom - lineHeight;
        for (qsizetype i = side.size() - 2; i >= 0; --i)
            side[i]->y = std::min(side[i]->y, side[i + 1]->y - lineHeight);
    }
}

} // namespace

PieResult drawPie(QPainter& painter, const QRectF& rect, const core::ChartData& data, const ChartStyle& style,
                  const Fonts& fonts) {
    PieResult result;
    if (data.series.isEmpty())
        return result;
    const core::ChartSeries& series = data.series.first();
    const bool categories = data.xKind == core::AxisKind::Category;
    QList<Slice> slices;
    double total = 0;
    for (int i = 0; i < series.points.size(); ++i) {
        const core::ChartPoint& p = series.points[i];
        if (p.yNull || p.y <= 0)
            continue;
        const QString name = categories ? categoryLabel(data.categories.value(int(p.x))) : p.xText;
        slices << Slice{i, p.y, name, p.yText};
        total += p.y;
    }
    if (slices.isEmpty() || total <= 0) {
        painter.save();
        painter.setPen(style.mutedText);
        painter.setFont(fonts.normal);
        painter.drawText(rect, Qt::AlignCenter,
                         QCoreApplication::translate("ChartPainter", "No positive values to show"));
        painter.restore();
        return result;
    }

    // Which slices are grouped: the thin ones, and the smallest past maxSlices.
    QList<int> bySize(slices.size());
    std::iota(bySize.begin(), bySize.end(), 0);
    std::stable_sort(bySize.begin(), bySize.end(),
                     [&](int a, int b) { return slices[a].value > slices[b].value; });
    QList<bool> grouped(slices.size(), false);
    int groupedCount = 0;
    for (qsizetype rank = 0; rank < bySize.size(); ++rank) {
        const int i = bySize[rank];
        if (rank >= maxSlices - 1 || slices[i].value / total < tinyShare) {
            grouped[i] = true;
            ++groupedCount;
        }
    }
    if (groupedCount >= 2) {
        Slice rest;
        rest.name = QCoreApplication::translate("ChartPainter", "other");
        core::ExactDecimal exact;
        bool exactOk = true;
        QList<Slice> kept;
        for (qsizetype i = 0; i < slices.size(); ++i) {
            if (!grouped[i]) {
                kept << slices[i];
                continue;
            }
            rest.value += slices[i].value;
            if (const auto v = core::ExactDecimal::parse(slices[i].yText))
                exact = exact + *v;
            else
                exactOk = false;
        }
        rest.yText = exactOk ? exact.toString() : QLocale().toString(rest.value, 'g', 15);
        kept << rest;
        slices = kept;
    }

    // Labels: "name 12.3 %", beside the pie.
    QList<Label> labels;
    double labelWidth = 0;
    for (const Slice& slice : std::as_const(slices)) {
        const QString percent = formatNumber(slice.value / total * 100, 1) + QLocale().percent();
        const QString name = fonts.smallMetrics.elidedText(
            slice.name, Qt::ElideRight,
            maxLabel - fonts.smallMetrics.horizontalAdvance(percent + QLatin1Char(' ')));
        labels << Label{0, 0, name + QLatin1Char(' ') + percent};
        labelWidth = std::max(labelWidth, fonts.smallMetrics.horizontalAdvance(labels.last().text));
    }
    const double lineHeight = fonts.smallMetrics.height();
    const double leader = 22;
    double radius =
        std::min(rect.height() / 2 - lineHeight, (rect.width() - 2 * (labelWidth + leader + 8)) / 2);
    radius = std::max(radius, std::min(rect.width(), rect.height()) / 4);
    result.center = rect.center();
    result.radius = radius;
    const QRectF circle(result.center.x() - radius, result.center.y() - radius, 2 * radius, 2 * radius);

    // From 12 o'clock, clockwise (counter-clockwise right to left); Qt's angles turn counter-clockwise.
    const double direction = style.direction == Qt::RightToLeft ? 1 : -1;
    double start = 90;
    painter.save();
    painter.setPen(QPen(style.background, 1.5));
    int colorIndex = 0;
    for (qsizetype i = 0; i < slices.size(); ++i) {
        const Slice& slice = slices[i];
        const double span = direction * slice.value / total * 360;
        QPainterPath path;
        path.moveTo(result.center);
        path.arcTo(circle, start, span);
        path.closeSubpath();
        const bool rest = slice.index < 0;
        const QColor color =
            rest ? style.otherColor : style.palette.value(colorIndex++ % style.palette.size());
        painter.setBrush(color);
        painter.drawPath(path);
        const double lo = std::min(start, start + span);
        result.slices << SliceHit{lo, std::abs(span), slice.index, slice.name, slice.yText};
        labels[i].mid = (start + span / 2) * std::numbers::pi / 180;
        labels[i].y = result.center.y() - std::sin(labels[i].mid) * (radius + leader / 2) - lineHeight / 2;
        start += span;
    }
    painter.restore();

    QList<Label*> right;
    QList<Label*> left;
    for (Label& label : labels)
        (std::cos(label.mid) >= 0 ? right : left) << &label;
    spread(right, lineHeight, rect.top(), rect.bottom());
    spread(left, lineHeight, rect.top(), rect.bottom());

    painter.save();
    painter.setFont(fonts.small);
    for (const Label& label : std::as_const(labels)) {
        const bool onRight = std::cos(label.mid) >= 0;
        const QPointF edge(result.center.x() + std::cos(label.mid) * radius,
                           result.center.y() - std::sin(label.mid) * radius);
        const QPointF elbow(result.center.x() + std::cos(label.mid) * (radius + leader / 2),
                            label.y + lineHeight / 2);
        const double textX = result.center.x() + (onRight ? 1 : -1) * (radius + leader);
        painter.setPen(QPen(style.axis, 1));
        painter.drawPolyline(QPolygonF{edge, elbow, QPointF(textX, elbow.y())});
        painter.setPen(style.text);
        const double w = fonts.smallMetrics.horizontalAdvance(label.text) + 2;
        const QRectF box = onRight ? QRectF(textX + 3, label.y, w, lineHeight)
                                   : QRectF(textX - 3 - w, label.y, w, lineHeight);
        painter.drawText(box, Qt::AlignVCenter | (onRight ? Qt::AlignLeft : Qt::AlignRight), label.text);
    }
    painter.restore();
    return result;
}

} // namespace pgdesk::paint::detail
