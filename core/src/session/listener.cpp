// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/session/listener.h>

#include "session/pq/notify.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/session/writeguard.h>

#include <QCoreApplication>

#include <algorithm>

namespace pgdesk::core {

namespace {

void refuseThroughPooler(const ConnectionProfile& profile) {
    if (profile.pooler == PoolerMode::None)
        return;
    ErrorInfo info;
    info.kind = ErrorKind::Configuration;
    info.field = QStringLiteral("pooler");
    info.message = QCoreApplication::translate(
        "Listener",
        "LISTEN cannot work through a transaction-mode pooler: each transaction may run on another "
        "server session, so notifications would reach whoever holds the session that listened. "
        "Connect to the server directly (a profile without the pooler setting) to listen.");
    throwError(std::move(info));
}

} // namespace

Listener::Listener(const ConnectionProfile& profile, const std::optional<QString>& password) {
    refuseThroughPooler(profile);
    m_connection = Connection::open(profile, password);
}

Listener::Listener(Connection connection)
    : m_connection(std::move(connection)) {
    refuseThroughPooler(m_connection.profile());
}

void Listener::listen(const QString& channel) {
    if (channel.isEmpty())
        throwError(ErrorKind::Configuration, QStringLiteral("a channel needs a name"));
    if (m_channels.contains(channel))
        return;
    m_connection.exec(QStringLiteral("LISTEN %1").arg(quoteIdentifier(channel)), Params{});
    m_channels << channel;
}

void Listener::unlisten(const QString& channel) {
    if (!m_channels.contains(channel))
        return;
    m_connection.exec(QStringLiteral("UNLISTEN %1").arg(quoteIdentifier(channel)), Params{});
    m_channels.removeAll(channel);
}

QList<Notification> Listener::wait(std::chrono::milliseconds timeout, const std::atomic<bool>* stop) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        const int slice = int(std::clamp<qint64>(left.count(), 0, 100));
        QList<Notification> got = pq::readNotifications(m_connection, slice);
        if (!got.isEmpty() || left.count() <= 100 || (stop && stop->load()))
            return got;
    }
}

void sendNotification(Connection& connection, const QString& channel, const QString& payload,
                      const WriteAccess& write) {
    const QString statement = QStringLiteral("select pg_notify($1, $2)");
    if (connection.profile().writeGuarded() && !write) {
        throwGuardRefusal(connection.profile().name,
                          GuardRefusal{0, 0, QStringLiteral("NOTIFY %1").arg(quoteIdentifier(channel)),
                                       *guardRefusal(statement)},
                          0, 0);
    }
    const WriteScope unlocked(connection, write);
    connection.exec(statement, Params{param(channel), param(payload)});
}

} // namespace pgdesk::core
