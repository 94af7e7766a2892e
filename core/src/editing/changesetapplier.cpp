// SPDX-License-Identifier: GPL-3.0-or-later
#include "editing/applyattempt.h"
#include "editing/applyoutcome.h"
#include "editing/setbasedupdate.h"

#include <pgdesk/core/editing/changesetapplier.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/transaction.h>

#include <QElapsedTimer>
#include <QHash>

#include <algorithm>

namespace pgdesk::core {

using applying::blame;

namespace {

// Order-independent identity of a key, for "was this row written earlier in the change set".
QString keyIdentity(const Key& key) {
    if (key.size() == 1)
        return key.first().first + QChar(0x1f) + key.first().second.value_or(QString());
    QStringList parts;
    for (const auto& [name, value] : key)
        parts << name + QChar(0x1f) + value.value_or(QString());
    parts.sort();
    return parts.join(QChar(0x1e));
}

} // namespace

ChangeSetApplier::ChangeSetApplier(TableInfo table)
    : m_table(std::move(table)) {
}

QList<PlannedStatement> ChangeSetApplier::plan(const ChangeSet& changes) const {
    return build(changes, {});
}

QString ChangeSetApplier::preview(const ChangeSet& changes, const LiteralQuoter& quote) const {
    QString out;
    for (const QString& sql : previewStatements(changes, quote))
        out += sql + QStringLiteral(";\n");
    return out;
}

QStringList ChangeSetApplier::previewStatements(const ChangeSet& changes, const LiteralQuoter& quote) const {
    QStringList out;
    for (const PlannedStatement& s : build(changes, quote ? quote : LiteralQuoter(quoteLiteralPure)))
        out << s.sql;
    return out;
}

QList<PlannedStatement> ChangeSetApplier::build(const ChangeSet& changes, const LiteralQuoter& quote) const {
    changes.validate();
    const QString name = m_table.qualifiedName();
    if (!changes.refersTo(m_table))
        throwConfigurationError(
            QStringLiteral("table"),
            QStringLiteral("the change set is for table %1, not %2").arg(changes.table, name));
    if (m_table.kind != RelationKind::Table && m_table.kind != RelationKind::PartitionedTable)
        throwError(
            ErrorKind::Configuration,
            QStringLiteral("%1 is a %2: only tables can be edited")
                .arg(name, relationKindName(m_table.kind).replace(QLatin1Char('_'), QLatin1Char(' '))));
    const bool keyed = !m_table.conventions.rowKey.isEmpty();
    const bool editsRows = std::any_of(changes.changes.begin(), changes.changes.end(),
                                       [](const Change& c) { return c.op != ChangeOp::Insert; });
    if (editsRows && !keyed && !changes.useCtid)
        throwError(
            ErrorKind::Configuration,
            QStringLiteral("table %1 has no row key (no primary key or NOT NULL unique constraint), so no "
                           "column identifies one row: editing its rows is refused. Opt in to edit by "
                           "physical position (use_ctid), guarded by each row's version")
                .arg(name));
    if (changes.useCtid && keyed)
        throwError(ErrorKind::Configuration,
                   QStringLiteral("table %1 has a row key (%2): edit its rows by key, not by ctid")
                       .arg(name, m_table.conventions.rowKey.join(QStringLiteral(", "))));

    const QString returning = returningRowAndVersion(m_table);
    QList<PlannedStatement> out;
    out.reserve(changes.size());
    QHash<QString, qsizetype> written; // key identity → the change that first wrote the row
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const Change& c = changes.changes.at(i);
        try {
            RowStatementBuilder b(m_table, quote);
            // WHERE for a change to an existing row: its key (or ctid) and the version it was read at.
            const auto condition = [&]() {
                const QString identity = keyIdentity(c.key);
                const auto earlier = written.constFind(identity);
                QString where;
                if (changes.useCtid) {
                    if (earlier != written.cend())
                        throwError(
                            ErrorKind::Configuration,
                            QStringLiteral("the row at ctid %1 is already changed by change %2; a row edited "
                                           "by ctid takes one change per change set")
                                .arg(*c.key.first().second)
                                .arg(*earlier + 1));
                    where = b.ctidCondition(*c.key.first().second);
                } else {
                    where = b.keyCondition(c.key);
                }
                if (earlier != written.cend()) { // its version is now this transaction's own
                    if (m_table.versionReadable)
                        where += QStringLiteral(" AND xmin = pg_current_xact_id()::xid");
                } else if (!c.version.isEmpty()) {
                    where += QStringLiteral(" AND ") + b.versionCondition(c.version);
                } else if (c.op == ChangeOp::Update) { // validate(): then every changed column's original
                    where += QStringLiteral(" AND ") + b.originalCondition(c.original);
                }
                written.insert(identity, i);
                return where;
            };
            QString sql;
            switch (c.op) {
            case ChangeOp::Insert: {
                if (c.values.isEmpty()) {
                    sql = QStringLiteral("INSERT INTO %1 DEFAULT VALUES").arg(b.target()) + returning;
                    break;
                }
                QStringList columns;
                QStringList values;
                for (const auto& [column, value] : c.values) {
                    const ColumnInfo& info = b.column(column);
                    RowStatementBuilder::requireWritable(info);
                    columns << quoteIdentifier(info.name);
                    values << b.bindColumn(info, value);
                }
                sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                          .arg(b.target(), columns.join(QStringLiteral(", ")),
                               values.join(QStringLiteral(", "))) +
                      returning;
                break;
            }
            case ChangeOp::Update:
            case ChangeOp::SoftDelete:
            case ChangeOp::Restore: {
                QStringList setColumns;
                QStringList assignments;
                if (c.op == ChangeOp::Update) {
                    assignments = b.assignments(c.values, &setColumns, c.defaults);
                } else {
                    assignments << b.softDeleteAssignment(c.op == ChangeOp::SoftDelete);
                    setColumns << m_table.conventions.softDeleteColumn;
                }
                if (const QString touch = b.touchUpdatedAt(setColumns); !touch.isEmpty())
                    assignments << touch;
                const QString where = condition();
                sql = QStringLiteral("UPDATE %1 SET %2 WHERE %3")
                          .arg(b.target(), assignments.join(QStringLiteral(", ")), where) +
                      returning;
                break;
            }
            case ChangeOp::Delete:
                sql = QStringLiteral("DELETE FROM %1 WHERE %2").arg(b.target(), condition()) + returning;
                break;
            }
            out << PlannedStatement{i, sql, b.params(), b.casts()};
        } catch (const Error& e) {
            throwError(blame(e.info(), i, c, QString()));
        }
    }
    return out;
}

