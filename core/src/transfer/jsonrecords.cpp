// SPDX-License-Identifier: GPL-3.0-or-later
// JSON (an array of objects) and NDJSON records for imports, streamed from the device in chunks.
#include "transfer/recordnumbers.h"
#include <pgdesk/core/base/bytescan.h>
#include <pgdesk/core/base/jsontext.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/transfer/recordsource.h>

#include <QCoreApplication>
#include <QIODevice>

#include <climits>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <new>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace pgdesk::core {

namespace {

constexpr qint64 kChunk = 1 << 20;
// PostgreSQL takes at most 1 GB in one field and one COPY row: a longer record is refused by its place
// before its end is even read (a 1 GB line broke the connection, 08006, and named the wrong line).
constexpr qint64 kMaxRecordBytes = (qint64(1) << 30) - 1;
// A value at least this long is given by next() as a view into the read buffer, not copied: a 300 MB string
// took five times its size in copies (line, value, COPY text, libpq's buffer).
constexpr qsizetype kBorrowFrom = 64 << 10;

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The bytes read and not yet given, grown with realloc(), which moves a large block's pages (mremap)
// instead of copying them: QByteArray's growth allocated anew and copied, holding both at once (a long line
// took 1.7 times its size).
class ReadBuffer {
public:
    ReadBuffer() = default;
    ~ReadBuffer() { std::free(m_data); }
    ReadBuffer(const ReadBuffer&) = delete;
    ReadBuffer& operator=(const ReadBuffer&) = delete;

    const char* constData() const { return m_data; }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    char operator[](qsizetype i) const { return m_data[i]; }
    qsizetype indexOf(char c, qsizetype from) const {
        if (from >= m_size)
            return -1;
        const void* found = std::memchr(m_data + from, c, size_t(m_size - from));
        return found ? static_cast<const char*>(found) - m_data : -1;
    }
    void append(const QByteArray& bytes) {
        if (m_size + bytes.size() > m_capacity)
            resize(std::max(m_size + bytes.size(), std::max<qsizetype>(m_capacity * 2, 1 << 20)));
        std::memcpy(m_data + m_size, bytes.constData(), size_t(bytes.size()));
        m_size += bytes.size();
    }
    void removeFront(qsizetype n) {
        std::memmove(m_data, m_data + n, size_t(m_size - n));
        m_size -= n;
        if (m_capacity > (64 << 20) && m_size < m_capacity / 8) // after a long record: its pages go back
            resize(std::max<qsizetype>(m_size * 2, 1 << 20));
    }

private:
    void resize(qsizetype capacity) {
        char* moved = static_cast<char*>(std::realloc(m_data, size_t(capacity)));
        if (!moved)
            throw std::bad_alloc();
        m_data = moved;
        m_capacity = capacity;
    }

    char* m_data = nullptr;
    qsizetype m_size = 0;
    qsizetype m_capacity = 0;
};

class JsonRecords final : public RecordSource {
public:
    JsonRecords(QIODevice& input, ImportFormat format)
        : m_input(input)
        , m_ndjson(format == ImportFormat::Ndjson)
        , m_total(input.isSequential() ? -1 : input.size()) {}

    // The first records decide the fields: their keys are read now, their values when next() gives them
    // (by then the importer has said which fields go to json columns).
    void sample(int records) {
        QByteArray text;
        qint64 number = 0;
        while (int(m_pending.size()) < records && nextText(text, number)) {
            collectKeys(text, number);
            m_numbers.add(m_records++, number);
            // Kept in the buffer (fill() keeps it there), by place: the buffer may move as it grows.
            m_pending.push_back(
                {m_consumed + (text.constData() - m_buffer.constData()), text.size(), number});
        }
    }

    void setRawJson(const QList<bool>& raw) override { m_raw = raw; }

    QList<QList<ImportValue>> sampled() override {
        const QList<bool> raw = std::exchange(m_raw, {});
        m_borrow = false; // these records outlive the buffer's contents
        QList<QList<ImportValue>> records;
        for (const Pending& p : m_pending) {
            QList<ImportValue> fields(m_names.size());
            parse(textOf(p), p.number, fields);
            records << fields;
        }
        m_raw = raw;
        return records;
    }
    void setSampleSize(int size) { m_sampleSize = size; }

    QStringList fieldNames() const override { return m_names; }

