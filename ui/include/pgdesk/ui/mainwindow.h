#pragma once

#include <QMainWindow>

class QLabel;

namespace pgdesk::ui {

// Assembles the window: menus, central area and status bar. Holds no database logic of its own.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Shown in the status bar: which connection the window works on.
    void setConnectionStatus(const QString& text);
    QString connectionStatus() const;

private:
    void createMenus();

    QLabel* m_connectionLabel = nullptr;
};

} // namespace pgdesk::ui
