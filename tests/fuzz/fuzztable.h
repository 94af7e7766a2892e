// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog/catalog.h>

namespace pgdesk::fuzz {

// A table of every column family the filters, sorts and change sets treat differently, built in code: the
// fuzz targets exercise the pure parsers and SQL builders without a server.
inline core::ColumnInfo column(const char* name, const char* type, core::TypeCategory category) {
    core::ColumnInfo c;
    c.name = QString::fromLatin1(name);
    c.typeName = QString::fromLatin1(type);
    c.baseTypeName = c.typeName;
    c.category = category;
    if (category == core::TypeCategory::Array)
        c.elementTypeName = QStringLiteral("text");
    if (category == core::TypeCategory::Enum)
        c.enumLabels = {QStringLiteral("draft"), QStringLiteral("active")};
    return c;
}

// keyed: "public.t" with primary key id, soft delete by deleted_at and an updated_at column; otherwise the
// same columns without a row key (edited by ctid only).
inline core::TableInfo table(bool keyed = true) {
    using core::TypeCategory;
    core::TableInfo t;
    t.schema = QStringLiteral("public");
    t.name = QStringLiteral("t");
    t.columns = {column("id", "bigint", TypeCategory::Integer),
                 column("name", "text", TypeCategory::Text),
                 column("price", "numeric(12,2)", TypeCategory::Numeric),
                 column("ratio", "double precision", TypeCategory::Float),
                 column("ok", "boolean", TypeCategory::Boolean),
                 column("tags", "text[]", TypeCategory::Array),
                 column("attrs", "jsonb", TypeCategory::Json),
                 column("tsv", "tsvector", TypeCategory::TsVector),
                 column("status", "public.status", TypeCategory::Enum),
                 column("born", "date", TypeCategory::Date),
                 column("updated_at", "timestamp with time zone", TypeCategory::Timestamp),
                 column("deleted_at", "timestamp with time zone", TypeCategory::Timestamp)};
    t.columns[0].notNull = true;
    t.columns.append(column("total", "numeric", TypeCategory::Numeric));
    t.columns.last().isGenerated = true;
    for (int i = 0; i < t.columns.size(); ++i)
        t.columns[i].number = i + 1;
    t.privileges = {true, true, true, true};
    if (keyed) {
        t.uniques = {core::UniqueConstraint{QStringLiteral("t_pkey"), {QStringLiteral("id")}, true}};
        t.conventions.rowKey = {QStringLiteral("id")};
        t.conventions.rowKeySource = QStringLiteral("primary_key");
        t.conventions.softDelete = core::SoftDeleteKind::DeletedAtTimestamp;
        t.conventions.softDeleteColumn = QStringLiteral("deleted_at");
    }
    t.conventions.updatedAtColumn = QStringLiteral("updated_at");
    return t;
}

} // namespace pgdesk::fuzz
