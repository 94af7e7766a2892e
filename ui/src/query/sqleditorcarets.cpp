// SPDX-License-Identifier: GPL-3.0-or-later
// The SQL editor's several carets: one more above or below (Ctrl+Alt+Up/Down), where Ctrl+click puts one,
// at the next occurrence of the selection (Ctrl+D); a column selection (Alt+drag, Shift+Alt+arrows)
// is a caret with its piece of each line. Typing, deleting, pasting and moving then act at every caret,
// each key one undo step; Esc or a plain click goes back to one caret.
#include "query/sqleditor.h"

#include "common/sqlhighlighter.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTextBlock>

#include <algorithm>

namespace pgdesk::ui {

// Extra carets are plain positions, not QTextCursors: the document moves every cursor it knows at each
// edit, which at 10,000 carets made each key cost 10,000 x 10,000 moves.
QTextCursor SqlEditor::cursorOf(const Caret& caret) const {
    QTextCursor c(document());
    c.setPosition(caret.anchor);
    c.setPosition(caret.position, QTextCursor::KeepAnchor);
    return c;
}

QList<QTextCursor> SqlEditor::carets() const {
    QList<QTextCursor> all{textCursor()};
    for (const Caret& caret : m_carets)
        all << cursorOf(caret);
    std::sort(all.begin(), all.end(),
              [](const QTextCursor& a, const QTextCursor& b) { return a.position() < b.position(); });
    return all;
}

void SqlEditor::clearCarets() {
    if (m_carets.isEmpty() && !m_column)
        return;
    m_carets.clear();
    m_column = false;
    showCarets();
}

// Carets that came to the same place (a deletion joined them) are one.
void SqlEditor::mergeCarets() {
    const int main = textCursor().position();
    std::sort(m_carets.begin(), m_carets.end(),
              [](const Caret& a, const Caret& b) { return a.position < b.position; });
    QList<Caret> kept;
    for (const Caret& c : std::as_const(m_carets))
        if (c.position != main && (kept.isEmpty() || kept.last().position != c.position))
            kept << c;
    m_carets = kept;
}

void SqlEditor::showCarets() {
    if (m_vim)
        return; // vim draws its own selection
    QList<std::pair<int, int>> selected;
    for (const Caret& c : std::as_const(m_carets))
        if (c.anchor != c.position)
            selected.emplaceBack(c.anchor, c.position);
    showSelected(std::move(selected));
}

void SqlEditor::showSelected(QList<std::pair<int, int>> ranges) {
    m_selected = std::move(ranges);
    m_selectedView = {-1, -1};
    showSelectedInView();
}

void SqlEditor::showSelectedInView() {
    const std::pair<int, int> view = positionsInView();
    if (view == m_selectedView)
        return;
    m_selectedView = view;
    QList<QTextEdit::ExtraSelection> shown;
    QTextCharFormat format;
    format.setBackground(palette().highlight());
    format.setForeground(palette().highlightedText());
    for (const auto& [anchor, position] : std::as_const(m_selected))
        if (std::max(anchor, position) >= view.first && std::min(anchor, position) <= view.second)
            shown << QTextEdit::ExtraSelection{cursorOf(Caret{anchor, position}), format};
    setExtraSelections(shown);
    viewport()->update();
}

std::pair<int, int> SqlEditor::positionsInView() const {
    const QTextBlock bottom = cursorForPosition(QPoint(0, viewport()->height())).block();
    return {firstVisibleBlock().position(), bottom.position() + bottom.length()};
}

void SqlEditor::addCaretVertically(bool down) {
    int from = textCursor().position();
    for (const Caret& c : std::as_const(m_carets))
        from = down ? std::max(from, c.position) : std::min(from, c.position);
    const int column = textCursor().positionInBlock();
    const QTextBlock block = document()->findBlock(from);
    const QTextBlock next = down ? block.next() : block.previous();
    if (!next.isValid())
        return;
    const int at = next.position() + std::min(column, next.length() - 1);
    m_carets << Caret{at, at};
    mergeCarets();
    showCarets();
}

void SqlEditor::toggleCaretAt(int position) {
    for (qsizetype i = 0; i < m_carets.size(); ++i)
        if (m_carets[i].position == position) {
            m_carets.removeAt(i);
            showCarets();
            return;
        }
    if (textCursor().position() == position && !m_carets.isEmpty()) {
        // The main caret clicked: another one becomes the main one.
        setTextCursor(cursorOf(m_carets.takeLast()));
        showCarets();
        return;
    }
    const QTextCursor main = textCursor();
    m_carets << Caret{main.anchor(), main.position()};
    QTextCursor added(document());
    added.setPosition(position);
    setTextCursor(added);
    mergeCarets();
    showCarets();
}

void SqlEditor::selectNextOccurrence() {
    QTextCursor main = textCursor();
    if (!main.hasSelection()) { // first the word at the caret
        main.select(QTextCursor::WordUnderCursor);
        setTextCursor(main);
        showCarets();
        return;
    }
    const QString text = main.selectedText();
    int after = main.selectionEnd();
    for (const Caret& c : std::as_const(m_carets))
        after = std::max({after, c.anchor, c.position});
    QTextCursor found = document()->find(text, after, QTextDocument::FindCaseSensitively);
    if (found.isNull()) // from the top again
        found = document()->find(text, 0, QTextDocument::FindCaseSensitively);
    if (found.isNull())
        return;
    const auto taken = [&](int anchor, int position) {
        return std::min(anchor, position) == found.selectionStart();
    };
    if (taken(main.anchor(), main.position()) ||
        std::any_of(m_carets.begin(), m_carets.end(),
                    [&](const Caret& c) { return taken(c.anchor, c.position); }))
        return; // every occurrence has its caret
    m_carets << Caret{main.anchor(), main.position()};
    setTextCursor(found);
    ensureCursorVisible();
    showCarets();
}

// Columns count characters: the editor's font is fixed, and the column may lie past a line's end.
int SqlEditor::columnAt(const QPoint& point) const {
    const qreal advance = fontMetrics().horizontalAdvance(QLatin1Char(' '));
    const qreal x = point.x() - contentOffset().x() - document()->documentMargin();
    return std::max(0, int(x / advance + 0.5));
}

void SqlEditor::selectColumns(QPoint anchor, QPoint head) {
    // x: the column, y: the line.
    m_column = true;
    m_columnAnchor = anchor;
    m_columnHead = head;
    m_carets.clear();
    QTextCursor main(document());
    const int first = std::min(anchor.y(), head.y()), last = std::max(anchor.y(), head.y());
    QTextBlock block = document()->findBlockByNumber(first);
    for (int line = first; line <= last && block.isValid(); ++line, block = block.next()) {
        const int length = block.length() - 1;
        const Caret c{block.position() + std::min(anchor.x(), length),
                      block.position() + std::min(head.x(), length)};
        if (line == head.y()) {
            main.setPosition(c.anchor);
            main.setPosition(c.position, QTextCursor::KeepAnchor);
        } else {
            m_carets << c;
        }
    }
    setTextCursor(main);
    showCarets();
}

void SqlEditor::extendColumns(int lines, int columns) {
    const QTextCursor main = textCursor();
    if (!m_column) {
        const QPoint at(main.positionInBlock(), main.blockNumber());
        m_columnAnchor = at;
        m_columnHead = at;
    }
    const QPoint head(std::max(0, m_columnHead.x() + columns),
                      std::clamp(m_columnHead.y() + lines, 0, blockCount() - 1));
    selectColumns(m_columnAnchor, head);
}

template <class Edit> void SqlEditor::atEveryCaret(Edit edit) {
    const QTextCursor mainCursor = textCursor();
    QList<Caret> all = m_carets;
    all << Caret{mainCursor.anchor(), mainCursor.position()};
    const Caret main = all.last();
    std::sort(all.begin(), all.end(), [](const Caret& a, const Caret& b) { return a.position < b.position; });
    const qsizetype mainIndex =
        std::distance(all.begin(), std::find_if(all.begin(), all.end(), [&](const Caret& c) {
                          return c.position == main.position && c.anchor == main.anchor;
                      }));
    setExtraSelections({}); // their cursors would be moved at every edit too
    // Bottom up: an edit moves nothing above it, so each caret is where it was; what the edits above did to
    // the ones below is added afterwards. One undo step: carets close together (a column) share one edit
    // block, whose one change the layout takes lazily; far apart, each edit is a block of its own joined to
    // the first, as one block over all would lay out and highlight everything between them again.
    const int span = document()->findBlock(all.last().position).blockNumber() -
                     document()->findBlock(all.first().position).blockNumber() + 1;
    const bool dense = span <= 2 * all.size();
    QTextCursor outer(document());
    if (dense) {
        outer.beginEditBlock();
        // The lines in view are coloured at once, the others after the key (a column of 10,000 lines).
        deferHighlighting();
    }
    m_editingCarets = true;
    QList<int> grown(all.size(), 0);
    QTextCursor c(document()); // one, moved: a cursor made and dropped per caret costs the document too
    // What each edit added: the document's end moves by it. (characterCount() walks the document's tree
    // each time: twice a caret was 2 ms of a key typed into a 10,000-line column.)
    QTextCursor end(document());
    end.setPosition(document()->characterCount() - 1); // (movePosition() would lay out a line)
    for (qsizetype i = all.size() - 1; i >= 0; --i) {
        c.setPosition(all[i].anchor);
        if (all[i].position != all[i].anchor)
            c.setPosition(all[i].position, QTextCursor::KeepAnchor);
        const int before = end.position();
        if (!dense) {
            if (i == all.size() - 1)
                c.beginEditBlock();
            else
                c.joinPreviousEditBlock();
        }
        edit(c, i);
        if (!dense)
            c.endEditBlock();
        grown[i] = end.position() - before;
        all[i] = Caret{c.anchor(), c.position()};
    }
    if (dense)
        outer.endEditBlock();
    m_editingCarets = false;
    int shift = 0;
    m_carets.clear();
    Caret newMain;
    for (qsizetype i = 0; i < all.size(); ++i) {
        all[i] = Caret{all[i].anchor + shift, all[i].position + shift};
        shift += grown[i];
        if (i == mainIndex)
            newMain = all[i];
        else
            m_carets << all[i];
    }
    if (dense) {
        const auto lineOf = [this](int position) { return document()->findBlock(position).blockNumber(); };
        m_highlighter->endDeferring(lineOf(std::min(all.first().anchor, all.first().position)),
                                    lineOf(std::max(all.last().anchor, all.last().position)));
    }
    setTextCursor(cursorOf(newMain));
    m_column = false;
    mergeCarets();
    showCarets();
}

bool SqlEditor::caretKey(QKeyEvent* event) {
    if (m_carets.isEmpty())
        return false;
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const bool shift = modifiers & Qt::ShiftModifier;
    const bool word = modifiers & Qt::ControlModifier;
    const auto move = [&](QTextCursor::MoveOperation op) {
        atEveryCaret([&](QTextCursor& c, qsizetype) {
            c.movePosition(op, shift ? QTextCursor::KeepAnchor : QTextCursor::MoveAnchor);
        });
    };
    if (event == QKeySequence::Paste) {
        const QString text = QGuiApplication::clipboard()->text();
        QStringList lines = text.split(u'\n');
        if (lines.size() > 1 && lines.last().isEmpty())
            lines.removeLast();
        // As many lines as carets: one each, top down; else the whole text at each.
        const bool spread = lines.size() == m_carets.size() + 1;
        atEveryCaret([&](QTextCursor& c, qsizetype i) { c.insertText(spread ? lines[i] : text); });
        return true;
    }
    if (event == QKeySequence::Copy || event == QKeySequence::Cut) {
        QList<Caret> all = m_carets; // positions: a cursor each at once would slow later edits (showSelected)
        all << Caret{textCursor().anchor(), textCursor().position()};
        std::sort(all.begin(), all.end(),
                  [](const Caret& a, const Caret& b) { return a.position < b.position; });
        QStringList pieces;
        for (const Caret& c : std::as_const(all))
            pieces << cursorOf(c).selectedText().replace(QChar::ParagraphSeparator, u'\n');
        QGuiApplication::clipboard()->setText(pieces.join(u'\n'));
        if (event == QKeySequence::Cut)
            atEveryCaret([](QTextCursor& c, qsizetype) { c.removeSelectedText(); });
        return true;
    }
    switch (event->key()) {
    case Qt::Key_Escape:
        clearCarets();
        return true;
    case Qt::Key_Backspace:
        atEveryCaret([&](QTextCursor& c, qsizetype) {
            if (c.hasSelection())
                c.removeSelectedText();
            else
                c.deletePreviousChar();
        });
        return true;
    case Qt::Key_Delete:
        atEveryCaret([&](QTextCursor& c, qsizetype) {
            if (c.hasSelection())
                c.removeSelectedText();
            else
                c.deleteChar();
        });
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (modifiers & ~Qt::ShiftModifier)
            break; // Ctrl+Enter runs
        atEveryCaret([](QTextCursor& c, qsizetype) { c.insertText(QStringLiteral("\n")); });
        return true;
    case Qt::Key_Tab:
        atEveryCaret([](QTextCursor& c, qsizetype) { c.insertText(QStringLiteral("    ")); });
        return true;
    case Qt::Key_Left:
        if (modifiers & Qt::AltModifier)
            break;
        move(word ? QTextCursor::PreviousWord : QTextCursor::Left);
        return true;
    case Qt::Key_Right:
        if (modifiers & Qt::AltModifier)
            break;
        move(word ? QTextCursor::NextWord : QTextCursor::Right);
        return true;
    case Qt::Key_Up:
    case Qt::Key_Down:
        if (modifiers & (Qt::AltModifier | Qt::ControlModifier))
            break;
        move(event->key() == Qt::Key_Up ? QTextCursor::Up : QTextCursor::Down);
        return true;
    case Qt::Key_Home:
        move(QTextCursor::StartOfBlock);
        return true;
    case Qt::Key_End:
        move(QTextCursor::EndOfBlock);
        return true;
    default:
        break;
    }
    const QString text = event->text();
    if (!text.isEmpty() && text[0].isPrint() &&
        !(modifiers & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))) {
        // The main caret's format for all (a plain text editor has one): not looked up 10,000 times.
        QTextCharFormat format = textCursor().charFormat();
        format.clearProperty(QTextFormat::ObjectType);
        atEveryCaret([&](QTextCursor& c, qsizetype) { c.insertText(text, format); });
        return true;
    }
    // Keys of the caret commands keep the carets; any other key works on the main caret alone.
    const bool caretCommand = (modifiers == (Qt::ControlModifier | Qt::AltModifier) &&
                               (event->key() == Qt::Key_Up || event->key() == Qt::Key_Down)) ||
                              (modifiers == Qt::ControlModifier && event->key() == Qt::Key_D) ||
                              (modifiers == (Qt::ShiftModifier | Qt::AltModifier));
    if (!caretCommand && event->key() != Qt::Key_Control && event->key() != Qt::Key_Shift &&
        event->key() != Qt::Key_Alt)
        clearCarets();
    return false;
}

