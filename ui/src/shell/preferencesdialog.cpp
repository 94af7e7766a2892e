// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/common/uisettings.h>
#include <pgdesk/ui/shell/preferencesdialog.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace pgdesk::ui {

namespace {
template <class Widget> Widget* named(Widget* widget, const char* name, const QString& accessibleName) {
    widget->setObjectName(QLatin1String(name));
    widget->setAccessibleName(accessibleName);
    return widget;
}
} // namespace

PreferencesDialog::PreferencesDialog(QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));

    m_pageSize = named(new QComboBox(this), "pageSize", tr("Page size of new tables"));
    for (int rows : UiSettings::pageSizeChoices())
        m_pageSize->addItem(rows > 0 ? tr("%n rows", nullptr, rows) : tr("Scroll (continuous)"), rows);
    m_pageSize->setCurrentIndex(m_pageSize->findData(UiSettings::pageSize()));

    m_nullText = named(new QLineEdit(UiSettings::nullText(), this), "nullText", tr("NULL shown as"));
    m_nullText->setToolTip(tr("How the grids draw NULL (in italics, unlike an empty string)"));

    m_dateTime = named(new QComboBox(this), "dateTimeDisplay", tr("Dates and times"));
    m_dateTime->addItem(tr("As PostgreSQL sends them (ISO 8601)"), int(UiSettings::DateTimeDisplay::AsSent));
    m_dateTime->addItem(tr("In the format of the language (%1)")
                            .arg(QLocale().toString(QDate(2024, 3, 5), QLocale::ShortFormat)),
                        int(UiSettings::DateTimeDisplay::Locale));
    m_dateTime->setCurrentIndex(m_dateTime->findData(int(UiSettings::dateTimeDisplay())));
    m_dateTime->setToolTip(tr("Only how the grids show them: editing, copying and exports keep the exact "
                              "values"));

    const QFont font = UiSettings::hasGridFont() ? UiSettings::gridFont() : QApplication::font();
    m_customFont =
        named(new QCheckBox(tr("&Own font for the grids"), this), "customFont", tr("Own grid font"));
    m_customFont->setChecked(UiSettings::hasGridFont());
    m_fontFamily = named(new QFontComboBox(this), "fontFamily", tr("Grid font"));
    m_fontFamily->setCurrentFont(font);
    m_fontSize = named(new QSpinBox(this), "fontSize", tr("Grid font size"));
    m_fontSize->setRange(6, 48);
    m_fontSize->setSuffix(tr(" pt"));
    m_fontSize->setValue(font.pointSize() > 0 ? font.pointSize() : 10);
    connect(m_customFont, &QCheckBox::toggled, this, &PreferencesDialog::updateFontControls);
    auto* fontRow = new QHBoxLayout;
    fontRow->addWidget(m_fontFamily, 1);
    fontRow->addWidget(m_fontSize);

    m_confirmApply = named(new QCheckBox(tr("Show the SQL and &ask before applying staged changes"), this),
                           "confirmApply", tr("Confirm before apply"));
    m_confirmApply->setChecked(UiSettings::confirmBeforeApply());
    m_confirmSweeping =
        named(new QCheckBox(tr("In the query tool, ask before UPDATE or DELETE without &WHERE, "
                               "TRUNCATE and DROP (always on production)"),
                            this),
              "confirmSweeping", tr("Confirm sweeping statements"));
    m_confirmSweeping->setChecked(UiSettings::confirmSweeping());
    m_vimMode =
        named(new QCheckBox(tr("&Vim keys in the SQL editors (normal, insert and visual modes)"), this),
              "vimMode", tr("Vim keys"));
    m_vimMode->setChecked(UiSettings::vimMode());

    m_theme = named(new QComboBox(this), "theme", tr("Theme"));
    m_theme->addItem(tr("Follow the system"), int(UiSettings::Theme::System));
    m_theme->addItem(tr("Light"), int(UiSettings::Theme::Light));
    m_theme->addItem(tr("Dark"), int(UiSettings::Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(UiSettings::theme())));

    m_language = named(new QComboBox(this), "language", tr("Language"));
    m_language->addItem(tr("Follow the system"), QString());
    // Each language in its own name, so that it can be found whatever the current one is.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("فارسی"), QStringLiteral("fa"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(UiSettings::language())));
    auto* languageNote = new QLabel(tr("The language changes when PgDesk is started again."), this);
    languageNote->setObjectName(QStringLiteral("languageNote"));
    languageNote->setWordWrap(true);
    languageNote->setForegroundRole(QPalette::PlaceholderText);

    auto* form = new QFormLayout;
    form->addRow(tr("&Page size of new tables:"), m_pageSize);
    form->addRow(tr("&NULL shown as:"), m_nullText);
    form->addRow(tr("&Dates and times:"), m_dateTime);
    form->addRow(m_customFont);
    form->addRow(tr("Grid &font:"), fontRow);
    form->addRow(m_confirmApply);
    form->addRow(m_confirmSweeping);
    form->addRow(m_vimMode);
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), languageNote);
    // The font row's label names the family box (a layout cannot be a buddy).
    if (auto* label = qobject_cast<QLabel*>(form->labelForField(fontRow)))
        label->setBuddy(m_fontFamily);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);

    setTabOrder(m_pageSize, m_nullText);
    setTabOrder(m_nullText, m_dateTime);
    setTabOrder(m_dateTime, m_customFont);
    setTabOrder(m_customFont, m_fontFamily);
    setTabOrder(m_fontFamily, m_fontSize);
    setTabOrder(m_fontSize, m_confirmApply);
    setTabOrder(m_confirmApply, m_confirmSweeping);
    setTabOrder(m_confirmSweeping, m_vimMode);
    setTabOrder(m_vimMode, m_theme);
    setTabOrder(m_theme, m_language);
    setTabOrder(m_language, buttons);
    updateFontControls();
    setMinimumWidth(480);
}

void PreferencesDialog::updateFontControls() {
    m_fontFamily->setEnabled(m_customFont->isChecked());
    m_fontSize->setEnabled(m_customFont->isChecked());
}

void PreferencesDialog::accept() {
    UiSettings::setPageSize(m_pageSize->currentData().toInt());
    UiSettings::setNullText(m_nullText->text());
    UiSettings::setDateTimeDisplay(UiSettings::DateTimeDisplay(m_dateTime->currentData().toInt()));
    if (m_customFont->isChecked()) {
        QFont font = m_fontFamily->currentFont();
        font.setPointSize(m_fontSize->value());
        UiSettings::setGridFont(font);
    } else {
        UiSettings::setGridFont({});
    }
    UiSettings::setConfirmBeforeApply(m_confirmApply->isChecked());
    UiSettings::setConfirmSweeping(m_confirmSweeping->isChecked());
    UiSettings::setVimMode(m_vimMode->isChecked());
    const auto theme = UiSettings::Theme(m_theme->currentData().toInt());
    const bool themeChanged = theme != UiSettings::theme();
    UiSettings::setTheme(theme);
    UiSettings::setLanguage(m_language->currentData().toString());
    if (themeChanged)
        applyTheme(theme);
    UiSettings::instance()->notifyChanged();
    QDialog::accept();
}

} // namespace pgdesk::ui
