// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/ui/grid/griddelegate.h>

namespace pgdesk::core {
struct ColumnInfo;
}

namespace pgdesk::ui {

// The grid's cell editors, by the column's type (the cells look as GridDelegate draws them):
//  - enums: a drop-down of the type's labels, in the type's order;
//  - date and timestamp columns: the exact text (microseconds and time zone stay as typed) with a
//    calendar button that replaces only the date part;
//  - json/jsonb and arrays: no inline editor; structuredEditRequested() asks for the dialog editor
//    (ValueEditorDialog) instead;
//  - foreign-key columns: a line edit (a typed value is checked before Apply) with a "Pick from <parent>"
//    button (object name "pickForeignKey", also F4) that asks for the picker (foreignKeyPickRequested());
//  - the rest: a line edit.
// A value is only staged when the text was actually changed: opening the editor on a NULL cell and leaving
// it must not turn NULL into '' (the line edit cannot tell them apart), and re-committing an untouched
// value must not stage a no-op. NULL cells show "NULL" as a placeholder.
class CellEditDelegate final : public GridDelegate {
    Q_OBJECT
public:
    using GridDelegate::GridDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

    // The catalog's column behind a cell of a PageModel with an edit session (nullptr otherwise).
    static const core::ColumnInfo* columnOf(const QModelIndex& index);
    static bool wantsDialog(const core::ColumnInfo& column);
    // The cell's value is one a line edit cannot hold well (long, or with line breaks): the dialog editor
    // (ValueEditorDialog's Text kind) takes it instead.
    static bool wantsTextDialog(const QModelIndex& index);

signals:
    void structuredEditRequested(const QModelIndex& index);
    void foreignKeyPickRequested(const QModelIndex& index);
};

} // namespace pgdesk::ui