    // Long values point into the read buffer: they stay valid until the next call, which drops them first.
    bool next(QList<ImportValue>& fields) override {
        fields.resize(m_names.size());
        for (const int i : m_borrowed)
            fields[i].reset();
        m_borrowed.clear();
        m_borrow = true;
        if (!m_pending.empty()) {
            const Pending p = m_pending.front();
            m_pending.pop_front(); // its text stays in the buffer until the next fill()
            parseRecord(textOf(p), p.number, fields);
            return true;
        }
        QByteArray text;
        qint64 number = 0;
        if (!nextText(text, number))
            return false;
        m_numbers.add(m_records++, number);
        parseRecord(text, number, fields);
        return true;
    }

    QString recordLocation(qint64 record) const override {
        const qint64 n = m_numbers.numberOf(record);
        return m_ndjson ? QCoreApplication::translate("Import", "line %1").arg(n)
                        : QCoreApplication::translate("Import", "object %1").arg(n);
    }

    qint64 bytesRead() const override { return m_consumed + m_pos; }
    qint64 totalBytes() const override { return m_total; }

private:
    [[noreturn]] void fail(qint64 number, const QString& why) const {
        const QString where = m_ndjson ? QCoreApplication::translate("Import", "line %1").arg(number)
                                       : QCoreApplication::translate("Import", "object %1").arg(number);
        ErrorInfo info;
        info.kind = ErrorKind::Data;
        info.message = QStringLiteral("%1: %2").arg(where, why);
        throwError(info);
    }

    [[noreturn]] void tooLong(qint64 number) const {
        fail(number, QStringLiteral("the record is longer than 1 GiB, the most PostgreSQL takes in one row "
                                    "(the limit); nothing was imported"));
    }

    // Appends the device's next chunk; false at its end. Bytes before m_pos are dropped first, except the
    // sampled records next() has not given yet.
    bool fill() {
        if (m_atEnd)
            return false;
        const qsizetype drop =
            m_pending.empty() ? m_pos : std::min(m_pos, qsizetype(m_pending.front().start - m_consumed));
        if (drop > 0) {
            m_buffer.removeFront(drop);
            m_consumed += drop;
            m_scan -= drop;
            m_pos -= drop;
        }
        QByteArray chunk = m_input.read(kChunk);
        if (chunk.isEmpty() && !m_input.atEnd() && m_input.waitForReadyRead(-1))
            chunk = m_input.read(kChunk);
        if (chunk.isEmpty()) {
            m_atEnd = true;
            return false;
        }
        if (m_consumed == 0 && m_buffer.isEmpty() && chunk.startsWith("\xEF\xBB\xBF"))
            chunk.remove(0, 3); // a UTF-8 byte order mark
        m_buffer.append(chunk);
        return true;
    }

    // The next record's text and its number in the file; false at the end of the data.
    bool nextText(QByteArray& text, qint64& number) {
        return m_ndjson ? nextLine(text, number) : nextElement(text, number);
    }

    bool nextLine(QByteArray& text, qint64& number) {
        for (;;) {
            qsizetype end = m_buffer.indexOf('\n', m_scan);
            while (end < 0) {
                m_scan = m_buffer.size();
                if (m_scan - m_pos > kMaxRecordBytes)
                    tooLong(m_line + 1);
                if (!fill()) {
                    end = m_buffer.size();
                    break;
                }
                end = m_buffer.indexOf('\n', m_scan);
            }
            if (m_pos >= m_buffer.size() && m_atEnd)
                return false;
            ++m_line;
            qsizetype from = m_pos;
            qsizetype to = end;
            m_pos = m_scan = std::min(end + 1, m_buffer.size());
            while (from < to && isSpace(m_buffer[from]))
                ++from;
            while (to > from && isSpace(m_buffer[to - 1]))
                --to;
            if (from == to)
                continue; // a blank line
            // Points into the buffer (no copy): parsed before the buffer changes.
            text = QByteArray::fromRawData(m_buffer.constData() + from, to - from);
            number = m_line;
            return true;
        }
    }

    // Skips white space from m_pos, reading on; false at the end of the data.
    bool skipSpace() {
        for (;;) {
            while (m_pos < m_buffer.size() && isSpace(m_buffer[m_pos]))
                ++m_pos;
            if (m_pos < m_buffer.size())
                return true;
            m_scan = m_pos;
            if (!fill())
                return false;
        }
    }

