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

#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>

#include <cstdio>

namespace pgdesk::cli {

// import TABLE FILE.csv|- [--header] [--delimiter C] [--null TEXT] [--columns c1,c2]: COPY FROM STDIN
// in one transaction, all rows or none; a bad row names its line and column.
int cmdImport(Invocation& inv) {
    const Format format = parseFormat(inv.global.format, {Format::Table, Format::Json});
    core::ImportOptions options;
    options.header = false;
    QStringList positional;
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
        } else if (arg == QLatin1String("--null")) {
            options.nullText = value();
        } else if (arg == QLatin1String("--columns")) {
            options.columns << parseColumnList(arg, value());
        } else if (arg.startsWith(QLatin1String("--")) && arg != QLatin1String("-")) {
            throw UsageError{QStringLiteral("import: unknown option %1").arg(arg)};
        } else {
            positional << arg;
        }
    }
    if (positional.size() != 2)
        throw UsageError{QStringLiteral("import takes TABLE and FILE.csv (or - for standard input)")};

    QFile file;
    if (positional[1] == QLatin1String("-")) {
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
    const qint64 rows = core::Importer(connection, table).importCsv(file, options);
    if (format == Format::Json) {
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
