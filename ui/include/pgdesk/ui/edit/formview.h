// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>
#include <QPointer>

#include <functional>

class QGridLayout;
class QLabel;
class QPushButton;
class QTableView;

namespace pgdesk::ui {

class PageModel;

// One row of the grid as a form (Ctrl+Shift+R): every column under the other with the grid's type-aware
// editors (CellEditDelegate: enums as lists, dates with a calendar, json/arrays and long text in the value
// editor dialog), NULL and DEFAULT buttons, previous / next row. Edits go through the grid's model into the
// same staged session (EditSession): they show in the grid, undo with Ctrl+Z and apply with the rest.
// A field's edit is staged when it is left (editing finished), and on moving to another row or applying.
// The dialog is wide and resizable; read-only values wrap; the buttons beside a field are as wide as their
// word.
class FormView final : public QDialog {
    Q_OBJECT
public:
    // `editValue` opens the dialog editor of a cell (TableEditor::editValue); `apply` the apply preview.
    FormView(PageModel* model, QTableView* view, std::function<void(const QModelIndex&)> editValue,
             std::function<void()> apply, QWidget* parent);

    int row() const { return m_row; }
    void showRow(int row);
    void previous();
    void next();
    // Stages what the editors hold that differs from the row (as leaving each field would).
    void commit();
    // The editor of a column (object name "formEditor:<column>"), its NULL and DEFAULT buttons
    // ("formNull:<column>", "formDefault:<column>").
    QWidget* editor(const QString& column) const;

private:
    struct Field {
        int column = -1;
        QWidget* editor = nullptr; // the delegate's, or a read-only wrapped text for dialog-edited values
        bool delegated = false;
    };
    void rebuild();
    void setNull(int column);
    void setDefault(int column);

    QPointer<PageModel> m_model;
    QPointer<QTableView> m_view;
    std::function<void(const QModelIndex&)> m_editValue;
    std::function<void()> m_apply;
    int m_row = -1;
    QWidget* m_fields;
    QGridLayout* m_grid;
    QLabel* m_position;
    QPushButton* m_previous;
    QPushButton* m_next;
    QList<Field> m_editors;
};

} // namespace pgdesk::ui
