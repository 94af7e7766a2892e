// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/browse/columnlayout.h>
#include <pgdesk/ui/browse/filterbar.h>
#include <pgdesk/ui/browse/filterconditionrow.h>
#include <pgdesk/ui/browse/relationsmenu.h>
#include <pgdesk/ui/browse/structureview.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/edit/batchdialog.h>
#include <pgdesk/ui/grid/celltext.h>
#include <pgdesk/ui/grid/copyas.h>
#include <pgdesk/ui/grid/gridpreferences.h>
#include <pgdesk/ui/grid/resultscroller.h>

#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/theme.h>
#include <pgdesk/ui/common/uisettings.h>
#include <pgdesk/ui/edit/tableeditor.h>
#include <pgdesk/ui/grid/valueviewer.h>

#include "grid/wholevalueloader.h"

#include <pgdesk/core/profiles/conventionoverride.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/writeunlockbutton.h>
#include <pgdesk/ui/grid/pagemodel.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace pgdesk::ui {

TableBrowser::TableBrowser(std::shared_ptr<core::Pool> pool, QString schema, QString table, QWidget* parent)
    : QWidget(parent)
    , m_pool(std::move(pool))
    , m_model(new PageModel(this))
    , m_feed(new TableFeed(m_pool, std::move(schema), std::move(table), m_model, this))
    , m_view(new QTableView(this))
    , m_filterBar(new FilterBar(this))
    , m_range(new QLabel(this))
    , m_message(new QLabel(this))
    , m_scope(new QComboBox(this))
    , m_hiddenRows(new QLabel(this)) {
    setObjectName(QStringLiteral("tableBrowser"));
    connect(m_feed, &TableFeed::busyChanged, this, &TableBrowser::busyChanged);
    connect(m_feed, &TableFeed::tableLoaded, this, &TableBrowser::tableLoaded);
    connect(m_feed, &TableFeed::pageLoaded, this, &TableBrowser::pageArrived);
    connect(m_feed, &TableFeed::rowsLoaded, this, [this] {
        updateControls();
        emit rowsLoaded();
    });
    connect(m_feed, &TableFeed::failed, this, [this](const BackgroundFailure& failure) {
        showFailure(failure.message, failure.connectionLost);
    });
    connect(m_feed, &TableFeed::countFinished, this, [this](qint64 rows) {
        m_count->setText(tr("Count rows"));
        updateControls();
        emit countFinished(rows);
    });
    connect(m_feed, &TableFeed::countFailed, this, [this](const QString& message) {
        m_count->setText(tr("Count rows"));
        updateControls();
        emit countFailed(message);
    });

    m_view->setModel(m_model);
    auto* rowsBar = new QScrollBar(this);
    m_scroller = new ResultScroller(m_view, m_model, rowsBar, this);
    connect(m_scroller, &ResultScroller::moved, this, &TableBrowser::updateControls);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setWordWrap(false);
    followGridPreferences(m_view, m_model);
    m_view->horizontalHeader()->setSectionsClickable(true);
    m_view->horizontalHeader()->setSortIndicatorShown(false);
    m_view->setAccessibleName(tr("Rows of %1").arg(spec().table));
    connect(m_view->horizontalHeader(), &QHeaderView::sectionClicked, this,
            [this](int section) { sortBy(section, QApplication::keyboardModifiers() & Qt::ShiftModifier); });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &TableBrowser::showContextMenu);
    // Editable cells edit in place (double click, F2 or typing); the others open the value viewer.
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    connect(m_view, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& cell) {
        if (m_model->isCut(cell.row(), cell.column()) && m_model->canStage(cell)) // whole first, then edit
            m_whole->ensureWhole({cell},
                                 [this](const QModelIndexList& cells) { m_view->edit(cells.first()); });
        else if (!(m_model->flags(cell) & Qt::ItemIsEditable))
            viewValue(cell);
    });
    m_whole = new WholeValueLoader(m_pool, m_model, this);
    connect(m_whole, &WholeValueLoader::failed, this, [this](const QString& m) { showFailure(m, false); });
    m_editor = new TableEditor(m_pool, m_model, m_view, this);
    m_editor->setWholeValueLoader(m_whole);
    connect(m_editor, &TableEditor::reloadRequested, this, &TableBrowser::reload);
    connect(m_editor, &TableEditor::ctidOptInRequested, this, [this] {
        UiSettings::setEditsByCtid(m_pool->profile().name, qualifiedName()); // this table of this profile
        m_feed->forgetTable(); // read again, keyed by ctid, with the first page
        load(Move::First);
    });
    auto* copy = new QAction(tr("Copy"), m_view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] { copySelection(false); });
    m_view->addAction(copy);
    auto* findAction = new QAction(tr("Filter"), this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, this, [this] {
        showData(); // a filter is for the rows
        const QModelIndex current = m_view->currentIndex();
        auto* row = m_filterBar->addEmptyCondition();
        if (current.isValid())
            row->setCondition(
                {m_model->page().columns[current.column()].name, core::FilterOp::Equal, {}, {}});
        row->valueBox()->setFocus();
    });
    addAction(findAction);
    const auto keyAction = [this](const QString& text, const char* name, const QKeySequence& key, auto slot) {
        auto* a = new QAction(text, this);
        a->setObjectName(QLatin1String(name));
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    m_refreshAction =
        keyAction(tr("Refresh"), "refreshAction", QKeySequence::Refresh, &TableBrowser::refreshShownPage);
    // Esc stops a running load or count (only then: otherwise Esc is the grid's and its editors').
    m_cancelAction = keyAction(tr("Cancel"), "cancelAction", Qt::Key_Escape, &TableBrowser::cancelBusy);
    m_cancelAction->setEnabled(false);
    connect(this, &TableBrowser::busyChanged, this, [this] { m_cancelAction->setEnabled(isBusy()); });
    connect(m_filterBar, &FilterBar::applied, this, &TableBrowser::applyFilter);

    auto button = [this](const QString& text, const QString& tip, auto slot) {
        auto* b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        connect(b, &QToolButton::clicked, this, slot);
        return b;
    };
    // Arrows point the way the rows' order reads: mirrored right to left. There the two-glyph texts are
    // written reversed, as a right-to-left paragraph shows neutral characters from right to left.
    const bool rtl = QGuiApplication::isRightToLeft();
    m_first =
        button(rtl ? QStringLiteral("|▶") : QStringLiteral("|◀"), tr("First page"), &TableBrowser::firstPage);
    m_previous = button(rtl ? QStringLiteral("▶") : QStringLiteral("◀"), tr("Previous page"),
                        &TableBrowser::previousPage);
    m_next =
        button(rtl ? QStringLiteral("◀") : QStringLiteral("▶"), tr("Next page"), &TableBrowser::nextPage);
    m_last =
        button(rtl ? QStringLiteral("◀|") : QStringLiteral("▶|"), tr("Last page"), &TableBrowser::lastPage);

    m_scope->addItem(tr("Active rows"), int(core::SoftDeleteScope::Active));
    m_scope->addItem(tr("Deleted rows"), int(core::SoftDeleteScope::Deleted));
    m_scope->addItem(tr("All rows"), int(core::SoftDeleteScope::All));
    m_scope->setAccessibleName(tr("Soft-delete scope"));
    m_scope->setVisible(false);
    connect(m_scope, &QComboBox::activated, this, [this](int i) {
        setScope(core::SoftDeleteScope(m_scope->itemData(i).toInt()));
        m_view->setFocus(Qt::OtherFocusReason); // as the page size's box below
    });
    m_hiddenRows->setObjectName(QStringLiteral("hiddenRowsLabel"));
    m_hiddenRows->setVisible(false);

    m_pageSize = new QComboBox(this);
    for (int size : UiSettings::pageSizeChoices())
        m_pageSize->addItem(size > 0 ? tr("%n rows", nullptr, size) : tr("Scroll"), size);
    m_pageSize->setItemData(m_pageSize->count() - 1,
                            tr("Scroll through every row; rows load as they come into view"),
                            Qt::ToolTipRole);
    m_pageSize->setCurrentIndex(m_pageSize->findData(UiSettings::pageSize()));
    m_pageSize->setAccessibleName(tr("Page size"));
    // The tab's own choice: Preferences holds the page size new tabs open with.
    // Then the grid has the keys again: typing after a choice must not pick another page size (a combo box
    // searches its items as letters are typed), and a dialog opened next gives the focus back to the grid.
    connect(m_pageSize, &QComboBox::activated, this, [this](int i) {
        setPageSize(m_pageSize->itemData(i).toInt());
        m_view->setFocus(Qt::OtherFocusReason);
    });

    m_goTo = new QSpinBox(this);
    m_goTo->setRange(1, 1000000000);
    m_goTo->setPrefix(tr("page "));
    m_goTo->setAccessibleName(tr("Go to page"));
    m_goTo->setKeyboardTracking(false);
    connect(m_goTo, &QSpinBox::editingFinished, this, [this] { goToPage(m_goTo->value()); });

    m_count = new QPushButton(tr("Count rows"), this);
    m_count->setObjectName(QStringLiteral("countButton"));
    m_count->setToolTip(tr("Count the matching rows exactly (count(*)); click again to cancel"));
    connect(m_count, &QPushButton::clicked, this, [this] { isCounting() ? cancelCount() : countExactly(); });

    m_range->setObjectName(QStringLiteral("rangeLabel"));
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setStyleSheet(textStyle(errorColor()));
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    m_reconnect = new QPushButton(tr("Reconnect"), this);
    m_reconnect->setObjectName(QStringLiteral("reconnectButton"));
    m_reconnect->setToolTip(tr("Drop the broken connections and load this page again"));
    m_reconnect->setVisible(false);
    connect(m_reconnect, &QPushButton::clicked, this, &TableBrowser::reconnect);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_scope);
    bar->addWidget(m_hiddenRows);
    bar->addStretch(1);
    bar->addWidget(m_range);
    bar->addWidget(m_count);
    for (auto* b : {m_first, m_previous, m_next, m_last})
        bar->addWidget(b);
    bar->addWidget(m_goTo);
    bar->addWidget(m_pageSize);
    auto* dataPage = new QWidget(this);
    dataPage->setObjectName(QStringLiteral("dataPage"));
    auto* layout = new QVBoxLayout(dataPage);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filterBar);
    auto* banner = new QHBoxLayout;
    banner->addWidget(m_message, 1);
    banner->addWidget(m_reconnect);
    layout->addLayout(banner);
    layout->addWidget(m_editor);
    auto* grid = new QHBoxLayout; // continuous scrolling: the whole result's bar beside the grid
    grid->setSpacing(0);
    grid->addWidget(m_view, 1);
    grid->addWidget(rowsBar);
    layout->addLayout(grid, 1);
    layout->addLayout(bar);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(dataPage);

    // Data | Structure: a segmented pair, the rows first.
    const auto pageButton = [this](const QString& text, const QString& tip, const char* name) {
        auto* b = new QToolButton(this);
        b->setObjectName(QLatin1String(name));
        b->setText(text);
        b->setToolTip(tip);
        b->setAccessibleName(text);
        b->setCheckable(true);
        b->setAutoExclusive(true);
        b->setAutoRaise(true);
        return b;
    };
    m_dataButton = pageButton(tr("Data"), tr("The rows of the table"), "dataButton");
    m_dataButton->setChecked(true);
    m_structureButton = pageButton(
        tr("Structure"), tr("Columns, constraints, indexes, triggers, policies, partitions and options"),
        "structureButton");
    connect(m_dataButton, &QToolButton::clicked, this, &TableBrowser::showData);
    connect(m_structureButton, &QToolButton::clicked, this, &TableBrowser::showStructure);
    auto* pageBar = new QHBoxLayout;
    pageBar->setSpacing(0);
    pageBar->addWidget(m_dataButton);
    pageBar->addWidget(m_structureButton);
    pageBar->addStretch(1);
    // Production sessions: writing is unlocked per tab, and locked again when the tab closes.
    m_unlock = new WriteUnlockButton(m_pool->profile(), this);
    m_editor->setWriteUnlock(m_unlock);
    pageBar->addWidget(m_unlock);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);
    outer->setSpacing(2);
    outer->addLayout(pageBar);
    outer->addWidget(m_pages, 1);

    setUpColumnLayout(pageBar);

    // Pages or continuous scrolling, as Preferences say for new tabs (loads the first rows).
    setPageSize(UiSettings::pageSize());
}

