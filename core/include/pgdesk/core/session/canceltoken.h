// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/session/connection.h>

#include <memory>
#include <mutex>
#include <vector>

namespace pgdesk::core {

// A request to stop one piece of work that runs statements on a worker thread, made from any thread.
// The work attaches each connection it uses while it uses it (Scope); cancel() sets the flag and sends
// PQcancel to the attached connection, so a statement waiting on a lock or running long ends with
// QueryCanceled (57014) and the work's transaction rolls back. Work that checks between steps
// (throwIfCancelled) stops there too. Held by shared_ptr: the canceller may outlive the work or vice versa.
// PQcancel is sent under the token's lock, so it never reaches a connection whose scope ended (one handed
// back to its pool may already run someone else's statement).
class CancelToken final {
public:
    // Sets the flag and cancels the statement running on the attached connection, if any. Idempotent.
    void cancel();
    bool isCancelled() const;
    // Throws QueryCanceled ("cancelled") when cancel() was called.
    void throwIfCancelled() const;
    // The server process of the connection attached last (0 when none): what the work is waiting on can
    // be asked about from another connection (pg_blocking_pids).
    int attachedBackendPid() const;

    // Attaches `connection` for the scope's lifetime; throws QueryCanceled at once when already cancelled.
    // A null token makes the scope do nothing.
    class Scope final {
    public:
        Scope(const std::shared_ptr<CancelToken>& token, Connection& connection);
        ~Scope();
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

    private:
        std::shared_ptr<CancelToken> m_token;
        quint64 m_id = 0;
    };

private:
    // The connections attached now, each by its scope: work reading two servers at once (a schema compare)
    // has both attached, and cancel() stops both.
    struct Attached {
        quint64 scope;
        CancelHandle handle;
        int backendPid;
    };
    mutable std::mutex m_mutex;
    bool m_cancelled = false;
    quint64 m_nextScope = 0;
    std::vector<Attached> m_attached;
};

} // namespace pgdesk::core
