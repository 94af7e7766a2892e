#pragma once

#include <QWidget>

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
} // namespace pgdesk::core

namespace pgdesk::ui {

class CatalogTreeModel;
class JobSlot;

// The object tree of one session: loads the catalog on a worker thread from the session's pool,
// refreshable, and reports which relation the user opened. A new load cancels the one still running (so
// blocked statements never pile up on pooled connections), Esc cancels it, and a failure (a lock another
// session holds, named) stays in the state line with Retry.
class ObjectBrowser final : public QWidget {
    Q_OBJECT
public:
    explicit ObjectBrowser(QWidget* parent = nullptr);
    ~ObjectBrowser() override;

    void setPool(std::shared_ptr<core::Pool> pool);
    void refresh();
    // Stops the running load, if any: its statement is cancelled on the server (off the GUI thread).
    void cancelLoad();
    CatalogTreeModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    // The view shows the model through a sort proxy (click a header: by name, rows or size).
    QSortFilterProxyModel* sortModel() const { return m_sort; }
    // A model() index as the view's (sortModel()) index.
    QModelIndex viewIndex(const QModelIndex& modelIndex) const;
    bool isLoading() const;

    // The context menu of the relation or schema at `index` (what a right-click shows).
    QMenu* createContextMenu(const QModelIndex& index, QWidget* parent);

signals:
    void tableActivated(const QString& schema, const QString& name);
    // From the tree's context menu: the window opens the export dialog, the import dialog or a query tool
    // (SELECT … LIMIT 100) for that relation.
    void exportRequested(const QString& schema, const QString& name);
    void importRequested(const QString& schema, const QString& name);
    void queryRequested(const QString& schema, const QString& name);
    // "Structure": the relation's tab opened on its structure (columns, constraints, indexes …).
    void structureRequested(const QString& schema, const QString& name);
    // "CREATE script": of the relation (`name`), or of the whole schema (`name` empty).
    void scriptRequested(const QString& schema, const QString& name);
    // "Maintenance…": VACUUM, ANALYZE, REINDEX or REFRESH of that relation (the window opens the dialog).
    void maintenanceRequested(const QString& schema, const QString& name);
    // "Back up…" on a table (name set) or a schema (name empty): the window opens the backup dialog.
    void backupRequested(const QString& schema, const QString& name);
    // "Largest relations" on a schema: the window opens the schema's size list.
    void largestRelationsRequested(const QString& schema);
    void loaded(int relationCount);
    void loadFailed(const QString& message);

private:
    std::shared_ptr<core::Pool> m_pool;
    CatalogTreeModel* m_model = nullptr;
    QSortFilterProxyModel* m_sort = nullptr;
    QTreeView* m_view = nullptr;
    QLabel* m_state = nullptr;
    QToolButton* m_retry = nullptr;
    JobSlot* m_load = nullptr; // the catalog load; a Refresh supersedes it
    QAction* m_refreshAction = nullptr;
    QAction* m_copyAction = nullptr;
};

} // namespace pgdesk::ui
