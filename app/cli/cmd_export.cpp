// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "interrupt.h"
#include "specoptions.h"
#include "tablelookup.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/transfer/exportrun.h>
#include <pgdesk/core/transfer/rowencoding.h>

#include <QLocale>

#include <cstdio>
#include <unistd.h>

namespace pgdesk::cli {

namespace {

QString formatBytes(qint64 bytes) {
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

// "12,345,678 rows  1.2 GB  45%" on one terminal line, rewritten in place.
void printProgress(const core::ExportProgress& p) {
    QString line = QStringLiteral("export: %1 rows  %2")
                       .arg(QLocale(QLocale::English).toString(p.rows), formatBytes(p.bytes));
    if (p.packing)
        line += QStringLiteral("  compressing the workbook…");
    else if (p.percent >= 0)
        line += QStringLiteral("  %1%").arg(p.percent);
    const QByteArray text = "\r" + line.leftJustified(72).toUtf8() + (p.finished ? "\n" : "");
    std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
    std::fflush(stderr);
}

// --jobs: a number of streams (1 to 16) or "auto" (0: by the table's size).
int parseJobs(const QString& text) {
    if (text == QLatin1String("auto"))
        return 0;
    bool ok = false;
    const int jobs = text.toInt(&ok);
    if (!ok || jobs < 1 || jobs > 16)
        throw UsageError{QStringLiteral("--jobs wants a number from 1 to 16, or auto")};
    return jobs;
}

} // namespace

// export (TABLE | --query SQL) [--filter …]… [--any] [--search TEXT] [--sort COLUMN[:asc|:desc]]…
//        [--deleted active|deleted|all] --format csv|tsv|json|ndjson|sql|xlsx|markdown -o FILE
//        [--no-header] [--delimiter C] [--null TEXT] [--json-numbers] [--sql-table NAME] [--encoding UTF-8]
//        [--include-generated] [--jobs N|auto]
int cmdExport(Invocation& inv) {
    core::QuerySpec spec;
    core::ExportOptions options;
    QString tableName;
    QString query;
    QString output;
    const QStringList& a = inv.args;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString& arg = a.at(i);
        const auto value = [&] { return optionValue(a, i); };
        if (parseSpecOption(a, i, spec)) // --filter --any --search --sort --deleted
            continue;
        if (arg == QLatin1String("--query"))
            query = value();
        else if (arg == QLatin1String("-o") || arg == QLatin1String("--output"))
            output = value();
        else if (arg == QLatin1String("--no-header"))
            options.header = false;
        else if (arg == QLatin1String("--include-generated"))
            options.includeGenerated = true;
        else if (arg == QLatin1String("--delimiter"))
            options.delimiter = parseDelimiter(value());
        else if (arg == QLatin1String("--null"))
            options.nullText = value();
        else if (arg == QLatin1String("--json-numbers"))
            options.jsonNumbers = true;
        else if (arg == QLatin1String("--sql-table"))
            options.sqlTable = value();
        else if (arg == QLatin1String("--encoding"))
            options.encoding = value();
        else if (arg == QLatin1String("--jobs"))
            options.jobs = parseJobs(value());
        else if (arg.startsWith(QLatin1String("-")) || !tableName.isEmpty())
            throw UsageError{QStringLiteral("export: unexpected argument \"%1\"").arg(arg)};
        else
            tableName = arg;
    }
    if (tableName.isEmpty() == query.isEmpty())
        throw UsageError{QStringLiteral("export needs a TABLE or --query SQL (not both)")};
    if (output.isEmpty())
        throw UsageError{QStringLiteral("export needs -o FILE")};
    const auto format = inv.global.format.isEmpty() ? core::exportFormatForPath(output)
                                                    : core::exportFormatFromName(inv.global.format);
    if (!format)
        throw UsageError{
            inv.global.format.isEmpty()
                ? QStringLiteral("give --format csv|tsv|json|ndjson|sql|xlsx|markdown (the file "
                                 "name does not say)")
                : QStringLiteral("--format wants csv, tsv, json, ndjson, sql, xlsx or markdown")};
    options.format = *format;
    if (options.jsonNumbers && options.format != core::ExportFormat::Json &&
        options.format != core::ExportFormat::NdJson)
        throw UsageError{QStringLiteral("--json-numbers applies to json and ndjson only")};

    if (!query.isEmpty()) {
        // Said before connecting, in words: the server would only say "syntax error at or near DELETE".
        if (const auto problem = core::queryExportProblem(query))
            throw UsageError{
                QStringLiteral("export --query takes only a query: one SELECT, VALUES, TABLE or WITH … "
                               "SELECT that writes nothing (got %1)")
                    .arg(*problem)};
    }
    auto connection = connect(inv); // Ctrl-C from here on cancels the running statement
    core::ExportRequest request{spec, output, options, {}};
    request.spec.sql = query;
    if (options.jobs != 1)
        request.open = [target = resolveTarget(inv)] {
            return core::Connection::open(target.profile, target.password);
        };
    core::ExportRun run(std::move(request));
    // The table by the name typed (the profile's row key and soft delete; "did you mean …" when there is no
    // such table), a query as the run describes it.
    const core::TableInfo source = query.isEmpty()
                                       ? readTable(connection, tableName, true)
                                       : core::ExportRun::describeSource(connection, run.request().spec);
    noteHiddenRows(inv, source, spec.scope);
    noteHiddenColumns(inv, source);

    if (isatty(STDERR_FILENO) == 1)
        run.setProgressCallback(printProgress, 200);
    const InterruptAction onInterrupt([&run] { run.cancel(); }); // also stops an XLSX being zipped
    core::ExportResult result;
    try {
        result = run.run(connection, source).result;
    } catch (const core::QueryCanceled& e) {
        if (options.format != core::ExportFormat::Xlsx || !interruptRequested())
            throw; // a statement timeout is an SQL error, mapped as usual
        // A workbook being zipped goes on in a thread nobody waits for: leave without exit()'s teardown
        // (stdio, static objects) running under it, as a second Ctrl-C does. The file is already gone.
        inv.err << "pgdesk-cli: " << e.displayText() << '\n';
        inv.err.flush();
        inv.out.flush();
        std::fflush(nullptr);
        _exit(ExitCancelled);
    }

    if (!result.omittedGenerated.isEmpty())
        inv.err << "pgdesk-cli: note: generated column(s) left out, as psql's \\copy does: "
                << result.omittedGenerated.join(QStringLiteral(", "))
                << " (--include-generated writes them)\n";
    if (!result.singleStreamReason.isEmpty())
        inv.err << "pgdesk-cli: note: exported as one stream: " << result.singleStreamReason << '\n';
    if (result.inexactNumbers > 0)
        inv.err
            << "pgdesk-cli: warning: " << result.inexactNumbers
            << " numeric value(s) stayed strings (beyond 2^53, over 15 significant digits, or not finite)\n";
    if (result.truncatedCells > 0)
        inv.err << "pgdesk-cli: warning: " << result.truncatedCells
                << " cell(s) cut at Excel's 32,767 characters\n";
    inv.out << QStringLiteral("exported %1 row%2 to %3 (%4, %5 ms%6)\n")
                   .arg(result.rows)
                   .arg(result.rows == 1 ? "" : "s")
                   .arg(result.path, formatBytes(result.bytes))
                   .arg(result.elapsedMs)
                   .arg(result.streams > 1 ? QStringLiteral(", %1 streams").arg(result.streams) : QString());
    return ExitOk;
}

} // namespace pgdesk::cli
