#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace pgdesk::ui {

// Colours SQL in the query editor: keywords, strings (also E'…' and dollar quotes), quoted identifiers,
// numbers and parameters, comments. Lexes with the core's tokenizer, one line at a time, carrying open
// comments, strings and dollar quotes to the next line, so it agrees with how scripts are split.
class SqlHighlighter final : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit SqlHighlighter(QTextDocument* document);

    // Whether a word is highlighted as a keyword (case-insensitive).
    static bool isKeyword(const QString& word);

protected:
    void highlightBlock(const QString& text) override;

private:
    QTextCharFormat m_keyword;
    QTextCharFormat m_string;
    QTextCharFormat m_dollar;
    QTextCharFormat m_identifier;
    QTextCharFormat m_number;
    QTextCharFormat m_comment;
};

} // namespace pgdesk::ui
