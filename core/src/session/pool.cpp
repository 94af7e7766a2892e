// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/pool.h>

#include <algorithm>
#include <chrono>
#include <utility>

namespace pgdesk::core {

using Clock = std::chrono::steady_clock;

// ---- PooledConnection ------------------------------------------------------------------------------

PooledConnection::PooledConnection(std::shared_ptr<Pool> pool, std::unique_ptr<Connection> connection,
                                   quint64 generation)
    : m_pool(std::move(pool))
    , m_connection(std::move(connection))
    , m_generation(generation) {
}

PooledConnection::~PooledConnection() {
    release();
}

PooledConnection::PooledConnection(PooledConnection&& other) noexcept
    : m_pool(std::move(other.m_pool))
    , m_connection(std::move(other.m_connection))
    , m_generation(other.m_generation)
    , m_invalidated(std::exchange(other.m_invalidated, false)) {
}

PooledConnection& PooledConnection::operator=(PooledConnection&& other) noexcept {
    if (this != &other) {
        release();
        m_pool = std::move(other.m_pool);
        m_connection = std::move(other.m_connection);
        m_generation = other.m_generation;
        m_invalidated = std::exchange(other.m_invalidated, false);
    }
    return *this;
}

Connection& PooledConnection::connection() {
    if (!m_connection)
        throwError(ErrorKind::Connection, QStringLiteral("no pooled connection (moved from or released)"));
    return *m_connection;
}

void PooledConnection::release() noexcept {
    if (m_connection && m_pool)
        m_pool->checkin(std::move(m_connection), m_generation, m_invalidated);
    m_connection.reset();
    m_pool.reset();
    m_invalidated = false;
}

// ---- Pool ------------------------------------------------------------------------------------------

Pool::Pool(ConnectionProfile profile, std::optional<QString> password)
    : m_profile(std::move(profile))
    , m_password(std::move(password))
    , m_tunnel(m_profile.ssh.enabled() ? SshTunnel::forProfile(m_profile) : nullptr) {
}

Pool::~Pool() = default;

std::shared_ptr<Pool> Pool::create(ConnectionProfile profile, std::optional<QString> password) {
    profile.validate();
    // The constructor is private (pools only live in shared_ptrs), so make_shared cannot reach it.
    return std::shared_ptr<Pool>(new Pool(std::move(profile), std::move(password)));
}

bool Pool::underLimitLocked() const {
    const auto& s = m_profile.pool;
    const int open = int(m_idle.size()) + m_checkedOut;
    return s.maxOverflow < 0 || open < s.size + s.maxOverflow;
}

std::unique_ptr<Connection> Pool::connect() const {
    return std::make_unique<Connection>(Connection::open(m_profile, m_password));
}

PooledConnection Pool::acquire() {
    const auto& settings = m_profile.pool;
    const auto deadline =
        Clock::now() + std::chrono::duration_cast<Clock::duration>(
                           std::chrono::duration<double>(std::max(0.0, settings.timeoutSeconds)));

    std::unique_ptr<Connection> connection;
    quint64 generation = 0;
    bool stale = false;
    {
        std::unique_lock lock(m_mutex);
        bool waited = false;
        for (;;) {
            if (!m_idle.empty()) {
                if (settings.useLifo) {
                    connection = std::move(m_idle.back());
                    m_idle.pop_back();
                } else {
                    connection = std::move(m_idle.front());
                    m_idle.pop_front();
                }
                stale = connection->openedAt() < m_staleBefore;
                break;
            }
            if (underLimitLocked())
                break; // take a slot; the connection is opened below, without the lock
            if (Clock::now() >= deadline) {
                ++m_counters.timeouts;
                lock.unlock();
                throwError(ErrorKind::PoolTimeout,
                           QStringLiteral("pool exhausted: size %1 + overflow %2, waited %3 s")
                               .arg(settings.size)
                               .arg(settings.maxOverflow)
                               .arg(settings.timeoutSeconds, 0, 'f', 1));
            }
            if (!waited) {
                waited = true;
                ++m_counters.waits;
            }
            m_available.wait_until(lock, deadline);
        }
        ++m_checkedOut; // the slot is ours from here on; every failure below must give it back
        generation = m_generation;
    }

    bool recycled = false;
    bool dead = false;
    try {
        if (connection && stale) {
            connection.reset();
            dead = true;
        } else if (connection && settings.recycleSeconds >= 0 &&
                   Clock::now() - connection->openedAt() > std::chrono::seconds(settings.recycleSeconds)) {
            connection.reset();
            recycled = true;
        } else if (connection && settings.prePing && !connection->ping()) {
            connection.reset();
            dead = true;
            std::lock_guard lock(m_mutex);
            m_staleBefore = Clock::now(); // the others of its age are not pinged one by one
        }
        if (!connection)
            connection = connect();
    } catch (...) {
        connection.reset(); // close outside the lock
        {
            std::lock_guard lock(m_mutex);
            --m_checkedOut;
            m_counters.recycled += recycled ? 1 : 0;
            m_counters.invalidated += dead ? 1 : 0;
        }
        m_available.notify_one();
        throw;
    }

    StatementObserver observer;
    {
        std::lock_guard lock(m_mutex);
        ++m_counters.checkouts;
        m_counters.recycled += recycled ? 1 : 0;
        m_counters.invalidated += dead ? 1 : 0;
        observer = m_observer;
    }
    connection->setStatementObserver(std::move(observer));
    return PooledConnection(shared_from_this(), std::move(connection), generation);
}

void Pool::checkin(std::unique_ptr<Connection> connection, quint64 generation, bool invalidated) noexcept {
    // Reset the session outside the lock: ROLLBACK is a round trip to the server.
    const bool dropped = !connection->isOpen();
    bool discard = invalidated || dropped;
    if (!discard && connection->inTransaction()) {
        try {
            connection->exec(QStringLiteral("ROLLBACK"));
            discard = !connection->isIdle();
        } catch (...) {
            discard = true;
        }
    }
    if (!discard && connection->writesUnlocked()) {
        // The production guard: the next borrower starts locked, whoever forgot to lock.
        try {
            connection->lockWrites();
        } catch (...) {
            discard = true;
        }
    }

    std::unique_ptr<Connection> toClose;
    {
        std::lock_guard lock(m_mutex);
        --m_checkedOut;
        if (dropped)
            m_staleBefore = Clock::now();
        if (discard) {
            ++m_counters.invalidated;
            toClose = std::move(connection);
        } else if (generation != m_generation || int(m_idle.size()) >= m_profile.pool.size) {
            toClose = std::move(connection); // disposed meanwhile, or an overflow connection: shrink back
        } else {
            connection->setStatementObserver({});
            m_idle.push_back(std::move(connection));
        }
    }
    m_available.notify_one(); // either an idle connection or a free slot appeared
    toClose.reset();          // PQfinish outside the lock
}

PoolStats Pool::stats() const {
    std::lock_guard lock(m_mutex);
    PoolStats s = m_counters;
    s.size = m_profile.pool.size;
    s.maxOverflow = m_profile.pool.maxOverflow;
    s.idle = int(m_idle.size());
    s.checkedOut = m_checkedOut;
    s.open = s.idle + s.checkedOut;
    s.overflowInUse = std::max(0, s.open - s.size);
    return s;
}

void Pool::dispose() {
    std::deque<std::unique_ptr<Connection>> closing;
    {
        std::lock_guard lock(m_mutex);
        ++m_generation;
        closing.swap(m_idle);
    }
    m_available.notify_all(); // the slots are free again
    closing.clear();
}

void Pool::setStatementObserver(StatementObserver observer) {
    std::lock_guard lock(m_mutex);
    m_observer = std::move(observer);
}

} // namespace pgdesk::core
