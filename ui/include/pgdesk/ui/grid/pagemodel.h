// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/page.h>
#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/ui/grid/rowedits.h>
#include <pgdesk/ui/grid/rowsource.h>

#include <pgdesk/core/editing/entityoperations.h>

#include <QAbstractTableModel>
#include <QPointer>

#include <memory>

namespace pgdesk::ui {

// One page of rows, exactly as PostgreSQL printed them. Holds a single page at a time, so memory is
// bounded by the page size whatever the table's size. Display follows the type: NULL shown distinctly
// from the empty string, numbers right-aligned (exact text), booleans as check marks, bytea as size +
// hex preview, long or multi-line text elided with a tooltip; rows soft-deleted by the table's
// convention are marked. EditRole always gives the exact text (invalid QVariant for NULL). The model
// says what a cell is (the roles below); fonts and colours are GridDelegate's.
//
// With RowEdits (tables with a row key; EditSession in the editing folder), staged values show over the
// page's (found by row key, so they follow their rows across pages and sorts), edited cells and rows pending
// deletion, restore or in conflict are marked, and writable cells are editable: setData(EditRole) with an
// invalid QVariant stages NULL, with a string (even empty) stages that text; booleans toggle through
// CheckStateRole.
//
// Windowed (continuous scrolling): the result's rows (its total, estimated until a block proves the end)
// are shown through a view window of at most viewRowLimit() model rows starting at windowStart(): a view
// lays rows out through QHeaderView, which keeps 8 bytes per row (80 MiB for 10 million), so the owner
// (ResultScroller) moves the window as the user scrolls, with row removals and insertions at its edges
// that keep selections and the current cell on their rows. Only blocks of rows around what the view looks
// at are held (RowWindow). A row not held shows a placeholder; asking for its data queues its block and
// emits rowsWanted(), and the owner fetches blocks with takeWantedBlock() and hands them back with
// storeBlock().
class PageModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        IsNullRole = Qt::UserRole + 1,
        TypeRole,
        IsDeletedRole,
        IsEditedRole,      // the cell has a staged value (or is staged to DEFAULT)
        RowStateRole,      // int(RowEdits::RowState)
        IsConflictRole,    // the row's change conflicted at the last apply
        IsPlaceholderRole, // windowed: the row is not loaded yet
        IsCutRole,         // the value came cut (core::QuerySpec::valueLimit): a prefix of the whole one
        IsDefaultRole,     // shows DEFAULT: staged so, or a new row's cell never set
        CellStateRole      // all of the above a delegate draws from, at once: int of CellState bits
    };
    // CellStateRole: the row state (RowEdits::RowState) in the low bits, then these flags. One data() call
    // per cell instead of seven while painting.
    enum CellState {
        RowStateMask = 0x7,
        NullCell = 0x8,
        DeletedRow = 0x10,
        DefaultCell = 0x20,
        EditedCell = 0x40,
        ConflictRow = 0x80,
        PlaceholderRow = 0x100
    };

    explicit PageModel(QObject* parent = nullptr);

    void setPage(core::Page page);
    // Windowed mode from the result's first block (rows from 0, its total as the row count).
    void setWindowed(core::Page first, int blockSize = 200, int maxBlocks = 50);
    bool isWindowed() const { return m_window != nullptr; }
    const RowWindow* window() const { return m_window ? &m_window->window() : nullptr; }
    // The most recently wanted block that is not held, and how to fetch it; nullopt when none.
    using BlockRequest = WindowRows::BlockRequest;
    std::optional<BlockRequest> takeWantedBlock();
    // A fetched block; the total is corrected from what it proves (the end reached, or more rows).
    void storeBlock(qint64 block, const core::Page& page);
    // The result's total when known from elsewhere (an exact count).
    void setTotal(qint64 total, bool exact);
    bool isTotalExact() const { return m_window && m_window->isExact(); }
    // Rows of the whole result (windowed), or of the page.
    qint64 resultRowCount() const { return m_window ? m_window->total() : pageRowCount(); }
    // Windowed: the result row shown as model row 0 (else 0), and moving it (clamped so the window stays
    // full where the result allows).
    qint64 windowStart() const { return m_window ? m_window->start() : 0; }
    void setWindowStart(qint64 row);
    // Model rows a windowed result shows at most (the next setWindowed() takes it).
    void setViewRowLimit(int rows) { m_viewLimit = std::max(1, rows); }
    int viewRowLimit() const { return m_viewLimit; }
    static constexpr int kDefaultViewRows = 500000;
    // Drops every held block (after an apply or a reconnect): visible rows load again.
    void dropBlocks();
    void clear();
    // The page's columns, key, cursors and total (its rows are read through rowValues() and friends).
    const core::Page& page() const { return m_page; }
    // How NULL is drawn, and dates/timestamps in the language's format (display role only: editing, copying
    // and exports keep the exact text).
    void setDisplayOptions(const QString& nullText, bool localDateTimes);
    // Which column says a row is soft-deleted, and how (from the table's conventions); None: no marking.
    void setSoftDelete(core::SoftDeleteKind kind, const QString& column);
    bool isRowDeleted(int row) const;
    // Number shown in the vertical header for the first row (its position in the whole result), or 0
    // when unknown (e.g. the last page of an estimated total): then rows are not numbered.
    void setFirstRowNumber(qint64 number);
    // Staged edits to show and stage into (nullptr: read-only). Not owned.
    void setRowEdits(RowEdits* edits);
    RowEdits* rowEdits() const { return m_session; }
    // While an apply runs nothing can be edited.
    void setEditingLocked(bool locked);
    // New rows (staged inserts) follow the page's rows; -1 for a row of the page.
    qsizetype insertIndex(int row) const;
    bool isNewRow(int row) const { return insertIndex(row) >= 0; }
    // Rows of the result shown (the page's, or the view window's when windowed), before any new rows.
    int pageRowCount() const { return int(m_rows->size()); }
    // The row's values as read; nullptr for new rows and rows not loaded yet.
    const QList<std::optional<QString>>* rowValues(int row) const;
    // The row's key (empty when the page has none, and for new rows) and version as read.
    core::Key rowKey(int row) const;
    QString rowVersion(int row) const;
    // The value shown: staged if any, else as read (also for a cell staged to DEFAULT).
    std::optional<QString> value(int row, int column) const;
    // Whether the value as read came cut (core::QuerySpec::valueLimit): shown marked, not editable in place
    // (flags()) nor filtered by until setWholeValue() has put the whole value in its place. A new value
    // may still replace it whole (canStage(): NULL, DEFAULT, a file).
    bool isCut(int row, int column) const;
    // The cell takes staged values (setData, setDefault): editable, or cut but otherwise editable.
    bool canStage(const QModelIndex& index) const { return index.isValid() && isCellEditable(index); }
    qint64 cutBytes(int row, int column) const; // a cut bytea's whole size, else -1
    void setWholeValue(int row, int column, std::optional<QString> value);
    // "Set DEFAULT": the cell takes its column's default when the change applies (a new row's cell goes back
    // to unset). False when the cell cannot be edited.
    bool setDefault(const QModelIndex& index);
    // Whether the cell shows DEFAULT: staged so, or a new row's cell never set.
    bool isDefault(const QModelIndex& index) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    static bool isNumericType(const QString& typeName);

