// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to the export engine: a whole plain table copied as CSV/TSV by several connections at once, each
// reading ranges of the table's pages (ctid ranges: a TID range scan, PostgreSQL 14+) under one exported
// snapshot, the output put together in page order. A COPY table TO STDOUT reads the heap in that same
// order, so the file holds the same bytes as one stream (and as psql's \copy).

#include "transfer/exportencoder.h"

#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/transfer/exportwriter.h>

#include <QIODevice>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>
#include <string>

namespace pgdesk::core::exporting {

struct RangeCopy {
    QString relation;    // schema.table, quoted
    QString columns;     // the column list, quoted
    QString options;     // COPY's options but HEADER: "FORMAT csv, DELIMITER ',', NULL ''"
    bool header = false; // the first range has the server write the header line
    // Set: the ranges are read in COPY's text format and each stream quotes its rows as CSV itself (one
    // copy of these lines per stream); options and header are then unused, and `prefix` (the header line)
    // is written before the first range.
    const CsvLines* csv = nullptr;
    std::string prefix;
    QString snapshot; // pg_export_snapshot() of the main connection's REPEATABLE READ transaction
    qint64 pages = 0; // the table's pages when the snapshot was taken (the last range is open-ended)
    int jobs = 2;     // connections, the main one included
    // A stream whose turn it is writes in batches of batchBytes; one ahead of its turn waits once it holds
    // holdBytes (tests make both small to exercise the waits).
    size_t batchBytes = size_t(1) << 20;
    size_t holdBytes = size_t(16) << 20;
};

struct RangeCopyResult {
    qint64 rows = 0;
    qint64 bytes = 0;
    int streams = 1; // connections that took part (one that could not be opened leaves the work to the rest)
};

// Page ranges of about equal size, several per job so a job that finishes early takes another; none
// larger than 2,048 pages (16 MiB), which bounds what a job holds while it waits for its turn.
qint64 rangePages(qint64 pages, int jobs);

// The statement one range runs: [firstPage, endPage) of the table, endPage < 0 for "to the end".
QString rangeCopyStatement(const RangeCopy& copy, qint64 firstPage, qint64 endPage, bool header);

// Runs the ranges on `main` (in its transaction, on the calling thread) and jobs − 1 connections from
// `open` (each on its own thread, importing the snapshot), writing to `device` in page order. Memory: at
// most holdBytes (16 MiB) per job beside the one writing. `cancelled` is polled; `onStream` gets each
// connection's cancel handle (so ExportWriter::cancel() reaches them all); `progress(rows, bytes)` is called
// on the calling thread. The first error stops every stream and is thrown; `name` names the file in
// write errors.
RangeCopyResult copyRanges(Connection& main, const ConnectionFactory& open, const RangeCopy& copy,
                           QIODevice* device, const QString& name, const std::atomic<bool>& cancelled,
                           const std::function<void(const CancelHandle&)>& onStream,
                           const std::function<void(qint64 rows, qint64 bytes)>& progress);

} // namespace pgdesk::core::exporting
