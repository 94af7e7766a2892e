// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/browse/frozencolumns.h>

#include <QAbstractItemDelegate>
#include <QCoreApplication>
#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPersistentModelIndex>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

namespace pgdesk::ui {

FrozenColumns::FrozenColumns(QTableView* grid)
    : QObject(grid)
    , m_grid(grid)
    , m_frozen(new QTableView(grid)) {
    m_frozen->setObjectName(QStringLiteral("frozenColumns"));
    shareDelegate();
    m_frozen->setEditTriggers(grid->editTriggers());
    m_frozen->setSelectionBehavior(grid->selectionBehavior());
    m_frozen->setAlternatingRowColors(grid->alternatingRowColors());
    m_frozen->setWordWrap(false);
    m_frozen->setFocusPolicy(Qt::NoFocus);
    m_frozen->verticalHeader()->hide();
    m_frozen->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_frozen->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollMode(grid->verticalScrollMode());
    m_frozen->setStyleSheet(QStringLiteral("QTableView { border: none; }"));
    m_frozen->hide();
    grid->viewport()->stackUnder(m_frozen);
    // The grid's scroll position is the one truth: the frozen view follows it and never scrolls itself
    // (its wheel goes to the grid, its own auto-scroll is off). Two-way syncing let a frozen view whose range
    // was not laid out yet clamp the grid back, and continuous scrolling lost its place at the end.
    m_frozen->setAutoScroll(false);
    m_frozen->viewport()->installEventFilter(this);
    connect(grid->verticalScrollBar(), &QAbstractSlider::valueChanged, this, &FrozenColumns::followGrid);
    connect(grid->verticalScrollBar(), &QAbstractSlider::rangeChanged, this, &FrozenColumns::followGrid);
    connect(m_frozen->verticalScrollBar(), &QAbstractSlider::rangeChanged, this, &FrozenColumns::followGrid);
    connect(grid->horizontalHeader(), &QHeaderView::sectionResized, this, [this](int column, int, int size) {
        m_frozen->setColumnWidth(column, size);
        updateGeometry();
    });
    connect(grid->verticalHeader(), &QHeaderView::sectionResized, this,
            [this](int row, int, int size) { m_frozen->setRowHeight(row, size); });
    connect(grid->horizontalHeader(), &QHeaderView::geometriesChanged, this, &FrozenColumns::updateGeometry);
    grid->installEventFilter(this);
    // The cursor moved sideways under the frozen part: scroll the grid so the cell shows beside it.
    if (grid->selectionModel()) {
        connect(grid->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this](const QModelIndex& current) {
                    // After the grid's own scrollTo for the same change; persistent: a reset may come first.
                    QTimer::singleShot(0, this,
                                       [this, index = QPersistentModelIndex(current)] { keepBeside(index); });
                });
    }
}

void FrozenColumns::followGrid() {
    m_frozen->verticalScrollBar()->setValue(m_grid->verticalScrollBar()->value());
}

int FrozenColumns::width() const {
    if (!m_frozen->isVisibleTo(m_grid))
        return 0;
    int width = 0;
    QHeaderView* frozen = m_frozen->horizontalHeader();
    for (int c = 0; c < frozen->count(); ++c) {
        if (!frozen->isSectionHidden(c))
            width += m_grid->columnWidth(c);
    }
    return width;
}

void FrozenColumns::keepBeside(const QPersistentModelIndex& current) {
    const int frozenWidth = width();
    if (!current.isValid() || frozenWidth == 0 || !m_frozen->isColumnHidden(current.column()))
        return; // nothing frozen, or the cell is one of the frozen columns
    QScrollBar* bar = m_grid->horizontalScrollBar();
    const bool perPixel = m_grid->horizontalScrollMode() == QAbstractItemView::ScrollPerPixel;
    // Per item, one column at a time; a column wider than the free space ends with its left edge shown.
    for (int guard = 0; guard < 1000 && bar->value() > bar->minimum(); ++guard) {
        const int left = m_grid->visualRect(current).left();
        if (left >= frozenWidth)
            break;
        bar->setValue(perPixel ? bar->value() - (frozenWidth - left) : bar->value() - 1);
    }
}

void FrozenColumns::setCount(int count) {
    m_count = std::max(0, count);
    update();
}

