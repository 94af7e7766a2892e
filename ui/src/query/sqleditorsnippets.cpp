// SPDX-License-Identifier: GPL-3.0-or-later
// SqlEditor's snippet stops (sqleditor.h): inserted, visited with Tab and Shift+Tab, mirrored, ended.
#include "query/sqleditor.h"

#include <QKeyEvent>
#include <QTextBlock>
#include <QTextDocument>

#include <algorithm>

namespace pgdesk::ui {

void SqlEditor::insertSnippet(const core::SnippetExpansion& inserted) {
    endSnippet();
    QTextCursor edit = textCursor();
    edit.beginEditBlock();
    edit.removeSelectedText();
    const int base = edit.position();
    // Its later lines start where the line it goes into starts (its indentation), the stops moved with them.
    const QString line = edit.block().text();
    qsizetype indentLength = 0;
    while (indentLength < line.size() && (line[indentLength] == u' ' || line[indentLength] == u'\t'))
        ++indentLength;
    const QString indent = line.left(std::min<qsizetype>(indentLength, edit.positionInBlock()));
    core::SnippetExpansion snippet = inserted;
    if (!indent.isEmpty()) {
        snippet.text.clear();
        QList<qsizetype> shift(inserted.text.size() + 1, 0); // where each character of the original went
        qsizetype added = 0;
        for (qsizetype i = 0; i < inserted.text.size(); ++i) {
            shift[i] = added;
            snippet.text += inserted.text[i];
            if (inserted.text[i] == u'\n') {
                snippet.text += indent;
                added += indent.size();
            }
        }
        shift[inserted.text.size()] = added;
        for (core::SnippetExpansion::Stop& s : snippet.stops) {
            const qsizetype end = s.start + s.length;
            s.start += shift[s.start];
            s.length = end + shift[end] - s.start;
        }
    }
    edit.insertText(snippet.text);
    edit.endEditBlock();
    for (const core::SnippetExpansion::Stop& s : snippet.stops) {
        SnippetStop stop;
        stop.number = s.number;
        stop.begin = QTextCursor(document());
        stop.begin.setPosition(base + int(s.start));
        stop.begin.setKeepPositionOnInsert(true);
        stop.end = QTextCursor(document());
        stop.end.setPosition(base + int(s.start + s.length));
        m_stops << stop;
    }
    goToStop(0);
}

void SqlEditor::goToStop(int index) {
    if (index < 0 || index >= m_stops.size()) {
        endSnippet();
        return;
    }
    m_stop = index;
    QTextCursor c = textCursor();
    c.setPosition(m_stops[index].begin.position());
    c.setPosition(m_stops[index].end.position(), QTextCursor::KeepAnchor);
    setTextCursor(c);
    if (m_stops[index].number == 0) // the end: nothing more to visit
        endSnippet();
}

void SqlEditor::leaveStop() {
    if (m_stop < 0)
        return;
    const SnippetStop& here = m_stops[m_stop];
    QTextCursor read(document());
    read.setPosition(here.begin.position());
    read.setPosition(here.end.position(), QTextCursor::KeepAnchor);
    const QString text = read.selectedText();
    for (int i = 0; i < m_stops.size(); ++i) {
        if (i == m_stop || m_stops[i].number != here.number)
            continue;
        QTextCursor write(document());
        write.setPosition(m_stops[i].begin.position());
        write.setPosition(m_stops[i].end.position(), QTextCursor::KeepAnchor);
        if (write.selectedText() != text)
            write.insertText(text);
    }
}

void SqlEditor::endSnippet() {
    m_stops.clear();
    m_stop = -1;
}

bool SqlEditor::snippetKey(QKeyEvent* event) {
    if (m_stop < 0)
        return false;
    const bool tab = event->key() == Qt::Key_Tab && event->modifiers() == Qt::NoModifier;
    const bool back = event->key() == Qt::Key_Backtab;
    if (event->key() == Qt::Key_Escape) {
        leaveStop();
        endSnippet();
        return true;
    }
    if (!tab && !back)
        return false;
    leaveStop();
    // The next (or previous) number's first place; the places of one number are next to each other.
    const int number = m_stops[m_stop].number;
    int i = m_stop;
    if (tab) {
        while (i < m_stops.size() && m_stops[i].number == number)
            ++i;
    } else {
        while (i >= 0 && m_stops[i].number == number)
            --i;
        while (i > 0 && m_stops[i - 1].number == m_stops[i].number)
            --i;
        if (i < 0)
            i = m_stop; // before the first: stay
    }
    goToStop(i);
    return true;
}

} // namespace pgdesk::ui
