// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/plan/plan.h>
#include <pgdesk/core/plan/planlayout.h>

#include <QGraphicsView>
#include <QSet>

#include <memory>

class QGraphicsItem;
class QGraphicsPathItem;

namespace pgdesk::ui {

class PlanNodeItem;

// A plan drawn as a top-down tree (core::layoutPlan): one item per node, coloured by its share of the
// exclusive time, its misestimate marked by factor and direction. Zoom (Ctrl+wheel, zoomIn/zoomOut/fit)
// and pan (drag) only change the view's transform: nothing is laid out again. Items draw less as they get
// smaller (the title alone, then a coloured box), so a 1,000-node plan stays readable and quick.
// Double-click (or Space on the selected node) collapses or expands a node's children.
class PlanGraphView final : public QGraphicsView {
    Q_OBJECT

public:
    explicit PlanGraphView(QWidget* parent = nullptr);
    ~PlanGraphView() override;

    void setPlan(std::shared_ptr<const core::Plan> plan);
    const core::Plan* plan() const { return m_plan.get(); }

    void setCollapsed(int id, bool collapsed);
    bool isCollapsed(int id) const { return m_collapsed.contains(id); }
    const core::PlanLayout& layout() const { return m_layout; }
    // The item of a node (null when hidden under a collapsed node); for tests.
    QGraphicsItem* item(int id) const;

    void selectNode(int id); // selects and scrolls to it, expanding the nodes above it
    int selectedNode() const { return m_selected; }
    double zoom() const;
    void zoomIn();
    void zoomOut();
    void fit();

signals:
    void nodeSelected(int id);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    void relayout();
    void scaleBy(double factor);
    int nodeAt(const QPoint& viewPosition) const;

    std::shared_ptr<const core::Plan> m_plan;
    QSet<int> m_collapsed;
    core::PlanLayout m_layout;
    QList<PlanNodeItem*> m_items; // by node id
    QGraphicsPathItem* m_edges = nullptr;
    int m_selected = -1;
    bool m_fitted = false; // the whole plan is shown and stays so when the view is resized (until zoomed)
};

} // namespace pgdesk::ui
