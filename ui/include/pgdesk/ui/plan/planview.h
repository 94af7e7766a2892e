// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/plan/plan.h>

#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace pgdesk::ui {

class PlanAnalysisModel;
class PlanGraphView;

// A plan as PgDesk reads it (docs/plans.md): the graph (PlanGraphView), the Analysis table (every node's
// times, rows, misestimate, buffers), the text tree, and beside them the hotspots and the selected node's
// details. Selecting a node anywhere selects it everywhere. Save writes the plan's JSON as the server gave
// it; Compare With offers the owner's previous plan, every other plan open in the window and a saved file
// (compareWith / compareRequested), and the owner shows both (PlanCompareView).
// Used by the query tool's Plan tab and by a plan tab of its own (File ▸ Open Plan…).
class PlanView final : public QWidget {
    Q_OBJECT

public:
    explicit PlanView(QWidget* parent = nullptr);
    ~PlanView() override;

    void setPlan(std::shared_ptr<const core::Plan> plan);
    std::shared_ptr<const core::Plan> plan() const { return m_plan; }
    // A line over the graph: what was explained and how ("EXPLAIN ANALYZE · Execution 12.3 ms").
    void setSummary(const QString& text);

    // Writes the plan's JSON; false with the reason in `error`.
    bool saveTo(const QString& path, QString* error) const;
    // Whether Try an Index… is offered: only where the plan's statement can be planned again (a query
    // tool's plan, not a saved one). Off by default.
    void setTryIndexAvailable(bool available);
    // What this plan is called in another plan's Compare With menu ("select * from orders where …").
    void setName(const QString& name) { m_name = name; }
    QString name() const { return m_name; }
    // The owner's plan before this one (its previous run), first in Compare With; null: none.
    void setPreviousPlan(std::shared_ptr<const core::Plan> plan) { m_previous = std::move(plan); }
    // Compare With's choices as they stand: the previous plan, then the other plans of the window.
    QMenu* compareMenu() const { return m_compareMenu; }
    // Selects a node in the graph, the table and the text tree.
    void selectNode(int id);
    int selectedNode() const { return m_selected; }

    PlanGraphView* graph() const { return m_graph; }
    QTableView* analysisTable() const { return m_table; }
    QListWidget* hotspotList() const { return m_hotspots; }
    // The Text page's tree, made on first use (null without a plan).
    QTreeWidget* textTree();
    QTabWidget* pages() const { return m_pages; }

signals:
    // Compare with a saved plan: the owner asks for the file.
    void compareRequested();
    // Compare with a plan already open (`plan` first, this one second).
    void compareWith(std::shared_ptr<const core::Plan> plan, const QString& name);
    // "Try an Index": a scan of `nodeId` with a condition; the owner plans the statement with a
    // hypothetical index on the condition's columns.
    void tryIndexRequested(int nodeId);

private:
    void save();
    void fillCompareMenu();
    void showDetails(int id);
    void selectInTree(int id);

    std::shared_ptr<const core::Plan> m_plan;
    QLabel* m_summary = nullptr;
    QTabWidget* m_pages = nullptr;
    PlanGraphView* m_graph = nullptr;
    PlanAnalysisModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    QWidget* m_textPage = nullptr;
    QTreeWidget* m_tree = nullptr; // made when the Text page is first shown
    QListWidget* m_hotspots = nullptr;
    QPlainTextEdit* m_details = nullptr;
    int m_selected = -1;
    QString m_name;
    std::shared_ptr<const core::Plan> m_previous;
    QMenu* m_compareMenu = nullptr;
    QAction* m_tryIndex = nullptr;
    bool m_tryIndexAvailable = false;
    bool m_selecting = false; // a selection being passed on: the views' own signals are not followed
};

// Reads a plan file (JSON, psql's output, an auto_explain log); throws core::Error as core::parsePlan.
std::shared_ptr<const core::Plan> readPlanFile(const QString& path);

} // namespace pgdesk::ui
