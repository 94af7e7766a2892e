// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/standby.h>
#include <pgdesk/core/transfer/importrun.h>
#include <pgdesk/core/transfer/typeinference.h>

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

namespace pgdesk::core {

QList<QStringList> sampleCsvRecords(QByteArray head, bool wholeFile, char delimiter, int maxRecords) {
    // A last record without a line end is complete when the whole file was read.
    if (wholeFile && !head.isEmpty() && !head.endsWith('\n') && !head.endsWith('\r'))
        head += '\n';
    return parseCsvRecords(head, delimiter, maxRecords);
}

namespace {

NewTable named(const QString& name) {
    NewTable table;
    const auto parts = splitQualifiedName(name);
    if (parts && parts->size() == 2) {
        table.schema = parts->at(0);
        table.name = parts->at(1);
    } else {
        table.name = parts && parts->size() == 1 ? parts->at(0) : name;
    }
    return table;
}

} // namespace

NewTable newTableFromSample(const QString& name, const QStringList& fieldNames,
                            const QList<QList<std::optional<QString>>>& records) {
    NewTable table = named(name);
    table.types = inferColumnTypes(records, int(fieldNames.size()));
    table.columns = newTableColumnNames(fieldNames);
    return table;
}

NewTable newTableFromCsvSample(const QString& name, QList<QStringList> records, bool header,
                               const QString& nullText) {
    if (records.isEmpty())
        throwError(ErrorKind::Configuration,
                   QStringLiteral("The file has no complete record in its first MiB to make a table of"));
    NewTable table = named(name);
    const QStringList fields = header ? records.takeFirst() : QStringList(records.first().size());
    table.types = inferCsvColumnTypes(records, int(fields.size()), nullText);
    table.columns = newTableColumnNames(fields);
    return table;
}

QString ImportOutcome::qualifiedName() const {
    TableInfo t;
    t.schema = schema;
    t.name = name;
    return t.qualifiedName();
}

ImportRun::ImportRun(ImportRequest request)
    : m_request(std::move(request)) {
}

void ImportRun::setProgressCallback(std::function<void(const ImportProgress&)> callback) {
    m_progress = std::move(callback);
}

ImportOutcome ImportRun::run(Connection& connection) {
    const ImportRequest& r = m_request;
    if (r.table.has_value() == r.newTable.has_value())
        throwError(ErrorKind::Configuration, QStringLiteral("An import goes into a table or a new table"));
    // Before a transaction the standby would refuse midway (a failover since the window's tab was read).
    refuseWritesOnStandby(connection);
    QFile file;
    QIODevice* input = r.input;
    if (!input && !r.source && r.format != ImportFormat::Xlsx) {
        file.setFileName(r.path);
        if (!file.open(QIODevice::ReadOnly))
            throwError(ErrorKind::Configuration,
                       QStringLiteral("Cannot read %1: %2").arg(r.path, file.errorString()));
        input = &file;
    }
    QElapsedTimer timer;
    timer.start();
    std::optional<Importer> into;
    if (r.newTable)
        into.emplace(connection, *r.newTable);
    else
        into.emplace(connection, *r.table);
    ImportOutcome outcome;
    if (r.format == ImportFormat::Csv) {
        outcome.rows = into->importCsv(*input, r.options, m_progress, &m_cancel);
    } else {
        const std::shared_ptr<RecordSource> source = r.source ? r.source
                                                     : r.format == ImportFormat::Xlsx
                                                         ? openXlsxRecords(r.path, r.sheet, r.options.header)
                                                         : openJsonRecords(*input, r.format);
        outcome.rows = into->importRecords(*source, r.options, m_progress, &m_cancel);
        outcome.warnings = source->warnings();
    }
    outcome.elapsedMs = timer.elapsed();
    outcome.created = r.newTable.has_value();
    outcome.schema = into->table().schema; // a new table's schema is known by now
    outcome.name = into->table().name;
    if (const QFileInfo info(r.path); !r.path.isEmpty() && info.isFile())
        outcome.bytes = info.size();
    return outcome;
}

} // namespace pgdesk::core
