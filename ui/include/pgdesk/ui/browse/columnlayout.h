// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>
#include <QVariantMap>

class QMenu;
class QTableView;

namespace pgdesk::ui {

class FrozenColumns;
class PageModel;

// The grid's column layout of one table for one profile, remembered by column name in QSettings: the
// hidden columns (left out of the SELECT, so wide tables page faster: hiddenChanged() tells the feed), the
// order the header was dragged to, the widths set by hand or by Auto-fit, and how many leading columns stay
// frozen while scrolling sideways.
// Applied again whenever the model's columns change (a page with other columns, a reset header).
class ColumnLayout final : public QObject {
    Q_OBJECT
public:
    ColumnLayout(QTableView* grid, PageModel* model, QString profile, QString table, QObject* parent);

    // Every column of the table (the checklist), once the table is known.
    void setColumns(const QStringList& columns);
    QStringList hiddenColumns() const { return m_hidden; }
    void setHidden(const QString& column, bool hidden);
    // The shown columns' names, left to right.
    QStringList order() const;
    int frozenCount() const { return m_frozenCount; }
    // Freezes the columns up to and including the one at this logical index.
    void freezeUpTo(int logicalColumn);
    void unfreeze();
    // Fits every column to its contents (at most 480 px) and remembers those widths.
    void autoFit();
    // While the grid sizes its columns to their contents, the resizes are not the user's: not remembered.
    void setSizingColumns(bool sizing) { m_applying = sizing; }
    // The remembered width of a column, 0 when none.
    int storedWidth(const QString& column) const { return m_widths.value(column, 0).toInt(); }
    // Everything shown, in the table's order, nothing frozen, widths fitted; forgets the stored layout.
    void reset();
    // The "Columns" menu: the checklist, Freeze up to this column (when `logicalColumn` >= 0), Unfreeze,
    // Auto-fit widths, Reset layout.
    void addMenuActions(QMenu* menu, int logicalColumn);
    FrozenColumns* frozen() const { return m_frozen; }
    // Hidden, order and frozen columns onto the header (after the model's columns changed).
    void apply();

signals:
    void hiddenChanged(const QStringList& hidden);

private:
    QString key(const char* what) const;
    void saveOrder();
    void fitColumns();
    QString columnName(int logical) const;

    QTableView* m_grid;
    PageModel* m_model;
    FrozenColumns* m_frozen;
    QString m_profile;
    QString m_table;
    QStringList m_columns;
    QStringList m_hidden;
    QStringList m_order;  // as dragged; columns not in it follow in the table's order
    QVariantMap m_widths; // column name → width in pixels, for the columns resized by hand or fitted
    int m_frozenCount = 0;
    bool m_applying = false;
};

} // namespace pgdesk::ui
