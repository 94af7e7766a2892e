// SPDX-License-Identifier: GPL-3.0-or-later
// VimEngine's edits: operators on a range, registers, put, join, case, shifts, numbers, insert mode.
#include "textedit/vimmotions.h"
#include "textedit/vimparts.h"

namespace pgdesk::core {
namespace {

QString spaces(int n) {
    return QString(std::max(0, n), u' ');
}

// What one put or one repeated insert may add: a count a key too many ("99999p") must not fill the memory.
constexpr qint64 kMaxPutChars = 1024 * 1024;

} // namespace

bool VimEngine::textObject(const QString& which, int count, Range& out) const {
    const VimPos at = m_buffer.cursor();
    const bool around = which[0] == u'a';
    const QChar kind = which[1];
    std::optional<vimtext::TextRange> r;
    if (kind == u'w' || kind == u'W') {
        r = vimtext::wordObject(m_buffer, at, count, around, kind == u'W');
    } else if (kind == u'p') {
        r = vimtext::paragraphObject(m_buffer, at.line, count, around);
    } else if (kind == u'"' || kind == u'\'' || kind == u'`') {
        r = vimtext::quoteObject(lineText(at.line), at.line, at.col, kind, around);
    } else {
        static const QString opens = QStringLiteral("(b{B[<"), closes = QStringLiteral(")b}B]>");
        qsizetype i = opens.indexOf(kind);
        if (i < 0)
            i = closes.indexOf(kind);
        static const QString pairs = QStringLiteral("()(){}{}[]<>");
        r = vimtext::bracketObject(m_buffer, at, pairs[2 * i], pairs[2 * i + 1], around, count);
    }
    if (!r)
        return false;
    out = r->lines ? Range{Range::Kind::Lines, r->from, r->to} : Range{Range::Kind::Chars, r->from, r->to};
    return true;
}

VimEngine::Register VimEngine::rangeText(const Range& r) const {
    Register out;
    switch (r.kind) {
    case Range::Kind::Lines: {
        QStringList lines;
        for (int l = r.from.line; l <= r.to.line; ++l)
            lines << lineText(l);
        return Register{lines.join(u'\n'), Register::Kind::Lines};
    }
    case Range::Kind::Block: {
        QStringList parts;
        for (int l = r.from.line; l <= r.to.line; ++l)
            parts << (r.toLineEnd ? lineText(l).mid(r.from.col)
                                  : lineText(l).mid(r.from.col, r.to.col - r.from.col + 1));
        return Register{parts.join(u'\n'), Register::Kind::Block};
    }
    case Range::Kind::Chars: {
        QString text;
        for (int l = r.from.line; l <= r.to.line; ++l) {
            const QString line = lineText(l);
            const int from = l == r.from.line ? r.from.col : 0;
            const int to = l == r.to.line ? r.to.col : int(line.size());
            text += line.mid(from, to - from);
            if (l < r.to.line)
                text += u'\n';
        }
        return Register{text, Register::Kind::Chars};
    }
    }
    return out;
}

void VimEngine::deleteRange(const Range& r) {
    switch (r.kind) {
    case Range::Kind::Chars:
        m_buffer.replace(r.from, r.to, QString());
        break;
    case Range::Kind::Lines:
        if (r.to.line < lastLine())
            m_buffer.replace({r.from.line, 0}, {r.to.line + 1, 0}, QString());
        else if (r.from.line > 0)
            m_buffer.replace({r.from.line - 1, int(lineText(r.from.line - 1).size())},
                             {r.to.line, int(lineText(r.to.line).size())}, QString());
        else
            m_buffer.replace({0, 0}, {r.to.line, int(lineText(r.to.line).size())}, QString());
        break;
    case Range::Kind::Block:
        for (int l = r.from.line; l <= r.to.line; ++l) {
            const int len = int(lineText(l).size());
            if (len <= r.from.col)
                continue;
            const int to = r.toLineEnd ? len : std::min(len, r.to.col + 1);
            m_buffer.replace({l, r.from.col}, {l, to}, QString());
        }
        break;
    }
}

void VimEngine::applyOperator(const QString& op, const Range& r, QChar regName, bool fromVisual) {
    if (r.kind == Range::Kind::Chars && r.from == r.to && op != u"c")
        return;
    const VimPos at = m_buffer.cursor();
    if (op == u"y") {
        storeRegister(regName, rangeText(r), false, false);
        if (r.kind == Range::Kind::Lines)
            setCursorClamped(
                fromVisual || at.line > r.from.line ? VimPos{r.from.line, fromVisual ? 0 : at.col} : at);
        else
            setCursorClamped(r.from);
        return;
    }
    if (op == u"d" || op == u"c") {
        const Register text = rangeText(r);
        const bool small = r.kind == Range::Kind::Chars && r.from.line == r.to.line;
        storeRegister(regName, text, true, small);
        if (op == u"c" && r.kind == Range::Kind::Lines) {
            // "cc": the lines' text goes, one empty line stays to type into.
            m_buffer.replace({r.from.line, 0}, {r.to.line, int(lineText(r.to.line).size())}, QString());
            m_buffer.setCursor({r.from.line, 0});
            startInsert(QStringLiteral("c"), 1);
            return;
        }
        deleteRange(r);
        if (op == u"c") {
            if (r.kind == Range::Kind::Block) {
                m_blockFirst = r.from.line;
                m_blockLast = r.to.line;
                m_blockCol = r.from.col;
                m_blockLeft = r.from.col;
                m_blockAppend = false;
                m_blockInsertToEnd = false;
            }
            m_buffer.setCursor(r.from);
            startInsert(r.kind == Range::Kind::Block ? QStringLiteral("block") : QStringLiteral("c"), 1);
            return;
        }
        if (r.kind == Range::Kind::Lines) {
            const int line = std::min(r.from.line, lastLine());
            setCursorClamped({line, vimtext::firstNonBlank(lineText(line))});
        } else {
            setCursorClamped(r.from);
        }
        return;
    }
    if (op == u"<" || op == u">") {
        const int first = r.from.line, last = r.to.line;
        shiftLines(first, last, 1, op == u">");
        setCursorClamped({first, vimtext::firstNonBlank(lineText(first))});
        return;
    }
    // Case: gu and u lower, gU and U upper, g~ and ~ toggle.
    changeCase(r, op == u"gu" || op == u"u" ? 0 : op == u"gU" || op == u"U" ? 1 : 2);
    setCursorClamped(r.kind == Range::Kind::Lines ? VimPos{r.from.line, fromVisual ? 0 : at.col} : r.from);
}

void VimEngine::storeRegister(QChar name, const Register& value, bool deleted, bool small) {
    if (name == u'_')
        return;
    m_registers[u'"'] = value;
    if (name.isNull() || name == u'"') {
        if (!deleted)
            m_registers[u'0'] = value;
        else if (small)
            m_registers[u'-'] = value;
    } else if (name.isUpper()) {
        Register& to = m_registers[name.toLower()];
        if (to.kind == Register::Kind::Lines || value.kind == Register::Kind::Lines) {
            to.text = to.text.isEmpty() ? value.text : to.text + u'\n' + value.text;
            to.kind = Register::Kind::Lines;
        } else {
            to.text += value.text;
        }
        m_registers[u'"'] = to;
    } else {
        m_registers[name] = value;
        if ((name == u'+' || name == u'*') && m_writeClipboard)
            m_writeClipboard(value.kind == Register::Kind::Lines ? value.text + u'\n' : value.text);
    }
    if (deleted && !small) {
        for (char16_t i = u'9'; i > u'1'; --i)
            m_registers[QChar(i)] = m_registers.value(QChar(char16_t(i - 1)));
        m_registers[u'1'] = value;
    }
}

VimEngine::Register VimEngine::reg(QChar name) const {
    if (name.isNull())
        name = u'"';
    if ((name == u'+' || name == u'*') && m_readClipboard) {
        QString text = m_readClipboard();
        if (text.endsWith(u'\n')) {
            text.chop(1);
            return Register{text, Register::Kind::Lines};
        }
        return Register{text, Register::Kind::Chars};
    }
    return m_registers.value(name.toLower());
}

void VimEngine::setRegister(QChar name, const Register& value) {
    m_registers[name] = value;
}

void VimEngine::put(const Command& c, bool before) {
    const Register r = reg(c.reg);
    if (r.text.isEmpty() && r.kind != Register::Kind::Lines)
        return;
    const int n = std::max(1, c.count);
    // Vim would try, slowly.
    if (qint64(n) * (r.text.size() + 1) > kMaxPutChars) {
        m_message = QStringLiteral("Too much to put: %1 copies").arg(n);
        return;
    }
    const VimPos at = m_buffer.cursor();
    const QString line = lineText(at.line);
    if (r.kind == Register::Kind::Lines) {
        QStringList copies;
        for (int i = 0; i < n; ++i)
            copies << r.text;
        const QString text = copies.join(u'\n');
        if (before) {
            m_buffer.replace({at.line, 0}, {at.line, 0}, text + u'\n');
            setCursorClamped({at.line, vimtext::firstNonBlank(lineText(at.line))});
        } else {
            m_buffer.replace({at.line, int(line.size())}, {at.line, int(line.size())}, u'\n' + text);
            setCursorClamped({at.line + 1, vimtext::firstNonBlank(lineText(at.line + 1))});
        }
        return;
    }
    const int col = before || line.isEmpty() ? at.col : at.col + 1;
    if (r.kind == Register::Kind::Block) {
        const QStringList parts = r.text.split(u'\n');
        int width = 0;
        for (const QString& part : parts)
            width = std::max(width, int(part.size()));
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const int l = at.line + int(i);
            if (l > lastLine())
                m_buffer.replace({lastLine(), int(lineText(lastLine()).size())},
                                 {lastLine(), int(lineText(lastLine()).size())}, QStringLiteral("\n"));
            const QString target = lineText(l);
            QString piece;
            for (int k = 0; k < n; ++k)
                piece += parts[i] + (col < target.size() || k + 1 < n ? spaces(width - int(parts[i].size()))
                                                                      : QString());
            if (target.size() < col)
                m_buffer.replace({l, int(target.size())}, {l, int(target.size())},
                                 spaces(col - int(target.size())) + piece);
            else
                m_buffer.replace({l, col}, {l, col}, piece);
        }
        setCursorClamped({at.line, col});
        return;
    }
    QString text;
    for (int i = 0; i < n; ++i)
        text += r.text;
    m_buffer.replace({at.line, col}, {at.line, col}, text);
    if (text.contains(u'\n'))
        setCursorClamped({at.line, col});
    else
        setCursorClamped({at.line, col + int(text.size()) - 1});
}

