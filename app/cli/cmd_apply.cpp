// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "output.h"
#include "tablelookup.h"

#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/editing/changejournal.h>
#include <pgdesk/core/editing/changeset.h>
#include <pgdesk/core/editing/changesetapply.h>
#include <pgdesk/core/editing/proposalstore.h>
#include <pgdesk/core/profiles/conventionoverride.h>
#include <pgdesk/core/session/transaction.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>
#include <future>

namespace pgdesk::cli {

namespace {

QByteArray readChangeSetFile(const QString& path) {
    QFile file;
    if (!openInput(file, path))
        throw UsageError{QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    return file.readAll();
}

QJsonValue textOrNull(const std::optional<QString>& value) {
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonObject rowObject(const core::Row& row) {
    QJsonObject o;
    for (const auto& [name, value] : row)
        o.insert(name, textOrNull(value));
    return o;
}

QJsonObject rowObject(const core::RowResult& row) {
    QJsonObject o;
    for (qsizetype i = 0; i < row.columns.size(); ++i)
        o.insert(row.columns.at(i), textOrNull(row.values.at(i)));
    return o;
}

// The row key of a returned row (for inserts, whose key the server chose), when the table has one.
core::Key keyOf(const core::TableInfo& table, const core::RowResult& row) {
    core::Key key;
    for (const QString& column : table.conventions.rowKey)
        key.append({column, row.value(column)});
    return key;
}

QString keyText(const core::Key& key) {
    QStringList parts;
    for (const auto& [name, value] : key)
        parts << name + QLatin1Char('=') + value.value_or(QStringLiteral("NULL"));
    return parts.join(QStringLiteral(", "));
}

// The change set of a pending proposal of this profile's (an agent's, through pgdesk-cli mcp).
QByteArray proposedChanges(const Invocation& inv, qint64 id) {
    const std::optional<core::Proposal> p = core::ProposalStore().get(id);
    const QString profile = core::journalKey(resolveTarget(inv).profile);
    if (!p || p->profile != profile)
        core::throwConfigurationError(
            QStringLiteral("proposal"),
            QStringLiteral("no proposal %1 for the profile \"%2\"").arg(id).arg(profile));
    if (p->kind != core::Proposal::Kind::Changes)
        core::throwConfigurationError(
            QStringLiteral("proposal"),
            QStringLiteral("proposal %1 is a migration: review it and run it in PgDesk (Connection ▸ Agent "
                           "access…), where its locks are shown")
                .arg(id));
    if (p->status != core::Proposal::Status::Pending)
        core::throwConfigurationError(
            QStringLiteral("proposal"),
            QStringLiteral("proposal %1 was %2 already").arg(id).arg(core::proposalStatusName(p->status)));
    return p->body.toUtf8();
}

} // namespace

// apply (CHANGESET.json|- | --proposal ID) [--dry-run]: applies a change set (README, "Change sets"), or
// one an agent proposed (pgdesk-cli mcp's propose_changes), in one transaction.
int cmdApply(Invocation& inv) {
    QString path;
    std::optional<qint64> proposal;
    bool dryRun = false;
    for (qsizetype i = 0; i < inv.args.size(); ++i) {
        const QString& arg = inv.args[i];
        if (arg == QLatin1String("--dry-run")) {
            dryRun = true;
        } else if (arg == QLatin1String("--proposal")) {
            bool ok = false;
            proposal = optionValue(inv.args, i).toLongLong(&ok);
            if (!ok || *proposal < 1)
                throw UsageError{QStringLiteral("--proposal wants a proposal's number")};
        } else if ((arg.startsWith(QLatin1String("--")) && arg != QLatin1String("-")) || !path.isEmpty()) {
            throw UsageError{QStringLiteral("apply: unexpected argument \"%1\"").arg(arg)};
        } else {
            path = arg;
        }
    }
    if (path.isEmpty() == !proposal)
        throw UsageError{
            QStringLiteral("apply needs a change set file (or - for standard input), or --proposal ID")};
    const Format format = parseFormat(inv.global.format, {Format::Table, Format::Json});
    // Read and checked before anything is written: a malformed file never reaches a statement that writes,
    // and its error comes first. Reading the changes overlaps with connecting and reading the table's catalog
    // (each takes about as long on a 10,000-row change set).
    const QByteArray text = proposal ? proposedChanges(inv, *proposal) : readChangeSetFile(path);
    std::future<core::ChangeSet> parsed =
        std::async(std::launch::async, [&text] { return core::ChangeSet::fromJsonText(text); });
    std::optional<core::Connection> opened;
    core::TableInfo table;
    if (const auto name = core::ChangeSet::tableOfJsonText(text)) {
        try {
            opened = connect(inv);
            table = readTable(*opened, *name, true);
        } catch (...) {
            parsed.get(); // a malformed file is the first thing to fix
            throw;
        }
    }
    const core::ChangeSet changes = parsed.get();
    if (!opened) {
        opened = connect(inv);
        table = readTable(*opened, changes.table, true);
    }
    core::Connection& connection = *opened;
    if (dryRun) {
        const core::ChangeSetApplier applier(table);
        const QList<core::PlannedStatement> plan = applier.plan(changes); // checks everything apply would
        const QStringList preview = applier.previewStatements(changes);
        const QString begin = core::beginStatement(core::transactionOptionsFor(connection.profile()));
        if (format == Format::Json) {
            QJsonArray statements;
            for (qsizetype i = 0; i < plan.size(); ++i)
                statements.append(QJsonObject{
                    {QStringLiteral("change"), plan.at(i).change + 1},
                    {QStringLiteral("op"), core::changeOpName(changes.changes.at(plan.at(i).change).op)},
                    {QStringLiteral("sql"), preview.at(i)}});
            printJson(inv.out, QJsonObject{{QStringLiteral("dry_run"), true},
                                           {QStringLiteral("table"), table.qualifiedName()},
                                           {QStringLiteral("begin"), begin},
                                           {QStringLiteral("statements"), statements}});
        } else {
            inv.out << begin << ";\n";
            for (const QString& sql : preview)
                inv.out << sql << ";\n";
            inv.out << "COMMIT;\n"
                    << "-- dry run: " << plan.size() << " statement" << (plan.size() == 1 ? "" : "s")
                    << ", nothing was sent\n";
        }
        return ExitOk;
    }

    core::ChangeSetApplyOptions applyOptions;
    applyOptions.write = writeAccess(inv, connection.profile(), QStringLiteral("apply"));
    applyOptions.returnRows = format == Format::Json; // the table format prints a summary, no rows
    const core::ApplyResult result = core::applyChangeSet(connection, table, changes, applyOptions);
    if (!result.conflicts.isEmpty()) {
        if (format == Format::Json) {
            QJsonArray conflicts;
            for (const core::ChangeConflict& c : result.conflicts) {
                conflicts.append(QJsonObject{
                    {QStringLiteral("change"), c.change + 1},
                    {QStringLiteral("op"), core::changeOpName(c.op)},
                    {QStringLiteral("key"), rowObject(c.key)},
                    {QStringLiteral("expected_version"),
                     c.expectedVersion.isEmpty() ? QJsonValue() : QJsonValue(c.expectedVersion)},
                    {QStringLiteral("reason"),
                     c.vanished ? QStringLiteral("vanished") : QStringLiteral("changed")},
                    {QStringLiteral("current"), c.current ? QJsonValue(rowObject(*c.current)) : QJsonValue()},
                    {QStringLiteral("current_version"),
                     c.current ? QJsonValue(c.current->version) : QJsonValue()}});
            }
            printJson(inv.out, QJsonObject{{QStringLiteral("applied"), false},
                                           {QStringLiteral("table"), table.qualifiedName()},
                                           {QStringLiteral("changes"), changes.size()},
                                           {QStringLiteral("conflicts"), conflicts}});
        } else {
            QList<QStringList> rows;
            for (const core::ChangeConflict& c : result.conflicts)
                rows << QStringList{QString::number(c.change + 1),
                                    core::changeOpName(c.op),
                                    keyText(c.key),
                                    c.vanished ? QStringLiteral("vanished") : QStringLiteral("changed"),
                                    c.expectedVersion,
                                    c.current ? c.current->version : QString()};
            printTable(inv.out,
                       {QStringLiteral("change"), QStringLiteral("op"), QStringLiteral("key"),
                        QStringLiteral("reason"), QStringLiteral("expected_version"),
                        QStringLiteral("current_version")},
                       rows);
        }
        inv.err << "pgdesk-cli: conflict: " << result.conflicts.size() << " of " << changes.size()
                << " changes no longer match the rows they were read from; nothing was applied\n";
        return ExitConflict;
    }

    if (proposal)
        core::ProposalStore().settle(*proposal, core::Proposal::Status::Applied);
    if (format == Format::Json) {
        QJsonArray rows;
        for (const core::ChangeOutcome& o : result.rows) {
            QJsonObject row{{QStringLiteral("change"), o.change + 1},
                            {QStringLiteral("op"), core::changeOpName(o.op)},
                            {QStringLiteral("version"),
                             o.op == core::ChangeOp::Delete ? QJsonValue() : QJsonValue(o.row.version)},
                            {QStringLiteral("row"), rowObject(o.row)}};
            if (!table.conventions.rowKey.isEmpty())
                row.insert(QStringLiteral("key"), rowObject(keyOf(table, o.row)));
            rows.append(row);
        }
        printJson(inv.out, QJsonObject{{QStringLiteral("applied"), true},
                                       {QStringLiteral("table"), table.qualifiedName()},
                                       {QStringLiteral("changes"), changes.size()},
                                       {QStringLiteral("attempts"), result.attempts},
                                       {QStringLiteral("elapsed_ms"), result.elapsedMs},
                                       {QStringLiteral("rows"), rows}});
    } else {
        const core::AppliedCounts counts = core::countApplied(result, changes);
        QStringList parts;
        for (core::ChangeOp op : {core::ChangeOp::Update, core::ChangeOp::Insert, core::ChangeOp::Delete,
                                  core::ChangeOp::SoftDelete, core::ChangeOp::Restore})
            if (counts.of(op) > 0)
                parts << QStringLiteral("%1 %2").arg(counts.of(op)).arg(core::changeOpName(op));
        inv.out << "applied " << changes.size() << " change" << (changes.size() == 1 ? "" : "s") << " to "
                << table.qualifiedName()
                << (parts.isEmpty()
                        ? QString()
                        : QStringLiteral(" (") + parts.join(QStringLiteral(", ")) + QLatin1Char(')'))
                << " in one transaction, " << result.elapsedMs << " ms\n";
    }
    return ExitOk;
}

} // namespace pgdesk::cli
