#pragma once

#include <QMainWindow>

#include <memory>

class QLabel;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class ObjectBrowser;
class SessionOpener;
class TableBrowser;
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
    // Opens a browser tab on a table of the current session.
    void openTable(const QString& schema, const QString& name);
    TableBrowser* currentTableBrowser() const;
    // A table ("schema.table" or a bare name on the search path) to open once the session is up.
    void setTableToOpen(const QString& qualifiedName) { m_tableToOpen = qualifiedName; }

private:
    void createMenus();
    void onSessionOpened(const SessionInfo& info);
    void onSessionFailed(const QString& message);

    SessionOpener* m_opener = nullptr;
    ObjectBrowser* m_objects = nullptr;
    std::shared_ptr<core::Pool> m_pool;
    QString m_tableToOpen;

    QLabel* m_connectionLabel = nullptr;
};

} // namespace pgdesk::ui
