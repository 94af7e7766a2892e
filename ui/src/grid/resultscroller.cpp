// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/grid/resultscroller.h>

#include <QKeyEvent>
#include <QScrollBar>
#include <QTableView>

namespace pgdesk::ui {

ResultScroller::ResultScroller(QTableView* view, PageModel* model, QScrollBar* bar, QObject* parent)
    : QObject(parent)
    , m_view(view)
    , m_model(model)
    , m_bar(bar) {
    // The grid's scroll value is its top row, so the whole result's bar is that plus the window's start.
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_bar->setOrientation(Qt::Vertical);
    m_bar->setSingleStep(1);
    m_bar->setAccessibleName(tr("Rows of the result"));
    m_bar->hide();
    QScrollBar* grid = m_view->verticalScrollBar();
    connect(grid, &QScrollBar::valueChanged, this, &ResultScroller::gridScrolled);
    connect(grid, &QScrollBar::rangeChanged, this, [this] {
        if (m_syncing || !isActive())
            return;
        if (m_stickToBottom)
            followEnd();
        syncBar();
    });
    connect(m_bar, &QScrollBar::valueChanged, this, &ResultScroller::barMoved);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ResultScroller::modelReset);
    // Blocks proving rows past an estimate grow the result under a window that is already full: after the
    // model's signals, not inside them.
    connect(
        m_model, &PageModel::totalChanged, this,
        [this] {
            if (!isActive())
                return;
            if (m_stickToBottom)
                followEnd();
            syncBar();
            emit moved();
        },
        Qt::QueuedConnection);
    m_view->installEventFilter(this);
    modelReset();
}

bool ResultScroller::isActive() const {
    return m_model->isWindowed();
}

void ResultScroller::modelReset() {
    const bool active = isActive();
    m_view->setVerticalScrollBarPolicy(active ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    m_bar->setVisible(active);
    m_stickToBottom = false;
    m_parkedRow = -1;
    if (active)
        syncBar();
}

std::pair<qint64, qint64> ResultScroller::visibleRows() const {
    const int rows = m_model->pageRowCount();
    if (rows == 0)
        return {-1, -1};
    const int top = std::max(0, m_view->rowAt(0));
    const int bottom = m_view->rowAt(m_view->viewport()->height() - 1);
    const qint64 start = m_model->windowStart();
    return {start + std::min(top, rows - 1), start + (bottom < 0 || bottom >= rows ? rows - 1 : bottom)};
}

// Whether showing `top` at the top asks for another window: outside this one, or within a quarter of an
// edge the result goes on past.
bool ResultScroller::needsMove(qint64 top) const {
    const qint64 start = m_model->windowStart();
    const qint64 rows = m_model->pageRowCount();
    const qint64 total = m_model->resultRowCount();
    if (rows >= total)
        return false; // the window is the whole result
    const qint64 at = top - start;
    const qint64 margin = rows / 4;
    return at < 0 || at >= rows || (at < margin && start > 0) || (at > rows - margin && start + rows < total);
}

void ResultScroller::showTop(qint64 top) {
    const qint64 total = m_model->resultRowCount();
    top = std::clamp<qint64>(top, 0, std::max<qint64>(0, total - 1));
    m_syncing = true;
    if (needsMove(top))
        moveWindow(top - m_model->viewRowLimit() / 2);
    m_view->verticalScrollBar()->setValue(int(top - m_model->windowStart()));
    m_syncing = false;
    syncBar();
    emit moved();
}

// The window starting near `start`. A cursor whose row leaves is parked first: left to the model, it would
// move to the first row kept and drag the view there.
void ResultScroller::moveWindow(qint64 start) {
    const qint64 total = m_model->resultRowCount();
    const qint64 limit = m_model->viewRowLimit();
    start = std::clamp<qint64>(start, 0, std::max<qint64>(0, total - limit));
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid() && !m_model->isNewRow(current.row())) {
        const qint64 row = m_model->windowStart() + current.row();
        if (row < start || row >= start + limit) {
            m_parkedRow = row;
            m_parkedColumn = current.column();
            m_view->selectionModel()->setCurrentIndex({}, QItemSelectionModel::NoUpdate);
        }
    }
    m_model->setWindowStart(start);
    m_view->doItemsLayout(); // the grid's range for the new rows now, not at the next event
    restoreCurrent();
}

