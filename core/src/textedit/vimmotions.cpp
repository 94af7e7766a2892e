// SPDX-License-Identifier: GPL-3.0-or-later
#include "textedit/vimmotions.h"

namespace pgdesk::core::vimtext {
namespace {

// Character classes as vim's word motions see them. A line's end reads as a blank, except that an empty
// line is a word of its own.
constexpr int kBlank = 0, kWord = 1, kPunct = 2, kEmptyLine = 3;

int classOf(QChar c, bool big) {
    if (c == u' ' || c == u'\t' || c == u'\n')
        return kBlank;
    if (big)
        return kWord;
    return c.isLetterOrNumber() || c == u'_' ? kWord : kPunct;
}

// Walks the text a character at a time, the line's end counted as one place (its line break).
class Walker {
public:
    Walker(const VimBuffer& buffer, VimPos at)
        : m_buffer(&buffer)
        , m_at(at) {
        load();
    }
    VimPos pos() const { return m_at; }
    int cls(bool big) const {
        if (m_text.isEmpty())
            return kEmptyLine;
        return classOf(m_at.col < m_text.size() ? m_text[m_at.col] : QChar(u'\n'), big);
    }
    bool next() {
        if (m_at.col < m_text.size()) {
            ++m_at.col;
            return true;
        }
        if (m_at.line + 1 >= m_buffer->lineCount())
            return false;
        ++m_at.line;
        m_at.col = 0;
        load();
        return true;
    }
    bool prev() {
        if (m_at.col > 0) {
            --m_at.col;
            return true;
        }
        if (m_at.line == 0)
            return false;
        --m_at.line;
        load();
        m_at.col = int(m_text.size());
        return true;
    }

private:
    void load() {
        m_text = m_buffer->line(m_at.line);
        m_at.col = std::min(m_at.col, int(m_text.size()));
    }
    const VimBuffer* m_buffer;
    VimPos m_at;
    QString m_text;
};

VimPos oneWordForward(const VimBuffer& buffer, VimPos from, bool big) {
    Walker w(buffer, from);
    const int start = w.cls(big);
    if (start == kEmptyLine) {
        if (!w.next())
            return w.pos();
    } else if (start != kBlank) {
        while (w.cls(big) == start)
            if (!w.next())
                return w.pos();
    }
    while (w.cls(big) == kBlank)
        if (!w.next())
            return w.pos();
    return w.pos();
}

// From the bracket at `at` (open when forward, close when not) to the one that pairs with it.
std::optional<VimPos> scanMatch(const VimBuffer& buffer, VimPos at, QChar open, QChar close, bool forward) {
    Walker w(buffer, at);
    int depth = 0;
    QString line = buffer.line(at.line);
    int lineNo = at.line;
    for (;;) {
        if (w.pos().line != lineNo) {
            lineNo = w.pos().line;
            line = buffer.line(lineNo);
        }
        const int c = w.pos().col;
        if (c < line.size()) {
            if (line[c] == open)
                depth += forward ? 1 : -1;
            else if (line[c] == close)
                depth += forward ? -1 : 1;
            if (depth == 0)
                return w.pos();
        }
        if (!(forward ? w.next() : w.prev()))
            return std::nullopt;
    }
}

// The open bracket around `at`, or at it: walking back, the first one not closed in between.
std::optional<VimPos> enclosingOpen(const VimBuffer& buffer, VimPos at, QChar open, QChar close) {
    Walker w(buffer, at);
    int depth = 0;
    QString line = buffer.line(at.line);
    int lineNo = at.line;
    for (;;) {
        if (w.pos().line != lineNo) {
            lineNo = w.pos().line;
            line = buffer.line(lineNo);
        }
        const int c = w.pos().col;
        if (c < line.size()) {
            if (line[c] == open) {
                if (depth == 0)
                    return w.pos();
                --depth;
            } else if (line[c] == close) {
                ++depth;
            }
        }
        if (!w.prev())
            return std::nullopt;
    }
}

} // namespace

int firstNonBlank(const QString& line) {
    int i = 0;
    while (i < line.size() && (line[i] == u' ' || line[i] == u'\t'))
        ++i;
    return i;
}

VimPos wordForward(const VimBuffer& buffer, VimPos from, bool big, int count, bool forOperator) {
    VimPos at = from;
    for (int i = 0; i < count; ++i) {
        const VimPos next = oneWordForward(buffer, at, big);
        // "dw" on a line's last word stops at the line's end rather than taking the line break.
        if (forOperator && i == count - 1 && next.line > at.line && !buffer.line(at.line).isEmpty())
            return {at.line, int(buffer.line(at.line).size())};
        if (next == at)
            break;
        at = next;
    }
    return at;
}

VimPos wordEnd(const VimBuffer& buffer, VimPos from, bool big, int count) {
    Walker w(buffer, from);
    for (int i = 0; i < count; ++i) {
        if (!w.next())
            break;
        while (w.cls(big) == kBlank || w.cls(big) == kEmptyLine)
            if (!w.next())
                return w.pos();
        const int cls = w.cls(big);
        for (;;) {
            Walker ahead = w;
            if (!ahead.next() || ahead.cls(big) != cls)
                break;
            w = ahead;
        }
    }
    return w.pos();
}

VimPos wordBackward(const VimBuffer& buffer, VimPos from, bool big, int count) {
    Walker w(buffer, from);
    for (int i = 0; i < count; ++i) {
        if (!w.prev())
            break;
        while (w.cls(big) == kBlank)
            if (!w.prev())
                return w.pos();
        const int cls = w.cls(big);
        if (cls == kEmptyLine)
            continue;
        for (;;) {
            Walker behind = w;
            if (!behind.prev() || behind.cls(big) != cls)
                break;
            w = behind;
        }
    }
    return w.pos();
}

VimPos wordEndBackward(const VimBuffer& buffer, VimPos from, bool big, int count) {
    Walker w(buffer, from);
    for (int i = 0; i < count; ++i) {
        const int cls = w.cls(big);
        if (cls == kWord || cls == kPunct) {
            while (w.cls(big) == cls)
                if (!w.prev())
                    return {0, 0};
        } else if (!w.prev()) {
            return {0, 0};
        }
        while (w.cls(big) == kBlank)
            if (!w.prev())
                return {0, 0};
    }
    return w.pos();
}

std::optional<int> findInLine(const QString& line, int col, QChar how, QChar what, int count) {
    const bool forward = how == u'f' || how == u't';
    int at = col;
    for (int i = 0; i < count; ++i) {
        at = forward ? int(line.indexOf(what, at + 1)) : (at > 0 ? int(line.lastIndexOf(what, at - 1)) : -1);
        if (at < 0)
            return std::nullopt;
    }
    if (how == u't')
        --at;
    else if (how == u'T')
        ++at;
    return at;
}

std::optional<VimPos> matchingBracket(const VimBuffer& buffer, VimPos from) {
    static const QString brackets = QStringLiteral("()[]{}");
    const QString text = buffer.line(from.line);
    int col = from.col;
    while (col < text.size() && !brackets.contains(text[col]))
        ++col;
    if (col >= text.size())
        return std::nullopt;
    const int kind = int(brackets.indexOf(text[col]));
    return scanMatch(buffer, {from.line, col}, brackets[kind & ~1], brackets[kind | 1], (kind & 1) == 0);
}

VimPos paragraphForward(const VimBuffer& buffer, VimPos from, int count) {
    int line = from.line;
    const int last = buffer.lineCount() - 1;
    for (int i = 0; i < count; ++i) {
        while (line < last && buffer.line(line).isEmpty())
            ++line;
        while (line < last && !buffer.line(line).isEmpty())
            ++line;
    }
    if (line == last && !buffer.line(line).isEmpty())
        return {line, int(buffer.line(line).size())};
    return {line, 0};
}

VimPos paragraphBackward(const VimBuffer& buffer, VimPos from, int count) {
    int line = from.line;
    for (int i = 0; i < count; ++i) {
        while (line > 0 && buffer.line(line).isEmpty())
            --line;
        while (line > 0 && !buffer.line(line).isEmpty())
            --line;
    }
    return {line, 0};
}

std::optional<TextRange> wordObject(const VimBuffer& buffer, VimPos at, int count, bool around, bool big) {
    const QString text = buffer.line(at.line);
    if (text.isEmpty())
        return std::nullopt;
    const int col = std::min(at.col, int(text.size()) - 1);
    auto cls = [&](int i) { return classOf(text[i], big); };
    auto runEnd = [&](int i) { // one past the run of i's class
        const int c = cls(i);
        while (i < text.size() && cls(i) == c)
            ++i;
        return i;
    };
    int start = col;
    while (start > 0 && cls(start - 1) == cls(col))
        --start;
    const bool onBlank = cls(col) == kBlank;
    int end = runEnd(start);
    const int size = int(text.size());
    if (!around) { // each count one more run: words and the blanks between count alike
        for (int i = 1; i < count && end < size; ++i)
            end = runEnd(end);
    } else if (onBlank) { // the blanks and the word after them, then blanks and word again
        if (end < size)
            end = runEnd(end);
        for (int i = 1; i < count && end < size; ++i) {
            end = runEnd(end);
            if (end < size)
                end = runEnd(end);
        }
    } else { // the words with the blanks between, then the blanks after; or before when none follow
        for (int i = 1; i < count && end < size; ++i) {
            if (cls(end) == kBlank)
                end = runEnd(end);
            if (end < size)
                end = runEnd(end);
        }
        if (end < size && cls(end) == kBlank) {
            end = runEnd(end);
        } else {
            while (start > 0 && cls(start - 1) == kBlank)
                --start;
        }
    }
    return TextRange{{at.line, start}, {at.line, end}};
}

std::optional<TextRange> bracketObject(const VimBuffer& buffer, VimPos at, QChar open, QChar close,
                                       bool around, int count) {
    std::optional<VimPos> openAt;
    const QString here = buffer.line(at.line);
    if (at.col < here.size() && here[at.col] == close)
        openAt = scanMatch(buffer, at, open, close, false);
    else
        openAt = enclosingOpen(buffer, at, open, close);
    for (int n = 1; n < count && openAt; ++n) { // a count: the pairs around this one
        Walker back(buffer, *openAt);
        if (!back.prev())
            return std::nullopt;
        openAt = enclosingOpen(buffer, back.pos(), open, close);
    }
    if (!openAt)
        return std::nullopt;
    const auto closeAt = scanMatch(buffer, *openAt, open, close, true);
    if (!closeAt)
        return std::nullopt;
    if (around)
        return TextRange{*openAt, {closeAt->line, closeAt->col + 1}};
    VimPos from{openAt->line, openAt->col + 1};
    VimPos to = *closeAt;
    const QString openLine = buffer.line(openAt->line);
    const QString closeLine = buffer.line(closeAt->line);
    const bool openEndsLine = from.col >= openLine.size();
    const bool closeStartsLine = firstNonBlank(closeLine) == to.col;
    if (openEndsLine && closeStartsLine && closeAt->line > openAt->line + 1)
        return TextRange{{openAt->line + 1, 0}, {closeAt->line - 1, 0}, true};
    if (openEndsLine && closeAt->line > openAt->line)
        from = {openAt->line + 1, 0};
    if (closeStartsLine && closeAt->line > from.line)
        to = {closeAt->line - 1, int(buffer.line(closeAt->line - 1).size())};
    return TextRange{from, to};
}

std::optional<TextRange> quoteObject(const QString& line, int lineNo, int col, QChar quote, bool around) {
    QList<int> quotes;
    for (int i = 0; i < line.size(); ++i) {
        if (line[i] == u'\\') {
            ++i;
            continue;
        }
        if (line[i] == quote)
            quotes << i;
    }
    int open = -1, close = -1;
    for (qsizetype i = 0; i + 1 < quotes.size(); i += 2)
        if (quotes[i] <= col && col <= quotes[i + 1]) {
            open = quotes[i];
            close = quotes[i + 1];
        }
    if (open < 0) // not inside a pair: the first pair after the cursor
        for (qsizetype i = 0; i + 1 < quotes.size(); i += 2)
            if (quotes[i] > col) {
                open = quotes[i];
                close = quotes[i + 1];
                break;
            }
    if (open < 0)
        return std::nullopt;
    if (!around)
        return TextRange{{lineNo, open + 1}, {lineNo, close}};
    int start = open, end = close + 1;
    if (end < line.size() && (line[end] == u' ' || line[end] == u'\t')) {
        while (end < line.size() && (line[end] == u' ' || line[end] == u'\t'))
            ++end;
    } else {
        while (start > 0 && (line[start - 1] == u' ' || line[start - 1] == u'\t'))
            --start;
    }
    return TextRange{{lineNo, start}, {lineNo, end}};
}

std::optional<TextRange> paragraphObject(const VimBuffer& buffer, int line, int count, bool around) {
    const int last = buffer.lineCount() - 1;
    auto blank = [&](int n) { return buffer.line(n).trimmed().isEmpty(); };
    int first = line;
    while (first > 0 && blank(first - 1) == blank(line))
        --first;
    int end = line;
    for (int i = 0; i < count; ++i) {
        if (i > 0) {
            if (end >= last)
                break;
            ++end;
        }
        const bool kind = blank(end);
        while (end < last && blank(end + 1) == kind)
            ++end;
        if (around && !kind) {
            if (end < last && blank(end + 1)) {
                ++end;
                while (end < last && blank(end + 1))
                    ++end;
            } else {
                while (first > 0 && blank(first - 1))
                    --first;
            }
        }
    }
    return TextRange{{first, 0}, {end, 0}, true};
}

} // namespace pgdesk::core::vimtext