// Hidden columns, order and frozen columns, remembered per profile and table; hidden ones are not fetched.
void TableBrowser::setUpColumnLayout(QHBoxLayout* bar) {
    m_columnLayout = new ColumnLayout(m_view, m_model, m_pool->profile().name, qualifiedName(), this);
    m_feed->setOmittedColumns(m_columnLayout->hiddenColumns(), false); // before the first load
    connect(m_columnLayout, &ColumnLayout::hiddenChanged, this, [this](const QStringList& hidden) {
        m_feed->setOmittedColumns(hidden);
        updateControls();
    });
    auto* header = m_view->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, [this, header](const QPoint& position) {
        QMenu menu(this);
        m_columnLayout->addMenuActions(&menu, header->logicalIndexAt(position));
        menu.exec(header->mapToGlobal(position));
    });
    auto* button = new QToolButton(this);
    m_columnsButton = button; // the Data page's: hidden while the Structure page shows
    button->setObjectName(QStringLiteral("columnsButton"));
    button->setText(tr("Columns"));
    button->setToolTip(tr("Show, hide, freeze and fit the columns"));
    button->setAutoRaise(true);
    button->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(button);
    connect(menu, &QMenu::aboutToShow, this, [this, menu] {
        menu->clear();
        m_columnLayout->addMenuActions(menu, m_view->currentIndex().column());
    });
    button->setMenu(menu);
    bar->insertWidget(bar->count() - 1, button);
}

