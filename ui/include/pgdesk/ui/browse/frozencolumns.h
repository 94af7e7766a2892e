// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QPersistentModelIndex;
class QTableView;

namespace pgdesk::ui {

// Keeps the first columns of a grid in place while it scrolls sideways, as Qt's "Frozen Column" example
// does: a second view over the same model and selection model, laid over the grid's left edge, showing
// only those columns, scrolled vertically with the grid and sized like it. Editing there edits the same
// model (the grid's delegate is shared).
class FrozenColumns final : public QObject {
    Q_OBJECT
public:
    explicit FrozenColumns(QTableView* grid);

    // The first `count` visible columns in the grid's visual order; 0 unfreezes.
    void setCount(int count);
    int count() const { return m_count; }
    QTableView* view() const { return m_frozen; }
    // Again after the grid's columns, order or widths changed.
    void update();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateGeometry();
    void followGrid();
    // Width of the frozen columns shown, 0 when none.
    int width() const;
    void keepBeside(const QPersistentModelIndex& current);
    // Both views share the grid's delegate, each told only of its own editors.
    void shareDelegate();

    QTableView* m_grid;
    QTableView* m_frozen;
    int m_count = 0;
};

} // namespace pgdesk::ui
