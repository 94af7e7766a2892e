// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/hexdigit.h>
#include <pgdesk/core/base/jsontext.h>

#include <pgdesk/core/base/errors.h>

#include <algorithm>
#include <vector>

namespace pgdesk::core::json {

QString typeName(Type type) {
    switch (type) {
    case Type::Null:
        return QStringLiteral("null");
    case Type::Bool:
        return QStringLiteral("a boolean");
    case Type::Number:
        return QStringLiteral("a number");
    case Type::String:
        return QStringLiteral("a string");
    case Type::Array:
        return QStringLiteral("an array");
    case Type::Object:
        return QStringLiteral("an object");
    case Type::Missing:
        break;
    }
    return QStringLiteral("missing");
}

namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// The four hex digits at p (p + 4 <= end checked by the caller); -1 when they are not hex.
int hex4(const char* p) {
    int v = 0;
    for (int i = 0; i < 4; ++i) {
        const int h = hexDigitValue(p[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

void appendUtf8(std::string* out, char32_t cp) {
    if (cp < 0x80) {
        out->push_back(char(cp));
    } else if (cp < 0x800) {
        out->push_back(char(0xC0 | (cp >> 6)));
        out->push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out->push_back(char(0xE0 | (cp >> 12)));
        out->push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out->push_back(char(0x80 | (cp & 0x3F)));
    } else {
        out->push_back(char(0xF0 | (cp >> 18)));
        out->push_back(char(0x80 | ((cp >> 12) & 0x3F)));
        out->push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out->push_back(char(0x80 | (cp & 0x3F)));
    }
}

class Validator final {
public:
    Validator(const QByteArray& text, int maxDepth)
        : m_begin(text.constData())
        , m_at(m_begin)
        , m_end(m_begin + text.size())
        , m_maxDepth(maxDepth) {}

    void run() {
        space();
        if (m_at >= m_end)
            fail(QStringLiteral("empty document"));
        value();
        space();
        if (m_at != m_end)
            fail(QStringLiteral("garbage after the document"));
    }

    // One value from `from`, whatever follows it: the offset past it.
    qsizetype prefix(qsizetype from) {
        m_at = m_begin + from;
        value();
        return m_at - m_begin;
    }

private:
    [[noreturn]] void fail(const QString& why) const { failAt(m_at, why); }
    [[noreturn]] void failAt(const char* at, const QString& why) const {
        throwConfigurationError(QStringLiteral("json"),
                                QStringLiteral("not valid JSON at byte %1: %2").arg(at - m_begin).arg(why));
    }

    void space() {
        while (m_at < m_end && isSpace(*m_at))
            ++m_at;
    }

    void expect(char c, const char* what) {
        space();
        if (m_at >= m_end)
            fail(QStringLiteral("unexpected end of the document, %1 expected").arg(QLatin1String(what)));
        if (*m_at != c)
            fail(QStringLiteral("%1 expected").arg(QLatin1String(what)));
        ++m_at;
    }

    // Iterative: the depth is bounded by maxDepth alone, never by the stack (a plan 5,000 nodes deep nests
    // 10,000 levels).
    void value() {
        std::vector<char> open; // the closing bracket of each container the cursor is in
        for (;;) {
            space();
            if (m_at >= m_end)
                fail(QStringLiteral("unexpected end of the document, a value expected"));
            const char c = *m_at;
            if (c == '{' || c == '[') {
                if (qsizetype(open.size()) + 1 > m_maxDepth)
                    fail(QStringLiteral("nested too deeply (more than %1 levels)").arg(m_maxDepth));
                const char close = c == '{' ? '}' : ']';
                ++m_at;
                space();
                if (m_at < m_end && *m_at == close) {
                    ++m_at; // empty: a whole value
                } else {
                    open.push_back(close);
                    if (close == '}')
                        memberName();
                    continue; // its first value
                }
            } else {
                scalar(c);
            }
            // After a value: close what it ended, or step past the comma before the next.
            for (;;) {
                if (open.empty())
                    return;
                const char close = open.back();
                space();
                if (m_at >= m_end)
                    fail(QStringLiteral("unexpected end of the document, ',' or '%1' expected")
                             .arg(QLatin1Char(close)));
                if (*m_at == close) {
                    ++m_at;
                    open.pop_back();
                    continue;
                }
                if (*m_at != ',')
                    fail(QStringLiteral("',' or '%1' expected").arg(QLatin1Char(close)));
                ++m_at;
                if (close == '}')
                    memberName();
                break;
            }
        }
    }

    void memberName() {
        space();
        if (m_at >= m_end || *m_at != '"')
            fail(m_at >= m_end ? QStringLiteral("unexpected end of the document, a member name expected")
                               : QStringLiteral("a member name (a string) expected"));
        string();
        expect(':', "':'");
    }

    void scalar(char c) {
        switch (c) {
        case '"':
            string();
            return;
        case 't':
            literal("true");
            return;
        case 'f':
            literal("false");
            return;
        case 'n':
            literal("null");
            return;
        default:
            if (c == '-' || isDigit(c)) {
                number();
                return;
            }
            fail(QStringLiteral("a value expected"));
        }
    }

    void literal(const char* word) {
        for (const char* w = word; *w; ++w, ++m_at) {
            if (m_at >= m_end || *m_at != *w)
                fail(QStringLiteral("a value expected"));
        }
    }

    void number() {
        const char* start = m_at;
        const auto digit = [&] { return m_at < m_end && isDigit(*m_at); };
        if (*m_at == '-')
            ++m_at;
        if (!digit())
            failAt(start, QStringLiteral("invalid number"));
        if (*m_at == '0') {
            ++m_at;
            if (digit())
                failAt(start, QStringLiteral("invalid number (a leading zero)"));
        } else {
            while (digit())
                ++m_at;
        }
        if (m_at < m_end && *m_at == '.') {
            ++m_at;
            if (!digit())
                failAt(start, QStringLiteral("invalid number"));
            while (digit())
                ++m_at;
        }
        if (m_at < m_end && (*m_at == 'e' || *m_at == 'E')) {
            ++m_at;
            if (m_at < m_end && (*m_at == '+' || *m_at == '-'))
                ++m_at;
            if (!digit())
                failAt(start, QStringLiteral("invalid number"));
            while (digit())
                ++m_at;
        }
    }

    void string() {
        ++m_at; // the opening quote
        for (;;) {
            if (m_at >= m_end)
                fail(QStringLiteral("unterminated string"));
            const auto c = static_cast<unsigned char>(*m_at);
            if (c == '"') {
                ++m_at;
                return;
            }
            if (c == 0)
                fail(QStringLiteral("NUL cannot be part of PostgreSQL text"));
            if (c < 0x20)
                fail(QStringLiteral("a control character inside a string"));
            if (c == '\\') {
                escape();
                continue;
            }
            if (c < 0x80) {
                ++m_at;
                continue;
            }
            utf8(c);
        }
    }

    void escape() {
        const char* start = m_at;
        ++m_at;
        if (m_at >= m_end)
            fail(QStringLiteral("unterminated string"));
        switch (*m_at) {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
            ++m_at;
            return;
        case 'u':
            break;
        default:
            failAt(start, QStringLiteral("invalid escape sequence"));
        }
        const int cp = unicodeEscape(start);
        if (cp == 0)
            failAt(start, QStringLiteral("\\u0000 (NUL) cannot be part of PostgreSQL text"));
        if (cp >= 0xDC00 && cp <= 0xDFFF)
            failAt(start, QStringLiteral("a lone low surrogate"));
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (m_end - m_at < 2 || m_at[0] != '\\' || m_at[1] != 'u')
                failAt(start, QStringLiteral("a high surrogate without its low surrogate"));
            const int low = unicodeEscape(m_at);
            if (low < 0xDC00 || low > 0xDFFF)
                failAt(start, QStringLiteral("a high surrogate without its low surrogate"));
        }
    }

    // At "\u": reads the four digits after it (m_at ends past them).
    int unicodeEscape(const char* start) {
        m_at += start == m_at ? 2 : 1; // past "\u" (or past "u" when called at the backslash's successor)
        if (m_end - m_at < 4)
            failAt(start, QStringLiteral("invalid \\u escape"));
        const int cp = hex4(m_at);
        if (cp < 0)
            failAt(start, QStringLiteral("invalid \\u escape"));
        m_at += 4;
        return cp;
    }

    void utf8(unsigned char lead) {
        const char* start = m_at;
        int extra;
        char32_t cp;
        if (lead >= 0xC2 && lead <= 0xDF) {
            extra = 1;
            cp = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            extra = 2;
            cp = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            extra = 3;
            cp = lead & 0x07;
        } else {
            fail(QStringLiteral("invalid UTF-8"));
        }
        ++m_at;
        for (int i = 0; i < extra; ++i, ++m_at) {
            if (m_at >= m_end || (static_cast<unsigned char>(*m_at) & 0xC0) != 0x80)
                failAt(start, QStringLiteral("invalid UTF-8"));
            cp = (cp << 6) | (static_cast<unsigned char>(*m_at) & 0x3F);
        }
        // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
        if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            failAt(start, QStringLiteral("invalid UTF-8"));
    }

    const char* m_begin;
    const char* m_at;
    const char* m_end;
    int m_maxDepth;
};

} // namespace

void validate(const QByteArray& text, int maxDepth) {
    Validator(text, maxDepth).run();
}

qsizetype validatePrefix(const QByteArray& text, qsizetype from, int maxDepth) {
    return Validator(text, maxDepth).prefix(from);
}

Reader::Reader(const QByteArray& text)
    : m_begin(text.constData())
    , m_at(m_begin)
    , m_end(m_begin + text.size()) {
}

void Reader::space() {
    while (m_at < m_end && isSpace(*m_at))
        ++m_at;
}

Type Reader::type() {
    space();
    if (m_at >= m_end)
        return Type::Missing;
    switch (*m_at) {
    case '{':
        return Type::Object;
    case '[':
        return Type::Array;
    case '"':
        return Type::String;
    case 't':
    case 'f':
        return Type::Bool;
    case 'n':
        return Type::Null;
    default:
        return Type::Number;
    }
}

// Iterative, so that even unvalidated text nested 100,000 deep cannot exhaust the stack.
void Reader::skip() {
    int depth = 0;
    do {
        space();
        if (m_at >= m_end)
            return;
        switch (*m_at) {
        case '"': // to the closing quote, escapes stepped over, nothing decoded
            for (++m_at; m_at < m_end && *m_at != '"'; ++m_at) {
                if (*m_at == '\\' && m_at + 1 < m_end)
                    ++m_at;
            }
            m_at = std::min(m_at + 1, m_end);
            break;
        case '{':
        case '[':
            ++depth;
            ++m_at;
            break;
        case '}':
        case ']':
            --depth;
            ++m_at;
            break;
        case ',':
        case ':':
            ++m_at;
            break;
        default: // a number or a literal
            while (m_at < m_end && !isSpace(*m_at) && *m_at != ',' && *m_at != ':' && *m_at != '}' &&
                   *m_at != ']' && *m_at != '"')
                ++m_at;
        }
    } while (depth > 0);
}

void Reader::rawString(std::string* out) {
    if (m_at < m_end)
        ++m_at; // the opening quote
    const char* run = m_at;
    while (m_at < m_end && *m_at != '"') {
        if (*m_at != '\\') {
            ++m_at;
            continue;
        }
        out->append(run, size_t(m_at - run));
        if (m_end - m_at < 2)
            break;
        const char e = m_at[1];
        m_at += 2;
        switch (e) {
        case 'b':
            out->push_back('\b');
            break;
        case 'f':
            out->push_back('\f');
            break;
        case 'n':
            out->push_back('\n');
            break;
        case 'r':
            out->push_back('\r');
            break;
        case 't':
            out->push_back('\t');
            break;
        case 'u': {
            if (m_end - m_at < 4)
                break;
            char32_t cp = char32_t(hex4(m_at));
            m_at += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && m_end - m_at >= 6) { // validated: a low surrogate follows
                const char32_t low = char32_t(hex4(m_at + 2));
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                m_at += 6;
            }
            appendUtf8(out, cp);
            break;
        }
        default: // " \ /
            out->push_back(e);
        }
        run = m_at;
    }
    out->append(run, size_t(m_at - run));
    if (m_at < m_end)
        ++m_at; // the closing quote
}

QString Reader::string() {
    space();
    if (m_at >= m_end)
        return {};
    // Most strings have no escapes: decoded straight from the text.
    const char* start = m_at + 1;
    const char* p = start;
    while (p < m_end && *p != '"' && *p != '\\')
        ++p;
    if (p < m_end && *p == '"') {
        m_at = p + 1;
        return QString::fromUtf8(start, p - start);
    }
    m_buffer.clear();
    rawString(&m_buffer);
    return QString::fromUtf8(m_buffer.data(), qsizetype(m_buffer.size()));
}

QString Reader::number() {
    space();
    const char* start = m_at;
    while (m_at < m_end &&
           (isDigit(*m_at) || *m_at == '-' || *m_at == '+' || *m_at == '.' || *m_at == 'e' || *m_at == 'E'))
        ++m_at;
    return QString::fromLatin1(start, m_at - start);
}

void Reader::utf8String(std::string* out) {
    space();
    if (m_at < m_end)
        rawString(out);
}

std::string_view Reader::numberText() {
    space();
    const char* start = m_at;
    while (m_at < m_end &&
           (isDigit(*m_at) || *m_at == '-' || *m_at == '+' || *m_at == '.' || *m_at == 'e' || *m_at == 'E'))
        ++m_at;
    return {start, size_t(m_at - start)};
}

bool Reader::boolean() {
    space();
    const bool value = m_at < m_end && *m_at == 't';
    m_at = std::min(m_at + (value ? 4 : 5), m_end);
    return value;
}

void Reader::beginObject() {
    space();
    if (m_at < m_end)
        ++m_at;
}

bool Reader::nextMember(std::string* key) {
    space();
    if (m_at >= m_end)
        return false;
    if (*m_at == '}') {
        ++m_at;
        return false;
    }
    if (*m_at == ',') {
        ++m_at;
        space();
        if (m_at >= m_end) // unvalidated text may end after a comma: never step past the end
            return false;
    }
    key->clear();
    rawString(key);
    space();
    if (m_at < m_end)
        ++m_at; // ':'
    return true;
}

void Reader::beginArray() {
    space();
    if (m_at < m_end)
        ++m_at;
}

bool Reader::nextElement() {
    space();
    if (m_at >= m_end)
        return false;
    if (*m_at == ']') {
        ++m_at;
        return false;
    }
    if (*m_at == ',')
        ++m_at;
    return true;
}

} // namespace pgdesk::core::json
