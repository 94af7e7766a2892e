// SPDX-License-Identifier: GPL-3.0-or-later
// VimEngine: keys in, commands parsed and run (normal and visual modes, motions). The edits themselves
// (operators, registers, put, insert mode, search, ":" commands) are in vimedit.cpp.
#include "textedit/vimmotions.h"
#include "textedit/vimparts.h"

#include <climits>

namespace pgdesk::core {
namespace {

const QStringList& simpleMotions() {
    static const QStringList keys = {
        QStringLiteral("h"),      QStringLiteral("j"),       QStringLiteral("k"),    QStringLiteral("l"),
        QStringLiteral("w"),      QStringLiteral("W"),       QStringLiteral("b"),    QStringLiteral("B"),
        QStringLiteral("e"),      QStringLiteral("E"),       QStringLiteral("0"),    QStringLiteral("^"),
        QStringLiteral("$"),      QStringLiteral("G"),       QStringLiteral("{"),    QStringLiteral("}"),
        QStringLiteral("%"),      QStringLiteral(";"),       QStringLiteral(","),    QStringLiteral("n"),
        QStringLiteral("N"),      QStringLiteral("*"),       QStringLiteral("#"),    QStringLiteral("+"),
        QStringLiteral("-"),      QStringLiteral("_"),       QStringLiteral("|"),    QStringLiteral(" "),
        QStringLiteral("gg"),     QStringLiteral("ge"),      QStringLiteral("gE"),   QStringLiteral("g_"),
        QStringLiteral("<Left>"), QStringLiteral("<Right>"), QStringLiteral("<Up>"), QStringLiteral("<Down>"),
        QStringLiteral("<Home>"), QStringLiteral("<End>"),   QStringLiteral("<BS>"), QStringLiteral("<CR>")};
    return keys;
}

bool isArgMotion(const QString& key) {
    return key == u"f" || key == u"F" || key == u"t" || key == u"T" || key == u"'" || key == u"`";
}

const QStringList& operators() {
    static const QStringList keys = {QStringLiteral("d"),  QStringLiteral("c"), QStringLiteral("y"),
                                     QStringLiteral("<"),  QStringLiteral(">"), QStringLiteral("gu"),
                                     QStringLiteral("gU"), QStringLiteral("g~")};
    return keys;
}

// Commands complete in one key (or "g"/"z" and one), normal mode and visual mode.
const QStringList& normalCommands() {
    static const QStringList keys = {
        QStringLiteral("x"),     QStringLiteral("X"),     QStringLiteral("s"),     QStringLiteral("S"),
        QStringLiteral("D"),     QStringLiteral("C"),     QStringLiteral("Y"),     QStringLiteral("p"),
        QStringLiteral("P"),     QStringLiteral("J"),     QStringLiteral("gJ"),    QStringLiteral("~"),
        QStringLiteral("u"),     QStringLiteral("<C-r>"), QStringLiteral("."),     QStringLiteral("i"),
        QStringLiteral("I"),     QStringLiteral("a"),     QStringLiteral("A"),     QStringLiteral("gI"),
        QStringLiteral("o"),     QStringLiteral("O"),     QStringLiteral("R"),     QStringLiteral("v"),
        QStringLiteral("V"),     QStringLiteral("<C-v>"), QStringLiteral("<C-a>"), QStringLiteral("<C-x>"),
        QStringLiteral("<Esc>"), QStringLiteral("zz"),    QStringLiteral("zt"),    QStringLiteral("zb"),
        QStringLiteral("<Del>")};
    return keys;
}

} // namespace

const QStringList& vimVisualCommands() {
    static const QStringList keys = {
        QStringLiteral("x"), QStringLiteral("X"),     QStringLiteral("s"),     QStringLiteral("S"),
        QStringLiteral("D"), QStringLiteral("C"),     QStringLiteral("Y"),     QStringLiteral("R"),
        QStringLiteral("p"), QStringLiteral("P"),     QStringLiteral("J"),     QStringLiteral("gJ"),
        QStringLiteral("~"), QStringLiteral("u"),     QStringLiteral("U"),     QStringLiteral("I"),
        QStringLiteral("A"), QStringLiteral("o"),     QStringLiteral("O"),     QStringLiteral("v"),
        QStringLiteral("V"), QStringLiteral("<C-v>"), QStringLiteral("<Esc>"), QStringLiteral("<Del>")};
    return keys;
}

namespace {

// Normal-mode commands that change the text: an undo step each, and what "." repeats.
const QStringList& changingCommands() {
    static const QStringList keys = {
        QStringLiteral("x"),     QStringLiteral("X"),     QStringLiteral("s"),    QStringLiteral("S"),
        QStringLiteral("D"),     QStringLiteral("C"),     QStringLiteral("p"),    QStringLiteral("P"),
        QStringLiteral("J"),     QStringLiteral("gJ"),    QStringLiteral("~"),    QStringLiteral("r"),
        QStringLiteral("i"),     QStringLiteral("I"),     QStringLiteral("a"),    QStringLiteral("A"),
        QStringLiteral("gI"),    QStringLiteral("o"),     QStringLiteral("O"),    QStringLiteral("R"),
        QStringLiteral("<C-a>"), QStringLiteral("<C-x>"), QStringLiteral("<Del>")};
    return keys;
}

const QString kObjects = QStringLiteral("wWp()b{}B[]<>\"'`");

bool isDigitKey(const QString& key) {
    return key.size() == 1 && key[0] >= u'0' && key[0] <= u'9';
}

// A count at keys[i] (a leading 0 is the "0" motion, not a count); 0 when there is none.
int readCount(const QStringList& keys, int& i) {
    int n = 0;
    while (i < keys.size() && isDigitKey(keys[i]) && !(n == 0 && keys[i] == u"0")) {
        n = std::min(n * 10 + (keys[i][0].unicode() - u'0'), 999999);
        ++i;
    }
    return n;
}

bool isCommandLineKey(const QString& key) {
    return key.size() > 1 && key[0] == QChar(1);
}

} // namespace

VimEngine::VimEngine(VimBuffer& buffer)
    : m_buffer(buffer) {
}

VimEngine::~VimEngine() = default;

void VimEngine::reset() {
    if (m_inChange) {
        m_buffer.endChange();
        m_inChange = false;
    }
    m_mode = Mode::Normal;
    m_pending.clear();
    m_commandLine.clear();
    m_buffer.setSelection({});
}

void VimEngine::setClipboard(std::function<QString()> read, std::function<void(const QString&)> write) {
    m_readClipboard = std::move(read);
    m_writeClipboard = std::move(write);
}

QString VimEngine::statusText() const {
    if (!m_commandLine.isEmpty())
        return m_commandLine;
    QString mode;
    switch (m_mode) {
    case Mode::Insert:
        mode = QStringLiteral("-- INSERT --");
        break;
    case Mode::Replace:
        mode = QStringLiteral("-- REPLACE --");
        break;
    case Mode::Visual:
        mode = QStringLiteral("-- VISUAL --");
        break;
    case Mode::VisualLine:
        mode = QStringLiteral("-- VISUAL LINE --");
        break;
    case Mode::VisualBlock:
        mode = QStringLiteral("-- VISUAL BLOCK --");
        break;
    case Mode::Normal:
        break;
    }
    if (!m_pending.isEmpty())
        return (mode.isEmpty() ? QString() : mode + u' ') + m_pending.join(QString());
    return mode.isEmpty() ? m_message : mode;
}

void VimEngine::feedKeys(const QString& notation) {
    for (const QString& key : parseVimKeys(notation))
        feed(key);
}

bool VimEngine::feed(const QString& key) {
    if (m_mode == Mode::Insert || m_mode == Mode::Replace) {
        const bool known = key.size() == 1 || !key.startsWith(u"<C-") || key == u"<C-w>" || key == u"<C-u>";
        if (!known)
            return false;
        if (!m_replaying)
            m_recording << key;
        feedInsert(key);
        return true;
    }
    if (!m_commandLine.isEmpty()) {
        feedCommandLine(key);
        return true;
    }
    if (m_pending.isEmpty())
        m_message.clear();
    m_pending << key;
    Command command;
    switch (parseNormal(m_pending, command)) {
    case Parse::Incomplete:
        return true;
    case Parse::Invalid:
        m_pending.clear();
        return true;
    case Parse::CommandLine:
        m_commandLine = key;
        if (key == u":" && inVisual())
            m_commandLine += QStringLiteral("'<,'>");
        return true;
    case Parse::Complete:
        break;
    }
    m_pending.clear();
    if (inVisual())
        runVisual(command);
    else
        runNormal(command);
    return true;
}

void VimEngine::feedCommandLine(const QString& key) {
    if (key == u"<Esc>") {
        m_commandLine.clear();
        m_pending.clear();
        return;
    }
    if (key == u"<BS>") {
        m_commandLine.chop(1);
        if (m_commandLine.isEmpty())
            m_pending.clear();
        return;
    }
    if (key == u"<CR>") {
        // The command line becomes one key of the command it ends ("d/foo<CR>"), read again.
        const QString line = m_commandLine;
        m_commandLine.clear();
        m_pending.removeLast();
        m_pending << QString(QChar(1)) + line;
        Command command;
        if (parseNormal(m_pending, command) != Parse::Complete) {
            m_pending.clear();
            return;
        }
        m_pending.clear();
        if (inVisual())
            runVisual(command);
        else
            runNormal(command);
        return;
    }
    if (key == u"<lt>")
        m_commandLine += u'<';
    else if (key.size() == 1)
        m_commandLine += key;
}

VimEngine::Parse VimEngine::parseNormal(const QStringList& keys, Command& c) const {
    int i = 0;
    if (keys[0] == u"\"") {
        if (keys.size() < 2)
            return Parse::Incomplete;
        const QChar r = keys[1].size() == 1 ? keys[1][0] : QChar();
        const bool named = r.unicode() < 128 && r.isLetterOrNumber();
        if (!named && !QStringLiteral("\"-_+*").contains(r))
            return Parse::Invalid;
        c.reg = r;
        c.plain << keys[0] << keys[1];
        i = 2;
    }
    const int count1 = readCount(keys, i);
    if (i >= keys.size())
        return Parse::Incomplete;
    c.count = count1;
    QString key = keys[i];
    if (isCommandLineKey(key)) {
        c.key = key.mid(1, 1);
        c.arg = key.mid(2);
        c.plain << key;
        return i + 1 == keys.size() ? Parse::Complete : Parse::Invalid;
    }
    if (key == u":")
        return Parse::CommandLine;
    if (key == u"g" || key == u"z") {
        if (i + 1 >= keys.size())
            return Parse::Incomplete;
        key += keys[++i];
    }
    const int motionStart = i - (key.size() == 2 && (key[0] == u'g' || key[0] == u'z') ? 1 : 0);
    if (operators().contains(key)) {
        c.op = key;
        c.plain << keys.mid(motionStart, i + 1 - motionStart);
        ++i;
        if (inVisual())
            return i == keys.size() ? Parse::Complete : Parse::Invalid;
        const int count2 = readCount(keys, i);
        if (count1 || count2)
            c.count = int(std::min<qint64>(qint64(std::max(1, count1)) * std::max(1, count2), 999999));
        if (i >= keys.size())
            return Parse::Incomplete;
        // Doubled: "dd", ">>", "guu", "gugu", "gUU".
        const QString last = key.right(1);
        if (keys[i] == last || (key.size() == 2 && keys[i] == u"g")) {
            if (keys[i] == u"g" && key.size() == 2) {
                if (i + 1 >= keys.size())
                    return Parse::Incomplete;
                if (keys[i + 1] != key.right(1))
                    return parseMotion(keys, i, c);
                c.plain << keys[i] << keys[i + 1];
                i += 2;
            } else {
                c.plain << keys[i];
                ++i;
            }
            c.doubled = true;
            c.key = key;
            return i == keys.size() ? Parse::Complete : Parse::Invalid;
        }
        return parseMotion(keys, i, c);
    }
    const QStringList& commands = inVisual() ? vimVisualCommands() : normalCommands();
    if (commands.contains(key)) {
        // In visual mode "i" and "a" begin a text object; "I" and "A" insert.
        c.key = key;
        c.plain << keys.mid(motionStart, i + 1 - motionStart);
        return i + 1 == keys.size() ? Parse::Complete : Parse::Invalid;
    }
    if (key == u"r" || key == u"m") {
        if (i + 1 >= keys.size())
            return Parse::Incomplete;
        const QString arg = keys[i + 1];
        if (arg.size() != 1 && !(key == u"r" && arg == u"<lt>"))
            return Parse::Invalid;
        c.key = key;
        c.arg = arg == u"<lt>" ? QStringLiteral("<") : arg;
        c.plain << keys[i] << keys[i + 1];
        return i + 2 == keys.size() ? Parse::Complete : Parse::Invalid;
    }
    i = motionStart;
    return parseMotion(keys, i, c);
}

VimEngine::Parse VimEngine::parseMotion(const QStringList& keys, int& i, Command& c) const {
    if (i >= keys.size())
        return Parse::Incomplete;
    QString key = keys[i];
    if (isCommandLineKey(key)) {
        c.key = key.mid(1, 1);
        c.arg = key.mid(2);
        c.plain << key;
        return i + 1 == keys.size() ? Parse::Complete : Parse::Invalid;
    }
    if (key == u"/" || key == u"?")
        return Parse::CommandLine;
    const int start = i;
    if (key == u"g") {
        if (i + 1 >= keys.size())
            return Parse::Incomplete;
        key += keys[++i];
    }
    ++i;
    if (simpleMotions().contains(key)) {
        c.key = key;
        c.plain << keys.mid(start, i - start);
        return i == keys.size() ? Parse::Complete : Parse::Invalid;
    }
    const bool object = (key == u"i" || key == u"a") && (!c.op.isEmpty() || inVisual());
    if (isArgMotion(key) || object) {
        if (i >= keys.size())
            return Parse::Incomplete;
        QString arg = keys[i];
        if (arg == u"<lt>")
            arg = QStringLiteral("<");
        if (arg.size() != 1 || (object && !kObjects.contains(arg)))
            return Parse::Invalid;
        c.key = key;
        c.arg = arg;
        c.plain << keys[start] << keys[i];
        return i + 1 == keys.size() ? Parse::Complete : Parse::Invalid;
    }
    return Parse::Invalid;
}

bool VimEngine::runMotion(const Command& c, int count, Motion& m) {
    const int n = std::max(1, count);
    const VimPos at = m_buffer.cursor();
    const QString text = lineText(at.line);
    const int len = int(text.size());
    const QString& k = c.key;
    using T = Motion::Type;
    m = Motion{at, T::Exclusive, false};
    auto lineMove = [&](int to, bool firstNonBlankCol) {
        to = std::clamp(to, 0, lastLine());
        if (to == at.line)
            return false;
        const QString target = lineText(to);
        // The column j and k keep: the one wanted when the cursor is where they left it, else its own.
        const int want = at == m_wantAt ? m_wantCol : at.col;
        const int col = firstNonBlankCol ? vimtext::firstNonBlank(target)
                                         : std::min(want, std::max(0, int(target.size()) - 1));
        m = Motion{{to, col}, T::Lines, !firstNonBlankCol};
        return true;
    };
    if (k == u"h" || k == u"<Left>" || k == u"<BS>") {
        if (at.col == 0)
            return false;
        m.to.col = std::max(0, at.col - n);
    } else if (k == u"l" || k == u"<Right>" || k == u" ") {
        const int last = c.op.isEmpty() ? len - 1 : len; // an operator may take the last character
        if (at.col >= last)
            return false;
        m.to.col = std::min(last, at.col + n);
    } else if (k == u"j" || k == u"<Down>") {
        return lineMove(at.line + n, false);
    } else if (k == u"k" || k == u"<Up>") {
        return lineMove(at.line - n, false);
    } else if (k == u"+" || k == u"<CR>") {
        return lineMove(at.line + n, true);
    } else if (k == u"-") {
        return lineMove(at.line - n, true);
    } else if (k == u"_") {
        const int to = std::min(lastLine(), at.line + n - 1);
        m = Motion{{to, vimtext::firstNonBlank(lineText(to))}, T::Lines};
    } else if (k == u"0" || k == u"<Home>") {
        m.to.col = 0;
    } else if (k == u"^") {
        m.to.col = vimtext::firstNonBlank(text);
    } else if (k == u"$" || k == u"<End>") {
        const int to = std::min(lastLine(), at.line + n - 1);
        m = Motion{{to, std::max(0, int(lineText(to).size()) - 1)}, T::Inclusive};
        if (lineText(to).isEmpty())
            m.type = T::Exclusive;
    } else if (k == u"g_") {
        const int to = std::min(lastLine(), at.line + n - 1);
        const QString t = lineText(to);
        int col = int(t.size()) - 1;
        while (col > 0 && (t[col] == u' ' || t[col] == u'\t'))
            --col;
        m = Motion{{to, std::max(0, col)}, T::Inclusive};
    } else if (k == u"|") {
        m.to.col = std::min(n - 1, std::max(0, len - 1));
    } else if (k == u"w" || k == u"W") {
        const bool big = k == u"W";
        const bool onWord = at.col < len && text[at.col] != u' ' && text[at.col] != u'\t';
        if (c.op == u"c" && onWord) { // "cw" is "ce": the blanks after the word stay
            VimPos end{at.line, vimtext::wordObject(m_buffer, at, 1, false, big)->to.col - 1};
            if (n > 1)
                end = vimtext::wordEnd(m_buffer, end, big, n - 1);
            m = Motion{end, T::Inclusive};
        } else {
            m.to = vimtext::wordForward(m_buffer, at, big, n, !c.op.isEmpty());
        }
    } else if (k == u"e" || k == u"E") {
        m = Motion{vimtext::wordEnd(m_buffer, at, k == u"E", n), T::Inclusive};
    } else if (k == u"b" || k == u"B") {
        m.to = vimtext::wordBackward(m_buffer, at, k == u"B", n);
    } else if (k == u"ge" || k == u"gE") {
        m = Motion{vimtext::wordEndBackward(m_buffer, at, k == u"gE", n), T::Inclusive};
    } else if (k == u"G" || k == u"gg") {
        const int to = count > 0 ? std::min(count - 1, lastLine()) : (k == u"G" ? lastLine() : 0);
        m = Motion{{to, vimtext::firstNonBlank(lineText(to))}, T::Lines};
        m_marks[u'\''] = at;
    } else if (k == u"}") {
        m.to = vimtext::paragraphForward(m_buffer, at, n);
    } else if (k == u"{") {
        m.to = vimtext::paragraphBackward(m_buffer, at, n);
    } else if (k == u"%") {
        const auto match = vimtext::matchingBracket(m_buffer, at);
        if (!match)
            return false;
        m = Motion{*match, T::Inclusive};
    } else if (k == u"f" || k == u"F" || k == u"t" || k == u"T" || k == u";" || k == u",") {
        QString how = k, what = c.arg;
        if (k == u";" || k == u",") {
            if (m_lastFind.size() != 2)
                return false;
            how = m_lastFind.left(1);
            what = m_lastFind.mid(1);
            if (k == u",")
                how = how == u"f"   ? QStringLiteral("F")
                      : how == u"F" ? QStringLiteral("f")
                      : how == u"t" ? QStringLiteral("T")
                                    : QStringLiteral("t");
        } else {
            m_lastFind = k + c.arg;
        }
        // Repeating t or T steps over the character it stopped before.
        int from = at.col;
        if ((k == u";" || k == u",") && (how == u"t" || how == u"T"))
            from += how == u"t" ? 1 : -1;
        const auto col = vimtext::findInLine(text, from, how[0], what[0], n);
        if (!col)
            return false;
        m.to.col = *col;
        m.type = how == u"f" || how == u"t" ? T::Inclusive : T::Exclusive;
    } else if (k == u"n" || k == u"N" || k == u"*" || k == u"#" || k == u"/" || k == u"?") {
        if (k == u"*" || k == u"#") {
            const auto word = vimtext::wordObject(m_buffer, at, 1, false, false);
            if (!word)
                return false;
            m_lastSearch = QStringLiteral("\\<") + text.mid(word->from.col, word->to.col - word->from.col) +
                           QStringLiteral("\\>");
            m_lastSearchForward = k == u"*";
        } else if (k == u"/" || k == u"?") {
            if (!c.arg.isEmpty())
                m_lastSearch = c.arg;
            m_lastSearchForward = k == u"/";
        }
        if (m_lastSearch.isEmpty()) {
            m_message = QStringLiteral("No previous search pattern");
            return false;
        }
        const bool forward = k == u"N" ? !m_lastSearchForward : m_lastSearchForward;
        const auto found = search(m_lastSearch, at, forward, n);
        if (!found)
            return false;
        m_marks[u'\''] = at;
        m.to = *found;
    } else if (k == u"'" || k == u"`") {
        if (!m_marks.contains(c.arg[0])) {
            m_message = QStringLiteral("Mark not set");
            return false;
        }
        const VimPos mark = m_marks.value(c.arg[0]);
        const int line = std::min(mark.line, lastLine());
        if (k == u"'")
            m = Motion{{line, vimtext::firstNonBlank(lineText(line))}, T::Lines};
        else
            m.to = {line, std::min(mark.col, int(lineText(line).size()))};
    } else {
        return false;
    }
    return true;
}

void VimEngine::runNormal(const Command& c) {
    const int n = std::max(1, c.count);
    const VimPos at = m_buffer.cursor();
    const QString text = lineText(at.line);
    const int len = int(text.size());
    const QString& k = c.key;
    const bool change =
        !(c.op.isEmpty() || c.op == u"y") || (c.op.isEmpty() && changingCommands().contains(k));
    if (change && !m_replaying) {
        m_recording = c.plain;
        if (c.count > 0)
            m_recording.prepend(QString::number(c.count));
    }
    if (change && !m_inChange) {
        m_buffer.beginChange();
        m_inChange = true;
    }

    if (!c.op.isEmpty()) {
        Range r;
        bool ok = true;
        if (c.doubled) {
            r = Range{Range::Kind::Lines, {at.line, 0}, {std::min(lastLine(), at.line + n - 1), 0}};
        } else if ((k == u"i" || k == u"a")) {
            ok = textObject(k + c.arg, n, r);
        } else {
            Motion m;
            ok = runMotion(c, c.count, m);
            if (ok) {
                VimPos a = at, b = m.to;
                if (m.type == Motion::Type::Lines) {
                    r = Range{
                        Range::Kind::Lines, {std::min(a.line, b.line), 0}, {std::max(a.line, b.line), 0}};
                } else {
                    if (b < a)
                        std::swap(a, b);
                    r = Range{Range::Kind::Chars, a, b};
                    if (m.type == Motion::Type::Inclusive) {
                        ++r.to.col;
                        if (r.to.col > lineText(b.line).size() && b.line < lastLine())
                            r.to = {b.line + 1, 0};
                    } else if (b.line > a.line && b.col == 0) {
                        // An exclusive motion ending at a line's start stops at the line before; from the
                        // line's first non-blank it takes whole lines (":help o_v").
                        if (a.col <= vimtext::firstNonBlank(lineText(a.line)))
                            r = Range{Range::Kind::Lines, {a.line, 0}, {b.line - 1, 0}};
                        else
                            r.to = {b.line - 1, int(lineText(b.line - 1).size())};
                    }
                }
            }
        }
        if (ok)
            applyOperator(c.op, r, c.reg);
        finishChange();
        return;
    }

    Motion m;
    if (simpleMotions().contains(k) || isArgMotion(k) || k == u"/" || k == u"?") {
        if (runMotion(c, c.count, m)) {
            const int want = m_buffer.cursor() == m_wantAt ? m_wantCol : m_buffer.cursor().col;
            setCursorClamped(m.to);
            m_wantCol = m.keepColumn ? want : (k == u"$" || k == u"<End>") ? INT_MAX : m_buffer.cursor().col;
            m_wantAt = m_buffer.cursor();
        }
        return;
    }
    if (k == u"x" || k == u"<Del>" || k == u"s") {
        if (len > 0 || k == u"s")
            applyOperator(k == u"s" ? QStringLiteral("c") : QStringLiteral("d"),
                          Range{Range::Kind::Chars, at, {at.line, std::min(len, at.col + n)}}, c.reg);
    } else if (k == u"X") {
        if (at.col > 0)
            applyOperator(QStringLiteral("d"),
                          Range{Range::Kind::Chars, {at.line, std::max(0, at.col - n)}, at}, c.reg);
    } else if (k == u"S") {
        applyOperator(QStringLiteral("c"),
                      Range{Range::Kind::Lines, {at.line, 0}, {std::min(lastLine(), at.line + n - 1), 0}},
                      c.reg);
    } else if (k == u"D" || k == u"C") {
        const int to = std::min(lastLine(), at.line + n - 1);
        applyOperator(k == u"D" ? QStringLiteral("d") : QStringLiteral("c"),
                      Range{Range::Kind::Chars, at, {to, int(lineText(to).size())}}, c.reg);
    } else if (k == u"Y") {
        applyOperator(QStringLiteral("y"),
                      Range{Range::Kind::Lines, {at.line, 0}, {std::min(lastLine(), at.line + n - 1), 0}},
                      c.reg);
    } else if (k == u"p" || k == u"P") {
        put(c, k == u"P");
    } else if (k == u"J" || k == u"gJ") {
        joinLines(at.line, std::max(2, n), k == u"J");
    } else if (k == u"~") {
        if (len > 0) {
            changeCase(Range{Range::Kind::Chars, at, {at.line, std::min(len, at.col + n)}}, 2);
            setCursorClamped({at.line, std::min(len - 1, at.col + n)});
        }
    } else if (k == u"r") {
        replaceChars(c.arg, n);
    } else if (k == u"u" || k == u"<C-r>") {
        for (int i = 0; i < n; ++i) {
            const auto where = k == u"u" ? m_buffer.undo() : m_buffer.redo();
            if (!where) {
                m_message = k == u"u" ? QStringLiteral("Already at oldest change")
                                      : QStringLiteral("Already at newest change");
                break;
            }
            setCursorClamped(*where);
        }
    } else if (k == u".") {
        // Not while replaying: a replay whose change failed part way would read its typed "." as this.
        if (m_lastChange.isEmpty() || m_replaying)
            return;
        QStringList keys = m_lastChange;
        if (c.count > 0) {
            if (!keys.isEmpty() && isDigitKey(keys.first().left(1)) && keys.first() != u"0")
                keys.removeFirst();
            keys.prepend(QString::number(c.count));
        }
        m_replaying = true;
        for (const QString& key : keys) {
            if (isDigitKey(key.left(1)) && key.size() > 1) // a count kept whole
                for (const QChar digit : key)
                    feed(QString(digit));
            else
                feed(key);
        }
        m_replaying = false;
    } else if (k == u"i" || k == u"a" || k == u"I" || k == u"A" || k == u"gI" || k == u"o" || k == u"O" ||
               k == u"R") {
        startInsert(k, n);
    } else if (k == u"v" || k == u"V" || k == u"<C-v>") {
        enterVisual(k == u"v" ? Mode::Visual : k == u"V" ? Mode::VisualLine : Mode::VisualBlock);
    } else if (k == u"<C-a>" || k == u"<C-x>") {
        addToNumber(k == u"<C-a>" ? n : -n);
    } else if (k == u"m") {
        m_marks[c.arg[0]] = at;
    } else if (k == u":") {
        runExCommand(c.arg);
    }
    finishChange();
}

// After a command: its undo step closes and "." remembers it, unless insert mode goes on with it.
void VimEngine::finishChange() {
    if (m_mode == Mode::Insert || m_mode == Mode::Replace)
        return;
    if (m_inChange) {
        m_buffer.endChange();
        m_inChange = false;
        if (!m_replaying && !m_recording.isEmpty())
            m_lastChange = m_recording;
    }
    m_recording.clear();
    if (!inVisual())
        setCursorClamped(m_buffer.cursor());
}

void VimEngine::setCursorClamped(VimPos at, bool allowPastEnd) {
    at.line = std::clamp(at.line, 0, lastLine());
    const int len = int(lineText(at.line).size());
    at.col = std::clamp(at.col, 0, std::max(0, allowPastEnd ? len : len - 1));
    m_buffer.setCursor(at);
}

} // namespace pgdesk::core
