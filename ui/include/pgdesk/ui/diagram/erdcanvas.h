// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/diagram/erdgraph.h>
#include <pgdesk/core/diagram/erdlayout.h>
#include <pgdesk/paint/erdpainter.h>

#include <QPointF>
#include <QSet>
#include <QWidget>

class QTimer;

namespace pgdesk::ui {

// The ER diagram's drawing surface: the laid-out graph painted through paint::ErdPainter, only what the
// viewport shows and with the detail its scale allows. Drag pans, the wheel zooms about the mouse, + and -
// zoom, the arrow keys pan. It never lays out: the view hands it a graph already placed.
class ErdCanvas final : public QWidget {
    Q_OBJECT
public:
    explicit ErdCanvas(QWidget* parent = nullptr);

    // The graph and layout stay the caller's (ErdView's) and must outlive the next setDiagram().
    void setDiagram(const core::ErdGraph* graph, const core::ErdLayout* layout, bool collapsed);
    void setHighlighted(const QSet<int>& tables);
    // Whether every table's texts are ready (made in idle slices after setDiagram(), so panning to an unseen
    // part does not shape them in the frame).
    bool isPrepared() const;

    qreal zoom() const { return m_scale; }
    QPointF center() const { return m_center; } // the layout point at the middle of the viewport
    void setView(QPointF center, qreal zoom);
    void fit();
    // Layout coordinates of a widget point, and the table drawn there (-1 for none).
    QPointF toLayout(QPointF widget) const;
    int tableAt(QPoint widget) const;

signals:
    void tableClicked(int table); // -1: the background
    void tableActivated(int table);
    void contextMenuRequested(int table, QPoint global);
    void viewChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    const core::ErdGraph* m_graph = nullptr;
    const core::ErdLayout* m_layout = nullptr;
    bool m_collapsed = false;
    QSet<int> m_highlighted;
    paint::ErdPainter m_painter;
    qreal m_scale = 1;
    QPointF m_center;
    QPointF m_dragFrom;
    QPointF m_dragCenter;
    bool m_dragging = false;
    bool m_moved = false;
    bool m_fitted = false; // the view is as fit() left it
    int m_prepared = 0;    // tables whose texts the painter has made, in idle slices after setDiagram()
    QTimer* m_prepare = nullptr;
};

} // namespace pgdesk::ui
