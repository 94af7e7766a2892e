// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/browse/objectbrowser.h>
#include <pgdesk/ui/common/workbench.h>

#include "common/lockwaitwatcher.h"
#include <pgdesk/ui/common/icons.h>

#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/catalog/profileconventions.h>
#include <pgdesk/core/server/tablespaces.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/databaselist.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/sessionpools.h>
#include <pgdesk/ui/browse/catalogtreemodel.h>
#include <pgdesk/ui/common/background.h>
#include <pgdesk/ui/common/jobslot.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace pgdesk::ui {

namespace {

// Relations sort by the clicked column either way; databases and schemas stay in name order whichever way
// it goes, so a "largest first" does not turn the schema list around.
class CatalogSortModel final : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    // Type-to-find (QTreeView::keyboardSearch) matches the DisplayRole by its beginning; in a right-to-left
    // layout a name is shown isolated (a mark before it), so names are matched as they are, unmarked.
    QModelIndexList match(const QModelIndex& start, int role, const QVariant& value, int hits,
                          Qt::MatchFlags flags) const override {
        if (role == Qt::DisplayRole && start.column() == CatalogTreeModel::NameColumn)
            role = CatalogTreeModel::NameRole;
        return QSortFilterProxyModel::match(start, role, value, hits, flags);
    }

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override {
        const bool databases = left.data(CatalogTreeModel::IsDatabaseRole).toBool() &&
                               right.data(CatalogTreeModel::IsDatabaseRole).toBool();
        if (databases || (left.data(CatalogTreeModel::IsSchemaRole).toBool() &&
                          right.data(CatalogTreeModel::IsSchemaRole).toBool())) {
            const int role = databases ? CatalogTreeModel::DatabaseRole : CatalogTreeModel::SchemaRole;
            const QString l = left.data(role).toString();
            const QString r = right.data(role).toString();
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
    m_showTemplates = QSettings().value(QStringLiteral("objectTree/showTemplates"), false).toBool();
    // Expanding a database not loaded yet asks for its relations (QTreeView calls fetchMore).
    connect(m_model, &CatalogTreeModel::fetchRequested, this, &ObjectBrowser::loadDatabase);

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
        if (!index.isValid())
            return;
        const int role = index.data(CatalogTreeModel::IsDatabaseRole).toBool()
                             ? CatalogTreeModel::DatabaseRole
                         : index.data(CatalogTreeModel::IsSchemaRole).toBool() ? CatalogTreeModel::SchemaRole
                                                                               : CatalogTreeModel::TableRole;
        QGuiApplication::clipboard()->setText(index.data(role).toString());
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
    connect(m_retry, &QToolButton::clicked, this, [this] {
        if (m_failed.isEmpty())
            this->refresh();
        else
            loadDatabase(m_failed);
    });

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
        if (!index.data(CatalogTreeModel::TableRole).toString().isEmpty())
            emit tableActivated(index.data(CatalogTreeModel::SchemaRole).toString(),
                                index.data(CatalogTreeModel::TableRole).toString(),
                                index.data(CatalogTreeModel::DatabaseRole).toString());
    });
}

void ObjectBrowser::setWorkbench(Workbench* workbench) {
    m_workbench = workbench;
}

