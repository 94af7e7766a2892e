// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>

#include <QHash>
#include <QLabel>
#include <QPointer>

class QTabWidget;

namespace pgdesk::ui {

class WriteUnlockButton;

// Which profile and environment each tab works on, shown where the user looks: a mark of the tab's own
// environment colour on every tab (with the profile's name on tabs left from another profile than the
// window's session), a coloured top border on the object tree (the session's), and this badge in the
// status bar for the tab that has focus ("PRODUCTION — read-only", "PRODUCTION — writing unlocked" while
// that tab holds the key; nothing for a profile without an environment). A tab belongs to the profile
// whose session was open when it was made: opening another profile never relabels it.
class EnvironmentIndicator final : public QLabel {
    Q_OBJECT
public:
    explicit EnvironmentIndicator(QTabWidget* tabs, QWidget* parent = nullptr);
    // The object tree, whose top border shows the session's colour.
    void setTree(QWidget* tree);

    // The window's session changes to `profile`: the tabs open so far stay the previous profile's.
    void setProfile(const core::ConnectionProfile& profile);
    QColor colour() const { return m_colour; }
    // The profile a tab works on (the session's for a tab not seen yet).
    core::ConnectionProfile profileOf(QWidget* tab) const;

private:
    void claimTabs();
    void markTabs();
    void followCurrentTab();
    void showBadge();
    void markTree();

    QTabWidget* m_tabs = nullptr;
    QPointer<QWidget> m_tree;
    core::ConnectionProfile m_profile; // the window's session
    QColor m_colour;
    QHash<QWidget*, core::ConnectionProfile> m_tabProfiles;
    core::ConnectionProfile m_shown;      // the current tab's
    QPointer<WriteUnlockButton> m_unlock; // the current tab's
    QMetaObject::Connection m_watch;
};

} // namespace pgdesk::ui
