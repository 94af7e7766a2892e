// SPDX-License-Identifier: GPL-3.0-or-later
#include "editing/applyoutcome.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/editing/rowstatementbuilder.h>

namespace pgdesk::core::applying {

QList<ChangeOutcome> setBasedOutcomes(const SetBasedPlan& plan, const Attempt& done, qsizetype changes) {
    QList<ChangeOutcome> rows(changes);
    for (qsizetype i = 0; i < plan.statements.size(); ++i) {
        const Result& r = done.results.at(i);
        // t.*, t.xmin, v.ord: the row, its new version, its 1-based position in the chunk.
        const int columns = r.columnCount() - 2;
        QStringList names;
        for (int c = 0; c < columns; ++c)
            names << r.columnName(c);
        for (int row = 0; row < r.rowCount(); ++row) {
            const qsizetype change = plan.firstChange.at(i) + r.text(row, columns + 1).toLongLong() - 1;
            RowResult out;
            out.columns = names;
            out.values.reserve(columns);
            for (int c = 0; c < columns; ++c)
                out.values << (r.isNull(row, c) ? std::nullopt : std::optional<QString>(r.text(row, c)));
            out.version = r.text(row, columns);
            rows[change] = ChangeOutcome{change, ChangeOp::Update, std::move(out)};
        }
    }
    return rows;
}

QList<ChangeOutcome> rowOutcomes(const QList<PlannedStatement>& statements, const Attempt& done,
                                 const ChangeSet& changes) {
    QList<ChangeOutcome> rows;
    rows.reserve(statements.size());
    QStringList columns;
    for (qsizetype i = 0; i < statements.size(); ++i) {
        const qsizetype change = statements.at(i).change;
        // Statements of one text return the same columns: their names are read once and shared.
        if (i == 0 || statements.at(i).sql != statements.at(i - 1).sql)
            columns = columnNames(done.results.at(i));
        rows << ChangeOutcome{change, changes.changes.at(change).op,
                              rowFromReturning(done.results.at(i), 0, &columns)};
    }
    return rows;
}

QList<ChangeConflict> explainAbort(const TableInfo& table, const ChangeSet& changes,
                                   const QList<PlannedStatement>& statements, const Attempt& attempt,
                                   const ChangeSetApplier::ConnectionRunner& afterwards) {
    // Conflicts come first, also when a later statement failed: a row that changed under the user is what
    // to resolve before anything else (the error may well follow from it). Statements the server skipped
    // after an error have no result and count as neither.
    QList<PlannedStatement> reads;
    QList<qsizetype> conflicting;
    for (qsizetype i = 0; i < statements.size(); ++i) {
        if (attempt.results.at(i).isNull() || attempt.results.at(i).rowCount() != 0)
            continue;
        const Change& c = changes.changes.at(statements.at(i).change);
        RowStatementBuilder b(table);
        const QString where =
            changes.useCtid ? b.ctidCondition(*c.key.first().second) : b.keyCondition(c.key);
        reads << PlannedStatement{
            statements.at(i).change, selectRowAndVersion(table, b, where), b.params(), {}};
        conflicting << statements.at(i).change;
    }
    if (reads.isEmpty() && attempt.error) {
        ErrorInfo info = *attempt.error;
        const PlannedStatement& failed = statements.at(attempt.failedStatement);
        // The server does not say which parameter failed its cast: try each value of the change alone.
        if (info.kind == ErrorKind::Data && info.column.isEmpty() && !failed.casts.isEmpty()) {
            QList<PlannedStatement> probes;
            for (const CastValue& cast : failed.casts)
                probes << PlannedStatement{
                    0, QStringLiteral("SELECT $1::") + cast.type, {param(cast.value)}, {}};
            afterwards([&](Connection& connection) {
                const Attempt probe = runPipeline(connection, probes);
                if (probe.error)
                    info.column = failed.casts.at(probe.failedStatement).column;
            });
        }
        throwError(blame(info, failed.change, changes.changes.at(failed.change), failed.sql));
    }
    // Read every conflicting row as it is now, in one pipeline, after the rollback.
    Attempt current;
    afterwards([&](Connection& connection) { current = runPipeline(connection, reads); });
    if (current.error)
        throwError(*current.error);
    QList<ChangeConflict> conflicts;
    for (qsizetype k = 0; k < reads.size(); ++k) {
        const Change& c = changes.changes.at(conflicting.at(k));
        ChangeConflict conflict;
        conflict.change = conflicting.at(k);
        conflict.op = c.op;
        conflict.key = c.key;
        conflict.expectedVersion = c.version;
        if (current.results.at(k).rowCount() > 0)
            conflict.current = rowFromReturning(current.results.at(k), 0);
        conflict.vanished = !conflict.current;
        conflicts << conflict;
    }
    return conflicts;
}

} // namespace pgdesk::core::applying
