// SPDX-License-Identifier: GPL-3.0-or-later
// SqlEditor's line and selection commands (sqleditor.h): each one undo step.
#include "query/sqleditor.h"

#include <pgdesk/core/sqltext/selectionexpand.h>

#include <QTextBlock>
#include <QTextDocument>

namespace pgdesk::ui {

namespace {

// The first and last blocks the selection touches (a selection ending at a line's start leaves it out).
std::pair<QTextBlock, QTextBlock> selectedBlocks(const QTextCursor& c) {
    const QTextDocument* doc = c.document();
    QTextBlock first = doc->findBlock(c.selectionStart());
    QTextBlock last = doc->findBlock(c.selectionEnd());
    if (c.hasSelection() && last != first && c.selectionEnd() == last.position())
        last = last.previous();
    return {first, last};
}

QString blocksText(QTextBlock first, const QTextBlock& last) {
    QStringList lines;
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        lines << b.text();
        if (b == last)
            break;
    }
    return lines.join(u'\n');
}

} // namespace

void SqlEditor::expandSelection() {
    if (m_column) { // Shift+Alt+Right in a column selection widens it
        extendColumns(0, 1);
        return;
    }
    QTextCursor c = textCursor();
    const std::pair<int, int> now{c.selectionStart(), c.selectionEnd()};
    if (now != m_expandedTo)
        m_expansions.clear(); // the user made another selection since
    const auto [start, end] = core::expandSelection(toPlainText(), now.first, now.second);
    if (start == now.first && end == now.second)
        return;
    m_expansions << now;
    m_expandedTo = {int(start), int(end)};
    c.setPosition(int(start));
    c.setPosition(int(end), QTextCursor::KeepAnchor);
    setTextCursor(c);
}

void SqlEditor::shrinkSelection() {
    if (m_column) {
        extendColumns(0, -1);
        return;
    }
    QTextCursor c = textCursor();
    if (m_expansions.isEmpty() || std::pair<int, int>{c.selectionStart(), c.selectionEnd()} != m_expandedTo)
        return;
    m_expandedTo = m_expansions.takeLast();
    c.setPosition(m_expandedTo.first);
    c.setPosition(m_expandedTo.second, QTextCursor::KeepAnchor);
    setTextCursor(c);
}

void SqlEditor::moveLines(bool up) {
    QTextCursor c = textCursor();
    const auto [first, last] = selectedBlocks(c);
    const QTextBlock other = up ? first.previous() : last.next();
    if (!other.isValid())
        return;
    const QString lines = blocksText(first, last);
    const int anchor = c.anchor(), position = c.position();
    const int shift = up ? -(other.length()) : other.length(); // length() counts the line break
    QTextCursor edit(document());
    edit.beginEditBlock();
    const int from = up ? other.position() : first.position();
    const int to = up ? last.position() + last.length() - 1 : other.position() + other.length() - 1;
    edit.setPosition(from);
    edit.setPosition(to, QTextCursor::KeepAnchor);
    edit.insertText(up ? lines + u'\n' + other.text() : other.text() + u'\n' + lines);
    edit.endEditBlock();
    c.setPosition(anchor + shift);
    c.setPosition(position + shift, QTextCursor::KeepAnchor);
    setTextCursor(c);
}

void SqlEditor::copyLines(bool up) {
    QTextCursor c = textCursor();
    const auto [first, last] = selectedBlocks(c);
    const QString lines = blocksText(first, last);
    const int anchor = c.anchor(), position = c.position();
    QTextCursor edit(document());
    edit.beginEditBlock();
    edit.setPosition(last.position() + last.length() - 1);
    edit.insertText(u'\n' + lines);
    edit.endEditBlock();
    // Down: on the copy (below); up: on the lines above, which are the originals' place.
    const int shift = up ? 0 : int(lines.size()) + 1;
    c.setPosition(anchor + shift);
    c.setPosition(position + shift, QTextCursor::KeepAnchor);
    setTextCursor(c);
}

} // namespace pgdesk::ui
