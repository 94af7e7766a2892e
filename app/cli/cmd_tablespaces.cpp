// SPDX-License-Identifier: GPL-3.0-or-later
// tablespaces: the server's tablespaces (sizes, locations, this database's relations in each) or their
// CREATE scripts; tablespaces move TABLE --to TS with its lock and rewrite said first; event-triggers: the
// database's event triggers or their CREATE scripts (core/server/tablespaces.h).
#include "cliapp.h"
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "output.h"
#include "tablelookup.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/schema/lockanalysis.h>
#include <pgdesk/core/server/guardedstatement.h>
#include <pgdesk/core/server/replication.h>
#include <pgdesk/core/server/tablespaces.h>

#include <QJsonArray>
#include <QJsonObject>

namespace pgdesk::cli {

namespace {

int moveTable(Invocation& inv, QStringList args) {
    if (args.isEmpty() || args.first().startsWith(QLatin1String("--")))
        throw UsageError{QStringLiteral("tablespaces move takes TABLE --to TABLESPACE")};
    const QString tableName = args.takeFirst();
    QString target;
    bool dryRun = false;
    int lockTimeoutMs = 5000;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (arg == QLatin1String("--to")) {
            target = optionValue(args, i);
        } else if (arg == QLatin1String("--dry-run")) {
            dryRun = true;
        } else if (arg == QLatin1String("--lock-timeout")) {
            bool ok = false;
            lockTimeoutMs = optionValue(args, i).toInt(&ok);
            if (!ok || lockTimeoutMs < 0)
                throw UsageError{QStringLiteral("--lock-timeout wants milliseconds (0 or more)")};
        } else {
            throw UsageError{QStringLiteral("tablespaces move: unknown option %1").arg(arg)};
        }
    }
    if (target.isEmpty())
        throw UsageError{QStringLiteral("tablespaces move needs --to TABLESPACE")};
    auto connection = connect(inv);
    const core::TableInfo table = readTable(connection, tableName, false);
    const QString sql = core::moveTableSql(table.schema, table.name, target);
    // What it locks and rewrites, from the lock analysis, before anything runs.
    const QList<core::StatementLocks> analysed =
        core::LockAnalyzer(connection).analyze(sql + QLatin1Char(';'));
    const core::StatementLocks locks = analysed.value(0);
    QStringList said;
    for (const core::RelationLock& r : locks.locks)
        said << core::lockModeName(r.mode) + QStringLiteral(" on ") + r.relation;
    inv.out << sql << ";\n   " << said.join(QStringLiteral(", "));
    if (!locks.rewrites.isEmpty())
        inv.out << "; copies " << locks.rewrites.join(QStringLiteral(", "))
                << QStringLiteral(" (about %1 s; reads and writes of it wait)").arg(locks.seconds, 0, 'f', 1);
    for (const QString& note : locks.notes)
        inv.out << "; " << note;
    inv.out << '\n';
    if (dryRun)
        return ExitOk;
    const core::WriteAccess access =
        writeAccess(inv, connection.profile(), QStringLiteral("tablespaces move"));
    try {
        core::runGuardedStatement(connection, sql, {}, access, QStringLiteral("ALTER TABLE … SET TABLESPACE"),
                                  lockTimeoutMs);
    } catch (const core::Error& e) {
        throwIfGuardRefused(e, connection, access, QStringLiteral("tablespaces move"));
        throw;
    }
    inv.err << "pgdesk-cli: " << table.schema << '.' << table.name << " moved to " << target << '\n';
    return ExitOk;
}

} // namespace