// Ctrl+Alt+Up/Down, Ctrl+D, Shift+Alt+arrows; true when it was one of them.
bool SqlEditor::caretCommandKey(QKeyEvent* event) {
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const int key = event->key();
    if (modifiers == (Qt::ControlModifier | Qt::AltModifier) && (key == Qt::Key_Up || key == Qt::Key_Down)) {
        addCaretVertically(key == Qt::Key_Down);
        return true;
    }
    if (modifiers == Qt::ControlModifier && key == Qt::Key_D) {
        selectNextOccurrence();
        return true;
    }
    // Shift+Alt+Up/Down start or grow a column selection; Shift+Alt+Left/Right widen or narrow it (without
    // one they are Expand and Shrink selection, which hand over to extendColumns while it lasts).
    if (modifiers == (Qt::ShiftModifier | Qt::AltModifier)) {
        switch (key) {
        case Qt::Key_Up:
            extendColumns(-1, 0);
            return true;
        case Qt::Key_Down:
            extendColumns(1, 0);
            return true;
        case Qt::Key_Left:
            if (!m_column)
                return false;
            extendColumns(0, -1);
            return true;
        case Qt::Key_Right:
            if (!m_column)
                return false;
            extendColumns(0, 1);
            return true;
        default:
            break;
        }
    }
    return false;
}

