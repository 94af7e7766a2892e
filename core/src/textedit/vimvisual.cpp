// SPDX-License-Identifier: GPL-3.0-or-later
// VimEngine's visual modes, search and ":" commands.
#include "textedit/vimmotions.h"
#include "textedit/vimparts.h"

#include <QRegularExpression>

#include <climits>

namespace pgdesk::core {
namespace {

// A vim pattern (magic) as a QRegularExpression: \< and \> are word edges, \( \) \| \+ \? \{ are special
// and the same characters unescaped are literal.
QRegularExpression vimRegex(const QString& pattern) {
    QString out;
    static const QString swapped = QStringLiteral("()|+?{}");
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern[i];
        if (c == u'\\' && i + 1 < pattern.size()) {
            const QChar next = pattern[++i];
            if (next == u'<' || next == u'>')
                out += QStringLiteral("\\b");
            else if (swapped.contains(next))
                out += next;
            else
                out += u'\\' + QString(next);
        } else if (swapped.contains(c)) {
            out += u'\\' + QString(c);
        } else {
            out += c;
        }
    }
    QRegularExpression re(out);
    if (!re.isValid())
        re.setPattern(QRegularExpression::escape(pattern));
    return re;
}

// A substitute's replacement for one match: & and \0 the whole match, \1-\9 its groups, \r a line break.
QString expandReplacement(const QString& with, const QRegularExpressionMatch& match) {
    QString out;
    for (qsizetype i = 0; i < with.size(); ++i) {
        const QChar c = with[i];
        if (c == u'&') {
            out += match.captured(0);
        } else if (c == u'\\' && i + 1 < with.size()) {
            const QChar next = with[++i];
            if (next.isDigit())
                out += match.captured(next.digitValue());
            else if (next == u'r' || next == u'n')
                out += u'\n';
            else if (next == u't')
                out += u'\t';
            else
                out += next;
        } else {
            out += c;
        }
    }
    return out;
}

// Splits "s/pat/rep/flags" at its separator (unescaped), the separator being the character after "s".
QStringList splitSubstitute(const QString& body, QChar separator) {
    QStringList parts{QString()};
    for (qsizetype i = 0; i < body.size(); ++i) {
        if (body[i] == u'\\' && i + 1 < body.size() && body[i + 1] == separator) {
            parts.last() += separator;
            ++i;
        } else if (body[i] == separator) {
            parts << QString();
        } else {
            parts.last() += body[i];
            if (body[i] == u'\\' && i + 1 < body.size())
                parts.last() += body[++i];
        }
    }
    return parts;
}

} // namespace

void VimEngine::enterVisual(Mode mode) {
    m_anchor = m_buffer.cursor();
    m_mode = mode;
    m_blockToEnd = false;
    showSelection();
}

void VimEngine::leaveVisual() {
    const Range r = selectionRange();
    m_marks[u'<'] = r.from;
    m_marks[u'>'] = r.to;
    m_mode = Mode::Normal;
    m_blockToEnd = false;
    m_buffer.setSelection({});
}

void VimEngine::showSelection() {
    VimSelection s;
    s.kind = m_mode == Mode::VisualLine    ? VimSelection::Kind::Lines
             : m_mode == Mode::VisualBlock ? VimSelection::Kind::Block
                                           : VimSelection::Kind::Chars;
    s.anchor = m_anchor;
    s.cursor = m_buffer.cursor();
    s.toLineEnd = m_blockToEnd;
    m_buffer.setSelection(s);
}

VimEngine::Range VimEngine::selectionRange() const {
    VimPos a = m_anchor, b = m_buffer.cursor();
    if (m_mode == Mode::VisualLine)
        return Range{Range::Kind::Lines, {std::min(a.line, b.line), 0}, {std::max(a.line, b.line), 0}};
    if (m_mode == Mode::VisualBlock)
        return Range{Range::Kind::Block,
                     {std::min(a.line, b.line), std::min(a.col, b.col)},
                     {std::max(a.line, b.line), std::max(a.col, b.col)},
                     m_blockToEnd};
    if (b < a)
        std::swap(a, b);
    VimPos to{b.line, b.col + 1};
    const int len = int(lineText(b.line).size());
    if (to.col > len || (m_blockToEnd && b == m_buffer.cursor())) // the line's end: its line break too
        to = b.line < lastLine() ? VimPos{b.line + 1, 0} : VimPos{b.line, len};
    return Range{Range::Kind::Chars, a, to};
}

