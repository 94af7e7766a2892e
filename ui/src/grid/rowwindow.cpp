// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/grid/rowwindow.h>

#include <cstdlib>

namespace pgdesk::ui {

RowWindow::RowWindow(int blockSize, int maxBlocks)
    : m_blockSize(std::max(1, blockSize))
    , m_maxBlocks(std::max(2, maxBlocks)) {
}

const RowWindow::Row* RowWindow::row(qint64 index) const {
    if (index < 0)
        return nullptr;
    const auto it = m_blocks.find(blockOf(index));
    if (it == m_blocks.end())
        return nullptr;
    const qint64 offset = index % m_blockSize;
    return offset < it->second.rows.size() ? &it->second.rows[offset] : nullptr;
}

void RowWindow::store(qint64 block, const core::Page& page) {
    Block b;
    b.nextCursor = page.nextCursor;
    b.prevCursor = page.prevCursor;
    const qsizetype count = std::min<qsizetype>(page.rows.size(), m_blockSize);
    b.rows.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        b.rows.append(Row{page.rows[i], page.versions.value(i), page.cut.value(i)});
    m_blocks[block] = std::move(b);
    while (int(m_blocks.size()) > m_maxBlocks) {
        // The two ends of the map are the candidates farthest from the block just stored.
        const auto first = m_blocks.begin();
        const auto last = std::prev(m_blocks.end());
        if (std::llabs(first->first - block) >= std::llabs(last->first - block))
            m_blocks.erase(first);
        else
            m_blocks.erase(last);
    }
}

qint64 RowWindow::heldRows() const {
    qint64 rows = 0;
    for (const auto& [index, b] : m_blocks)
        rows += b.rows.size();
    return rows;
}

core::PageRequest RowWindow::requestFor(qint64 block, std::optional<qint64> exactTotal, bool keyed) const {
    core::PageRequest request;
    request.pageSize = m_blockSize;
    if (block <= 0)
        return request; // the first page
    // The previous block ends exactly where this one starts (a full block with a cursor after it).
    if (const auto it = m_blocks.find(block - 1);
        it != m_blocks.end() && it->second.rows.size() == m_blockSize && !it->second.nextCursor.isEmpty()) {
        request.afterCursor = it->second.nextCursor;
        return request;
    }
    if (const auto it = m_blocks.find(block + 1); it != m_blocks.end() && !it->second.prevCursor.isEmpty()) {
        request.beforeCursor = it->second.prevCursor;
        return request;
    }
    if (keyed && exactTotal && block == (*exactTotal - 1) / m_blockSize &&
        *exactTotal > block * m_blockSize) {
        // The final rows, by keyset from the end: no OFFSET.
        request.pageSize = int(*exactTotal - block * m_blockSize);
        request.last = true;
        return request;
    }
    request.pageNumber = block + 1;
    return request;
}

} // namespace pgdesk::ui
