// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

namespace pgdesk::ui {

// An icon of the set PgDesk ships (resources/icons, KDE Breeze, LGPL-3.0-or-later: resources/icons/README.md)
// by its file name without ".svg": the light variant (dark glyphs) on a light palette, the dark variant on a
// dark one, chosen each time it is painted, so a theme switch needs no reload. Disabled icons are faded.
QIcon themedIcon(const QString& name);

// Every name themedIcon() knows (for the test that each one draws in both variants).
QStringList themedIconNames();

} // namespace pgdesk::ui
