#pragma once

#include <QObject>
#include <QString>

namespace pgdesk::ui {

// What the window shows about a session once it is open. Plain values, made on a worker thread.
struct SessionInfo {
    QString profileName;
    QString serverVersion;
    QString user;
    QString database;
};

// Opens a session (profile from the store + password from the keychain, or a DSN) on a worker thread
// and reports back on the GUI thread. Stale replies (an earlier request) are dropped by generation.
class SessionOpener final : public QObject {
    Q_OBJECT
public:
    explicit SessionOpener(QObject* parent = nullptr);

    void openProfile(const QString& name);
    void openDsn(const QString& dsn);

signals:
    void opened(const pgdesk::ui::SessionInfo& info);
    void failed(const QString& message);

private:
    void start(const QString& profile, const QString& dsn);
    quint64 m_generation = 0;
};

} // namespace pgdesk::ui
