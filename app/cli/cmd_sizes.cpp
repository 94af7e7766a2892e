// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogjson.h"
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "output.h"

#include <pgdesk/core/admin/sizereader.h>

#include <QJsonObject>

namespace pgdesk::cli {

// sizes [SCHEMA] [--limit N]: the largest tables, partitioned tables and materialized views, measured
// exactly, with the table, TOAST and index parts.
int cmdSizes(Invocation& inv) {
    QString schema;
    int limit = 20;
    for (qsizetype i = 0; i < inv.args.size(); ++i) {
        const QString& arg = inv.args[i];
        if (arg == QLatin1String("--limit")) {
            bool ok = false;
            limit = i + 1 < inv.args.size() ? inv.args[++i].toInt(&ok) : 0;
            if (!ok || limit < 0)
                throw UsageError{QStringLiteral("--limit takes a number (0 for all)")};
        } else if (!arg.startsWith(QLatin1String("--")) && schema.isEmpty()) {
            schema = arg;
        } else {
            throw UsageError{QStringLiteral("sizes takes [SCHEMA] [--limit N]")};
        }
    }
    const Format format = parseFormat(inv.global.format, {Format::Table, Format::Json});
    auto connection = connect(inv);
    const QList<core::RelationSize> sizes = core::SizeReader(connection).largestRelations(schema, limit);

    if (format == Format::Json) {
        JsonArrayPrinter array(inv.out, QStringLiteral("relations"));
        for (const auto& s : sizes)
            array.append(QJsonObject{
                {QStringLiteral("schema"), s.schema},
                {QStringLiteral("name"), s.name},
                {QStringLiteral("kind"), core::relationKindName(s.kind)},
                {QStringLiteral("total_bytes"), s.totalBytes},
                {QStringLiteral("table_bytes"), s.tableBytes},
                {QStringLiteral("toast_bytes"), s.toastBytes},
                {QStringLiteral("indexes_bytes"), s.indexesBytes},
                {QStringLiteral("estimated_rows"),
                 s.estimatedRows < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(s.estimatedRows)},
            });
        array.finish();
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const auto& s : sizes)
        rows << QStringList{s.schema,
                            s.name,
                            core::relationKindName(s.kind),
                            prettySize(s.totalBytes),
                            prettySize(s.tableBytes),
                            prettySize(s.toastBytes),
                            prettySize(s.indexesBytes),
                            s.estimatedRows < 0 ? QString() : QString::number(qRound64(s.estimatedRows))};
    printTable(inv.out,
               {QStringLiteral("schema"), QStringLiteral("name"), QStringLiteral("kind"),
                QStringLiteral("total"), QStringLiteral("table"), QStringLiteral("toast"),
                QStringLiteral("indexes"), QStringLiteral("rows")},
               rows);
    return ExitOk;
}

} // namespace pgdesk::cli
