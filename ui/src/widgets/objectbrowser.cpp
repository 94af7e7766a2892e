#include <pgdesk/ui/objectbrowser.h>

#include <pgdesk/core/catalogreader.h>
#include <pgdesk/core/conventionoverride.h>
#include <pgdesk/core/pool.h>
#include <pgdesk/ui/background.h>
#include <pgdesk/ui/catalogtreemodel.h>

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace pgdesk::ui {

ObjectBrowser::ObjectBrowser(QWidget* parent)
    : QWidget(parent)
    , m_model(new CatalogTreeModel(this))
    , m_view(new QTreeView(this))
    , m_state(new QLabel(this)) {
    setObjectName(QStringLiteral("objectBrowser"));
    m_view->setObjectName(QStringLiteral("objectTree"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Database objects"));

    auto* refresh = new QToolButton(this);
    refresh->setText(tr("Refresh"));
    refresh->setToolTip(tr("Reload schemas and tables (F5)"));
    connect(refresh, &QToolButton::clicked, this, &ObjectBrowser::refresh);
    // F5 where the focus is: here the tree, in a table tab that table (a window-wide key would clash).
    auto* refreshAction = new QAction(tr("Refresh"), this);
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(refreshAction, &QAction::triggered, this, &ObjectBrowser::refresh);
    addAction(refreshAction);

    m_state->setObjectName(QStringLiteral("objectBrowserState"));
    m_state->setWordWrap(true);
    m_state->setText(tr("Not connected"));

    auto* top = new QHBoxLayout;
    top->addWidget(m_state, 1);
    top->addWidget(refresh);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex& index) {
        if (!index.data(CatalogTreeModel::IsSchemaRole).toBool())
            emit tableActivated(index.data(CatalogTreeModel::SchemaRole).toString(),
                                index.data(CatalogTreeModel::TableRole).toString());
    });
}

void ObjectBrowser::setPool(std::shared_ptr<core::Pool> pool) {
    m_pool = std::move(pool);
    m_model->clear();
    refresh();
}

void ObjectBrowser::refresh() {
    if (!m_pool)
        return;
    const quint64 generation = ++m_generation;
    m_loading = true;
    m_state->setText(tr("Loading…"));
    runInBackground(
        this,
        [pool = m_pool] {
            auto connection = pool->acquire();
            auto tables = core::CatalogReader(*connection).tables();
            for (auto& t : tables)
                core::applyConventionOverride(t, connection->profile());
            return tables;
        },
        [this, generation](QList<core::TableSummary> tables) {
            if (generation != m_generation)
                return;
            m_loading = false;
            m_model->setTables(tables);
            for (int r = 0; r < m_model->rowCount(); ++r)
                m_view->expand(m_model->index(r, 0));
            m_view->resizeColumnToContents(CatalogTreeModel::NameColumn);
            m_view->resizeColumnToContents(CatalogTreeModel::RowsColumn);
            m_state->setText(tr("%n relation(s)", nullptr, int(tables.size())));
            emit loaded(int(tables.size()));
        },
        [this, generation](const QString& message) {
            if (generation != m_generation)
                return;
            m_loading = false;
            m_state->setText(tr("Could not load the catalog: %1").arg(message));
            emit loadFailed(message);
        });
}

} // namespace pgdesk::ui
