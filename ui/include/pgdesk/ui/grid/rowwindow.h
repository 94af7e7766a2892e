// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/page.h>
#include <pgdesk/core/browse/queryspec.h>

#include <map>
#include <optional>
#include <utility>

namespace pgdesk::ui {

// The rows of a result of any size held in fixed-size blocks at their absolute positions, for continuous
// scrolling: blocks are fetched as the view asks for rows and the ones farthest from where the user
// looks are dropped, so at most maxBlocks × blockSize rows are ever held. Pure data, no Qt model.
class RowWindow final {
public:
    struct Row {
        QList<std::optional<QString>> values; // exact text, nullopt = NULL
        QString version;                      // xmin as read (editable tables), else empty
        QList<core::CutValue> cut;            // values that came cut (core::Page::cut)
    };

    explicit RowWindow(int blockSize = 200, int maxBlocks = 40);

    int blockSize() const { return m_blockSize; }
    int maxBlocks() const { return m_maxBlocks; }
    qint64 blockOf(qint64 row) const { return row / m_blockSize; }
    // nullptr while the row's block is not held (or the row lies past the end of a short block).
    const Row* row(qint64 index) const;
    Row* row(qint64 index) { return const_cast<Row*>(std::as_const(*this).row(index)); }
    bool hasBlock(qint64 block) const { return m_blocks.count(block) != 0; }
    // Stores a fetched block (its rows start at block × blockSize) and then drops the blocks farthest
    // from it until at most maxBlocks are held.
    void store(qint64 block, const core::Page& page);
    void clear() { m_blocks.clear(); }
    qint64 heldRows() const;
    int heldBlocks() const { return int(m_blocks.size()); }

    // How to fetch `block`: by keyset from a held neighbour when there is one (cheap anywhere in the
    // result), the final rows when it is the last block of an exact total (cheap too), else by OFFSET
    // (costs what OFFSET costs: far jumps into huge results take a while, rows show placeholders meanwhile).
    // Keyset requests need a row key (`keyed`); without one every request is by OFFSET.
    core::PageRequest requestFor(qint64 block, std::optional<qint64> exactTotal, bool keyed) const;

private:
    struct Block {
        QList<Row> rows;
        QString nextCursor; // after the block's last row (empty: none known)
        QString prevCursor; // before its first row
    };

    int m_blockSize;
    int m_maxBlocks;
    std::map<qint64, Block> m_blocks;
};

} // namespace pgdesk::ui
