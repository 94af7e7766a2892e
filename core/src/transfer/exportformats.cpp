// SPDX-License-Identifier: GPL-3.0-or-later
// The text encoders of the export engine (JSON, NDJSON, SQL INSERT, Markdown), COPY text-format
// decoding and the number rules they share with the XLSX encoder. CSV is in csvlines.cpp.
#include "transfer/exportencoder.h"
#include <pgdesk/core/base/hexdigit.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/catalog/catalogreader.h>

#include <cerrno>

namespace pgdesk::core::exporting {

OutputBuffer::OutputBuffer(QIODevice* device, QString name)
    : m_device(device)
    , m_name(std::move(name)) {
    m_buffer.reserve(kFlushAt + (64 << 10));
}

void writeOut(QIODevice* device, const QString& name, std::string_view bytes) {
    if (bytes.empty())
        return;
    errno = 0;
    const qint64 n = device->write(bytes.data(), qint64(bytes.size()));
    if (n != qint64(bytes.size())) {
        // QFile says "Unknown error" for a failed unbuffered write; the system's reason (ENOSPC: "No space
        // left on device") is what the user can act on.
        const int error = errno;
        throwOutputError(name, error ? QString::fromLocal8Bit(std::strerror(error)) : device->errorString());
    }
}

void OutputBuffer::flush() {
    if (m_buffer.empty())
        return;
    writeOut(m_device, m_name, m_buffer);
    m_written += qint64(m_buffer.size());
    m_buffer.clear();
}

namespace {

int octalDigit(char c) {
    return c >= '0' && c <= '7' ? c - '0' : -1;
}

} // namespace

void unescapeInto(std::string_view in, std::string& out) {
    for (size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c != '\\' || i + 1 == in.size()) {
            out.push_back(c);
            continue;
        }
        const char e = in[++i];
        switch (e) {
        case 'b':
            out.push_back('\b');
            break;
        case 'f':
            out.push_back('\f');
            break;
        case 'n':
            out.push_back('\n');
            break;
        case 'r':
            out.push_back('\r');
            break;
        case 't':
            out.push_back('\t');
            break;
        case 'v':
            out.push_back('\v');
            break;
        case 'x': {
            int value = 0;
            int digits = 0;
            while (digits < 2 && i + 1 < in.size() && hexDigitValue(in[i + 1]) >= 0) {
                value = value * 16 + hexDigitValue(in[++i]);
                ++digits;
            }
            if (digits == 0)
                out.push_back('x');
            else
                out.push_back(char(value));
            break;
        }
        default:
            if (octalDigit(e) >= 0) {
                int value = octalDigit(e);
                for (int digits = 1; digits < 3 && i + 1 < in.size() && octalDigit(in[i + 1]) >= 0; ++digits)
                    value = value * 8 + octalDigit(in[++i]);
                out.push_back(char(value));
            } else {
                out.push_back(e); // \\ and any other escaped character stand for themselves
            }
        }
    }
}

void splitCopyTextRow(std::string_view row, std::vector<Field>& fields, std::string& scratch) {
    fields.clear();
    scratch.clear();
    // Escaped fields are decoded into scratch first and pointed at afterwards, since scratch may grow.
    struct Span {
        size_t from = 0;
        size_t size = 0;
        bool inScratch = false;
        bool null = false;
    };
    thread_local std::vector<Span> spans;
    spans.clear();
    size_t start = 0;
    for (;;) {
        const size_t tab = row.find('\t', start);
        const std::string_view field =
            row.substr(start, tab == std::string_view::npos ? row.npos : tab - start);
        Span s;
        if (field == "\\N") {
            s.null = true;
        } else if (field.find('\\') != std::string_view::npos) {
            s.from = scratch.size();
            unescapeInto(field, scratch);
            s.size = scratch.size() - s.from;
            s.inScratch = true;
        } else {
            s.from = start;
            s.size = field.size();
        }
        spans.push_back(s);
        if (tab == std::string_view::npos)
            break;
        start = tab + 1;
    }
    for (const Span& s : spans) {
        if (s.null)
            fields.push_back(Field{{}, true});
        else if (s.inScratch)
            fields.push_back(Field{std::string_view(scratch).substr(s.from, s.size), false});
        else
            fields.push_back(Field{row.substr(s.from, s.size), false});
    }
}

