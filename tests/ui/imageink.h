// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>

namespace pgdesk::test {

// How many of every other pixel (both ways) differ from the colour at `background`: how much was drawn.
inline int inkedPixels(const QImage& image, QPoint background = {1, 1}) {
    const QRgb paper = image.pixel(background);
    int n = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            n += image.pixel(x, y) != paper;
    }
    return n;
}

} // namespace pgdesk::test