    bool nextElement(QByteArray& text, qint64& number) {
        if (m_arrayDone)
            return false;
        if (!skipSpace())
            fail(m_element + 1, QStringLiteral("the file ends before its array does"));
        if (!m_arrayOpen) {
            if (m_buffer[m_pos] != '[')
                throwError(ErrorKind::Data,
                           QCoreApplication::translate(
                               "Import", "a JSON import wants an array of objects: [{…}, {…}]"));
            ++m_pos;
            m_arrayOpen = true;
            if (!skipSpace())
                fail(1, QStringLiteral("the file ends before its array does"));
        } else if (m_buffer[m_pos] == ',') {
            ++m_pos;
            if (!skipSpace())
                fail(m_element + 1, QStringLiteral("the file ends before its array does"));
        } else if (m_buffer[m_pos] != ']') {
            fail(m_element, QStringLiteral("a comma or ] should follow it"));
        }
        if (m_buffer[m_pos] == ']') {
            ++m_pos;
            m_arrayDone = true;
            if (skipSpace())
                fail(m_element, QStringLiteral("text follows the array's end"));
            return false;
        }
        // The element's extent: strings and nesting followed across chunks, the state kept between reads.
        m_scan = m_pos;
        int depth = 0;
        bool inString = false;
        bool escaped = false;
        for (;;) {
            const char* data = m_buffer.constData();
            qsizetype i = m_scan;
            const qsizetype size = m_buffer.size();
            for (; i < size; ++i) {
                const char c = data[i];
                if (inString) {
                    if (escaped)
                        escaped = false;
                    else if (c == '\\')
                        escaped = true;
                    else if (c == '"')
                        inString = false;
                    continue;
                }
                if (c == '"') {
                    inString = true;
                } else if (c == '{' || c == '[') {
                    ++depth;
                } else if (c == '}' || c == ']') {
                    if (depth == 0)
                        break; // the array's own ] after a scalar
                    if (--depth == 0) {
                        ++i;
                        break;
                    }
                } else if (c == ',' && depth == 0) {
                    break;
                }
            }
            if (i < size || (depth == 0 && !inString && i > m_pos && m_atEnd)) {
                number = ++m_element;
                text = QByteArray::fromRawData(m_buffer.constData() + m_pos, i - m_pos);
                m_pos = m_scan = i;
                return true;
            }
            m_scan = i;
            if (m_scan - m_pos > kMaxRecordBytes)
                tooLong(m_element + 1);
            if (!fill())
                fail(m_element + 1, QStringLiteral("the file ends inside this value"));
        }
    }

    json::Reader objectReader(const QByteArray& text, qint64 number) const {
        try {
            json::validate(text);
        } catch (const Error& e) {
            fail(number, e.info().message);
        }
        json::Reader reader(text);
        if (const json::Type type = reader.type(); type != json::Type::Object)
            fail(number, QStringLiteral("%1 where an object should be").arg(json::typeName(type)));
        reader.beginObject();
        return reader;
    }

    void collectKeys(const QByteArray& text, qint64 number) {
        json::Reader reader = objectReader(text, number);
        while (reader.nextMember(&m_key)) {
            if (m_index.find(m_key) == m_index.end()) {
                m_index.emplace(m_key, int(m_names.size()));
                m_names << QString::fromStdString(m_key);
                m_utf8Names.push_back(m_key);
            }
            reader.skip();
        }
    }

    // parse() into the fields of the record before, whose values keep their memory for this one's (a
    // QByteArray made for every value was a fifth of an NDJSON import's client time); a key missing from this
    // object is NULL.
    void parseRecord(const QByteArray& text, qint64 number, QList<ImportValue>& fields) {
        ++m_stamp;
        m_setAt.resize(size_t(fields.size()));
        m_parsing = number;
        parse(text, number, fields);
        for (qsizetype i = 0; i < fields.size(); ++i)
            if (m_setAt[size_t(i)] != m_stamp)
                fields[i].reset();
    }

    void set(QList<ImportValue>& fields, int index, ImportValue value) {
        fields[index] = std::move(value);
        mark(index);
    }

    void set(QList<ImportValue>& fields, int index, const char* data, qsizetype size) {
        if (m_borrow && size >= kBorrowFrom) { // data is in the buffer, which next()'s caller reads first
            fields[index] = QByteArray::fromRawData(data, size);
            m_borrowed.push_back(index);
            mark(index);
            return;
        }
        ImportValue& field = fields[index];
        if (!field)
            field.emplace();
        field->resize(size); // within the capacity it had: no allocation
        std::memcpy(field->data(), data, size_t(size));
        mark(index);
    }

    void mark(int index) {
        if (size_t(index) >= m_setAt.size())
            return;
        if (m_setAt[size_t(index)] == m_stamp) // the key came before in this object: its last value stays
            noteDuplicate(index);
        m_setAt[size_t(index)] = m_stamp;
    }

