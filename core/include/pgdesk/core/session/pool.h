// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/sshtunnel.h>

#include <QString>
#include <QtGlobal>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>

namespace pgdesk::core {

// A snapshot of a pool's state and counters (all taken under the pool's mutex, so consistent).
struct PoolStats {
    int size = 0;          // PoolSettings::size
    int maxOverflow = 0;   // PoolSettings::maxOverflow (-1 = unlimited)
    int open = 0;          // idle + checkedOut
    int idle = 0;          // open connections waiting in the pool
    int checkedOut = 0;    // handed out (including checkouts still connecting)
    int overflowInUse = 0; // open connections beyond size
    quint64 checkouts = 0; // successful acquire() calls
    quint64 waits = 0;     // acquire() calls that had to wait for a free slot
    quint64 timeouts = 0;  // acquire() calls that gave up with PoolTimeoutError
    quint64 recycled = 0;  // connections replaced at checkout for being older than recycleSeconds
    quint64 invalidated =
        0; // discarded as dead: pre-ping failures, invalidate(), closed or unresettable on return
};

class Pool;

// One checked-out connection (RAII). Move-only; the connection goes back to its pool when the handle is
// destroyed or release()d. The Connection lives on the heap, so references to it (e.g. a Transaction's)
// survive moving the handle.
//
// A user that sees a ConnectionError (or anything else that leaves the session in doubt) must call
// invalidate() so that the connection is closed instead of being handed to the next user. Connections
// that are no longer open are discarded on return anyway; invalidate() also covers the half-broken ones.
class PooledConnection final {
public:
    PooledConnection() = default;
    ~PooledConnection();
    PooledConnection(PooledConnection&& other) noexcept;
    PooledConnection& operator=(PooledConnection&& other) noexcept;
    PooledConnection(const PooledConnection&) = delete;
    PooledConnection& operator=(const PooledConnection&) = delete;

    // Throw ConnectionError when the handle is empty (moved from or released).
    Connection& operator*() { return connection(); }
    Connection* operator->() { return &connection(); }
    Connection& connection();

    // Discard the connection instead of returning it (it is closed when the handle lets go).
    void invalidate() noexcept { m_invalidated = true; }
    bool isInvalidated() const noexcept { return m_invalidated; }
    // Returns the connection to the pool now; the handle becomes empty.
    void release() noexcept;

    explicit operator bool() const noexcept { return static_cast<bool>(m_connection); }

private:
    friend class Pool;
    PooledConnection(std::shared_ptr<Pool> pool, std::unique_ptr<Connection> connection, quint64 generation);

    std::shared_ptr<Pool> m_pool; // keeps the pool alive while the connection is out
    std::unique_ptr<Connection> m_connection;
    quint64 m_generation = 0;
    bool m_invalidated = false;
};

// A thread-safe connection pool with SQLAlchemy QueuePool semantics, driven by ConnectionProfile::pool:
// at most size + maxOverflow connections exist; up to size of them stay open when idle; checkout waits up
// to timeoutSeconds for a free one, then throws PoolTimeoutError. Connections are opened and closed
// outside the pool's mutex, so a slow server never blocks other threads' returns or stats().
class Pool final : public std::enable_shared_from_this<Pool> {
public:
    // Validates the profile (ConfigurationError). Connects lazily: no connection is opened here.
    static std::shared_ptr<Pool> create(ConnectionProfile profile, std::optional<QString> password = {});
    ~Pool();
    Pool(const Pool&) = delete;
    Pool& operator=(const Pool&) = delete;

    // Checks out a connection: an idle one (LIFO or FIFO per useLifo; replaced when older than
    // recycleSeconds, when opened before a connection the server had dropped was returned — SQLAlchemy's
    // pool invalidation on disconnect — or, with prePing, when dead), else a new one while under the
    // limit, else waits up to timeoutSeconds and throws PoolTimeoutError. Connection failures propagate as
    // ConnectionError (or its subclasses) and never leave a slot taken.
    PooledConnection acquire();

    PoolStats stats() const;
    // The SSH tunnel of a profile with SSH settings (shared with every connection of the same settings and
    // target; started by the first connect, restarted by a connect after it died: Reconnect); else null.
    std::shared_ptr<SshTunnel> tunnel() const { return m_tunnel; }

    // Closes the idle connections now; connections checked out at this point are closed when they come
    // back. The pool stays usable: later checkouts open fresh connections.
    void dispose();

    const ConnectionProfile& profile() const { return m_profile; }
    // The password the pool connects with (from the keychain or the DSN), for a connection of the session's
    // own outside the pool (the activity tab must work when the pool is exhausted). Never stored or logged.
    const std::optional<QString>& password() const { return m_password; }

    // Installed on every connection the pool hands out from now on.
    void setStatementObserver(StatementObserver observer);

private:
    friend class PooledConnection;
    Pool(ConnectionProfile profile, std::optional<QString> password);

    // Called by PooledConnection; never throws.
    void checkin(std::unique_ptr<Connection> connection, quint64 generation, bool invalidated) noexcept;
    bool underLimitLocked() const;
    std::unique_ptr<Connection> connect() const;

    const ConnectionProfile m_profile;
    const std::optional<QString> m_password;
    std::shared_ptr<SshTunnel> m_tunnel; // kept for the session's life, so idle moments do not stop it

    mutable std::mutex m_mutex;
    std::condition_variable m_available;            // signalled when an idle connection or a slot frees up
    std::deque<std::unique_ptr<Connection>> m_idle; // front = returned longest ago, back = most recently
    int m_checkedOut = 0;     // slots held by handles (or by checkouts still connecting)
    quint64 m_generation = 0; // bumped by dispose()
    // A connection the server dropped came back (or failed its pre-ping): the idle ones opened before then
    // are likely dead too (server restart, failover), so acquire() replaces them instead of handing them out.
    std::chrono::steady_clock::time_point m_staleBefore{};
    StatementObserver m_observer;
    PoolStats m_counters; // only the quint64 counters are used
};

} // namespace pgdesk::core
