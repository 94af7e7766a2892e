// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/transfer/importer.h>
#include <pgdesk/core/transfer/recordsource.h>

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QIODevice;

namespace pgdesk::core {

// The sample a new table's columns and types are inferred from, the same for `pgdesk-cli import --create`
// and the window's Import into new table…: the first kImportSampleRecords records within the file's first
// kImportSampleBytes (CSV; a sheet or a JSON file is read record by record).
inline constexpr qint64 kImportSampleBytes = qint64(1) << 20;
inline constexpr int kImportSampleRecords = 1000;

// The first records of a CSV file's head (`head`, up to kImportSampleBytes of it; `wholeFile` when it is all
// of the file, so a last record without a line end counts), at most `maxRecords`.
QList<QStringList> sampleCsvRecords(QByteArray head, bool wholeFile, char delimiter, int maxRecords);

// A new table named `name` ("schema.table" or "table") for the sample: its columns named from the fields
// (newTableColumnNames), its types inferred from the records below the header.
NewTable newTableFromSample(const QString& name, const QStringList& fieldNames,
                            const QList<QList<std::optional<QString>>>& records);
NewTable newTableFromCsvSample(const QString& name, QList<QStringList> records, bool header,
                               const QString& nullText);

// One import as every front end runs it: `pgdesk-cli import` and the window's Import into table… and
// Import into new table…. Refused on a standby before anything is sent (a failover since the tab was opened
// included); the file read by its format (CSV as it is; XLSX and JSON as records) into an existing table or a
// new one made in the same transaction, every row or none; progress and cancel from any thread (between
// chunks: nothing is written then); what the user is told comes back with the count. A rule added here holds
// for every front end.
struct ImportRequest {
    QString path;               // the file; an XLSX workbook is always read from it
    QIODevice* input = nullptr; // CSV, JSON and NDJSON from here instead (standard input), open for reading
    ImportFormat format = ImportFormat::Csv;
    QString sheet; // XLSX: empty for the first
    // XLSX and JSON records already opened (a new table's types inferred from its sample first, standard
    // input read once); empty: opened from `input` or `path`.
    std::shared_ptr<RecordSource> source;
    ImportOptions options;
    std::optional<TableInfo> table;   // into this table, or
    std::optional<NewTable> newTable; // into a new one
};

struct ImportOutcome {
    QString schema; // the table imported into (a new table's schema as the server chose it)
    QString name;
    qint64 rows = 0;
    qint64 bytes = -1; // the file's size; -1 for standard input
    qint64 elapsedMs = 0;
    bool created = false;
    QStringList warnings; // the record source's (a sheet's merged cells, …)
    QString qualifiedName() const;
};

class ImportRun final {
public:
    explicit ImportRun(ImportRequest request);
    ImportRun(const ImportRun&) = delete;
    ImportRun& operator=(const ImportRun&) = delete;

    const ImportRequest& request() const { return m_request; }
    // About every MiB, on the importing thread.
    void setProgressCallback(std::function<void(const ImportProgress&)> callback);
    // From any thread: the import stops at its next chunk and rolls back; run() throws QueryCanceled.
    void cancel() { m_cancel = true; }
    bool isCancelled() const { return m_cancel.load(); }

    // Throws ConfigurationError for a file that cannot be read, what the standby check and the Importer
    // throw.
    ImportOutcome run(Connection& connection);

private:
    ImportRequest m_request;
    std::function<void(const ImportProgress&)> m_progress;
    std::atomic<bool> m_cancel = false;
};

} // namespace pgdesk::core
