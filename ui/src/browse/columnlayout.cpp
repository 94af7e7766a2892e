// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/browse/columnlayout.h>
#include <pgdesk/ui/browse/frozencolumns.h>

#include <pgdesk/ui/grid/pagemodel.h>

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QSettings>
#include <QTableView>

namespace pgdesk::ui {

namespace {
constexpr int kMaxFittedWidth = 480;
}

ColumnLayout::ColumnLayout(QTableView* grid, PageModel* model, QString profile, QString table,
                           QObject* parent)
    : QObject(parent)
    , m_grid(grid)
    , m_model(model)
    , m_frozen(new FrozenColumns(grid))
    , m_profile(std::move(profile))
    , m_table(std::move(table)) {
    const QSettings settings;
    m_hidden = settings.value(key("hidden")).toStringList();
    m_order = settings.value(key("order")).toStringList();
    m_frozenCount = settings.value(key("frozen"), 0).toInt();
    m_widths = settings.value(key("widths")).toMap();
    QHeaderView* header = grid->horizontalHeader();
    header->setSectionsMovable(true);
    connect(header, &QHeaderView::sectionMoved, this, [this] {
        if (!m_applying) {
            saveOrder();
            m_frozen->update();
        }
    });
    // A width set by hand (or by Auto-fit) is kept by name: a reset header would fall back to the default.
    connect(header, &QHeaderView::sectionResized, this, [this](int logical, int, int size) {
        const QString name = columnName(logical);
        if (m_applying || name.isEmpty() || size <= 0 || m_widths.value(name).toInt() == size)
            return;
        m_widths.insert(name, size);
        QSettings().setValue(key("widths"), m_widths);
    });
    // A new page may bring other columns, and a model reset resets the header's order and hidden sections.
    connect(model, &QAbstractItemModel::modelReset, this, &ColumnLayout::apply);
    connect(model, &QAbstractItemModel::columnsInserted, this, &ColumnLayout::apply);
    connect(model, &QAbstractItemModel::columnsRemoved, this, &ColumnLayout::apply);
}

// Per profile and table, as the other per-table settings (UiSettings::editsByCtid).
QString ColumnLayout::key(const char* what) const {
    return QStringLiteral("columnLayout/%1/%2/%3").arg(m_profile, m_table, QLatin1String(what));
}

void ColumnLayout::setColumns(const QStringList& columns) {
    m_columns = columns;
}

QString ColumnLayout::columnName(int logical) const {
    const auto& columns = m_model->page().columns;
    return logical >= 0 && logical < columns.size() ? columns[logical].name : QString();
}

void ColumnLayout::setHidden(const QString& column, bool hidden) {
    if (hidden == m_hidden.contains(column))
        return;
    if (hidden)
        m_hidden << column;
    else
        m_hidden.removeAll(column);
    QSettings().setValue(key("hidden"), m_hidden);
    apply(); // a key column stays fetched: hide it at once
    emit hiddenChanged(m_hidden);
}

QStringList ColumnLayout::order() const {
    QHeaderView* header = m_grid->horizontalHeader();
    QStringList names;
    for (int v = 0; v < header->count(); ++v) {
        const int logical = header->logicalIndex(v);
        if (!header->isSectionHidden(logical))
            names << columnName(logical);
    }
    return names;
}

void ColumnLayout::saveOrder() {
    // Columns not on this page (hidden, not fetched) keep their place relative to the others.
    QStringList shown;
    QHeaderView* header = m_grid->horizontalHeader();
    for (int v = 0; v < header->count(); ++v)
        shown << columnName(header->logicalIndex(v));
    QStringList order = m_order.isEmpty() ? m_columns : m_order;
    QList<int> places;
    for (int i = 0; i < order.size(); ++i) {
        if (shown.contains(order[i]))
            places << i;
    }
    QStringList rest = shown;
    for (int i : std::as_const(places))
        order[i] = rest.takeFirst();
    order << rest; // columns new since the order was saved
    m_order = order;
    QSettings().setValue(key("order"), m_order);
}

void ColumnLayout::freezeUpTo(int logicalColumn) {
    QHeaderView* header = m_grid->horizontalHeader();
    const int visual = header->visualIndex(logicalColumn);
    int count = 0;
    for (int v = 0; v <= visual; ++v)
        count += header->isSectionHidden(header->logicalIndex(v)) ? 0 : 1;
    m_frozenCount = count;
    QSettings().setValue(key("frozen"), m_frozenCount);
    m_frozen->setCount(m_frozenCount);
}

void ColumnLayout::unfreeze() {
    m_frozenCount = 0;
    QSettings().remove(key("frozen"));
    m_frozen->setCount(0);
}

void ColumnLayout::fitColumns() {
    for (int c = 0; c < m_model->columnCount(); ++c) {
        m_grid->resizeColumnToContents(c);
        m_grid->setColumnWidth(c, std::min(m_grid->columnWidth(c), kMaxFittedWidth));
    }
    m_frozen->update();
}

void ColumnLayout::autoFit() {
    fitColumns(); // each width stored as it is set
}

void ColumnLayout::reset() {
    const bool hadHidden = !m_hidden.isEmpty();
    m_hidden.clear();
    m_order.clear();
    m_frozenCount = 0;
    m_widths.clear();
    QSettings().remove(QStringLiteral("columnLayout/%1/%2").arg(m_profile, m_table));
    apply();
    // Fitted for now, not remembered: the reset layout stores nothing.
    m_applying = true;
    fitColumns();
    m_applying = false;
    if (hadHidden)
        emit hiddenChanged(m_hidden);
}

void ColumnLayout::apply() {
    m_applying = true;
    QHeaderView* header = m_grid->horizontalHeader();
    QStringList names;
    for (int c = 0; c < header->count(); ++c)
        names << columnName(c);
    for (int c = 0; c < names.size(); ++c) {
        m_grid->setColumnHidden(c, m_hidden.contains(names[c]));
        const int width = m_widths.value(names[c]).toInt();
        if (width > 0 && !m_hidden.contains(names[c]))
            header->resizeSection(c, width);
    }
    // The remembered order first, then the columns it does not name in the table's order.
    QStringList wanted;
    for (const QString& name : std::as_const(m_order)) {
        if (names.contains(name))
            wanted << name;
    }
    for (const QString& name : std::as_const(names)) {
        if (!wanted.contains(name))
            wanted << name;
    }
    for (int at = 0; at < wanted.size(); ++at)
        header->moveSection(header->visualIndex(int(names.indexOf(wanted[at]))), at);
    m_applying = false;
    m_frozen->setCount(m_frozenCount);
}

void ColumnLayout::addMenuActions(QMenu* menu, int logicalColumn) {
    QMenu* columns = menu->addMenu(tr("Columns"));
    columns->setObjectName(QStringLiteral("columnsMenu"));
    const QStringList all = m_columns.isEmpty() ? QStringList(order()) : m_columns;
    for (const QString& name : all) {
        QAction* show = columns->addAction(name);
        show->setCheckable(true);
        show->setChecked(!m_hidden.contains(name));
        // The last shown column cannot go: a grid without columns shows nothing to bring them back by.
        show->setEnabled(m_hidden.contains(name) || m_hidden.size() < all.size() - 1);
        connect(show, &QAction::toggled, this, [this, name](bool on) { setHidden(name, !on); });
    }
    menu->addSeparator();
    if (logicalColumn >= 0)
        menu->addAction(tr("Freeze up to this column"), this,
                        [this, logicalColumn] { freezeUpTo(logicalColumn); });
    menu->addAction(tr("Unfreeze"), this, &ColumnLayout::unfreeze)->setEnabled(m_frozenCount > 0);
    menu->addAction(tr("Auto-fit widths"), this, &ColumnLayout::autoFit);
    menu->addAction(tr("Reset layout"), this, &ColumnLayout::reset);
}

} // namespace pgdesk::ui
