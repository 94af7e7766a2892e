// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/sqleditor.h"

#include "common/sqlhighlighter.h"
#include "query/linenumbergutter.h"
#include "query/sqlcompleter.h"
#include "query/sqleditorvim.h"

#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/uisettings.h>

#include <pgdesk/core/sqltext/sqlformatter.h>

#include <QFontDatabase>
#include <QKeyEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QStyle>
#include <QTextBlock>

#include <algorithm>

namespace pgdesk::ui {

namespace {

const int kGutterPadding = 4; // each side of the digits
const int kIndent = 4;        // spaces per indentation level, as the formatter uses

} // namespace

SqlEditor::SqlEditor(QWidget* parent)
    : QPlainTextEdit(parent)
    , m_gutter(new LineNumberGutter(this)) // first: setFont() below already asks for its width
    , m_formatJob(new JobSlot(this)) {
    setDocument(HighlightLayout::newDocument(this)); // lines coloured out of view are not laid out at once
    m_highlighter = new SqlHighlighter(document(), palette());
    m_highlighter->showLines(0, 199); // till it is painted: the first screenfuls
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTabStopDistance(4 * fontMetrics().horizontalAdvance(QLatin1Char(' ')));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &SqlEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &SqlEditor::updateGutter);
    // The current line's number is drawn stronger: repaint when the cursor changes lines.
    connect(this, &QPlainTextEdit::cursorPositionChanged, m_gutter, qOverload<>(&QWidget::update));
    updateGutterWidth();
    // Extra carets are plain positions: an edit not made at them (new text put in, undo from the menu,
    // Format SQL) would leave them pointing elsewhere, so it ends them.
    connect(document(), &QTextDocument::contentsChange, this, [this] {
        if (!m_editingCarets && !m_carets.isEmpty())
            clearCarets();
    });
    setVimMode(UiSettings::vimMode());
    connect(UiSettings::instance(), &UiSettings::changed, this,
            [this] { setVimMode(UiSettings::vimMode()); });
}

SqlEditor::~SqlEditor() = default;

QWidget* SqlEditor::gutter() const {
    return m_gutter;
}

int SqlEditor::gutterWidth() const {
    const int digits = std::max(2, int(QString::number(std::max(1, blockCount())).size()));
    return 2 * kGutterPadding + digits * fontMetrics().horizontalAdvance(QLatin1Char('9'));
}

void SqlEditor::updateGutterWidth() {
    // In a right-to-left layout the viewport's leading margin is on the right; Qt mirrors it for us.
    setViewportMargins(gutterWidth(), 0, 0, 0);
    const QRect area = contentsRect();
    m_gutter->setGeometry(QStyle::visualRect(layoutDirection(), area,
                                             QRect(area.left(), area.top(), gutterWidth(), area.height())));
}

void SqlEditor::updateGutter(const QRect& rect, int dy) {
    if (dy != 0)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateGutterWidth();
    if (!m_selected.isEmpty())
        showSelectedInView(); // scrolled: the pieces now in view (nothing when the view is the same)
}

void SqlEditor::resizeEvent(QResizeEvent* event) {
    QPlainTextEdit::resizeEvent(event);
    updateGutterWidth();
}

void SqlEditor::changeEvent(QEvent* event) {
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->usePalette(palette()); // a theme switched while the editor is open
        m_gutter->update();
    } else if (event->type() == QEvent::FontChange) {
        updateGutterWidth();
    }
}

