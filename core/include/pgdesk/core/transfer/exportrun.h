// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/transfer/exportwriter.h>

#include <QString>
#include <QStringList>

#include <mutex>

namespace pgdesk::core {

// One export as every front end runs it: `pgdesk-cli export`, and in the window a table tab's Export view…,
// the tree's Export… and a query result's Export…. The source is described as the user sees it (a query
// with its bound parameters; a table with the profile's conventions, so its row key orders the rows as the
// grid does), the file is written by ExportWriter (more streams where the request allows it and the table
// qualifies), and the facts a user is told come back with the counts. A rule or a note added here reaches
// every front end at once.
struct ExportRequest {
    QuerySpec spec; // a table's view (schema, table, filter, search, sort, scope) or a query (sql, sqlParams)
    QString path;
    ExportOptions options;  // jsonNumbers holds for JSON and NDJSON only; other formats ignore it
    ConnectionFactory open; // more streams (options.jobs ≠ 1) come from it; empty: one stream
};

struct ExportOutcome {
    TableInfo source; // as described
    ExportResult result;
    QString hiddenRows;            // the rows the view's soft-delete scope leaves out, in words; empty: none
    QStringList unreadableColumns; // left out: the role may not read them
};

class ExportRun final {
public:
    explicit ExportRun(ExportRequest request);
    ExportRun(const ExportRun&) = delete;
    ExportRun& operator=(const ExportRun&) = delete;

    const ExportRequest& request() const { return m_request; }
    // Called from the exporting thread, as ExportWriter::setProgressCallback.
    void setProgressCallback(ExportProgressCallback callback, int intervalMs = 100);
    // From any thread: stops the export (its COPY, or a workbook being zipped); before run() starts, run()
    // stops at its first statement. run() then throws QueryCanceled and leaves no file. Sticky.
    void cancel();
    bool isCancelled() const;

    // The source the spec names: its query described with its parameters, or its table read with the
    // profile's conventions.
    static TableInfo describeSource(Connection& connection, const QuerySpec& spec);
    // Writes the file from `source` (describeSource's, or a front end's own reading of the same table: the
    // CLI's, which suggests names when there is no such table). A query that is no plain read is refused
    // here too (ConfigurationError), whoever asks. Throws as ExportWriter::exportTo.
    ExportOutcome run(Connection& connection, const TableInfo& source);
    ExportOutcome run(Connection& connection);

private:
    ExportRequest m_request;
    ExportProgressCallback m_progress;
    int m_progressInterval = 100;
    mutable std::mutex m_mutex; // guards the writer while it runs against cancel() from another thread
    ExportWriter* m_writer = nullptr;
    bool m_cancelled = false;
};

} // namespace pgdesk::core
