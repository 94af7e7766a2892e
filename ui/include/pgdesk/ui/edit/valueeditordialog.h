// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QStringList>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace pgdesk::ui {

// One-dimensional PostgreSQL array text ("{a,"b c",NULL}") ↔ its elements (nullopt = NULL), exactly:
// quotes and backslashes are escaped, an unquoted NULL is NULL and a quoted "NULL" is the text. nullopt
// from parse for what is not a one-dimensional array literal (nested arrays, bounds decorations).
std::optional<QList<std::optional<QString>>> parseArrayLiteral(const QString& text);
QString arrayLiteral(const QList<std::optional<QString>>& elements);
// Whether text is one JSON value (any value, as jsonb accepts: objects, arrays, strings, numbers, true,
// false, null); *error gets the parser's message.
bool isValidJson(const QString& text, QString* error = nullptr);

// The editor for values a line edit serves badly, opened from the grid (double-click or F2 on the cell):
//  - Json: the text with validation as you type (OK only for valid JSON) and Format (indent, numbers
//    kept as written); the value stays exactly the text typed.
//  - Array: one element per line; a line NULL is a NULL element, "NULL" (quoted) the text; the result
//    is the array literal, with every element quoted.
//  - Text: long or multi-line text (and bytea's hex), exactly as typed.
// A text editor keeps neither carriage returns nor line/paragraph separators: a Json or Text value that
// would not come back exactly is shown read-only, with the reason, and OK stays disabled.
class ValueEditorDialog final : public QDialog {
    Q_OBJECT
public:
    enum class Kind { Json, Array, Text };
    ValueEditorDialog(Kind kind, const QString& column, const QString& typeName,
                      const std::optional<QString>& value, QWidget* parent = nullptr);

    Kind kind() const { return m_kind; }
    QPlainTextEdit* editor() const { return m_edit; }
    // The text to stage (never SQL NULL: the JSON null is the text "null"; a NULL cell is Set NULL's job).
    QString value() const;
    bool isValid() const;

private:
    void validate();
    QString editedText() const; // exactly what the editor holds (no QTextDocument::toPlainText substitutions)
    bool m_exact = true;        // the value shows exactly: editing allowed

    Kind m_kind;
    QPlainTextEdit* m_edit = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace pgdesk::ui