void SqlEditor::paintGutter(QWidget* gutter, QPaintEvent* event) {
    QPainter painter(gutter);
    const QPalette& p = palette();
    // A shade between the text area and the window: set apart from the text, calm in both themes.
    painter.fillRect(event->rect(), p.color(QPalette::AlternateBase));
    const QColor number = p.color(QPalette::PlaceholderText);
    const QColor current = p.color(QPalette::Text);
    const int currentBlock = textCursor().blockNumber();
    const int width = gutter->width() - kGutterPadding;
    const int lineHeight = fontMetrics().height();

    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            painter.setPen(block.blockNumber() == currentBlock ? current : number);
            painter.drawText(0, top, width, lineHeight, Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(block.blockNumber() + 1));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

QTextCursor SqlEditor::lineSelection() const {
    const QTextCursor c = textCursor();
    qsizetype end = c.selectionEnd();
    // A selection ending at the very start of a line does not take that line in.
    if (c.hasSelection() && end > c.selectionStart() && document()->findBlock(end).position() == end)
        --end;
    QTextCursor lines(document());
    lines.setPosition(document()->findBlock(c.selectionStart()).position());
    const QTextBlock last = document()->findBlock(end);
    lines.setPosition(last.position() + last.length() - 1, QTextCursor::KeepAnchor);
    return lines;
}

void SqlEditor::toggleComment() {
    QTextCursor lines = lineSelection();
    const QTextBlock first = document()->findBlock(lines.selectionStart());
    const QTextBlock last = document()->findBlock(lines.selectionEnd());
    bool allCommented = true;
    bool anyText = false;
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        const QString t = b.text().trimmed();
        if (!t.isEmpty()) {
            anyText = true;
            allCommented = allCommented && t.startsWith(QLatin1String("--"));
        }
        if (b == last)
            break;
    }
    const bool uncomment = anyText && allCommented;
    QTextCursor edit(document());
    edit.beginEditBlock();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        const QString t = b.text();
        qsizetype indent = 0;
        while (indent < t.size() && t[indent].isSpace())
            ++indent;
        if (uncomment) {
            if (indent < t.size()) { // "-- " or "--"
                const qsizetype n = t.mid(indent, 3) == QLatin1String("-- ") ? 3 : 2;
                edit.setPosition(b.position() + indent);
                edit.setPosition(b.position() + indent + n, QTextCursor::KeepAnchor);
                edit.removeSelectedText();
            }
        } else if (!t.trimmed().isEmpty() || first == last) {
            edit.setPosition(b.position());
            edit.insertText(QStringLiteral("-- "));
        }
        if (b == last)
            break;
    }
    edit.endEditBlock();
}

void SqlEditor::indentLines(bool outdent) {
    const QTextCursor lines = lineSelection();
    const QTextBlock first = document()->findBlock(lines.selectionStart());
    const QTextBlock last = document()->findBlock(lines.selectionEnd());
    QTextCursor edit(document());
    edit.beginEditBlock();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        const QString t = b.text();
        if (outdent) {
            int n = 0;
            while (n < kIndent && n < t.size() && t[n] == QLatin1Char(' '))
                ++n;
            if (n == 0 && !t.isEmpty() && t[0] == QLatin1Char('\t'))
                n = 1;
            edit.setPosition(b.position());
            edit.setPosition(b.position() + n, QTextCursor::KeepAnchor);
            edit.removeSelectedText();
        } else if (!t.isEmpty()) {
            edit.setPosition(b.position());
            edit.insertText(QString(kIndent, QLatin1Char(' ')));
        }
        if (b == last)
            break;
    }
    edit.endEditBlock();
    // Keep the lines selected, so that Tab can be pressed again.
    QTextCursor c(document());
    c.setPosition(first.position());
    c.setPosition(last.position() + last.length() - 1, QTextCursor::KeepAnchor);
    setTextCursor(c);
}

void SqlEditor::goToLine(int line) {
    const QTextBlock b = document()->findBlockByNumber(std::clamp(line, 1, blockCount()) - 1);
    QTextCursor c(b);
    setTextCursor(c);
    centerCursor();
}

void SqlEditor::formatSql() {
    if (isFormatting())
        return;
    QTextCursor c = textCursor();
    const bool selection = c.hasSelection();
    if (!selection)
        c.select(QTextCursor::Document);
    // selectedText() keeps no-break spaces (toPlainText() would make them spaces, which changes meaning).
    const QString text = c.selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    const int start = c.selectionStart();
    if (text.size() <= kFormatInPlaceChars) {
        putFormatted(start, text, core::formatSql(text), selection);
        return;
    }
    // Read-only while it runs, so the text it replaces is still the text it formatted.
    setReadOnly(true);
    viewport()->setCursor(Qt::BusyCursor);
    const int revision = document()->revision();
    auto finish = [this] {
        setReadOnly(false);
        viewport()->setCursor(Qt::IBeamCursor);
        emit formattingChanged(false);
    };
    m_formatJob->start([text](const std::shared_ptr<core::CancelToken>&) { return core::formatSql(text); },
                       [this, start, text, selection, revision, finish](const QString& formatted) {
                           finish();
                           if (document()->revision() == revision)
                               putFormatted(start, text, formatted, selection);
                       },
                       [finish](const BackgroundFailure&) { finish(); });
    emit formattingChanged(true);
}

bool SqlEditor::isFormatting() const {
    return m_formatJob->isRunning();
}