signals:
    // Windowed: the view asked for rows that are not held (see takeWantedBlock()).
    void rowsWanted();
    // Windowed: the result's total changed (an estimate corrected, a count), also where the window did not.
    void totalChanged(qint64 total);

private:
    core::Page m_page; // without its rows: they are m_rows'
    void resolveColumns();
    void sessionChanged();
    bool isCellEditable(const QModelIndex& index) const;
    QVariant editData(const QModelIndex& index, int role) const;
    QVariant newRowData(const QModelIndex& index, int role) const;
    QVariant placeholderData(const QModelIndex& index, int role) const;
    int cellState(const QModelIndex& index) const;
    void resizeWindow(qint64 rows);
    void moveView(qint64 start, qint64 size);
    void want(int row) const;
    void setRows(std::unique_ptr<RowSource> rows, WindowRows* window);

    QPointer<RowEdits> m_session;
    bool m_locked = false;
    QList<int> m_keyAt;         // columns of the row key, in key order (empty: no key)
    QList<qsizetype> m_inserts; // the session's pending inserts, shown after the page's rows
    QList<bool> m_updatable;    // per column: may be changed in rows read from the server
    QList<bool> m_insertable;   // per column: may be given in new rows

    QList<bool> m_numeric;
    QList<bool> m_boolean;
    QList<bool> m_bytea;
    core::SoftDeleteKind m_softDelete = core::SoftDeleteKind::None;
    QString m_softDeleteColumnName;
    int m_softDeleteColumn = -1;
    std::unique_ptr<RowSource> m_rows;
    WindowRows* m_window = nullptr; // m_rows when windowed
    int m_viewLimit = kDefaultViewRows;
    mutable bool m_wantPosted = false;
    QString m_nullText = QStringLiteral("NULL");
    bool m_localDateTimes = false;
};

} // namespace pgdesk::ui
