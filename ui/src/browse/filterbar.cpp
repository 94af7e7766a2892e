// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/browse/filterbar.h>

#include <pgdesk/ui/browse/filterconditionrow.h>
#include <pgdesk/ui/common/icons.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace pgdesk::ui {

FilterBar::FilterBar(QWidget* parent)
    : QWidget(parent)
    , m_rowsLayout(new QVBoxLayout)
    , m_search(new QLineEdit(this))
    , m_logic(new QComboBox(this))
    , m_add(new QPushButton(tr("Add filter"), this))
    , m_apply(new QPushButton(tr("Run filter"), this))
    , m_clear(new QPushButton(tr("Clear"), this))
    , m_searchDelay(new QTimer(this)) {
    setObjectName(QStringLiteral("filterBar"));
    m_search->setPlaceholderText(tr("Search text columns…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Quick search"));
    m_search->setToolTip(tr("Case-insensitive search in every text column; %, _ and \\ match literally"));
    m_logic->addItem(tr("Match all"), int(core::FilterGroup::Logic::And));
    m_logic->addItem(tr("Match any"), int(core::FilterGroup::Logic::Or));
    m_logic->setAccessibleName(tr("Combine conditions"));
    m_add->setToolTip(tr("Add a condition (Ctrl+F)"));
    m_add->setIcon(themedIcon(QStringLiteral("list-add")));
    m_apply->setIcon(themedIcon(QStringLiteral("view-filter")));
    m_clear->setIcon(themedIcon(QStringLiteral("edit-clear")));
    // Not "Apply": that word belongs to the staged changes' button, which may be on screen at the same time.
    m_apply->setObjectName(QStringLiteral("runFilterButton"));
    m_apply->setToolTip(tr("Run the filter on the server (Enter)"));
    m_apply->setDefault(false);

    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_search, 1);
    top->addWidget(m_logic);
    top->addWidget(m_add);
    top->addWidget(m_apply);
    top->addWidget(m_clear);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addLayout(m_rowsLayout);

    connect(m_search, &QLineEdit::returnPressed, this, &FilterBar::apply);
    // As the user types (not when the text is set): one run once typing pauses, none for an unchanged text.
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    connect(m_search, &QLineEdit::textEdited, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] {
        if (m_search->text() != m_appliedSearch)
            apply();
    });
    connect(m_add, &QPushButton::clicked, this, [this] { addEmptyCondition(); });
    connect(m_apply, &QPushButton::clicked, this, &FilterBar::apply);
    connect(m_clear, &QPushButton::clicked, this, &FilterBar::clear);
    connect(m_logic, &QComboBox::activated, this, [this] {
        if (!m_rows.isEmpty())
            apply();
    });
    updateVisibility();
}

void FilterBar::setColumns(const QList<core::ColumnInfo>& columns) {
    m_columns = columns;
    updateVisibility();
}

FilterConditionRow* FilterBar::addEmptyCondition() {
    auto* row = new FilterConditionRow(m_columns, this);
    m_rows << row;
    m_rowsLayout->addWidget(row);
    connect(row, &FilterConditionRow::removeRequested, this, [this, row] {
        removeRow(row);
        apply();
    });
    connect(row, &FilterConditionRow::submitted, this, &FilterBar::apply);
    updateVisibility();
    row->valueBox()->setFocus();
    return row;
}

void FilterBar::addCondition(const core::Condition& condition) {
    addEmptyCondition()->setCondition(condition);
    apply();
}

void FilterBar::removeRow(FilterConditionRow* row) {
    m_rows.removeOne(row);
    row->deleteLater();
    updateVisibility();
}

void FilterBar::setMatchAny(bool any) {
    m_logic->setCurrentIndex(any ? 1 : 0);
}

void FilterBar::setFilter(const core::FilterGroup& filter) {
    for (FilterConditionRow* row : std::as_const(m_rows))
        row->deleteLater();
    m_rows.clear();
    for (const core::Condition& c : filter.conditions)
        addEmptyCondition()->setCondition(c);
    setMatchAny(filter.logic == core::FilterGroup::Logic::Or);
    updateVisibility();
}

void FilterBar::setSearch(const QString& text) {
    m_search->setText(text);
}

core::FilterGroup FilterBar::filter() const {
    core::FilterGroup g;
    g.logic = core::FilterGroup::Logic(m_logic->currentData().toInt());
    for (const FilterConditionRow* row : m_rows)
        g.conditions << row->condition();
    return g;
}

QString FilterBar::search() const {
    return m_search->text();
}

void FilterBar::apply() {
    m_searchDelay->stop();
    m_appliedSearch = m_search->text();
    emit applied();
}

void FilterBar::clear() {
    for (FilterConditionRow* row : std::as_const(m_rows))
        row->deleteLater();
    m_rows.clear();
    m_search->clear();
    updateVisibility();
    apply();
}

void FilterBar::updateVisibility() {
    m_logic->setVisible(m_rows.size() > 1);
    m_add->setEnabled(!m_columns.isEmpty());
}

} // namespace pgdesk::ui
