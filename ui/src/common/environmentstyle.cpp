// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/environmentstyle.h>

#include <QCoreApplication>
#include <QPainter>
#include <QPixmap>

namespace pgdesk::ui {

QColor environmentColour(const core::ConnectionProfile& profile) {
    const QString name = profile.effectiveColour();
    return name.isEmpty() ? QColor() : QColor(name);
}

QIcon environmentSwatch(const QColor& colour) {
    if (!colour.isValid())
        return {};
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(colour.darker(140));
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(2.5, 2.5, 11, 11), 2, 2);
    return QIcon(pixmap);
}

QString environmentLabel(core::Environment environment) {
    switch (environment) {
    case core::Environment::None:
        return {};
    case core::Environment::Development:
        return QCoreApplication::translate("pgdesk::ui::Environment", "Development");
    case core::Environment::Test:
        return QCoreApplication::translate("pgdesk::ui::Environment", "Test");
    case core::Environment::Staging:
        return QCoreApplication::translate("pgdesk::ui::Environment", "Staging");
    case core::Environment::Production:
        return QCoreApplication::translate("pgdesk::ui::Environment", "Production");
    }
    return {};
}

QString environmentBadgeText(const core::ConnectionProfile& profile, bool writingUnlocked) {
    const QString name = environmentLabel(profile.environment).toUpper();
    if (!profile.writeGuarded())
        return name;
    return writingUnlocked
               ? QCoreApplication::translate("pgdesk::ui::Environment", "%1 — writing unlocked").arg(name)
               : QCoreApplication::translate("pgdesk::ui::Environment", "%1 — read-only").arg(name);
}

} // namespace pgdesk::ui
