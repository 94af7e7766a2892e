// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/ui/grid/copyas.h>

#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/ui/browse/tablefeed.h>

#include <QSet>
#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class BatchDialog;
class ColumnLayout;
class WriteUnlockButton;
class FilterBar;
struct RelatedRows;
class PageModel;
class ResultScroller;
class StructureView;
class TableEditor;
class WholeValueLoader;

// How a table is looked at: filter, quick search, sort and soft-delete scope (unset: the default).
struct TableView {
    core::FilterGroup filter;
    QString search;
    QList<core::SortKey> sort;
    std::optional<core::SoftDeleteScope> scope;
};

// A tab that browses one table: the grid, the filter bar, the pager bar, the header clicks, the context menu
// and the banner. What is read and how it is fetched is its TableFeed's (keyset paging, server-side sort,
// on worker threads; a newer request supersedes and cancels the older), and only the current page is held
// in memory. With the page size "Scroll" the grid instead scrolls continuously through the whole result:
// the model is windowed, the feed fetches blocks of rows as the view shows them and far ones are dropped,
// so memory stays bounded whatever the table's size.
class TableBrowser final : public QWidget {
    Q_OBJECT
public:
    TableBrowser(std::shared_ptr<core::Pool> pool, QString schema, QString table, QWidget* parent = nullptr);
    ~TableBrowser() override;
    // The pool of the table's database (each database of a session has its own).
    const std::shared_ptr<core::Pool>& pool() const { return m_pool; }

    PageModel* model() const { return m_model; }
    WriteUnlockButton* writeUnlock() const { return m_unlock; }
    QTableView* view() const { return m_view; }
    // Continuous scrolling's position in the whole result (the view shows a window of it).
    ResultScroller* scroller() const { return m_scroller; }
    FilterBar* filterBar() const { return m_filterBar; }
    // Staged edits, Apply / Discard and the edit actions of this tab.
    TableEditor* editor() const { return m_editor; }
    TableFeed* feed() const { return m_feed; }
    const core::QuerySpec& spec() const { return m_feed->spec(); }
    // The table's catalog description once the first page has loaded (keyed by ctid when opted in).
    const std::optional<core::TableInfo>& table() const { return m_feed->table(); }
    // The server is a hot standby (asked with the first page): nothing can be written.
    bool isStandby() const { return m_feed->isStandby(); }
    QString rangeText() const;
    bool isLoading() const;

    void firstPage();
    void nextPage();
    void previousPage();
    void lastPage();
    // Server-side sort: a plain click sorts by that column (again: flips direction); `add` (shift-click)
    // appends it as a further key.
    void sortBy(int column, bool add);
    void setScope(core::SoftDeleteScope scope);
    // 0: continuous scrolling (the pager's buttons then scroll the grid).
    void setPageSize(int rows);
    bool isContinuous() const { return m_feed->isContinuous(); }
    // Jumps to a page number (1-based; continuous: a row number). Uses OFFSET from the start, so far
    // jumps cost what OFFSET costs.
    void goToPage(qint64 page);
    void reload();
    // After a lost connection: discards the pool's idle connections and loads the page again.
    void reconnect();
    QPushButton* reconnectButton() const { return m_reconnect; }
    // Runs the filter bar's conditions and search (from the first page).
    void applyFilter();
    // Shows only the rows matching `filter` (the filter bar shows its conditions once the table is known).
    void setFilter(const core::FilterGroup& filter);
    // Filter, search, sort and scope at once (one load): `pgdesk --open T --filter … --sort …`.
    void setView(const TableView& view);
    // "Filter by this value" / "Exclude this value" for a cell: = / ≠, or IS [NOT] NULL for NULL.
    // These three first load a value the page brought cut (PageModel::isCut()) whole, on a worker.
    void filterByCell(const QModelIndex& cell, bool exclude);
    // The selected cells as TSV on the clipboard (with the column names first when headers).
    void copySelection(bool headers);
    // Copy as (the grid's context menu): the selection's rows × columns, whole values, to the clipboard.
    void copySelectionAs(CopyAsFormat format);
    // Opens the full-value viewer for a cell.
    void viewValue(const QModelIndex& cell);
    // count(*) with the current filter and scope, off the GUI thread; cancelCount() stops it (PQcancel).
    void countExactly();
    void cancelCount();
    bool isCounting() const;
    // A page load or an exact count is running (the status bar shows it with Cancel).
    bool isBusy() const;
    QString busyText() const;
    // Cancels whatever runs (PQcancel on its connection); the tab then shows "canceling statement…".
    void cancelBusy();
    // Edit ▸ Batch operation…: on the selected rows or every row of the current view, counted first, one
    // transaction; the tab reloads when it committed. nullptr when the table cannot be edited.
    BatchDialog* openBatchDialog();

