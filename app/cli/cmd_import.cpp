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

#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>

#include <cstdio>

namespace pgdesk::cli {

// import TABLE FILE|- [--format csv|xlsx|json|ndjson] [--sheet NAME] [--header] [--delimiter C] [--null TEXT]
// [--columns c1,c2]: COPY FROM STDIN in one transaction, all rows or none; a bad row names its place in
// the file (line, object or sheet row) and column.
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
    QStringList positional;
    QString sheet;
    bool csvOptions = false;
    for (qsizetype i = 0; i < inv.args.size(); ++i) {
        const QString& arg = inv.args[i];
        const auto value = [&] { return optionValue(inv.args, i); };
        if (arg == QLatin1String("--header")) {
            options.header = true;
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
    if (kind == core::ImportFormat::Json || kind == core::ImportFormat::Ndjson)
        options.header = true; // the keys name the fields

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
    const core::TableInfo table = readTable(connection, positional[0], false);
    options.write = writeAccess(inv, connection.profile(), QStringLiteral("import"));
    core::refuseWritesOnStandby(connection);
    QElapsedTimer timer;
    timer.start();
    core::Importer importer(connection, table);
    qint64 rows = 0;
    if (kind == core::ImportFormat::Csv) {
        rows = importer.importCsv(file, options);
    } else {
        std::unique_ptr<core::RecordSource> source;
        if (kind == core::ImportFormat::Xlsx) {
            file.close();
            source = core::openXlsxRecords(positional[1], sheet, options.header);
        } else {
            source = core::openJsonRecords(file, kind);
        }
        rows = importer.importRecords(*source, options);
    }
    if (jsonSummary) {
        printJson(inv.out, QJsonObject{{QStringLiteral("table"), table.qualifiedName()},
                                       {QStringLiteral("rows"), rows},
                                       {QStringLiteral("elapsed_ms"), timer.elapsed()}});
    } else {
        inv.out << QStringLiteral("imported %1 rows into %2 (%3 ms)\n")
                       .arg(rows)
                       .arg(table.qualifiedName())
                       .arg(timer.elapsed());
    }
    return ExitOk;
}

} // namespace pgdesk::cli
