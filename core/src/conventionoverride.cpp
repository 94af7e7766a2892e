// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/catalogreader.h>
#include <pgdesk/core/connectionprofile.h>
#include <pgdesk/core/conventionoverride.h>

#include <pgdesk/core/catalogreader.h>
#include <pgdesk/core/connection.h>
#include <pgdesk/core/errors.h>

#include <QJsonArray>
#include <QSet>

namespace pgdesk::core {

namespace {

[[noreturn]] void invalid(const QString& message) {
    throwConfigurationError(QStringLiteral("conventions"), message);
}

const ColumnInfo& requireColumn(const TableInfo& table, const QString& name) {
    const ColumnInfo* c = table.column(name);
    if (!c) {
        ErrorInfo info;
        info.kind = ErrorKind::NotFound;
        info.message =
            QStringLiteral("convention override for %1: no column \"%2\"").arg(table.qualifiedName(), name);
        info.table = table.name;
        info.column = name;
        throwError(std::move(info));
    }
    return *c;
}

void checkAuditColumn(const TableInfo& table, const QString& name, const char* what) {
    if (name.isEmpty())
        return;
    const ColumnInfo& c = requireColumn(table, name);
    if (c.category != TypeCategory::Timestamp && c.category != TypeCategory::Date)
        invalid(QStringLiteral("convention override for %1: %2 column \"%3\" is %4, not a timestamp or date")
                    .arg(table.qualifiedName(), QLatin1String(what), name, c.typeName));
}

// The parts of an override that need no columns.
void applyUnchecked(Conventions& conv, const ConventionOverride& o) {
    if (o.rowKey) {
        if (*o.rowKey != conv.rowKey)
            conv.uuidKey = false; // the caller recomputes it when it knows the columns
        conv.rowKey = *o.rowKey;
        conv.rowKeySource = QStringLiteral("override");
    }
    if (o.softDelete) {
        conv.softDelete = *o.softDelete;
        conv.softDeleteColumn = *o.softDelete == SoftDeleteKind::None ? QString() : o.softDeleteColumn;
    }
    if (o.createdAtColumn)
        conv.createdAtColumn = *o.createdAtColumn;
    if (o.updatedAtColumn)
        conv.updatedAtColumn = *o.updatedAtColumn;
}

} // namespace

bool ConventionOverride::isEmpty() const {
    return !rowKey && !softDelete && !createdAtColumn && !updatedAtColumn && !labelColumn;
}

QStringList ConventionOverride::fields() const {
    QStringList f;
    if (rowKey)
        f << QStringLiteral("row_key");
    if (softDelete)
        f << QStringLiteral("soft_delete");
    if (createdAtColumn)
        f << QStringLiteral("created_at_column");
    if (updatedAtColumn)
        f << QStringLiteral("updated_at_column");
    if (labelColumn)
        f << QStringLiteral("label_column");
    return f;
}

void ConventionOverride::validate(const QString& key) const {
    if (key.isEmpty() || !key.contains(QLatin1Char('.')))
        invalid(QStringLiteral("convention override key \"%1\" must be \"schema.table\"").arg(key));
    if (rowKey) {
        if (rowKey->isEmpty())
            invalid(
                QStringLiteral("convention override for %1: the row key needs at least one column").arg(key));
        QSet<QString> seen;
        for (const auto& c : *rowKey) {
            if (c.isEmpty())
                invalid(QStringLiteral("convention override for %1: empty row key column name").arg(key));
            if (seen.contains(c))
                invalid(QStringLiteral("convention override for %1: row key column \"%2\" given twice")
                            .arg(key, c));
            seen.insert(c);
        }
    }
    if (softDelete) {
        if (*softDelete == SoftDeleteKind::None && !softDeleteColumn.isEmpty())
            invalid(
                QStringLiteral("convention override for %1: soft delete \"none\" takes no column").arg(key));
        if (*softDelete != SoftDeleteKind::None && softDeleteColumn.isEmpty())
            invalid(QStringLiteral("convention override for %1: soft delete %2 needs a column")
                        .arg(key, softDeleteKindName(*softDelete)));
    } else if (!softDeleteColumn.isEmpty()) {
        invalid(QStringLiteral("convention override for %1: a soft delete column needs a kind").arg(key));
    }
}

QJsonObject ConventionOverride::toJson() const {
    QJsonObject o;
    if (rowKey)
        o[QStringLiteral("row_key")] = QJsonArray::fromStringList(*rowKey);
    if (softDelete) {
        QJsonObject s{{QStringLiteral("kind"), softDeleteKindName(*softDelete)}};
        if (*softDelete != SoftDeleteKind::None)
            s[QStringLiteral("column")] = softDeleteColumn;
        o[QStringLiteral("soft_delete")] = s;
    }
    auto column = [](const QString& c) { return c.isEmpty() ? QJsonValue() : QJsonValue(c); };
    if (createdAtColumn)
        o[QStringLiteral("created_at_column")] = column(*createdAtColumn);
    if (updatedAtColumn)
        o[QStringLiteral("updated_at_column")] = column(*updatedAtColumn);
    if (labelColumn)
        o[QStringLiteral("label_column")] = column(*labelColumn);
    return o;
}

ConventionOverride ConventionOverride::fromJson(const QJsonValue& value, const QString& key) {
    if (!value.isObject())
        invalid(QStringLiteral("convention override for %1 must be an object").arg(key));
    const QJsonObject o = value.toObject();
    static const QStringList known = {QStringLiteral("row_key"), QStringLiteral("soft_delete"),
                                      QStringLiteral("created_at_column"),
                                      QStringLiteral("updated_at_column"), QStringLiteral("label_column")};
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!known.contains(it.key()))
            invalid(QStringLiteral("convention override for %1: unknown field \"%2\"").arg(key, it.key()));
    ConventionOverride r;
    if (o.contains(QStringLiteral("row_key"))) {
        const QJsonValue v = o.value(QStringLiteral("row_key"));
        if (!v.isArray())
            invalid(QStringLiteral("convention override for %1: row_key must be an array of column names")
                        .arg(key));
        QStringList columns;
        for (const auto& c : v.toArray()) {
            if (!c.isString())
                invalid(QStringLiteral("convention override for %1: row_key must be an array of column names")
                            .arg(key));
            columns << c.toString();
        }
        r.rowKey = columns;
    }
    if (o.contains(QStringLiteral("soft_delete"))) {
        const QJsonValue v = o.value(QStringLiteral("soft_delete"));
        if (v.isNull()) {
            r.softDelete = SoftDeleteKind::None;
        } else {
            const QJsonObject s = v.toObject();
            if (!v.isObject() || !s.value(QStringLiteral("kind")).isString())
                invalid(QStringLiteral("convention override for %1: soft_delete must be {\"kind\": …, "
                                       "\"column\": …}")
                            .arg(key));
            try {
                r.softDelete = softDeleteKindFromName(s.value(QStringLiteral("kind")).toString());
            } catch (const ConfigurationError& e) {
                invalid(QStringLiteral("convention override for %1: %2").arg(key, e.message()));
            }
            const QJsonValue column = s.value(QStringLiteral("column"));
            if (!column.isUndefined() && !column.isNull() && !column.isString())
                invalid(QStringLiteral("convention override for %1: soft_delete column must be a string")
                            .arg(key));
            r.softDeleteColumn = column.toString();
        }
    }
    auto auditColumn = [&](const QString& name) -> std::optional<QString> {
        if (!o.contains(name))
            return std::nullopt;
        const QJsonValue v = o.value(name);
        if (v.isNull())
            return QString();
        if (!v.isString())
            invalid(QStringLiteral("convention override for %1: %2 must be a string or null").arg(key, name));
        return v.toString();
    };
    r.createdAtColumn = auditColumn(QStringLiteral("created_at_column"));
    r.updatedAtColumn = auditColumn(QStringLiteral("updated_at_column"));
    r.labelColumn = auditColumn(QStringLiteral("label_column"));
    r.validate(key);
    return r;
}