void TableBrowser::firstPage() {
    load(Move::First);
}
void TableBrowser::nextPage() {
    load(Move::Next);
}
void TableBrowser::previousPage() {
    load(Move::Previous);
}
void TableBrowser::lastPage() {
    load(Move::Last);
}
void TableBrowser::reload() {
    load(Move::Same);
}

void TableBrowser::setPageSize(int rows) {
    const bool continuous = rows <= 0;
    m_pageSize->setCurrentIndex(m_pageSize->findData(continuous ? 0 : rows));
    m_goTo->setPrefix(continuous ? tr("row ") : tr("page "));
    m_feed->setPageSize(rows);
    updateControls();
}

void TableBrowser::goToPage(qint64 page) {
    if (isContinuous() && m_model->isWindowed()) { // a row number
        m_scroller->scrollToRow(page - 1);
        updateControls();
        return;
    }
    m_feed->goToPage(page);
    updateControls();
}

void TableBrowser::countExactly() {
    if (m_feed->isCounting())
        return;
    m_count->setText(tr("Cancel count"));
    m_feed->countExactly();
    updateControls();
}

bool TableBrowser::isBusy() const {
    return m_feed->isBusy();
}

QString TableBrowser::busyText() const {
    if (m_feed->isCounting())
        return tr("Counting the rows of %1…").arg(spec().table);
    if (m_feed->isBusy())
        return tr("Loading %1…").arg(spec().table);
    return {};
}