// tablespaces [--script] | tablespaces move TABLE --to TS [--dry-run] [--lock-timeout MS]
int cmdTablespaces(Invocation& inv) {
    QStringList args = inv.args;
    if (!args.isEmpty() && args.first() == QLatin1String("move")) {
        args.removeFirst();
        return moveTable(inv, args);
    }
    bool script = false;
    for (const QString& arg : args) {
        if (arg != QLatin1String("--script"))
            throw UsageError{QStringLiteral("tablespaces lists, with --script, or takes move")};
        script = true;
    }
    const Format format = parseFormat(inv.global.format, {Format::Table, Format::Json});
    auto connection = connect(inv);
    const QList<core::TablespaceInfo> all = core::TablespaceReader(connection).tablespaces();
    if (script) {
        for (const core::TablespaceInfo& t : all)
            inv.out << core::tablespaceScript(t);
        return ExitOk;
    }
    if (format == Format::Json) {
        JsonArrayPrinter array(inv.out, QStringLiteral("tablespaces"));
        for (const core::TablespaceInfo& t : all)
            array.append(
                QJsonObject{{QStringLiteral("name"), t.name},
                            {QStringLiteral("owner"), t.owner},
                            {QStringLiteral("location"), textOrNull(t.location)},
                            {QStringLiteral("bytes"), t.bytes < 0 ? QJsonValue() : QJsonValue(t.bytes)},
                            {QStringLiteral("options"), QJsonArray::fromStringList(t.options)},
                            {QStringLiteral("relations"), t.relations},
                            {QStringLiteral("comment"), textOrNull(t.comment)},
                            {QStringLiteral("script"), core::tablespaceScript(t)}});
        array.finish();
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const core::TablespaceInfo& t : all)
        rows << QStringList{t.name,
                            t.owner,
                            t.location.isEmpty() ? QStringLiteral("(data directory)") : t.location,
                            t.bytes < 0 ? QString() : core::sizeText(t.bytes),
                            QString::number(t.relations),
                            t.options.join(QStringLiteral(", ")),
                            t.comment};
    printTable(inv.out,
               {QStringLiteral("name"), QStringLiteral("owner"), QStringLiteral("location"),
                QStringLiteral("size"), QStringLiteral("relations here"), QStringLiteral("options"),
                QStringLiteral("comment")},
               rows);
    return ExitOk;
}

// event-triggers [--script]
int cmdEventTriggers(Invocation& inv) {
    bool script = false;
    for (const QString& arg : inv.args) {
        if (arg != QLatin1String("--script"))
            throw UsageError{QStringLiteral("event-triggers takes --script only")};
        script = true;
    }
    const Format format = parseFormat(inv.global.format, {Format::Table, Format::Json});
    auto connection = connect(inv);
    const QList<core::EventTriggerInfo> all = core::TablespaceReader(connection).eventTriggers();
    if (script) {
        for (const core::EventTriggerInfo& e : all)
            inv.out << core::eventTriggerScript(e);
        return ExitOk;
    }
    if (format == Format::Json) {
        JsonArrayPrinter array(inv.out, QStringLiteral("event_triggers"));
        for (const core::EventTriggerInfo& e : all)
            array.append(QJsonObject{{QStringLiteral("name"), e.name},
                                     {QStringLiteral("event"), e.event},
                                     {QStringLiteral("owner"), e.owner},
                                     {QStringLiteral("function"), e.function},
                                     {QStringLiteral("enabled"), QString(e.enabled)},
                                     {QStringLiteral("tags"), QJsonArray::fromStringList(e.tags)},
                                     {QStringLiteral("comment"), textOrNull(e.comment)},
                                     {QStringLiteral("script"), core::eventTriggerScript(e)}});
        array.finish();
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const core::EventTriggerInfo& e : all)
        rows << QStringList{e.name,
                            e.event,
                            e.function,
                            e.enabled == QLatin1Char('D')   ? QStringLiteral("disabled")
                            : e.enabled == QLatin1Char('R') ? QStringLiteral("replica")
                            : e.enabled == QLatin1Char('A') ? QStringLiteral("always")
                                                            : QStringLiteral("enabled"),
                            e.tags.join(QStringLiteral(", ")),
                            e.owner};
    printTable(inv.out,
               {QStringLiteral("name"), QStringLiteral("event"), QStringLiteral("function"),
                QStringLiteral("enabled"), QStringLiteral("tags"), QStringLiteral("owner")},
               rows);
    return ExitOk;
}

} // namespace pgdesk::cli
