// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal to pgdesk_core: asynchronous notifications (LISTEN) read from a connection's socket.

#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/listener.h>

namespace pgdesk::core::pq {

// Reads what the server sent and returns the notifications queued, waiting up to `timeoutMs` for the
// socket to become readable when none is queued yet (0: no wait). ConnectionError when the server is gone.
QList<Notification> readNotifications(Connection& connection, int timeoutMs);

} // namespace pgdesk::core::pq
