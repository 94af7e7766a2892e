// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/plangraphview.h"

#include "common/readablecolor.h"
#include "plan/plantext.h"

#include <pgdesk/ui/common/theme.h>

#include <QApplication>
#include <QGraphicsItem>
#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QResizeEvent>
#include <QStyleOptionGraphicsItem>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>

namespace pgdesk::ui {

// One node: a rounded box with its title, exclusive time and share, rows and loops, and a misestimate
// badge. Its texts are made once (setPlan), painting only draws them.
class PlanNodeItem final : public QGraphicsItem {
public:
    PlanNodeItem(int id, QSizeF size)
        : m_id(id)
        , m_size(size) {}

    int id() const { return m_id; }
    QRectF boundingRect() const override { return QRectF(QPointF(0, 0), m_size).adjusted(-2, -2, 2, 2); }

    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) override {
        const QRectF box(QPointF(0, 0), m_size);
        const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
        const QPalette palette = QApplication::palette();
        QPen pen(m_selected ? palette.color(QPalette::Highlight) : palette.color(QPalette::Mid),
                 m_selected ? 3 : 1);
        pen.setCosmetic(true);
        painter->setPen(pen);
        painter->setBrush(fill);
        if (lod < 0.3) { // far out: the colour tells where the time goes
            painter->drawRect(box);
            return;
        }
        painter->drawRoundedRect(box, 6, 6);
        const QColor text = readableOn(palette.color(QPalette::Text), fill);
        painter->setPen(text);
        QFont font = QApplication::font();
        font.setBold(true);
        painter->setFont(font);
        const QRectF inner = box.adjusted(8, 4, -8, -4);
        const QFontMetricsF metrics(font);
        const double line = metrics.height();
        painter->drawText(QRectF(inner.topLeft(), QSizeF(inner.width() - badgeWidth(), line)),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(title, Qt::ElideRight, inner.width() - badgeWidth()));
        if (!badge.isEmpty()) {
            painter->setPen(readableOn(errorColor(), fill, 3));
            painter->drawText(QRectF(inner.right() - badgeWidth(), inner.top(), badgeWidth(), line),
                              Qt::AlignRight | Qt::AlignVCenter, badge);
            painter->setPen(text);
        }
        if (lod < 0.5) // names only when zoomed out
            return;
        font.setBold(false);
        painter->setFont(font);
        const QFontMetricsF plain(font);
        double y = inner.top() + line;
        for (const QString& l : lines) {
            if (y + plain.height() > inner.bottom() + 1)
                break;
            painter->drawText(QRectF(inner.left(), y, inner.width(), plain.height()),
                              Qt::AlignLeft | Qt::AlignVCenter,
                              plain.elidedText(l, Qt::ElideRight, inner.width()));
            y += plain.height();
        }
        if (!collapsedMark.isEmpty()) {
            painter->setPen(palette.color(QPalette::Highlight));
            painter->drawText(box.adjusted(0, 0, -6, -2), Qt::AlignRight | Qt::AlignBottom, collapsedMark);
        }
    }

    void setSelected(bool selected) {
        if (m_selected != selected) {
            m_selected = selected;
            update();
        }
    }

    QColor fill;
    QString title;
    QStringList lines;
    QString badge;
    QString collapsedMark; // "+12" when the node's children are hidden

private:
    double badgeWidth() const {
        return badge.isEmpty() ? 0 : QFontMetricsF(QApplication::font()).horizontalAdvance(badge) + 8;
    }

    int m_id;
    QSizeF m_size;
    bool m_selected = false;
};

PlanGraphView::PlanGraphView(QWidget* parent)
    : QGraphicsView(parent) {
    setObjectName(QStringLiteral("planGraph"));
    auto* scene = new QGraphicsScene(this);
    scene->setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    setScene(scene);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setRenderHint(QPainter::Antialiasing);
    setRenderHint(QPainter::TextAntialiasing);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
}

PlanGraphView::~PlanGraphView() = default;

void PlanGraphView::setPlan(std::shared_ptr<const core::Plan> plan) {
    m_plan = std::move(plan);
    m_collapsed.clear();
    m_selected = -1;
    scene()->clear();
    m_items.clear();
    m_edges = nullptr;
    if (!m_plan || m_plan->nodes.isEmpty())
        return;
    const double total = std::max(m_plan->exclusiveSum(), 1e-9);
    const core::PlanLayoutOptions options;
    for (const core::PlanNode& n : m_plan->nodes) {
        auto* item = new PlanNodeItem(n.id, options.nodeSize);
        const double share = n.exclusiveMs / total;
        item->fill = heatColor(m_plan->analysed ? share : 0);
        item->title = n.title();
        item->lines = PlanText::nodeLines(n, share);
        item->badge = PlanText::misestimateBadge(n);
        scene()->addItem(item);
        m_items << item;
    }
    QPen edgePen(palette().color(QPalette::Mid), 1.5);
    edgePen.setCosmetic(true);
    m_edges = scene()->addPath(QPainterPath(), edgePen);
    m_edges->setZValue(-1);
    relayout();
    fit();
}

QGraphicsItem* PlanGraphView::item(int id) const {
    if (id < 0 || id >= m_items.size() || !m_items[id]->isVisible())
        return nullptr;
    return m_items[id];
}

