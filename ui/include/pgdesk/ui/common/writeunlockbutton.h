// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>
#include <pgdesk/core/session/writeunlock.h>

#include <QToolButton>

namespace pgdesk::ui {

// "Unlock writing" on a tab of a production session (core writeunlock.h): checked, the tab holds a
// core::WriteUnlock and hands it to what it runs (apply, batch operations, its queries); unchecked or when
// the tab closes (the button dies with it), the key is gone and the server refuses the tab's writes again.
// Hidden on profiles without the guard, where access() is always empty and nothing needs it.
class WriteUnlockButton final : public QToolButton {
    Q_OBJECT
public:
    explicit WriteUnlockButton(const core::ConnectionProfile& profile, QWidget* parent = nullptr);

    bool isGuarded() const { return m_guarded; }
    bool isUnlocked() const { return static_cast<bool>(m_access); }
    core::WriteAccess access() const { return m_access; }
    void setUnlocked(bool unlocked);

signals:
    void unlockedChanged(bool unlocked);

private:
    void showState(bool unlocked);

    bool m_guarded = false;
    core::WriteAccess m_access;
};

} // namespace pgdesk::ui
