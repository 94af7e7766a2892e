// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/readablecolor.h"

#include <algorithm>
#include <cmath>

namespace pgdesk::ui {

namespace {

double channel(float c) {
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& c) {
    const QColor rgb = c.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}

QColor mix(const QColor& a, const QColor& b, double amountOfB) {
    const auto m = [amountOfB](float x, float y) { return float(x + (y - x) * amountOfB); };
    return QColor::fromRgbF(m(a.redF(), b.redF()), m(a.greenF(), b.greenF()), m(a.blueF(), b.blueF()));
}

} // namespace

double contrastRatio(const QColor& a, const QColor& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor readableOn(const QColor& color, const QColor& background, double ratio) {
    if (contrastRatio(color, background) >= ratio)
        return color;
    // Towards the end of the scale away from the background; a mid-grey background may need the other.
    const bool darkBackground = luminance(background) < 0.18;
    const QColor ends[2] = {darkBackground ? Qt::white : Qt::black, darkBackground ? Qt::black : Qt::white};
    QColor best = color;
    for (const QColor& end : ends) {
        for (int step = 1; step <= 20; ++step) {
            const QColor shade = mix(color, end, step / 20.0);
            if (contrastRatio(shade, background) >= ratio)
                return shade;
            if (contrastRatio(shade, background) > contrastRatio(best, background))
                best = shade;
        }
    }
    return best;
}

} // namespace pgdesk::ui
