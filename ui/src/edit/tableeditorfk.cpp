// SPDX-License-Identifier: GPL-3.0-or-later
// TableEditor, continued: the foreign-key picker and the check, before Apply, that staged foreign-key values
// have a parent row.
#include "edit/applypreviewdialog.h"
#include "edit/foreignkeypickerdialog.h"
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>

#include <pgdesk/core/editing/foreignkeypicker.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/edit/editsession.h>
#include <pgdesk/ui/edit/tableeditor.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <QApplication>
#include <QPointer>
#include <QTableView>

namespace pgdesk::ui {

namespace {
int columnIndex(const PageModel& model, const QString& name) {
    for (int c = 0; c < model.page().columns.size(); ++c)
        if (model.page().columns[c].name == name)
            return c;
    return -1;
}
} // namespace

QDialog* TableEditor::pickForeignKey(const QModelIndex& cell, const QString& search) {
    if (!m_session || !cell.isValid() || cell.model() != m_model || !m_model->canStage(cell))
        return nullptr;
    const QString column = m_model->page().columns.value(cell.column()).name;
    const core::ForeignKey* found = core::foreignKeyOf(m_session->table(), column);
    if (!found)
        return nullptr;
    const core::ForeignKey fk = *found;
    auto* dialog = new ForeignKeyPickerDialog(m_pool, fk, search, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QStringList current; // the row's value, selected in the picker (none while any column is NULL)
    for (const QString& keyColumn : fk.columns) {
        const QVariant value =
            m_model->index(cell.row(), columnIndex(*m_model, keyColumn)).data(Qt::EditRole);
        if (!value.isValid()) {
            current.clear();
            break;
        }
        current << value.toString();
    }
    if (!current.isEmpty())
        dialog->preselect(current);
    // Closed: the window it came from is active again, the grid (or the field) focused, so that its
    // shortcuts (Ctrl+Shift+R) work at once even where no window manager hands the activation back.
    connect(dialog, &QDialog::finished, this,
            [this, window = QPointer<QWidget>(QApplication::activeWindow()),
             focus = QPointer<QWidget>(QApplication::focusWidget())] {
                QWidget* back = window && window->isVisible() ? window.data() : m_view->window();
                if (!back->isVisible())
                    return;
                back->activateWindow();
                if (focus && focus->isVisible() && focus->window() == back)
                    focus->setFocus(Qt::OtherFocusReason);
                else if (back == m_view->window())
                    m_view->setFocus(Qt::OtherFocusReason);
            });
    connect(dialog, &QDialog::accepted, this, [this, dialog, fk, target = QPersistentModelIndex(cell)] {
        if (target.isValid())
            stageForeignKey(target, fk, dialog->chosenKey());
    });
    dialog->open();
    return dialog;
}

bool TableEditor::stageForeignKey(const QModelIndex& cell, const core::ForeignKey& foreignKey,
                                  const QStringList& key) {
    if (!m_session || !cell.isValid() || key.size() != foreignKey.columns.size())
        return false;
    QList<QModelIndex> cells;
    for (const QString& column : foreignKey.columns) {
        const int c = columnIndex(*m_model, column);
        const QModelIndex target = m_model->index(cell.row(), c);
        if (c < 0 || !m_model->canStage(target)) {
            showError(tr("Column %1 of the key cannot be edited here").arg(column));
            return false;
        }
        cells << target;
    }
    // Every column of a composite key at once: one undo step, one journal write.
    m_session->beginBatch();
    for (qsizetype i = 0; i < cells.size(); ++i)
        m_model->setData(cells[i], key[i], Qt::EditRole);
    m_session->endBatch();
    return true;
}

void TableEditor::checkForeignKeys(ApplyPreviewDialog* dialog) {
    if (!m_session || m_session->table().foreignKeys.isEmpty())
        return emit foreignKeysChecked({});
    // The row as read supplies the unchanged columns of a composite key (the page's rows only).
    QHash<QString, int> rowOfKey;
    for (int row = 0; row < m_model->pageRowCount(); ++row) {
        if (m_model->rowValues(row)) // a scrolling grid's window: only the rows loaded have keys
            rowOfKey.insert(EditSession::describeKey(m_model->rowKey(row)), row);
    }
    const PageModel* model = m_model;
    const QList<core::StagedForeignKeyValue> values = core::stagedForeignKeyValues(
        m_session->table(), m_session->changes(),
        [model, &rowOfKey](const core::Key& key,
                           const QString& column) -> std::optional<std::optional<QString>> {
            const auto it = rowOfKey.constFind(EditSession::describeKey(key));
            const int c = columnIndex(*model, column);
            if (it == rowOfKey.constEnd() || c < 0 || !model->rowValues(*it))
                return std::nullopt;
            return model->rowValues(*it)->value(c);
        });
    if (values.isEmpty())
        return emit foreignKeysChecked({});
    QPointer<ApplyPreviewDialog> target(dialog);
    // A newer check (the preview opened again) supersedes this one.
    jobSlot(this, QStringLiteral("foreignKeyCheck"))
        ->start(
            [pool = m_pool, values](const std::shared_ptr<core::CancelToken>& token) {
                auto connection = pool->acquire();
                const core::CancelToken::Scope scope(token, *connection);
                return core::findMissingParents(*connection, values);
            },
            [this, target](const QStringList& missing) {
                if (target && !missing.isEmpty())
                    target->setWarning(tr("No parent row for %n staged foreign-key value(s): %1", nullptr,
                                          int(missing.size()))
                                           .arg(missing.join(QStringLiteral("; "))));
                emit foreignKeysChecked(missing);
            },
            [this, target](const BackgroundFailure& failure) {
                if (target)
                    target->setWarning(tr("Could not check the foreign-key values: %1").arg(failure.message));
                emit foreignKeysChecked({failure.message});
            });
}

} // namespace pgdesk::ui
