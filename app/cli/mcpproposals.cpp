// SPDX-License-Identifier: GPL-3.0-or-later
// The agent gateway's proposals: a change set for a table or a migration script, checked against the
// database and stored for a person to apply (core::ProposalStore); the agent never applies them.
#include "locksjson.h"
#include "mcptools.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/jsontext.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/browse/valuecheck.h>
#include <pgdesk/core/catalog/profileconventions.h>
#include <pgdesk/core/editing/changejournal.h>
#include <pgdesk/core/editing/changeset.h>
#include <pgdesk/core/editing/changesetapplier.h>
#include <pgdesk/core/editing/proposalstore.h>
#include <pgdesk/core/schema/lockanalysis.h>
#include <pgdesk/core/sqltext/statementsplitter.h>
#include <pgdesk/core/sqltext/sweeping.h>

#include <QJsonDocument>
#include <QMap>

namespace pgdesk::cli {

namespace {

ToolResult refused(const QString& message) {
    ToolResult r;
    r.isError = true;
    r.text = message;
    r.structured = {{QStringLiteral("error"), message}};
    return r;
}

ToolResult stored(QJsonObject structured) {
    ToolResult r;
    r.text = QString::fromUtf8(QJsonDocument(structured).toJson(QJsonDocument::Compact));
    r.structured = std::move(structured);
    return r;
}

// The JSON text of the arguments' member `name`, exactly as sent; empty when there is none.
QByteArray memberText(const QByteArray& rawArguments, const char* name) {
    if (rawArguments.isEmpty())
        return {};
    core::json::Reader reader(rawArguments);
    if (reader.type() != core::json::Type::Object)
        return {};
    reader.beginObject();
    std::string key;
    while (reader.nextMember(&key)) {
        const qsizetype from = reader.offset();
        reader.skip();
        if (key == name)
            return rawArguments.mid(from, reader.offset() - from).trimmed();
    }
    return {};
}

// "2 updates, 1 insert" of a change set.
QString countsText(const core::ChangeSet& changes) {
    QMap<core::ChangeOp, int> counts;
    for (const core::Change& c : changes.changes)
        ++counts[c.op];
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.value()).arg(core::changeOpName(it.key()));
    return parts.join(QStringLiteral(", "));
}

QString sweepText(const core::SweepingStatement& sweep) {
    switch (sweep.kind) {
    case core::SweepingStatement::Kind::UpdateAll:
        return QStringLiteral("UPDATE of every row of %1").arg(sweep.target);
    case core::SweepingStatement::Kind::DeleteAll:
        return QStringLiteral("DELETE of every row of %1").arg(sweep.target);
    case core::SweepingStatement::Kind::Truncate:
        return QStringLiteral("TRUNCATE of %1").arg(sweep.target);
    case core::SweepingStatement::Kind::Drop:
        break;
    }
    return QStringLiteral("DROP of %1").arg(sweep.target);
}

} // namespace

