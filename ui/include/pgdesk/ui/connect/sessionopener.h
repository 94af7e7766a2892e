// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include <memory>

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;

// An open session: the profile's connection pool plus what the window shows about it. Made on a
// worker thread; the pool is thread-safe and shared by every tab of the session.
struct SessionInfo {
    QString profileName;
    QString serverVersion;
    QString user;
    QString database;
    std::shared_ptr<core::Pool> pool;
};

// Opens a session (profile from the store + password from the keychain, or a DSN) on a worker thread
// and reports back on the GUI thread. A newer request supersedes an earlier one (JobSlot).
class SessionOpener final : public QObject {
    Q_OBJECT
public:
    explicit SessionOpener(QObject* parent = nullptr);

    void openProfile(const QString& name);
    void openDsn(const QString& dsn);
    // Whether the last failed() may be answered with a password prompt: false when the profile logs in with
    // a password command or Kerberos.
    bool asksForPassword() const { return m_asksForPassword; }

signals:
    void opened(const pgdesk::ui::SessionInfo& info);
    void failed(const QString& message);

private:
    void start(const QString& profile, const QString& dsn);
    JobSlot* m_open = nullptr; // a newer open replaces the one still connecting
    bool m_asksForPassword = true;
};

} // namespace pgdesk::ui
