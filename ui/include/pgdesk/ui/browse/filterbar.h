// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/catalog/catalog.h>

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTimer;
class QVBoxLayout;

namespace pgdesk::ui {

class FilterConditionRow;

// The table browser's filter: a quick search over the text-like columns, and conditions combined with
// AND ("match all") or OR ("match any"). The quick search runs as the user types, once typing pauses
// (kSearchDelayMs; Enter runs it at once); conditions run when applied (Enter or Apply). The browser then
// sends filter() and search() to the server as bound parameters, each run superseding the one before.
class FilterBar final : public QWidget {
    Q_OBJECT
public:
    static constexpr int kSearchDelayMs = 300;

    explicit FilterBar(QWidget* parent = nullptr);

    void setColumns(const QList<core::ColumnInfo>& columns);
    core::FilterGroup filter() const;
    QString search() const;

    // Adds a condition row (filled in) and applies at once: "filter by this value" from a cell.
    void addCondition(const core::Condition& condition);
    FilterConditionRow* addEmptyCondition();
    QList<FilterConditionRow*> rows() const { return m_rows; }
    void setMatchAny(bool any);
    void setSearch(const QString& text);
    // Replaces the conditions (and AND/OR) with the group's top-level conditions, without applying.
    void setFilter(const core::FilterGroup& filter);
    QLineEdit* searchEdit() const { return m_search; }

    void apply();
    void clear(); // removes every condition and the search text, then applies

signals:
    void applied();

private:
    void removeRow(FilterConditionRow* row);
    void updateVisibility();

    QList<core::ColumnInfo> m_columns;
    QList<FilterConditionRow*> m_rows;
    QVBoxLayout* m_rowsLayout = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_logic = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_apply = nullptr;
    QPushButton* m_clear = nullptr;
    QTimer* m_searchDelay = nullptr;
    QString m_appliedSearch; // what the last applied() ran with
};

} // namespace pgdesk::ui
