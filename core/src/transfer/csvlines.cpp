// SPDX-License-Identifier: GPL-3.0-or-later
// CSV and TSV of the export engine: COPY's text rows turned into CSV quoted as psql's \copy … csv writes it
// (CsvLines), and one CSV field (appendCsvField, shared with the grid's copy).
#include "transfer/exportencoder.h"

#include <pgdesk/core/base/errors.h>

#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace pgdesk::core::exporting {

void appendCsvField(std::string& out, std::string_view value, char delimiter, std::string_view nullText,
                    bool singleColumn) {
    bool quote = value == nullText || (singleColumn && value == "\\.");
    for (size_t i = 0; !quote && i < value.size(); ++i) {
        const char c = value[i];
        quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
        out.append(value);
        return;
    }
    out.push_back('"');
    for (size_t from = 0;;) {
        const size_t q = value.find('"', from);
        out.append(value.substr(from, q == value.npos ? value.npos : q + 1 - from));
        if (q == value.npos)
            break;
        out.push_back('"'); // a quote inside is doubled
        from = q + 1;
    }
    out.push_back('"');
}

CsvLines::CsvLines(char delimiter, std::string nullText, int columns)
    : m_delimiter(delimiter)
    , m_null(std::move(nullText))
    , m_columns(columns) {
    m_special[uchar('\\')] = m_special[uchar('"')] = m_special[uchar(delimiter)] = true;
}

std::string CsvLines::header(const QList<ExportColumn>& columns) const {
    std::string line;
    for (qsizetype c = 0; c < columns.size(); ++c) {
        if (c > 0)
            line.push_back(m_delimiter);
        appendCsvField(line,
                       std::string_view(columns.at(c).name.constData(), size_t(columns.at(c).name.size())),
                       m_delimiter, m_null, columns.size() == 1);
    }
    line.push_back('\n');
    return line;
}

namespace {

constexpr std::uint64_t kOnes = ~std::uint64_t(0) / 255; // 0x0101…01

// The high bit of each byte of v that is zero (exact for the lowest one; a byte above a zero byte may be
// flagged too, which never moves the first hit).
constexpr std::uint64_t zeroBytes(std::uint64_t v) {
    return (v - kOnes) & ~v & (kOnes << 7);
}

} // namespace

const char* CsvLines::scanValue(const char* p, const char* end, bool& special) const {
    // Eight bytes at a time (the bulk of an export's client time is this loop): where the value's tab is,
    // and whether a backslash, quote or the delimiter comes before it.
    if constexpr (std::endian::native == std::endian::little) {
        const std::uint64_t tab = kOnes * uchar('\t');
        const std::uint64_t backslash = kOnes * uchar('\\');
        const std::uint64_t quote = kOnes * uchar('"');
        const std::uint64_t delimiter = kOnes * uchar(m_delimiter);
        while (end - p >= 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            const std::uint64_t tabs = zeroBytes(w ^ tab);
            std::uint64_t hits = zeroBytes(w ^ backslash) | zeroBytes(w ^ quote) | zeroBytes(w ^ delimiter);
            if (tabs) {
                const int before = std::countr_zero(tabs) / 8;  // bytes before the tab
                hits &= (std::uint64_t(1) << (8 * before)) - 1; // before ≤ 7
                special |= hits != 0;
                return p + before;
            }
            special |= hits != 0;
            p += 8;
        }
    }
    while (p < end && *p != '\t')
        special |= m_special[uchar(*p++)];
    return p;
}

bool CsvLines::appendPlain(std::string& out, const char* p, const char* end) const {
    // Most rows hold no backslash (so no NULL and no escape), quote or delimiter: the line is the row with
    // its tabs turned into the delimiter, unless a value equals the NULL text (quoted by the other path).
    // One pass over a copy of the row, sixteen bytes a step.
    const size_t base = out.size();
    out.append(p, size_t(end - p));
    char* q = out.data() + base;
    char* const last = q + (end - p);
    const bool tsv = m_delimiter == '\t'; // a tab is the separator already
    const char* valueStart = q;
    int columns = 0;
    auto giveUp = [&out, base] {
        out.resize(base);
        return false;
    };
    auto endValue = [&](const char* tab) {
        if (size_t(tab - valueStart) == m_null.size() &&
            std::memcmp(valueStart, m_null.data(), m_null.size()) == 0)
            return false;
        ++columns;
        valueStart = tab + 1;
        return true;
    };
#if defined(__SSE2__)
    const __m128i tab = _mm_set1_epi8('\t');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i delimiter = _mm_set1_epi8(tsv ? '\\' : m_delimiter);
    const __m128i replacement = _mm_set1_epi8(m_delimiter);
    for (; last - q >= 16; q += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
        const __m128i special =
            _mm_or_si128(_mm_cmpeq_epi8(v, backslash),
                         _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, delimiter)));
        if (_mm_movemask_epi8(special)) {
            return giveUp();
        }
        const __m128i tabs = _mm_cmpeq_epi8(v, tab);
        unsigned mask = unsigned(_mm_movemask_epi8(tabs));
        if (!mask)
            continue;
        for (; mask; mask &= mask - 1)
            if (!endValue(q + __builtin_ctz(mask))) {
                return giveUp();
            }
        _mm_storeu_si128(reinterpret_cast<__m128i*>(q),
                         _mm_or_si128(_mm_and_si128(tabs, replacement), _mm_andnot_si128(tabs, v)));
    }
#endif
    for (; q != last; ++q) {
        const char c = *q;
        if (c == '\\' || c == '"' || (c == m_delimiter && !tsv)) {
            return giveUp();
        }
        if (c == '\t') {
            if (!endValue(q)) {
                return giveUp();
            }
            *q = m_delimiter;
        }
    }
    if (!endValue(last) || columns != m_columns)
        return giveUp(); // the value-by-value path quotes the value or says what is wrong
    out.push_back('\n');
    return true;
}

void CsvLines::append(std::string& out, std::string_view message) {
    // One pass over the row: COPY's text format never has a raw tab, CR or LF inside a value, so a value
    // without a backslash, quote or delimiter goes out as it is (quoted only when it equals the NULL text).
    if (m_columns == 0) { // a table without columns: an empty line a row
        out.push_back('\n');
        return;
    }
    const char* p = message.data();
    const char* end = p + message.size();
    if (p < end && end[-1] == '\n')
        --end;
    if (appendPlain(out, p, end))
        return;
    int column = 0;
    for (;;) {
        const char* start = p;
        bool special = false;
        p = scanValue(p, end, special);
        const std::string_view raw(start, size_t(p - start));
        if (column++ > 0)
            out.push_back(m_delimiter);
        if (raw == "\\N") {
            out.append(m_null); // COPY writes the NULL text as it is
        } else if (special) {
            m_scratch.clear();
            unescapeInto(raw, m_scratch);
            appendCsvField(out, m_scratch, m_delimiter, m_null, m_columns == 1);
        } else if (raw == m_null) {
            out.push_back('"');
            out.append(raw);
            out.push_back('"');
        } else {
            out.append(raw);
        }
        if (p >= end)
            break;
        ++p; // the tab between values
    }
    if (column != m_columns)
        throwError(
            ErrorKind::Query,
            QStringLiteral("the export expected %1 columns, the server sent %2").arg(m_columns).arg(column));
    out.push_back('\n');
}

} // namespace pgdesk::core::exporting
