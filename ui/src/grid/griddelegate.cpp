#include <pgdesk/ui/editsession.h>
#include <pgdesk/ui/griddelegate.h>
#include <pgdesk/ui/pagemodel.h>
#include <pgdesk/ui/theme.h>

#include <QPalette>

#include <optional>

namespace pgdesk::ui {

namespace {
std::optional<CellMark> markOf(const QModelIndex& index, EditSession::RowState state) {
    if (index.data(PageModel::IsConflictRole).toBool())
        return CellMark::Conflict;
    switch (state) {
    case EditSession::RowState::DeletePending:
        return CellMark::DeletePending;
    case EditSession::RowState::RestorePending:
        return CellMark::RestorePending;
    case EditSession::RowState::Inserted:
        return index.data(PageModel::IsEditedRole).toBool() ? CellMark::NewRow : CellMark::NewRowUnset;
    case EditSession::RowState::None:
    case EditSession::RowState::Updated:
    case EditSession::RowState::SoftDeletePending:
        break;
    }
    if (index.data(PageModel::IsEditedRole).toBool())
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
    const auto state = EditSession::RowState(index.data(PageModel::RowStateRole).toInt());
    const bool isNull = index.data(PageModel::IsNullRole).toBool();
    const bool isDefault = index.data(PageModel::IsDefaultRole).toBool();
    const bool deleted = index.data(PageModel::IsDeletedRole).toBool();
    if (const auto mark = markOf(index, state))
        option->backgroundBrush = cellBackground(*mark);
    bool strike = deleted;
    bool italic = isNull || isDefault;
    if (state == EditSession::RowState::SoftDeletePending || state == EditSession::RowState::DeletePending)
        strike = true;
    else if (state == EditSession::RowState::RestorePending || isDefault)
        strike = false; // no longer struck through
    if (strike || italic) {
        option->font.setStrikeOut(strike);
        option->font.setItalic(italic);
        option->fontMetrics = QFontMetrics(option->font);
    }
    if (isNull || isDefault || deleted || index.data(PageModel::IsPlaceholderRole).toBool())
        option->palette.setBrush(QPalette::Text, QPalette().color(QPalette::Disabled, QPalette::Text));
}

} // namespace pgdesk::ui
