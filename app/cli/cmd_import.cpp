// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "output.h"
#include "specoptions.h"
#include "tablelookup.h"

#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/transfer/importrun.h>
#include <pgdesk/core/transfer/recordsource.h>
#include <pgdesk/core/transfer/typeinference.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

namespace pgdesk::cli {

namespace {

// The new table's columns and their types, guessed from the file's first records as the dialog guesses
// them (core's one sample): CSV from its head (peeked, so standard input still works), a sheet read ahead,
// a JSON file's records read ahead by its source.
core::NewTable newTableFor(const QString& name, core::ImportFormat kind, QFile& file, const QString& path,
                           const QString& sheet, const core::ImportOptions& options,
                           core::RecordSource* source) {
    if (kind == core::ImportFormat::Csv) {
        const QByteArray head = file.peek(core::kImportSampleBytes);
        QList<QStringList> records =
            core::sampleCsvRecords(head, !file.isSequential() && head.size() == file.size(),
                                   options.delimiter, core::kImportSampleRecords + 1);
        if (records.isEmpty())
            throw UsageError{QStringLiteral("--create: the file has no complete record in its first MiB")};
        return core::newTableFromCsvSample(name, std::move(records), options.header, options.nullText);
    }
    if (kind == core::ImportFormat::Xlsx) {
        const core::RecordPreview preview =
            core::previewRecords(path, kind, sheet, options.header, core::kImportSampleRecords);
        return core::newTableFromSample(name, preview.fieldNames, preview.records);
    }
    QList<QList<std::optional<QString>>> records;
    for (const auto& record : source->sampled()) {
        QList<std::optional<QString>> fields;
        for (const auto& v : record)
            fields << (v ? std::optional<QString>(QString::fromUtf8(*v)) : std::nullopt);
        records << fields;
    }
    return core::newTableFromSample(name, source->fieldNames(), records);
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
    core::ImportRequest request;
    request.path = positional[1];
    request.input = &file;
    request.format = kind;
    request.sheet = sheet;
    if (!create)
        request.table = readTable(connection, positional[0], false);
    // PgDesk's own CSV and XLSX exports start with the column names: read back as they are written.
    bool headerFound = false;
    if (request.table && !headerGiven &&
        (kind == core::ImportFormat::Csv || kind == core::ImportFormat::Xlsx)) {
        QStringList names;
        for (const auto& column : request.table->columns)
            names << column.name;
        const QStringList first = kind == core::ImportFormat::Csv
                                      ? core::firstCsvRecord(file, options.delimiter)
                                      : core::firstXlsxRecord(positional[1], sheet);
        headerFound = options.header = core::recordNamesColumns(first, names);
    }
    if (kind == core::ImportFormat::Xlsx) {
        file.close();
        request.source = core::openXlsxRecords(positional[1], sheet, options.header);
    } else if (kind != core::ImportFormat::Csv) {
        request.source = core::openJsonRecords(file, kind);
    }
    if (create)
        request.newTable =
            newTableFor(positional[0], kind, file, positional[1], sheet, options, request.source.get());
    request.options = options;
    const core::ImportOutcome outcome = core::ImportRun(std::move(request)).run(connection);
    const qint64 rows = outcome.rows;
    const QString tableName = outcome.qualifiedName();
    const QStringList& warnings = outcome.warnings;
    for (const QString& w : warnings)
        inv.err << "pgdesk-cli: " << w << '\n';
    if (jsonSummary) {
        QJsonObject summary{{QStringLiteral("table"), tableName},
                            {QStringLiteral("rows"), rows},
                            {QStringLiteral("elapsed_ms"), outcome.elapsedMs}};
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
                       .arg(outcome.elapsedMs);
    }
    return ExitOk;
}

} // namespace pgdesk::cli