void VimEngine::runVisual(const Command& c) {
    const int n = std::max(1, c.count);
    const QString& k = c.key;
    const VimPos at = m_buffer.cursor();
    if (c.op.isEmpty() && (k == u"i" || k == u"a")) {
        Range r;
        if (!textObject(k + c.arg, n, r))
            return;
        const bool fresh = m_anchor == at;
        if (r.kind == Range::Kind::Lines) {
            m_mode = Mode::VisualLine;
            if (fresh)
                m_anchor = {r.from.line, 0};
            m_buffer.setCursor({r.to.line, 0});
        } else {
            if (fresh)
                m_anchor = r.from;
            VimPos end = r.to;
            if (end.col > 0)
                --end.col;
            else if (end.line > 0)
                end = {end.line - 1, std::max(0, int(lineText(end.line - 1).size()))};
            m_buffer.setCursor(end);
        }
        showSelection();
        return;
    }
    const bool isOp = !c.op.isEmpty();
    const QString what = isOp ? c.op : k;
    if (!isOp && !vimVisualCommands().contains(k) && k != u"r" && k != u":") {
        Motion m;
        if (runMotion(c, c.count, m)) {
            const int want = m_buffer.cursor() == m_wantAt ? m_wantCol : m_buffer.cursor().col;
            setCursorClamped(m.to);
            m_blockToEnd = k == u"$" || k == u"<End>" || (m.keepColumn && m_blockToEnd);
            m_wantCol = m.keepColumn ? want : m_blockToEnd ? INT_MAX : m_buffer.cursor().col;
            m_wantAt = m_buffer.cursor();
        }
        showSelection();
        return;
    }
    if (k == u"o" || (k == u"O" && m_mode != Mode::VisualBlock)) {
        const VimPos a = m_anchor;
        m_anchor = at;
        m_buffer.setCursor(a);
        showSelection();
        return;
    }
    if (k == u"O") { // a block's other corner on the same line
        const int col = m_anchor.col;
        m_anchor.col = at.col;
        setCursorClamped({at.line, col}); // the other line may be shorter
        showSelection();
        return;
    }
    if (k == u"v" || k == u"V" || k == u"<C-v>") {
        const Mode to = k == u"v" ? Mode::Visual : k == u"V" ? Mode::VisualLine : Mode::VisualBlock;
        if (to == m_mode)
            leaveVisual();
        else {
            m_mode = to;
            showSelection();
        }
        return;
    }
    if (k == u"<Esc>") {
        leaveVisual();
        setCursorClamped(m_buffer.cursor());
        return;
    }
    Range r = selectionRange();
    if (k == u":") {
        leaveVisual();
        runExCommand(c.arg);
        return;
    }
    if (what != u"y" && what != u"Y" && !m_inChange) {
        m_buffer.beginChange();
        m_inChange = true;
    }
    const bool block = r.kind == Range::Kind::Block;
    if (what == u"I" || what == u"A") {
        if (block) {
            blockInsert(r, what == u"A");
            return;
        }
        leaveVisual();
        if (what == u"I") {
            m_buffer.setCursor(r.kind == Range::Kind::Lines
                                   ? VimPos{r.from.line, vimtext::firstNonBlank(lineText(r.from.line))}
                                   : r.from);
        } else {
            const VimPos end =
                r.kind == Range::Kind::Lines ? VimPos{r.to.line, int(lineText(r.to.line).size())} : r.to;
            m_buffer.setCursor(end);
        }
        startInsert(QStringLiteral("i"), 1);
        return;
    }
    if (what == u"p" || what == u"P") {
        putOverSelection(c);
        finishChange();
        return;
    }
    if ((what == u"X" || what == u"D" || what == u"Y" || what == u"C" || what == u"S" || what == u"R")) {
        if (block && (what == u"D" || what == u"C"))
            r.toLineEnd = true;
        else
            r = Range{Range::Kind::Lines, {r.from.line, 0}, {r.to.line, 0}};
    }
    leaveVisual();
    if (what == u"d" || what == u"x" || what == u"X" || what == u"D" || what == u"<Del>") {
        applyOperator(QStringLiteral("d"), r, c.reg, true);
    } else if (what == u"y" || what == u"Y") {
        applyOperator(QStringLiteral("y"), r, c.reg, true);
    } else if (what == u"c" || what == u"s" || what == u"C" || what == u"S" || what == u"R") {
        applyOperator(QStringLiteral("c"), r, c.reg, true);
        if (block && r.toLineEnd) { // "C" on a block: what is typed goes at each line's end
            m_blockInsertToEnd = true;
            m_blockAppend = true;
        }
        return;
    } else if (what == u"<" || what == u">") {
        shiftLines(r.from.line, r.to.line, n, what == u">");
        setCursorClamped({r.from.line, vimtext::firstNonBlank(lineText(r.from.line))});
    } else if (what == u"~" || what == u"u" || what == u"U" || what == u"gu" || what == u"gU" ||
               what == u"g~") {
        applyOperator(what == u"~" ? QStringLiteral("g~") : what, r, c.reg, true);
    } else if (what == u"J" || what == u"gJ") {
        joinLines(r.from.line, std::max(2, r.to.line - r.from.line + 1), what == u"J");
    } else if (what == u"r") {
        for (int l = r.from.line; l <= r.to.line; ++l) {
            const QString line = lineText(l);
            int from = 0, to = int(line.size());
            if (r.kind == Range::Kind::Chars) {
                from = l == r.from.line ? r.from.col : 0;
                to = l == r.to.line ? std::min(to, r.to.col) : to;
            } else if (block) {
                from = r.from.col;
                to = r.toLineEnd ? to : std::min(to, r.to.col + 1);
            }
            if (from < to)
                m_buffer.replace({l, from}, {l, to}, QString(to - from, c.arg[0]));
        }
        setCursorClamped(r.kind == Range::Kind::Lines ? VimPos{r.from.line, 0} : r.from);
    }
    finishChange();
}

