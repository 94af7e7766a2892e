// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/visual/geometrylayer.h>

#include <QPainter>
#include <QTransform>

#include <cmath>

namespace pgdesk::ui {

GeometryShape geometryShape(const core::Geometry& g) {
    GeometryShape s;
    for (const core::GeoPart& part : g.parts) {
        switch (part.kind) {
        case core::GeoPartKind::Point:
            for (const core::GeoPoint& p : part.points)
                s.points << QPointF(p.x, p.y);
            break;
        case core::GeoPartKind::LineString: {
            if (part.points.isEmpty())
                break;
            s.lines.moveTo(part.points.first().x, part.points.first().y);
            for (qsizetype i = 1; i < part.points.size(); ++i)
                s.lines.lineTo(part.points[i].x, part.points[i].y);
            if (part.closed)
                s.lines.closeSubpath();
            break;
        }
        case core::GeoPartKind::Polygon:
            for (const QList<core::GeoPoint>& ring : part.rings) {
                if (ring.isEmpty())
                    continue;
                s.area.moveTo(ring.first().x, ring.first().y);
                for (qsizetype i = 1; i < ring.size(); ++i)
                    s.area.lineTo(ring[i].x, ring[i].y);
                s.area.closeSubpath();
            }
            break;
        case core::GeoPartKind::Circle:
            s.area.addEllipse(QPointF(part.center.x, part.center.y), part.radius, part.radius);
            break;
        case core::GeoPartKind::Line:
            s.infinite.append({part.a, part.b, part.c});
            break;
        }
    }
    s.area.setFillRule(Qt::OddEvenFill); // holes stay holes
    QRectF b = s.area.boundingRect() | s.lines.boundingRect();
    for (const QPointF& p : std::as_const(s.points))
        b |= QRectF(p, QSizeF(0, 0));
    s.bounds = b;
    return s;
}

void drawGeometryShape(QPainter& p, const QTransform& t, const GeometryShape& s, const QRectF& visible,
                       const QPen& pen, const QColor& fill, double pointRadius) {
    if (!s.bounds.isNull() && !s.bounds.intersects(visible) && s.infinite.isEmpty() &&
        !(s.bounds.width() == 0 && visible.contains(s.bounds.topLeft())))
        return;
    p.save();
    p.setTransform(t);
    p.setPen(pen);
    if (!s.area.isEmpty()) {
        p.setBrush(fill);
        p.drawPath(s.area);
    }
    if (!s.lines.isEmpty()) {
        p.setBrush(Qt::NoBrush);
        p.drawPath(s.lines);
    }
    p.restore();
    p.setPen(pen);
    p.setBrush(pen.color());
    for (const QPointF& point : s.points)
        p.drawEllipse(t.map(point), pointRadius / 2, pointRadius / 2);
    for (const auto& [a, b, c] : s.infinite) { // clipped to the view: two far points on the line
        const QPointF mid = visible.center();
        const double n = std::hypot(a, b);
        if (n == 0)
            continue;
        const double d = (a * mid.x() + b * mid.y() + c) / n;
        const QPointF foot(mid.x() - a / n * d, mid.y() - b / n * d);
        const QPointF dir(-b / n, a / n);
        const double reach = std::hypot(visible.width(), visible.height());
        p.drawLine(t.map(foot - dir * reach), t.map(foot + dir * reach));
    }
}

} // namespace pgdesk::ui
