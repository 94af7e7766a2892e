#pragma once

#include <pgdesk/core/connectionprofile.h>

#include <QLabel>
#include <QPointer>

class QTabWidget;

namespace pgdesk::ui {

class WriteUnlockButton;

// A session's environment shown where the user looks: a stripe of its colour on every tab of the window
// (the tab bar's), a coloured top border on the object tree, and this badge in the status bar
// ("PRODUCTION — read-only", "PRODUCTION — writing unlocked" while the current tab holds the key). Nothing
// shows for a profile without an environment or colour.
class EnvironmentIndicator final : public QLabel {
    Q_OBJECT
public:
    EnvironmentIndicator(QTabWidget* tabs, QWidget* tree, QWidget* parent = nullptr);

    void setProfile(const core::ConnectionProfile& profile);
    QColor colour() const { return m_colour; }

private:
    void followCurrentTab();
    void showBadge();

    QTabWidget* m_tabs = nullptr;
    QWidget* m_tree = nullptr;
    core::ConnectionProfile m_profile;
    QColor m_colour;
    QPointer<WriteUnlockButton> m_unlock; // the current tab's
    QMetaObject::Connection m_watch;
};

} // namespace pgdesk::ui
