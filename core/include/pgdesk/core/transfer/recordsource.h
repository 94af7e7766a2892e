// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QIODevice;

namespace pgdesk::core {

// What an import reads. CSV goes to the server as it is (COPY csv); the others are read here, record by
// record, and sent as COPY text rows, so every format ends in the same server-side conversions.
enum class ImportFormat { Csv, Xlsx, Json, Ndjson };

// "csv" (also "tsv"), "xlsx", "json", "ndjson" (also "jsonl"); nullopt for anything else.
std::optional<ImportFormat> importFormatFromName(const QString& name);
// By the file's extension (.csv .tsv .txt, .xlsx, .json, .ndjson .jsonl); nullopt when it says nothing.
std::optional<ImportFormat> importFormatForPath(const QString& path);
QString importFormatName(ImportFormat format);

// One field of a record: UTF-8 text, or nullopt for NULL (JSON null, an empty spreadsheet cell). An empty
// string is a value, never NULL.
using ImportValue = std::optional<QByteArray>;

// Records read one at a time with bounded memory, each aligned with fieldNames(). Each record's place in
// the file is kept sparse (src/transfer/recordnumbers.h): an entry only where numbering skips.
class RecordSource {
public:
    virtual ~RecordSource() = default;
    // The fields every record has, in order: a sheet's header row (or A, B, C … without one), the keys of
    // the first objects of a JSON file in the order they first appear.
    virtual QStringList fieldNames() const = 0;
    // The next record into `fields` (resized to fieldNames()); false at the end. A record the format
    // cannot take (not an object, bad JSON, a key no earlier object had, an error cell) throws a DataError
    // that names it by recordLocation().
    virtual bool next(QList<ImportValue>& fields) = 0;
    // Where the record with this 0-based index (in the order next() gave them) is in the file, for
    // messages: "line 12" (NDJSON), "object 7" (JSON), "row 5" (a sheet, its own row number).
    virtual QString recordLocation(qint64 record) const = 0;
    // Which fields go to json/jsonb columns (by field index): JSON sources then give those values as their
    // JSON text ("a" keeps its quotes, 5 stays 5); the other formats have no JSON to keep.
    virtual void setRawJson(const QList<bool>& raw) { Q_UNUSED(raw); }
    // The records already read ahead to name the fields (a JSON file's first objects), as next() will give
    // them, without their JSON text kept; empty for a source that reads nothing ahead. Types for a new table
    // are guessed from them when the input cannot be read twice (standard input).
    virtual QList<QList<ImportValue>> sampled() { return {}; }
    // What the source let pass but a user should know (a JSON key repeated in an object: which value was
    // kept), a sentence each, for the import's summary; empty for most files.
    virtual QStringList warnings() const { return {}; }
    virtual qint64 bytesRead() const = 0;
    virtual qint64 totalBytes() const = 0; // -1 when unknown
};

// JSON: one array of objects; NDJSON: one object per line (blank lines skipped). Read in chunks of the
// device, so a file of any size takes the memory of its largest record plus the sample. fieldNames() are
// the keys of the first `sampleRecords` objects; a later key outside them is an error, a key missing from
// an object is NULL. Strings are imported as their text, numbers with their exact digits, true/false as
// such, nested objects and arrays as their JSON text (for json/jsonb columns). A flat record (no escapes,
// no nesting) is read in one pass; any other is validated whole, then walked (base/jsontext.h).
std::unique_ptr<RecordSource> openJsonRecords(QIODevice& input, ImportFormat format,
                                              int sampleRecords = 1000);

// The sheets of an XLSX workbook, in the workbook's order. Throws DataError when the file is no workbook.
QStringList xlsxSheetNames(const QString& path);
// One sheet of an XLSX workbook (the first when `sheet` is empty), streamed row by row from the zip entry
// (minizip, QXmlStreamReader). With `header`, the first non-empty row names the fields. Shared and inline
// strings, booleans, numbers (their stored text; 17-digit double noise shortened to the shortest text that
// reads back the same), dates and times by the cell's number format (1900 and 1904 date systems) as ISO text;
// an empty cell is NULL, an empty string is ''.
std::unique_ptr<RecordSource> openXlsxRecords(const QString& path, const QString& sheet, bool header);

// The first `maxRecords` records of a file in any format, as text for previews (NULL as nullopt).
struct RecordPreview {
    QStringList fieldNames;
    QList<QList<std::optional<QString>>> records;
    QStringList sheets; // XLSX only
};
RecordPreview previewRecords(const QString& path, ImportFormat format, const QString& sheet, bool header,
                             int maxRecords);

} // namespace pgdesk::core