void VimEngine::blockInsert(const Range& block, bool append) {
    leaveVisual();
    m_blockFirst = block.from.line;
    m_blockLast = block.to.line;
    m_blockAppend = append;
    m_blockInsertToEnd = append && block.toLineEnd;
    m_blockCol = append ? block.to.col + 1 : block.from.col;
    m_blockLeft = block.from.col;
    const QString first = lineText(block.from.line);
    int col = m_blockInsertToEnd ? int(first.size()) : m_blockCol;
    if (first.size() < col)
        m_buffer.replace({block.from.line, int(first.size())}, {block.from.line, int(first.size())},
                         QString(col - int(first.size()), u' '));
    m_buffer.setCursor({block.from.line, col});
    startInsert(QStringLiteral("block"), 1);
}

void VimEngine::putOverSelection(const Command& c) {
    const Register with = reg(c.reg);
    const Range r = selectionRange();
    leaveVisual();
    const Register old = rangeText(r);
    if (r.kind == Range::Kind::Block) {
        const QString piece = with.text.section(u'\n', 0, 0);
        for (int l = r.from.line; l <= r.to.line; ++l) {
            const int len = int(lineText(l).size());
            if (len <= r.from.col)
                continue;
            m_buffer.replace({l, r.from.col}, {l, r.toLineEnd ? len : std::min(len, r.to.col + 1)}, piece);
        }
        setCursorClamped(r.from);
    } else if (r.kind == Range::Kind::Lines) {
        const bool all = r.from.line == 0 && r.to.line == lastLine();
        const bool atEnd = r.to.line == lastLine();
        deleteRange(r);
        if (all) {
            m_buffer.replace({0, 0}, {0, int(lineText(0).size())}, with.text);
        } else if (atEnd) {
            const VimPos end{lastLine(), int(lineText(lastLine()).size())};
            m_buffer.replace(end, end, u'\n' + with.text);
        } else {
            m_buffer.replace({r.from.line, 0}, {r.from.line, 0}, with.text + u'\n');
        }
        setCursorClamped({r.from.line, vimtext::firstNonBlank(lineText(std::min(r.from.line, lastLine())))});
    } else {
        deleteRange(r);
        if (with.kind == Register::Kind::Lines) {
            m_buffer.replace(r.from, r.from, u'\n' + with.text + u'\n');
            setCursorClamped({r.from.line + 1, 0});
        } else {
            m_buffer.replace(r.from, r.from, with.text);
            setCursorClamped({r.from.line, r.from.col + int(with.text.size()) - 1});
        }
    }
    storeRegister(QChar(), old, true, r.kind == Range::Kind::Chars && r.from.line == r.to.line);
}

std::optional<VimPos> VimEngine::search(const QString& pattern, VimPos from, bool forward, int count) {
    const QRegularExpression re = vimRegex(pattern);
    const int lines = m_buffer.lineCount();
    VimPos at = from;
    for (int i = 0; i < count; ++i) {
        std::optional<VimPos> found;
        for (int step = 0; step <= lines && !found; ++step) {
            const int l = forward ? (at.line + step) % lines : ((at.line - step) % lines + lines) % lines;
            const QString text = lineText(l);
            auto it = re.globalMatch(text);
            int best = -1;
            while (it.hasNext()) {
                const int col = int(it.next().capturedStart());
                if (forward) {
                    if (step == 0 && col <= at.col)
                        continue;
                    if (step == lines && col > at.col)
                        break;
                    best = col;
                    break;
                }
                if (step == 0 && col >= at.col)
                    break;
                if (step == lines && col <= at.col)
                    continue;
                best = col; // backwards: the last one before the cursor
            }
            if (best >= 0) {
                found = VimPos{l, best};
                if (step > 0 && (forward ? l <= at.line : l >= at.line))
                    m_message = forward ? QStringLiteral("search hit BOTTOM, continuing at TOP")
                                        : QStringLiteral("search hit TOP, continuing at BOTTOM");
            }
        }
        if (!found) {
            m_message = QStringLiteral("Pattern not found: ") + pattern;
            return std::nullopt;
        }
        at = *found;
    }
    return at;
}

