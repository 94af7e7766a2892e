// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/session/connection.h>

#include <QList>
#include <QString>
#include <QtGlobal>

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>

namespace pgdesk::core {

// File formats of an export. CSV and TSV are PostgreSQL's own CSV output (COPY … FORMAT csv), TSV being
// CSV with a tab delimiter: values holding tabs, quotes or newlines are quoted, so every value survives a
// round trip (COPY's text format would backslash-escape them instead, which spreadsheets do not undo).
enum class ExportFormat { Csv, Tsv, Json, NdJson, Sql, Markdown, Xlsx };

// "csv", "tsv", "json", "ndjson", "sql", "markdown", "xlsx".
QString exportFormatName(ExportFormat format);
// Accepts the names above in any case, plus "md" and "jsonl".
std::optional<ExportFormat> exportFormatFromName(const QString& name);
// The format a file name suggests by its extension (.csv .tsv .json .ndjson/.jsonl .sql .md .xlsx).
std::optional<ExportFormat> exportFormatForPath(const QString& path);

struct ExportOptions {
    ExportFormat format = ExportFormat::Csv;
    // A first line/row with the column names: CSV, TSV and XLSX. Markdown tables always have a header
    // row; without names it is left blank. JSON, NDJSON and SQL name every value anyway.
    bool header = true;
    // CSV and TSV only: one single-byte character, not a quote, CR or LF (default ',' or tab).
    std::optional<QChar> delimiter;
    // How NULL is written in CSV, TSV and Markdown (default: nothing, so NULL and '' differ in CSV only
    // by quoting: '' is written as ""). JSON writes null, SQL NULL, XLSX an empty cell.
    QString nullText;
    // Only UTF-8 is supported; anything else is a ConfigurationError.
    QString encoding = QStringLiteral("UTF-8");
    // JSON/NDJSON: numeric columns as JSON numbers instead of strings. Values a double cannot hold exactly
    // (integers beyond 2^53, more than 15 significant digits) and NaN/Infinity stay strings and are
    // counted in ExportResult::inexactNumbers.
    bool jsonNumbers = false;
    // SQL: the INSERT target as "schema.table" or "table" (split like CatalogReader::table names, then
    // quoted). Default: the exported table, or "query" for a query source.
    QString sqlTable;
    int sqlRowsPerStatement = 500;
    // The order a grid shows (the window's export of a tab): with no sort chosen the rows still come in
    // the row key's order, as the grid pages them. Off (the CLI's whole table): no ORDER BY at all, and a
    // plain table is copied by name, byte-identical to psql's \copy.
    bool viewOrder = false;
    // Generated columns too (the window: the columns the grid shows), in every format but SQL, whose
    // INSERTs could not load them back. Off: left out in every format, as
    // psql's \copy table leaves them out (COPY refuses them by name; COPY FROM could not load them back).
    bool includeGenerated = false;
    // Streams for a whole plain table in CSV or TSV (PostgreSQL 14 or later): 1 is one COPY; N > 1 has N
    // connections (this one and N − 1 from ExportWriter::setConnectionFactory) copy ranges of the table's
    // pages (ctid ranges) under one exported snapshot, put together in page order: the same bytes as one
    // stream, each waiting stream's memory bounded (src/transfer/parallelexport.h). 0 chooses: one
    // stream below kParallelExportMinBytes, else as many as the machine has cores (2 to 4). Any other
    // export runs as one stream and ExportResult::singleStreamReason says why.
    int jobs = 1;
    // With viewOrder and no sort chosen, still copy in parallel when jobs allows: the rows then come in the
    // table's stored order (as one COPY table writes them) instead of the key's.
    bool storedOrderWhenParallel = false;
    // Total rows for the progress percentage. Unset: when a progress callback is set, the planner's
    // (or the catalog's) estimate is asked for.
    std::optional<qint64> expectedRows;
};

struct ExportProgress {
    qint64 rows = 0;
    qint64 bytes = 0; // written to the file so far (XLSX: value bytes received, the zip comes last)
    int percent = -1; // 0–100 against the expected rows; -1 when unknown. Estimates may be off:
                      // capped at 99 until the export has finished.
    bool finished = false;
    bool packing =
        false; // every row is in; the file is being put together (XLSX: zipped), which takes a while
};
using ExportProgressCallback = std::function<void(const ExportProgress&)>;

struct ExportResult {
    QString path;
    QStringList omittedGenerated; // generated columns left out (includeGenerated off)
    qint64 rows = 0;
    qint64 bytes = 0; // size of the file written
    qint64 elapsedMs = 0;
    qint64 inexactNumbers = 0;  // JSON numbers mode: numeric values kept as strings
    qint64 truncatedCells = 0;  // XLSX: text cut at Excel's 32,767 characters per cell
    int sheets = 0;             // XLSX: worksheets used (1,048,575 data rows each)
    int streams = 1;            // connections that copied rows
    QString singleStreamReason; // why more jobs were asked for (ExportOptions::jobs ≠ 1) but one ran
};

// ExportOptions::jobs = 0 exports tables of this size and more in parallel.
inline constexpr qint64 kParallelExportMinBytes = qint64(64) << 20;

// Opens another connection like the export's own (same server, database and user), for parallel streams.
using ConnectionFactory = std::function<Connection()>;

// Exports a table, a filtered and sorted view of one, or a read-only query (QuerySpec::sql with the
// TableInfo from CatalogReader::describeQuery) to a file. The whole filtered, sorted select of
// buildSelectQuery runs as one COPY … TO STDOUT: CSV/TSV bytes go to the file exactly as the server sends
// them (byte-equal to psql's \copy … csv header); the other formats decode COPY's text format one row at a
// time. Nothing holds the result: memory stays flat whatever its size. Generated columns are left out in
// every format, as COPY table and psql's \copy leave them out (they could not be loaded back either).
//
// Rows come in the spec's sort order, made total by the row key as in the browser. Without sort keys no
// order is imposed (no ORDER BY, like psql's \copy TABLE): the fastest plan, in the server's order.
//
// The file is written under a temporary name in the target's folder and renamed over the target only
// when everything succeeded; a failed or cancelled export leaves neither the target nor a temporary
// file (an existing target is untouched). A symbolic link is followed; a target that is not a regular
// file (/dev/null, a FIFO) is written directly, without the rename. On an idle connection the export runs in
// its own READ ONLY transaction; inside a transaction it runs in a savepoint that is rolled back afterwards,
// so its session settings (client_encoding UTF8; ISO dates for SQL and XLSX) never leak.
class ExportWriter final {
public:
    explicit ExportWriter(Connection& connection);
    ExportWriter(const ExportWriter&) = delete;
    ExportWriter& operator=(const ExportWriter&) = delete;

