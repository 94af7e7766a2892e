// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal to pgdesk_core's protocol layer: statement parameters as libpq takes them.

#include <pgdesk/core/session/connection.h>

#include <vector>

namespace pgdesk::core::pq {

// Text parameters as the arrays PQexecParams and its siblings take (a null pointer is SQL NULL). Points
// into `params`, which must outlive it.
struct ParamArrays final {
    explicit ParamArrays(const Params& params) {
        values.reserve(size_t(params.size()));
        lengths.reserve(size_t(params.size()));
        for (const auto& p : params) {
            values.push_back(p ? p->constData() : nullptr);
            lengths.push_back(p ? int(p->size()) : 0);
        }
    }
    int count() const { return int(values.size()); }

    std::vector<const char*> values;
    std::vector<int> lengths;
};

} // namespace pgdesk::core::pq
