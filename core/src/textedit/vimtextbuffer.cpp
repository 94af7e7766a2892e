// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/textedit/vim.h>

namespace pgdesk::core {

VimTextBuffer::VimTextBuffer(const QString& text)
    : m_lines(text.split(u'\n')) {
}

void VimTextBuffer::apply(VimPos from, VimPos to, const QString& text) {
    const QString joined = m_lines[from.line].left(from.col) + text + m_lines[to.line].mid(to.col);
    const QStringList parts = joined.split(u'\n');
    // The lines in between replaced in one move of the rest, not one per line put in.
    const qsizetype had = to.line - from.line + 1;
    if (parts.size() > had)
        m_lines.insert(from.line + had, parts.size() - had, QString());
    else if (parts.size() < had)
        m_lines.remove(from.line + parts.size(), had - parts.size());
    for (qsizetype i = 0; i < parts.size(); ++i)
        m_lines[from.line + i] = parts[i];
}

QString VimTextBuffer::textBetween(VimPos from, VimPos to) const {
    if (from.line == to.line)
        return m_lines[from.line].mid(from.col, to.col - from.col);
    QString out = m_lines[from.line].mid(from.col);
    for (int l = from.line + 1; l < to.line; ++l)
        out += u'\n' + m_lines[l];
    return out + u'\n' + m_lines[to.line].left(to.col);
}

VimPos VimTextBuffer::endOf(VimPos from, const QString& text) {
    const qsizetype breaks = text.count(u'\n');
    if (breaks == 0)
        return {from.line, from.col + int(text.size())};
    return {from.line + int(breaks), int(text.size() - text.lastIndexOf(u'\n') - 1)};
}

void VimTextBuffer::replace(VimPos from, VimPos to, const QString& text) {
    from.line = std::clamp(from.line, 0, lineCount() - 1);
    to.line = std::clamp(to.line, from.line, lineCount() - 1);
    from.col = std::clamp(from.col, 0, int(m_lines[from.line].size()));
    to.col = std::clamp(to.col, 0, int(m_lines[to.line].size()));
    if (to < from)
        to = from;
    const QString removed = textBetween(from, to);
    apply(from, to, text);
    if (m_open)
        m_open->edits << Edit{from, removed, text};
}

void VimTextBuffer::beginChange() {
    if (m_depth++ == 0)
        m_open = Step{{}, m_cursor};
}

void VimTextBuffer::endChange() {
    if (m_depth == 0 || --m_depth > 0 || !m_open)
        return;
    if (!m_open->edits.isEmpty()) { // nothing changed: no undo step
        m_undo << *m_open;
        m_redo.clear();
    }
    m_open.reset();
}

std::optional<VimPos> VimTextBuffer::undo() {
    if (m_undo.isEmpty())
        return std::nullopt;
    const Step step = m_undo.takeLast();
    for (qsizetype i = step.edits.size() - 1; i >= 0; --i) {
        const Edit& e = step.edits[i];
        apply(e.from, endOf(e.from, e.inserted), e.removed);
    }
    m_redo << step;
    return step.cursor;
}

std::optional<VimPos> VimTextBuffer::redo() {
    if (m_redo.isEmpty())
        return std::nullopt;
    const Step step = m_redo.takeLast();
    for (const Edit& e : step.edits)
        apply(e.from, endOf(e.from, e.removed), e.inserted);
    m_undo << step;
    return step.cursor;
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