    // A key twice in one object is no error (jsonb keeps the last value too) but is said: the first such
    // object by its place and key, and how many more there were.
    void noteDuplicate(int index) {
        if (m_duplicates++ == 0)
            m_firstDuplicate =
                QCoreApplication::translate("Import", "%1: the key \"%2\" appears more than once in "
                                                      "the object; its last value was imported")
                    .arg(QCoreApplication::translate("Import", m_ndjson ? "line %1" : "object %1")
                             .arg(m_parsing),
                         m_names.value(index));
    }

public:
    QStringList warnings() const override {
        if (m_duplicates == 0)
            return {};
        QStringList out{m_firstDuplicate};
        if (m_duplicates > 1)
            out << QCoreApplication::translate("Import",
                                               "%n more repeated key(s) in other objects or the same",
                                               nullptr, int(std::min<qint64>(m_duplicates - 1, INT_MAX)));
        return out;
    }

private:
    // The field of the key [key, key + size) at place `position` of its object: the key the object before
    // had there, when it is the same (records of a file mostly repeat their keys' order), else looked up.
    int fieldOf(const char* key, qsizetype size, size_t position) {
        if (position < m_order.size()) {
            const int guess = m_order[position];
            const std::string& name = m_utf8Names[size_t(guess)];
            if (name.size() == size_t(size) && std::memcmp(name.data(), key, size_t(size)) == 0)
                return guess;
        }
        m_key.assign(key, size_t(size));
        const auto found = m_index.find(m_key);
        if (found == m_index.end())
            return -1;
        if (position >= m_order.size())
            m_order.resize(position + 1);
        m_order[position] = found->second;
        return found->second;
    }

    void parse(const QByteArray& text, qint64 number, QList<ImportValue>& fields) {
        if (parseFlat(text, fields))
            return;
        // Anything the one-pass reader does not take (escapes, nesting, a key outside the columns, text
        // that is no JSON): validated whole and walked, which also says what is wrong.
        json::Reader reader = objectReader(text, number);
        while (reader.nextMember(&m_key)) {
            const auto found = m_index.find(m_key);
            if (found == m_index.end())
                fail(number, QStringLiteral("key \"%1\" is in none of the first %2 objects, which chose the "
                                            "columns; put it in the first object (null is enough)")
                                 .arg(QString::fromStdString(m_key))
                                 .arg(m_sampleSize));
            const bool raw = found->second < m_raw.size() && m_raw[found->second];
            set(fields, found->second, raw ? rawValue(reader, text) : value(reader, text));
        }
    }

    // The common record in one pass, without the validation pass: a flat object whose keys and strings have
    // no escapes or control characters, whose numbers follow JSON's grammar and whose values are no
    // objects or arrays. Anything else returns false before it is taken for valid (the caller then reads the
    // record the thorough way); UTF-8 itself is checked by the server, which refuses bad bytes by line.
    bool parseFlat(const QByteArray& text, QList<ImportValue>& fields) {
        const char* p = text.constData();
        const char* const end = p + text.size();
        const auto space = [&] {
            while (p < end && isSpace(*p))
                ++p;
        };
        // A string's body [from, p) with p after the closing quote; false on an escape or control byte.
        const auto string = [&](const char*& from) {
            if (p >= end || *p != '"')
                return false;
            from = ++p;
            p = findJsonStringStop(p, end);
            if (p >= end || *p != '"')
                return false; // an escape or a control byte: the thorough reader's
            ++p;
            return true;
        };
        const auto digits = [&] {
            const char* from = p;
            while (p < end && *p >= '0' && *p <= '9')
                ++p;
            return p > from;
        };
        space();
        if (p >= end || *p != '{')
            return false;
        ++p;
        space();
        if (p < end && *p == '}') {
            ++p;
            space();
            return p == end;
        }
        for (size_t position = 0;; ++position) {
            space();
            const char* key = nullptr;
            if (!string(key))
                return false;
            const int index = fieldOf(key, p - 1 - key, position);
            if (index < 0)
                return false;
            space();
            if (p >= end || *p != ':')
                return false;
            ++p;
            space();
            if (p >= end)
                return false;
            const bool raw = index < m_raw.size() && m_raw[index];
            const char* from = p;
            if (*p == '"') {
                const char* body = nullptr;
                if (!string(body))
                    return false;
                if (raw)
                    set(fields, index, from, p - from);
                else
                    set(fields, index, body, p - 1 - body);
            } else if (*p == '-' || (*p >= '0' && *p <= '9')) {
                if (*p == '-')
                    ++p;
                if (p < end && *p == '0')
                    ++p;
                else if (!digits())
                    return false;
                if (p < end && *p == '.') {
                    ++p;
                    if (!digits())
                        return false;
                }
                if (p < end && (*p == 'e' || *p == 'E')) {
                    ++p;
                    if (p < end && (*p == '+' || *p == '-'))
                        ++p;
                    if (!digits())
                        return false;
                }
                set(fields, index, from, p - from);
            } else if (end - p >= 4 && std::memcmp(p, "true", 4) == 0) {
                p += 4;
                set(fields, index, "true", 4);
            } else if (end - p >= 5 && std::memcmp(p, "false", 5) == 0) {
                p += 5;
                set(fields, index, "false", 5);
            } else if (end - p >= 4 && std::memcmp(p, "null", 4) == 0) {
                p += 4;
                fields[index].reset();
                mark(index);
            } else {
                return false; // an object, an array or no JSON value
            }
            space();
            if (p >= end)
                return false;
            if (*p == ',') {
                ++p;
                continue;
            }
            if (*p != '}')
                return false;
            ++p;
            space();
            return p == end;
        }
    }