int significantDigits(std::string_view text, int* decimalExponent) {
    size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+'))
        ++i;
    int first = -1;        // position (in digits seen) of the first non-zero digit
    int lastNonZero = -1;  // position of the last non-zero digit
    int digits = 0;        // digits seen, before and after the point
    int integerDigits = 0; // digits before the point
    bool point = false;
    bool any = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '.' && !point) {
            point = true;
            continue;
        }
        if (c < '0' || c > '9')
            break;
        any = true;
        if (c != '0') {
            if (first < 0)
                first = digits;
            lastNonZero = digits;
        }
        ++digits;
        if (!point)
            ++integerDigits;
    }
    if (!any)
        return -1;
    int exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        bool negative = false;
        if (i < text.size() && (text[i] == '-' || text[i] == '+'))
            negative = text[i++] == '-';
        if (i == text.size())
            return -1;
        for (; i < text.size(); ++i) {
            if (text[i] < '0' || text[i] > '9' || exponent > 100000)
                return -1;
            exponent = exponent * 10 + (text[i] - '0');
        }
        if (negative)
            exponent = -exponent;
    }
    if (i != text.size())
        return -1;
    if (first < 0) { // zero
        if (decimalExponent)
            *decimalExponent = 0;
        return 0;
    }
    if (decimalExponent)
        *decimalExponent = integerDigits - first + exponent;
    return lastNonZero - first + 1;
}

namespace {

// JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool isJsonNumberSyntax(std::string_view t) {
    size_t i = 0;
    if (i < t.size() && t[i] == '-')
        ++i;
    if (i == t.size() || t[i] < '0' || t[i] > '9')
        return false;
    if (t[i] == '0' && i + 1 < t.size() && t[i + 1] >= '0' && t[i + 1] <= '9')
        return false;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9')
        ++i;
    if (i < t.size() && t[i] == '.') {
        if (++i == t.size() || t[i] < '0' || t[i] > '9')
            return false;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9')
            ++i;
    }
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < t.size() && (t[i] == '+' || t[i] == '-'))
            ++i;
        if (i == t.size() || t[i] < '0' || t[i] > '9')
            return false;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9')
            ++i;
    }
    return i == t.size();
}

// Within a double's normal range (about 1e-307 … 1e308), so the value neither overflows nor underflows.
bool inDoubleRange(int significant, int exponent) {
    return significant == 0 || (exponent > -307 && exponent <= 308);
}

} // namespace

bool jsonNumberExact(std::string_view text, TypeCategory category) {
    if (!isJsonNumberSyntax(text))
        return false; // NaN, Infinity
    int exponent = 0;
    const int significant = significantDigits(text, &exponent);
    if (significant < 0)
        return false;
    switch (category) {
    case TypeCategory::Integer: {
        std::string_view digits = text.substr(text.front() == '-' ? 1 : 0);
        if (digits.size() != 16)
            return digits.size() < 16;
        return digits <= std::string_view("9007199254740992");
    }
    case TypeCategory::Float:
        return true; // finite, and already the shortest text that reads back as this very double
    default:
        return significant <= 15 && inDoubleRange(significant, exponent);
    }
}

bool excelNumberExact(std::string_view text, TypeCategory category) {
    Q_UNUSED(category);
    if (!isJsonNumberSyntax(text))
        return false;
    int exponent = 0;
    const int significant = significantDigits(text, &exponent);
    return significant >= 0 && significant <= 15 && inDoubleRange(significant, exponent);
}

void appendSqlLiteral(std::string& out, std::string_view value) {
    const bool backslash = value.find('\\') != std::string_view::npos;
    if (backslash)
        out.push_back('E');
    out.push_back('\'');
    for (const char c : value) {
        if (c == '\'' || c == '\\')
            out.push_back(c);
        out.push_back(c);
    }
    out.push_back('\'');
}

namespace {

void appendJsonString(std::string& out, std::string_view s) {
    static const char* const kHex = "0123456789abcdef";
    out.push_back('"');
    size_t run = 0; // start of the pending run of characters that need no escaping
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(s.substr(run, i - run));
        run = i + 1;
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default: {
            const char u[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
            out.append(u, sizeof u);
        }
        }
    }
    out.append(s.substr(run));
    out.push_back('"');
}

std::string_view view(const QByteArray& bytes) {
    return {bytes.constData(), size_t(bytes.size())};
}

// JSON and NDJSON: one object per row, keys in column order (a query's duplicate names stay duplicate).
// Booleans are true/false and json/jsonb values are embedded as JSON; everything else is its exact text
// as a string, or (jsonNumbers) a number when a double holds it exactly.
class JsonEncoder final : public RowEncoder {
public:
    JsonEncoder(const ExportOptions& options, const QList<ExportColumn>& columns, OutputBuffer& out)
        : m_out(out)
        , m_lines(options.format == ExportFormat::NdJson) {
        for (qsizetype i = 0; i < columns.size(); ++i) {
            const ColumnInfo& c = columns.at(i).info;
            std::string key(i == 0 ? "{" : ",");
            appendJsonString(key, view(columns.at(i).name));
            key.push_back(':');
            Kind kind = Kind::String;
            if (c.category == TypeCategory::Boolean)
                kind = Kind::Boolean;
            else if (c.category == TypeCategory::Json)
                kind = Kind::Json;
            else if (options.jsonNumbers &&
                     (c.category == TypeCategory::Integer || c.category == TypeCategory::Numeric ||
                      c.category == TypeCategory::Float))
                kind = Kind::Number;
            m_columns.push_back({std::move(key), kind, c.category});
        }
        m_row.reserve(4096);
    }

