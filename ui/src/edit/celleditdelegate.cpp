// SPDX-License-Identifier: GPL-3.0-or-later
#include "edit/celleditdelegate.h"
#include "edit/temporaledit.h"

#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/edit/editsession.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <pgdesk/core/editing/foreignkeypicker.h>

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QStyle>

#include <limits>

namespace pgdesk::ui {

namespace {
constexpr qsizetype kLineEditChars = 1000; // longer values edit in the dialog
}

const core::ColumnInfo* CellEditDelegate::columnOf(const QModelIndex& index) {
    const auto* model = qobject_cast<const PageModel*>(index.model());
    if (!model || !model->rowEdits() || index.column() >= model->page().columns.size())
        return nullptr;
    return model->rowEdits()->table().column(model->page().columns[index.column()].name);
}

bool CellEditDelegate::wantsDialog(const core::ColumnInfo& column) {
    return column.category == core::TypeCategory::Json || column.category == core::TypeCategory::Array;
}

bool CellEditDelegate::wantsTextDialog(const QModelIndex& index) {
    const QString text = index.data(Qt::EditRole).toString();
    return text.size() > kLineEditChars || text.contains(QLatin1Char('\n')) ||
           text.contains(QLatin1Char('\r'));
}

QWidget* CellEditDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                        const QModelIndex& index) const {
    if (const core::ColumnInfo* column = columnOf(index)) {
        if (wantsDialog(*column) || wantsTextDialog(index)) {
            // Not from inside the view's edit() call: the dialog opens once that has returned.
            QMetaObject::invokeMethod(
                const_cast<CellEditDelegate*>(this),
                [self = const_cast<CellEditDelegate*>(this), cell = QPersistentModelIndex(index)] {
                    if (cell.isValid())
                        emit self->structuredEditRequested(cell);
                },
                Qt::QueuedConnection);
            return nullptr;
        }
        if (column->category == core::TypeCategory::Enum && !column->enumLabels.isEmpty()) {
            auto* box = new QComboBox(parent);
            box->addItems(column->enumLabels);
            box->setAccessibleName(column->name);
            return box;
        }
        if (column->category == core::TypeCategory::Date || column->category == core::TypeCategory::Timestamp)
            return new TemporalEdit(column->category == core::TypeCategory::Timestamp, parent);
    }
    QWidget* editor = QStyledItemDelegate::createEditor(parent, option, index);
    auto* line = qobject_cast<QLineEdit*>(editor);
    if (line)
        line->setMaxLength(std::numeric_limits<int>::max()); // the default, 32,767, would cut the value
    const core::ColumnInfo* column = columnOf(index);
    const auto* model = qobject_cast<const PageModel*>(index.model());
    if (line && column && model) {
        if (const core::ForeignKey* fk = core::foreignKeyOf(model->rowEdits()->table(), column->name)) {
            auto* pick = new QAction(tr("Pick from %1").arg(fk->refTable), line);
            pick->setObjectName(QStringLiteral("pickForeignKey"));
            pick->setIcon(themedIcon(QStringLiteral("view-list-details")));
            pick->setShortcut(Qt::Key_F4);
            pick->setShortcutContext(Qt::WidgetShortcut);
            pick->setToolTip(tr("Pick from %1 (F4)").arg(fk->refTable));
            line->addAction(pick, QLineEdit::TrailingPosition);
            auto* self = const_cast<CellEditDelegate*>(this);
            connect(pick, &QAction::triggered, self, [self, line, cell = QPersistentModelIndex(index)] {
                // The typed text (if any) seeds the picker's search; the editor closes without staging it.
                line->setModified(false);
                emit self->closeEditor(line, QAbstractItemDelegate::NoHint);
                if (cell.isValid())
                    emit self->foreignKeyPickRequested(cell);
            });
        }
    }
    return editor;
}

void CellEditDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    const bool isNull = index.data(PageModel::IsNullRole).toBool();
    if (auto* box = qobject_cast<QComboBox*>(editor)) {
        // Enum labels are their own text; a boolean's items carry the server's text ("t"/"f") as data.
        const QString value = index.data(Qt::EditRole).toString();
        const int byText = box->findText(value);
        box->setCurrentIndex(isNull ? -1 : byText >= 0 ? byText : box->findData(value));
        box->setProperty("initialIndex", box->currentIndex());
        return;
    }
    if (auto* temporal = qobject_cast<TemporalEdit*>(editor)) {
        temporal->lineEdit()->setText(index.data(Qt::EditRole).toString());
        temporal->lineEdit()->setPlaceholderText(isNull ? QStringLiteral("NULL") : QString());
        temporal->lineEdit()->setModified(false);
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
    if (auto* line = qobject_cast<QLineEdit*>(editor)) {
        line->setPlaceholderText(isNull ? QStringLiteral("NULL") : QString());
        line->setModified(false);
    }
}

void CellEditDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                    const QModelIndex& index) const {
    if (auto* box = qobject_cast<QComboBox*>(editor)) {
        if (box->currentIndex() >= 0 && box->currentIndex() != box->property("initialIndex").toInt())
            model->setData(index, box->currentData().isValid() ? box->currentData() : box->currentText(),
                           Qt::EditRole);
        return;
    }
    if (auto* temporal = qobject_cast<TemporalEdit*>(editor)) {
        if (temporal->lineEdit()->isModified())
            model->setData(index, temporal->lineEdit()->text(), Qt::EditRole);
        return;
    }
    if (auto* line = qobject_cast<QLineEdit*>(editor); line && !line->isModified())
        return;
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace pgdesk::ui
