// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRegularExpression>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace pgdesk::ui {

// The query editor's find / replace bar (Ctrl+F, Ctrl+H): plain text or a regular expression
// (QRegularExpression; \1 … \9 in the replacement are its groups), match case, whole words. Find next
// and previous wrap around; Replace replaces the match under the selection and finds the next; Replace
// all is one undo step. Esc closes it and gives the focus back to the editor.
class FindBar final : public QWidget {
    Q_OBJECT
public:
    explicit FindBar(QPlainTextEdit* editor, QWidget* parent = nullptr);

    // Shows the bar (with the replace row when `replace`), the selection as the text to find.
    void open(bool replace);

    QLineEdit* findField() const { return m_find; }
    QLineEdit* replaceField() const { return m_replace; }
    QCheckBox* caseBox() const { return m_case; }
    QCheckBox* wordBox() const { return m_word; }
    QCheckBox* regexBox() const { return m_regex; }
    QLabel* statusLabel() const { return m_status; }

    // Selects the next (previous) match after (before) the cursor, wrapping; false when there is none.
    bool findNext(bool backward = false);
    // Replaces the selected match, then finds the next; false when nothing was replaced.
    bool replaceCurrent();
    // Replaces every match in one undo step; how many.
    int replaceAll();

    // The search as a regular expression (plain text escaped); invalid when the pattern is.
    QRegularExpression pattern() const;
    // `replacement` with \0 … \9 taken from `match` (\\ is a backslash) when regular expressions are on.
    QString expand(const QString& replacement, const QRegularExpressionMatch& match) const;

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void setStatus(const QString& text);

    QPlainTextEdit* m_editor;
    QLineEdit* m_find = nullptr;
    QLineEdit* m_replace = nullptr;
    QWidget* m_replaceRow = nullptr;
    QCheckBox* m_case = nullptr;
    QCheckBox* m_word = nullptr;
    QCheckBox* m_regex = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace pgdesk::ui
