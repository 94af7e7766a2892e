// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/catalog/catalog.h>

#include <algorithm>

namespace pgdesk::core {

QString relationKindName(RelationKind kind) {
    switch (kind) {
    case RelationKind::Table:
        return QStringLiteral("table");
    case RelationKind::PartitionedTable:
        return QStringLiteral("partitioned_table");
    case RelationKind::View:
        return QStringLiteral("view");
    case RelationKind::MaterializedView:
        return QStringLiteral("materialized_view");
    case RelationKind::ForeignTable:
        return QStringLiteral("foreign_table");
    case RelationKind::Query:
        return QStringLiteral("query");
    }
    return QStringLiteral("table");
}

RelationKind relationKindFromRelkind(const QString& relkind) {
    if (relkind == QLatin1String("p"))
        return RelationKind::PartitionedTable;
    if (relkind == QLatin1String("v"))
        return RelationKind::View;
    if (relkind == QLatin1String("m"))
        return RelationKind::MaterializedView;
    if (relkind == QLatin1String("f"))
        return RelationKind::ForeignTable;
    return RelationKind::Table;
}

bool ColumnInfo::isTextLike() const {
    // Enums compare and filter like text (their labels); citext and name fall in Text via the category.
    return category == TypeCategory::Text || category == TypeCategory::Enum;
}

QString TableInfo::qualifiedName() const {
    return schema + QLatin1Char('.') + name;
}

const ColumnInfo* TableInfo::column(const QString& columnName) const {
    for (const auto& c : columns)
        if (c.name == columnName)
            return &c;
    return nullptr;
}

QList<ColumnInfo> TableInfo::allColumns() const {
    QList<ColumnInfo> all = columns;
    all << hiddenColumns;
    std::stable_sort(all.begin(), all.end(),
                     [](const ColumnInfo& a, const ColumnInfo& b) { return a.number < b.number; });
    return all;
}

bool canEditByCtid(const TableInfo& table) {
    // Rows found by ctid are guarded by their version: without a readable xmin there is no guard.
    return table.kind == RelationKind::Table && table.conventions.rowKey.isEmpty() && table.versionReadable &&
           !table.column(QStringLiteral("ctid"));
}

TableInfo tableWithCtidKey(TableInfo table) {
    if (!canEditByCtid(table))
        return table;
    ColumnInfo ctid;
    ctid.name = QStringLiteral("ctid");
    ctid.typeName = QStringLiteral("tid");
    ctid.baseTypeName = ctid.typeName;
    ctid.category = TypeCategory::Other;
    ctid.notNull = true;
    ctid.isGenerated = true; // never written
    ctid.comment = QStringLiteral("physical row position (editing by ctid)");
    table.columns.prepend(ctid);
    table.conventions.rowKey = {ctid.name};
    table.conventions.rowKeySource = QStringLiteral("ctid");
    table.conventions.uuidKey = false;
    return table;
}

bool isCtidKeyed(const TableInfo& table) {
    return table.conventions.rowKeySource == QLatin1String("ctid");
}

TableInfo tableWithoutCtidKey(TableInfo table) {
    if (!isCtidKeyed(table))
        return table;
    table.columns.removeIf(
        [](const ColumnInfo& c) { return c.name == QLatin1String("ctid") && c.number == 0; });
    table.conventions.rowKey.clear();
    table.conventions.rowKeySource.clear();
    return table;
}

} // namespace pgdesk::core
