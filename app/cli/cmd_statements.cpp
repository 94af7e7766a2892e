// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "interrupt.h"
#include "output.h"

#include <pgdesk/core/admin/statementstats.h>
#include <pgdesk/core/plan/indexadvisor.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QThread>

namespace pgdesk::cli {

namespace {

QJsonValue optionalMs(const std::optional<double>& ms) {
    return ms ? QJsonValue(*ms) : QJsonValue(QJsonValue::Null);
}

// The query on one line, cut for a table.
QString oneLine(const QString& query, int width) {
    QString line = query.simplified();
    if (line.size() > width)
        line = line.left(width - 1) + QStringLiteral("…");
    return line;
}

// --suggest-indexes: the indexes the workload's predicates ask for, each checked with what-if plans.
int printSuggestions(Invocation& inv, core::Connection& connection, bool json, int top) {
    QList<core::IndexSuggestion> suggestions = core::IndexAdvisor(connection).suggest();
    if (top > 0 && suggestions.size() > top)
        suggestions.resize(top);
    if (json) {
        QJsonArray list;
        for (const core::IndexSuggestion& s : suggestions)
            list.append(QJsonObject{{QStringLiteral("create_statement"), s.createStatement},
                                    {QStringLiteral("queries_helped"), s.queriesHelped},
                                    {QStringLiteral("cost_before"), s.costBefore},
                                    {QStringLiteral("cost_after"), s.costAfter},
                                    {QStringLiteral("cost_saved"), s.costSaved()},
                                    {QStringLiteral("examples"), QJsonArray::fromStringList(s.examples)}});
        printJson(inv.out, QJsonObject{{QStringLiteral("suggestions"), list}});
        return ExitOk;
    }
    QList<QStringList> table;
    for (const core::IndexSuggestion& s : suggestions)
        table << QStringList{QString::number(s.costSaved(), 'f', 2), QString::number(s.queriesHelped),
                             QString::number(s.costBefore, 'f', 2), QString::number(s.costAfter, 'f', 2),
                             s.createStatement};
    printTable(inv.out,
               {QStringLiteral("cost saved"), QStringLiteral("queries"), QStringLiteral("cost before"),
                QStringLiteral("cost after"), QStringLiteral("index")},
               table);
    inv.err << "pgdesk-cli: from pg_qualstats' predicates, each checked with hypopg what-if plans; nothing "
               "was built\n";
    return ExitOk;
}

} // namespace

// statements [--interval SECONDS] [--top N] [--format text|json]: what ran between two snapshots of
// pg_stat_statements taken SECONDS apart (0: everything since the statistics were last reset), the
// largest total time first.
int cmdStatements(Invocation& inv) {
    int interval = 5;
    int top = 20;
    bool suggest = false;
    for (qsizetype i = 0; i < inv.args.size(); ++i) {
        const QString& a = inv.args[i];
        const auto number = [&](int& into) {
            bool ok = false;
            into = optionValue(inv.args, i).toInt(&ok);
            if (!ok || into < 0)
                throw UsageError{QStringLiteral("%1 takes a number (0 or more)").arg(a)};
        };
        if (a == QLatin1String("--interval"))
            number(interval);
        else if (a == QLatin1String("--top"))
            number(top);
        else if (a == QLatin1String("--suggest-indexes"))
            suggest = true;
        else
            throw UsageError{
                QStringLiteral("statements takes [--interval SECONDS] [--top N] [--suggest-indexes]")};
    }
    const QString format = inv.global.format.isEmpty() ? QStringLiteral("text") : inv.global.format;
    if (format != QLatin1String("text") && format != QLatin1String("json") &&
        format != QLatin1String("table"))
        throw UsageError{QStringLiteral("statements: --format takes text or json, not \"%1\"").arg(format)};
    auto connection = connect(inv);
    if (suggest)
        return printSuggestions(inv, connection, format == QLatin1String("json"), top);
    core::StatementStatsReader reader(connection);
    core::StatementSnapshot before;
    before.takenAt = QDateTime::currentDateTimeUtc();
    if (interval > 0) {
        before = reader.snapshot();
        inv.err
            << QStringLiteral("pgdesk-cli: first snapshot taken; the window ends in %1 s\n").arg(interval);
        inv.err.flush();
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < qint64(interval) * 1000) {
            if (interruptRequested())
                return ExitCancelled;
            QThread::msleep(50);
        }
    }
    const core::StatementSnapshot after = reader.snapshot();
    const QList<core::StatementStat> rows = core::statementsBetween(before, after, top);
    if (format == QLatin1String("json")) {
        QJsonArray list;
        for (const core::StatementStat& s : rows)
            list.append(QJsonObject{
                {QStringLiteral("queryid"), QString::number(s.queryId)},
                {QStringLiteral("role"), s.role},
                {QStringLiteral("database"), s.database},
                {QStringLiteral("query"), s.query},
                {QStringLiteral("calls"), s.calls},
                {QStringLiteral("total_ms"), s.totalMs},
                {QStringLiteral("mean_ms"), s.meanMs()},
                {QStringLiteral("max_ms"), optionalMs(s.maxMs)},
                {QStringLiteral("rows"), s.rows},
                {QStringLiteral("shared_blks_hit"), s.sharedHit},
                {QStringLiteral("shared_blks_read"), s.sharedRead},
                {QStringLiteral("temp_blks_read"), s.tempRead},
                {QStringLiteral("temp_blks_written"), s.tempWritten},
            });
        printJson(inv.out, QJsonObject{{QStringLiteral("interval_s"), interval},
                                       {QStringLiteral("statements"), list}});
        return ExitOk;
    }
    QList<QStringList> table;
    for (const core::StatementStat& s : rows)
        table << QStringList{QString::number(s.calls),
                             QString::number(s.totalMs, 'f', 3),
                             QString::number(s.meanMs(), 'f', 3),
                             s.maxMs ? QString::number(*s.maxMs, 'f', 3) : QString(),
                             QString::number(s.rows),
                             QString::number(s.sharedHit),
                             QString::number(s.sharedRead),
                             QString::number(s.tempRead + s.tempWritten),
                             s.database,
                             oneLine(s.query, 80)};
    printTable(inv.out,
               {QStringLiteral("calls"), QStringLiteral("total ms"), QStringLiteral("mean ms"),
                QStringLiteral("max ms"), QStringLiteral("rows"), QStringLiteral("hit"),
                QStringLiteral("read"), QStringLiteral("temp"), QStringLiteral("database"),
                QStringLiteral("query")},
               table);
    inv.err << (interval > 0
                    ? QStringLiteral("pgdesk-cli: the %1 s between two snapshots of pg_stat_statements; "
                                     "max ms only where the slowest call fell in them\n")
                          .arg(interval)
                    : QStringLiteral("pgdesk-cli: everything since the statistics were last reset\n"));
    return ExitOk;
}

} // namespace pgdesk::cli
