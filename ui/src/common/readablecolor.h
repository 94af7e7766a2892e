// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

namespace pgdesk::ui {

// Text colours that stay readable on whatever background the palette gives (the dark theme, a dark
// system palette, a theme switched live), measured as WCAG 2 defines it.

// WCAG 2 contrast ratio of two colours, 1 (same luminance) to 21 (black on white).
double contrastRatio(const QColor& a, const QColor& b);

// `color` itself when its contrast against `background` reaches `ratio`, else the closest shade of it
// towards white (on a dark background) or black (on a light one) that does: the hue stays recognisable.
QColor readableOn(const QColor& color, const QColor& background, double ratio = 4.5);

} // namespace pgdesk::ui