void SqlEditor::mousePressEvent(QMouseEvent* event) {
    if (!m_vim && event->button() == Qt::LeftButton) {
        const QPoint point = event->position().toPoint();
        const Qt::KeyboardModifiers modifiers = event->modifiers();
        if (modifiers == Qt::AltModifier || modifiers == (Qt::AltModifier | Qt::ShiftModifier)) {
            const QPoint at(columnAt(point), cursorForPosition(point).blockNumber());
            m_columnDrag = true;
            selectColumns(at, at);
            event->accept();
            return;
        }
        if (modifiers == Qt::ControlModifier) {
            toggleCaretAt(cursorForPosition(point).position());
            event->accept();
            return;
        }
        clearCarets();
    }
    QPlainTextEdit::mousePressEvent(event);
}

void SqlEditor::mouseMoveEvent(QMouseEvent* event) {
    if (m_columnDrag) {
        const QPoint point = event->position().toPoint();
        const int line = std::clamp(cursorForPosition(point).blockNumber(), 0, blockCount() - 1);
        selectColumns(m_columnAnchor, QPoint(columnAt(point), line));
        event->accept();
        return;
    }
    QPlainTextEdit::mouseMoveEvent(event);
}

void SqlEditor::mouseReleaseEvent(QMouseEvent* event) {
    if (m_columnDrag) {
        m_columnDrag = false;
        event->accept();
        return;
    }
    QPlainTextEdit::mouseReleaseEvent(event);
}