void SqlEditor::putFormatted(int start, const QString& before, const QString& after, bool select) {
    if (after == before)
        return;
    // Only the middle that differs is replaced: less for the highlighter and the layout to redo, and the
    // view stays where it was.
    qsizetype head = 0;
    const qsizetype shortest = std::min(before.size(), after.size());
    while (head < shortest && before[head] == after[head])
        ++head;
    qsizetype tail = 0;
    while (tail < shortest - head && before[before.size() - 1 - tail] == after[after.size() - 1 - tail])
        ++tail;
    // Never split a surrogate pair.
    if (head > 0 && before[head - 1].isHighSurrogate())
        --head;
    if (tail > 0 && before[before.size() - tail].isLowSurrogate())
        --tail;
    QTextCursor c(document());
    c.setPosition(start + int(head));
    c.setPosition(start + int(before.size() - tail), QTextCursor::KeepAnchor);
    c.beginEditBlock();
    c.insertText(after.mid(head, after.size() - head - tail));
    c.endEditBlock();
    if (select) {
        c.setPosition(start);
        c.setPosition(start + int(after.size()), QTextCursor::KeepAnchor);
        setTextCursor(c);
    }
}

bool SqlEditor::event(QEvent* event) {
    // Esc, Enter, Tab and the arrows belong to an open completion popup, not to the window's shortcuts
    // (Esc would cancel the run).
    if (event->type() == QEvent::ShortcutOverride && m_completer &&
        m_completer->wantsKey(static_cast<QKeyEvent*>(event))) {
        event->accept();
        return true;
    }
    // Esc with several carets goes back to one.
    if (event->type() == QEvent::ShortcutOverride && !m_carets.isEmpty() &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
        event->accept();
        return true;
    }
    // In vim mode its keys (Esc while there is something to end, Ctrl+R, Ctrl+V …) are the editor's.
    if (event->type() == QEvent::ShortcutOverride && m_vim &&
        vimWantsShortcut(static_cast<QKeyEvent*>(event))) {
        event->accept();
        return true;
    }
    return QPlainTextEdit::event(event);
}

void SqlEditor::focusOutEvent(QFocusEvent* event) {
    if (m_completer)
        m_completer->hidePopup();
    QPlainTextEdit::focusOutEvent(event);
}

void SqlEditor::deferHighlighting() {
    m_highlighter->beginDeferring(firstVisibleBlock().blockNumber(),
                                  cursorForPosition(QPoint(0, viewport()->height())).blockNumber());
}

// Undo and redo with the lines out of view coloured afterwards, from the event loop: undoing a key typed
// into a 10,000-line column changes them all (62 ms a key with them coloured at once).
void SqlEditor::undoOrRedo(bool redo) {
    int from = -1, to = -1;
    const auto watch =
        connect(document(), &QTextDocument::contentsChange, this, [&](int position, int, int added) {
            from = from < 0 ? position : std::min(from, position);
            to = std::max(to, position + added);
        });
    deferHighlighting();
    if (redo)
        QPlainTextEdit::redo();
    else
        QPlainTextEdit::undo();
    disconnect(watch);
    const auto lineOf = [this](int position) { return document()->findBlock(position).blockNumber(); };
    if (from < 0)
        m_highlighter->endDeferring(0, -1); // nothing was changed
    else
        m_highlighter->endDeferring(lineOf(from), lineOf(to));
}

void SqlEditor::keyPressEvent(QKeyEvent* event) {
    if (m_vim && vimKey(event))
        return;
    if (!m_vim && (caretCommandKey(event) || caretKey(event)))
        return;
    if (!isReadOnly() && (event == QKeySequence::Undo || event == QKeySequence::Redo)) {
        undoOrRedo(event == QKeySequence::Redo);
        return;
    }
    if (m_completer && m_completer->keyBefore(event))
        return;
    if (snippetKey(event))
        return;
    // Tab / Shift+Tab on a selection of lines indent and unindent them rather than replace them.
    const bool multiLine =
        textCursor().hasSelection() && textCursor().selectedText().contains(QChar::ParagraphSeparator);
    if (event->key() == Qt::Key_Tab && event->modifiers() == Qt::NoModifier && multiLine) {
        indentLines(false);
        return;
    }
    if (event->key() == Qt::Key_Backtab) {
        indentLines(true);
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
    if (m_completer)
        m_completer->keyAfter(event);
}

} // namespace pgdesk::ui
