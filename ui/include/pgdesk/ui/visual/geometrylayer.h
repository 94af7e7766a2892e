// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/visual/geometry.h>

#include <QColor>
#include <QList>
#include <QPainterPath>
#include <QPen>
#include <QPointF>
#include <QRectF>

#include <array>

class QPainter;
class QTransform;

namespace pgdesk::ui {

// What one feature draws: its filled and stroked shapes in data coordinates, its points apart (drawn at a
// fixed size on screen whatever the zoom).
struct GeometryShape {
    QPainterPath area;  // polygons, boxes, circles: filled
    QPainterPath lines; // lines, paths, rings of nothing
    QList<QPointF> points;
    QList<std::array<double, 3>> infinite; // built-in line: a·x + b·y + c = 0
    QRectF bounds;
};

// The shapes of a decoded value, built once (off the GUI thread: QPainterPath is a plain value) and drawn at
// every paint: a layer of 100,000 polygons pans without decoding or building anything again.
GeometryShape geometryShape(const core::Geometry& geometry);

// Draws a shape through `toScreen` (data units to pixels): areas filled, lines stroked with `pen` (cosmetic,
// so one pixel at any zoom), points as dots of `pointRadius` pixels, infinite lines clipped to `visible`
// (the visible box in data units); shapes outside it are skipped at once.
void drawGeometryShape(QPainter& p, const QTransform& toScreen, const GeometryShape& s, const QRectF& visible,
                       const QPen& pen, const QColor& fill, double pointRadius);

} // namespace pgdesk::ui
