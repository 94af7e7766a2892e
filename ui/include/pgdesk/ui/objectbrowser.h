#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QTreeView;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class CatalogTreeModel;

// The object tree of one session: loads the catalog on a worker thread from the session's pool,
// refreshable, and reports which relation the user opened.
class ObjectBrowser final : public QWidget {
    Q_OBJECT
public:
    explicit ObjectBrowser(QWidget* parent = nullptr);

    void setPool(std::shared_ptr<core::Pool> pool);
    void refresh();
    CatalogTreeModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    bool isLoading() const { return m_loading; }

signals:
    void tableActivated(const QString& schema, const QString& name);
    void loaded(int relationCount);
    void loadFailed(const QString& message);

private:
    std::shared_ptr<core::Pool> m_pool;
    CatalogTreeModel* m_model = nullptr;
    QTreeView* m_view = nullptr;
    QLabel* m_state = nullptr;
    quint64 m_generation = 0;
    bool m_loading = false;
};

} // namespace pgdesk::ui
