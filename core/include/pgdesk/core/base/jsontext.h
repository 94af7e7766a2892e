// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <string>
#include <string_view>

namespace pgdesk::core::json {

// A small JSON reader for documents whose numbers must keep their exact text (QJsonDocument reads them into
// doubles: 0.10 becomes 0.1, 12345678901234567890 is rounded) and that are read often enough for speed to
// matter (a change set of 10,000 rows is 1.3 MB). Two passes: validate() checks the whole text once, so a
// syntax error anywhere is reported before anything is interpreted; a Reader then walks the valid text.

enum class Type { Null, Bool, Number, String, Array, Object, Missing };

// "null", "a boolean", "a number", "a string", "an array", "an object", "missing": for messages.
QString typeName(Type type);

// Throws ConfigurationError (field "json") "not valid JSON at byte N: <why>" for anything that is not one
// JSON value (RFC 8259) in UTF-8, nested at most maxDepth deep. Strings may not contain \u0000 or lone
// surrogates: neither can be PostgreSQL text.
void validate(const QByteArray& text, int maxDepth = 512);
// The same for the one value at `from`, whatever text follows it (a log's next line): the offset past it.
qsizetype validatePrefix(const QByteArray& text, qsizetype from, int maxDepth = 512);

// Walks text that validate() accepted. On other text it stays within bounds and never recurses (skip() is
// iterative), but what it reads is meaningless. The cursor stands before a value; each read consumes it.
class Reader final {
public:
    explicit Reader(const QByteArray& text);

    Type type(); // of the value at the cursor
    qsizetype offset() const { return m_at - m_begin; }
    void seek(qsizetype offset) { m_at = m_begin + offset; }

    void skip();
    QString string();
    // The string's decoded UTF-8 bytes appended to *out (no QString on the way: imports read millions).
    void utf8String(std::string* out);
    // The number's exact text.
    QString number();
    // The same as bytes, pointing into the text.
    std::string_view numberText();
    bool boolean();

    // Objects: `beginObject(); while (nextMember(&key)) { read or skip the value }`.
    void beginObject();
    bool nextMember(std::string* key);
    // Arrays: `beginArray(); while (nextElement()) { read or skip the value }`.
    void beginArray();
    bool nextElement();

private:
    void space();
    // The decoded UTF-8 bytes of the string at the cursor, appended to *out.
    void rawString(std::string* out);

    const char* m_begin;
    const char* m_at;
    const char* m_end;
    std::string m_buffer;
};

} // namespace pgdesk::core::json
