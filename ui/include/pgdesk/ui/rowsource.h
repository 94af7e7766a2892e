// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/page.h>
#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/ui/rowwindow.h>

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

// A result of any size held in a RowWindow: its size is the result's total (estimated until a block proves
// the end), and rows asked for but not held queue their blocks (the latest few asks only) for the owner.
class WindowRows final : public RowSource {
public:
    struct BlockRequest {
        qint64 block = 0;
        core::PageRequest request;
    };
    // From the result's first block (taken, like PageRows), its total and whether rows have a key.
    WindowRows(core::Page& first, int blockSize, int maxBlocks);
    qint64 size() const override { return m_size; }
    const SourceRow* row(qint64 index) const override;
    qint64 firstNumber() const override { return 1; }
    bool want(qint64 row) override;

    const RowWindow& window() const { return m_window; }
    bool isExact() const { return m_exact; }
    void setSize(qint64 rows) { m_size = rows; }
    void setExact(bool exact) { m_exact = exact; }
    // The most recently wanted block that is not held, and how to fetch it.
    std::optional<BlockRequest> takeWanted();
    // Stores a fetched block; returns the size it proves (the end reached, or more rows than estimated) and
    // whether that size is exact, or nullopt when the size stands.
    std::optional<std::pair<qint64, bool>> store(qint64 block, const core::Page& page);
    // Drops every held block (visible rows load again).
    void clear();

private:
    RowWindow m_window;
    qint64 m_size = 0;
    bool m_exact = false;
    bool m_keyed = false;
    QList<qint64> m_wanted; // blocks asked for and not held, most recent last
};

} // namespace pgdesk::ui
