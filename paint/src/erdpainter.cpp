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
#include <QStaticText>
#include <QSvgGenerator>
#include <QTransform>

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

// Texts of one table as laid out for its box, made once per diagram: eliding and shaping are most of a
// frame's cost otherwise.
struct ErdPainter::TableTexts {
    struct Row {
        QStaticText marks;
        QStaticText name;
        QStaticText type;
        double typeWidth = 0;
        bool bold = false;
    };
    QStaticText name;
    QList<Row> rows;
    bool made = false;     // the name
    bool rowsMade = false; // the columns: only once drawn up close
};

struct ErdPainter::TextCache {
    const core::ErdGraph* graph = nullptr;
    const core::ErdLayout* layout = nullptr;
    qsizetype tableCount = -1;
    QList<TableTexts> tables;
};

const ErdPainter::TableTexts& ErdPainter::textsOf(const core::ErdGraph& graph, const core::ErdLayout& layout,
                                                  int t, bool rows) const {
    if (!m_texts)
        m_texts = std::make_shared<TextCache>();
    TextCache& cache = *m_texts;
    if (cache.graph != &graph || cache.layout != &layout || cache.tableCount != graph.tables.size()) {
        cache.graph = &graph;
        cache.layout = &layout;
        cache.tableCount = graph.tables.size();
        cache.tables = QList<TableTexts>(graph.tables.size());
    }
    TableTexts& texts = cache.tables[t];
    if (texts.made && (texts.rowsMade || !rows))
        return texts;
    const Metrics m(m_style.font);
    const core::ErdTable& table = graph.tables[t];
    const QRectF& box = layout.boxes[t];
    const auto text = [](const QString& s, const QFont& font) {
        QStaticText st(s);
        st.setTextFormat(Qt::PlainText);
        st.setPerformanceHint(QStaticText::AggressiveCaching);
        st.prepare(QTransform(), font);
        return st;
    };
    if (!texts.made)
        texts.name = text(
            m.boldMetrics.elidedText(shown(table.qualifiedName()), Qt::ElideMiddle, box.width() - 2 * kPad),
            m.bold);
    texts.made = true;
    if (!rows)
        return texts;
    texts.rowsMade = true;
    const double width = box.width() - 2 * kPad;
    for (const core::ErdColumn& c : table.columns) {
        TableTexts::Row row;
        QStringList marks;
        if (c.primaryKey)
            marks << QStringLiteral("PK");
        if (c.foreignKey)
            marks << QStringLiteral("FK");
        row.marks = text(marks.join(QLatin1Char(' ')), m.small);
        // The name first; the type gets what is left (at least a third), elided.
        row.bold = c.notNull;
        const QFontMetricsF& names = c.notNull ? m.boldMetrics : m.normalMetrics;
        const double nameWidth = names.horizontalAdvance(shown(c.name));
        const QString fullType = c.type + (c.notNull ? QString() : QStringLiteral("?"));
        const double room = std::max(width / 3, width - m.markWidth - nameWidth - kPad);
        const QString type = m.smallMetrics.elidedText(fullType, Qt::ElideMiddle, room);
        row.typeWidth = m.smallMetrics.horizontalAdvance(type);
        row.type = text(type, m.small);
        const double nameRoom = width - m.markWidth - row.typeWidth - kPad;
        row.name =
            text(names.elidedText(shown(c.name), Qt::ElideRight, nameRoom), c.notNull ? m.bold : m.normal);
        texts.rows << row;
    }
    return texts;
}

int ErdPainter::prepareTexts(const core::ErdGraph& graph, const core::ErdLayout& layout, int from,
                             int count) const {
    const int end = std::min<int>(int(std::min(graph.tables.size(), layout.boxes.size())), from + count);
    for (int t = from; t < end; ++t)
        textsOf(graph, layout, t, true);
    return end;
}

