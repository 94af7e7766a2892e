// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogjson.h"
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "output.h"

#include <pgdesk/core/session/databaselist.h>

#include <QJsonObject>

namespace pgdesk::cli {

// databases [--templates]: the server's databases the role may connect to (what the window's tree lists);
// another one is reached with the global --database option.
int cmdDatabases(Invocation& inv) {
    bool templates = false;
    for (const QString& arg : std::as_const(inv.args)) {
        if (arg == QLatin1String("--templates"))
            templates = true;
        else
            throw UsageError{QStringLiteral("databases takes [--templates]")};
    }
    const Format format = parseFormat(inv.global.format, {Format::Table, Format::Json});
    auto connection = connect(inv);
    const QList<core::DatabaseInfo> databases = core::listDatabases(connection, templates);
    if (format == Format::Json) {
        JsonArrayPrinter array(inv.out, QStringLiteral("databases"));
        for (const auto& d : databases)
            array.append(QJsonObject{
                {QStringLiteral("name"), d.name},
                {QStringLiteral("owner"), d.owner},
                {QStringLiteral("encoding"), d.encoding},
                {QStringLiteral("size_bytes"),
                 d.sizeBytes < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(d.sizeBytes)},
                {QStringLiteral("template"), d.isTemplate},
                {QStringLiteral("comment"), d.comment},
            });
        array.finish();
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const auto& d : databases)
        rows << QStringList{d.name,
                            d.owner,
                            d.encoding,
                            d.sizeBytes < 0 ? QString() : prettySize(d.sizeBytes),
                            d.isTemplate ? QStringLiteral("template") : QString(),
                            d.comment};
    printTable(inv.out,
               {QStringLiteral("name"), QStringLiteral("owner"), QStringLiteral("encoding"),
                QStringLiteral("size"), QStringLiteral("kind"), QStringLiteral("comment")},
               rows);
    return ExitOk;
}

} // namespace pgdesk::cli
