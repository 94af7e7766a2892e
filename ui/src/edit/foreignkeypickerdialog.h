// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog/catalog.h>

#include <QDialog>

#include <memory>

class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class ForeignKeyPickerModel;

// Picks a foreign-key value from the parent table's rows (object name "foreignKeyPicker"): a search field
// ("fkSearch", applied 250 ms after the last key stroke, text taken literally), the parent's rows with their
// key and label ("fkRows", more pages as it scrolls), OK / Cancel. Accepting with a row chosen (Enter or a
// double click) leaves chosenKey() set; the caller stages it. The key columns fit their values on one line (a
// UUID whole); the cell's current value, once loaded, is the row selected.
class ForeignKeyPickerDialog final : public QDialog {
    Q_OBJECT
public:
    ForeignKeyPickerDialog(std::shared_ptr<core::Pool> pool, const core::ForeignKey& foreignKey,
                           const QString& search, QWidget* parent);

    ForeignKeyPickerModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QLineEdit* searchEdit() const { return m_search; }
    // The chosen row's key, in ForeignKey::refColumns order; empty when none was chosen.
    const QStringList& chosenKey() const { return m_chosen; }
    // The row with this key is selected when it arrives (the first few pages are read to find it), unless
    // the user has moved to another row by then.
    void preselect(const QStringList& key);

    void accept() override;

private:
    void updateStatus();
    void pageArrived();
    void setCurrentRow(int row);

    ForeignKeyPickerModel* m_model;
    QLineEdit* m_search;
    QTableView* m_view;
    QLabel* m_status;
    QTimer* m_searchTimer;
    QStringList m_chosen;
    QStringList m_preselect; // cleared once found, or when the user picks another row
    bool m_movingCurrent = false;
    static constexpr int kPreselectRows = 1000; // how far the pages are read to find the current value
};

} // namespace pgdesk::ui
