// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/ui/common/uisettings.h>

#include <QColor>

namespace pgdesk::ui {

// Light and dark: the application's palette and the few colors PgDesk adds, all derived from the current
// palette so that both themes stay readable.

// System: the platform's own style and palette (as at start); Light and Dark: Fusion with a light or dark
// palette. Safe to call again (the preferences dialog does, live).
void applyTheme(UiSettings::Theme theme);
// The application palette's base is dark.
bool isDarkPalette();

// Message text: errors, warnings, success and information, readable on the window background.
QColor errorColor();
QColor warningColor();
QColor successColor();
QColor infoColor();
// "color: …" for a label's style sheet.
QString textStyle(const QColor& color);

// Cell backgrounds for staged edits: the hue mixed into the grid's base color (opaque, so the text color
// of the palette keeps its contrast in both themes).
enum class CellMark { Edited, NewRow, NewRowUnset, DeletePending, RestorePending, Conflict };
QColor cellBackground(CellMark mark);

// A plan node's background by its share of the time (0..1): the base colour, warming to orange and then
// red from half the time on; opaque, so the palette's text stays readable on it.
QColor heatColor(double share);

} // namespace pgdesk::ui