void ErdPainter::paint(QPainter& p, const core::ErdGraph& graph, const core::ErdLayout& layout,
                       const QRectF& visible, Detail detail, bool collapsed,
                       const QSet<int>& highlighted) const {
    const Metrics m(m_style.font);
    p.save();
    // Boxes and lines run straight along the axes: no antialiasing (far out it would cost most of a frame);
    // only the cardinality marks up close get it.
    p.setRenderHint(QPainter::Antialiasing, false);
    // Lines first, so boxes cover their ends' overlap; plain ones in one batch.
    QList<QLineF> plain;
    QList<int> marked;
    for (int e = 0; e < graph.edges.size() && e < layout.routes.size(); ++e) {
        const QList<QPointF>& route = layout.routes[e];
        if (route.size() < 2)
            continue;
        double left = route.first().x(), right = left, top = route.first().y(), bottom = top;
        for (const QPointF& pt : route) {
            left = std::min(left, pt.x());
            right = std::max(right, pt.x());
            top = std::min(top, pt.y());
            bottom = std::max(bottom, pt.y());
        }
        if (right < visible.left() || left > visible.right() || bottom < visible.top() ||
            top > visible.bottom())
            continue;
        const core::ErdEdge& edge = graph.edges[e];
        if (highlighted.contains(edge.from) || highlighted.contains(edge.to) || detail == Detail::Full) {
            marked << e;
            continue;
        }
        for (int i = 1; i < route.size(); ++i)
            plain << QLineF(route[i - 1], route[i]);
    }
    p.setPen(QPen(m_style.line, 1));
    p.drawLines(plain);
    for (const int e : std::as_const(marked)) {
        const QList<QPointF>& route = layout.routes[e];
        const core::ErdEdge& edge = graph.edges[e];
        const bool lit = highlighted.contains(edge.from) || highlighted.contains(edge.to);
        p.setPen(QPen(lit ? m_style.highlight : m_style.line, lit ? 2 : 1.2));
        p.setBrush(Qt::NoBrush);
        p.setRenderHint(QPainter::Antialiasing, false);
        p.drawPolyline(route.constData(), int(route.size()));
        if (detail != Detail::Full) // the ends are too small to tell apart further out
            continue;
        p.setRenderHint(QPainter::Antialiasing, detail == Detail::Full);
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
    p.setRenderHint(QPainter::Antialiasing, false);
    // Boxes: far out in two batches (bodies, headers), closer one by one with their text.
    QList<int> shownTables;
    for (int t = 0; t < graph.tables.size() && t < layout.boxes.size(); ++t) {
        if (layout.boxes[t].intersects(visible))
            shownTables << t;
    }
    if (detail != Detail::Full) {
        QList<QRectF> bodies;
        QList<QRectF> heads;
        for (const int t : std::as_const(shownTables)) {
            bodies << layout.boxes[t];
            heads << QRectF(layout.boxes[t].topLeft(),
                            QSizeF(layout.boxes[t].width(), std::min(layout.boxes[t].height(), m.header)));
        }
        p.setPen(QPen(m_style.border, 1));
        p.setBrush(m_style.box);
        p.drawRects(bodies);
        p.setPen(Qt::NoPen);
        p.setBrush(m_style.header);
        p.drawRects(heads);
    }
    for (const int t : std::as_const(shownTables)) {
        const QRectF& box = layout.boxes[t];
        const bool lit = highlighted.contains(t);
        const QRectF head(box.left(), box.top(), box.width(), std::min(box.height(), m.header));
        if (detail == Detail::Full || lit) {
            p.setPen(QPen(lit ? m_style.highlight : m_style.border, lit ? 2.5 : 1));
            p.setBrush(m_style.box);
            p.drawRect(box);
            p.fillRect(head.adjusted(0.5, 0.5, -0.5, -0.5), m_style.header);
        }
        if (detail == Detail::Boxes)
            continue;
        const TableTexts& texts = textsOf(graph, layout, t, detail == Detail::Full && !collapsed);
        p.setPen(m_style.text);
        p.setFont(m.bold);
        p.drawStaticText(QPointF(head.left() + kPad, head.center().y() - texts.name.size().height() / 2),
                         texts.name);
        if (detail != Detail::Full || collapsed)
            continue;
        double y = box.top() + m.header + 2;
        for (const TableTexts::Row& row : texts.rows) {
            const QRectF line(box.left() + kPad, y, box.width() - 2 * kPad, m.row);
            if (line.intersects(visible)) {
                const auto at = [&](const QStaticText& st, double x) {
                    return QPointF(x, line.center().y() - st.size().height() / 2);
                };
                p.setPen(m_style.key);
                p.setFont(m.small);
                p.drawStaticText(at(row.marks, line.left()), row.marks);
                p.setPen(m_style.mutedText);
                p.drawStaticText(at(row.type, line.right() - row.typeWidth), row.type);
                p.setPen(m_style.text);
                p.setFont(row.bold ? m.bold : m.normal);
                p.drawStaticText(at(row.name, line.left() + m.markWidth), row.name);
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
