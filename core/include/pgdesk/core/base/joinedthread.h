// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one way core starts a thread of its own (scripts/check-core-areas refuses std::thread elsewhere).

#include <exception>
#include <functional>
#include <memory>

namespace pgdesk::core {

// A thread that is always joined, with an exception channel: an exception escaping its function is kept and
// thrown again by join(), on the thread that waits, so a failure on a worker is never lost or a crash
// (std::terminate). The destructor joins too and drops a failure nobody asked for: an owner that must know
// calls join() first. Movable while it runs (the thread reaches only state of its own, never the object).
class JoinedThread final {
public:
    JoinedThread() = default;
    explicit JoinedThread(std::function<void()> fn);
    JoinedThread(JoinedThread&&) noexcept;
    JoinedThread& operator=(JoinedThread&&) noexcept; // joins the thread it held first
    JoinedThread(const JoinedThread&) = delete;
    JoinedThread& operator=(const JoinedThread&) = delete;
    ~JoinedThread();

    // Waits for the function to end and throws what escaped it (once). Nothing to wait for: returns.
    void join();
    bool running() const { return m_state != nullptr; }

    // Lets the thread run on without an owner: for a library call that cannot be interrupted and whose end
    // nobody waits for once the user cancelled (libxlsxwriter's close of a big workbook). The function must
    // report through state it shares and owns; what escapes it is dropped. The only detach in core.
    void letGo() &&;

private:
    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace pgdesk::core
