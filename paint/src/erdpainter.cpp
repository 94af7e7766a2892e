// SPDX-License-Identifier: GPL-3.0-or-later
// Boxes, text and crow's-foot lines of an ER diagram; only what meets the visible rectangle is drawn, and
// less of it the further out the view is zoomed, so a frame of thousands of tables stays cheap.
#include <pgdesk/paint/erdpainter.h>

#include "paintfont.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QLineF>
#include <QPainter>
#include <QPainterPath>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>

namespace pgdesk::paint {

namespace {

constexpr double kPad = 6;        // inside a box
constexpr double kMaxWidth = 380; // a box's text is elided past this
constexpr double kEnd = 12;       // length of a line's cardinality mark

struct Metrics {
    QFont normal;
    QFont bold;
    QFont small;
    QFontMetricsF normalMetrics;
    QFontMetricsF boldMetrics;
    QFontMetricsF smallMetrics;
    double header;
    double row;
    double markWidth;

    explicit Metrics(const QFont& base)
        : normal(detail::pixelFont(base, 1))
        , bold(detail::boldFont(detail::pixelFont(base, 1)))
        , small(detail::pixelFont(base, 0.9))
        , normalMetrics(normal)
        , boldMetrics(bold)
        , smallMetrics(small)
        , header(std::ceil(boldMetrics.height() + 2 * kPad - 2))
        , row(std::ceil(normalMetrics.height() + 4))
        , markWidth(smallMetrics.horizontalAdvance(QStringLiteral("PK FK")) + kPad) {}
};

QString shown(const QString& text) {
    QString out = text;
    out.replace(QLatin1Char('\n'), QChar(0x21b5));
    out.replace(QLatin1Char('\r'), QChar(0x21b5));
    return out;
}

// A mark across the line at distance `at` from its end `tip`, the line leaving towards `from`.
void bar(QPainter& p, QPointF tip, QPointF from, double at) {
    const QLineF axis(tip, from);
    const QLineF unit = axis.unitVector();
    const QPointF d = unit.p2() - unit.p1();
    const QPointF c = tip + d * at;
    const QPointF n(-d.y(), d.x());
    p.drawLine(c + n * 5, c - n * 5);
}

void circle(QPainter& p, QPointF tip, QPointF from, double at) {
    const QLineF unit = QLineF(tip, from).unitVector();
    const QPointF d = unit.p2() - unit.p1();
    p.drawEllipse(tip + d * at, 3.5, 3.5);
}

void crow(QPainter& p, QPointF tip, QPointF from) {
    const QLineF unit = QLineF(tip, from).unitVector();
    const QPointF d = unit.p2() - unit.p1();
    const QPointF n(-d.y(), d.x());
    const QPointF foot = tip + d * 9;
    p.drawLine(foot, tip + n * 6);
    p.drawLine(foot, tip - n * 6);
}

} // namespace

ErdStyle ErdStyle::light() {
    return ErdStyle();
}

ErdStyle ErdStyle::dark() {
    ErdStyle s;
    s.background = QColor(0x23, 0x25, 0x29);
    s.box = QColor(0x2c, 0x2f, 0x34);
    s.header = QColor(0x3a, 0x47, 0x5a);
    s.border = QColor(0x6e, 0x7a, 0x8a);
    s.text = QColor(0xe6, 0xe6, 0xe6);
    s.mutedText = QColor(0xa8, 0xa8, 0xa8);
    s.key = QColor(0xe0, 0xb0, 0x4a);
    s.line = QColor(0x9a, 0xa8, 0xbb);
    s.highlight = QColor(0xff, 0x7b, 0x7d);
    return s;
}

ErdPainter::ErdPainter(ErdStyle style)
    : m_style(std::move(style)) {
}

QList<QSizeF> ErdPainter::boxSizes(const core::ErdGraph& graph, bool collapsed) const {
    const Metrics m(m_style.font);
    QList<QSizeF> sizes;
    sizes.reserve(graph.tables.size());
    for (const core::ErdTable& t : graph.tables) {
        double width = m.boldMetrics.horizontalAdvance(shown(t.qualifiedName())) + 2 * kPad;
        if (!collapsed) {
            for (const core::ErdColumn& c : t.columns) {
                const QFontMetricsF& names = c.notNull ? m.boldMetrics : m.normalMetrics;
                width =
                    std::max(width, m.markWidth + names.horizontalAdvance(shown(c.name)) + 2 * kPad +
                                        m.smallMetrics.horizontalAdvance(c.type + QLatin1Char('?')) + kPad);
            }
        }
        const double height =
            m.header + (collapsed ? 0 : t.columns.size() * m.row + (t.columns.isEmpty() ? 0 : 4));
        sizes << QSizeF(std::ceil(std::clamp(width, 80.0, kMaxWidth)), height);
    }
    return sizes;
}

core::ErdLayoutOptions ErdPainter::layoutOptions(bool collapsed) const {
    const Metrics m(m_style.font);
    core::ErdLayoutOptions o;
    if (!collapsed) {
        o.headerHeight = m.header + 2;
        o.rowHeight = m.row;
    }
    return o;
}

ErdPainter::Detail ErdPainter::detailFor(qreal scale) {
    return scale >= 0.45 ? Detail::Full : scale >= 0.18 ? Detail::Names : Detail::Boxes;
}

void ErdPainter::paint(QPainter& p, const core::ErdGraph& graph, const core::ErdLayout& layout,
                       const QRectF& visible, Detail detail, bool collapsed,
                       const QSet<int>& highlighted) const {
    const Metrics m(m_style.font);
    p.save();
    p.setRenderHint(QPainter::Antialiasing, detail != Detail::Boxes);
    // Lines first, so boxes cover their ends' overlap.
    for (int e = 0; e < graph.edges.size() && e < layout.routes.size(); ++e) {
        const QList<QPointF>& route = layout.routes[e];
        if (route.size() < 2)
            continue;
        QRectF extent(route.first(), route.last());
        for (const QPointF& pt : route)
            extent = extent.normalized().united(QRectF(pt, QSizeF(1, 1)));
        if (!extent.intersects(visible))
            continue;
        const core::ErdEdge& edge = graph.edges[e];
        const bool lit = highlighted.contains(edge.from) || highlighted.contains(edge.to);
        p.setPen(QPen(lit ? m_style.highlight : m_style.line, lit ? 2 : 1.2));
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(route.constData(), int(route.size()));
        if (detail == Detail::Boxes)
            continue;
        // The referencing end: many (crow's foot) or one (a bar), optional (a circle); the referenced end:
        // exactly one (two bars) or at most one (a bar and a circle).
        const QPointF childTip = route.first();
        const QPointF childNext = route.at(1);
        const QPointF parentTip = route.last();
        const QPointF parentNext = route.at(route.size() - 2);
        p.setBrush(m_style.background);
        if (edge.oneToOne)
            bar(p, childTip, childNext, 6);
        else
            crow(p, childTip, childNext);
        circle(p, childTip, childNext, kEnd + 3);
        bar(p, parentTip, parentNext, 6);
        if (edge.required)
            bar(p, parentTip, parentNext, 10);
        else
            circle(p, parentTip, parentNext, kEnd + 3);
    }
    for (int t = 0; t < graph.tables.size() && t < layout.boxes.size(); ++t) {
        const QRectF& box = layout.boxes[t];
        if (!box.intersects(visible))
            continue;
        const core::ErdTable& table = graph.tables[t];
        const bool lit = highlighted.contains(t);
        p.setPen(QPen(lit ? m_style.highlight : m_style.border, lit ? 2.5 : 1));
        p.setBrush(m_style.box);
        p.drawRect(box);
        const QRectF head(box.left(), box.top(), box.width(), std::min(box.height(), m.header));
        p.fillRect(head.adjusted(0.5, 0.5, -0.5, -0.5), m_style.header);
        if (detail == Detail::Boxes)
            continue;
        p.setPen(m_style.text);
        p.setFont(m.bold);
        p.drawText(
            head.adjusted(kPad, 0, -kPad, 0), Qt::AlignVCenter | Qt::AlignLeft,
            m.boldMetrics.elidedText(shown(table.qualifiedName()), Qt::ElideMiddle, head.width() - 2 * kPad));
        if (detail != Detail::Full || collapsed)
            continue;
        double y = box.top() + m.header + 2;
        for (const core::ErdColumn& c : table.columns) {
            const QRectF row(box.left() + kPad, y, box.width() - 2 * kPad, m.row);
            if (row.intersects(visible)) {
                QStringList marks;
                if (c.primaryKey)
                    marks << QStringLiteral("PK");
                if (c.foreignKey)
                    marks << QStringLiteral("FK");
                p.setFont(m.small);
                p.setPen(m_style.key);
                p.drawText(row, Qt::AlignVCenter | Qt::AlignLeft, marks.join(QLatin1Char(' ')));
                // The name first; the type gets what is left (at least a third), elided.
                const QFontMetricsF& names = c.notNull ? m.boldMetrics : m.normalMetrics;
                const double nameWidth = names.horizontalAdvance(shown(c.name));
                const QString fullType = c.type + (c.notNull ? QString() : QStringLiteral("?"));
                const double room = std::max(row.width() / 3, row.width() - m.markWidth - nameWidth - kPad);
                const QString type = m.smallMetrics.elidedText(fullType, Qt::ElideMiddle, room);
                const double typeWidth = m.smallMetrics.horizontalAdvance(type);
                p.setPen(m_style.mutedText);
                p.drawText(row, Qt::AlignVCenter | Qt::AlignRight, type);
                p.setFont(c.notNull ? m.bold : m.normal);
                p.setPen(m_style.text);
                const QRectF name = row.adjusted(m.markWidth, 0, -typeWidth - kPad, 0);
                p.drawText(name, Qt::AlignVCenter | Qt::AlignLeft,
                           names.elidedText(shown(c.name), Qt::ElideRight, name.width()));
            }
            y += m.row;
        }
    }
    p.restore();
}

QByteArray ErdPainter::renderSvg(const core::ErdGraph& graph, const core::ErdLayout& layout,
                                 bool collapsed) const {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    const QRectF bounds = layout.bounds.isEmpty() ? QRectF(0, 0, 100, 100) : layout.bounds;
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(bounds.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), bounds.size()));
    generator.setResolution(96);
    generator.setTitle(QStringLiteral("ER diagram"));
    {
        QPainter painter(&generator);
        painter.fillRect(QRectF(QPointF(0, 0), bounds.size()), m_style.background);
        painter.translate(-bounds.topLeft());
        paint(painter, graph, layout, bounds, Detail::Full, collapsed);
    }
    return bytes;
}

