// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace pgdesk::core {

// Text from the clipboard read as a table of fields (pure: no I/O).
struct ClipboardTable {
    enum class Format { Tsv, Csv, Single };
    Format format = Format::Single;
    QList<QStringList> rows; // every row as it came; rows may differ in length
    qsizetype columnCount() const;
    qsizetype cellCount() const;
};

// How spreadsheets and PgDesk's own Copy put cells on the clipboard:
//   TSV (any tab in the text): Excel / LibreOffice rules; a field that starts with a double quote is quoted,
//       may hold tabs and line breaks, and "" in it is one quote; other fields run to the next tab or line.
//   CSV (no tab, commas, at least two lines that all have the same number (> 1) of fields): the same rules
//       with a comma. A single line with commas is one value ("Hello, world" pasted into a cell).
//   Single: anything else, one field per line.
// One line break at the end (what Excel adds after the last row) ends the last row; \r\n counts as \n.
// Empty text is no rows.
ClipboardTable parseClipboardTable(const QString& text);

// A header field as people mean it: without a UTF-8 byte order mark and surrounding blanks.
QString headerFieldName(QString field);
// For each header field, the column of the same name it maps to (empty when none): exact names first, then
// ignoring case (and a byte order mark, blanks); no column is taken twice. What the CSV import dialog does.
QStringList matchHeaderToColumns(const QStringList& fields, const QStringList& columns);
// Whether a first line is a header for these columns: every non-empty field names one of them (ignoring case)
// and at least one does.
bool isHeaderLine(const QStringList& fields, const QStringList& columns);

} // namespace pgdesk::core
