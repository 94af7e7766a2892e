// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonwriter.h"

#include <QLocale>

#include <charconv>
#include <cmath>
#include <cstring>

namespace pgdesk::cli {

namespace {

char hexDigit(unsigned v) {
    return char(v < 10 ? '0' + v : 'a' + v - 10); // Qt writes \u escapes in lower case
}

char* writeUnicodeEscape(char* d, char16_t u) {
    *d++ = '\\';
    *d++ = 'u';
    *d++ = hexDigit(u >> 12 & 0xf);
    *d++ = hexDigit(u >> 8 & 0xf);
    *d++ = hexDigit(u >> 4 & 0xf);
    *d++ = hexDigit(u & 0xf);
    return d;
}

} // namespace

IndentedJsonWriter::IndentedJsonWriter(QByteArray& out, int depth)
    : m_out(out)
    , m_depth(depth) {
}

void IndentedJsonWriter::appendEscaped(QByteArray& out, QStringView s) {
    // Written through a pointer into room made once (six bytes a UTF-16 unit at most: \u0001): appending
    // byte by byte was a fifth of `tables --format json`.
    const qsizetype start = out.size();
    out.resize(start + 6 * s.size());
    char* d = out.data() + start;
    const char16_t* src = s.utf16();
    const char16_t* const end = src + s.size();
    while (src != end) {
        const char16_t u = *src++;
        if (u < 0x80) {
            if (u >= 0x20 && u != '"' && u != '\\') {
                *d++ = char(u);
                continue;
            }
            switch (u) {
            case '"':
            case '\\':
                *d++ = '\\';
                *d++ = char(u);
                break;
            case '\b':
                *d++ = '\\';
                *d++ = 'b';
                break;
            case '\f':
                *d++ = '\\';
                *d++ = 'f';
                break;
            case '\n':
                *d++ = '\\';
                *d++ = 'n';
                break;
            case '\r':
                *d++ = '\\';
                *d++ = 'r';
                break;
            case '\t':
                *d++ = '\\';
                *d++ = 't';
                break;
            default:
                d = writeUnicodeEscape(d, u);
            }
        } else if (u < 0x800) {
            *d++ = char(0xc0 | u >> 6);
            *d++ = char(0x80 | (u & 0x3f));
        } else if (QChar::isHighSurrogate(u) && src != end && QChar::isLowSurrogate(*src)) {
            const char32_t c = QChar::surrogateToUcs4(u, *src++);
            *d++ = char(0xf0 | c >> 18);
            *d++ = char(0x80 | (c >> 12 & 0x3f));
            *d++ = char(0x80 | (c >> 6 & 0x3f));
            *d++ = char(0x80 | (c & 0x3f));
        } else if (QChar::isSurrogate(u)) {
            d = writeUnicodeEscape(d, u); // a lone surrogate has no UTF-8: Qt writes it as \uXXXX too
        } else {
            *d++ = char(0xe0 | u >> 12);
            *d++ = char(0x80 | (u >> 6 & 0x3f));
            *d++ = char(0x80 | (u & 0x3f));
        }
    }
    out.truncate(d - out.constData());
}

void IndentedJsonWriter::put(const char* s, qsizetype n) {
    // QByteArray::append() goes through insert() (aliasing, growth at either end): with a few bytes at a
    // time it was a tenth of `tables --format json`.
    const qsizetype size = m_out.size();
    if (m_out.capacity() - size < n)
        m_out.reserve(2 * (size + n));
    m_out.resize(size + n);
    std::memcpy(m_out.data() + size, s, size_t(n));
}

void IndentedJsonWriter::put(char c) {
    put(&c, 1);
}

void IndentedJsonWriter::indent(int depth) {
    static constexpr char spaces[] = "                                                                ";
    for (qsizetype n = 4 * qsizetype(depth); n > 0; n -= sizeof spaces - 1)
        put(spaces, std::min<qsizetype>(n, sizeof spaces - 1));
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
        put(",\n", 2);
    m_nonEmpty.back() = true;
    indent(m_depth);
}

void IndentedJsonWriter::open(char bracket) {
    beforeValue();
    put(bracket);
    put('\n');
    m_nonEmpty.append(false);
    ++m_depth;
}

void IndentedJsonWriter::close(char bracket) {
    // Qt puts even an empty object's closing bracket on its own line: "{\n<indent>}".
    if (m_nonEmpty.back())
        put('\n');
    m_nonEmpty.removeLast();
    --m_depth;
    indent(m_depth);
    put(bracket);
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
    put('"');
    appendEscaped(m_out, name);
    put("\": ", 3);
    m_afterKey = true;
    return *this;
}

IndentedJsonWriter& IndentedJsonWriter::asciiKey(const char* name, qsizetype size) {
    beforeValue();
    put('"');
    put(name, size);
    put("\": ", 3);
    m_afterKey = true;
    return *this;
}

IndentedJsonWriter& IndentedJsonWriter::string(QStringView s) {
    beforeValue();
    put('"');
    appendEscaped(m_out, s);
    put('"');
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
    put("null", 4);
    return *this;
}

IndentedJsonWriter& IndentedJsonWriter::boolean(bool b) {
    beforeValue();
    if (b)
        put("true", 4);
    else
        put("false", 5);
    return *this;
}

IndentedJsonWriter& IndentedJsonWriter::integer(qint64 n) {
    beforeValue();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    put(digits, end - digits);
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
