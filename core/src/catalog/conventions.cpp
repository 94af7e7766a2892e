// SPDX-License-Identifier: GPL-3.0-or-later
// Convention detection (row key, soft delete, audit columns) and the names of kinds and categories.
#include "catalog/conventionnames.h"

#include <pgdesk/core/catalog/catalogreader.h>

#include <algorithm>
#include <array>

namespace pgdesk::core {

using namespace conventionnames;

namespace {

bool isTimeLike(const ColumnInfo& c) {
    return c.category == TypeCategory::Timestamp || c.category == TypeCategory::Date;
}

// The first existing column among `names` (in that priority) that passes `fits`.
template <std::size_t N>
const ColumnInfo* firstColumn(const TableInfo& table, const std::array<const char*, N>& names,
                              bool (*fits)(const ColumnInfo&)) {
    for (const char* name : names) {
        const ColumnInfo* c = table.column(QLatin1String(name));
        if (c && fits(*c))
            return c;
    }
    return nullptr;
}

} // namespace

Conventions detectConventions(const TableInfo& table, bool hasBeforeUpdateRowTrigger) {
    Conventions conv;
    // Only real tables get a row key: views are read-only here, and a materialized view cannot be
    // edited even when a unique index identifies its rows.
    const bool keyable = table.kind == RelationKind::Table || table.kind == RelationKind::PartitionedTable ||
                         table.kind == RelationKind::ForeignTable;
    if (keyable) {
        // A key the role may not read (column privileges) cannot name rows either.
        const auto readable = [&](const UniqueConstraint& u) {
            return std::all_of(u.columns.begin(), u.columns.end(),
                               [&](const QString& n) { return table.column(n) != nullptr; });
        };
        for (const auto& u : table.uniques) {
            if (u.isPrimaryKey && !u.columns.isEmpty() && readable(u)) {
                conv.rowKey = u.columns;
                conv.rowKeySource = QStringLiteral("primary_key");
                break;
            }
        }
        // Without a primary key, a unique constraint (or plain unique index) identifies rows only when
        // every column is NOT NULL (NULLs are distinct) and it covers the whole table (not partial).
        if (conv.rowKey.isEmpty()) {
            for (const auto& u : table.uniques) {
                if (u.isPartial || u.columns.isEmpty())
                    continue;
                const bool allNotNull =
                    std::all_of(u.columns.begin(), u.columns.end(), [&](const QString& n) {
                        const ColumnInfo* c = table.column(n);
                        return c && c->notNull;
                    });
                if (allNotNull) {
                    conv.rowKey = u.columns;
                    conv.rowKeySource = QStringLiteral("unique:") + u.name;
                    break;
                }
            }
        }
    }
    if (conv.rowKey.size() == 1) {
        const ColumnInfo* c = table.column(conv.rowKey.first());
        conv.uuidKey = c && c->category == TypeCategory::Uuid;
    }

    // Soft delete, first match in priority order: only these exact names (README), never a name that
    // merely contains one (pagila's customer.activebool is a plain attribute: guessing hid its rows).
    auto isBool = [](const ColumnInfo& c) { return c.category == TypeCategory::Boolean; };
    auto isTimestamp = [](const ColumnInfo& c) { return c.category == TypeCategory::Timestamp; };
    if (const auto* c = firstColumn(table, kDeletedAtNames, isTimestamp)) {
        conv.softDelete = SoftDeleteKind::DeletedAtTimestamp;
        conv.softDeleteColumn = c->name;
    } else if (const auto* c = firstColumn(table, kDeletedFlagNames, isBool)) {
        conv.softDelete = SoftDeleteKind::DeletedFlag;
        conv.softDeleteColumn = c->name;
    } else if (const auto* c = firstColumn(table, kActiveFlagNames, isBool)) {
        conv.softDelete = SoftDeleteKind::ActiveFlag;
        conv.softDeleteColumn = c->name;
    }

    // Audit columns must hold a point in time; a boolean "updated" is not one.
    if (const auto* c = firstColumn(table, kCreatedAtNames, isTimeLike))
        conv.createdAtColumn = c->name;
    if (const auto* c = firstColumn(table, kUpdatedAtNames, isTimeLike))
        conv.updatedAtColumn = c->name;
    conv.updatedAtByTrigger = hasBeforeUpdateRowTrigger;
    return conv;
}

QString typeCategoryName(TypeCategory category) {
    switch (category) {
    case TypeCategory::Boolean:
        return QStringLiteral("boolean");
    case TypeCategory::Integer:
        return QStringLiteral("integer");
    case TypeCategory::Numeric:
        return QStringLiteral("numeric");
    case TypeCategory::Float:
        return QStringLiteral("float");
    case TypeCategory::Text:
        return QStringLiteral("text");
    case TypeCategory::Uuid:
        return QStringLiteral("uuid");
    case TypeCategory::Date:
        return QStringLiteral("date");
    case TypeCategory::Time:
        return QStringLiteral("time");
    case TypeCategory::Timestamp:
        return QStringLiteral("timestamp");
    case TypeCategory::Interval:
        return QStringLiteral("interval");
    case TypeCategory::Json:
        return QStringLiteral("json");
    case TypeCategory::Array:
        return QStringLiteral("array");
    case TypeCategory::Bytea:
        return QStringLiteral("bytea");
    case TypeCategory::Network:
        return QStringLiteral("network");
    case TypeCategory::Range:
        return QStringLiteral("range");
    case TypeCategory::Enum:
        return QStringLiteral("enum");
    case TypeCategory::TsVector:
        return QStringLiteral("tsvector");
    case TypeCategory::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

} // namespace pgdesk::core
