// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>

#include <QColor>
#include <QIcon>
#include <QString>

namespace pgdesk::ui {

// How a profile's environment is shown (tabs, object tree, status bar, connection manager): its colour (the
// profile's, else the environment's default; invalid for a profile with neither) and a swatch icon.
QColor environmentColour(const core::ConnectionProfile& profile);
QIcon environmentSwatch(const QColor& colour);
// The environment's name as shown ("Production"); empty for none.
QString environmentLabel(core::Environment environment);
// The status bar badge: "PRODUCTION — read-only" / "PRODUCTION — writing unlocked"; for other environments
// their name alone; empty for none.
QString environmentBadgeText(const core::ConnectionProfile& profile, bool writingUnlocked);

} // namespace pgdesk::ui