void VimEngine::joinLines(int line, int count, bool withSpaces) {
    int cursorCol = -1;
    for (int i = 1; i < count && line < lastLine(); ++i) {
        const QString first = lineText(line);
        const QString next = lineText(line + 1);
        const int skip = withSpaces ? vimtext::firstNonBlank(next) : 0;
        QString glue;
        if (withSpaces && skip < next.size() && !first.isEmpty() && !first.endsWith(u' ') &&
            !first.endsWith(u'\t') && next[skip] != u')')
            glue = QStringLiteral(" ");
        m_buffer.replace({line, int(first.size())}, {line + 1, skip}, glue);
        cursorCol = int(first.size()); // vim: the last join's place
    }
    if (cursorCol >= 0)
        setCursorClamped({line, cursorCol});
}

void VimEngine::changeCase(const Range& r, int how) {
    for (int l = r.from.line; l <= r.to.line; ++l) {
        const QString line = lineText(l);
        int from = 0, to = int(line.size());
        if (r.kind == Range::Kind::Chars) {
            if (l == r.from.line)
                from = r.from.col;
            if (l == r.to.line)
                to = std::min(to, r.to.col);
        } else if (r.kind == Range::Kind::Block) {
            from = r.from.col;
            if (!r.toLineEnd)
                to = std::min(to, r.to.col + 1);
        }
        if (from >= to)
            continue;
        QString part = line.mid(from, to - from);
        if (how == 0)
            part = part.toLower();
        else if (how == 1)
            part = part.toUpper();
        else
            for (QChar& ch : part)
                ch = ch.isUpper() ? ch.toLower() : ch.toUpper();
        if (part != line.mid(from, to - from))
            m_buffer.replace({l, from}, {l, to}, part);
    }
}