// The parked cursor back on its row once the window holds it again (without scrolling to it).
void ResultScroller::restoreCurrent() {
    if (m_view->currentIndex().isValid()) { // the user put the cursor somewhere else meanwhile
        m_parkedRow = -1;
        return;
    }
    const qint64 at = m_parkedRow - m_model->windowStart();
    if (m_parkedRow < 0 || at < 0 || at >= m_model->pageRowCount())
        return;
    const QModelIndex cell = m_model->index(int(at), std::min(m_parkedColumn, m_model->columnCount() - 1));
    m_parkedRow = -1;
    const bool autoScroll = m_view->hasAutoScroll();
    m_view->setAutoScroll(false);
    m_view->selectionModel()->setCurrentIndex(cell, QItemSelectionModel::NoUpdate);
    m_view->setAutoScroll(autoScroll);
}

void ResultScroller::gridScrolled(int value) {
    if (m_syncing || !isActive())
        return;
    m_stickToBottom = m_stickToBottom && value >= m_view->verticalScrollBar()->maximum();
    const qint64 top = m_model->windowStart() + value;
    if (needsMove(top))
        return showTop(top);
    syncBar();
    emit moved();
}

void ResultScroller::barMoved(int value) {
    if (m_syncing || !isActive())
        return;
    m_stickToBottom = m_stickToBottom && value >= m_bar->maximum();
    showTop(value);
}

// The bar: the window's start plus the grid's top row, over the whole result's rows.
void ResultScroller::syncBar() {
    if (!isActive())
        return;
    const QScrollBar* grid = m_view->verticalScrollBar();
    const qint64 below = m_model->resultRowCount() - m_model->windowStart() - m_model->pageRowCount();
    m_syncing = true;
    m_bar->setRange(0, int(std::max<qint64>(0, m_model->windowStart() + grid->maximum() + below)));
    m_bar->setPageStep(grid->pageStep());
    m_bar->setValue(int(m_model->windowStart() + grid->value()));
    m_syncing = false;
}

void ResultScroller::followEnd() {
    showTop(m_model->resultRowCount() - 1);
    m_syncing = true;
    m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->maximum());
    m_syncing = false;
    syncBar();
}

void ResultScroller::scrollToRow(qint64 row) {
    if (!isActive())
        return;
    m_stickToBottom = false;
    showTop(row);
}

void ResultScroller::scrollToStart() {
    if (!isActive())
        return m_view->scrollToTop();
    scrollToRow(0);
}

void ResultScroller::scrollToEnd() {
    if (!isActive())
        return m_view->scrollToBottom();
    m_stickToBottom = true;
    followEnd();
    emit moved();
}

void ResultScroller::pageUp() {
    m_view->verticalScrollBar()->triggerAction(QAbstractSlider::SliderPageStepSub);
}

void ResultScroller::pageDown() {
    m_view->verticalScrollBar()->triggerAction(QAbstractSlider::SliderPageStepAdd);
}

// Ctrl+Home and Ctrl+End: the result's first and last rows (the grid's own would stop at the window's).
// Other cursor keys start from a parked cursor's row, scrolled back into view.
bool ResultScroller::eventFilter(QObject* watched, QEvent* event) {
    if (watched != m_view || event->type() != QEvent::KeyPress || !isActive())
        return false;
    const auto* key = static_cast<QKeyEvent*>(event);
    const bool home = key->key() == Qt::Key_Home;
    if (!(key->modifiers() & Qt::ControlModifier) || (!home && key->key() != Qt::Key_End)) {
        static const QList<int> cursorKeys = {Qt::Key_Up,     Qt::Key_Down,     Qt::Key_Left, Qt::Key_Right,
                                              Qt::Key_PageUp, Qt::Key_PageDown, Qt::Key_Home, Qt::Key_End,
                                              Qt::Key_Tab,    Qt::Key_Backtab};
        if (m_parkedRow >= 0 && !m_view->currentIndex().isValid() && cursorKeys.contains(key->key())) {
            const qint64 row = m_parkedRow;
            scrollToRow(row - m_view->verticalScrollBar()->pageStep() / 2);
            if (m_parkedRow >= 0) { // the window held it already: only the view moved
                m_syncing = true;
                restoreCurrent();
                m_syncing = false;
            }
        }
        return false;
    }
    home ? scrollToStart() : scrollToEnd();
    const int column = std::max(0, m_view->currentIndex().column());
    const int row = home ? 0 : m_model->rowCount() - 1;
    if (row >= 0 && m_model->columnCount() > 0)
        m_view->setCurrentIndex(m_model->index(row, column));
    return true;
}

} // namespace pgdesk::ui
