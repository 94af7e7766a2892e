// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/session/writeunlock.h>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

class QIODevice;

namespace pgdesk::core {

class Connection;
class RecordSource;

struct ImportOptions {
    bool header = true;  // the first record names the columns (matched to the table's, exactly)
    QStringList columns; // target columns in file order; empty: the header's, else all writable ones;
                         // for record sources (XLSX, JSON) "" leaves that field out

    char delimiter = ','; // CSV delimiter (tab for TSV)
    QString nullText;     // unquoted text that means NULL ("" by default, as COPY csv); "" quoted is ''
    WriteAccess write;    // a production profile's key (writeunlock.h); empty: the server refuses the COPY
};

struct ImportProgress {
    qint64 bytes = 0;
    qint64 totalBytes = -1; // -1 when the input's size is unknown (a pipe)
};

// A table the import creates before its rows go in, in the same transaction: if any row fails, the table
// is not there either.
struct NewTable {
    QString schema; // empty: the connection's current schema
    QString name;
    QStringList columns; // in file order: every CSV field; a record source's fields that are kept
    // One per column as a user writes it ("numeric(12,2)", "timestamptz", "text[]"). Each is resolved by
    // the server (to_regtype, an unknown one is a ConfigurationError naming its column) and written into
    // the CREATE TABLE as the server's own format_type text, never as typed.
    QStringList types;
};

// Pure: the first `maxRecords` records of CSV text (RFC 4180: quotes, "" escapes, newlines inside
// quotes; \r\n or \n line ends). A record in progress at the end of `data` is left out. For previews.
QList<QStringList> parseCsvRecords(const QByteArray& data, char delimiter, int maxRecords);

// Whether a file's first record is a header for a table with these columns: every field, without a byte
// order mark and surrounding blanks, is one of the column names exactly, and none comes twice. PgDesk's own
// CSV and XLSX exports start with such a record and a data row practically never is one, so an import that
// was told neither --header nor --no-header (or whose file changed in the dialog) decides by it.
bool recordNamesColumns(const QStringList& record, const QStringList& columns);
// Looser, for the import dialog, where a header may name columns the user maps by hand: some field names one
// of the columns (ignoring case, as the dialog's mapping does).
bool recordNamesAnyColumn(const QStringList& record, const QStringList& columns);
// The first record of a CSV or XLSX file for that decision (NULL cells as empty fields; empty when the file
// has none). CSV is peeked from `input`, which stays at its start (standard input too).
QStringList firstCsvRecord(QIODevice& input, char delimiter);
QStringList firstXlsxRecord(const QString& path, const QString& sheet);

// CSV import into one table with COPY … FROM STDIN inside one transaction: every row or none. PostgreSQL
// 18 and later get the file's bytes as they are (FORMAT csv); before that the CSV is turned into COPY's text
// format on a thread of its own by the server's own CSV rules (src/transfer/csvtext.h), which the server
// parses about 20 % faster, one line per record. Either way what COPY csv accepts is imported exactly.
// A bad row rolls everything back and the DataError/IntegrityError says which line and column failed
// (the server's CONTEXT, e.g. "COPY products, line 5, column price: \"abc\"", its line the file's).
// session/copy.h drives COPY IN, for EntityOperations' bulk create too.
class Importer final {
public:
    Importer(Connection& connection, TableInfo table);
    // Import into a new table (CREATE TABLE in the import's transaction). options.columns may stay empty
    // (the new table's columns in order, for CSV with or without a header) or map fields as for a table
    // ("" leaves a record source's field out).
    Importer(Connection& connection, NewTable table);

    // The columns the import will fill, in file order, checked against the table (unknown → NotFound;
    // generated/identity ALWAYS → ConfigurationError). `headerLine` is the file's first record when
    // options.header is set.
    QStringList targetColumns(const ImportOptions& options, const QStringList& headerLine) const;

    // Reads `input` to its end. progress is called about every MiB; cancel (checked as often) aborts the
    // copy: nothing is written and QueryCanceled is thrown. Returns the rows imported.
    qint64 importCsv(QIODevice& input, const ImportOptions& options,
                     const std::function<void(const ImportProgress&)>& progress = {},
                     const std::atomic<bool>* cancel = nullptr);

    // The same for a record source (XLSX, JSON, NDJSON): each record is sent as a COPY text row (one line a
    // record, so COPY's line number names it), read and encoded on a thread of its own while the chunks are
    // sent, in one transaction. A value the server refuses is named by the record's place in the file
    // ("line 7, column price: …" for NDJSON, "row 7, …" for a sheet). options.columns maps the source's
    // fields to table columns ("" skips one); empty: each field goes to the column of its name
    // (options.header), or without names the fields fill the table's writable columns in order.
    qint64 importRecords(RecordSource& source, const ImportOptions& options,
                         const std::function<void(const ImportProgress&)>& progress = {},
                         const std::atomic<bool>* cancel = nullptr);

    // The table imported into; a new table's (its schema resolved) once an import has begun.
    const TableInfo& table() const { return m_table; }

private:
    void requireTable(); // resolves a new table first
    void prepareNewTable();
    qint64 copy(const QString& statement, const std::function<QString(qint64 line)>& locate,
                const WriteAccess& write, const std::function<bool(QByteArray&)>& produce);

    Connection& m_connection;
    TableInfo m_table;
    std::optional<NewTable> m_create; // until prepareNewTable() made m_createStatement
    QString m_createStatement;
};

} // namespace pgdesk::core
