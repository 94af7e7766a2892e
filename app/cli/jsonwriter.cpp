// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonwriter.h"

#include <QLocale>

#include <cmath>

namespace pgdesk::cli {

namespace {

char hexDigit(unsigned v) {
    return char(v < 10 ? '0' + v : 'a' + v - 10); // Qt writes \u escapes in lower case
}

void appendUnicodeEscape(QByteArray& out, char16_t u) {
    const char text[6] = {'\\',
                          'u',
                          hexDigit(u >> 12 & 0xf),
                          hexDigit(u >> 8 & 0xf),
                          hexDigit(u >> 4 & 0xf),
                          hexDigit(u & 0xf)};
    out.append(text, 6);
}

} // namespace

IndentedJsonWriter::IndentedJsonWriter(QByteArray& out, int depth)
    : m_out(out)
    , m_depth(depth) {
}

void IndentedJsonWriter::appendEscaped(QByteArray& out, QStringView s) {
    const char16_t* src = s.utf16();
    const char16_t* const end = src + s.size();
    while (src != end) {
        const char16_t u = *src++;
        if (u < 0x80) {
            if (u >= 0x20 && u != '"' && u != '\\') {
                out.append(char(u));
                continue;
            }
            out.append('\\');
            switch (u) {
            case '"':
                out.append('"');
                break;
            case '\\':
                out.append('\\');
                break;
            case '\b':
                out.append('b');
                break;
            case '\f':
                out.append('f');
                break;
            case '\n':
                out.append('n');
                break;
            case '\r':
                out.append('r');
                break;
            case '\t':
                out.append('t');
                break;
            default: {
                const char text[5] = {'u', '0', '0', hexDigit(u >> 4), hexDigit(u & 0xf)};
                out.append(text, 5);
            }
            }
        } else if (u < 0x800) {
            const char text[2] = {char(0xc0 | u >> 6), char(0x80 | (u & 0x3f))};
            out.append(text, 2);
        } else if (QChar::isHighSurrogate(u) && src != end && QChar::isLowSurrogate(*src)) {
            const char32_t c = QChar::surrogateToUcs4(u, *src++);
            const char text[4] = {char(0xf0 | c >> 18), char(0x80 | (c >> 12 & 0x3f)),
                                  char(0x80 | (c >> 6 & 0x3f)), char(0x80 | (c & 0x3f))};
            out.append(text, 4);
        } else if (QChar::isSurrogate(u)) {
            appendUnicodeEscape(out, u); // a lone surrogate has no UTF-8: Qt writes it as \uXXXX too
        } else {
            const char text[3] = {char(0xe0 | u >> 12), char(0x80 | (u >> 6 & 0x3f)),
                                  char(0x80 | (u & 0x3f))};
            out.append(text, 3);
        }
    }
}

void IndentedJsonWriter::indent(int depth) {
    static constexpr char spaces[] = "                                                                ";
    for (qsizetype n = 4 * qsizetype(depth); n > 0; n -= sizeof spaces - 1)
        m_out.append(spaces, std::min<qsizetype>(n, sizeof spaces - 1));
}

void IndentedJsonWriter::beforeValue() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_nonEmpty.isEmpty())
        return; // the outermost value starts where the caller is
    // An array element: on its own line like an object member.
    if (m_nonEmpty.back())
        m_out.append(",\n", 2);
    m_nonEmpty.back() = true;
    indent(m_depth);
}

void IndentedJsonWriter::open(char bracket) {
    beforeValue();
    m_out.append(bracket);
    m_out.append('\n');
    m_nonEmpty.append(false);
    ++m_depth;
}

void IndentedJsonWriter::close(char bracket) {
    // Qt puts even an empty object's closing bracket on its own line: "{\n<indent>}".
    if (m_nonEmpty.back())
        m_out.append('\n');
    m_nonEmpty.removeLast();
    --m_depth;
    indent(m_depth);
    m_out.append(bracket);
}

IndentedJsonWriter& IndentedJsonWriter::beginObject() {
    open('{');
    return *this;
}

IndentedJsonWriter& IndentedJsonWriter::endObject() {
    close('}');
    return *this;
}

IndentedJsonWriter& IndentedJsonWriter::beginArray() {
    open('[');
    return *this;
}

IndentedJsonWriter& IndentedJsonWriter::endArray() {
    close(']');
    return *this;
}

IndentedJsonWriter& IndentedJsonWriter::key(QStringView name) {
    beforeValue();
    m_out.append('"');
    appendEscaped(m_out, name);
    m_out.append("\": ", 3);
    m_afterKey = true;
    return *this;
}

IndentedJsonWriter& IndentedJsonWriter::string(QStringView s) {
    beforeValue();
    m_out.append('"');
    appendEscaped(m_out, s);
    m_out.append('"');
    return *this;
}

IndentedJsonWriter& IndentedJsonWriter::stringOrNull(const QString& s) {
    return s.isEmpty() ? null() : string(s);
}

IndentedJsonWriter& IndentedJsonWriter::stringList(const QStringList& list) {
    beginArray();
    for (const auto& s : list)
        string(s);
    return endArray();
}

IndentedJsonWriter& IndentedJsonWriter::null() {
    beforeValue();
    m_out.append("null", 4);
    return *this;
}

IndentedJsonWriter& IndentedJsonWriter::boolean(bool b) {
    beforeValue();
    if (b)
        m_out.append("true", 4);
    else
        m_out.append("false", 5);
    return *this;
}

IndentedJsonWriter& IndentedJsonWriter::integer(qint64 n) {
    beforeValue();
    m_out.append(QByteArray::number(n));
    return *this;
}

IndentedJsonWriter& IndentedJsonWriter::number(double d) {
    if (!std::isfinite(d))
        return null(); // JSON has no NaN or infinity: Qt writes null
    // QJsonValue(double) keeps an integral value up to 2^53 as an integer (so -0.0 prints "0").
    constexpr double maxExactInteger = 9007199254740992.0; // 2^53
    if (std::trunc(d) == d && std::fabs(d) <= maxExactInteger)
        return integer(qint64(d));
    beforeValue();
    m_out.append(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
    return *this;
}

} // namespace pgdesk::cli
