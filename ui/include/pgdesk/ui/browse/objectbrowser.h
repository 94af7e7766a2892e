// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <QHash>
#include <QList>
#include <QPointer>
#include <QString>

#include <memory>

class QLabel;
class QMenu;
class QModelIndex;
class QSortFilterProxyModel;
class QAction;
class QToolButton;
class QTreeView;

namespace pgdesk::core {
class CancelToken;
class Pool;
class SessionPools;
struct DatabaseInfo;
struct TableSummary;
} // namespace pgdesk::core

namespace pgdesk::ui {

class CatalogTreeModel;
class JobSlot;
class Workbench;

// The object tree of one session: the server's databases, and the catalog of each database loaded on a
// worker thread from that database's pool (the session's own at once, any other when it is first
// expanded; SessionPools makes its pool then). Refreshable; reports which relation the user opened, with
// its database. A new load cancels the one still running (so blocked statements never pile up on pooled
// connections), Esc cancels them, and a failure (a lock another session holds, named; a database that
// refuses the connection) stays in the state line with Retry.
class ObjectBrowser final : public QWidget {
    Q_OBJECT
public:
    explicit ObjectBrowser(QWidget* parent = nullptr);
    ~ObjectBrowser() override;

    // A session of one pool (the databases list still shows the server's others, opened on demand).
    void setPool(std::shared_ptr<core::Pool> pool);
    void setPools(std::shared_ptr<core::SessionPools> pools);
    const std::shared_ptr<core::SessionPools>& pools() const { return m_pools; }
    // Reloads the database list and every loaded database's relations.
    void refresh();
    // Loads (again) the relations of `database`; what expanding it does the first time.
    void loadDatabase(const QString& database);
    // Template databases in the list (View menu of the tree; remembered).
    void setShowTemplates(bool show);
    bool showsTemplates() const { return m_showTemplates; }
    // The database of the tree's current item (the session's own when none is selected).
    QString currentDatabase() const;
    // Stops the running load, if any: its statement is cancelled on the server (off the GUI thread).
    void cancelLoad();
    CatalogTreeModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    // The view shows the model through a sort proxy (click a header: by name, rows or size).
    QSortFilterProxyModel* sortModel() const { return m_sort; }
    // A model() index as the view's (sortModel()) index.
    QModelIndex viewIndex(const QModelIndex& modelIndex) const;
    bool isLoading() const;

    // The context menu of the relation, schema or database at `index` (what a right-click shows): the tree's
    // own entries (Open, Copy name, Copy qualified name, Show template databases, Refresh) around those the
    // window's features registered (Workbench::addTreeEntry).
    QMenu* createContextMenu(const QModelIndex& index, QWidget* parent);
    // Where the features' entries come from (none without).
    void setWorkbench(Workbench* workbench);

signals:
    // Every request names the object's database last (the session's own database by name too).
    void tableActivated(const QString& schema, const QString& name, const QString& database);
    // The session's own database's relations are shown (relationCount of them), their conventions (the
    // notes) still on their way; loaded() follows when they are in.
    void relationsShown(int relationCount);
    // The session's own database's relations are in (relationCount of them), with their conventions.
    void loaded(int relationCount);
    void databaseLoaded(const QString& database, int relationCount);
    void loadFailed(const QString& message);

private:
    void startLoad(const QString& database);
    void showFailure(const QString& database, const QString& message);
    // The primary database's relations in the tree, its schemas expanded.
    void showRelations(const QList<core::DatabaseInfo>& databases, const QList<core::TableSummary>& tables);

    std::shared_ptr<core::SessionPools> m_pools;
    CatalogTreeModel* m_model = nullptr;
    QSortFilterProxyModel* m_sort = nullptr;
    QTreeView* m_view = nullptr;
    QLabel* m_state = nullptr;
    QToolButton* m_retry = nullptr;
    JobSlot* m_load = nullptr;     // the database list and the primary's catalog; a Refresh supersedes it
    bool m_relationsShown = false; // by the running (or last) load, before it ended
    QHash<QString, JobSlot*> m_databaseLoads; // every other database's catalog load
    QString m_failed;                         // the database Retry loads again (empty: refresh all)
    bool m_showTemplates = false;
    QAction* m_refreshAction = nullptr;
    QAction* m_copyAction = nullptr;
    QPointer<Workbench> m_workbench;
};

} // namespace pgdesk::ui
