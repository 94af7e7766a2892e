// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/page.h>
#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/catalog/catalog.h>

#include <functional>
#include <memory>

class QMenu;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

// Where a relationship link leads: a table, filtered to the related rows, in a scope.
struct RelatedRows {
    QString schema;
    QString table;
    core::FilterGroup filter;
    core::SoftDeleteScope scope = core::SoftDeleteScope::Active;
};

// One row's values as read (exact text, nullopt = NULL), parallel to its columns.
using RowValues = QList<std::optional<QString>>;

// The desktop form of ORM relationships, for one row:
//  - "Open referenced <table>" for each foreign key of the table (all scopes, so a soft-deleted parent
//    still shows); disabled when the row's key columns are NULL;
//  - a "Referencing rows" submenu with every table that references this row; the number of rows each
//    holds is counted off the GUI thread and filled into the open menu as it arrives.
// Values are the row's exact text; the opened tab filters with bound parameters like any filter.
void addRelationActions(QMenu* menu, std::shared_ptr<core::Pool> pool, const core::TableInfo& table,
                        const QList<core::PageColumn>& columns, const RowValues& row,
                        const std::function<void(const RelatedRows&)>& open);

// Pure: the filter that selects the rows of `to` whose `toColumns` equal the row's `fromColumns`, or
// std::nullopt when one of them is NULL (SQL equality never matches NULL) or missing from the row.
std::optional<core::FilterGroup> relationFilter(const QList<core::PageColumn>& columns, const RowValues& row,
                                                const QStringList& fromColumns, const QStringList& toColumns);

} // namespace pgdesk::ui