QString conventionOverrideKey(const QString& schema, const QString& name) {
    return schema + QLatin1Char('.') + name;
}

SoftDeleteKind softDeleteKindFromName(const QString& name) {
    for (auto kind : {SoftDeleteKind::None, SoftDeleteKind::DeletedAtTimestamp, SoftDeleteKind::DeletedFlag,
                      SoftDeleteKind::ActiveFlag})
        if (softDeleteKindName(kind) == name)
            return kind;
    throwConfigurationError(
        QStringLiteral("soft_delete"),
        QStringLiteral("unknown soft delete kind \"%1\" (deleted_at, deleted_flag, active_flag or none)")
            .arg(name));
}

std::pair<SoftDeleteKind, QString> parseSoftDeleteSpec(const QString& spec) {
    const QString kind = spec.section(QLatin1Char(':'), 0, 0);
    const QString column = spec.contains(QLatin1Char(':')) ? spec.section(QLatin1Char(':'), 1) : QString();
    const bool hasColumn = spec.contains(QLatin1Char(':'));
    if (kind == QLatin1String("none") && !hasColumn)
        return {SoftDeleteKind::None, {}};
    if (kind == QLatin1String("deleted_at") && !hasColumn)
        return {SoftDeleteKind::DeletedAtTimestamp, QStringLiteral("deleted_at")};
    if (hasColumn && !column.isEmpty()) {
        if (kind == QLatin1String("deleted_at"))
            return {SoftDeleteKind::DeletedAtTimestamp, column};
        if (kind == QLatin1String("flag"))
            return {SoftDeleteKind::DeletedFlag, column};
        if (kind == QLatin1String("active"))
            return {SoftDeleteKind::ActiveFlag, column};
    }
    throwConfigurationError(
        QStringLiteral("soft_delete"),
        QStringLiteral("bad soft delete \"%1\" (deleted_at, deleted_at:COL, flag:COL, active:COL or none)")
            .arg(spec));
}

