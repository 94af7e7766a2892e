// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/editing/foreignkeypicker.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/catalog/profileconventions.h>
#include <pgdesk/core/profiles/connectionprofile.h>
#include <pgdesk/core/session/result.h>

namespace pgdesk::core {

namespace {

const ColumnInfo& requireColumn(const TableInfo& table, const QString& name) {
    const ColumnInfo* c = table.column(name);
    if (!c) {
        ErrorInfo info;
        info.kind = ErrorKind::NotFound;
        info.message = QStringLiteral("%1 has no column \"%2\"").arg(table.qualifiedName(), name);
        info.table = table.name;
        info.column = name;
        throwError(std::move(info));
    }
    return *c;
}

QString qualified(const TableInfo& t) {
    return quoteIdentifier(t.schema) + QLatin1Char('.') + quoteIdentifier(t.name);
}

// Rows the browser's "active" scope shows (sqlbuilder's rule: a nullable flag counts NULL as false).
QString activeCondition(const TableInfo& t) {
    const Conventions& conv = t.conventions;
    if (conv.softDelete == SoftDeleteKind::None || conv.softDeleteColumn.isEmpty())
        return {};
    const ColumnInfo* c = t.column(conv.softDeleteColumn);
    if (!c)
        return {};
    const QString col = quoteIdentifier(c->name);
    const QString flag = c->notNull ? col : QStringLiteral("coalesce(%1, false)").arg(col);
    switch (conv.softDelete) {
    case SoftDeleteKind::DeletedAtTimestamp:
        return QStringLiteral("%1 IS NULL").arg(col);
    case SoftDeleteKind::DeletedFlag:
        return QStringLiteral("NOT %1").arg(flag);
    case SoftDeleteKind::ActiveFlag:
        return flag;
    case SoftDeleteKind::None:
        break;
    }
    return {};
}

} // namespace

const ForeignKey* foreignKeyOf(const TableInfo& table, const QString& column) {
    for (const ForeignKey& fk : table.foreignKeys)
        if (fk.columns.contains(column))
            return &fk;
    return nullptr;
}

QString defaultLabelColumn(const TableInfo& parent, const QStringList& keyColumns) {
    for (const ColumnInfo& c : parent.columns) {
        if (!c.isTextLike() || keyColumns.contains(c.name))
            continue;
        if (c.notNull)
            return c.name;
        for (const UniqueConstraint& u : parent.uniques)
            if (!u.isPartial && u.columns == QStringList{c.name})
                return c.name;
    }
    return {};
}

ForeignKeyPicker::ForeignKeyPicker(TableInfo parent, ForeignKey foreignKey, QString labelColumn)
    : m_parent(std::move(parent))
    , m_fk(std::move(foreignKey))
    , m_label(std::move(labelColumn)) {
    for (const QString& k : m_fk.refColumns)
        requireColumn(m_parent, k);
    if (!m_label.isEmpty())
        requireColumn(m_parent, m_label);
}

ForeignKeyPicker ForeignKeyPicker::forForeignKey(Connection& connection, const ForeignKey& foreignKey) {
    TableInfo parent = readTableForProfile(connection, foreignKey.refSchema, foreignKey.refTable);
    const ConventionOverride* o =
        findConventionOverride(connection.profile(), foreignKey.refSchema, foreignKey.refTable);
    QString label = o && o->labelColumn ? *o->labelColumn : defaultLabelColumn(parent, foreignKey.refColumns);
    return ForeignKeyPicker(std::move(parent), foreignKey, std::move(label));
}

ForeignKeyChoicePage ForeignKeyPicker::fetch(Connection& connection, const QString& search,
                                             const QStringList& after, int limit) const {
    if (!after.isEmpty() && after.size() != m_fk.refColumns.size())
        throwError(ErrorKind::Configuration, QStringLiteral("a picker page starts after a whole key"));
    Params params;
    auto bind = [&params](const QString& value, const QString& type) {
        params << Param(value.toUtf8());
        return QStringLiteral("$%1::%2").arg(QString::number(params.size()), type);
    };
    QStringList keys, select, where;
    for (const QString& k : m_fk.refColumns) {
        const ColumnInfo& c = requireColumn(m_parent, k);
        // Qualified: a bare ORDER BY name would sort by the select list's text output of the same name.
        keys << QStringLiteral("p.") + quoteIdentifier(c.name);
        select << quoteIdentifier(c.name) + QStringLiteral("::text");
        if (!c.notNull)
            where << quoteIdentifier(c.name) + QStringLiteral(" IS NOT NULL"); // never a referenced key
    }
    select << (m_label.isEmpty() ? QStringLiteral("NULL::text")
                                 : quoteIdentifier(m_label) + QStringLiteral("::text"));
    if (const QString active = activeCondition(m_parent); !active.isEmpty())
        where << active;
    if (!search.isEmpty()) {
        const QString pattern = bind(escapeLike(search), QStringLiteral("text"));
        QStringList any;
        QStringList searched = m_fk.refColumns;
        if (!m_label.isEmpty() && !searched.contains(m_label))
            searched << m_label;
        for (const QString& s : searched)
            any << QStringLiteral("%1::text ILIKE ('%' || %2 || '%') ESCAPE E'\\\\'")
                       .arg(quoteIdentifier(s), pattern);
        where << QLatin1Char('(') + any.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    if (!after.isEmpty()) {
        // The keyset seek: a row-value comparison the key's index answers, however deep the page.
        QStringList values;
        for (qsizetype i = 0; i < after.size(); ++i)
            values << bind(after[i], requireColumn(m_parent, m_fk.refColumns[i]).typeName);
        where << QStringLiteral("(%1) > (%2)")
                     .arg(keys.join(QStringLiteral(", ")), values.join(QStringLiteral(", ")));
        if (keys.size() == 1)
            where.last() = QStringLiteral("ROW(%1) > ROW(%2)").arg(keys.first(), values.first());
    }
    QString sql =
        QStringLiteral("SELECT %1 FROM %2 AS p").arg(select.join(QStringLiteral(", ")), qualified(m_parent));
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY %1 LIMIT %2")
               .arg(keys.join(QStringLiteral(", ")), QString::number(qMax(1, limit) + 1));

    const Result r = connection.exec(sql, params);
    ForeignKeyChoicePage page;
    const int keyCount = int(m_fk.refColumns.size());
    for (int row = 0; row < r.rowCount(); ++row) {
        if (row == qMax(1, limit)) {
            page.hasMore = true;
            break;
        }
        ForeignKeyChoice choice;
        for (int i = 0; i < keyCount; ++i)
            choice.key << r.text(row, i);
        if (!r.isNull(row, keyCount))
            choice.label = r.text(row, keyCount);
        page.rows << choice;
    }
    return page;
}

bool ForeignKeyPicker::exists(Connection& connection, const QList<std::optional<QString>>& values) const {
    if (values.size() != m_fk.refColumns.size())
        throwError(ErrorKind::Configuration, QStringLiteral("a foreign key value needs every key column"));
    Params params;
    QStringList conditions;
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (!values[i])
            return true; // MATCH SIMPLE: a NULL in the key references nothing and passes
        const ColumnInfo& c = requireColumn(m_parent, m_fk.refColumns[i]);
        params << Param(values[i]->toUtf8());
        conditions << QStringLiteral("%1 = $%2::%3")
                          .arg(quoteIdentifier(c.name), QString::number(params.size()), c.typeName);
    }
    const Result r = connection.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1 WHERE %2)")
                                         .arg(qualified(m_parent), conditions.join(QStringLiteral(" AND "))),
                                     params);
    return r.text(0, 0) == QLatin1String("t");
}

} // namespace pgdesk::core

