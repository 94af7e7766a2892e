// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace pgdesk::core {

// Counts the connects and statements the constructing thread starts while the object lives. UI tests use it
// to prove an action sent nothing from the GUI thread, which a time bound proves only on a quiet machine.
// Nested watches each count. Costs one thread-local read per statement when no watch is set.
class ThreadRoundTrips final {
public:
    ThreadRoundTrips();
    ~ThreadRoundTrips();
    ThreadRoundTrips(const ThreadRoundTrips&) = delete;
    ThreadRoundTrips& operator=(const ThreadRoundTrips&) = delete;

    int count() const { return m_count; }

    // Called by the protocol layer for each connect and each statement sent.
    static void note();

private:
    int m_count = 0;
    ThreadRoundTrips* m_outer = nullptr;
};

} // namespace pgdesk::core