ApplyResult ChangeSetApplier::apply(Connection& connection, const ChangeSet& changes,
                                    const AtomicOptions& options) const {
    const TransactionRunner runner = [&](const std::function<Attempt(Connection&)>& fn) {
        return atomicOnConnection(connection, fn, options);
    };
    return run(
        changes,
        [&](const std::function<Attempt(Connection&)>& fn) {
            return applying::commitChecked(runner, fn, changes.size(), m_cancel);
        },
        [&](const std::function<void(Connection&)>& fn) { fn(connection); });
}

ApplyResult ChangeSetApplier::apply(Pool& pool, const ChangeSet& changes,
                                    const AtomicOptions& options) const {
    const TransactionRunner runner = [&](const std::function<Attempt(Connection&)>& fn) {
        return atomic(
            pool, [&](Transaction& t) { return fn(t.connection()); }, options);
    };
    return run(
        changes,
        [&](const std::function<Attempt(Connection&)>& fn) {
            return applying::commitChecked(runner, fn, changes.size(), m_cancel);
        },
        [&](const std::function<void(Connection&)>& fn) {
            PooledConnection pooled = pool.acquire();
            try {
                fn(*pooled);
            } catch (const ConnectionError&) {
                pooled.invalidate();
                throw;
            }
        });
}

// The phases: set-based statements when the change set qualifies; else (or when they found a conflict or an
// error) one statement per change; then the rows written, or the conflicts read back after the rollback.
ApplyResult ChangeSetApplier::run(const ChangeSet& changes, const TransactionRunner& inTransaction,
                                  const ConnectionRunner& afterwards) const {
    QElapsedTimer timer;
    timer.start();
    ApplyResult result;
    if (changes.changes.isEmpty()) {
        result.applied = true;
        return result;
    }
    const auto attempt = [&](const std::function<Attempt(Connection&)>& fn) {
        return inTransaction([&](Connection& connection) {
            ++result.attempts;
            return fn(connection);
        });
    };

    // Many updates of the same columns: a few set-based statements first. Any row that does not come back
    // (a conflict) or any error rolls that attempt back, and the per-row pipeline below runs instead to name
    // exactly which changes conflict or fail. The preview shows the per-row statements either way.
    if (const auto batched = planSetBasedUpdates(m_table, changes, m_returnRows)) {
        try {
            const Attempt done =
                attempt([&](Connection& connection) { return applying::runSetBased(connection, *batched); });
            result.applied = true;
            result.statements = int(batched->statements.size());
            if (m_returnRows)
                result.rows = applying::setBasedOutcomes(*batched, done, changes.size());
            result.elapsedMs = timer.elapsed();
            return result;
        } catch (const applying::AttemptAborted&) {
            // Rolled back: row by row below, to name exactly what conflicted or failed.
        }
    }

    // Planned only now: the set-based path checks what it needs itself, and planning 10,000 statements
    // costs more than running them set-based.
    const QList<PlannedStatement> statements = plan(changes);
    result.statements = int(statements.size());
    try {
        const Attempt done = attempt(
            [&](Connection& connection) { return applying::runRowByRow(connection, statements, changes); });
        result.applied = true;
        if (m_returnRows)
            result.rows = applying::rowOutcomes(statements, done, changes);
    } catch (const applying::AttemptAborted& aborted) {
        result.conflicts = applying::explainAbort(m_table, changes, statements, aborted.attempt, afterwards);
    }
    result.elapsedMs = timer.elapsed();
    return result;
}

} // namespace pgdesk::core