void PlanGraphView::relayout() {
    if (!m_plan)
        return;
    const core::PlanLayoutOptions options;
    m_layout = core::layoutPlan(*m_plan, m_collapsed, options);
    QPainterPath edges;
    for (const core::PlanNode& n : m_plan->nodes) {
        PlanNodeItem* it = m_items[n.id];
        const bool shown = m_layout.visible[n.id];
        it->setVisible(shown);
        if (!shown)
            continue;
        it->setPos(m_layout.boxes[n.id].topLeft());
        int hidden = 0;
        if (m_collapsed.contains(n.id)) {
            // Pre-order: the node's descendants follow it up to the first node at its depth or above.
            for (int d = n.id + 1; d < m_plan->nodes.size() && m_plan->nodes[d].depth > n.depth; ++d)
                ++hidden;
        }
        it->collapsedMark = hidden > 0 ? QStringLiteral("+%1").arg(hidden) : QString();
        if (n.parent >= 0) {
            const QRectF from = m_layout.boxes[n.parent];
            const QRectF to = m_layout.boxes[n.id];
            const double middle = (from.bottom() + to.top()) / 2;
            edges.moveTo(from.center().x(), from.bottom());
            edges.lineTo(from.center().x(), middle);
            edges.lineTo(to.center().x(), middle);
            edges.lineTo(to.center().x(), to.top());
        }
    }
    m_edges->setPath(edges);
    scene()->setSceneRect(m_layout.bounds.adjusted(-40, -40, 40, 40));
}

void PlanGraphView::setCollapsed(int id, bool collapsed) {
    if (!m_plan || id < 0 || id >= m_plan->nodes.size() || m_plan->nodes[id].children.isEmpty())
        return;
    if (collapsed == m_collapsed.contains(id))
        return;
    if (collapsed)
        m_collapsed.insert(id);
    else
        m_collapsed.remove(id);
    relayout();
    if (QGraphicsItem* it = item(id))
        ensureVisible(it);
}

void PlanGraphView::selectNode(int id) {
    if (!m_plan || id < 0 || id >= m_plan->nodes.size())
        return;
    bool expanded = false;
    for (int up = m_plan->nodes[id].parent; up >= 0; up = m_plan->nodes[up].parent)
        expanded = m_collapsed.remove(up) || expanded;
    if (expanded)
        relayout();
    if (m_selected >= 0)
        m_items[m_selected]->setSelected(false);
    m_selected = id;
    m_items[id]->setSelected(true);
    centerOn(m_items[id]);
    emit nodeSelected(id);
}

double PlanGraphView::zoom() const {
    return transform().m11();
}

void PlanGraphView::scaleBy(double factor) {
    m_fitted = false;
    const double target = std::clamp(zoom() * factor, 0.02, 4.0);
    const double f = target / zoom();
    scale(f, f);
}

void PlanGraphView::zoomIn() {
    scaleBy(1.25);
}

void PlanGraphView::zoomOut() {
    scaleBy(0.8);
}

void PlanGraphView::fit() {
    if (!m_plan || m_layout.visibleCount == 0)
        return;
    // The plan's whole width, never larger than life; its height too unless that makes the names
    // unreadable (a deep plan then scrolls down from its root).
    const QRectF bounds = m_layout.bounds.adjusted(-20, -20, 20, 20);
    const QSizeF area = viewport()->size();
    const double widthFit = area.width() / bounds.width();
    const double heightFit = area.height() / bounds.height();
    const double s = std::max(std::min({1.0, widthFit, std::max(heightFit, 0.6)}), 0.02);
    setTransform(QTransform::fromScale(s, s));
    if (bounds.height() * s > area.height())
        centerOn(QPointF(bounds.center().x(), bounds.top() + area.height() / (2 * s)));
    else
        centerOn(bounds.center());
    m_fitted = true;
}

void PlanGraphView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (m_fitted) // first shown (a plan set while the tab was hidden), or the window resized
        fit();
}

bool PlanGraphView::viewportEvent(QEvent* event) {
    // Tooltips are made when asked for: every property of 1,000 nodes would cost the first frame.
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int id = nodeAt(help->pos());
        if (id >= 0)
            QToolTip::showText(help->globalPos(), PlanText::toolTip(m_plan->nodes[id]), viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QGraphicsView::viewportEvent(event);
}

void PlanGraphView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        scaleBy(event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

int PlanGraphView::nodeAt(const QPoint& viewPosition) const {
    for (QGraphicsItem* it : items(viewPosition))
        if (auto* node = dynamic_cast<PlanNodeItem*>(it))
            return node->id();
    return -1;
}

void PlanGraphView::mousePressEvent(QMouseEvent* event) {
    const int id = nodeAt(event->position().toPoint());
    if (id >= 0 && event->button() == Qt::LeftButton && id != m_selected) {
        if (m_selected >= 0)
            m_items[m_selected]->setSelected(false);
        m_selected = id;
        m_items[id]->setSelected(true);
        emit nodeSelected(id);
    }
    QGraphicsView::mousePressEvent(event);
}

void PlanGraphView::mouseDoubleClickEvent(QMouseEvent* event) {
    const int id = nodeAt(event->position().toPoint());
    if (id >= 0)
        setCollapsed(id, !isCollapsed(id));
    event->accept();
}

void PlanGraphView::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && m_selected >= 0) {
        setCollapsed(m_selected, !isCollapsed(m_selected));
        return;
    }
    if ((event->modifiers() & Qt::ControlModifier) &&
        (event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal)) {
        zoomIn();
        return;
    }
    if ((event->modifiers() & Qt::ControlModifier) && event->key() == Qt::Key_Minus) {
        zoomOut();
        return;
    }
    if ((event->modifiers() & Qt::ControlModifier) && event->key() == Qt::Key_0) {
        fit();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

} // namespace pgdesk::ui
