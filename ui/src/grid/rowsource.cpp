// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/grid/rowsource.h>

namespace pgdesk::ui {

PageRows::PageRows(core::Page& page) {
    m_rows.reserve(page.rows.size());
    for (qsizetype i = 0; i < page.rows.size(); ++i)
        m_rows.append(SourceRow{std::move(page.rows[i]), page.versions.value(i), page.cut.value(i)});
    page.rows.clear();
    page.versions.clear();
    page.cut.clear();
}

const SourceRow* PageRows::row(qint64 index) const {
    return index >= 0 && index < m_rows.size() ? &m_rows[index] : nullptr;
}

WindowRows::WindowRows(core::Page& first, int blockSize, int maxBlocks, int viewLimit)
    : m_window(blockSize, maxBlocks)
    , m_viewLimit(std::max(1, viewLimit))
    , m_keyed(!first.keyColumns.isEmpty()) {
    m_window.store(0, first);
    const qint64 seen = first.rows.size() + (first.hasMore ? 1 : 0);
    m_total = first.hasMore ? std::max(first.total.value_or(seen), seen) : first.rows.size();
    m_viewSize = std::min<qint64>(m_total, m_viewLimit);
    m_exact = !first.hasMore || (first.total && !first.totalIsEstimate);
    first.rows.clear(); // held by the window from now on
    first.versions.clear();
    first.cut.clear();
}

const SourceRow* WindowRows::row(qint64 index) const {
    return index >= 0 && index < m_viewSize ? m_window.row(m_start + index) : nullptr;
}

// Only a view showing the cell asks for a missing row (not header sizing, which looks at the first and
// last hundred rows), so the latest few asks are what the user looks at.
bool WindowRows::want(qint64 row) {
    const qint64 block = m_window.blockOf(m_start + row);
    if (!m_wanted.isEmpty() && m_wanted.last() == block)
        return false;
    m_wanted.removeAll(block);
    m_wanted.append(block);
    if (m_wanted.size() > 4)
        m_wanted.removeFirst();
    return true;
}

auto WindowRows::takeWanted() -> std::optional<BlockRequest> {
    const qint64 lastBlock = m_total > 0 ? m_window.blockOf(m_total - 1) : -1;
    while (!m_wanted.isEmpty()) {
        const qint64 block = m_wanted.takeLast();
        if (block > lastBlock || m_window.hasBlock(block))
            continue;
        return BlockRequest{
            block, m_window.requestFor(block, m_exact ? std::optional(m_total) : std::nullopt, m_keyed)};
    }
    return std::nullopt;
}

std::optional<std::pair<qint64, bool>> WindowRows::store(qint64 block, const core::Page& page) {
    m_window.store(block, page);
    const qint64 start = block * m_window.blockSize();
    const qint64 end = start + page.rows.size();
    if (!page.hasMore) {
        // The end of the result: exact, unless nothing came back (then only "not beyond here").
        const bool exact = end > start || block == 0 || m_window.row(start - 1) != nullptr;
        return std::pair{end, exact};
    }
    if (end + 1 > m_total)
        return std::pair{end + 1, m_exact}; // more rows than estimated: grow as they are proven
    return std::nullopt;
}

void WindowRows::clear() {
    m_window.clear();
    m_wanted.clear();
}

} // namespace pgdesk::ui
