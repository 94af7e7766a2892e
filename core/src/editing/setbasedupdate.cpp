// SPDX-License-Identifier: GPL-3.0-or-later
#include "editing/setbasedupdate.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/editing/rowstatementbuilder.h>

#include <QSet>

namespace pgdesk::core {

namespace {
QString columnNameList(const Row& set) {
    QStringList names;
    for (const auto& [name, value] : set)
        names << name;
    return names.join(QChar(0x1f));
}
} // namespace

std::optional<SetBasedPlan> planSetBasedUpdates(const TableInfo& table, const ChangeSet& changes,
                                                bool returnRows, int chunkSize) {
    const qsizetype n = changes.changes.size();
    const QStringList& rowKey = table.conventions.rowKey;
    // t.* would name columns the role may not read (column privileges): row by row returns the readable ones.
    if (n < kSetBasedMinChanges || changes.useCtid || rowKey.isEmpty() || !table.hiddenColumns.isEmpty() ||
        (table.kind != RelationKind::Table && table.kind != RelationKind::PartitionedTable))
        return std::nullopt;
    const Change& first = changes.changes.first();
    if (first.values.isEmpty())
        return std::nullopt;
    const QString shape = columnNameList(first.values);
    QSet<QString> keys;
    keys.reserve(n);
    for (const Change& c : changes.changes) {
        if (c.op != ChangeOp::Update || c.version.isEmpty() || !c.defaults.isEmpty() ||
            c.key.size() != rowKey.size() || columnNameList(c.values) != shape)
            return std::nullopt;
        QString identity;
        for (const QString& k : rowKey) {
            const auto it =
                std::find_if(c.key.begin(), c.key.end(), [&](const auto& p) { return p.first == k; });
            if (it == c.key.end() || !it->second)
                return std::nullopt;
            identity += *it->second + QChar(0x1e);
        }
        if (keys.contains(identity))
            return std::nullopt;
        keys.insert(identity);
    }

    std::optional<SetBasedPlan> plan(SetBasedPlan{});
    try {
        RowStatementBuilder b(table);
        QStringList setColumns;
        QStringList assignments;
        QStringList aliases;
        QStringList unnestArgs;
        QStringList where;
        int parameter = 0;
        for (qsizetype k = 0; k < rowKey.size(); ++k) {
            const ColumnInfo& c = b.column(rowKey.at(k));
            aliases << QStringLiteral("k%1").arg(k);
            unnestArgs << QStringLiteral("$%1::text[]").arg(++parameter);
            // One arg() call: a second one would also replace a "%2" inside the quoted name.
            where << QStringLiteral("t.%1 = v.k%2::%3")
                         .arg(quoteIdentifier(c.name), QString::number(k), RowStatementBuilder::castType(c));
        }
        aliases << QStringLiteral("ver");
        unnestArgs << QStringLiteral("$%1::text[]").arg(++parameter);
        where << QStringLiteral("t.xmin = v.ver::xid");
        for (qsizetype s = 0; s < first.values.size(); ++s) {
            const ColumnInfo& c = b.column(first.values.at(s).first);
            RowStatementBuilder::requireWritable(c);
            setColumns << c.name;
            aliases << QStringLiteral("c%1").arg(s);
            unnestArgs << QStringLiteral("$%1::text[]").arg(++parameter);
            assignments << QStringLiteral("%1 = v.c%2::%3")
                               .arg(quoteIdentifier(c.name), QString::number(s),
                                    RowStatementBuilder::castType(c));
        }
        if (const QString touch = b.touchUpdatedAt(setColumns); !touch.isEmpty())
            assignments << touch;
        aliases << QStringLiteral("ord");
        const QString sql =
            QStringLiteral(
                "UPDATE %1 AS t SET %2 FROM unnest(%3) WITH ORDINALITY AS v(%4) WHERE %5 RETURNING %6")
                .arg(b.target(), assignments.join(QStringLiteral(", ")),
                     unnestArgs.join(QStringLiteral(", ")), aliases.join(QStringLiteral(", ")),
                     where.join(QStringLiteral(" AND ")),
                     returnRows ? QStringLiteral("t.*, t.xmin, v.ord") : QStringLiteral("v.ord"));

        for (qsizetype from = 0; from < n; from += chunkSize) {
            const qsizetype to = std::min<qsizetype>(n, from + chunkSize);
            QList<QList<std::optional<QString>>> columns(rowKey.size() + 1 + first.values.size());
            for (auto& column : columns)
                column.reserve(to - from);
            for (qsizetype i = from; i < to; ++i) {
                const Change& c = changes.changes.at(i);
                for (qsizetype k = 0; k < rowKey.size(); ++k) {
                    for (const auto& [name, value] : c.key) {
                        if (name == rowKey.at(k))
                            columns[k] << value;
                    }
                }
                columns[rowKey.size()] << c.version;
                for (qsizetype s = 0; s < c.values.size(); ++s)
                    columns[rowKey.size() + 1 + s] << c.values.at(s).second;
            }
            PlannedStatement statement;
            statement.change = from;
            statement.sql = sql;
            for (const auto& column : std::as_const(columns))
                statement.params << param(textArrayLiteral(column));
            plan->statements << statement;
            plan->firstChange << from;
            plan->sizes << int(to - from);
        }
    } catch (const Error&) {
        return std::nullopt; // the per-row planner refuses it with the change named
    }
    return plan;
}

} // namespace pgdesk::core