    // A json/jsonb column's value: the JSON text itself (a string keeps its quotes), NULL for null.
    static ImportValue rawValue(json::Reader& reader, const QByteArray& text) {
        if (reader.type() == json::Type::Null) {
            reader.skip();
            return std::nullopt;
        }
        const qsizetype from = reader.offset();
        reader.skip();
        return text.mid(from, reader.offset() - from).trimmed();
    }

    ImportValue value(json::Reader& reader, const QByteArray& text) {
        switch (reader.type()) {
        case json::Type::Null:
            reader.skip();
            return std::nullopt;
        case json::Type::Bool:
            return reader.boolean() ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
        case json::Type::Number: {
            const std::string_view n = reader.numberText();
            return QByteArray(n.data(), qsizetype(n.size()));
        }
        case json::Type::String: {
            m_string.clear(); // its capacity is kept from record to record
            reader.utf8String(&m_string);
            return QByteArray(m_string.data(), qsizetype(m_string.size()));
        }
        default: { // nested: its JSON text, for json/jsonb columns
            const qsizetype from = reader.offset();
            reader.skip();
            return text.mid(from, reader.offset() - from).trimmed();
        }
        }
    }

    QIODevice& m_input;
    const bool m_ndjson;
    const qint64 m_total;
    ReadBuffer m_buffer;
    qint64 m_parsing = 0; // the number of the record being parsed, for notes
    qint64 m_duplicates = 0;
    QString m_firstDuplicate;
    qsizetype m_pos = 0;  // the next unread byte of m_buffer
    qsizetype m_scan = 0; // how far the current record's end has been looked for
    qint64 m_consumed = 0;
    bool m_atEnd = false;
    qint64 m_line = 0;    // NDJSON: lines read
    qint64 m_element = 0; // JSON: array elements read
    bool m_arrayOpen = false;
    bool m_arrayDone = false;
    int m_sampleSize = 0;
    QList<bool> m_raw; // by field: sent as JSON text
    qint64 m_records = 0;
    RecordNumbers m_numbers;
    struct Pending {
        qint64 start; // in the input, past the byte order mark
        qsizetype size;
        qint64 number; // line or object
    };
    QByteArray textOf(const Pending& p) const {
        return QByteArray::fromRawData(m_buffer.constData() + (p.start - m_consumed), p.size);
    }
    std::deque<Pending> m_pending; // the sample's records next() has not given yet
    bool m_borrow = false;         // set by next(): long values may point into the buffer
    std::vector<int> m_borrowed;   // the fields next() gave that do
    QStringList m_names;
    std::unordered_map<std::string, int> m_index;
    std::vector<std::string> m_utf8Names; // m_names as UTF-8
    std::vector<int> m_order;             // the fields of the last flat object's keys, in its order
    std::vector<qint64> m_setAt;          // by field: the record (m_stamp) that last set it
    qint64 m_stamp = 0;
    std::string m_key;
    std::string m_string;
};

} // namespace

std::unique_ptr<RecordSource> openJsonRecords(QIODevice& input, ImportFormat format, int sampleRecords) {
    auto source = std::make_unique<JsonRecords>(input, format);
    source->sample(std::max(1, sampleRecords));
    source->setSampleSize(std::max(1, sampleRecords));
    return source;
}

} // namespace pgdesk::core