void SqlEditor::paintEvent(QPaintEvent* event) {
    // Colours for the lines painted, the others keep none (SqlHighlighter::showLines). The layout's call
    // for a repaint is not needed: this is it, unless it paints only part of the view.
    const int first = firstVisibleBlock().blockNumber();
    const int last = first + viewport()->height() / std::max(1, fontMetrics().lineSpacing()) + 1;
    bool coloured = false;
    {
        const QSignalBlocker quiet(document()->documentLayout());
        coloured = m_highlighter->showLines(first, last);
    }
    if (coloured && event->rect() != viewport()->rect())
        viewport()->update();
    QPlainTextEdit::paintEvent(event);
    paintCarets();
}

void SqlEditor::paintCarets() {
    if (m_carets.isEmpty())
        return;
    // Only the carets in view: a 10,000-line column has most of its carets elsewhere.
    const auto [first, last] = positionsInView();
    QPainter painter(viewport());
    const int width = std::max(1, cursorWidth());
    for (const Caret& c : std::as_const(m_carets)) {
        if (c.position < first || c.position > last)
            continue;
        const QRect r = cursorRect(cursorOf(c));
        painter.fillRect(QRect(r.left(), r.top(), width, r.height()), palette().text());
    }
}

} // namespace pgdesk::ui
