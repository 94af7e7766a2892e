// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/textedit/vim.h>

namespace pgdesk::core {

VimTextBuffer::VimTextBuffer(const QString& text)
    : m_lines(text.split(u'\n')) {
}

void VimTextBuffer::replace(VimPos from, VimPos to, const QString& text) {
    from.line = std::clamp(from.line, 0, lineCount() - 1);
    to.line = std::clamp(to.line, from.line, lineCount() - 1);
    from.col = std::clamp(from.col, 0, int(m_lines[from.line].size()));
    to.col = std::clamp(to.col, 0, int(m_lines[to.line].size()));
    const QString joined = m_lines[from.line].left(from.col) + text + m_lines[to.line].mid(to.col);
    const QStringList parts = joined.split(u'\n');
    m_lines.remove(from.line, to.line - from.line + 1);
    for (qsizetype i = 0; i < parts.size(); ++i)
        m_lines.insert(from.line + i, parts[i]);
}

void VimTextBuffer::beginChange() {
    if (m_depth++ == 0) {
        m_undo << State{m_lines, m_cursor};
        m_redo.clear();
    }
}

void VimTextBuffer::endChange() {
    if (m_depth > 0 && --m_depth == 0 && !m_undo.isEmpty() && m_undo.last().lines == m_lines)
        m_undo.removeLast(); // nothing changed: no undo step
}

std::optional<VimPos> VimTextBuffer::undo() {
    if (m_undo.isEmpty())
        return std::nullopt;
    m_redo << State{m_lines, m_cursor};
    const State state = m_undo.takeLast();
    m_lines = state.lines;
    return state.cursor;
}

std::optional<VimPos> VimTextBuffer::redo() {
    if (m_redo.isEmpty())
        return std::nullopt;
    const State state = m_redo.takeLast();
    m_undo << State{m_lines, state.cursor};
    m_lines = state.lines;
    return state.cursor;
}

bool VimTextBuffer::save() {
    ++m_saves;
    return true;
}

QStringList parseVimKeys(const QString& notation) {
    QStringList keys;
    for (qsizetype i = 0; i < notation.size(); ++i) {
        if (notation[i] == u'<') {
            const qsizetype end = notation.indexOf(u'>', i + 1);
            const QString name = end > i ? notation.mid(i, end - i + 1) : QString();
            // "<" that opens no key name is itself ("<<", "d<lt>").
            if (end > i + 1 && !name.contains(u' ') && !name.mid(1).contains(u'<')) {
                keys << (name.compare(u"<lt>", Qt::CaseInsensitive) == 0 ? QStringLiteral("<") : name);
                i = end;
                continue;
            }
        }
        keys << QString(notation[i]);
    }
    return keys;
}

} // namespace pgdesk::core
