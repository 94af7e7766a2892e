// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/admin/statementstats.h>

#include <QAbstractTableModel>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableWidget;
class QTableView;
class QTimer;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;

// The statements of a window (core::statementsBetween): one row each, numbers sorted as numbers.
class StatementsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Calls,
        Total,
        Mean,
        Max,
        Rows,
        SharedHit,
        SharedRead,
        Temp,
        Database,
        Role,
        Query,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int QueryRole = Qt::UserRole + 2; // the whole normalized text

    explicit StatementsModel(QObject* parent = nullptr);
    void setStatements(QList<core::StatementStat> statements);
    const QList<core::StatementStat>& statements() const { return m_statements; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<core::StatementStat> m_statements;
};

// Connection ▸ Top statements: what loaded the server in a chosen window (10 s … 5 min, the difference
// between two snapshots of pg_stat_statements, never lifetime totals unless "since reset" is chosen),
// read on a JobSlot from the session's pool while the tab is shown and not at all while it is hidden.
// Without pg_stat_statements the tab says what to do. A statement opens in a query tool, or explained.
// Suggest Indexes lists the indexes the workload's filters ask for, ranked by the plan cost they save.
class StatementsView final : public QWidget {
    Q_OBJECT
public:
    explicit StatementsView(std::shared_ptr<core::Pool> pool, QWidget* parent = nullptr);
    ~StatementsView() override;

    // Takes a snapshot now and shows the window since the previous one (the lifetime totals when the
    // window is "since reset").
    void refresh();
    // Seconds between snapshots; 0: since the statistics were reset.
    void setWindowSeconds(int seconds);
    int windowSeconds() const;
    bool isLoading() const;
    StatementsModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QString stateText() const;
    // Suggest Indexes: the indexes the workload's predicates ask for (core::IndexAdvisor: pg_qualstats,
    // checked with hypopg what-if plans), shown under the statements; nothing is built.
    void suggestIndexes();
    QTableWidget* suggestions() const { return m_suggestions; }

signals:
    void loaded(int count);
    void suggested(int count);
    void openInQueryTool(const QString& sql);
    void explainInQueryTool(const QString& sql);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    QString selectedQuery() const;

    std::shared_ptr<core::Pool> m_pool;
    std::optional<core::StatementSnapshot> m_previous;
    StatementsModel* m_model = nullptr;
    QSortFilterProxyModel* m_sort = nullptr;
    QTableView* m_view = nullptr;
    QComboBox* m_window = nullptr;
    QLabel* m_state = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_explain = nullptr;
    QTimer* m_timer = nullptr;
    JobSlot* m_load = nullptr;
    JobSlot* m_suggest = nullptr;
    QTableWidget* m_suggestions = nullptr;
};

} // namespace pgdesk::ui
