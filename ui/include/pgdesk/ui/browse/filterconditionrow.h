// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/catalog/catalog.h>

#include <QWidget>

class QComboBox;
class QLineEdit;
class QToolButton;

namespace pgdesk::ui {

// One condition of the filter bar: column, an operation that fits the column's type, and as many value
// fields as the operation takes (none for NULL tests, two for BETWEEN, a comma-separated list for IN and
// array operations, a path plus a value for JSON paths).
class FilterConditionRow final : public QWidget {
    Q_OBJECT
public:
    FilterConditionRow(const QList<core::ColumnInfo>& columns, QWidget* parent = nullptr);

    // The condition as entered; an empty value field is a value (the empty string), not "no value".
    core::Condition condition() const;
    void setCondition(const core::Condition& condition);

    QComboBox* columnBox() const { return m_column; }
    QComboBox* operationBox() const { return m_operation; }
    QComboBox* valueBox() const { return m_value; }
    QLineEdit* secondValueEdit() const { return m_second; }
    QLineEdit* pathEdit() const { return m_path; }

    // Human name of an operation for the combo box: "contains", "≥", "is null", "between" …
    static QString operationLabel(core::FilterOp op);
    // What a like/ilike value means (% and _ wildcards, backslash escape), for tooltips.
    static QString patternHelp();
    // "a, b, \"c, d\"" → {"a", "b", "c, d"}: comma-separated, double quotes keep commas ("" is a quote).
    static QStringList splitList(const QString& text);
    static QString joinList(const QStringList& values);

signals:
    void removeRequested();
    void submitted(); // Enter in a value field

private:
    void columnChanged();
    void operationChanged();
    const core::ColumnInfo* currentColumn() const;

    QList<core::ColumnInfo> m_columns;
    QComboBox* m_column = nullptr;
    QComboBox* m_operation = nullptr;
    QLineEdit* m_path = nullptr;
    QComboBox* m_value = nullptr; // editable; offers enum labels / true, false
    QLineEdit* m_second = nullptr;
    QToolButton* m_remove = nullptr;
    bool m_operationChosen = false;
};

} // namespace pgdesk::ui
