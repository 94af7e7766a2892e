// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/visual/chartdata.h>

#include <QByteArray>
#include <QColor>
#include <QFont>
#include <QImage>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QString>

#include <memory>
#include <optional>

class QPainter;

namespace pgdesk::paint {

struct ChartStyle {
    // Ten series colours told apart also in print (Tableau 10); series past ten take them again.
    QList<QColor> palette = {
        QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0xe1, 0x57, 0x59),
        QColor(0x76, 0xb7, 0xb2), QColor(0x59, 0xa1, 0x4f), QColor(0xed, 0xc9, 0x48),
        QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7), QColor(0x9c, 0x75, 0x5f),
        QColor(0x79, 0x70, 0x6e),
    };
    QColor otherColor = QColor(0xba, 0xb0, 0xac); // the "other" series and pie slice
    QColor background = Qt::white;
    QColor text = QColor(0x33, 0x33, 0x33);
    QColor mutedText = QColor(0x70, 0x70, 0x70); // tick labels, subtitle
    QColor grid = QColor(0xe4, 0xe4, 0xe4);
    QColor axis = QColor(0x9a, 0x9a, 0x9a);
    QFont font; // its pixel size, or its point size at 96 dpi: the same on screen, in a PNG and an SVG
    // Right to left: the y axis and the legend on the right, the x axis from right to left; text reads as
    // ever.
    Qt::LayoutDirection direction = Qt::LeftToRight;

    QColor seriesColor(const core::ChartSeries& series, int index) const;
    static ChartStyle light();
    static ChartStyle dark();
};

// What is under the mouse: the series' point (or pie slice) and its values as the server printed them.
struct HitPoint {
    int series = -1;
    int index = -1; // in the series' points; -1 for a pie's slice of tiny values grouped
    QString seriesName;
    QString xText;
    QString yText;
    QPointF position; // where it is drawn (a bar's top, a slice's middle)
};

// Draws a chart of series already aggregated (core::ChartData) with QPainter only: the window paints on its
// widget, the CLI into a PNG or an SVG, through the same code. Never uses QtWidgets.
class ChartPainter final {
public:
    ChartPainter();
    ~ChartPainter();
    ChartPainter(const ChartPainter&) = delete;
    ChartPainter& operator=(const ChartPainter&) = delete;

    void paint(QPainter& painter, const QRectF& rect, const core::ChartData& data, core::ChartType type,
               const ChartStyle& style);
    // The point or bar at `position` (the painted rect's coordinates) of the last paint, if any.
    std::optional<HitPoint> pointAt(QPointF position) const;

    QImage renderImage(const core::ChartData& data, core::ChartType type, const ChartStyle& style, QSize size,
                       qreal devicePixelRatio = 1);
    QByteArray renderSvg(const core::ChartData& data, core::ChartType type, const ChartStyle& style,
                         QSize size);
    // PNG, or SVG when the path ends in .svg (any case). False with `error` set when it cannot be written.
    bool save(const QString& path, const core::ChartData& data, core::ChartType type, const ChartStyle& style,
              QSize size, qreal devicePixelRatio = 1, QString* error = nullptr);

    struct State; // what the last paint drew, for pointAt

private:
    std::unique_ptr<State> m_state;
};

} // namespace pgdesk::paint