QImage ErdPainter::renderImage(const core::ErdGraph& graph, const core::ErdLayout& layout,
                               bool collapsed) const {
    const QRectF bounds = layout.bounds.isEmpty() ? QRectF(0, 0, 100, 100) : layout.bounds;
    double scale = std::min({1.0, 16384 / bounds.width(), 16384 / bounds.height()});
    scale = std::min(scale, std::sqrt(64e6 / (bounds.width() * bounds.height())));
    QImage image((bounds.size() * scale).toSize().expandedTo(QSize(1, 1)),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(m_style.background);
    QPainter painter(&image);
    painter.scale(scale, scale);
    painter.translate(-bounds.topLeft());
    paint(painter, graph, layout, bounds, detailFor(scale), collapsed);
    return image;
}

bool ErdPainter::save(const QString& path, const core::ErdGraph& graph, const core::ErdLayout& layout,
                      bool collapsed, QString* error) const {
    const bool svg = QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    bool written = false;
    if (svg) {
        const QByteArray bytes = renderSvg(graph, layout, collapsed);
        written = file.write(bytes) == bytes.size();
    } else {
        written = renderImage(graph, layout, collapsed).save(&file, "PNG");
    }
    if (!written || !file.commit()) {
        if (error)
            *error = file.errorString().isEmpty()
                         ? QCoreApplication::translate("ErdPainter", "The diagram could not be written")
                         : file.errorString();
        return false;
    }
    return true;
}

} // namespace pgdesk::paint
