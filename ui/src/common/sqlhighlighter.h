// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace pgdesk::ui {

// Colours SQL in the query editor: keywords, strings (also E'…' and dollar quotes), quoted identifiers,
// numbers and parameters, comments. Lexes with the core's tokenizer, one line at a time, carrying open
// comments, strings and dollar quotes to the next line, so it agrees with how scripts are split.
// The colours follow the editor's palette: a light set on a dark base, each one checked for contrast.
class SqlHighlighter final : public QSyntaxHighlighter {
    Q_OBJECT
public:
    // Coloured for `palette` (the editor's); usePalette() again when it changes.
    SqlHighlighter(QTextDocument* document, const QPalette& palette);

    // Whether a word is highlighted as a keyword (case-insensitive).
    static bool isKeyword(const QString& word);

    // Picks the colours for the palette's base and highlights the whole document again.
    void usePalette(const QPalette& palette);

protected:
    void highlightBlock(const QString& text) override;

private:
    void pickColors(const QPalette& palette);

    QTextCharFormat m_keyword;
    QTextCharFormat m_string;
    QTextCharFormat m_dollar;
    QTextCharFormat m_identifier;
    QTextCharFormat m_number;
    QTextCharFormat m_comment;
};

} // namespace pgdesk::ui
