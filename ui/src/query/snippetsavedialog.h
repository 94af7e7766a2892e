// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace pgdesk::ui {

// Saves SQL (the query tool's selection, else its text) as the user's snippet: a name, the word that offers
// it in completion, a line saying what it is for. Written as a plain file into the snippet folder
// (SnippetLibrary), where placeholders such as ${1:table} can be added by hand.
class SnippetSaveDialog final : public QDialog {
    Q_OBJECT
public:
    SnippetSaveDialog(const QString& body, QWidget* parent = nullptr);
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* prefixEdit() const { return m_prefix; }
    QLineEdit* descriptionEdit() const { return m_description; }
    QPushButton* saveButton() const { return m_save; }
    QString stateText() const;
    // Saves and closes; false (said in the dialog) when it cannot.
    bool save();

signals:
    void saved(const QString& path);

private:
    void update();

    QString m_body;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_prefix = nullptr;
    QLineEdit* m_description = nullptr;
    QLabel* m_state = nullptr;
    QPushButton* m_save = nullptr;
    bool m_prefixEdited = false;
};

} // namespace pgdesk::ui