QMenu* ObjectBrowser::createContextMenu(const QModelIndex& index, QWidget* parent) {
    auto* menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("objectTreeMenu"));
    TreeObject object;
    object.schema = index.data(CatalogTreeModel::SchemaRole).toString();
    object.database = index.data(CatalogTreeModel::DatabaseRole).toString();
    object.node = index.data(CatalogTreeModel::IsDatabaseRole).toBool() ? TreeObject::Node::Database
                  : index.data(CatalogTreeModel::IsSchemaRole).toBool() ? TreeObject::Node::Schema
                                                                        : TreeObject::Node::Relation;
    const QString kind = index.data(CatalogTreeModel::KindRole).toString();
    const bool folder = kind == QLatin1String(CatalogTreeModel::kFolderKind);
    if (kind == QLatin1String(CatalogTreeModel::kTablespaceKind))
        object.node = TreeObject::Node::Tablespace;
    else if (kind == QLatin1String(CatalogTreeModel::kEventTriggerKind))
        object.node = TreeObject::Node::EventTrigger;
    if (object.node == TreeObject::Node::Tablespace || object.node == TreeObject::Node::EventTrigger)
        object.name = index.data(CatalogTreeModel::NameRole).toString();
    if (object.node == TreeObject::Node::Relation && !folder) {
        object.name = index.data(CatalogTreeModel::TableRole).toString();
        object.relationKind = index.data(CatalogTreeModel::KindRole).toString();
        QAction* open =
            menu->addAction(themedIcon(QStringLiteral("table")), tr("Open"), this, [this, object] {
                emit tableActivated(object.schema, object.name, object.database);
            });
        open->setObjectName(QStringLiteral("treeOpenAction"));
        open->setShortcut(QKeySequence(Qt::Key_Return)); // shown only: Enter opens through activated()
        menu->setDefaultAction(open);
    }
    // The features' entries, a separator between hundreds.
    int section = -1;
    const QList<TreeEntry> entries =
        m_workbench && !folder ? m_workbench->treeEntries(object.node) : QList<TreeEntry>();
    for (const TreeEntry& entry : entries) {
        if (section >= 0 && entry.order / 100 != section)
            menu->addSeparator();
        section = entry.order / 100;
        QAction* a = menu->addAction(entry.icon.isEmpty() ? QIcon() : themedIcon(entry.icon), entry.text,
                                     this, [trigger = entry.trigger, object] { trigger(object); });
        a->setObjectName(entry.objectName);
        if (entry.enabled && !entry.enabled(object)) {
            a->setEnabled(false);
            if (!entry.disabledToolTip.isEmpty())
                a->setToolTip(entry.disabledToolTip);
        }
    }
    menu->addSeparator();
    menu->addAction(m_copyAction);
    if (object.node == TreeObject::Node::Relation && !folder) {
        const auto copyQualified = [object] {
            QGuiApplication::clipboard()->setText(core::quoteIdentifier(object.schema) + QLatin1Char('.') +
                                                  core::quoteIdentifier(object.name));
        };
        menu->addAction(themedIcon(QStringLiteral("edit-copy")), tr("Copy qualified name"), this,
                        copyQualified)
            ->setObjectName(QStringLiteral("treeCopyQualifiedAction"));
    } else if (object.node == TreeObject::Node::Database) {
        QAction* templates =
            menu->addAction(tr("Show template databases"), this, [this](bool on) { setShowTemplates(on); });
        templates->setObjectName(QStringLiteral("treeShowTemplatesAction"));
        templates->setCheckable(true);
        templates->setChecked(m_showTemplates);
        templates->setEnabled(m_pools && m_pools->allowsOtherDatabases());
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
    setPools(pool ? core::SessionPools::create(pool, pool->profile().database) : nullptr);
}

void ObjectBrowser::setPools(std::shared_ptr<core::SessionPools> pools) {
    cancelLoad();
    m_pools = std::move(pools);
    m_model->clear();
    refresh();
}

QString ObjectBrowser::currentDatabase() const {
    const QString db = m_view->currentIndex().data(CatalogTreeModel::DatabaseRole).toString();
    return db.isEmpty() ? m_model->primaryDatabase() : db;
}

void ObjectBrowser::setShowTemplates(bool show) {
    if (show == m_showTemplates)
        return;
    m_showTemplates = show;
    QSettings().setValue(QStringLiteral("objectTree/showTemplates"), show);
    refresh();
}

void ObjectBrowser::showFailure(const QString& database, const QString& message) {
    m_failed = database;
    m_state->setText(database.isEmpty() || database == m_model->primaryDatabase()
                         ? tr("Could not load the catalog: %1").arg(message)
                         : tr("Could not open the database %1: %2").arg(database, message));
    m_retry->show();
}

