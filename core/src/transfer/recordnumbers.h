// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal to the transfer area: where each imported record is in its file, for error messages, kept
// sparse (one entry where the numbering stops counting up by one: a blank line, an empty sheet row), so a
// file of ten million records costs nothing here unless it is full of gaps.

#include <QtGlobal>

#include <algorithm>
#include <vector>

namespace pgdesk::core {

class RecordNumbers final {
public:
    // Records are added in order, 0, 1, 2 …
    void add(qint64 record, qint64 number) {
        if (m_breaks.empty() || number != m_last + 1)
            m_breaks.push_back({record, number});
        m_last = number;
    }
    qint64 numberOf(qint64 record) const {
        const auto after = std::upper_bound(m_breaks.begin(), m_breaks.end(), record,
                                            [](qint64 r, const Break& b) { return r < b.record; });
        if (after == m_breaks.begin())
            return record + 1;
        const Break& b = *std::prev(after);
        return b.number + (record - b.record);
    }

private:
    struct Break {
        qint64 record;
        qint64 number;
    };
    std::vector<Break> m_breaks;
    qint64 m_last = 0;
};

} // namespace pgdesk::core