void TableBrowser::cancelBusy() {
    m_feed->cancel();
}

TableBrowser::~TableBrowser() {
    // ~QWidget hides a visible tab and then deletes its children: their signals (the scroll bars' range
    // changes, the model's resets) would reach this object's slots after its own part is gone.
    for (QObject* child : findChildren<QObject*>())
        child->disconnect(this);
}

QString TableBrowser::qualifiedName() const {
    return spec().schema + QLatin1Char('.') + spec().table;
}

BatchDialog* TableBrowser::openBatchDialog() {
    if (!table() || !m_editor->isEditable() || m_editor->refuseWhileLocked())
        return nullptr;
    QList<core::Key> keys;
    for (int row : m_editor->selectedRows()) {
        if (const core::Key key = m_model->rowKey(row); !key.isEmpty())
            keys << key;
    }
    auto* dialog = new BatchDialog(m_pool, *table(), spec(), keys, this);
    dialog->setWriteUnlock(m_unlock);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BatchDialog::finished, this, &TableBrowser::reload);
    dialog->show();
    return dialog;
}

void TableBrowser::showStructure() {
    if (!m_structure) {
        m_structure = new StructureView(m_pool, spec().schema, spec().table, m_pages);
        // F5 is this tab's (refreshShownPage): a second F5 inside would make the key ambiguous.
        m_structure->refreshAction()->setEnabled(false);
        connect(m_structure, &StructureView::designRequested, this, &TableBrowser::designRequested);
        m_pages->addWidget(m_structure);
    }
    const bool changed = m_pages->currentWidget() != m_structure;
    m_pages->setCurrentWidget(m_structure);
    m_structureButton->setChecked(true);
    m_columnsButton->setVisible(false);
    m_structure->ensureLoaded();
    if (changed)
        emit pageShown(true);
}

