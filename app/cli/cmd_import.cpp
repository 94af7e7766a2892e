// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "output.h"
#include "specoptions.h"
#include "tablelookup.h"

#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/standby.h>
#include <pgdesk/core/transfer/importer.h>
#include <pgdesk/core/transfer/recordsource.h>
#include <pgdesk/core/transfer/typeinference.h>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

namespace pgdesk::cli {

namespace {

// The new table's columns and their types, guessed from the file's first records (the same inference as
// the dialog's): CSV from its first MiB (peeked, so standard input still works), a sheet read ahead, a
// JSON file's records read ahead by its source.
core::NewTable newTableFor(const QString& name, core::ImportFormat kind, QFile& file, const QString& path,
                           const QString& sheet, const core::ImportOptions& options,
                           core::RecordSource* source) {
    constexpr int kSample = 1000;
    core::NewTable table;
    const auto parts = core::splitQualifiedName(name);
    if (parts && parts->size() == 2) {
        table.schema = parts->at(0);
        table.name = parts->at(1);
    } else {
        table.name = parts && parts->size() == 1 ? parts->at(0) : name;
    }
    QStringList fields;
    if (kind == core::ImportFormat::Csv) {
        QList<QStringList> records =
            core::parseCsvRecords(file.peek(1 << 20), options.delimiter, kSample + 1);
        if (records.isEmpty())
            throw UsageError{QStringLiteral("--create: the file has no complete record in its first MiB")};
        fields = options.header ? records.takeFirst() : QStringList(records.first().size());
        table.types = core::inferCsvColumnTypes(records, int(fields.size()), options.nullText);
    } else if (kind == core::ImportFormat::Xlsx) {
        const core::RecordPreview preview = core::previewRecords(path, kind, sheet, options.header, kSample);
        fields = preview.fieldNames;
        table.types = core::inferColumnTypes(preview.records, int(fields.size()));
    } else {
        fields = source->fieldNames();
        table.types = core::inferColumnTypes(source->sampled(), int(fields.size()));
    }
    table.columns = core::newTableColumnNames(fields);
    return table;
}

} // namespace

// import TABLE FILE|- [--format csv|xlsx|json|ndjson] [--sheet NAME] [--header|--no-header] [--delimiter C]
// [--null TEXT] [--columns c1,c2] [--create]: COPY FROM STDIN in one transaction, all rows or none; a bad row
// names its place in the file (line, object or sheet row) and column. --create makes TABLE first, in that
// transaction, with types guessed from the file's first records. Into an existing table, a CSV or XLSX first
// record made of the table's column names is a header unless --no-header says otherwise (the summary says
// so).
int cmdImport(Invocation& inv) {
    // --format names the file's format, as for export; "json" printed a JSON summary before files other
    // than CSV could be imported, so with a .csv/.tsv/.txt file it still means that (and so does "table").
    const QString formatName = inv.global.format;
    std::optional<core::ImportFormat> fileFormat;
    if (!formatName.isEmpty() && formatName != QLatin1String("table")) {
        fileFormat = core::importFormatFromName(formatName);
        if (!fileFormat)
            throw UsageError{
                QStringLiteral("import --format takes csv, xlsx, json or ndjson, not %1").arg(formatName)};
    }
    const bool jsonSummary = formatName == QLatin1String("json");
    core::ImportOptions options;
    options.header = false;
    std::optional<bool> headerGiven;
    QStringList positional;
    QString sheet;
    bool csvOptions = false;
    bool create = false;
    for (qsizetype i = 0; i < inv.args.size(); ++i) {
        const QString& arg = inv.args[i];
        const auto value = [&] { return optionValue(inv.args, i); };
        if (arg == QLatin1String("--header") || arg == QLatin1String("--no-header")) {
            if (headerGiven && *headerGiven != (arg == QLatin1String("--header")))
                throw UsageError{QStringLiteral("import takes --header or --no-header, not both")};
            headerGiven = arg == QLatin1String("--header");
            options.header = *headerGiven;
        } else if (arg == QLatin1String("--delimiter")) {
            const QChar d = parseDelimiter(value());
            if (d.unicode() > 127)
                throw UsageError{QStringLiteral("--delimiter wants an ASCII character for import")};
            options.delimiter = char(d.unicode());
            csvOptions = true;
        } else if (arg == QLatin1String("--null")) {
            options.nullText = value();
            csvOptions = true;
        } else if (arg == QLatin1String("--columns")) {
            options.columns << parseColumnList(arg, value());
        } else if (arg == QLatin1String("--create")) {
            create = true;
        } else if (arg == QLatin1String("--sheet")) {
            sheet = value();
        } else if (arg.startsWith(QLatin1String("--")) && arg != QLatin1String("-")) {
            throw UsageError{QStringLiteral("import: unknown option %1").arg(arg)};
        } else {
            positional << arg;
        }
    }
    if (positional.size() != 2)
        throw UsageError{QStringLiteral("import takes TABLE and FILE (or - for standard input)")};
    const bool fromStdin = positional[1] == QLatin1String("-");
    const auto byExtension = fromStdin ? std::nullopt : core::importFormatForPath(positional[1]);
    if (!fileFormat || (jsonSummary && byExtension == core::ImportFormat::Csv))
        fileFormat = byExtension;
    const core::ImportFormat kind = fileFormat.value_or(core::ImportFormat::Csv);
    if (kind != core::ImportFormat::Csv && csvOptions)
        throw UsageError{QStringLiteral("--delimiter and --null are for CSV; %1 says NULL itself")
                             .arg(core::importFormatName(kind))};
    if (!sheet.isEmpty() && kind != core::ImportFormat::Xlsx)
        throw UsageError{QStringLiteral("--sheet is for XLSX files")};
    if (kind == core::ImportFormat::Xlsx && fromStdin)
        throw UsageError{QStringLiteral("an XLSX workbook is read from a file, not standard input")};
    if ((kind == core::ImportFormat::Json || kind == core::ImportFormat::Ndjson) && headerGiven)
        throw UsageError{
            QStringLiteral("--header and --no-header are for CSV and XLSX; the keys name a %1 file's "
                           "fields")
                .arg(core::importFormatName(kind))};
    if (kind == core::ImportFormat::Json || kind == core::ImportFormat::Ndjson)
        options.header = true; // the keys name the fields
    if (create && !options.columns.isEmpty())
        throw UsageError{
            QStringLiteral("--columns names a table's columns; with --create the file's fields name "
                           "the new table's")};

    QFile file;
    if (fromStdin) {
        if (!file.open(stdin, QIODevice::ReadOnly))
            throw UsageError{QStringLiteral("cannot read standard input")};
    } else {
        file.setFileName(positional[1]);
        if (!file.open(QIODevice::ReadOnly))
            throw UsageError{QStringLiteral("cannot open %1: %2").arg(positional[1], file.errorString())};
    }
    auto connection = connect(inv);
    options.write = writeAccess(inv, connection.profile(), QStringLiteral("import"));
    core::refuseWritesOnStandby(connection);
    QElapsedTimer timer;
    timer.start();
    std::optional<core::TableInfo> target;
    if (!create)
        target = readTable(connection, positional[0], false);
    // PgDesk's own CSV and XLSX exports start with the column names: read back as they are written.
    bool headerFound = false;
    if (target && !headerGiven && (kind == core::ImportFormat::Csv || kind == core::ImportFormat::Xlsx)) {
        QStringList names;
        for (const auto& column : target->columns)
            names << column.name;
        const QStringList first = kind == core::ImportFormat::Csv
                                      ? core::firstCsvRecord(file, options.delimiter)
                                      : core::firstXlsxRecord(positional[1], sheet);
        headerFound = options.header = core::recordNamesColumns(first, names);
    }
    std::unique_ptr<core::RecordSource> source;
    if (kind == core::ImportFormat::Xlsx) {
        file.close();
        source = core::openXlsxRecords(positional[1], sheet, options.header);
    } else if (kind != core::ImportFormat::Csv) {
        source = core::openJsonRecords(file, kind);
    }
    std::optional<core::Importer> importer;
    if (create)
        importer.emplace(connection,
                         newTableFor(positional[0], kind, file, positional[1], sheet, options, source.get()));
    else
        importer.emplace(connection, std::move(*target));
    const qint64 rows =
        source ? importer->importRecords(*source, options) : importer->importCsv(file, options);
    const QString tableName = importer->table().qualifiedName(); // a new table's schema is known by now
    const QStringList warnings = source ? source->warnings() : QStringList();
    for (const QString& w : warnings)
        inv.err << "pgdesk-cli: " << w << '\n';
    if (jsonSummary) {
        QJsonObject summary{{QStringLiteral("table"), tableName},
                            {QStringLiteral("rows"), rows},
                            {QStringLiteral("elapsed_ms"), timer.elapsed()}};
        if (create)
            summary.insert(QStringLiteral("created"), true);
        if (headerFound)
            summary.insert(QStringLiteral("header"), QStringLiteral("detected"));
        if (!warnings.isEmpty())
            summary.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(warnings));
        printJson(inv.out, summary);
    } else {
        if (headerFound)
            inv.out << QStringLiteral("the first %1 names the table's columns: read as a header (--no-header "
                                      "imports it as data)\n")
                           .arg(kind == core::ImportFormat::Xlsx ? QStringLiteral("row")
                                                                 : QStringLiteral("line"));
        inv.out << QString::fromLatin1(create ? "created %2 and imported %1 rows into it (%3 ms)\n"
                                              : "imported %1 rows into %2 (%3 ms)\n")
                       .arg(rows)
                       .arg(tableName)
                       .arg(timer.elapsed());
    }
    return ExitOk;
}

} // namespace pgdesk::cli
