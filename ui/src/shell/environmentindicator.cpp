// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/environmentstyle.h>
#include <pgdesk/ui/common/workbench.h>
#include <pgdesk/ui/common/writeunlockbutton.h>
#include <pgdesk/ui/shell/environmentindicator.h>

#include <QTabBar>
#include <QTabWidget>

namespace pgdesk::ui {

namespace {

constexpr char kMarkName[] = "environmentTabMark";

QString inkOn(const QColor& colour) {
    return colour.lightnessF() > 0.6 ? QStringLiteral("#000000") : QStringLiteral("#ffffff");
}

} // namespace

EnvironmentIndicator::EnvironmentIndicator(QTabWidget* tabs, QWidget* parent)
    : QLabel(parent)
    , m_tabs(tabs) {
    setObjectName(QStringLiteral("environmentBadge"));
    setMargin(2);
    hide();
    connect(m_tabs, &QTabWidget::currentChanged, this, &EnvironmentIndicator::followCurrentTab);
}

void EnvironmentIndicator::setProfile(const core::ConnectionProfile& profile) {
    claimTabs(); // every tab made so far is the previous session's
    m_profile = profile;
    m_colour = environmentColour(profile);
    const QString name = m_colour.isValid() ? m_colour.name() : QString();
    m_tabs->tabBar()->setProperty("environmentColour", name);
    markTree();
    followCurrentTab();
}

void EnvironmentIndicator::setTree(QWidget* tree) {
    m_tree = tree;
    markTree();
}

void EnvironmentIndicator::markTree() {
    if (!m_tree)
        return;
    const QString name = m_colour.isValid() ? m_colour.name() : QString();
    m_tree->setStyleSheet(
        name.isEmpty() ? QString() : QStringLiteral("QTreeView { border-top: 4px solid %1; }").arg(name));
    m_tree->setProperty("environmentColour", name);
}

core::ConnectionProfile EnvironmentIndicator::profileOf(QWidget* tab) const {
    return m_tabProfiles.value(tab, m_profile);
}

void EnvironmentIndicator::claimTabs() {
    for (int i = 0; i < m_tabs->count(); ++i) {
        QWidget* tab = m_tabs->widget(i);
        if (m_tabProfiles.contains(tab))
            continue;
        m_tabProfiles.insert(tab, m_profile);
        connect(tab, &QObject::destroyed, this, [this, tab] { m_tabProfiles.remove(tab); });
    }
}

// A mark on each tab in its own profile's colour; the profile's name on it where that is not the session's.
void EnvironmentIndicator::markTabs() {
    QTabBar* bar = m_tabs->tabBar();
    for (int i = 0; i < m_tabs->count(); ++i) {
        const core::ConnectionProfile profile = profileOf(m_tabs->widget(i));
        const QColor colour = environmentColour(profile);
        const bool foreign = profile.name != m_profile.name;
        auto* mark = qobject_cast<QLabel*>(bar->tabButton(i, QTabBar::LeftSide));
        if (!mark || mark->objectName() != QLatin1String(kMarkName)) {
            mark = new QLabel(bar);
            mark->setObjectName(QLatin1String(kMarkName));
            bar->setTabButton(i, QTabBar::LeftSide, mark);
        }
        const QString database = Workbench::tabDatabase(m_tabs->widget(i));
        mark->setText(foreign ? profile.name : QString());
        mark->setProperty("profileName", profile.name);
        mark->setProperty("environmentColour", colour.isValid() ? colour.name() : QString());
        mark->setToolTip(database.isEmpty() ? tr("Profile %1").arg(profile.name)
                                            : tr("Profile %1, database %2").arg(profile.name, database));
        const QString background = colour.isValid() ? colour.name() : QStringLiteral("transparent");
        mark->setStyleSheet(
            foreign
                ? QStringLiteral("QLabel { background: %1; color: %2; border-radius: 2px; padding: 0 3px; }")
                      .arg(background, colour.isValid() ? inkOn(colour) : QStringLiteral("palette(text)"))
                : QStringLiteral("QLabel { background: %1; }").arg(background));
        if (foreign) {
            mark->setMinimumWidth(0);
            mark->setMaximumWidth(QWIDGETSIZE_MAX);
        } else {
            mark->setFixedWidth(4);
        }
        mark->setVisible(foreign || colour.isValid());
    }
}

void EnvironmentIndicator::followCurrentTab() {
    claimTabs();
    markTabs();
    disconnect(m_watch);
    QWidget* tab = m_tabs->currentWidget();
    m_shown = tab ? profileOf(tab) : m_profile;
    m_unlock = tab ? tab->findChild<WriteUnlockButton*>() : nullptr;
    if (m_unlock)
        m_watch =
            connect(m_unlock, &WriteUnlockButton::unlockedChanged, this, &EnvironmentIndicator::showBadge);
    showBadge();
}

void EnvironmentIndicator::showBadge() {
    const QColor colour = environmentColour(m_shown);
    QString text = environmentBadgeText(m_shown, m_unlock && m_unlock->isUnlocked());
    // A tab of another profile than the session's says whose it is.
    if (!text.isEmpty() && m_shown.name != m_profile.name)
        text = tr("%1 — %2").arg(m_shown.name, text);
    setVisible(!text.isEmpty());
    setText(text);
    if (!colour.isValid()) {
        setStyleSheet({});
        setToolTip({});
        return;
    }
    setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; font-weight: bold; border-radius: 3px; "
                                 "padding: 1px 6px; }")
                      .arg(colour.name(), inkOn(colour)));
    setToolTip(m_shown.writeGuarded()
                   ? tr("A production session: the server refuses writes unless a tab unlocks writing")
                   : QString());
}

} // namespace pgdesk::ui
