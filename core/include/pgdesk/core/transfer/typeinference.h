// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Column types for a table made from a file (Import into new table, `import --create`): guessed from the
// file's first records, never narrower than a value seen, so the sample itself always goes in; a later
// value the type cannot take fails the import by its row and column, and nothing is created.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdesk::core {

// Pure: the narrowest of integer, bigint, numeric, boolean, date, "timestamp without time zone",
// "timestamp with time zone", "time without time zone", uuid and jsonb that takes every non-NULL value,
// else text (also when every value is NULL). Numbers keep their digits (numeric, never a float type), a
// number with a leading zero ("00123", a postal code) is text, JSON only when every value is an object or
// an array, booleans as true/false/t/f/yes/no in any case. Dates with times widen to timestamps, a zone on
// any of them to "with time zone", integers past bigint to numeric.
QString inferColumnType(const QList<std::optional<QString>>& values);

// Pure: inferColumnType for each of `fields` columns of the records (a record shorter than that has NULL
// in the missing fields).
QStringList inferColumnTypes(const QList<QList<std::optional<QString>>>& records, int fields);
// The same for CSV records as parseCsvRecords gives them (no header among them): a field equal to the
// import's NULL text (COPY's: "" by default) is NULL.
QStringList inferCsvColumnTypes(const QList<QStringList>& records, int fields, const QString& nullText);
// The same for records as a RecordSource gives them (UTF-8).
QStringList inferColumnTypes(const QList<QList<std::optional<QByteArray>>>& records, int fields);

// Pure: column names for a new table from a file's field names: trimmed (and a byte order mark dropped),
// cut to PostgreSQL's 63 bytes at a character boundary, an empty one named column_N (its 1-based place),
// a repeated one given _2, _3 … so that every name is different.
QStringList newTableColumnNames(const QStringList& fieldNames);

// Pure: the types offered for a new table's columns, inferColumnType's and the other common ones.
QStringList commonColumnTypes();

} // namespace pgdesk::core
