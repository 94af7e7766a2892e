// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFontComboBox;
class QLineEdit;
class QSpinBox;

namespace pgdesk::ui {

// Edit ▸ Preferences… (Ctrl+,): page size of new tables, NULL text, date/time display, the grid font,
// confirm before apply, theme and language. OK saves them (UiSettings), applies the theme and tells the
// open tabs (UiSettings::changed()); the language takes effect on the next start.
class PreferencesDialog final : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    void accept() override;

private:
    void updateFontControls();

    QComboBox* m_pageSize = nullptr;
    QLineEdit* m_nullText = nullptr;
    QComboBox* m_dateTime = nullptr;
    QCheckBox* m_customFont = nullptr;
    QFontComboBox* m_fontFamily = nullptr;
    QSpinBox* m_fontSize = nullptr;
    QCheckBox* m_confirmApply = nullptr;
    QCheckBox* m_confirmSweeping = nullptr;
    QCheckBox* m_vimMode = nullptr;
    QComboBox* m_theme = nullptr;
    QComboBox* m_language = nullptr;
};

} // namespace pgdesk::ui
