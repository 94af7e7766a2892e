// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/joinedthread.h>

#include <thread>
#include <utility>

namespace pgdesk::core {

struct JoinedThread::State {
    std::exception_ptr error; // written by the thread before it ends; read after the join
    std::thread thread;       // last: starts once the state it writes exists
};

JoinedThread::JoinedThread(std::function<void()> fn)
    : m_state(std::make_shared<State>()) {
    // The thread holds the state too: one let go (letGo()) frees it at its end.
    m_state->thread = std::thread([state = m_state, fn = std::move(fn)] {
        try {
            fn();
        } catch (...) {
            state->error = std::current_exception();
        }
    });
}

JoinedThread::JoinedThread(JoinedThread&& other) noexcept = default;

JoinedThread& JoinedThread::operator=(JoinedThread&& other) noexcept {
    if (this != &other) {
        if (m_state && m_state->thread.joinable())
            m_state->thread.join();
        m_state = std::move(other.m_state);
    }
    return *this;
}

JoinedThread::~JoinedThread() {
    if (m_state && m_state->thread.joinable())
        m_state->thread.join();
}

void JoinedThread::join() {
    if (!m_state)
        return;
    const std::shared_ptr<State> state = std::move(m_state);
    if (state->thread.joinable())
        state->thread.join();
    if (state->error)
        std::rethrow_exception(state->error);
}

void JoinedThread::letGo() && {
    if (!m_state)
        return;
    std::exchange(m_state, nullptr)->thread.detach();
}

} // namespace pgdesk::core
