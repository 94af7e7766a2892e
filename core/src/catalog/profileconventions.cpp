// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/catalog/profileconventions.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/profiles/connectionprofile.h>
#include <pgdesk/core/session/connection.h>

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
