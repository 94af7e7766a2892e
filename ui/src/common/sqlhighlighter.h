// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPalette>
#include <QPlainTextDocumentLayout>
#include <QSyntaxHighlighter>
#include <QTextBlock>
#include <QTextCharFormat>

#include <limits>

namespace pgdesk::ui {

// A QPlainTextEdit's layout that lets SqlHighlighter colour lines out of view without laying each one out:
// while held, the lines it is told changed are gathered and taken as one change when released, which only
// marks them to be laid out again when painted. (The plain layout lays a single changed line out at once,
// shaping its text: 10,000 lines coloured after a key typed into a column cost 100 ms, half of it that.)
class HighlightLayout final : public QPlainTextDocumentLayout {
public:
    using QPlainTextDocumentLayout::QPlainTextDocumentLayout;
    // A new document with this layout, for QPlainTextEdit::setDocument().
    static QTextDocument* newDocument(QObject* parent);
    void hold() { m_held = true; }
    void release();

protected:
    void documentChanged(int from, int charsRemoved, int charsAdded) override;

private:
    bool m_held = false;
    int m_from = -1; // the gathered change, from..m_to
    int m_to = -1;
};

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

    // For an edit of many lines at once (typing into a 10,000-line column): until endDeferring() only the
    // lines in view, firstVisible..lastVisible (block numbers), are highlighted; the changed ones,
    // firstChanged..lastChanged, are then highlighted a few hundred at a time from the event loop, so the
    // key's frame does not wait for lines nobody sees.
    void beginDeferring(int firstVisible, int lastVisible);
    void endDeferring(int firstChanged, int lastChanged);
    bool hasDeferred() const { return m_queuedFirst <= m_queuedLast; }

    // Only lines first..last (block numbers: those in view) are given colours from now on, the others
    // their lexer states alone; lines there without colours are coloured now (true if any was). Colours
    // kept on a line out of view cost each later edit of it: typing into a 10,000-line column took 20 ms a
    // key with them, 16 without. By default every line is coloured.
    bool showLines(int first, int last);

protected:
    void highlightBlock(const QString& text) override;

private:
    void pickColors(const QPalette& palette);
    void highlightQueued();
    // Colours lines first..last (block numbers) and on while the state they end in changes, without laying
    // them out (rehighlightBlock() does), where the document has a HighlightLayout.
    void colourLines(int first, int last);

    void queue(int first, int last);

    bool m_deferring = false;
    // Not following the document's changes while deferring (QSyntaxHighlighter would still visit each
    // changed line as the edit ends, 10,000 of them); false where this Qt does not let it go.
    bool m_detached = false;
    int m_firstVisible = 0;
    int m_lastVisible = -1;
    // The lines left to colour, by number: a number stays safe to look up whatever the document went
    // through meanwhile (a block handle of text since replaced does not).
    int m_queuedFirst = 0;
    int m_queuedLast = -1;
    int m_shownFirst = 0;
    int m_shownLast = std::numeric_limits<int>::max();

    QTextCharFormat m_keyword;
    QTextCharFormat m_string;
    QTextCharFormat m_dollar;
    QTextCharFormat m_identifier;
    QTextCharFormat m_number;
    QTextCharFormat m_comment;
};

} // namespace pgdesk::ui
