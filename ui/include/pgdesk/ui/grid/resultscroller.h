// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <utility>

class QScrollBar;
class QTableView;

namespace pgdesk::ui {

class PageModel;

// Continuous scrolling through a windowed PageModel of any size. The grid shows a window of the result (at
// most PageModel::viewRowLimit() rows: QHeaderView's 8 bytes per row stay bounded) and a scroll bar of the
// owner's stands for the whole result, one step per row. Moving it (dragging, clicking, "go to row", "Last")
// scrolls inside the window where it can and moves the window where it must; scrolling the grid itself
// (wheel, keys, the cursor) moves the window before it reaches an edge, so the rows go by without a seam
// until the result's own ends. Ctrl+Home and Ctrl+End go to the result's first and last rows. Selected
// rows stay selected while the window holds them; the cursor's row is remembered when the window leaves it
// and is current again when the window comes back to it, or at the next cursor key, which scrolls back to
// it first (as a spreadsheet does). Outside windowed mode the bar is hidden and the grid scrolls with its
// own. The grid scrolls per item.
class ResultScroller final : public QObject {
    Q_OBJECT
public:
    ResultScroller(QTableView* view, PageModel* model, QScrollBar* bar, QObject* parent = nullptr);

    bool isActive() const;
    // Result rows at the top and bottom of the viewport ({-1, -1} when there are none).
    std::pair<qint64, qint64> visibleRows() const;
    qint64 topRow() const { return visibleRows().first; }
    // The row (of the result, from 0) at the top, or as near it as the end allows.
    void scrollToRow(qint64 row);
    void scrollToStart();
    // The result's last rows; stays at the end as blocks prove rows past an estimate, until the user
    // scrolls up.
    void scrollToEnd();
    void pageUp();
    void pageDown();

signals:
    // The rows shown changed (scrolled, or the window moved).
    void moved();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void modelReset();
    void gridScrolled(int value);
    void barMoved(int value);
    void showTop(qint64 top);
    bool needsMove(qint64 top) const;
    void followEnd();
    void syncBar();
    void moveWindow(qint64 start);
    void restoreCurrent();

    QTableView* m_view;
    PageModel* m_model;
    QScrollBar* m_bar;
    bool m_syncing = false;       // the scroller moves a bar itself: not the user
    bool m_stickToBottom = false; // after scrollToEnd(), until the user scrolls up
    qint64 m_parkedRow = -1;      // the cursor's result row while the window does not hold it
    int m_parkedColumn = 0;
};

} // namespace pgdesk::ui
