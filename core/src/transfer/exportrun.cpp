// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/catalog/profileconventions.h>
#include <pgdesk/core/transfer/exportrun.h>
#include <pgdesk/core/transfer/rowencoding.h>

namespace pgdesk::core {

namespace {

// An export runs its query again, from the start: one that writes or locks would do so again.
void refuseWritingQuery(const QString& sql) {
    if (const auto problem = queryExportProblem(sql))
        throwConfigurationError(
            QStringLiteral("sql"),
            QStringLiteral("An export runs only a query that reads: one SELECT, VALUES, TABLE "
                           "or WITH … SELECT that writes nothing (got %1)")
                .arg(*problem));
}

} // namespace

ExportRun::ExportRun(ExportRequest request)
    : m_request(std::move(request)) {
    const ExportFormat f = m_request.options.format;
    if (f != ExportFormat::Json && f != ExportFormat::NdJson)
        m_request.options.jsonNumbers = false;
}

void ExportRun::setProgressCallback(ExportProgressCallback callback, int intervalMs) {
    m_progress = std::move(callback);
    m_progressInterval = intervalMs;
}

void ExportRun::cancel() {
    std::lock_guard lock(m_mutex);
    m_cancelled = true;
    if (m_writer)
        m_writer->cancel();
}

bool ExportRun::isCancelled() const {
    std::lock_guard lock(m_mutex);
    return m_cancelled;
}

TableInfo ExportRun::describeSource(Connection& connection, const QuerySpec& spec) {
    if (!spec.sql.isEmpty()) {
        refuseWritingQuery(spec.sql); // before the server sees it
        return CatalogReader(connection).describeQuery(spec.sql, spec.sqlParams);
    }
    return spec.schema.isEmpty() ? readTableForProfile(connection, spec.table)
                                 : readTableForProfile(connection, spec.schema, spec.table);
}

ExportOutcome ExportRun::run(Connection& connection) {
    return run(connection, describeSource(connection, m_request.spec));
}

ExportOutcome ExportRun::run(Connection& connection, const TableInfo& source) {
    QuerySpec spec = m_request.spec;
    if (!spec.sql.isEmpty()) {
        refuseWritingQuery(spec.sql);
    } else { // the table as read (a bare name found along the search path)
        spec.schema = source.schema;
        spec.table = source.name;
    }
    ExportOutcome outcome;
    outcome.source = source;
    if (spec.sql.isEmpty())
        outcome.hiddenRows = rowsHiddenBySoftDelete(source, spec.scope);
    for (const ColumnInfo& c : source.hiddenColumns)
        outcome.unreadableColumns << c.name;

    ExportWriter writer(connection);
    if (m_request.options.jobs != 1 && m_request.open)
        writer.setConnectionFactory(m_request.open);
    if (m_progress)
        writer.setProgressCallback(m_progress, m_progressInterval);
    {
        std::lock_guard lock(m_mutex);
        m_writer = &writer;
        if (m_cancelled)
            writer.cancel();
    }
    struct Forget { // the writer goes with this frame: cancel() must not reach it afterwards
        ExportRun& run;
        ~Forget() {
            std::lock_guard lock(run.m_mutex);
            run.m_writer = nullptr;
        }
    } forget{*this};
    outcome.result = writer.exportTo(spec, source, m_request.path, m_request.options);
    return outcome;
}

} // namespace pgdesk::core