namespace {

// The relations of the pool's database, with the profile's convention overrides (run on a worker);
// `relationsFirst` gets them before their conventions are read, when given.
QList<core::TableSummary> readTables(core::Pool& pool, const std::shared_ptr<core::CancelToken>& cancel,
                                     const core::CatalogReader::RelationsRead& relationsFirst = {}) {
    auto connection = pool.acquire();
    const core::CancelToken::Scope scope(cancel, *connection);
    core::CatalogReader reader(*connection);
    const auto withOverrides = [&connection](QList<core::TableSummary> tables) {
        for (auto& t : tables)
            core::applyConventionOverride(t, connection->profile());
        return tables;
    };
    QList<core::TableSummary> tables;
    try {
        tables = reader.tables(
            {}, relationsFirst
                    ? [&](const QList<core::TableSummary>& first) { relationsFirst(withOverrides(first)); }
                    : core::CatalogReader::RelationsRead());
    } catch (const core::QueryError& e) {
        LockWaitWatcher::rethrowNamingHolders(e, reader.lockHolders());
    }
    return withOverrides(std::move(tables));
}

struct PrimaryCatalog {
    QList<core::DatabaseInfo> databases;
    QList<core::TableSummary> tables;
    QHash<QString, qint64> databaseSizes;
    QList<core::TablespaceInfo> tablespaces;
    QList<core::EventTriggerInfo> eventTriggers;
};

// A database's event triggers; none when they cannot be read (the tree shows the relations all the same).
QList<core::EventTriggerInfo> readEventTriggers(core::Pool& pool,
                                                const std::shared_ptr<core::CancelToken>& cancel) {
    try {
        auto connection = pool.acquire();
        const core::CancelToken::Scope scope(cancel, *connection);
        return core::TablespaceReader(*connection).eventTriggers();
    } catch (const core::QueryError&) {
        return {};
    }
}

} // namespace

void ObjectBrowser::refresh() {
    if (!m_pools)
        return;
    // The load this one supersedes may be waiting on a lock: cancelled, it gives its connection back.
    cancelLoad();
    m_retry->hide();
    m_failed.clear();
    m_state->setText(tr("Loading…"));
    // The other databases that were open are loaded again once the list is back.
    QStringList reopen = m_model->loadedDatabases();
    reopen.removeAll(m_pools->primaryDatabase());
    // The tree shows the relations as soon as they are read (a big database's conventions, the notes, take
    // as long again): reported to this thread by the job, for this load only.
    m_relationsShown = false;
    m_load->start(
        [this, pool = m_pools->primary(), all = m_pools->allowsOtherDatabases(), templates = m_showTemplates](
            const std::shared_ptr<core::CancelToken>& cancel, const JobSlot::Report& report) {
            PrimaryCatalog c;
            if (all) {
                auto connection = pool->acquire();
                const core::CancelToken::Scope scope(cancel, *connection);
                // Their sizes last: a database's size stats each of its files.
                c.databases = core::listDatabases(*connection, templates, core::DatabaseSizes::Skip);
            }
            // Read first (two short statements on one connection), so the tree takes its shape in one go with
            // the relations; either failing leaves its folder out, the relations are what matters here.
            {
                auto connection = pool->acquire();
                const core::CancelToken::Scope scope(cancel, *connection);
                core::TablespaceReader reader(*connection);
                try {
                    c.eventTriggers = reader.eventTriggers();
                } catch (const core::QueryError&) {
                }
                try {
                    c.tablespaces = reader.tablespaces();
                } catch (const core::QueryError&) {
                }
            }
            c.tables = readTables(*pool, cancel, [&](const QList<core::TableSummary>& first) {
                report([this, databases = c.databases, first, triggers = c.eventTriggers,
                        tablespaces = c.tablespaces] {
                    m_model->setTablespaces(tablespaces);
                    m_model->setEventTriggers(m_pools->primaryDatabase(), triggers);
                    showRelations(databases, first);
                });
            });
            if (all) {
                auto connection = pool->acquire();
                const core::CancelToken::Scope scope(cancel, *connection);
                c.databaseSizes = core::databaseSizes(*connection, templates);
            }
            return c;
        },
        [this, reopen](const PrimaryCatalog& c) {
            const QString primary = m_pools->primaryDatabase();
            if (m_relationsShown) {
                m_model->setConventions(primary, c.tables);
            } else {
                m_model->setTablespaces(c.tablespaces);
                m_model->setEventTriggers(primary, c.eventTriggers);
                showRelations(c.databases, c.tables);
            }
            m_model->setDatabaseSizes(c.databaseSizes);
            emit loaded(int(c.tables.size()));
            for (const QString& other : reopen)
                if (m_model->findDatabase(other).isValid())
                    loadDatabase(other);
        },
        [this](const BackgroundFailure& failure) {
            showFailure({}, failure.message);
            emit loadFailed(failure.message);
        });
}

