// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog.h>

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
// double click) leaves chosenKey() set; the caller stages it.
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

    void accept() override;

private:
    void updateStatus();

    ForeignKeyPickerModel* m_model;
    QLineEdit* m_search;
    QTableView* m_view;
    QLabel* m_status;
    QTimer* m_searchTimer;
    QStringList m_chosen;
};

} // namespace pgdesk::ui