ToolResult McpTools::proposeChanges(const QJsonObject& arguments, const QByteArray& rawArguments) {
    const QString name = arguments.value(QStringLiteral("table")).toString();
    const QByteArray changesText = memberText(rawArguments, "changes");
    if (name.isEmpty() || !arguments.value(QStringLiteral("changes")).isArray())
        return refused(QStringLiteral(
            "propose_changes needs the table and changes: an array in pgdesk-cli apply's format, e.g. "
            "{\"op\":\"update\",\"key\":{\"id\":\"7\"},\"version\":\"1234\",\"set\":{\"email\":\"a@b.c\"}}, "
            "{\"op\":\"insert\",\"values\":{…}}, {\"op\":\"delete\",\"key\":{…},\"version\":\"…\"}, "
            "{\"op\":\"soft_delete\"|\"restore\",\"key\":{…}}; the version is the row's xmin::text as read"));
    // Outside a transaction: the type checks cast values the server may refuse, and each refusal would abort
    // one. Everything here only reads, under the session's statement timeout.
    core::Connection& c = connection();
    {
        const core::TableInfo table = core::tableWithoutCtidKey(core::readTableForProfile(c, name));
        const QString tableText = core::ChangeSet(table).table;
        const QByteArray setText =
            "{\"table\":" +
            QJsonDocument(QJsonArray{tableText}).toJson(QJsonDocument::Compact).mid(1).chopped(1) +
            ",\"changes\":" + changesText + '}';
        const core::ChangeSet changes = core::ChangeSet::fromJsonText(setText);
        if (changes.isEmpty())
            return refused(QStringLiteral("propose_changes: the change set is empty"));
        // Keys, columns, generated columns, the soft-delete convention: what apply would refuse, refused now.
        const core::ChangeSetApplier applier(table);
        applier.plan(changes);
        const QStringList preview = applier.previewStatements(changes);

        // Every value as the server's own input functions read it, column by column.
        QMap<QString, QList<std::optional<QString>>> values;
        for (const core::Change& change : changes.changes)
            for (const auto& row : {change.key, change.values})
                for (const auto& [column, value] : row)
                    values[column] << value;
        QStringList problems;
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            if (const core::ColumnInfo* column = table.column(it.key()))
                if (const auto bad = core::findInvalidValue(c, column->typeName, it.value()))
                    problems << QStringLiteral("column %1: %2").arg(it.key(), bad->message);
        if (!problems.isEmpty())
            return refused(QStringLiteral("propose_changes refused, nothing was stored: %1")
                               .arg(problems.join(QStringLiteral("; "))));

        // Versions: a change made on a row the agent read is a conflict now when the row changed since.
        QJsonArray conflicts;
        for (qsizetype i = 0; i < changes.changes.size(); ++i) {
            const core::Change& change = changes.changes[i];
            if (change.version.isEmpty() || change.key.isEmpty())
                continue;
            QStringList where;
            core::Params params;
            for (const auto& [column, value] : change.key) {
                const core::ColumnInfo* info = table.column(column);
                where << QStringLiteral("%1 = $%2::%3")
                             .arg(core::quoteIdentifier(column))
                             .arg(params.size() + 1)
                             .arg(info ? info->typeName : QStringLiteral("text"));
                params << (value ? core::param(*value) : core::nullParam());
            }
            const core::Result now =
                c.exec(QStringLiteral("SELECT xmin::text FROM %1.%2 WHERE %3")
                           .arg(core::quoteIdentifier(table.schema), core::quoteIdentifier(table.name),
                                where.join(QStringLiteral(" AND "))),
                       params);
            if (now.rowCount() == 0 || now.text(0, 0) != change.version)
                conflicts << QJsonObject{{QStringLiteral("change"), int(i + 1)},
                                         {QStringLiteral("reason"), now.rowCount() == 0
                                                                        ? QStringLiteral("vanished")
                                                                        : QStringLiteral("changed")},
                                         {QStringLiteral("current_version"),
                                          now.rowCount() ? QJsonValue(now.text(0, 0)) : QJsonValue()}};
        }

        core::Proposal proposal;
        proposal.profile = core::journalKey(m_target.profile);
        proposal.kind = core::Proposal::Kind::Changes;
        proposal.table = tableText;
        proposal.body = QString::fromUtf8(changes.toJsonText(false));
        proposal.summary = QStringLiteral("%1 to %2").arg(countsText(changes), table.qualifiedName());
        if (!conflicts.isEmpty())
            proposal.summary += QStringLiteral(" (%1 changed since read)").arg(conflicts.size());
        proposal.proposedBy = m_client;
        proposal.analysis = QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("preview"), QJsonArray::fromStringList(preview)},
                                      {QStringLiteral("conflicts"), conflicts}})
                .toJson(QJsonDocument::Compact));
        const qint64 id = core::ProposalStore().add(proposal);
        return stored({{QStringLiteral("proposal_id"), double(id)},
                       {QStringLiteral("summary"), proposal.summary},
                       {QStringLiteral("preview"), QJsonArray::fromStringList(preview)},
                       {QStringLiteral("conflicts"), conflicts},
                       {QStringLiteral("next"),
                        QStringLiteral("A person reviews it in the table's tab in PgDesk, or applies it with "
                                       "`pgdesk-cli --profile %1 apply --proposal %2`.")
                            .arg(m_target.profile.name)
                            .arg(id)}});
    }
}

ToolResult McpTools::proposeMigration(const QJsonObject& arguments) {
    const QString sql = arguments.value(QStringLiteral("sql")).toString();
    if (sql.trimmed().isEmpty())
        return refused(QStringLiteral("propose_migration needs sql: the migration script"));
    const QList<core::StatementLocks> locks = core::LockAnalyzer(connection()).analyze(sql);
    QJsonArray destructive;
    for (const core::SqlStatement& s : core::splitStatements(sql))
        if (const auto sweep = core::sweepingStatement(s.text))
            destructive << QJsonObject{{QStringLiteral("line"), lineOfOffset(sql, s.offset)},
                                       {QStringLiteral("step"), sweepText(*sweep)}};
    QStringList strongest;
    for (const core::StatementLocks& s : locks)
        for (const core::RelationLock& l : s.locks)
            if (l.mode == core::LockMode::AccessExclusive && !strongest.contains(l.relation))
                strongest << l.relation;
    core::Proposal proposal;
    proposal.profile = core::journalKey(m_target.profile);
    proposal.kind = core::Proposal::Kind::Migration;
    proposal.body = sql;
    proposal.summary = QStringLiteral("%1 statement(s)").arg(locks.size());
    if (!strongest.isEmpty())
        proposal.summary +=
            QStringLiteral("; ACCESS EXCLUSIVE on %1").arg(strongest.join(QStringLiteral(", ")));
    if (!destructive.isEmpty())
        proposal.summary += QStringLiteral("; %1 destructive step(s)").arg(destructive.size());
    proposal.proposedBy = m_client;
    const QJsonArray statements = scriptLocksJson(sql, locks, false);
    proposal.analysis =
        QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("statements"), statements},
                                                    {QStringLiteral("destructive"), destructive}})
                              .toJson(QJsonDocument::Compact));
    const qint64 id = core::ProposalStore().add(proposal);
    return stored(
        {{QStringLiteral("proposal_id"), double(id)},
         {QStringLiteral("summary"), proposal.summary},
         {QStringLiteral("statements"), statements},
         {QStringLiteral("destructive"), destructive},
         {QStringLiteral("next"), QStringLiteral("Nothing ran. A person reviews and runs it in PgDesk.")}});
}

} // namespace pgdesk::cli
