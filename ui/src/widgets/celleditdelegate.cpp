#include "celleditdelegate.h"

#include <pgdesk/ui/pagemodel.h>

#include <QLineEdit>

namespace pgdesk::ui {

void CellEditDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    QStyledItemDelegate::setEditorData(editor, index);
    if (auto* line = qobject_cast<QLineEdit*>(editor)) {
        line->setPlaceholderText(index.data(PageModel::IsNullRole).toBool() ? QStringLiteral("NULL")
                                                                            : QString());
        line->setModified(false);
    }
}

void CellEditDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                    const QModelIndex& index) const {
    if (auto* line = qobject_cast<QLineEdit*>(editor); line && !line->isModified())
        return;
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace pgdesk::ui
