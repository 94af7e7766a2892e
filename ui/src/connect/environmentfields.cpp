// SPDX-License-Identifier: GPL-3.0-or-later
#include "connect/environmentfields.h"

#include <pgdesk/ui/common/environmentstyle.h>

#include <QColorDialog>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace pgdesk::ui {

EnvironmentFields::EnvironmentFields(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("environmentPage"));
    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_environment = new QComboBox(this);
    m_environment->setObjectName(QStringLiteral("environment"));
    for (const core::Environment e :
         {core::Environment::None, core::Environment::Development, core::Environment::Test,
          core::Environment::Staging, core::Environment::Production})
        m_environment->addItem(e == core::Environment::None ? tr("None") : environmentLabel(e), int(e));
    m_colourButton = new QToolButton(this);
    m_colourButton->setObjectName(QStringLiteral("colourButton"));
    m_colourButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_resetColour = new QToolButton(this);
    m_resetColour->setObjectName(QStringLiteral("resetColourButton"));
    m_resetColour->setText(tr("Environment's colour"));
    auto* colourRow = new QHBoxLayout;
    colourRow->addWidget(m_colourButton);
    colourRow->addWidget(m_resetColour);
    colourRow->addStretch(1);
    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("folder"));
    m_folder->setPlaceholderText(tr("Top level; nest with /, as in Clients/Acme"));
    form->addRow(tr("&Environment:"), m_environment);
    auto* colourLabel = new QLabel(tr("&Colour:"), this); // a row of widgets: the buddy is set here
    colourLabel->setBuddy(m_colourButton);
    form->addRow(colourLabel, colourRow);
    form->addRow(tr("&Folder:"), m_folder);
    auto* note =
        new QLabel(tr("Production sessions are read-only on the server: each tab unlocks writing on its "
                      "own, and Apply and batch operations ask for the database's name."),
                   this);
    note->setWordWrap(true);
    form->addRow(QString(), note);

    connect(m_environment, &QComboBox::currentIndexChanged, this, [this] {
        showColour();
        emit edited();
    });
    connect(m_colourButton, &QToolButton::clicked, this, &EnvironmentFields::chooseColour);
    connect(m_resetColour, &QToolButton::clicked, this, [this] {
        setColour({});
        emit edited();
    });
    connect(m_folder, &QLineEdit::textEdited, this, &EnvironmentFields::edited);
    showColour();
}

void EnvironmentFields::setProfile(const core::ConnectionProfile& profile) {
    const QSignalBlocker blocker(m_environment);
    m_environment->setCurrentIndex(m_environment->findData(int(profile.environment)));
    m_colour = profile.colour;
    m_folder->setText(profile.folder);
    showColour();
}

void EnvironmentFields::applyTo(core::ConnectionProfile& profile) const {
    profile.environment = static_cast<core::Environment>(m_environment->currentData().toInt());
    profile.colour = m_colour;
    // "Clients / Acme/" → "Clients/Acme": the folder path as the connection manager shows it.
    QStringList parts;
    for (const QString& part : m_folder->text().split(QLatin1Char('/'), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            parts << part.trimmed();
    profile.folder = parts.join(QLatin1Char('/'));
}

void EnvironmentFields::setColour(const QString& colour) {
    m_colour = colour;
    showColour();
}

void EnvironmentFields::showColour() {
    core::ConnectionProfile p;
    applyTo(p);
    const QColor colour = environmentColour(p);
    m_colourButton->setIcon(environmentSwatch(colour));
    m_colourButton->setText(colour.isValid() ? colour.name() : tr("Choose…"));
    m_resetColour->setEnabled(!m_colour.isEmpty());
}

void EnvironmentFields::chooseColour() {
    core::ConnectionProfile p;
    applyTo(p);
    const QColor chosen =
        QColorDialog::getColor(environmentColour(p).isValid() ? environmentColour(p) : Qt::red, this,
                               tr("Colour of this connection"));
    if (!chosen.isValid())
        return;
    setColour(chosen.name());
    emit edited();
}

} // namespace pgdesk::ui
