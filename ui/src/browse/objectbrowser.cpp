#include <pgdesk/ui/objectbrowser.h>

#include "common/lockwaitwatcher.h"
#include <pgdesk/ui/icons.h>

#include <pgdesk/core/canceltoken.h>
#include <pgdesk/core/catalogreader.h>
#include <pgdesk/core/conventionoverride.h>
#include <pgdesk/core/pool.h>
#include <pgdesk/core/sqlbuilder.h>
#include <pgdesk/ui/background.h>
#include <pgdesk/ui/catalogtreemodel.h>
#include <pgdesk/ui/jobslot.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace pgdesk::ui {

namespace {

// Relations sort by the clicked column either way; schemas stay in name order whichever way it goes, so a
// "largest first" does not turn the schema list around.
class CatalogSortModel final : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override {
        if (left.data(CatalogTreeModel::IsSchemaRole).toBool() &&
            right.data(CatalogTreeModel::IsSchemaRole).toBool()) {
            const QString l = left.data(CatalogTreeModel::SchemaRole).toString();
            const QString r = right.data(CatalogTreeModel::SchemaRole).toString();
            // A descending sort places a before b when lessThan(b, a).
            return sortOrder() == Qt::AscendingOrder ? l < r : r < l;
        }
        return QSortFilterProxyModel::lessThan(left, right);
    }
};

} // namespace

ObjectBrowser::ObjectBrowser(QWidget* parent)
    : QWidget(parent)
    , m_model(new CatalogTreeModel(this))
    , m_sort(new CatalogSortModel(this))
    , m_view(new QTreeView(this))
    , m_state(new QLabel(this))
    , m_load(new JobSlot(this)) {
    setObjectName(QStringLiteral("objectBrowser"));
    m_view->setObjectName(QStringLiteral("objectTree"));
    // Sorted by numbers (CatalogTreeModel::SortRole), not by the formatted "900 kB" and "2 MB"; no
    // column sorted at first: the catalog's order (schema, name).
    m_sort->setSourceModel(m_model);
    m_sort->setSortRole(CatalogTreeModel::SortRole);
    m_sort->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_sort->setSortLocaleAware(true);
    m_view->setModel(m_sort);
    m_view->header()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Database objects"));

    // F5 where the focus is: here the tree, in a table tab that table (a window-wide key would clash).
    auto* refreshAction = new QAction(themedIcon(QStringLiteral("view-refresh")), tr("Refresh"), this);
    refreshAction->setObjectName(QStringLiteral("objectTreeRefreshAction"));
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    refreshAction->setToolTip(
        tr("Reload schemas and tables (%1)")
            .arg(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText)));
    connect(refreshAction, &QAction::triggered, this, &ObjectBrowser::refresh);
    addAction(refreshAction);
    m_refreshAction = refreshAction;
    auto* refresh = new QToolButton(this);
    refresh->setDefaultAction(refreshAction);
    refresh->setAutoRaise(true);
    // Ctrl+C on a relation copies its name (the context menu shows the key).
    m_copyAction = new QAction(themedIcon(QStringLiteral("edit-copy")), tr("Copy name"), this);
    m_copyAction->setObjectName(QStringLiteral("objectTreeCopyAction"));
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_copyAction, &QAction::triggered, this, [this] {
        const QModelIndex index = m_view->currentIndex();
        if (index.isValid())
            QGuiApplication::clipboard()->setText(index.data(CatalogTreeModel::IsSchemaRole).toBool()
                                                      ? index.data(CatalogTreeModel::SchemaRole).toString()
                                                      : index.data(CatalogTreeModel::TableRole).toString());
    });
    m_view->addAction(m_copyAction);
    auto* cancelAction = new QAction(tr("Cancel loading"), this);
    cancelAction->setShortcut(QKeySequence::Cancel);
    cancelAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(cancelAction, &QAction::triggered, this, &ObjectBrowser::cancelLoad);
    addAction(cancelAction);

    m_retry = new QToolButton(this);
    m_retry->setObjectName(QStringLiteral("objectBrowserRetry"));
    m_retry->setText(tr("Retry"));
    m_retry->setToolTip(tr("Load schemas and tables again"));
    m_retry->hide();
    connect(m_retry, &QToolButton::clicked, this, &ObjectBrowser::refresh);

    m_state->setObjectName(QStringLiteral("objectBrowserState"));
    m_state->setWordWrap(true);
    m_state->setText(tr("Not connected"));

    auto* top = new QHBoxLayout;
    top->addWidget(m_state, 1);
    top->addWidget(m_retry);
    top->addWidget(refresh);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid())
            return;
        m_view->setCurrentIndex(index);
        QMenu* menu = createContextMenu(index, this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex& index) {
        if (!index.data(CatalogTreeModel::IsSchemaRole).toBool())
            emit tableActivated(index.data(CatalogTreeModel::SchemaRole).toString(),
                                index.data(CatalogTreeModel::TableRole).toString());
    });
}