void TableBrowser::showData() {
    const bool changed = isStructureShown();
    m_pages->setCurrentIndex(0);
    m_dataButton->setChecked(true);
    m_columnsButton->setVisible(true);
    if (changed)
        emit pageShown(false);
}

bool TableBrowser::isStructureShown() const {
    return m_structure && m_pages->currentWidget() == m_structure;
}

void TableBrowser::refreshShownPage() {
    if (isStructureShown())
        m_structure->refresh();
    else
        reload();
}

bool TableBrowser::isLoading() const {
    return m_feed->isLoading();
}

bool TableBrowser::isCounting() const {
    return m_feed->isCounting();
}

void TableBrowser::cancelCount() {
    m_feed->cancelCount();
}

void TableBrowser::setScope(core::SoftDeleteScope scope) {
    m_scope->setCurrentIndex(m_scope->findData(int(scope)));
    m_feed->setScope(scope);
    updateHiddenRowsNote();
    updateControls();
}

void TableBrowser::sortBy(int column, bool add) {
    if (column < 0 || column >= m_model->columnCount())
        return;
    const QString name = m_model->page().columns[column].name;
    QList<core::SortKey> keys = spec().sort;
    const auto it =
        std::find_if(keys.begin(), keys.end(), [&](const core::SortKey& k) { return k.column == name; });
    if (it != keys.end() && (add || keys.size() == 1)) {
        it->descending = !it->descending;
    } else {
        if (!add)
            keys.clear();
        keys.append(core::SortKey{name, false, core::SortKey::Nulls::Default});
    }
    m_feed->setSort(keys);
    updateControls();
}

void TableBrowser::load(Move move) {
    if (isContinuous() && m_model->isWindowed() && move != Move::First)
        return scrollWindow(move);
    m_feed->load(move);
    updateControls();
}

void TableBrowser::pageArrived(Move move) {
    Q_UNUSED(move);
    m_message->setVisible(false);
    m_reconnect->setVisible(false);
    if (isContinuous())
        m_scroller->scrollToStart();
    if (m_model->rowCount() > 0)
        fitColumns();
    showSortIndicators();
    updateControls();
    emit pageLoaded();
}

void TableBrowser::showFailure(const QString& message, bool connectionLost) {
    m_message->setText(connectionLost ? tr("Connection lost: %1").arg(message) : message);
    m_message->setVisible(true);
    m_reconnect->setVisible(connectionLost);
    updateControls();
    emit busyChanged();
    emit loadFailed(message);
}

