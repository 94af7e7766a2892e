// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Internal to the transfer area: CSV as COPY … FROM STDIN (FORMAT csv) reads it, turned into lines of
// COPY's text format on the importing side. The server parses text about 20 % faster than CSV, and the
// server is what an import waits for. The rules are PostgreSQL's own (CopyReadLineText and
// CopyReadAttributesCSV up to version 17, quote and escape '"'): the first line end sets the file's (LF,
// CR LF or CR) and another one outside quotes is the server's error; a quote may open anywhere in a value,
// "" inside quotes is one quote; a value is NULL only when it is unquoted and equals the NULL text; a line
// holding only \. ends the data; the header line is read by the same rules and left out.

#include <QByteArray>

#include <string>

namespace pgdesk::core {

class CsvToCopyText final {
public:
    CsvToCopyText(char delimiter, QByteArray nullText, bool header);

    // Reads the next piece of the input (split anywhere) and appends each record it completes as one line
    // of COPY's text format. False once a \. line ended the data: the rest is ignored, as the server
    // ignores it. Throws the server's error (DataError, 22P04, the line named) for a line end that is not
    // the file's.
    bool feed(const char* data, qsizetype size, QByteArray& out);
    // The input ended: appends the last record when it had no line end; throws for an unterminated quoted
    // value.
    void finish(QByteArray& out);

private:
    enum class State {
        LineStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
        CarriageReturn,
        Backslash,
        BackslashDot,
        BackslashDotCr
    };
    enum class Eol { Unknown, Nl, CrNl, Cr };

    // One byte in the given state; false when it ended the data.
    bool step(char c, QByteArray& out);
    void endField(QByteArray& out);
    void endRecord(QByteArray& out);
    [[noreturn]] void fail(const char* message, const char* hint = nullptr) const;

    char m_delimiter;
    QByteArray m_null;
    bool m_skipHeader;
    State m_state = State::LineStart;
    Eol m_eol = Eol::Unknown;
    std::string m_field;
    bool m_sawQuote = false;
    int m_fieldsInLine = 0;  // fields ended on the line being read
    qint64 m_lineNumber = 1; // PostgreSQL's number of the line being read
    bool m_ended = false;
};

} // namespace pgdesk::core