QMenu* ObjectBrowser::createContextMenu(const QModelIndex& index, QWidget* parent) {
    auto* menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("objectTreeMenu"));
    const QString schema = index.data(CatalogTreeModel::SchemaRole).toString();
    const bool isSchema = index.data(CatalogTreeModel::IsSchemaRole).toBool();
    const auto copy = [](const QString& text) { QGuiApplication::clipboard()->setText(text); };
    if (!isSchema) {
        const QString name = index.data(CatalogTreeModel::TableRole).toString();
        const QString kind = index.data(CatalogTreeModel::KindRole).toString();
        const bool isTable = kind == QLatin1String("table") || kind == QLatin1String("partitioned_table");
        QAction* open = menu->addAction(themedIcon(QStringLiteral("table")), tr("Open"), this,
                                        [this, schema, name] { emit tableActivated(schema, name); });
        open->setObjectName(QStringLiteral("treeOpenAction"));
        open->setShortcut(QKeySequence(Qt::Key_Return)); // shown only: Enter opens through activated()
        menu->setDefaultAction(open);
        menu->addAction(themedIcon(QStringLiteral("view-list-details")), tr("Structure"), this,
                        [this, schema, name] { emit structureRequested(schema, name); })
            ->setObjectName(QStringLiteral("treeStructureAction"));
        menu->addAction(themedIcon(QStringLiteral("code-context")), tr("CREATE script"), this,
                        [this, schema, name] { emit scriptRequested(schema, name); })
            ->setObjectName(QStringLiteral("treeScriptAction"));
        menu->addAction(themedIcon(QStringLiteral("document-new")), tr("Query in a new query tool"), this,
                        [this, schema, name] { emit queryRequested(schema, name); })
            ->setObjectName(QStringLiteral("treeQueryAction"));
        menu->addSeparator();
        menu->addAction(themedIcon(QStringLiteral("document-export")), tr("Export…"), this,
                        [this, schema, name] { emit exportRequested(schema, name); })
            ->setObjectName(QStringLiteral("treeExportAction"));
        QAction* import = menu->addAction(themedIcon(QStringLiteral("document-import")), tr("Import CSV…"),
                                          this, [this, schema, name] { emit importRequested(schema, name); });
        import->setObjectName(QStringLiteral("treeImportAction"));
        import->setEnabled(isTable);
        if (!isTable)
            import->setToolTip(tr("Only tables take imported rows"));
        // VACUUM, ANALYZE, REINDEX, REFRESH: the window opens the dialog on the session's profile.
        QAction* maintenance =
            menu->addAction(themedIcon(QStringLiteral("tools-wizard")), tr("Maintenance…"), this,
                            [this, schema, name] { emit maintenanceRequested(schema, name); });
        maintenance->setObjectName(QStringLiteral("treeMaintenanceAction"));
        maintenance->setEnabled(kind != QLatin1String("view"));
        if (kind == QLatin1String("view"))
            maintenance->setToolTip(tr("A view holds no data to maintain"));
        QAction* backup = menu->addAction(themedIcon(QStringLiteral("document-save")), tr("Back up…"), this,
                                          [this, schema, name] { emit backupRequested(schema, name); });
        backup->setObjectName(QStringLiteral("treeBackupAction"));
        backup->setEnabled(isTable);
        menu->addSeparator();
        menu->addAction(m_copyAction);
        menu->addAction(themedIcon(QStringLiteral("edit-copy")), tr("Copy qualified name"), this,
                        [copy, schema, name] {
                            copy(core::quoteIdentifier(schema) + QLatin1Char('.') +
                                 core::quoteIdentifier(name));
                        })
            ->setObjectName(QStringLiteral("treeCopyQualifiedAction"));
    } else {
        menu->addAction(themedIcon(QStringLiteral("code-context")), tr("CREATE script of the schema"), this,
                        [this, schema] { emit scriptRequested(schema, {}); })
            ->setObjectName(QStringLiteral("treeSchemaScriptAction"));
        menu->addAction(themedIcon(QStringLiteral("document-save")), tr("Back up schema…"), this,
                        [this, schema] { emit backupRequested(schema, QString()); })
            ->setObjectName(QStringLiteral("treeBackupSchemaAction"));
        menu->addAction(themedIcon(QStringLiteral("view-statistics")), tr("Largest relations"), this,
                        [this, schema] { emit largestRelationsRequested(schema); })
            ->setObjectName(QStringLiteral("treeLargestRelationsAction"));
        menu->addSeparator();
        menu->addAction(m_copyAction);
    }
    menu->addSeparator();
    menu->addAction(m_refreshAction);
    return menu;
}