void TableBrowser::scrollWindow(Move move) {
    switch (move) {
    case Move::First:
        m_scroller->scrollToStart();
        break;
    case Move::Next:
        m_scroller->pageDown();
        break;
    case Move::Previous:
        m_scroller->pageUp();
        break;
    case Move::Last:
        m_scroller->scrollToEnd();
        break;
    case Move::Jump: // goToPage() scrolls to its row itself
        break;
    case Move::Same:
        // Reload in place (after an apply or a reconnect): the feed drops the rows, the visible ones load
        // again.
        m_message->setVisible(false);
        m_feed->load(Move::Same);
        break;
    }
    updateControls();
}

void TableBrowser::reconnect() {
    m_reconnect->setVisible(false);
    if (m_model->isWindowed())
        m_message->setVisible(false);
    m_feed->reconnect();
    updateControls();
}

void TableBrowser::tableLoaded() {
    const core::TableInfo& info = *table();
    const core::Conventions& c = info.conventions;
    m_scope->setVisible(c.softDelete != core::SoftDeleteKind::None);
    updateHiddenRowsNote();
    m_model->setSoftDelete(c.softDelete, c.softDeleteColumn);
    m_filterBar->setColumns(info.columns);
    QStringList names;
    for (const core::ColumnInfo& column : info.columns)
        names << column.name;
    m_columnLayout->setColumns(names);
    m_editor->setTable(info, isStandby());
    m_whole->setTable(info);
    if (!spec().filter.isEmpty())
        m_filterBar->setFilter(spec().filter); // set before the table was known (a relationship link)
}

// Rows the default scope leaves out are said so next to the switch: a table is never silently short.
void TableBrowser::updateHiddenRowsNote() {
    QString note;
    if (table() && spec().scope == core::SoftDeleteScope::Active) {
        const core::Conventions& c = table()->conventions;
        const core::ColumnInfo* flag = table()->column(c.softDeleteColumn);
        switch (c.softDelete) {
        case core::SoftDeleteKind::DeletedAtTimestamp:
            note = tr("Rows with %1 set are hidden").arg(c.softDeleteColumn);
            break;
        case core::SoftDeleteKind::DeletedFlag:
            note = tr("Rows with %1 true are hidden").arg(c.softDeleteColumn);
            break;
        case core::SoftDeleteKind::ActiveFlag:
            note = flag && flag->notNull
                       ? tr("Rows with %1 false are hidden").arg(c.softDeleteColumn)
                       : tr("Rows with %1 false or null are hidden").arg(c.softDeleteColumn);
            break;
        case core::SoftDeleteKind::None:
            break;
        }
    }
    m_hiddenRows->setText(note);
    m_hiddenRows->setToolTip(note.isEmpty() ? QString() : tr("Choose \"All rows\" to show them"));
    m_hiddenRows->setVisible(!note.isEmpty());
}

void TableBrowser::applyFilter() {
    m_feed->setFilter(m_filterBar->filter(), m_filterBar->search());
    updateControls();
}

void TableBrowser::setFilter(const core::FilterGroup& filter) {
    if (table())
        m_filterBar->setFilter(filter);
    m_feed->setFilter(filter, spec().search);
    updateControls();
}

void TableBrowser::setView(const TableView& view) {
    m_filterBar->setSearch(view.search);
    if (table())
        m_filterBar->setFilter(view.filter);
    if (view.scope)
        m_scope->setCurrentIndex(m_scope->findData(int(*view.scope)));
    m_feed->setView(view.filter, view.search, view.sort, view.scope);
    updateHiddenRowsNote();
    updateControls();
}

// These load cut values whole first, so the filter, the clipboard and the viewer get the exact value.
void TableBrowser::filterByCell(const QModelIndex& cell, bool exclude) {
    if (!cell.isValid() || cell.row() >= m_model->pageRowCount() || !m_model->rowValues(cell.row()))
        return; // not loaded yet
    m_whole->ensureWhole({cell}, [this, exclude](const QModelIndexList& cells) {
        if (const auto c = conditionForCell(*m_model, cells.first(), exclude))
            m_filterBar->addCondition(*c);
    });
}