    void begin() override {
        if (!m_lines)
            m_out.append(std::string_view("["));
    }

    void row(const std::vector<Field>& fields) override {
        m_row.clear();
        if (!m_lines)
            m_row.append(m_rows == 0 ? "\n" : ",\n");
        for (size_t i = 0; i < m_columns.size(); ++i) {
            const Column& c = m_columns[i];
            m_row.append(c.key);
            const Field& f = fields[i];
            if (f.null) {
                m_row.append("null");
                continue;
            }
            switch (c.kind) {
            case Kind::Boolean:
                m_row.append(f.text == "t" ? "true" : f.text == "f" ? "false" : "null");
                break;
            case Kind::Json:
                m_row.append(f.text);
                break;
            case Kind::Number:
                if (jsonNumberExact(f.text, c.category)) {
                    m_row.append(f.text);
                } else {
                    ++inexactNumbers;
                    appendJsonString(m_row, f.text);
                }
                break;
            case Kind::String:
                appendJsonString(m_row, f.text);
                break;
            }
        }
        if (m_columns.empty())
            m_row.push_back('{');
        m_row.push_back('}');
        if (m_lines)
            m_row.push_back('\n');
        m_out.append(m_row);
        ++m_rows;
    }

    void finish() override {
        if (!m_lines)
            m_out.append(std::string_view(m_rows == 0 ? "]\n" : "\n]\n"));
    }

    qint64 bytes() const override { return m_out.bytes(); }

private:
    enum class Kind { String, Boolean, Json, Number };
    struct Column {
        std::string key; // `{"name":` for the first column, `,"name":` for the others
        Kind kind;
        TypeCategory category;
    };
    OutputBuffer& m_out;
    bool m_lines;
    std::vector<Column> m_columns;
    std::string m_row;
    qint64 m_rows = 0;
};

// INSERT statements of up to rowsPerStatement rows. Values are literals that INSERT … VALUES coerces to
// each target column's type through the type's input function, exactly as COPY would: no casts needed,
// so the file does not depend on type names. Generated (stored) columns are left out; identity columns
// GENERATED ALWAYS get OVERRIDING SYSTEM VALUE so their values are kept.
class SqlEncoder final : public RowEncoder {
public:
    SqlEncoder(const ExportOptions& options, const QList<ExportColumn>& columns, const TableInfo& table,
               OutputBuffer& out)
        : m_out(out)
        , m_batch(std::max(1, options.sqlRowsPerStatement)) {
        QString target;
        if (!options.sqlTable.isEmpty()) {
            const auto parts = splitQualifiedName(options.sqlTable);
            if (!parts)
                throwConfigurationError(QStringLiteral("sqlTable"),
                                        QStringLiteral("not a table name: %1").arg(options.sqlTable));
            QStringList quoted;
            for (const QString& p : *parts)
                quoted << quoteIdentifier(p);
            target = quoted.join(QLatin1Char('.'));
        } else if (table.kind == RelationKind::Query || table.name.isEmpty()) {
            target = quoteIdentifier(QStringLiteral("query"));
        } else {
            target = quoteIdentifier(table.schema) + QLatin1Char('.') + quoteIdentifier(table.name);
        }
        QStringList names;
        bool overriding = false;
        for (qsizetype i = 0; i < columns.size(); ++i) {
            const ColumnInfo& c = columns.at(i).info;
            if (c.isGenerated)
                continue;
            m_included.push_back(size_t(i));
            m_numeric.push_back(c.category == TypeCategory::Integer || c.category == TypeCategory::Numeric);
            m_boolean.push_back(c.category == TypeCategory::Boolean);
            names << quoteIdentifier(QString::fromUtf8(columns.at(i).name));
            overriding = overriding || (c.isIdentity && c.identityAlways);
        }
        m_prefix = (QStringLiteral("INSERT INTO ") + target + QStringLiteral(" (") +
                    names.join(QStringLiteral(", ")) + QLatin1Char(')') +
                    (overriding ? QStringLiteral(" OVERRIDING SYSTEM VALUE") : QString()) +
                    QStringLiteral(" VALUES\n"))
                       .toStdString();
        m_row.reserve(4096);
    }

