// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/session/roundtrips.h>

namespace pgdesk::core {

namespace {
thread_local ThreadRoundTrips* t_innermost = nullptr;
}

ThreadRoundTrips::ThreadRoundTrips()
    : m_outer(t_innermost) {
    t_innermost = this;
}

ThreadRoundTrips::~ThreadRoundTrips() {
    t_innermost = m_outer;
}

void ThreadRoundTrips::note() {
    for (ThreadRoundTrips* w = t_innermost; w; w = w->m_outer)
        ++w->m_count;
}

} // namespace pgdesk::core
