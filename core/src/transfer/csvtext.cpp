// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer/csvtext.h"
#include <pgdesk/core/base/bytescan.h>
#include <pgdesk/core/session/copy.h>

#include <pgdesk/core/base/errors.h>

#include <cstring>

namespace pgdesk::core {

CsvToCopyText::CsvToCopyText(char delimiter, QByteArray nullText, bool header)
    : m_delimiter(delimiter)
    , m_null(std::move(nullText))
    , m_skipHeader(header) {
}

void CsvToCopyText::fail(const char* message, const char* hint) const {
    ErrorInfo info;
    info.kind = ErrorKind::Data;
    info.sqlState = QStringLiteral("22P04"); // bad_copy_file_format, as the server says it
    info.message = QStringLiteral("line %1: %2").arg(m_lineNumber).arg(QLatin1String(message));
    if (hint)
        info.hint = QLatin1String(hint);
    throwError(std::move(info));
}

void CsvToCopyText::endField(QByteArray& out) {
    // Written straight to the output (a line may run on into the next chunk: COPY data is a stream), through
    // a pointer into room made once; the header line's values are not written at all.
    if (!m_skipHeader) {
        const qsizetype start = out.size();
        out.resize(start + 3 + 2 * qsizetype(m_field.size())); // a tab, then \N or the value escaped
        char* d = out.data() + start;
        if (m_fieldsInLine > 0)
            *d++ = '\t';
        if (!m_sawQuote && m_field.size() == size_t(m_null.size()) &&
            std::equal(m_field.begin(), m_field.end(), m_null.constBegin())) {
            *d++ = '\\';
            *d++ = 'N';
        } else {
            d = pq::writeCopyText(d, m_field.data(), qsizetype(m_field.size()));
        }
        out.truncate(d - out.constData());
    }
    ++m_fieldsInLine;
    m_field.clear();
    m_sawQuote = false;
}

void CsvToCopyText::endRecord(QByteArray& out) {
    endField(out);
    if (m_skipHeader)
        m_skipHeader = false;
    else
        out.append('\n');
    m_fieldsInLine = 0;
    ++m_lineNumber;
    m_state = State::LineStart;
}

bool CsvToCopyText::step(char c, QByteArray& out) {
    for (;;) { // a byte that only decided the one before it is looked at again in the new state
        switch (m_state) {
        case State::LineStart:
            if (c == '\\') { // \. alone on a line ends the data
                m_state = State::Backslash;
                return true;
            }
            m_state = State::Unquoted;
            continue;
        case State::Unquoted:
            if (c == m_delimiter) {
                endField(out);
            } else if (c == '"') {
                m_sawQuote = true;
                m_state = State::Quoted;
            } else if (c == '\n') {
                if (m_eol == Eol::Cr || m_eol == Eol::CrNl)
                    fail("unquoted newline found in data", "Use quoted CSV field to represent newline.");
                m_eol = Eol::Nl;
                endRecord(out);
            } else if (c == '\r') {
                if (m_eol == Eol::Nl)
                    fail("unquoted carriage return found in data",
                         "Use quoted CSV field to represent carriage return.");
                if (m_eol == Eol::Cr)
                    endRecord(out);
                else
                    m_state = State::CarriageReturn; // CR LF or CR: the next byte says
            } else {
                m_field.push_back(c);
            }
            return true;
        case State::Quoted:
            if (c == '"')
                m_state = State::QuoteInQuoted;
            else
                m_field.push_back(c); // line ends inside quotes are data
            return true;
        case State::QuoteInQuoted:
            if (c == '"') { // "" inside quotes: one quote
                m_field.push_back('"');
                m_state = State::Quoted;
                return true;
            }
            m_state = State::Unquoted; // the quote closed; the value may go on unquoted
            continue;
        case State::CarriageReturn:
            if (c == '\n') {
                m_eol = Eol::CrNl;
                endRecord(out);
                return true;
            }
            if (m_eol == Eol::CrNl)
                fail("unquoted carriage return found in data",
                     "Use quoted CSV field to represent carriage return.");
            m_eol = Eol::Cr;
            endRecord(out);
            continue;
        case State::Backslash:
            if (c == '.') {
                m_state = State::BackslashDot;
                return true;
            }
            m_field.push_back('\\'); // only data
            m_state = State::Unquoted;
            continue;
        case State::BackslashDot:
            if (m_eol == Eol::CrNl) {
                if (c == '\r') {
                    m_state = State::BackslashDotCr;
                    return true;
                }
            } else if (c == '\n' || c == '\r') {
                if ((m_eol == Eol::Nl && c != '\n') || (m_eol == Eol::Cr && c != '\r'))
                    fail("end-of-copy marker does not match previous newline style");
                m_ended = true;
                return false;
            }
            m_field.append("\\.", 2); // \. followed by more is data
            m_state = State::Unquoted;
            continue;
        case State::BackslashDotCr:
            if (c == '\n') {
                m_ended = true;
                return false;
            }
            if (c == '\r')
                fail("end-of-copy marker does not match previous newline style");
            fail("unquoted carriage return found in data",
                 "Use quoted CSV field to represent carriage return.");
        }
    }
}

bool CsvToCopyText::feed(const char* data, qsizetype size, QByteArray& out) {
    if (m_ended)
        return false;
    for (qsizetype i = 0; i < size;) {
        // Runs of plain bytes go to the value at once; step() looks at the bytes that decide something.
        if (m_state == State::Unquoted || m_state == State::Quoted) {
            const char* const end = data + size;
            const char* const stop =
                m_state == State::Quoted
                    ? static_cast<const char*>(std::memchr(data + i, '"', size_t(size - i)))
                    : findFirstOf(data + i, end, m_delimiter, '"', '\n', '\r');
            const qsizetype j = stop ? stop - data : size;
            if (j > i) {
                m_field.append(data + i, size_t(j - i));
                i = j;
                continue;
            }
        }
        if (!step(data[i++], out))
            return false;
    }
    return true;
}

void CsvToCopyText::finish(QByteArray& out) {
    if (m_ended)
        return;
    switch (m_state) {
    case State::LineStart:
        return; // the input ended with a line end (or was empty)
    case State::Quoted:
        fail("unterminated CSV quoted field");
    case State::CarriageReturn:
        if (m_eol == Eol::CrNl)
            fail("unquoted carriage return found in data",
                 "Use quoted CSV field to represent carriage return.");
        break; // a CR at the very end: the last line end
    case State::Backslash:
        m_field.push_back('\\');
        break;
    case State::BackslashDot:
        m_field.append("\\.", 2); // \. at the very end is data, not the marker
        break;
    case State::BackslashDotCr:
        fail("unquoted carriage return found in data", "Use quoted CSV field to represent carriage return.");
    case State::Unquoted:
    case State::QuoteInQuoted:
        break;
    }
    endRecord(out);
}

} // namespace pgdesk::core
