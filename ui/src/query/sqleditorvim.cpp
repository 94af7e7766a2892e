// SPDX-License-Identifier: GPL-3.0-or-later
// The SQL editor's vim mode: its document as a core::VimBuffer, keys named as vim names them, and
// SqlEditor's side of it (keys first to the engine, block cursor, status).
#include "query/sqleditorvim.h"

#include "query/sqlcompleter.h"
#include "query/sqleditor.h"

#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextDocument>

namespace pgdesk::ui {

using core::VimPos;
using core::VimSelection;

EditorVimBuffer::EditorVimBuffer(SqlEditor* editor)
    : m_editor(editor) {
    // Text changed by other means (new text put in, undo from the menu) moves the editor's cursor: the place
    // kept here stands for it no more.
    m_changes = QObject::connect(editor->document(), &QTextDocument::contentsChange, editor, [this] {
        if (!m_replacing)
            m_shownPosition = m_shownAnchor = -1;
    });
}

EditorVimBuffer::~EditorVimBuffer() {
    QObject::disconnect(m_changes);
}

int EditorVimBuffer::lineCount() const {
    return m_editor->document()->blockCount();
}

QString EditorVimBuffer::line(int n) const {
    return m_editor->document()->findBlockByNumber(n).text();
}

int EditorVimBuffer::position(VimPos at) const {
    const QTextDocument* document = m_editor->document();
    const QTextBlock block = document->findBlockByNumber(std::clamp(at.line, 0, document->blockCount() - 1));
    return block.position() + std::clamp(at.col, 0, block.length() - 1);
}

VimPos EditorVimBuffer::place(int position) const {
    const QTextBlock block = m_editor->document()->findBlock(position);
    return {block.blockNumber(), position - block.position()};
}

void EditorVimBuffer::replace(VimPos from, VimPos to, const QString& text) {
    QTextCursor cursor(m_editor->document());
    cursor.setPosition(position(from));
    cursor.setPosition(position(to), QTextCursor::KeepAnchor);
    m_replacing = true;
    if (m_depth == 0) {
        cursor.insertText(text);
        m_replacing = false;
        return;
    }
    // Every edit of one change joins the first one's edit block: one undo step.
    if (m_firstEdit) {
        cursor.beginEditBlock();
        m_firstEdit = false;
    } else {
        cursor.joinPreviousEditBlock();
    }
    cursor.insertText(text);
    cursor.endEditBlock();
    m_replacing = false;
}

VimPos EditorVimBuffer::cursor() const {
    const QTextCursor shown = m_editor->textCursor();
    if (shown.position() == m_shownPosition && shown.anchor() == m_shownAnchor)
        return m_cursor;
    return place(shown.position());
}

void EditorVimBuffer::setCursor(VimPos at) {
    m_cursor = at;
    show();
}

void EditorVimBuffer::setSelection(const VimSelection& selection) {
    m_cursor = selection.kind == VimSelection::Kind::None ? cursor() : selection.cursor;
    m_selection = selection;
    show();
}

void EditorVimBuffer::show() {
    QTextCursor cursor(m_editor->document());
    QList<std::pair<int, int>> block; // a block's piece of each line
    const VimPos first = std::min(m_selection.anchor, m_selection.cursor);
    const VimPos last = std::max(m_selection.anchor, m_selection.cursor);
    switch (m_selection.kind) {
    case VimSelection::Kind::None:
        cursor.setPosition(position(m_cursor));
        break;
    case VimSelection::Kind::Chars: {
        // Vim's selection holds the character under the cursor: drawn one further on.
        const bool forward = m_selection.anchor <= m_selection.cursor;
        const int end = std::min(position(last) + 1, m_editor->document()->characterCount() - 1);
        cursor.setPosition(forward ? position(first) : end);
        cursor.setPosition(forward ? end : position(first), QTextCursor::KeepAnchor);
        break;
    }
    case VimSelection::Kind::Lines: {
        const QTextDocument* document = m_editor->document();
        const QTextBlock top = document->findBlockByNumber(first.line);
        const QTextBlock bottom = document->findBlockByNumber(last.line);
        const bool down = m_selection.anchor.line <= m_selection.cursor.line;
        const int start = top.position(), end = bottom.position() + bottom.length() - 1;
        cursor.setPosition(down ? start : end);
        cursor.setPosition(down ? end : start, QTextCursor::KeepAnchor);
        break;
    }
    case VimSelection::Kind::Block: {
        const int left = std::min(m_selection.anchor.col, m_selection.cursor.col);
        const int right = std::max(m_selection.anchor.col, m_selection.cursor.col);
        for (int line = first.line; line <= last.line; ++line) {
            const QTextBlock text = m_editor->document()->findBlockByNumber(line);
            const int length = text.length() - 1;
            const int from = std::min(left, length);
            const int to = m_selection.toLineEnd ? length : std::min(length, right + 1);
            if (from < to)
                block.emplaceBack(text.position() + from, text.position() + to);
        }
        cursor.setPosition(position(m_cursor));
        break;
    }
    }
    m_editor->showSelected(std::move(block));
    m_editor->setTextCursor(cursor);
    m_shownPosition = cursor.position();
    m_shownAnchor = cursor.anchor();
}

void EditorVimBuffer::beginChange() {
    if (m_depth++ == 0)
        m_firstEdit = true;
}

void EditorVimBuffer::endChange() {
    if (m_depth > 0)
        --m_depth;
}

std::optional<VimPos> EditorVimBuffer::undo() {
    return undoOrRedo(true);
}

std::optional<VimPos> EditorVimBuffer::redo() {
    return undoOrRedo(false);
}

std::optional<VimPos> EditorVimBuffer::undoOrRedo(bool undo) {
    QTextDocument* document = m_editor->document();
    if (undo ? !document->isUndoAvailable() : !document->isRedoAvailable())
        return std::nullopt;
    // Vim puts the cursor where the change began; the document leaves its cursor where the change ends.
    int first = -1;
    const auto watch = QObject::connect(
        document, &QTextDocument::contentsChange, document,
        [&first](int position, int, int) { first = first < 0 ? position : std::min(first, position); });
    QTextCursor cursor = m_editor->textCursor();
    if (undo)
        document->undo(&cursor);
    else
        document->redo(&cursor);
    QObject::disconnect(watch);
    return place(first >= 0 ? first : cursor.position());
}

QString vimKeyName(const QKeyEvent* event) {
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier);
    const int key = event->key();
    if (modifiers == Qt::NoModifier) {
        switch (key) {
        case Qt::Key_Escape:
            return QStringLiteral("<Esc>");
        case Qt::Key_Return:
        case Qt::Key_Enter:
            return QStringLiteral("<CR>");
        case Qt::Key_Backspace:
            return QStringLiteral("<BS>");
        case Qt::Key_Delete:
            return QStringLiteral("<Del>");
        case Qt::Key_Tab:
            return QStringLiteral("<Tab>");
        case Qt::Key_Left:
            return QStringLiteral("<Left>");
        case Qt::Key_Right:
            return QStringLiteral("<Right>");
        case Qt::Key_Up:
            return QStringLiteral("<Up>");
        case Qt::Key_Down:
            return QStringLiteral("<Down>");
        case Qt::Key_Home:
            return QStringLiteral("<Home>");
        case Qt::Key_End:
            return QStringLiteral("<End>");
        default:
            break;
        }
        const QString text = event->text();
        return text.size() == 1 && text[0].isPrint() ? text : QString();
    }
    if (modifiers == Qt::ControlModifier) {
        if (key >= Qt::Key_A && key <= Qt::Key_Z)
            return QStringLiteral("<C-%1>").arg(QChar(u'a' + (key - Qt::Key_A)));
        if (key == Qt::Key_BracketLeft)
            return QStringLiteral("<Esc>");
    }
    return {};
}

