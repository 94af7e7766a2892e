// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/diagram/erdcanvas.h>

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace pgdesk::ui {

namespace {

constexpr qreal kMinZoom = 0.02;
constexpr qreal kMaxZoom = 4;

paint::ErdStyle styleFor(const QWidget* widget) {
    paint::ErdStyle style = widget->palette().color(QPalette::Window).lightness() < 128
                                ? paint::ErdStyle::dark()
                                : paint::ErdStyle::light();
    style.font = widget->font();
    return style;
}

} // namespace

ErdCanvas::ErdCanvas(QWidget* parent)
    : QWidget(parent)
    , m_painter(styleFor(this)) {
    setObjectName(QStringLiteral("erdCanvas"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
    m_prepare = new QTimer(this);
    m_prepare->setInterval(0);
    connect(m_prepare, &QTimer::timeout, this, [this] {
        if (!m_graph || !m_layout || isPrepared()) {
            m_prepare->stop();
            return;
        }
        m_prepared = m_painter.prepareTexts(*m_graph, *m_layout, m_prepared, 40); // a few ms per slice
    });
}

bool ErdCanvas::isPrepared() const {
    return !m_graph || !m_layout || m_prepared >= std::min(m_graph->tables.size(), m_layout->boxes.size());
}

void ErdCanvas::setDiagram(const core::ErdGraph* graph, const core::ErdLayout* layout, bool collapsed) {
    m_graph = graph;
    m_layout = layout;
    m_collapsed = collapsed;
    m_painter = paint::ErdPainter(styleFor(this));
    m_prepared = 0;
    m_prepare->start();
    update();
}

void ErdCanvas::setHighlighted(const QSet<int>& tables) {
    m_highlighted = tables;
    update();
}

void ErdCanvas::setView(QPointF center, qreal zoom) {
    m_fitted = false; // fit() sets it again after
    m_center = center;
    m_scale = std::clamp(zoom, kMinZoom, kMaxZoom);
    update();
    emit viewChanged();
}

void ErdCanvas::fit() {
    if (!m_layout || m_layout->bounds.isEmpty()) {
        setView({}, 1);
    } else {
        const QRectF b = m_layout->bounds;
        setView(b.center(), std::min({1.0, width() / b.width(), height() / b.height()}));
    }
    m_fitted = true; // until the user moves: a resize fits again
}

void ErdCanvas::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    if (m_fitted)
        fit();
}

QPointF ErdCanvas::toLayout(QPointF widget) const {
    return m_center + (widget - QPointF(width() / 2.0, height() / 2.0)) / m_scale;
}

int ErdCanvas::tableAt(QPoint widget) const {
    if (!m_layout)
        return -1;
    const QPointF p = toLayout(widget);
    for (int i = int(m_layout->boxes.size()) - 1; i >= 0; --i) { // the last drawn is on top
        if (m_layout->boxes[i].contains(p))
            return i;
    }
    return -1;
}

void ErdCanvas::paintEvent(QPaintEvent* event) {
    QPainter p(this);
    p.fillRect(event->rect(), m_painter.style().background);
    if (!m_graph || !m_layout)
        return;
    p.translate(width() / 2.0, height() / 2.0);
    p.scale(m_scale, m_scale);
    p.translate(-m_center);
    const QRectF visible(toLayout(event->rect().topLeft()),
                         toLayout(event->rect().bottomRight() + QPoint(1, 1)));
    m_painter.paint(p, *m_graph, *m_layout, visible, paint::ErdPainter::detailFor(m_scale), m_collapsed,
                    m_highlighted);
}

void ErdCanvas::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        m_fitted = false;
        m_dragging = true;
        m_moved = false;
        m_dragFrom = event->position();
        m_dragCenter = m_center;
        setCursor(Qt::ClosedHandCursor);
    }
    QWidget::mousePressEvent(event);
}

void ErdCanvas::mouseMoveEvent(QMouseEvent* event) {
    if (m_dragging) {
        const QPointF delta = event->position() - m_dragFrom;
        if (delta.manhattanLength() > 3)
            m_moved = true;
        if (m_moved)
            setView(m_dragCenter - delta / m_scale, m_scale);
    }
    QWidget::mouseMoveEvent(event);
}

void ErdCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && m_dragging) {
        m_dragging = false;
        unsetCursor();
        if (!m_moved)
            emit tableClicked(tableAt(event->position().toPoint()));
    }
    QWidget::mouseReleaseEvent(event);
}

void ErdCanvas::mouseDoubleClickEvent(QMouseEvent* event) {
    if (const int t = tableAt(event->position().toPoint()); t >= 0)
        emit tableActivated(t);
}

void ErdCanvas::wheelEvent(QWheelEvent* event) {
    const qreal steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    m_fitted = false;
    // About the mouse: the layout point under it stays under it.
    const QPointF anchor = toLayout(event->position());
    const qreal zoom = std::clamp(m_scale * std::pow(1.2, steps), kMinZoom, kMaxZoom);
    const QPointF offset = event->position() - QPointF(width() / 2.0, height() / 2.0);
    setView(anchor - offset / zoom, zoom);
    event->accept();
}

void ErdCanvas::keyPressEvent(QKeyEvent* event) {
    const qreal step = 80 / m_scale;
    m_fitted = false;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        setView(m_center, m_scale * 1.25);
        break;
    case Qt::Key_Minus:
        setView(m_center, m_scale / 1.25);
        break;
    case Qt::Key_Left:
        setView(m_center - QPointF(step, 0), m_scale);
        break;
    case Qt::Key_Right:
        setView(m_center + QPointF(step, 0), m_scale);
        break;
    case Qt::Key_Up:
        setView(m_center - QPointF(0, step), m_scale);
        break;
    case Qt::Key_Down:
        setView(m_center + QPointF(0, step), m_scale);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void ErdCanvas::contextMenuEvent(QContextMenuEvent* event) {
    emit contextMenuRequested(tableAt(event->pos()), event->globalPos());
}

} // namespace pgdesk::ui
