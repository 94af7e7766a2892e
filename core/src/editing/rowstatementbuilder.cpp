// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/editing/rowstatementbuilder.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/sqlbuilder.h>

#include <QSet>

namespace pgdesk::core {

QString rowAndVersionList(const TableInfo& table) {
    if (table.hiddenColumns.isEmpty() && table.versionReadable)
        return QStringLiteral("*, xmin");
    QStringList list;
    for (const ColumnInfo& c : table.columns)
        list << quoteIdentifier(c.name);
    list << (table.versionReadable ? QStringLiteral("xmin") : QStringLiteral("NULL::xid AS xmin"));
    return list.join(QStringLiteral(", "));
}

QString returningRowAndVersion(const TableInfo& table) {
    return QStringLiteral(" RETURNING ") + rowAndVersionList(table);
}

QStringList columnNames(const Result& r) {
    QStringList names;
    for (int c = 0; c < r.columnCount() - 1; ++c)
        names << r.columnName(c);
    return names;
}

RowResult rowFromReturning(const Result& r, int row, const QStringList* columns) {
    RowResult out;
    const int n = r.columnCount() - 1;
    out.columns = columns && columns->size() == n ? *columns : columnNames(r);
    out.values.reserve(n);
    for (int c = 0; c < n; ++c)
        out.values << (r.isNull(row, c) ? std::nullopt : std::optional<QString>(r.text(row, c)));
    out.version = r.text(row, n);
    return out;
}

QString textArrayLiteral(const QList<std::optional<QString>>& elements) {
    qsizetype size = 2;
    for (const auto& e : elements)
        size += e ? e->size() + 3 : 5;
    QString out;
    out.reserve(size);
    out += QLatin1Char('{');
    for (qsizetype i = 0; i < elements.size(); ++i) {
        if (i)
            out += QLatin1Char(',');
        const auto& e = elements.at(i);
        if (!e) {
            out += QLatin1String("NULL");
            continue;
        }
        out += QLatin1Char('"');
        for (const QChar ch : *e) {
            if (ch == QLatin1Char('"') || ch == QLatin1Char('\\'))
                out += QLatin1Char('\\');
            out += ch;
        }
        out += QLatin1Char('"');
    }
    out += QLatin1Char('}');
    return out;
}

BatchStatement selectByKeys(const TableInfo& table, const QList<QList<std::optional<QString>>>& keyValues,
                            const QStringList& columns) {
    const QStringList& key = table.conventions.rowKey;
    const RowStatementBuilder builder(table);
    QStringList keyList, casts, shown;
    Params params;
    for (qsizetype k = 0; k < key.size(); ++k) {
        keyList << quoteIdentifier(key.at(k));
        casts << QStringLiteral("$%1::text[]::%2[]")
                     .arg(QString::number(k + 1), RowStatementBuilder::castType(builder.column(key.at(k))));
        params << param(textArrayLiteral(keyValues.value(k)));
    }
    for (const QString& c : columns)
        shown << quoteIdentifier(c);
    const QString list = keyList.join(QStringLiteral(", "));
    return {
        QStringLiteral("SELECT %1, xmin, %2 FROM %3 WHERE (%1) IN (SELECT * FROM unnest(%4))")
            .arg(list, shown.join(QStringLiteral(", ")), builder.target(), casts.join(QStringLiteral(", "))),
        params};
}

QString describeKey(const Key& key) {
    QStringList parts;
    for (const auto& [name, value] : key)
        parts << name + QLatin1Char('=') + value.value_or(QStringLiteral("NULL"));
    return QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

RowStatementBuilder::RowStatementBuilder(const TableInfo& table, LiteralQuoter quoter)
    : m_table(table)
    , m_quoter(std::move(quoter)) {
}

QString RowStatementBuilder::target() const {
    return quoteIdentifier(m_table.schema) + QLatin1Char('.') + quoteIdentifier(m_table.name);
}

const ColumnInfo& RowStatementBuilder::column(const QString& name) const {
    if (const ColumnInfo* c = m_table.column(name))
        return *c;
    throwError(ErrorKind::NotFound,
               QStringLiteral("column \"%1\" does not exist in table %2").arg(name, m_table.qualifiedName()));
}

QString RowStatementBuilder::bind(const std::optional<QString>& value, const QString& type) {
    QString placeholder;
    if (m_quoter) {
        placeholder = value ? m_quoter(*value) : QStringLiteral("NULL");
    } else {
        m_params << (value ? param(*value) : nullParam());
        placeholder = QLatin1Char('$') + QString::number(m_params.size());
    }
    return type.isEmpty() ? placeholder : placeholder + QStringLiteral("::") + type;
}

QString RowStatementBuilder::bindColumn(const ColumnInfo& c, const std::optional<QString>& value) {
    if (value)
        m_casts << CastValue{c.name, castType(c), *value};
    return bind(value, castType(c));
}

void RowStatementBuilder::requireRowKey() const {
    if (m_table.conventions.rowKey.isEmpty())
        throwError(ErrorKind::Configuration,
                   QStringLiteral("table has no row key; editing by ctid is an explicit opt-in"));
}

QString RowStatementBuilder::keyCondition(const Key& key) {
    requireRowKey();
    const QStringList& rowKey = m_table.conventions.rowKey;
    const auto wrongColumns = [&] {
        throwError(ErrorKind::Configuration,
                   QStringLiteral("key columns must be exactly the row key (%1) of %2")
                       .arg(rowKey.join(QStringLiteral(", ")), m_table.qualifiedName()));
    };
    QSet<QString> named;
    for (const auto& [name, value] : key) {
        if (!rowKey.contains(name) || named.contains(name))
            wrongColumns();
        if (!value)
            throwError(ErrorKind::Configuration,
                       QStringLiteral("key column \"%1\" cannot be NULL").arg(name));
        named.insert(name);
    }
    if (named.size() != rowKey.size())
        wrongColumns();
    // In row-key order, so the statement text is the same whatever order the caller used.
    QStringList parts;
    for (const QString& name : rowKey) {
        for (const auto& [keyName, value] : key) {
            if (keyName != name)
                continue;
            const ColumnInfo& c = column(name);
            parts << quoteIdentifier(c.name) + QStringLiteral(" = ") + bindColumn(c, value);
        }
    }
    return parts.join(QStringLiteral(" AND "));
}

QString RowStatementBuilder::ctidCondition(const QString& ctid) {
    return QStringLiteral("ctid = ") + bind(ctid, QStringLiteral("tid"));
}

QString RowStatementBuilder::versionCondition(const QString& version) {
    return QStringLiteral("xmin = ") + bind(version, QStringLiteral("xid"));
}

QString RowStatementBuilder::originalCondition(const Row& original) {
    QStringList parts;
    for (const auto& [name, value] : original) {
        const ColumnInfo& c = column(name);
        const QString quoted = quoteIdentifier(c.name);
        if (!value) {
            parts << quoted + QStringLiteral(" IS NULL");
            continue;
        }
        // The column's own type, modifiers included: the value came from it, and char(n)'s padding is only
        // dropped the same way on both sides when both are char(n).
        const QString type = c.typeName.isEmpty() ? castType(c) : c.typeName;
        parts << QStringLiteral("%1::text IS NOT DISTINCT FROM (%2)::text").arg(quoted, bind(value, type));
    }
    return parts.join(QStringLiteral(" AND "));
}

QStringList RowStatementBuilder::assignments(const Row& set, QStringList* columns,
                                             const QStringList& defaults) {
    QStringList out;
    QStringList seen;
    const auto use = [&](const QString& name) -> const ColumnInfo& {
        const ColumnInfo& c = column(name);
        requireWritable(c);
        if (seen.contains(c.name))
            throwError(ErrorKind::Configuration, QStringLiteral("column \"%1\" given twice").arg(name));
        seen << c.name;
        return c;
    };
    for (const auto& [name, value] : set) {
        const ColumnInfo& c = use(name);
        out << quoteIdentifier(c.name) + QStringLiteral(" = ") + bindColumn(c, value);
    }
    for (const QString& name : defaults)
        out << quoteIdentifier(use(name).name) + QStringLiteral(" = DEFAULT");
    if (columns)
        *columns << seen;
    return out;
}

QString RowStatementBuilder::touchUpdatedAt(const QStringList& setColumns) const {
    const Conventions& conv = m_table.conventions;
    if (conv.updatedAtColumn.isEmpty() || conv.updatedAtByTrigger ||
        setColumns.contains(conv.updatedAtColumn) || !m_table.column(conv.updatedAtColumn))
        return {};
    return quoteIdentifier(conv.updatedAtColumn) + QStringLiteral(" = now()");
}

QString RowStatementBuilder::softDeleteAssignment(bool deleted) const {
    const Conventions& conv = m_table.conventions;
    QString value;
    switch (conv.softDelete) {
    case SoftDeleteKind::DeletedAtTimestamp:
        value = deleted ? QStringLiteral("now()") : QStringLiteral("NULL");
        break;
    case SoftDeleteKind::DeletedFlag:
        value = deleted ? QStringLiteral("true") : QStringLiteral("false");
        break;
    case SoftDeleteKind::ActiveFlag:
        value = deleted ? QStringLiteral("false") : QStringLiteral("true");
        break;
    case SoftDeleteKind::None:
        break;
    }
    if (value.isEmpty() || conv.softDeleteColumn.isEmpty())
        throwError(ErrorKind::Configuration,
                   QStringLiteral("table %1 has no soft-delete convention").arg(m_table.qualifiedName()));
    return quoteIdentifier(conv.softDeleteColumn) + QStringLiteral(" = ") + value;
}

QString RowStatementBuilder::softDeletedCondition(bool deleted) const {
    const Conventions& conv = m_table.conventions;
    softDeleteAssignment(deleted); // the same checks
    const QString col = quoteIdentifier(conv.softDeleteColumn);
    const QString flag = QStringLiteral("coalesce(%1, false)").arg(col);
    switch (conv.softDelete) {
    case SoftDeleteKind::DeletedAtTimestamp:
        return deleted ? col + QStringLiteral(" IS NOT NULL") : col + QStringLiteral(" IS NULL");
    case SoftDeleteKind::DeletedFlag:
        return deleted ? flag : QStringLiteral("NOT ") + flag;
    case SoftDeleteKind::ActiveFlag:
        return deleted ? QStringLiteral("NOT ") + flag : flag;
    case SoftDeleteKind::None:
        break;
    }
    return {};
}

void RowStatementBuilder::seedParams(const Params& params) {
    if (!m_params.isEmpty() || m_quoter)
        throwError(ErrorKind::Query,
                   QStringLiteral("parameters can only be seeded before any value is bound"));
    m_params = params;
}

QString RowStatementBuilder::castType(const ColumnInfo& c) {
    QString type = c.typeName;
    if ((!c.domainName.isEmpty() || type.isEmpty()) && !c.baseTypeName.isEmpty())
        type = c.baseTypeName;
    // "interval day to second(3)": the field restriction is a modifier too.
    if (type.startsWith(QLatin1String("interval")))
        return type.endsWith(QLatin1String("[]")) ? QStringLiteral("interval[]") : QStringLiteral("interval");
    QString out;
    out.reserve(type.size());
    bool quoted = false;
    for (qsizetype i = 0; i < type.size(); ++i) {
        const QChar ch = type.at(i);
        if (ch == QLatin1Char('"'))
            quoted = !quoted;
        if (!quoted && ch == QLatin1Char('(')) {
            // Skip "(digits[,digits])" outside quoted names.
            qsizetype j = i + 1;
            while (j < type.size() &&
                   (type.at(j).isDigit() || type.at(j) == QLatin1Char(',') || type.at(j) == QLatin1Char(' ')))
                ++j;
            if (j < type.size() && type.at(j) == QLatin1Char(')') && j > i + 1) {
                i = j;
                continue;
            }
        }
        out += ch;
    }
    // Without its length, "character" means character(1) and "bit" bit(1): an explicit cast to those
    // would truncate silently. Cast to the unbounded relative instead and let the assignment to the
    // column check the length (an error, never a quietly shortened value).
    const bool array = out.endsWith(QLatin1String("[]"));
    const QString element = array ? out.chopped(2) : out;
    if (element == QLatin1String("character"))
        return array ? QStringLiteral("text[]") : QStringLiteral("text");
    if (element == QLatin1String("bit"))
        return array ? QStringLiteral("bit varying[]") : QStringLiteral("bit varying");
    return out;
}

void RowStatementBuilder::requireWritable(const ColumnInfo& c) {
    if (c.isGenerated)
        throwError(ErrorKind::Configuration,
                   QStringLiteral("column \"%1\" is a generated column and cannot be written").arg(c.name));
    if (c.isIdentity && c.identityAlways)
        throwError(ErrorKind::Configuration,
                   QStringLiteral("column \"%1\" is GENERATED ALWAYS AS IDENTITY and cannot be written")
                       .arg(c.name));
}

QString selectRowAndVersion(const TableInfo& table, const RowStatementBuilder& builder,
                            const QString& where) {
    return QStringLiteral("SELECT %1 FROM %2 WHERE %3")
        .arg(rowAndVersionList(table), builder.target(), where);
}

} // namespace pgdesk::core
