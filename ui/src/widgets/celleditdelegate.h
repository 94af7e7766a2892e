#pragma once

#include <QStyledItemDelegate>

namespace pgdesk::ui {

// The grid's cell editor: the default line edit, except that a value is only staged when the text was
// actually changed. Opening the editor on a NULL cell and leaving it must not turn NULL into '' (the line
// edit cannot tell them apart), and re-committing an untouched value must not stage a no-op. NULL cells
// show "NULL" as a placeholder.
class CellEditDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
};

} // namespace pgdesk::ui