void FrozenColumns::shareDelegate() {
    QAbstractItemDelegate* delegate = m_grid->itemDelegate();
    m_frozen->setItemDelegate(delegate);
    if (!delegate)
        return;
    // Qt connects a delegate's commitData and closeEditor to every view it serves: an editor's end then
    // reached the other view too, which warned "commitData/closeEditor called with an editor that does not
    // belong to this view" (on quitting with a cell open, once per view and signal). Each view now hears
    // only of the editors in its own viewport.
    for (QAbstractItemView* view :
         {static_cast<QAbstractItemView*>(m_grid), static_cast<QAbstractItemView*>(m_frozen)}) {
        QObject::disconnect(delegate, SIGNAL(commitData(QWidget*)), view, nullptr);
        QObject::disconnect(delegate, SIGNAL(closeEditor(QWidget*, QAbstractItemDelegate::EndEditHint)), view,
                            nullptr);
        connect(delegate, &QAbstractItemDelegate::commitData, view, [view](QWidget* editor) {
            if (view->viewport()->isAncestorOf(editor))
                QMetaObject::invokeMethod(view, "commitData", Qt::DirectConnection, Q_ARG(QWidget*, editor));
        });
        connect(delegate, &QAbstractItemDelegate::closeEditor, view,
                [view](QWidget* editor, QAbstractItemDelegate::EndEditHint hint) {
                    if (view->viewport()->isAncestorOf(editor))
                        QMetaObject::invokeMethod(view, "closeEditor", Qt::DirectConnection,
                                                  Q_ARG(QWidget*, editor),
                                                  Q_ARG(QAbstractItemDelegate::EndEditHint, hint));
                });
    }
}

void FrozenColumns::update() {
    // The overlay holds the grid's model only while columns are frozen: its vertical header, hidden as it
    // is, keeps about 8 bytes per row of the result (80 MiB on 10M rows in continuous scrolling).
    if (m_count > 0 && m_frozen->model() != m_grid->model()) {
        m_frozen->setModel(m_grid->model());
        m_frozen->setSelectionModel(m_grid->selectionModel());
    } else if (m_count == 0 && m_frozen->model()) {
        m_frozen->setModel(nullptr); // Qt never deletes a replaced selection model: the grid keeps its own
    }
    // The grid's delegate and triggers may have changed since (the editor installs its own).
    if (m_frozen->itemDelegate() != m_grid->itemDelegate())
        shareDelegate();
    m_frozen->setEditTriggers(m_grid->editTriggers());
    // Rows as tall as the grid's (its compact default is not a resize the sectionResized signal reports).
    m_frozen->verticalHeader()->setMinimumSectionSize(m_grid->verticalHeader()->minimumSectionSize());
    m_frozen->verticalHeader()->setDefaultSectionSize(m_grid->verticalHeader()->defaultSectionSize());
    m_frozen->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView* grid = m_grid->horizontalHeader();
    QHeaderView* frozen = m_frozen->horizontalHeader();
    // The first m_count visible columns of the grid, in its order; the rest hidden here.
    QList<int> shown;
    for (int v = 0; v < grid->count() && shown.size() < m_count; ++v) {
        const int logical = grid->logicalIndex(v);
        if (!grid->isSectionHidden(logical))
            shown << logical;
    }
    for (int c = 0; c < frozen->count(); ++c) {
        m_frozen->setColumnHidden(c, !shown.contains(c));
        m_frozen->setColumnWidth(c, grid->sectionSize(c));
    }
    for (int at = 0; at < shown.size(); ++at)
        frozen->moveSection(frozen->visualIndex(shown[at]), at);
    m_frozen->setVisible(!shown.isEmpty());
    updateGeometry();
    followGrid();
}

bool FrozenColumns::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_grid && event->type() == QEvent::Resize)
        updateGeometry();
    if (watched == m_frozen->viewport() && event->type() == QEvent::Wheel) {
        QCoreApplication::sendEvent(m_grid->viewport(), event);
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void FrozenColumns::updateGeometry() {
    if (!m_frozen->isVisibleTo(m_grid))
        return;
    const int frame = m_grid->frameWidth();
    m_frozen->setGeometry(m_grid->verticalHeader()->width() + frame, frame, width(),
                          m_grid->viewport()->height() + m_grid->horizontalHeader()->height());
}

} // namespace pgdesk::ui
