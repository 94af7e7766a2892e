// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace pgdesk::ui {

// What the window shows while no tab is open: a button for a new connection, the recent connections and
// tables (a click opens them), and the keyboard shortcuts that matter. Recents live in QSettings
// ("recent/connections", "recent/tables"), most recent first, noted by the window as the user works.
class StartPage final : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(QWidget* parent = nullptr);

    // Notes a connection (profile name) or a table of a profile as just used, and shows the lists again.
    static void noteConnection(const QString& profile);
    static void noteTable(const QString& profile, const QString& qualifiedName);
    // Forgets a renamed or deleted profile's entries (renamed: moved to the new name).
    static void renameProfile(const QString& from, const QString& to);
    // Reads the lists again from the settings.
    void reload();
    QListWidget* recentConnections() const { return m_connections; }
    QListWidget* recentTables() const { return m_tables; }

signals:
    void newConnectionRequested();
    void profileRequested(const QString& profile);
    void tableRequested(const QString& profile, const QString& qualifiedName);
    void queryToolRequested();

protected:
    void showEvent(QShowEvent* event) override;

private:
    QListWidget* m_connections = nullptr;
    QListWidget* m_tables = nullptr;
    QLabel* m_noConnections = nullptr;
    QLabel* m_noTables = nullptr;
};

} // namespace pgdesk::ui
