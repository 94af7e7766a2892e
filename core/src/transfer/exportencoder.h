// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to the export engine: the output buffer, COPY text-format decoding and the per-format
// encoders that exportwriter.cpp drives one row at a time.

#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/transfer/exportwriter.h>

#include <QByteArray>
#include <QIODevice>
#include <QList>

#include <array>
#include <atomic>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pgdesk::core::exporting {

// One value of a row: a view into the COPY buffer (or the row's scratch space), valid for one row.
struct Field {
    std::string_view text;
    bool null = false;
};

// Writes all of `bytes` to the device; throws Error naming the file (`name`) and the system's reason.
void writeOut(QIODevice* device, const QString& name, std::string_view bytes);

// Collects output and hands it to the device in large writes; throws Error when a write fails.
class OutputBuffer final {
public:
    // `name`: the file as the user named it, for error messages.
    OutputBuffer(QIODevice* device, QString name);
    void append(std::string_view bytes) {
        m_buffer.append(bytes);
        if (m_buffer.size() >= kFlushAt)
            flush();
    }
    void append(char c) { m_buffer.push_back(c); }
    void flush();
    qint64 bytes() const { return m_written + qint64(m_buffer.size()); }

private:
    static constexpr size_t kFlushAt = 1 << 20;
    QIODevice* m_device;
    QString m_name;
    std::string m_buffer;
    qint64 m_written = 0;
};

// Decodes COPY text escapes of one field (the server writes \\ \b \f \n \r \t \v; octal and hex
// forms are accepted too, as COPY FROM does), appending to out.
void unescapeInto(std::string_view in, std::string& out);

// Splits one row of COPY's text format (tab-separated, \N for NULL, backslash escapes, no trailing
// newline) into fields. Escaped values are decoded into scratch, which the fields then point into.
void splitCopyTextRow(std::string_view row, std::vector<Field>& fields, std::string& scratch);

// What an encoder knows about a column: its name (UTF-8) and catalog type.
struct ExportColumn {
    QByteArray name;
    ColumnInfo info;
};

class RowEncoder {
public:
    virtual ~RowEncoder() = default;
    virtual void begin() {}
    virtual void row(const std::vector<Field>& fields) = 0;
    virtual void finish() {}
    // Bytes of output produced so far.
    virtual qint64 bytes() const = 0;

    qint64 inexactNumbers = 0;
    qint64 truncatedCells = 0;
    int sheets = 0;
};

// JSON, NDJSON, SQL and Markdown, written to out.
std::unique_ptr<RowEncoder> makeTextEncoder(const ExportOptions& options, const QList<ExportColumn>& columns,
                                            const TableInfo& table, OutputBuffer& out);
// XLSX through libxlsxwriter, written to path when finish() runs; finish() gives up when cancelled is set
// (QueryCanceled), leaving the zipping to finish on its own, and then removes path if it is temporary.
std::unique_ptr<RowEncoder> makeXlsxEncoder(const ExportOptions& options, const QList<ExportColumn>& columns,
                                            const QString& path, const std::atomic<bool>& cancelled,
                                            bool temporaryPath, const QString& target);

// PostgreSQL's CopyAttributeOutCSV (the same rules from 9.x through 17): a value is quoted when it holds
// the delimiter, a double quote, CR or LF, when it equals the NULL text (so it reads back as a value), or
// when it is a lone \. in a one-column file (which would end the data); quotes inside are doubled.
void appendCsvField(std::string& out, std::string_view value, char delimiter, std::string_view nullText,
                    bool singleColumn);

// Rows of COPY's text format turned into the lines COPY … (FORMAT csv) would send: the server's CSV output
// costs its backend, the busiest process of an export, 10–20 % more than its text output, and this side
// has a core to spare. One per thread (it keeps the row's fields).
class CsvLines final {
public:
    CsvLines(char delimiter, std::string nullText, int columns);
    // The header line (with its newline) of these column names.
    std::string header(const QList<ExportColumn>& columns) const;
    // Appends one message of COPY's text format (a row with its newline) as a CSV line; throws when the row
    // does not have the expected number of fields.
    void append(std::string& out, std::string_view message);

private:
    // The end of the value starting at p (its tab, or end); `special` set when it holds a byte of m_special.
    const char* scanValue(const char* p, const char* end, bool& special) const;
    // The row [p, end) as its line when it needs nothing but its tabs replaced; false (out unchanged) when
    // a value needs a closer look.
    bool appendPlain(std::string& out, const char* p, const char* end) const;

    char m_delimiter;
    std::string m_null;
    int m_columns;
    std::array<bool, 256> m_special{}; // bytes that need a closer look: backslash, quote, the delimiter
    std::string m_scratch;
};

// Pure helpers shared by the encoders.
// Significant decimal digits of a plain decimal number ("-0012.3400" → 4), or -1 when text is not one
// (NaN, Infinity, exponents, signs in odd places). decimalExponent gets the position of the number's most
// significant digit relative to the point (1234.5 → 4, 0.001 → -2), to keep values within a double's range.
int significantDigits(std::string_view text, int* decimalExponent = nullptr);
// JSON numbers mode: text (integer, numeric or float output) is written as a number. Integers up to
// 2^53 in magnitude, numerics with at most 15 significant digits, finite floats (PostgreSQL prints the
// shortest text that reads back to the same double).
bool jsonNumberExact(std::string_view text, TypeCategory category);
// XLSX: a number Excel shows exactly as written (at most 15 significant digits, within a double's range).
bool excelNumberExact(std::string_view text, TypeCategory category);
// The PQescapeLiteral form: 'it''s', or E'a\\b' when the value holds a backslash.
void appendSqlLiteral(std::string& out, std::string_view value);

} // namespace pgdesk::core::exporting
