// SPDX-License-Identifier: GPL-3.0-or-later
// TableEditor, continued: one value at a time, in the value editor or to and from a file (bytea).
#include "edit/celleditdelegate.h"
#include "grid/wholevalueloader.h"

#include <pgdesk/ui/edit/tableeditor.h>
#include <pgdesk/ui/edit/valueeditordialog.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <QFile>
#include <QLocale>

#include <algorithm>

namespace pgdesk::ui {

namespace {

// A text editor lays a line out whole on the GUI thread (a 256 Ki-character line takes seconds): values
// beyond these are replaced whole (NULL, a file, SQL), not edited.
constexpr qsizetype kMaxEditChars = 4 * 1024 * 1024;
constexpr qsizetype kMaxEditLine = 128 * 1024;

qsizetype longestLine(const QString& text) {
    qsizetype longest = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == QLatin1Char('\n')) {
            longest = std::max(longest, i - start);
            start = i + 1;
        }
    }
    return longest;
}

} // namespace

ValueEditorDialog* TableEditor::editValue(const QModelIndex& cell) {
    const core::ColumnInfo* column = CellEditDelegate::columnOf(cell);
    if (m_whole && column && m_model->canStage(cell) && m_model->isCut(cell.row(), cell.column())) {
        m_whole->ensureWhole({cell}, [this](const QModelIndexList& cells) { editValue(cells.first()); });
        return nullptr; // opens once the whole value is here
    }
    if (!column || !(m_model->flags(cell) & Qt::ItemIsEditable) || isApplying())
        return nullptr;
    const std::optional<QString> value = m_model->value(cell.row(), cell.column());
    if (value && (value->size() > kMaxEditChars || longestLine(*value) > kMaxEditLine)) {
        showError(
            tr("This value (%1 characters, lines up to %2) is too long to edit here: Set NULL, Load from "
               "file (bytea) or an UPDATE in the query tool replace it")
                .arg(QLocale().toString(value->size()), QLocale().toString(longestLine(*value))));
        return nullptr;
    }
    const auto kind = column->category == core::TypeCategory::Json    ? ValueEditorDialog::Kind::Json
                      : column->category == core::TypeCategory::Array ? ValueEditorDialog::Kind::Array
                                                                      : ValueEditorDialog::Kind::Text;
    auto* dialog = new ValueEditorDialog(kind, column->name, column->typeName, value, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, target = QPersistentModelIndex(cell)] {
        const QString text = dialog->value();
        if (target.isValid() && m_model->value(target.row(), target.column()) != std::optional(text))
            m_model->setData(target, text, Qt::EditRole);
    });
    dialog->open();
    return dialog;
}

bool TableEditor::loadFromFile(const QModelIndex& cell, const QString& path) {
    QFile file(path);
    if (!m_model->canStage(cell) || !file.open(QIODevice::ReadOnly)) { // the old value is not needed
        showError(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    // bytea's text form: \x and two hex digits a byte, what PostgreSQL reads back exactly.
    return m_model->setData(cell, QStringLiteral("\\x") + QString::fromLatin1(file.readAll().toHex()),
                            Qt::EditRole);
}

bool TableEditor::saveToFile(const QModelIndex& cell, const QString& path) {
    if (m_whole && m_model->isCut(cell.row(), cell.column())) { // the file gets every byte
        m_whole->ensureWhole({cell},
                             [this, path](const QModelIndexList& cells) { saveToFile(cells.first(), path); });
        return true;
    }
    const std::optional<QString> value = m_model->value(cell.row(), cell.column());
    if (!value || !value->startsWith(QLatin1String("\\x"))) {
        showError(tr("The cell holds no bytes to save"));
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(QByteArray::fromHex(value->mid(2).toLatin1())) < 0) {
        showError(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

} // namespace pgdesk::ui
