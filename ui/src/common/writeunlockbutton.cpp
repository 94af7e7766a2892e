// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/writeunlockbutton.h>

namespace pgdesk::ui {

WriteUnlockButton::WriteUnlockButton(const core::ConnectionProfile& profile, QWidget* parent)
    : QToolButton(parent)
    , m_guarded(profile.writeGuarded()) {
    setObjectName(QStringLiteral("unlockWritingButton"));
    setCheckable(true);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setAutoRaise(true);
    setVisible(m_guarded);
    showState(false);
    connect(this, &QToolButton::toggled, this, &WriteUnlockButton::showState);
}

void WriteUnlockButton::setUnlocked(bool unlocked) {
    setChecked(unlocked);
}

void WriteUnlockButton::showState(bool unlocked) {
    if (!m_guarded)
        unlocked = false;
    const bool was = isUnlocked();
    m_access = unlocked ? core::WriteUnlock::create() : nullptr;
    setIcon(themedIcon(unlocked ? QStringLiteral("object-unlocked") : QStringLiteral("object-locked")));
    setText(unlocked ? tr("Writing unlocked") : tr("Unlock writing"));
    setToolTip(unlocked ? tr("This tab may write to the production database. Click to lock it again.")
                        : tr("Production: the server refuses this tab's writes until you unlock writing "
                             "(for this tab only, until it closes)."));
    if (was != unlocked)
        emit unlockedChanged(unlocked);
}

} // namespace pgdesk::ui