void applyConventionOverride(TableInfo& table, const ConventionOverride& o) {
    const QString name = table.qualifiedName();
    o.validate(conventionOverrideKey(table.schema, table.name));
    bool uuidKey = table.conventions.uuidKey;
    if (o.rowKey) {
        if (table.kind != RelationKind::Table && table.kind != RelationKind::PartitionedTable &&
            table.kind != RelationKind::ForeignTable)
            invalid(QStringLiteral("convention override for %1: a %2 cannot have a row key")
                        .arg(name, relationKindName(table.kind)));
        for (const auto& columnName : *o.rowKey) {
            const ColumnInfo& c = requireColumn(table, columnName);
            if (!c.notNull)
                invalid(QStringLiteral("convention override for %1: row key column \"%2\" is nullable (a row "
                                       "key needs NOT NULL columns)")
                            .arg(name, columnName));
        }
        uuidKey = o.rowKey->size() == 1 && table.column(o.rowKey->first())->category == TypeCategory::Uuid;
    }
    if (o.softDelete && *o.softDelete != SoftDeleteKind::None) {
        const ColumnInfo& c = requireColumn(table, o.softDeleteColumn);
        const bool timestamp = *o.softDelete == SoftDeleteKind::DeletedAtTimestamp;
        const bool fits =
            timestamp ? c.category == TypeCategory::Timestamp : c.category == TypeCategory::Boolean;
        if (!fits)
            invalid(QStringLiteral("convention override for %1: soft delete column \"%2\" is %3, not %4")
                        .arg(name, c.name, c.typeName,
                             timestamp ? QStringLiteral("a timestamp") : QStringLiteral("a boolean")));
    }
    if (o.createdAtColumn)
        checkAuditColumn(table, *o.createdAtColumn, "created-at");
    if (o.updatedAtColumn)
        checkAuditColumn(table, *o.updatedAtColumn, "updated-at");
    if (o.labelColumn && !o.labelColumn->isEmpty())
        requireColumn(table, *o.labelColumn);

    applyUnchecked(table.conventions, o);
    table.conventions.uuidKey = uuidKey;
}

const ConventionOverride* findConventionOverride(const ConnectionProfile& profile, const QString& schema,
                                                 const QString& name) {
    const auto it = profile.conventionOverrides.constFind(conventionOverrideKey(schema, name));
    return it == profile.conventionOverrides.constEnd() ? nullptr : &it.value();
}

void applyConventionOverride(TableInfo& table, const ConnectionProfile& profile) {
    if (const auto* o = findConventionOverride(profile, table.schema, table.name))
        applyConventionOverride(table, *o);
}

TableInfo readTableForProfile(Connection& connection, const QString& schema, const QString& name) {
    TableInfo table = CatalogReader(connection).table(schema, name);
    applyConventionOverride(table, connection.profile());
    return table;
}

TableInfo readTableForProfile(Connection& connection, const QString& qualifiedOrBareName) {
    TableInfo table = CatalogReader(connection).table(qualifiedOrBareName);
    applyConventionOverride(table, connection.profile());
    return table;
}

void applyConventionOverride(TableSummary& table, const ConnectionProfile& profile) {
    if (const auto* o = findConventionOverride(profile, table.schema, table.name))
        applyUnchecked(table.conventions, *o);
}

} // namespace pgdesk::core