void SqlEditor::setVimMode(bool on) {
    if (on == isVimMode())
        return;
    if (on) {
        m_vimBuffer = std::make_unique<EditorVimBuffer>(this);
        m_vimBuffer->setSaveHandler([this] { return m_save && m_save(); });
        m_vim = std::make_unique<core::VimEngine>(*m_vimBuffer);
        m_vim->setShiftWidth(4);
    } else {
        m_vim.reset();
        m_vimBuffer.reset();
        showSelected({});
    }
    setOverwriteMode(on); // vim's normal mode: a block cursor
    emit vimModeChanged(on);
    emit vimStatusChanged(on ? m_vim->statusText() : QString());
}

core::VimEngine* SqlEditor::vim() const {
    return m_vim.get();
}

bool SqlEditor::vimWantsShortcut(const QKeyEvent* event) const {
    const QString key = vimKeyName(event);
    if (key.isEmpty() || isReadOnly())
        return false;
    if (key == u"<Esc>") // nothing to end: Esc is the window's (it cancels a run)
        return !m_vim->isIdle();
    if (m_vim->mode() == core::VimEngine::Mode::Insert || m_vim->mode() == core::VimEngine::Mode::Replace)
        return key == u"<C-w>" || key == u"<C-u>" || !key.startsWith(u"<C-");
    return key == u"<C-r>" || key == u"<C-v>" || key == u"<C-a>" || key == u"<C-x>" ||
           !key.startsWith(u"<C-");
}

bool SqlEditor::vimKey(QKeyEvent* event) {
    if (m_completer && m_completer->keyBefore(event))
        return true;
    const QString key = vimKeyName(event);
    // While a run holds the editor read-only its keys go nowhere, as the plain editor's do.
    if (key.isEmpty() || isReadOnly())
        return false;
    if (!m_vim->feed(key))
        return false;
    const bool inserting = m_vim->mode() == core::VimEngine::Mode::Insert;
    setOverwriteMode(!inserting);
    ensureCursorVisible();
    emit vimStatusChanged(m_vim->statusText());
    if (inserting && m_completer)
        m_completer->keyAfter(event);
    return true;
}

} // namespace pgdesk::ui