namespace pgdesk::core {

QList<StagedForeignKeyValue> stagedForeignKeyValues(const TableInfo& table, const ChangeSet& changes,
                                                    const CurrentValue& current) {
    QList<StagedForeignKeyValue> out;
    for (qsizetype i = 0; i < changes.changes.size(); ++i) {
        const Change& change = changes.changes[i];
        if (change.op != ChangeOp::Update && change.op != ChangeOp::Insert)
            continue;
        auto staged = [&change](const QString& column) -> std::optional<std::optional<QString>> {
            for (const auto& [name, value] : change.values)
                if (name == column)
                    return value;
            return std::nullopt;
        };
        for (const ForeignKey& fk : table.foreignKeys) {
            bool touched = false;
            for (const QString& c : fk.columns)
                touched = touched || staged(c).has_value();
            if (!touched)
                continue;
            StagedForeignKeyValue v{fk, {}, i};
            bool complete = true;
            for (const QString& c : fk.columns) {
                std::optional<std::optional<QString>> value = staged(c);
                if (!value && change.op == ChangeOp::Update && current)
                    value = current(change.key, c);
                if (!value) {
                    complete = false;
                    break;
                }
                v.values << *value;
            }
            if (complete)
                out << v;
        }
    }
    return out;
}

QStringList findMissingParents(Connection& connection, const QList<StagedForeignKeyValue>& values) {
    QStringList missing;
    for (const StagedForeignKeyValue& v : values) {
        QStringList parts;
        for (qsizetype i = 0; i < v.values.size(); ++i)
            parts << QStringLiteral("%1 = %2").arg(v.foreignKey.columns[i],
                                                   v.values[i] ? *v.values[i] : QStringLiteral("NULL"));
        const QString parent = v.foreignKey.refSchema + QLatin1Char('.') + v.foreignKey.refTable;
        try {
            const ForeignKeyPicker picker(
                readTableForProfile(connection, v.foreignKey.refSchema, v.foreignKey.refTable), v.foreignKey,
                {});
            if (!picker.exists(connection, v.values))
                missing << QStringLiteral("%1: no row in %2").arg(parts.join(QStringLiteral(", ")), parent);
        } catch (const DataError& e) {
            missing << QStringLiteral("%1: not a key of %2 (%3)")
                           .arg(parts.join(QStringLiteral(", ")), parent, e.message());
        }
    }
    return missing;
}

} // namespace pgdesk::core
