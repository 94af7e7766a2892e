#pragma once

#include <QMainWindow>

class QLabel;

namespace pgdesk::ui {

class ObjectBrowser;
class SessionOpener;
struct SessionInfo;

// Assembles the window: menus, central area and status bar. Holds no database logic of its own.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Shown in the status bar: which connection the window works on.
    void setConnectionStatus(const QString& text);
    QString connectionStatus() const;

    // Connects in the background; the status bar follows.
    void openProfile(const QString& name);
    void openDsn(const QString& dsn);

    ObjectBrowser* objectBrowser() const { return m_objects; }

private:
    void createMenus();
    void onSessionOpened(const SessionInfo& info);
    void onSessionFailed(const QString& message);

    SessionOpener* m_opener = nullptr;
    ObjectBrowser* m_objects = nullptr;

    QLabel* m_connectionLabel = nullptr;
};

} // namespace pgdesk::ui