void VimEngine::shiftLines(int first, int last, int times, bool right) {
    for (int l = first; l <= last; ++l) {
        const QString line = lineText(l);
        if (line.isEmpty())
            continue;
        const int indent = vimtext::firstNonBlank(line);
        // Tabs count as the shift width; the new indentation is written with spaces.
        int width = 0;
        for (int i = 0; i < indent; ++i)
            width += line[i] == u'\t' ? m_shiftWidth : 1;
        const int target = right ? width + times * m_shiftWidth : std::max(0, width - times * m_shiftWidth);
        m_buffer.replace({l, 0}, {l, indent}, spaces(target));
    }
}

void VimEngine::replaceChars(const QString& with, int count) {
    const VimPos at = m_buffer.cursor();
    const QString line = lineText(at.line);
    if (at.col + count > line.size())
        return;
    m_buffer.replace(at, {at.line, at.col + count}, QString(count, with[0]));
    setCursorClamped({at.line, at.col + count - 1});
}

void VimEngine::addToNumber(int delta) {
    const VimPos at = m_buffer.cursor();
    const QString line = lineText(at.line);
    // The number under the cursor or the first one after it on the line.
    int start = at.col;
    if (start < line.size() && line[start].isDigit()) {
        while (start > 0 && line[start - 1].isDigit())
            --start;
    } else {
        while (start < line.size() && !line[start].isDigit())
            ++start;
    }
    if (start >= line.size())
        return;
    int end = start;
    while (end < line.size() && line[end].isDigit())
        ++end;
    if (start > 0 && line[start - 1] == u'-')
        --start;
    bool ok = false;
    const qlonglong value = line.mid(start, end - start).toLongLong(&ok);
    if (!ok)
        return;
    const QString now = QString::number(value + delta);
    m_buffer.replace({at.line, start}, {at.line, end}, now);
    setCursorClamped({at.line, start + int(now.size()) - 1});
}

