// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/writeunlock.h>

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <optional>

namespace pgdesk::core {

struct Notification {
    QString channel;
    QString payload;
    int senderPid = 0;
    QDateTime received; // UTC, when this client read it
};

// LISTEN on a connection of its own (a pooled connection would hand its registrations to whoever takes it
// next). Through a transaction-mode pooler LISTEN cannot work (the server session changes between
// transactions, so notifications reach someone else): refused up front with that reason. The socket is
// read by src/session/pq/notify.cpp (PQnotifies).
class Listener final {
public:
    // Opens the connection; ConfigurationError (field "pooler") through a transaction pooler.
    explicit Listener(const ConnectionProfile& profile, const std::optional<QString>& password = {});
    // Adopts an open connection (tests, the CLI's own connection); the same pooler check.
    explicit Listener(Connection connection);

    // LISTEN / UNLISTEN "channel": the name exactly as given (quoted), as pg_notify() takes it.
    void listen(const QString& channel);
    void unlisten(const QString& channel);
    QStringList channels() const { return m_channels; }

    // Notifications received so far, waiting up to `timeout` for the first one. Returns early when `stop`
    // is set (checked every 100 ms) or when something came. A lost connection throws ConnectionError.
    QList<Notification> wait(std::chrono::milliseconds timeout, const std::atomic<bool>* stop = nullptr);

    Connection& connection() { return m_connection; }

private:
    Connection m_connection;
    QStringList m_channels;
};

// NOTIFY on `connection` through pg_notify($1, $2), channel and payload as parameters. The production
// guard refuses it while writing is locked (other sessions act on notifications, and PostgreSQL sends them
// from a read-only transaction too); `write` unlocks it for this one statement.
void sendNotification(Connection& connection, const QString& channel, const QString& payload,
                      const WriteAccess& write);

} // namespace pgdesk::core
