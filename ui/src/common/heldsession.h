// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/pool.h>

#include <memory>
#include <mutex>

namespace pgdesk::ui {

// A connection checked out of a session's pool for a tool's whole life (so BEGIN in one run and COMMIT in
// the next, or a temporary table one cell makes, reach the same server session) with a Runner on it
// (core::ScriptRunner for a query tool, core::NotebookRunner for a notebook). Everything but cancel() does
// libpq work: worker threads only, one request at a time (a mutex), in the order they get it. The GUI holds
// its owner through a shared_ptr and only sends requests; the last owner, always a worker, closes the
// connection rather than returning it: temp tables, SET and prepared statements of the session must not
// leak to the pool's other users (and an open transaction is rolled back).
template <class Runner> class HeldSession final {
public:
    explicit HeldSession(std::shared_ptr<core::Pool> pool)
        : m_pool(std::move(pool)) {}
    ~HeldSession() {
        std::lock_guard lock(m_mutex);
        drop();
    }
    HeldSession(const HeldSession&) = delete;
    HeldSession& operator=(const HeldSession&) = delete;

    // fn(Runner&) under the mutex, on a connection checked out on first use (or after a lost one); a
    // connection found gone after a ConnectionError is forgotten, so the next request checks out another.
    template <class Fn> auto guarded(Fn fn) {
        std::lock_guard lock(m_mutex);
        try {
            return fn(runner());
        } catch (const core::ConnectionError&) {
            if (!m_connection || !m_connection->isOpen())
                drop();
            throw;
        }
    }

    // Inside guarded() only: forgets the connection (a run that says it lost it).
    void drop() {
        {
            std::lock_guard lock(m_cancelMutex);
            m_cancelTarget = nullptr;
        }
        m_runner.reset(); // restores the connection's notice receiver
        if (m_connection) {
            m_connection.invalidate();
            m_connection.release();
        }
    }

    // Any thread: stops what runs now (PQcancel). Does nothing when nothing runs.
    void cancel() {
        std::lock_guard lock(m_cancelMutex);
        if (m_cancelTarget)
            m_cancelTarget->cancel();
    }

    const std::shared_ptr<core::Pool>& pool() const { return m_pool; }

private:
    Runner& runner() {
        if (m_runner && m_connection && m_connection->isOpen())
            return *m_runner;
        drop();
        m_connection = m_pool->acquire();
        m_runner = std::make_unique<Runner>(*m_connection);
        std::lock_guard lock(m_cancelMutex);
        m_cancelTarget = m_runner.get();
        return *m_runner;
    }

    std::shared_ptr<core::Pool> m_pool;
    std::mutex m_mutex; // one request at a time
    core::PooledConnection m_connection;
    std::unique_ptr<Runner> m_runner;
    std::mutex m_cancelMutex; // guards m_cancelTarget, which cancel() reads from any thread
    Runner* m_cancelTarget = nullptr;
};

} // namespace pgdesk::ui
