// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/ui/common/feature.h>

#include <QPointer>
#include <QString>

class QWidget;

namespace pgdesk::ui {

class AgentAccessDialog;
class ConnectionDialog;
class PasswordPrompt;
class PoolStatusWidget;
class SessionOpener;
class Workbench;
struct SessionInfo;

// The connect folder's part of the window: opening a session (a profile, after its commands are trusted,
// with a password prompt when the server asks; or a DSN) on a worker, which the window then takes
// (Workbench::openSession); Connection ▸ Manage connections… and Agent access…; the pool status in the
// status bar.
class ConnectFeature final : public Feature {
    Q_OBJECT
public:
    using Feature::Feature;
    ~ConnectFeature() override;
    static ConnectFeature* of(const QWidget& window);
    void initialize(Workbench& workbench) override;

    void openProfile(const QString& name);
    void openDsn(const QString& dsn);
    // The connection manager (window-modal, not blocking); "Connect" there opens the chosen profile.
    void manageConnections();
    ConnectionDialog* connectionDialog() const;
    // Shown when the server wants a password the profile does not have; retries once it is given.
    PasswordPrompt* passwordPrompt() const;
    PoolStatusWidget* poolStatus() const { return m_poolStatus; }
    // Connection ▸ Agent access…: the lines that give an agent this profile, and its waiting proposals.
    AgentAccessDialog* openAgentAccess();

private:
    void onOpened(const SessionInfo& info);
    void onFailed(const QString& message);

    Workbench* m_workbench = nullptr;
    SessionOpener* m_opener = nullptr;
    PoolStatusWidget* m_poolStatus = nullptr;
    QString m_openingProfile; // the profile being connected, for the password prompt
    QPointer<ConnectionDialog> m_connections;
    QPointer<PasswordPrompt> m_passwordPrompt;
};

} // namespace pgdesk::ui
