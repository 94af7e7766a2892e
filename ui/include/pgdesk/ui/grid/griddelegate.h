// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace pgdesk::ui {

// How a PageModel's cells look, from the model's meaning roles (IsNullRole, IsDeletedRole, RowStateRole,
// IsEditedRole, IsConflictRole, IsDefaultRole, IsPlaceholderRole): NULL and DEFAULT in italics and dimmed,
// soft-deleted rows and rows pending deletion struck through, staged, new, restored, deleted and
// conflicting cells on their theme colours (theme.h cellBackground). The model says what a cell is; this
// says how it is drawn, so the colours follow the theme in force and the model holds no fonts or brushes.
// In a right-to-left layout the text drawn is isolated (celltext.h isolated()); the model's stays plain.
class GridDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The option a cell is painted with (font, text colour, background).
    QStyleOptionViewItem styleFor(const QModelIndex& index) const;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

} // namespace pgdesk::ui
