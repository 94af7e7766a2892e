// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/grid/celltext.h>
#include <pgdesk/ui/grid/griddelegate.h>
#include <pgdesk/ui/grid/pagemodel.h>
#include <pgdesk/ui/grid/rowedits.h>

#include <QPalette>

#include <optional>

namespace pgdesk::ui {

namespace {
std::optional<CellMark> markOf(int cell, RowEdits::RowState state) {
    if (cell & PageModel::ConflictRow)
        return CellMark::Conflict;
    switch (state) {
    case RowEdits::RowState::DeletePending:
        return CellMark::DeletePending;
    case RowEdits::RowState::RestorePending:
        return CellMark::RestorePending;
    case RowEdits::RowState::Inserted:
        return cell & PageModel::EditedCell ? CellMark::NewRow : CellMark::NewRowUnset;
    case RowEdits::RowState::None:
    case RowEdits::RowState::Updated:
    case RowEdits::RowState::SoftDeletePending:
        break;
    }
    if (cell & PageModel::EditedCell)
        return CellMark::Edited;
    return std::nullopt;
}
} // namespace

QStyleOptionViewItem GridDelegate::styleFor(const QModelIndex& index) const {
    QStyleOptionViewItem option;
    initStyleOption(&option, index);
    return option;
}

void GridDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const {
    QStyledItemDelegate::initStyleOption(option, index);
    const int cell = index.data(PageModel::CellStateRole).toInt(); // one call: painting asks for every cell
    const auto state = RowEdits::RowState(cell & PageModel::RowStateMask);
    const bool isNull = cell & PageModel::NullCell;
    const bool isDefault = cell & PageModel::DefaultCell;
    const bool deleted = cell & PageModel::DeletedRow;
    if (const auto mark = markOf(cell, state))
        option->backgroundBrush = cellBackground(*mark);
    bool strike = deleted;
    bool italic = isNull || isDefault;
    if (state == RowEdits::RowState::SoftDeletePending || state == RowEdits::RowState::DeletePending)
        strike = true;
    else if (state == RowEdits::RowState::RestorePending || isDefault)
        strike = false; // no longer struck through
    if (strike || italic) {
        option->font.setStrikeOut(strike);
        option->font.setItalic(italic);
        option->fontMetrics = QFontMetrics(option->font);
    }
    if (isNull || isDefault || deleted || (cell & PageModel::PlaceholderRow))
        option->palette.setBrush(QPalette::Text, QPalette().color(QPalette::Disabled, QPalette::Text));
    // Data in a right-to-left layout: isolated, so the paragraph neither reorders it nor changes its width
    // from the one the size hint measured (a value ending in "Jr." lost its last character to "…"). Only
    // the text drawn: the model's text, which copying and editors read, stays plain.
    if (option->direction == Qt::RightToLeft && !option->text.isEmpty())
        option->text = isolated(option->text, isolationFor(index.data(PageModel::TypeRole).toString()));
}

} // namespace pgdesk::ui