void VimEngine::runExCommand(const QString& text) {
    QString cmd = text.trimmed();
    const VimPos at = m_buffer.cursor();
    int first = at.line, last = at.line;
    bool ranged = false;
    // One address: a number, ".", "$" or a mark ('a, '< and '>).
    auto address = [&](int& out) {
        if (cmd.startsWith(u'.')) {
            out = at.line;
            cmd.remove(0, 1);
        } else if (cmd.startsWith(u'$')) {
            out = lastLine();
            cmd.remove(0, 1);
        } else if (cmd.startsWith(u'\'') && cmd.size() > 1) {
            if (!m_marks.contains(cmd[1]))
                return false;
            out = m_marks.value(cmd[1]).line;
            cmd.remove(0, 2);
        } else if (!cmd.isEmpty() && cmd[0].isDigit()) {
            int i = 0;
            while (i < cmd.size() && cmd[i].isDigit())
                ++i;
            out = cmd.left(i).toInt() - 1;
            cmd.remove(0, i);
        } else {
            return false;
        }
        return true;
    };
    if (cmd.startsWith(u'%')) {
        first = 0;
        last = lastLine();
        ranged = true;
        cmd.remove(0, 1);
    } else if (address(first)) {
        ranged = true;
        last = first;
        if (cmd.startsWith(u',')) {
            cmd.remove(0, 1);
            if (!address(last)) {
                m_message = QStringLiteral("Invalid range");
                return;
            }
        }
    }
    first = std::clamp(first, 0, lastLine());
    last = std::clamp(last, first, lastLine());
    cmd = cmd.trimmed();
    if (cmd.isEmpty()) {
        if (ranged) {
            m_marks[u'\''] = at;
            setCursorClamped({last, vimtext::firstNonBlank(lineText(last))});
        }
        return;
    }
    if (cmd == u"w" || cmd == u"w!" || cmd == u"write" || cmd == u"wq" || cmd == u"x" || cmd == u"update") {
        m_message = m_buffer.save() ? QStringLiteral("written") : QStringLiteral("Could not save");
        return;
    }
    if (cmd == u"noh" || cmd == u"nohlsearch")
        return;
    if (cmd.size() >= 2 && (cmd[0] == u's') && !cmd[1].isLetterOrNumber() && cmd[1] != u' ') {
        const QStringList parts = splitSubstitute(cmd.mid(2), cmd[1]);
        QString pattern = parts.value(0);
        if (pattern.isEmpty())
            pattern = m_lastSearch;
        else
            m_lastSearch = pattern;
        const QString with = parts.value(1);
        const QString flags = parts.value(2);
        QRegularExpression re = vimRegex(pattern);
        if (flags.contains(u'i'))
            re.setPatternOptions(re.patternOptions() | QRegularExpression::CaseInsensitiveOption);
        int substitutions = 0, changedLines = 0, lastChanged = -1;
        bool began = false;
        for (int l = last; l >= first; --l) { // bottom up: a "\r" in the replacement adds lines below
            const QString line = lineText(l);
            QString out;
            qsizetype pos = 0;
            int here = 0;
            auto it = re.globalMatch(line);
            while (it.hasNext()) {
                const auto match = it.next();
                out += line.mid(pos, match.capturedStart() - pos);
                out += expandReplacement(with, match);
                pos = match.capturedEnd();
                ++here;
                if (!flags.contains(u'g'))
                    break;
            }
            if (here == 0)
                continue;
            out += line.mid(pos);
            if (!began && !m_inChange) {
                m_buffer.beginChange();
                began = true;
            }
            m_buffer.replace({l, 0}, {l, int(line.size())}, out);
            substitutions += here;
            ++changedLines;
            if (lastChanged < 0)
                lastChanged = l + int(out.count(u'\n'));
        }
        if (began)
            m_buffer.endChange();
        if (substitutions == 0) {
            m_message = QStringLiteral("Pattern not found: ") + pattern;
            return;
        }
        setCursorClamped({lastChanged, vimtext::firstNonBlank(lineText(lastChanged))});
        if (substitutions > 1)
            m_message = QStringLiteral("%1 substitutions on %2 lines").arg(substitutions).arg(changedLines);
        return;
    }
    m_message = QStringLiteral("Not an editor command: ") + cmd;
}

} // namespace pgdesk::core
