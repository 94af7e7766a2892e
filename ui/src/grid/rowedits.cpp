// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/grid/rowedits.h>

namespace pgdesk::ui {

bool RowEdits::isColumnUpdatable(const QString& column) const {
    const core::ColumnInfo* info = table().column(column);
    return info && !info->isGenerated && !info->identityAlways && info->canUpdate;
}

bool RowEdits::isColumnInsertable(const QString& column) const {
    const core::ColumnInfo* info = table().column(column);
    return info && !info->isGenerated && !info->identityAlways && info->canInsert;
}

} // namespace pgdesk::ui