void VimEngine::startInsert(const QString& how, int count) {
    const VimPos at = m_buffer.cursor();
    const QString line = lineText(at.line);
    if (!m_inChange) {
        m_buffer.beginChange();
        m_inChange = true;
    }
    VimPos to = at;
    if (how == u"a" && !line.isEmpty())
        to.col = at.col + 1;
    else if (how == u"A")
        to.col = int(line.size());
    else if (how == u"I")
        to.col = vimtext::firstNonBlank(line);
    else if (how == u"gI")
        to.col = 0;
    else if (how == u"o") {
        m_buffer.replace({at.line, int(line.size())}, {at.line, int(line.size())}, QStringLiteral("\n"));
        to = {at.line + 1, 0};
    } else if (how == u"O") {
        m_buffer.replace({at.line, 0}, {at.line, 0}, QStringLiteral("\n"));
        to = {at.line, 0};
    }
    m_buffer.setCursor(to);
    m_mode = how == u"R" ? Mode::Replace : Mode::Insert;
    m_insertHow = how;
    m_insertCount = std::max(1, count);
    m_insertStart = to;
    m_insertKeys.clear();
    if (how != u"block")
        m_blockFirst = -1;
}

void VimEngine::feedInsert(const QString& key) {
    VimPos at = m_buffer.cursor();
    const QString line = lineText(at.line);
    if (key != u"<Esc>")
        m_insertKeys << key;
    if (key == u"<Esc>") {
        leaveInsert();
    } else if (key == u"<CR>") {
        m_buffer.replace(at, at, QStringLiteral("\n"));
        m_buffer.setCursor({at.line + 1, 0});
    } else if (key == u"<BS>") {
        if (at.col > 0) {
            m_buffer.replace({at.line, at.col - 1}, at, QString());
            m_buffer.setCursor({at.line, at.col - 1});
        } else if (at.line > 0) {
            const int len = int(lineText(at.line - 1).size());
            m_buffer.replace({at.line - 1, len}, at, QString());
            m_buffer.setCursor({at.line - 1, len});
        }
    } else if (key == u"<Del>") {
        if (at.col < line.size())
            m_buffer.replace(at, {at.line, at.col + 1}, QString());
        else if (at.line < lastLine())
            m_buffer.replace(at, {at.line + 1, 0}, QString());
    } else if (key == u"<C-w>" || key == u"<C-u>") {
        int from = at.col;
        if (key == u"<C-u>") {
            from = 0;
        } else {
            while (from > 0 && (line[from - 1] == u' ' || line[from - 1] == u'\t'))
                --from;
            const auto word =
                from > 0 ? vimtext::wordObject(m_buffer, {at.line, from - 1}, 1, false, false) : std::nullopt;
            if (word)
                from = word->from.col;
        }
        m_buffer.replace({at.line, from}, at, QString());
        m_buffer.setCursor({at.line, from});
    } else if (key == u"<Left>" || key == u"<Right>" || key == u"<Home>" || key == u"<End>") {
        at.col = key == u"<Left>"    ? std::max(0, at.col - 1)
                 : key == u"<Right>" ? std::min(int(line.size()), at.col + 1)
                 : key == u"<Home>"  ? 0
                                     : int(line.size());
        m_buffer.setCursor(at);
    } else if (key == u"<Up>" || key == u"<Down>") {
        at.line = std::clamp(at.line + (key == u"<Up>" ? -1 : 1), 0, lastLine());
        at.col = std::min(at.col, int(lineText(at.line).size()));
        m_buffer.setCursor(at);
    } else {
        // Tab: spaces to the next shift-width column, as vim with expandtab and tabstop the shift width.
        const QString text = key == u"<Tab>"  ? spaces(m_shiftWidth - at.col % m_shiftWidth)
                             : key == u"<lt>" ? QStringLiteral("<")
                                              : key;
        if (text.size() != 1 && key != u"<Tab>")
            return;
        const bool overwrite = m_mode == Mode::Replace && at.col < line.size();
        m_buffer.replace(at, {at.line, at.col + (overwrite ? 1 : 0)}, text);
        m_buffer.setCursor({at.line, at.col + int(text.size())});
    }
}