void TableBrowser::copySelection(bool headers) {
    QModelIndexList cells = m_view->selectionModel()->selectedIndexes();
    if (cells.isEmpty() && m_view->currentIndex().isValid())
        cells << m_view->currentIndex();
    if (!cells.isEmpty())
        m_whole->ensureWhole(cells, [this, headers](const QModelIndexList& now) {
            QApplication::clipboard()->setText(cellsAsTsv(*m_model, now, headers));
        });
}

void TableBrowser::copySelectionAs(CopyAsFormat format) {
    const QModelIndexList block = selectionBlock(*m_view);
    if (block.isEmpty() || !table())
        return;
    m_whole->ensureWhole(block, [this, format](const QModelIndexList& now) { // cut values load first
        if (!table())
            return;
        const core::TableInfo target = core::tableWithoutCtidKey(*table());
        QApplication::clipboard()->setText(
            cellsAs(format, *m_model, now, columnInfosFor(m_model->page().columns, target), target));
    });
}

void TableBrowser::viewValue(const QModelIndex& cell) {
    if (!cell.isValid() || cell.column() >= m_model->columnCount())
        return;
    m_whole->ensureWhole({cell}, [this](const QModelIndexList& cells) {
        const QModelIndex& at = cells.first();
        const core::PageColumn& column = m_model->page().columns[at.column()];
        (new ValueViewer(column.name, column.type, m_model->value(at.row(), at.column()), this))->show();
    });
}

