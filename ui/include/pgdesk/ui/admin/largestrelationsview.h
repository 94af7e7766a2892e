// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class QToolButton;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;
class LargestRelationsModel;

// A schema's largest tables, partitioned tables and materialized views (core::SizeReader, exact sizes), as
// a sortable table: total, table, TOAST, indexes, estimated rows. Read on a worker from the session's pool
// when created and on Refresh (F5); a failure stays in the state line.
class LargestRelationsView final : public QWidget {
    Q_OBJECT
public:
    LargestRelationsView(std::shared_ptr<core::Pool> pool, QString schema, QWidget* parent = nullptr);
    ~LargestRelationsView() override;

    const QString& schema() const { return m_schema; }
    void refresh();
    bool isLoading() const;
    LargestRelationsModel* model() const { return m_model; }
    QSortFilterProxyModel* sortModel() const { return m_sort; }
    QTableView* view() const { return m_view; }
    QSpinBox* limitBox() const { return m_limit; }
    QLabel* stateLabel() const { return m_state; }

signals:
    void loaded(int relationCount);
    void loadFailed(const QString& message);

private:
    std::shared_ptr<core::Pool> m_pool;
    QString m_schema;
    LargestRelationsModel* m_model = nullptr;
    QSortFilterProxyModel* m_sort = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_state = nullptr;
    QSpinBox* m_limit = nullptr;
    QToolButton* m_refresh = nullptr;
    JobSlot* m_load = nullptr;
};

} // namespace pgdesk::ui
