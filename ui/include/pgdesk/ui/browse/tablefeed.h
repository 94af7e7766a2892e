// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/ui/browse/feedconnection.h>

#include <QObject>

#include <memory>
#include <optional>

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;
class PageModel;
struct BackgroundFailure;

// The query state of one table tab, with no widgets: what is read (schema, table, filter, search, sort,
// scope, page size), the table's description, the page arithmetic, the exact total and the block scheduling
// of continuous scrolling, and the three jobs that talk to the server (page load, block, exact count; each a
// JobSlot, so a newer request supersedes and cancels the older). It fills the PageModel it is given: pages
// with setPage(), or, continuous, the window's first block and then the blocks the model asks for
// (PageModel::rowsWanted → a block job → PageModel::storeBlock), so scrolling never goes through a widget.
// TableBrowser keeps the bar, the header clicks, the menus and the banner, and asks this for the rest.
class TableFeed final : public QObject {
    Q_OBJECT
public:
    enum class Move { First, Next, Previous, Last, Jump, Same };
    // Continuous scrolling: rows per block, and blocks held (10,000 rows).
    static constexpr int kBlockSize = 200;
    static constexpr int kMaxBlocks = 50;

    TableFeed(std::shared_ptr<core::Pool> pool, QString schema, QString table, PageModel* model,
              QObject* parent = nullptr);
    // Without a pool (unit tests): every job talks through `connector`; reconnect() only reloads.
    TableFeed(FeedConnector connector, QString schema, QString table, PageModel* model,
              QObject* parent = nullptr);

    const std::shared_ptr<core::Pool>& pool() const { return m_pool; }
    const core::QuerySpec& spec() const { return m_spec; }
    // The table's catalog description once the first page has loaded (keyed by ctid when opted in).
    const std::optional<core::TableInfo>& table() const { return m_table; }
    // The server is a hot standby (asked with the first page): nothing can be written.
    bool isStandby() const { return m_standby; }
    bool isContinuous() const { return m_continuous; }
    // From "Count rows" (or a count before a far jump), until the set of rows changes.
    const std::optional<qint64>& exactTotal() const { return m_exactTotal; }
    // Paged: the 1-based number of the first row shown, when known (not for the last page of an estimate).
    qint64 firstRow() const { return m_firstRow; }
    bool isFirstRowKnown() const { return m_firstRowKnown; }

    // Each of these changes what is read and loads from the first row.
    void setPageSize(int rows); // 0: continuous scrolling
    void setSort(const QList<core::SortKey>& sort);
    void setFilter(const core::FilterGroup& filter, const QString& search);
    void setScope(core::SoftDeleteScope scope);
    // Columns hidden in the grid, left out of the SELECT (the sort and row key columns still come: cursors
    // and edits need them); reloads from the first rows unless `reload` is false (before the first load).
    void setOmittedColumns(const QStringList& columns, bool reload = true);
    // Filter, search, sort and (when set) scope at once, in one load.
    void setView(const core::FilterGroup& filter, const QString& search, const QList<core::SortKey>& sort,
                 std::optional<core::SoftDeleteScope> scope);
    // Reads the table's description again with the next load (after opting in to edits by ctid).
    void forgetTable() { m_table.reset(); }

    // Paged: the page the move names; Same reloads it. Continuous: First loads the first block afresh, Same
    // drops the held blocks (the visible ones load again); the other moves are the view's scrolling and do
    // nothing here.
    void load(Move move);
    // Paged: a page by number (1-based), by OFFSET from the start, so far jumps cost what OFFSET costs.
    void goToPage(qint64 page);
    // After a lost connection: discards the pool's idle connections and loads again.
    void reconnect();

    // count(*) with the current filter and scope; cancelCount() stops it (PQcancel).
    void countExactly();
    void cancelCount();
    // Cancels whatever runs; the cancelled jobs fail with QueryCanceled.
    void cancel();
    bool isLoading() const;
    bool isCounting() const;
    bool isBusy() const;

signals:
    void tableLoaded();
    // The model holds the new page (or the window's first block); `move` says which page it was.
    void pageLoaded(pgdesk::ui::TableFeed::Move move);
    // Continuous: a block of rows arrived (or the total was proven).
    void rowsLoaded();
    void countFinished(qint64 rows);
    void countFailed(const QString& message);
    // A page or block failed to load (blocks are then not fetched again until a reload).
    void failed(const pgdesk::ui::BackgroundFailure& failure);
    void busyChanged();

private:
    void fetchWantedBlock();
    QString qualifiedName() const;

    std::shared_ptr<core::Pool> m_pool; // null in unit tests
    FeedConnector m_connect;
    PageModel* m_model; // not owned: the tab's
    core::QuerySpec m_spec;
    std::optional<core::TableInfo> m_table;
    bool m_standby = false;
    bool m_continuous = false;
    bool m_blocksFailed = false; // continuous: stop fetching until reload/reconnect
    std::optional<qint64> m_exactTotal;
    qint64 m_firstRow = 1;
    bool m_firstRowKnown = true;
    JobSlot* m_countJob;
    JobSlot* m_loadJob;
    JobSlot* m_blockJob;
};

} // namespace pgdesk::ui
