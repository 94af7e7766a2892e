// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/theme.h>

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

#include <algorithm>

namespace pgdesk::ui {

namespace {

struct Original {
    QString style;
    QPalette palette;
};

// What the platform gave before any theme was applied, to go back to for "System".
const Original& original() {
    static const Original o{QApplication::style()->name(), QApplication::palette()};
    return o;
}

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x8c, 0x8c, 0x8c);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2c));
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x50));
    p.setColor(QPalette::Midlight, QColor(0x42, 0x45, 0x48));
    p.setColor(QPalette::Mid, QColor(0x32, 0x34, 0x37));
    p.setColor(QPalette::Dark, QColor(0x19, 0x1a, 0x1c));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xff));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x44, 0x47, 0x4a));
    return p;
}

// Fusion's own light palette, with disabled text (NULL in the grids, deleted rows) dark enough to read.
QPalette lightPalette() {
    QPalette p = QApplication::style()->standardPalette();
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x78, 0x78, 0x78));
    return p;
}

QColor mix(const QColor& a, const QColor& b, qreal amountOfB) {
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * amountOfB),
                            float(a.greenF() + (b.greenF() - a.greenF()) * amountOfB),
                            float(a.blueF() + (b.blueF() - a.blueF()) * amountOfB));
}

QColor pick(const QColor& onLight, const QColor& onDark) {
    return isDarkPalette() ? onDark : onLight;
}

} // namespace

void applyTheme(UiSettings::Theme theme) {
    static bool applied = false;
    if (theme == UiSettings::Theme::System && !applied)
        return; // as the platform set it up (an explicit palette would stop following its changes)
    applied = true;
    const Original& o = original();
    switch (theme) {
    case UiSettings::Theme::System:
        QApplication::setStyle(QStyleFactory::create(o.style));
        QApplication::setPalette(o.palette);
        break;
    case UiSettings::Theme::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(lightPalette());
        break;
    case UiSettings::Theme::Dark:
        // Fusion draws everything from the palette; platform styles may ignore a dark one.
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        break;
    }
}

bool isDarkPalette() {
    return QApplication::palette().color(QPalette::Base).lightnessF() < 0.5;
}

QColor errorColor() {
    return pick(QColor(0xb0, 0x00, 0x20), QColor(0xff, 0x80, 0x80));
}

QColor warningColor() {
    return pick(QColor(0x8a, 0x4b, 0x00), QColor(0xff, 0xb7, 0x4d));
}

QColor successColor() {
    return pick(QColor(0x1b, 0x6e, 0x32), QColor(0x81, 0xc7, 0x84));
}

QColor infoColor() {
    return pick(QColor(0x1f, 0x4e, 0x9c), QColor(0x82, 0xb1, 0xff));
}

QString textStyle(const QColor& color) {
    return QStringLiteral("color: %1").arg(color.name());
}

QColor cellBackground(CellMark mark) {
    const QColor base = QApplication::palette().color(QPalette::Base);
    const bool dark = isDarkPalette();
    // Dark themes get deeper hues mixed in less, so the light text keeps its contrast.
    const auto tint = [&](QColor hue, qreal onLight, qreal onDark) {
        return dark ? mix(base, hue.darker(160), onDark) : mix(base, hue, onLight);
    };
    switch (mark) {
    case CellMark::Edited:
        return tint(QColor(255, 235, 59), 0.45, 0.45); // yellow
    case CellMark::NewRow:
        return tint(QColor(102, 187, 106), 0.5, 0.45); // green
    case CellMark::NewRowUnset:
        return tint(QColor(102, 187, 106), 0.25, 0.25);
    case CellMark::DeletePending:
        return tint(QColor(229, 57, 53), 0.35, 0.45); // red
    case CellMark::RestorePending:
        return tint(QColor(102, 187, 106), 0.35, 0.35);
    case CellMark::Conflict:
        return tint(QColor(255, 183, 77), 0.55, 0.5); // orange
    }
    return base;
}

QColor heatColor(double share) {
    const QColor base = QApplication::palette().color(QPalette::Base);
    const double t = std::clamp(share / 0.5, 0.0, 1.0);
    if (t < 0.02)
        return base;
    const QColor hue = t < 0.5 ? QColor(255, 183, 77) : QColor(229, 57, 53); // orange, then red
    return isDarkPalette() ? mix(base, hue.darker(160), 0.25 + 0.45 * t) : mix(base, hue, 0.15 + 0.55 * t);
}

} // namespace pgdesk::ui
