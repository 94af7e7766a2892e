#include <pgdesk/core/catalog.h>

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

} // namespace pgdesk::core