    // "Data" (the rows, the default) or "Structure" (columns, constraints, indexes … of the table): two pages
    // switched by a pair of buttons on the tab's top bar. The structure is read when first shown. F5
    // refreshes the page shown.
    void showStructure();
    void showData();
    bool isStructureShown() const;
    // The Structure page; nullptr until it was first shown.
    StructureView* structureView() const { return m_structure; }
    // Hidden, reordered and frozen columns of the grid (the "Columns" menu).
    ColumnLayout* columnLayout() const { return m_columnLayout; }

signals:
    // A relationship link from the context menu: open schema.table filtered to the related rows.
    void openRelatedRequested(const pgdesk::ui::RelatedRows& rows);
    // The Structure page's Design…: the window opens the table designer.
    void designRequested(const QString& schema, const QString& table);
    void pageLoaded();
    // Continuous scrolling: a block of rows arrived (after the first, which is pageLoaded()).
    void rowsLoaded();
    void busyChanged();
    void loadFailed(const QString& message);
    void countFinished(qint64 rows);
    void countFailed(const QString& message);
    // The page shown changed between Data and Structure.
    void pageShown(bool structure);

private:
    using Move = TableFeed::Move;
    void load(Move move);
    void pageArrived(Move move);
    void updateControls();
    void showSortIndicators();
    void fitColumns();
    void setUpColumnLayout(QHBoxLayout* bar);
    void showContextMenu(const QPoint& position);
    void tableLoaded();
    void updateHiddenRowsNote();
    QString qualifiedName() const; // schema.table as written, the key of per-table settings
    void scrollWindow(Move move);
    void showFailure(const QString& message, bool connectionLost);
    void refreshShownPage();

    std::shared_ptr<core::Pool> m_pool;
    PageModel* m_model = nullptr;
    TableFeed* m_feed = nullptr;
    QTableView* m_view = nullptr;
    ResultScroller* m_scroller = nullptr;
    FilterBar* m_filterBar = nullptr;
    TableEditor* m_editor = nullptr;
    WriteUnlockButton* m_unlock = nullptr;
    WholeValueLoader* m_whole = nullptr;
    QLabel* m_range = nullptr;
    QLabel* m_message = nullptr;
    QComboBox* m_scope = nullptr;
    QLabel* m_hiddenRows = nullptr; // "Rows with deleted_at set are hidden" while the scope hides some
    QToolButton* m_first = nullptr;
    QToolButton* m_previous = nullptr;
    QToolButton* m_next = nullptr;
    QToolButton* m_last = nullptr;
    QComboBox* m_pageSize = nullptr;
    QSpinBox* m_goTo = nullptr;
    QPushButton* m_count = nullptr;
    QPushButton* m_reconnect = nullptr;
    QAction* m_cancelAction = nullptr;
    QAction* m_refreshAction = nullptr;
    QStackedWidget* m_pages = nullptr;
    QToolButton* m_dataButton = nullptr;
    QToolButton* m_structureButton = nullptr;
    QToolButton* m_columnsButton = nullptr; // the Data page's Columns menu
    StructureView* m_structure = nullptr;   // made when first shown
    ColumnLayout* m_columnLayout = nullptr;
    bool m_columnsSized = false;
    bool m_fittingColumns = false; // fitColumns() is resizing: not the user
    QSet<int> m_userSizedColumns;  // sections the user resized: fitColumns() leaves them alone
};

} // namespace pgdesk::ui
