// SPDX-License-Identifier: GPL-3.0-or-later
// The merge the data compares share (two tables, two pinned results): both sides read in the same key
// order; each step takes the row with the smaller key alone, or both rows when their keys are equal.
#pragma once

namespace pgdesk::core {

// Left and Right: atEnd() and advance(). compare(): <0, 0 or >0 as the left row's key is below, equal to or
// above the right row's. before(): called ahead of each step (progress, cancel).
template <class Left, class Right, class Compare, class OnlyLeft, class OnlyRight, class Both, class Before>
void mergeByKey(Left& left, Right& right, Compare compare, OnlyLeft onlyLeft, OnlyRight onlyRight, Both both,
                Before before) {
    while (!left.atEnd() || !right.atEnd()) {
        before();
        const int c = left.atEnd() ? 1 : right.atEnd() ? -1 : compare();
        if (c < 0) {
            onlyLeft();
            left.advance();
        } else if (c > 0) {
            onlyRight();
            right.advance();
        } else {
            both();
            left.advance();
            right.advance();
        }
    }
}

} // namespace pgdesk::core