void TableBrowser::showContextMenu(const QPoint& position) {
    const QModelIndex cell = m_view->indexAt(position);
    if (!cell.isValid())
        return;
    QMenu menu(this);
    if (m_model->isNewRow(cell.row())) { // not on the server yet: nothing to filter by or follow
        m_editor->addMenuActions(&menu, cell);
        menu.exec(m_view->viewport()->mapToGlobal(position));
        return;
    }
    if (!m_model->rowValues(cell.row()))
        return; // still loading
    const bool isNull = m_model->data(cell, PageModel::IsNullRole).toBool();
    const QString column = m_model->page().columns[cell.column()].name;
    menu.addAction(themedIcon(QStringLiteral("view-filter")),
                   isNull ? tr("Filter: %1 is null").arg(column) : tr("Filter by this value"), this,
                   [this, cell] { filterByCell(cell, false); });
    menu.addAction(isNull ? tr("Filter: %1 is not null").arg(column) : tr("Exclude this value"), this,
                   [this, cell] { filterByCell(cell, true); });
    menu.addSeparator();
    // The keys shown are those that work in the grid (menu actions show them; the grid's own actions run).
    menu.addAction(themedIcon(QStringLiteral("edit-copy")), tr("Copy"), this,
                   [this] { copySelection(false); })
        ->setShortcut(QKeySequence::Copy);
    menu.addAction(tr("Copy with column names"), this, [this] { copySelection(true); });
    addCopyAsMenu(
        &menu, [this](CopyAsFormat format) { copySelectionAs(format); },
        selectsOneCell(*m_view) ? std::function<void(CopyAsFormat)>([this](CopyAsFormat format) {
            m_view->selectAll(); // the rows loaded: a page, or the scrolled window
            copySelectionAs(format);
        })
                                : std::function<void(CopyAsFormat)>());
    menu.addAction(themedIcon(QStringLiteral("view-visible")), tr("View value…"), this,
                   [this, cell] { viewValue(cell); });
    if (table() && m_model->rowValues(cell.row()))
        addRelationActions(&menu, m_pool, *table(), m_model->page().columns, *m_model->rowValues(cell.row()),
                           [this](const RelatedRows& rows) { emit openRelatedRequested(rows); });
    m_editor->addMenuActions(&menu, cell);
    if (m_editor->isEditable())
        menu.addAction(themedIcon(QStringLiteral("tools-wizard")), tr("Batch operation…"), this,
                       &TableBrowser::openBatchDialog)
            ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

QString TableBrowser::rangeText() const {
    const core::Page& page = m_model->page();
    const QLocale locale;
    QString total;
    if (const auto& exact = m_feed->exactTotal())
        total = locale.toString(*exact);
    else if (isContinuous() && m_model->isWindowed())
        total = (m_model->isTotalExact() ? QString() : QStringLiteral("≈ ")) +
                locale.toString(m_model->resultRowCount());
    else if (page.total)
        total = (page.totalIsEstimate ? QStringLiteral("≈ ") : QString()) + locale.toString(*page.total);
    if (m_model->pageRowCount() == 0)
        return isLoading() ? tr("Loading…") : tr("No rows");
    QString span;
    if (m_model->isWindowed()) {
        const auto [top, bottom] = m_scroller->visibleRows();
        span = tr("rows %1–%2").arg(locale.toString(top + 1), locale.toString(bottom + 1));
    } else {
        const qint64 first = m_feed->firstRow();
        const int rows = m_model->pageRowCount();
        span = m_feed->isFirstRowKnown()
                   ? tr("rows %1–%2").arg(locale.toString(first), locale.toString(first + rows - 1))
                   : tr("last %1 rows").arg(rows);
    }
    return total.isEmpty() ? span : tr("%1 of %2").arg(span, total);
}

void TableBrowser::updateControls() {
    const core::Page& page = m_model->page();
    const bool loading = isLoading();
    m_range->setText(loading ? tr("Loading…") : rangeText());
    if (m_model->isWindowed()) {
        const auto [top, bottom] = m_scroller->visibleRows();
        const bool up = !loading && top > 0;
        const bool down = !loading && bottom >= 0 && bottom < m_model->resultRowCount() - 1;
        m_first->setEnabled(up);
        m_previous->setEnabled(up);
        m_next->setEnabled(down);
        m_last->setEnabled(down);
        return;
    }
    m_first->setEnabled(!loading && !page.prevCursor.isEmpty());
    m_previous->setEnabled(!loading && !page.prevCursor.isEmpty());
    m_next->setEnabled(!loading && !page.nextCursor.isEmpty());
    m_last->setEnabled(!loading && !page.nextCursor.isEmpty());
}

void TableBrowser::fitColumns() {
    // Numbers and short values fully visible, long ones capped at 320 px; widths only grow as later pages
    // bring longer values (a first page of 6-digit ids must not leave 1000000 cut on page 50), and a column
    // the user sized keeps the user's width. Headers get the room of a sort arrow even while unsorted, so
    // sorting by a column never cuts its name.
    auto* header = m_view->horizontalHeader();
    if (!m_columnsSized)
        connect(header, &QHeaderView::sectionResized, this, [this](int column) {
            if (!m_fittingColumns)
                m_userSizedColumns.insert(column);
        });
    const bool indicator = header->isSortIndicatorShown();
    header->setSortIndicatorShown(true);
    m_fittingColumns = true;
    m_columnLayout->setSizingColumns(true);
    for (int c = 0; c < header->count(); ++c) {
        // Sized by hand here, or remembered from before (the column layout applied it).
        if (m_userSizedColumns.contains(c) ||
            (c < m_model->page().columns.size() &&
             m_columnLayout->storedWidth(m_model->page().columns[c].name) > 0))
            continue;
        const int wanted = std::min(std::max(static_cast<QAbstractItemView*>(m_view)->sizeHintForColumn(c),
                                             header->sectionSizeHint(c)),
                                    320);
        if (!m_columnsSized || wanted > header->sectionSize(c))
            header->resizeSection(c, wanted);
    }
    m_fittingColumns = false;
    m_columnLayout->setSizingColumns(false);
    header->setSortIndicatorShown(indicator);
    m_columnsSized = true;
}

void TableBrowser::showSortIndicators() {
    auto* header = m_view->horizontalHeader();
    if (spec().sort.isEmpty()) {
        header->setSortIndicatorShown(false);
        return;
    }
    const auto& key = spec().sort.first();
    for (int c = 0; c < m_model->columnCount(); ++c) {
        if (m_model->page().columns[c].name == key.column) {
            header->setSortIndicatorShown(true);
            header->setSortIndicator(c, key.descending ? Qt::DescendingOrder : Qt::AscendingOrder);
        }
    }
}

} // namespace pgdesk::ui
