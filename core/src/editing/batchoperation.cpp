// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/editing/batchoperation.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/editing/changesetapplier.h>
#include <pgdesk/core/editing/rowstatementbuilder.h>

#include <QElapsedTimer>

namespace pgdesk::core {

QString batchActionName(BatchAction action) {
    switch (action) {
    case BatchAction::SetColumn:
        return QStringLiteral("set_column");
    case BatchAction::SoftDelete:
        return QStringLiteral("soft_delete");
    case BatchAction::Restore:
        return QStringLiteral("restore");
    case BatchAction::HardDelete:
        return QStringLiteral("hard_delete");
    }
    return QStringLiteral("set_column");
}

BatchOperation::BatchOperation(TableInfo table, BatchRequest request)
    : m_table(std::move(table))
    , m_request(std::move(request)) {
    if (m_table.kind != RelationKind::Table && m_table.kind != RelationKind::PartitionedTable)
        throwError(
            ErrorKind::Configuration,
            QStringLiteral("%1 is not a table: only tables can be edited").arg(m_table.qualifiedName()));
    if (m_table.conventions.rowKey.isEmpty())
        throwError(ErrorKind::Configuration,
                   QStringLiteral("table %1 has no row key: batch operations need one to identify rows")
                       .arg(m_table.qualifiedName()));
    // Fails now, not halfway: unknown or generated column, no soft-delete convention.
    statement(QStringLiteral("TRUE"), {}, false);
}

BatchOperation::Statement BatchOperation::statement(const QString& rows, const Params& rowParams,
                                                    bool count) const {
    RowStatementBuilder b(m_table);
    b.seedParams(rowParams);
    QString where = rows;
    if (m_request.action == BatchAction::SoftDelete || m_request.action == BatchAction::Restore)
        where += QStringLiteral(" AND ") + b.softDeletedCondition(m_request.action == BatchAction::Restore);
    if (count)
        return {QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(b.target(), where), b.params()};
    QStringList assignments;
    QStringList setColumns;
    switch (m_request.action) {
    case BatchAction::HardDelete:
        return {QStringLiteral("DELETE FROM %1 WHERE %2").arg(b.target(), where), b.params()};
    case BatchAction::SetColumn:
        assignments = b.assignments({{m_request.column, m_request.value}}, &setColumns);
        break;
    case BatchAction::SoftDelete:
    case BatchAction::Restore:
        assignments << b.softDeleteAssignment(m_request.action == BatchAction::SoftDelete);
        setColumns << m_table.conventions.softDeleteColumn;
        break;
    }
    if (const QString touch = b.touchUpdatedAt(setColumns); !touch.isEmpty())
        assignments << touch;
    return {QStringLiteral("UPDATE %1 SET %2 WHERE %3")
                .arg(b.target(), assignments.join(QStringLiteral(", ")), where),
            b.params()};
}

BatchOperation::Statement BatchOperation::forKeys(const QList<Key>& keys, qsizetype from, qsizetype count,
                                                  bool countOnly) const {
    const QStringList& rowKey = m_table.conventions.rowKey;
    // One array per key column, in row-key order.
    QList<QStringList> columns(rowKey.size());
    for (qsizetype k = from; k < from + count; ++k) {
        const Key& key = keys.at(k);
        if (key.size() != rowKey.size())
            throwError(ErrorKind::Configuration,
                       QStringLiteral("key %1 %2 must name exactly the row key (%3)")
                           .arg(k + 1)
                           .arg(describeKey(key), rowKey.join(QStringLiteral(", "))));
        for (qsizetype c = 0; c < rowKey.size(); ++c) {
            const auto it =
                std::find_if(key.begin(), key.end(), [&](const auto& e) { return e.first == rowKey.at(c); });
            if (it == key.end() || !it->second)
                throwError(ErrorKind::Configuration,
                           QStringLiteral("key %1 %2 must name exactly the row key (%3), none of it NULL")
                               .arg(k + 1)
                               .arg(describeKey(key), rowKey.join(QStringLiteral(", "))));
            columns[c] << *it->second;
        }
    }
    Params params;
    QStringList quoted;
    QStringList arrays;
    for (qsizetype c = 0; c < rowKey.size(); ++c) {
        const ColumnInfo* column = m_table.column(rowKey.at(c));
        if (!column)
            throwError(ErrorKind::NotFound,
                       QStringLiteral("row key column \"%1\" does not exist").arg(rowKey.at(c)));
        const QString type = RowStatementBuilder::castType(*column);
        if (type.endsWith(QLatin1String("[]")))
            throwError(ErrorKind::Configuration,
                       QStringLiteral("row key column \"%1\" is an array: batches cannot send it")
                           .arg(column->name));
        params << param(arrayLiteral(columns.at(c)));
        quoted << quoteIdentifier(column->name);
        arrays << QStringLiteral("$%1::%2[]").arg(QString::number(params.size()), type);
    }
    const QString rows = rowKey.size() == 1
                             ? QStringLiteral("%1 = ANY(%2)").arg(quoted.first(), arrays.first())
                             : QStringLiteral("(%1) IN (SELECT * FROM unnest(%2))")
                                   .arg(quoted.join(QStringLiteral(", ")), arrays.join(QStringLiteral(", ")));
    return statement(rows, params, countOnly);
}

BatchOperation::Statement BatchOperation::forSpec(const QuerySpec& spec, bool countOnly) const {
    if (!spec.sql.isEmpty())
        throwError(ErrorKind::Configuration,
                   QStringLiteral("batch operations work on a table, not on a query"));
    if (spec.schema != m_table.schema || spec.table != m_table.name)
        throwError(ErrorKind::Configuration, QStringLiteral("the filter is for %1.%2, not %3")
                                                 .arg(spec.schema, spec.table, m_table.qualifiedName()));
    QuerySpec unsorted = spec;
    unsorted.sort.clear(); // the order of the matching rows does not matter here
    const BuiltQuery select = buildSelectQuery(unsorted, m_table);
    QStringList keyColumns;
    for (const QString& k : m_table.conventions.rowKey)
        keyColumns << quoteIdentifier(k);
    const QString keys = keyColumns.join(QStringLiteral(", "));
    // The browse query itself, as a subquery: the same filter, search and scope as the rows the user sees.
    const QString rows = QStringLiteral("(%1) IN (SELECT %1 FROM (%2) AS %3)")
                             .arg(keys, select.sql, quoteIdentifier(QStringLiteral("__pgdesk_batch")));
    return statement(rows, select.params, countOnly);
}

qint64 BatchOperation::countAffected(Connection& connection, const QList<Key>& keys) const {
    const int chunk = 1000;
    qint64 total = 0;
    for (qsizetype from = 0; from < keys.size(); from += chunk) {
        const Statement s = forKeys(keys, from, std::min<qsizetype>(chunk, keys.size() - from), true);
        total += connection.exec(s.sql, s.params).text(0, 0).toLongLong();
    }
    return total;
}

qint64 BatchOperation::countAffected(Connection& connection, const QuerySpec& spec) const {
    const Statement s = forSpec(spec, true);
    return connection.exec(s.sql, s.params).text(0, 0).toLongLong();
}

void BatchOperation::checkExpected(const BatchOptions& options, qint64 affected) const {
    if (options.expectedCount && *options.expectedCount != affected)
        throwError(
            ErrorKind::Conflict,
            QStringLiteral("%1 would change %2 rows, not the %3 confirmed (the rows changed meanwhile); "
                           "nothing was written")
                .arg(batchActionName(m_request.action))
                .arg(affected)
                .arg(*options.expectedCount));
}

BatchResult BatchOperation::run(Connection& connection, const QList<Key>& keys,
                                const BatchOptions& options) const {
    QElapsedTimer timer;
    timer.start();
    const qsizetype chunk = std::max(1, options.chunkSize);
    // Every chunk's statement is built (and so every key checked) before anything is sent.
    QList<Statement> statements;
    for (qsizetype from = 0; from < keys.size(); from += chunk)
        statements << forKeys(keys, from, std::min<qsizetype>(chunk, keys.size() - from), false);
    BatchResult result;
    result.affected = atomicOnConnection(
        connection,
        [&](Connection& c) {
            ++result.attempts;
            result.chunks = 0;
            qint64 affected = 0;
            for (qsizetype i = 0; i < statements.size(); ++i) {
                if (options.cancel && options.cancel->load())
                    throwError(ErrorKind::QueryCanceled,
                               QStringLiteral("batch cancelled after %1 of %2 keys; nothing was written")
                                   .arg(std::min<qsizetype>(i * chunk, keys.size()))
                                   .arg(keys.size()));
                affected += c.exec(statements.at(i).sql, statements.at(i).params).affectedRows();
                ++result.chunks;
                if (options.progress)
                    options.progress(std::min<qsizetype>((i + 1) * chunk, keys.size()), keys.size());
            }
            checkExpected(options, affected);
            return affected;
        },
        options.atomic);
    result.elapsedMs = timer.elapsed();
    return result;
}

BatchResult BatchOperation::run(Connection& connection, const QuerySpec& spec,
                                const BatchOptions& options) const {
    QElapsedTimer timer;
    timer.start();
    const Statement s = forSpec(spec, false);
    BatchResult result;
    result.affected = atomicOnConnection(
        connection,
        [&](Connection& c) {
            ++result.attempts;
            if (options.cancel && options.cancel->load())
                throwError(ErrorKind::QueryCanceled, QStringLiteral("batch cancelled; nothing was written"));
            const qint64 affected = c.exec(s.sql, s.params).affectedRows();
            result.chunks = 1;
            if (options.progress)
                options.progress(affected, affected);
            checkExpected(options, affected);
            return affected;
        },
        options.atomic);
    result.elapsedMs = timer.elapsed();
    return result;
}

} // namespace pgdesk::core