void ObjectBrowser::showRelations(const QList<core::DatabaseInfo>& databases,
                                  const QList<core::TableSummary>& tables) {
    m_relationsShown = true;
    const QString primary = m_pools->primaryDatabase();
    m_model->setDatabases(databases, primary);
    m_model->setTables(primary, tables);
    const QModelIndex db = viewIndex(m_model->findDatabase(primary));
    m_view->expand(db);
    for (int r = 0; r < m_sort->rowCount(db); ++r)
        m_view->expand(m_sort->index(r, 0, db));
    m_view->resizeColumnToContents(CatalogTreeModel::NameColumn);
    m_view->resizeColumnToContents(CatalogTreeModel::RowsColumn);
    m_view->resizeColumnToContents(CatalogTreeModel::SizeColumn);
    m_state->setText(tr("%n relation(s)", nullptr, int(tables.size())));
    emit relationsShown(int(tables.size()));
}

void ObjectBrowser::loadDatabase(const QString& database) {
    if (!m_pools)
        return;
    if (database.isEmpty() || database == m_pools->primaryDatabase()) {
        refresh();
        return;
    }
    JobSlot*& slot = m_databaseLoads[database];
    if (!slot)
        slot = new JobSlot(this);
    else if (slot->isRunning())
        return; // already on its way (fetchMore comes again while the tree expands)
    std::shared_ptr<core::Pool> pool;
    try {
        pool = m_pools->pool(database); // opens nothing yet
    } catch (const core::Error& e) {
        showFailure(database, e.displayText());
        return;
    }
    m_retry->hide();
    m_state->setText(tr("Opening %1…").arg(database));
    slot->start(
        [pool](const std::shared_ptr<core::CancelToken>& cancel) {
            return std::make_pair(readTables(*pool, cancel), readEventTriggers(*pool, cancel));
        },
        [this, database](const std::pair<QList<core::TableSummary>, QList<core::EventTriggerInfo>>& read) {
            // A database the list no longer has (a refresh hid the templates meanwhile): not brought back.
            if (!m_model->findDatabase(database).isValid())
                return;
            const QList<core::TableSummary>& tables = read.first;
            m_model->setEventTriggers(database, read.second);
            m_model->setTables(database, tables);
            const QModelIndex db = viewIndex(m_model->findDatabase(database));
            m_view->expand(db);
            m_state->setText(tr("%1: %n relation(s)", nullptr, int(tables.size())).arg(database));
            emit databaseLoaded(database, int(tables.size()));
        },
        [this, database](const BackgroundFailure& failure) {
            showFailure(database, failure.message);
            emit loadFailed(failure.message);
        });
}

bool ObjectBrowser::isLoading() const {
    return m_load->isRunning() || std::any_of(m_databaseLoads.cbegin(), m_databaseLoads.cend(),
                                              [](JobSlot* s) { return s->isRunning(); });
}

void ObjectBrowser::cancelLoad() {
    if (!isLoading())
        return;
    // PQcancel; their replies, cancel errors, are dropped (the early report of the relations too).
    m_load->abandon();
    for (JobSlot* s : std::as_const(m_databaseLoads))
        s->abandon();
    m_state->setText(tr("Loading cancelled"));
    m_retry->show();
}

} // namespace pgdesk::ui