    // Called from the exporting thread at most once per interval, and once more with finished = true.
    void setProgressCallback(ExportProgressCallback callback, int intervalMs = 100);
    // Where the streams beyond the first come from (ExportOptions::jobs); without it an export runs as one.
    void setConnectionFactory(ConnectionFactory open) { m_open = std::move(open); }
    // From any thread: stops the export (PQcancel, then the rest of the stream is drained); export()
    // then throws QueryCanceled and leaves no file. Sticky: a cancelled writer stays cancelled.
    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }

    // Throws ConfigurationError for bad options or a missing folder, the mapped server error (e.g.
    // DataError for a filter value that does not fit its column), QueryCanceled, or Error for I/O
    // failures.
    ExportResult exportTo(const QuerySpec& spec, const TableInfo& table, const QString& path,
                          const ExportOptions& options);

private:
    Connection& m_connection;
    CancelHandle m_cancelHandle;
    std::atomic<bool> m_cancelled{false};
    // Statements may be running (until the COPY has ended): only then does cancel() send a PQcancel, which
    // could otherwise reach whatever the pooled connection runs next.
    std::atomic<bool> m_onServer{false};
    ExportProgressCallback m_progress;
    int m_progressIntervalMs = 100;
    ConnectionFactory m_open;
    std::mutex m_streamsMutex;
    QList<CancelHandle> m_streams; // the parallel streams' connections, for cancel()
};

// The select of buildSelectQuery with every $n replaced by its value quoted as a literal (PQescapeLiteral,
// so the cast after it still applies): COPY takes no parameters. A query source's own SQL is copied
// verbatim; placeholders are only replaced outside quoted strings, quoted identifiers and comments.
// viewOrder and includeGenerated as in ExportOptions.
QString exportSelectSql(Connection& connection, const QuerySpec& spec, const TableInfo& table,
                        bool viewOrder = false, bool includeGenerated = false);

// Pure: replaces each $n outside '…', E'…', "…", $tag$…$tag$ and comments by literals[n-1]; the span
// [verbatimFrom, verbatimFrom + verbatimLength) is copied untouched. A $n without a literal →
// ConfigurationError.
QString inlineParameters(const QString& sql, const QStringList& literals, qsizetype verbatimFrom = -1,
                         qsizetype verbatimLength = 0);

} // namespace pgdesk::core
