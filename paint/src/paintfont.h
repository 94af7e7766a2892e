// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>

#include <algorithm>
#include <cmath>

namespace pgdesk::paint::detail {

// Pixels, not points: a point size is read at 96 dpi so that a QImage (72 dpi by default), an SVG and the
// screen show the same drawing.
inline QFont pixelFont(QFont font, double scale) {
    double px = font.pixelSize() > 0    ? font.pixelSize()
                : font.pointSizeF() > 0 ? font.pointSizeF() * 96 / 72
                                        : 12;
    px = std::max(6.0, px * scale);
    font.setPixelSize(int(std::lround(px)));
    return font;
}

inline QFont boldFont(QFont font) {
    font.setBold(true);
    return font;
}

} // namespace pgdesk::paint::detail
