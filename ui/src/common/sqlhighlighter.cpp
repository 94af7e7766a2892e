// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/sqlhighlighter.h"

#include "common/readablecolor.h"

#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QSet>
#include <QTextBlockUserData>
#include <QTextDocument>
#include <QTimer>

namespace pgdesk::ui {

namespace {

// The lexer's state at the end of a block, for the next block to start from.
struct LexStateData final : QTextBlockUserData {
    core::SqlLexState state;
    bool coloured = false; // the line's colours are those of its text and state (see showLines())
};

int stateNumber(const core::SqlLexState& s) {
    // Any change makes Qt highlight the following block again; equal numbers for equal states suffice.
    return int(s.mode) + 8 * s.commentDepth + 1024 * int(qHash(s.dollarTag) % 100000);
}

const QSet<QString>& keywords() {
    static const QSet<QString> words = [] {
        const char* list[] = {"ABORT",        "ALL",          "ALTER",
                              "ANALYZE",      "AND",          "ANY",
                              "ARRAY",        "AS",           "ASC",
                              "ATOMIC",       "BEGIN",        "BETWEEN",
                              "BIGINT",       "BOOLEAN",      "BOTH",
                              "BY",           "CALL",         "CASCADE",
                              "CASE",         "CAST",         "CHECK",
                              "COLLATE",      "COLUMN",       "COMMENT",
                              "COMMIT",       "CONCURRENTLY", "CONFLICT",
                              "CONSTRAINT",   "COPY",         "CREATE",
                              "CROSS",        "CURRENT_DATE", "CURRENT_TIMESTAMP",
                              "CURRENT_USER", "DATABASE",     "DEFAULT",
                              "DEFERRABLE",   "DELETE",       "DESC",
                              "DISTINCT",     "DO",           "DROP",
                              "ELSE",         "END",          "EXCEPT",
                              "EXISTS",       "EXPLAIN",      "EXTENSION",
                              "FALSE",        "FETCH",        "FILTER",
                              "FIRST",        "FOR",          "FOREIGN",
                              "FROM",         "FULL",         "FUNCTION",
                              "GRANT",        "GROUP",        "HAVING",
                              "IF",           "ILIKE",        "IN",
                              "INDEX",        "INNER",        "INSERT",
                              "INTEGER",      "INTERSECT",    "INTERVAL",
                              "INTO",         "IS",           "JOIN",
                              "KEY",          "LANGUAGE",     "LAST",
                              "LATERAL",      "LEFT",         "LIKE",
                              "LIMIT",        "MATERIALIZED", "MERGE",
                              "NATURAL",      "NOT",          "NOTHING",
                              "NULL",         "NULLS",        "NUMERIC",
                              "OFFSET",       "ON",           "OR",
                              "ORDER",        "OUTER",        "OVER",
                              "PARTITION",    "PRIMARY",      "PROCEDURE",
                              "RECURSIVE",    "REFERENCES",   "RELEASE",
                              "RENAME",       "REPLACE",      "RETURNING",
                              "RETURNS",      "REVOKE",       "RIGHT",
                              "ROLLBACK",     "ROW",          "ROWS",
                              "SAVEPOINT",    "SCHEMA",       "SELECT",
                              "SEQUENCE",     "SET",          "SHOW",
                              "SOME",         "START",        "TABLE",
                              "TEXT",         "THEN",         "TIMESTAMP",
                              "TO",           "TRANSACTION",  "TRIGGER",
                              "TRUE",         "TRUNCATE",     "TYPE",
                              "UNION",        "UNIQUE",       "UPDATE",
                              "USING",        "VACUUM",       "VALUES",
                              "VARCHAR",      "VIEW",         "WHEN",
                              "WHERE",        "WINDOW",       "WITH"};
        QSet<QString> set;
        for (const char* w : list)
            set.insert(QString::fromLatin1(w));
        return set;
    }();
    return words;
}

} // namespace

QTextDocument* HighlightLayout::newDocument(QObject* parent) {
    auto* document = new QTextDocument(parent);
    document->setDocumentLayout(new HighlightLayout(document));
    return document;
}

void HighlightLayout::release() {
    m_held = false;
    if (m_from < 0)
        return;
    int from = m_from, to = m_to;
    m_from = m_to = -1;
    // Taken as a change of more than one line, also for one: the plain layout then only marks the lines to
    // be laid out again, where one line it lays out at once (and tells of a wider document meanwhile,
    // perhaps while its signals are held for a paint).
    const QTextBlock first = document()->findBlock(from);
    if (first == document()->findBlock(std::max(from, to - 1))) {
        if (first.next().isValid())
            to = first.next().position() + 1;
        else if (first.previous().isValid())
            from = first.previous().position();
    }
    QPlainTextDocumentLayout::documentChanged(from, to - from, to - from);
}

void HighlightLayout::documentChanged(int from, int charsRemoved, int charsAdded) {
    if (!m_held || charsRemoved != charsAdded) { // a change of text is never held back
        release();
        QPlainTextDocumentLayout::documentChanged(from, charsRemoved, charsAdded);
        return;
    }
    m_from = m_from < 0 ? from : std::min(m_from, from);
    m_to = std::max(m_to, from + charsAdded);
}

SqlHighlighter::SqlHighlighter(QTextDocument* document, const QPalette& palette)
    : QSyntaxHighlighter(document) {
    m_keyword.setFontWeight(QFont::Bold);
    m_comment.setFontItalic(true);
    pickColors(palette);
}

void SqlHighlighter::usePalette(const QPalette& palette) {
    pickColors(palette);
    rehighlight();
}

void SqlHighlighter::pickColors(const QPalette& palette) {
    // Lighter hues on a dark base, deeper ones on a light base; readableOn() then guarantees WCAG AA
    // contrast (4.5:1) on bases these sets were not tuned for (system palettes, greyish themes).
    const QColor base = palette.color(QPalette::Active, QPalette::Base);
    const bool dark = base.lightnessF() < 0.5;
    const auto color = [&base, dark](QColor onLight, QColor onDark) {
        return readableOn(dark ? onDark : onLight, base);
    };
    m_keyword.setForeground(color(QColor(0x1f, 0x4e, 0x9c), QColor(0x82, 0xb1, 0xff)));
    m_string.setForeground(color(QColor(0x2e, 0x7d, 0x32), QColor(0x81, 0xc7, 0x84)));
    m_dollar.setForeground(color(QColor(0x55, 0x6b, 0x2f), QColor(0xae, 0xd5, 0x81)));
    m_identifier.setForeground(color(QColor(0x8a, 0x4b, 0x08), QColor(0xff, 0xb7, 0x4d)));
    m_number.setForeground(color(QColor(0x8e, 0x24, 0xaa), QColor(0xce, 0x93, 0xd8)));
    m_comment.setForeground(color(QColor(0x6a, 0x6a, 0x6a), QColor(0xa0, 0xa0, 0xa0)));
}

bool SqlHighlighter::isKeyword(const QString& word) {
    return keywords().contains(word.toUpper());
}

// QSyntaxHighlighter's own connection, made in the string form these names are in Qt 6's source.
#define PGDESK_HIGHLIGHT_SIGNAL SIGNAL(contentsChange(int, int, int))
#define PGDESK_HIGHLIGHT_SLOT SLOT(_q_reformatBlocks(int, int, int))

void SqlHighlighter::beginDeferring(int firstVisible, int lastVisible) {
    m_deferring = true;
    m_firstVisible = firstVisible;
    m_lastVisible = lastVisible;
    m_detached = document() && disconnect(document(), PGDESK_HIGHLIGHT_SIGNAL, this, PGDESK_HIGHLIGHT_SLOT);
}

void SqlHighlighter::endDeferring(int firstChanged, int lastChanged) {
    m_deferring = false;
    if (m_detached) {
        m_detached = false;
        connect(document(), PGDESK_HIGHLIGHT_SIGNAL, this, PGDESK_HIGHLIGHT_SLOT);
        // The changed lines in view now (each one carrying its state on as far as it changes); every
        // changed one again later, as those above the view may change the state the view starts in.
        colourLines(std::max(firstChanged, m_firstVisible), std::min(lastChanged, m_lastVisible));
        queue(firstChanged, lastChanged);
    }
    if (hasDeferred())
        QTimer::singleShot(0, this, &SqlHighlighter::highlightQueued);
}

void SqlHighlighter::queue(int first, int last) {
    if (first > last)
        return;
    if (hasDeferred()) {
        m_queuedFirst = std::min(m_queuedFirst, first);
        m_queuedLast = std::max(m_queuedLast, last);
    } else {
        m_queuedFirst = first;
        m_queuedLast = last;
    }
}

void SqlHighlighter::highlightQueued() {
    // A few hundred lines a turn of the event loop: keys typed meanwhile are not kept waiting. Each line
    // highlighted leaves the queue's front in highlightBlock(), also when an edit got there first.
    constexpr int kPerTurn = 300;
    if (!hasDeferred())
        return;
    if (!document() || !document()->findBlockByNumber(m_queuedFirst).isValid()) {
        m_queuedLast = m_queuedFirst - 1; // the text got shorter: nothing left
        return;
    }
    const int first = m_queuedFirst, last = std::min(m_queuedLast, first + kPerTurn - 1);
    colourLines(first, last);
    m_queuedFirst = std::max(m_queuedFirst, last + 1);
    if (hasDeferred() && !m_deferring)
        QTimer::singleShot(0, this, &SqlHighlighter::highlightQueued);
}

void SqlHighlighter::colourLines(int first, int last) {
    const QTextBlock from = document()->findBlockByNumber(first);
    QTextBlock to = document()->findBlockByNumber(last);
    if (!from.isValid() || first > last)
        return;
    if (!to.isValid())
        to = document()->lastBlock();
    auto* layout = dynamic_cast<HighlightLayout*>(document()->documentLayout());
    if (layout)
        layout->hold();
    // QSyntaxHighlighter's own path for changed text, which colours without moving a cursor through the
    // lines; rehighlightBlock() is the public way, one line at a time, laying each out. Looked up once: a Qt
    // without that slot takes the public way, without a warning a call.
    static const bool privatePath =
        QSyntaxHighlighter::staticMetaObject.indexOfMethod("_q_reformatBlocks(int,int,int)") >= 0;
    const bool reformatted =
        layout && privatePath &&
        QMetaObject::invokeMethod(this, "_q_reformatBlocks", Qt::DirectConnection,
                                  Q_ARG(int, from.position()), Q_ARG(int, 0),
                                  Q_ARG(int, to.position() + to.length() - 1 - from.position()));
    if (layout)
        layout->release();
    if (!reformatted)
        for (QTextBlock block = from; block.isValid() && block.blockNumber() <= last; block = block.next())
            rehighlightBlock(block);
}

bool SqlHighlighter::showLines(int first, int last) {
    m_shownFirst = first;
    m_shownLast = last;
    if (!document())
        return false;
    bool coloured = false;
    int run = -1; // the first of the lines found without colours, in a row
    QTextBlock block = document()->findBlockByNumber(first);
    for (int number = first; number <= last + 1; ++number, block = block.next()) {
        const auto* data = block.isValid() ? dynamic_cast<const LexStateData*>(block.userData()) : nullptr;
        const bool bare = number <= last && block.isValid() && !(data && data->coloured);
        if (bare && run < 0)
            run = number;
        if (!bare && run >= 0) {
            colourLines(run, number - 1);
            coloured = true;
            run = -1;
        }
        if (!block.isValid())
            break;
    }
    return coloured;
}

void SqlHighlighter::highlightBlock(const QString& text) {
    const int number = currentBlock().blockNumber();
    if (m_deferring) {
        if (number < m_firstVisible || number > m_lastVisible) {
            // Uncoloured until its turn comes; its state stays as it was (none set: nothing cascades).
            if (auto* data = dynamic_cast<LexStateData*>(currentBlockUserData()))
                data->coloured = false;
            queue(number, number);
            return;
        }
    } else if (hasDeferred() && number == m_queuedFirst) {
        ++m_queuedFirst; // coloured now (new text put in colours every line from the top)
    }
    core::SqlLexState state;
    if (const auto* previous = dynamic_cast<LexStateData*>(currentBlock().previous().userData()))
        state = previous->state;
    const bool shown = number >= m_shownFirst && number <= m_shownLast;
    for (const core::SqlToken& t : core::tokenizeSql(text, state)) {
        if (!shown)
            continue; // its state alone
        const int start = int(t.start), length = int(t.length);
        switch (t.type) {
        case core::SqlTokenType::Word:
            if (isKeyword(text.mid(t.start, t.length)))
                setFormat(start, length, m_keyword);
            break;
        case core::SqlTokenType::String:
            setFormat(start, length, m_string);
            break;
        case core::SqlTokenType::DollarString:
            setFormat(start, length, m_dollar);
            break;
        case core::SqlTokenType::QuotedIdentifier:
            setFormat(start, length, m_identifier);
            break;
        case core::SqlTokenType::Number:
        case core::SqlTokenType::Parameter:
            setFormat(start, length, m_number);
            break;
        case core::SqlTokenType::Comment:
            setFormat(start, length, m_comment);
            break;
        case core::SqlTokenType::Operator:
            break;
        }
    }
    auto* data = new LexStateData;
    data->state = state;
    data->coloured = shown;
    setCurrentBlockUserData(data); // the block owns it
    setCurrentBlockState(stateNumber(state));
}

} // namespace pgdesk::ui