void VimEngine::leaveInsert() {
    // A count types the text again ("3ia<Esc>"); after "o" and "O" each copy is a new line.
    if (m_insertCount > 1 && !m_insertKeys.isEmpty()) {
        const QStringList keys = m_insertKeys;
        const bool lines = m_insertHow == u"o" || m_insertHow == u"O";
        // Only characters typed: the copies go in at once (one edit, not one per key of every copy).
        QString typed;
        bool plain = true;
        for (const QString& key : keys) {
            if (key.size() == 1)
                typed += key;
            else if (key == u"<CR>")
                typed += u'\n';
            else if (key == u"<lt>")
                typed += u'<';
            else
                plain = false;
        }
        const qint64 copies = std::min<qint64>(m_insertCount, kMaxPutChars / (keys.size() + 1)); // as put's
        if (plain) {
            const QString one = lines ? u'\n' + typed : typed;
            QString all;
            all.reserve(qsizetype(one.size() * (copies - 1)));
            for (qint64 i = 1; i < copies; ++i)
                all += one;
            VimPos at = m_buffer.cursor();
            if (lines)
                at.col = int(lineText(at.line).size());
            m_buffer.replace(at, at, all);
            const qsizetype breaks = all.count(u'\n');
            const qsizetype lastBreak = all.lastIndexOf(u'\n');
            m_buffer.setCursor(
                {at.line + int(breaks), breaks ? int(all.size() - lastBreak - 1) : at.col + int(all.size())});
        } else {
            // Keys other than characters are typed again one by one: fewer of them.
            const qint64 replays = std::min<qint64>(copies, 8192 / (keys.size() + 1) + 1);
            for (qint64 i = 1; i < replays; ++i) {
                if (lines) {
                    const VimPos at = m_buffer.cursor();
                    const int len = int(lineText(at.line).size());
                    m_buffer.replace({at.line, len}, {at.line, len}, QStringLiteral("\n"));
                    m_buffer.setCursor({at.line + 1, 0});
                }
                for (const QString& key : keys)
                    feedInsert(key);
            }
        }
    }
    if (m_blockFirst >=
        0) { // a visual block's I, A or c: what was typed on its first line goes on the others
        const VimPos at = m_buffer.cursor();
        if (at.line == m_blockFirst && at.col > m_insertStart.col) {
            const QString typed = lineText(at.line).mid(m_insertStart.col, at.col - m_insertStart.col);
            for (int l = m_blockFirst + 1; l <= m_blockLast; ++l) {
                const QString line = lineText(l);
                const int col = m_blockInsertToEnd ? int(line.size()) : m_blockCol;
                if (line.size() < col) {
                    if (!m_blockAppend)
                        continue; // "I" leaves a line shorter than the block as it is
                    m_buffer.replace({l, int(line.size())}, {l, int(line.size())},
                                     spaces(col - int(line.size())));
                }
                m_buffer.replace({l, col}, {l, col}, typed);
            }
        }
        m_blockFirst = -1;
        m_buffer.setCursor({m_insertStart.line, m_blockLeft + 1}); // the block's corner, after the step left
    }
    m_mode = Mode::Normal;
    m_insertKeys.clear();
    const VimPos at = m_buffer.cursor();
    setCursorClamped({at.line, std::max(0, at.col - 1)});
    finishChange();
}

} // namespace pgdesk::core