    void row(const std::vector<Field>& fields) override {
        m_row.clear();
        if (m_inBatch == 0)
            m_row.append(m_prefix);
        else
            m_row.append(",\n");
        m_row.push_back('(');
        for (size_t k = 0; k < m_included.size(); ++k) {
            if (k > 0)
                m_row.append(", ");
            const Field& f = fields[m_included[k]];
            if (f.null)
                m_row.append("NULL");
            else if (m_boolean[k])
                m_row.append(f.text == "t" ? "TRUE" : "FALSE");
            else if (m_numeric[k] && isPlainNumber(f.text))
                m_row.append(f.text);
            else
                appendSqlLiteral(m_row, f.text);
        }
        m_row.push_back(')');
        if (++m_inBatch == m_batch) {
            m_row.append(";\n");
            m_inBatch = 0;
        }
        m_out.append(m_row);
    }

    void finish() override {
        if (m_inBatch > 0)
            m_out.append(std::string_view(";\n"));
    }

    qint64 bytes() const override { return m_out.bytes(); }

private:
    // Digits with an optional leading minus and one point: written bare, it reads back as the same value.
    static bool isPlainNumber(std::string_view t) {
        size_t i = t.starts_with('-') ? 1 : 0;
        if (i == t.size())
            return false;
        bool point = false;
        for (; i < t.size(); ++i) {
            if (t[i] == '.' && !point)
                point = true;
            else if (t[i] < '0' || t[i] > '9')
                return false;
        }
        return t.back() != '.';
    }

    OutputBuffer& m_out;
    int m_batch;
    int m_inBatch = 0;
    std::string m_prefix;
    std::vector<size_t> m_included;
    std::vector<bool> m_numeric;
    std::vector<bool> m_boolean;
    std::string m_row;
};

// A GitHub-flavoured Markdown table. Cells escape Markdown's active characters with a backslash (so
// values show literally), and line breaks become <br>; numbers are right-aligned.
class MarkdownEncoder final : public RowEncoder {
public:
    MarkdownEncoder(const ExportOptions& options, const QList<ExportColumn>& columns, OutputBuffer& out)
        : m_out(out)
        , m_null(options.nullText.toStdString()) {
        std::string header = "|";
        std::string rule = "|";
        for (const ExportColumn& c : columns) {
            header.push_back(' ');
            if (options.header)
                appendCell(header, view(c.name));
            header.append(" |");
            const bool number = c.info.category == TypeCategory::Integer ||
                                c.info.category == TypeCategory::Numeric ||
                                c.info.category == TypeCategory::Float;
            rule.append(number ? " ---: |" : " --- |");
        }
        m_head = std::move(header);
        m_head.push_back('\n');
        m_head.append(rule);
        m_head.push_back('\n');
        m_row.reserve(4096);
    }

    void begin() override { m_out.append(m_head); }

    void row(const std::vector<Field>& fields) override {
        m_row.clear();
        m_row.push_back('|');
        for (const Field& f : fields) {
            m_row.push_back(' ');
            appendCell(m_row, f.null ? std::string_view(m_null) : f.text);
            m_row.append(" |");
        }
        m_row.push_back('\n');
        m_out.append(m_row);
    }

    qint64 bytes() const override { return m_out.bytes(); }

private:
    static void appendCell(std::string& out, std::string_view s) {
        for (size_t i = 0; i < s.size(); ++i) {
            const char c = s[i];
            switch (c) {
            case '\r':
                if (i + 1 < s.size() && s[i + 1] == '\n')
                    ++i;
                out.append("<br>");
                break;
            case '\n':
                out.append("<br>");
                break;
            case '\\':
            case '|':
            case '`':
            case '*':
            case '_':
            case '~':
            case '<':
            case '>':
            case '[':
            case ']':
            case '&':
                out.push_back('\\');
                out.push_back(c);
                break;
            default:
                out.push_back(c);
            }
        }
    }

    OutputBuffer& m_out;
    std::string m_null;
    std::string m_head;
    std::string m_row;
};

} // namespace

std::unique_ptr<RowEncoder> makeTextEncoder(const ExportOptions& options, const QList<ExportColumn>& columns,
                                            const TableInfo& table, OutputBuffer& out) {
    switch (options.format) {
    case ExportFormat::Json:
    case ExportFormat::NdJson:
        return std::make_unique<JsonEncoder>(options, columns, out);
    case ExportFormat::Sql:
        return std::make_unique<SqlEncoder>(options, columns, table, out);
    case ExportFormat::Markdown:
        return std::make_unique<MarkdownEncoder>(options, columns, out);
    case ExportFormat::Csv:
    case ExportFormat::Tsv:
    case ExportFormat::Xlsx:
        break;
    }
    throwError(ErrorKind::Configuration,
               QStringLiteral("no text encoder for %1").arg(exportFormatName(options.format)));
}

} // namespace pgdesk::core::exporting
