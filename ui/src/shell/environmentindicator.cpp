#include <pgdesk/ui/environmentindicator.h>
#include <pgdesk/ui/environmentstyle.h>
#include <pgdesk/ui/writeunlockbutton.h>

#include <QTabBar>
#include <QTabWidget>

namespace pgdesk::ui {

EnvironmentIndicator::EnvironmentIndicator(QTabWidget* tabs, QWidget* tree, QWidget* parent)
    : QLabel(parent)
    , m_tabs(tabs)
    , m_tree(tree) {
    setObjectName(QStringLiteral("environmentBadge"));
    setMargin(2);
    hide();
    connect(m_tabs, &QTabWidget::currentChanged, this, &EnvironmentIndicator::followCurrentTab);
}

void EnvironmentIndicator::setProfile(const core::ConnectionProfile& profile) {
    m_profile = profile;
    m_colour = environmentColour(profile);
    const QString name = m_colour.isValid() ? m_colour.name() : QString();
    // Style sheets on the tab bar and the tree reach every tab, also those opened later.
    m_tabs->tabBar()->setStyleSheet(
        name.isEmpty()
            ? QString()
            : QStringLiteral("QTabBar::tab { border-top: 3px solid %1; padding: 4px 8px; }").arg(name));
    m_tabs->tabBar()->setProperty("environmentColour", name);
    m_tree->setStyleSheet(
        name.isEmpty() ? QString() : QStringLiteral("QTreeView { border-top: 4px solid %1; }").arg(name));
    m_tree->setProperty("environmentColour", name);
    followCurrentTab();
}

void EnvironmentIndicator::followCurrentTab() {
    disconnect(m_watch);
    QWidget* tab = m_tabs->currentWidget();
    m_unlock = tab ? tab->findChild<WriteUnlockButton*>() : nullptr;
    if (m_unlock)
        m_watch =
            connect(m_unlock, &WriteUnlockButton::unlockedChanged, this, &EnvironmentIndicator::showBadge);
    showBadge();
}

void EnvironmentIndicator::showBadge() {
    const QString text = environmentBadgeText(m_profile, m_unlock && m_unlock->isUnlocked());
    setVisible(!text.isEmpty());
    setText(text);
    if (!m_colour.isValid()) {
        setStyleSheet({});
        return;
    }
    // White or black text, whichever reads on the colour.
    const QString ink = m_colour.lightnessF() > 0.6 ? QStringLiteral("#000000") : QStringLiteral("#ffffff");
    setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; font-weight: bold; border-radius: 3px; "
                                 "padding: 1px 6px; }")
                      .arg(m_colour.name(), ink));
    setToolTip(m_profile.writeGuarded()
                   ? tr("A production session: the server refuses writes unless a tab unlocks writing")
                   : QString());
}

} // namespace pgdesk::ui
