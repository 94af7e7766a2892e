// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/notebook/notebook.h>

#include <QDialog>

class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace pgdesk::ui {

// A chart cell's options as a form: its type, the x column, the y columns (checked, in order), a group column
// and a title. The columns offered are those of the result above the cell when it ran (any name can be typed
// too); chart() is what core::notebookChartText writes into the cell.
class NotebookChartDialog final : public QDialog {
    Q_OBJECT
public:
    NotebookChartDialog(const core::NotebookChart& chart, const QStringList& columns,
                        QWidget* parent = nullptr);
    core::NotebookChart chart() const;

private:
    void updateOk();
    QComboBox* m_type = nullptr;
    QComboBox* m_x = nullptr;
    QListWidget* m_y = nullptr;
    QLineEdit* m_moreY = nullptr;
    QComboBox* m_group = nullptr;
    QLineEdit* m_title = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace pgdesk::ui
