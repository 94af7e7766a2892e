// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/plan/plan.h>
#include <pgdesk/core/plan/plancompare.h>

#include <QWidget>

#include <memory>

class QLabel;
class QTableWidget;

namespace pgdesk::ui {

class PlanGraphView;

// Two plans of one statement side by side (before and after an index, a setting, a rewrite): both
// graphs, and a table of their nodes matched (core::comparePlans) with the exclusive and total time and
// the shared blocks of each side and the change. Selecting a row selects the node in both graphs.
class PlanCompareView final : public QWidget {
    Q_OBJECT

public:
    explicit PlanCompareView(QWidget* parent = nullptr);

    void setPlans(std::shared_ptr<const core::Plan> before, std::shared_ptr<const core::Plan> after,
                  const QString& beforeName, const QString& afterName);
    const core::PlanComparison& comparison() const { return m_comparison; }
    QTableWidget* table() const { return m_table; }
    PlanGraphView* beforeGraph() const { return m_before; }
    PlanGraphView* afterGraph() const { return m_after; }
    QString summary() const;
    // A line under the summary (what a what-if index would do, with the statement to build it).
    void setNote(const QString& text);
    QString note() const;
    void selectRow(int row);

private:
    std::shared_ptr<const core::Plan> m_beforePlan;
    std::shared_ptr<const core::Plan> m_afterPlan;
    core::PlanComparison m_comparison;
    QLabel* m_summary = nullptr;
    QLabel* m_note = nullptr;
    PlanGraphView* m_before = nullptr;
    PlanGraphView* m_after = nullptr;
    QTableWidget* m_table = nullptr;
};

} // namespace pgdesk::ui
