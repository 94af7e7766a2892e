// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/session/connection.h>

#include <QByteArray>
#include <QList>
#include <QString>

#include <chrono>
#include <utility>

namespace pgdesk::core {

// Internal to ChangeSetApplier: when the connection is lost while COMMIT is under way, the client cannot
// tell from the connection whether the server committed. So before COMMIT the transaction's id is read
// (one round trip) together with what it takes to reach the server again; after such a loss a fresh
// connection asks the server what became of that transaction (pg_xact_status).
class CommitWatch final {
public:
    // Call inside the transaction, right before COMMIT. Throws what the connection throws.
    void arm(Connection& connection);
    // Not armed: no COMMIT was sent, so a lost connection means the server rolled the transaction back.
    bool isArmed() const { return !m_transactionId.isEmpty(); }
    const QString& transactionId() const { return m_transactionId; }

    enum class Outcome { Committed, RolledBack, Unknown };
    // Reconnects with the lost connection's own settings (password included) and asks, retrying while
    // the server is unreachable (e.g. restarting) or the transaction still shows as in progress, for up to
    // `budget`. Unknown when it could not find out; *why then says what stood in the way.
    Outcome resolve(std::chrono::milliseconds budget, QString* why = nullptr) const;

private:
    QString m_transactionId;
    bool m_modernFunctions = true; // pg_current_xact_id/pg_xact_status (13+), else txid_current/txid_status
    QList<std::pair<QByteArray, QByteArray>> m_conninfo;
};

} // namespace pgdesk::core