QModelIndex ObjectBrowser::viewIndex(const QModelIndex& modelIndex) const {
    return m_sort->mapFromSource(modelIndex);
}

ObjectBrowser::~ObjectBrowser() = default; // the load slot cancels a load still waiting on a lock

void ObjectBrowser::setPool(std::shared_ptr<core::Pool> pool) {
    m_pool = std::move(pool);
    m_model->clear();
    refresh();
}

void ObjectBrowser::refresh() {
    if (!m_pool)
        return;
    // The load this one supersedes may be waiting on a lock: cancelled, it gives its connection back.
    cancelLoad();
    m_retry->hide();
    m_state->setText(tr("Loading…"));
    m_load->start(
        [pool = m_pool](const std::shared_ptr<core::CancelToken>& cancel) {
            auto connection = pool->acquire();
            const core::CancelToken::Scope scope(cancel, *connection);
            core::CatalogReader reader(*connection);
            QList<core::TableSummary> tables;
            try {
                tables = reader.tables();
            } catch (const core::QueryError& e) {
                LockWaitWatcher::rethrowNamingHolders(e, reader.lockHolders());
            }
            for (auto& t : tables)
                core::applyConventionOverride(t, connection->profile());
            return tables;
        },
        [this](QList<core::TableSummary> tables) {
            m_model->setTables(tables);
            for (int r = 0; r < m_sort->rowCount(); ++r)
                m_view->expand(m_sort->index(r, 0));
            m_view->resizeColumnToContents(CatalogTreeModel::NameColumn);
            m_view->resizeColumnToContents(CatalogTreeModel::RowsColumn);
            m_view->resizeColumnToContents(CatalogTreeModel::SizeColumn);
            m_state->setText(tr("%n relation(s)", nullptr, int(tables.size())));
            emit loaded(int(tables.size()));
        },
        [this](const BackgroundFailure& failure) {
            m_state->setText(tr("Could not load the catalog: %1").arg(failure.message));
            m_retry->show();
            emit loadFailed(failure.message);
        });
}

bool ObjectBrowser::isLoading() const {
    return m_load->isRunning();
}

void ObjectBrowser::cancelLoad() {
    if (!m_load->isRunning())
        return;
    m_load->abandon(); // PQcancel; its reply, a cancel error, is dropped
    m_state->setText(tr("Loading cancelled"));
    m_retry->show();
}

} // namespace pgdesk::ui
