// SPDX-License-Identifier: GPL-3.0-or-later
// extensions: list, install, update and drop the current database's extensions (core/server/extensions.h).
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "output.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/server/extensions.h>

#include <QJsonArray>
#include <QJsonObject>

namespace pgdesk::cli {

namespace {

QJsonArray strings(const QStringList& list) {
    QJsonArray a;
    for (const QString& s : list)
        a.append(s);
    return a;
}

int listExtensions(Invocation& inv, bool installedOnly) {
    const Format format = parseFormat(inv.global.format, {Format::Table, Format::Json});
    auto connection = connect(inv);
    const QList<core::ExtensionInfo> all = core::ExtensionReader(connection).extensions(!installedOnly);
    if (format == Format::Json) {
        JsonArrayPrinter array(inv.out, QStringLiteral("extensions"));
        for (const core::ExtensionInfo& e : all)
            array.append(QJsonObject{{QStringLiteral("name"), e.name},
                                     {QStringLiteral("installed_version"), textOrNull(e.installedVersion)},
                                     {QStringLiteral("default_version"), textOrNull(e.defaultVersion)},
                                     {QStringLiteral("schema"), textOrNull(e.schema)},
                                     {QStringLiteral("update_targets"), strings(e.updateTargets)},
                                     {QStringLiteral("requires"), strings(e.required)},
                                     {QStringLiteral("superuser_only"), e.superuserOnly},
                                     {QStringLiteral("relocatable"), e.relocatable},
                                     {QStringLiteral("comment"), e.comment}});
        array.finish();
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const core::ExtensionInfo& e : all)
        rows << QStringList{e.name,
                            e.installedVersion,
                            e.defaultVersion,
                            e.schema,
                            e.updateTargets.join(QStringLiteral(", ")),
                            e.superuserOnly ? QStringLiteral("superuser") : QString(),
                            e.comment};
    printTable(inv.out,
               {QStringLiteral("name"), QStringLiteral("installed"), QStringLiteral("default"),
                QStringLiteral("schema"), QStringLiteral("updates to"), QStringLiteral("needs"),
                QStringLiteral("comment")},
               rows);
    return ExitOk;
}

} // namespace

// extensions [--installed] | extensions install NAME [--schema S] [--version V] [--cascade] [--dry-run] |
// extensions update NAME [--to V] [--dry-run] | extensions drop NAME [--cascade] [--dry-run]
int cmdExtensions(Invocation& inv) {
    QStringList args = inv.args;
    const QString action =
        args.isEmpty() || args.first().startsWith(QLatin1String("--")) ? QString() : args.takeFirst();
    if (action.isEmpty()) {
        if (args.size() > 1 || (args.size() == 1 && args.first() != QLatin1String("--installed")))
            throw UsageError{
                QStringLiteral("extensions lists with --installed, or takes install, update or drop")};
        return listExtensions(inv, !args.isEmpty());
    }
    if (action != QLatin1String("install") && action != QLatin1String("update") &&
        action != QLatin1String("drop"))
        throw UsageError{
            QStringLiteral("extensions: unknown action %1 (install, update or drop)").arg(action)};
    if (args.isEmpty() || args.first().startsWith(QLatin1String("--")))
        throw UsageError{QStringLiteral("extensions %1 takes the extension's NAME").arg(action)};
    const QString name = args.takeFirst();
    QString schema, version;
    bool cascade = false, dryRun = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (arg == QLatin1String("--schema") && action == QLatin1String("install"))
            schema = optionValue(args, i);
        else if ((arg == QLatin1String("--version") && action == QLatin1String("install")) ||
                 (arg == QLatin1String("--to") && action == QLatin1String("update")))
            version = optionValue(args, i);
        else if (arg == QLatin1String("--cascade") && action != QLatin1String("update"))
            cascade = true;
        else if (arg == QLatin1String("--dry-run"))
            dryRun = true;
        else
            throw UsageError{QStringLiteral("extensions %1: unknown option %2").arg(action, arg)};
    }
    auto connection = connect(inv);
    QString sql;
    if (action == QLatin1String("install")) {
        sql = core::createExtensionSql(name, schema, version, cascade);
    } else if (action == QLatin1String("update")) {
        sql = core::updateExtensionSql(name, version);
    } else {
        // What goes with it, named before anything is dropped.
        const core::ExtensionDependents dependents = core::ExtensionReader(connection).dependents(name);
        for (const QString& e : dependents.extensions)
            inv.err << "pgdesk-cli: extension " << e << " requires " << name << '\n';
        for (const QString& o : dependents.objects)
            inv.err << "pgdesk-cli: " << o << " depends on " << name << '\n';
        if (!dependents.isEmpty() && !cascade)
            core::throwError(
                core::ErrorKind::Conflict,
                QStringLiteral("dropping extension %1 would drop the %2 object(s) above too; nothing was "
                               "dropped (--cascade drops them)")
                    .arg(name)
                    .arg(dependents.objects.size() + dependents.extensions.size()));
        sql = core::dropExtensionSql(name, cascade);
    }
    if (dryRun) {
        inv.out << sql << ";\n";
        return ExitOk;
    }
    const core::WriteAccess access =
        writeAccess(inv, connection.profile(), QStringLiteral("extensions ") + action);
    core::applyExtensionSql(connection, sql, access);
    inv.out << sql << ";\n";
    return ExitOk;
}

} // namespace pgdesk::cli
