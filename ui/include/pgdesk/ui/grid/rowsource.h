// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/page.h>
#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/ui/grid/rowwindow.h>

#include <optional>
#include <utility>

namespace pgdesk::ui {

using SourceRow = RowWindow::Row;

// Where a PageModel's rows come from: one page held whole (PageRows), or a window over a result of any size
// (WindowRows). The model reads every row through this, so it has one code path for both.
class RowSource {
public:
    virtual ~RowSource() = default;
    // Rows of the result the model shows (before any new rows).
    virtual qint64 size() const = 0;
    // The row as read; nullptr while it is not held (or past the end).
    virtual const SourceRow* row(qint64 index) const = 0;
    SourceRow* row(qint64 index) { return const_cast<SourceRow*>(std::as_const(*this).row(index)); }
    // Number of row 0 in the whole result (1-based); 0 when unknown, and rows are then not numbered.
    virtual qint64 firstNumber() const = 0;
    // The view asked for a row that is not held: true when that queued something new to fetch.
    virtual bool want(qint64 row) {
        Q_UNUSED(row);
        return false;
    }
};

// One page of rows, all held.
class PageRows final : public RowSource {
public:
    PageRows() = default;
    // Takes the page's rows, versions and cut values (they are the source's from then on).
    explicit PageRows(core::Page& page);
    qint64 size() const override { return m_rows.size(); }
    const SourceRow* row(qint64 index) const override;
    qint64 firstNumber() const override { return m_firstNumber; }
    void setFirstNumber(qint64 number) { m_firstNumber = number; }

private:
    QList<SourceRow> m_rows;
    qint64 m_firstNumber = 1;
};

// A result of any size held in a RowWindow. The model's rows are a view window of at most viewLimit rows
// starting at result row start() (QHeaderView keeps 8 bytes per row: a window, not 10 million sections);
// total() is the result's (estimated until a block proves the end). Rows asked for but not held queue
// their blocks (the latest few asks only) for the owner.
class WindowRows final : public RowSource {
public:
    struct BlockRequest {
        qint64 block = 0;
        core::PageRequest request;
    };
    // From the result's first block (taken, like PageRows), its total and whether rows have a key; the
    // view window starts at row 0.
    WindowRows(core::Page& first, int blockSize, int maxBlocks, int viewLimit);
    qint64 size() const override { return m_viewSize; }
    const SourceRow* row(qint64 index) const override;
    qint64 firstNumber() const override { return m_start + 1; }
    bool want(qint64 row) override;

    const RowWindow& window() const { return m_window; }
    qint64 total() const { return m_total; }
    qint64 start() const { return m_start; }
    int viewLimit() const { return m_viewLimit; }
    bool isExact() const { return m_exact; }
    void setTotal(qint64 rows) { m_total = rows; }
    // The view window [start, start + size) of the result; the model changes it inside its row signals.
    void setView(qint64 start, qint64 size) {
        m_start = start;
        m_viewSize = size;
    }
    void setExact(bool exact) { m_exact = exact; }
    // The most recently wanted block that is not held, and how to fetch it.
    std::optional<BlockRequest> takeWanted();
    // Stores a fetched block; returns the total it proves (the end reached, or more rows than estimated) and
    // whether that total is exact, or nullopt when the total stands.
    std::optional<std::pair<qint64, bool>> store(qint64 block, const core::Page& page);
    // Drops every held block (visible rows load again).
    void clear();

private:
    RowWindow m_window;
    qint64 m_total = 0;
    qint64 m_start = 0;
    qint64 m_viewSize = 0;
    int m_viewLimit;
    bool m_exact = false;
    bool m_keyed = false;
    QList<qint64> m_wanted; // blocks asked for and not held, most recent last
};

} // namespace pgdesk::ui
