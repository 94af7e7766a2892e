// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/filechooser.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/jobslot.h>
#include <pgdesk/ui/common/workbench.h>
#include <pgdesk/ui/plan/plancompareview.h>
#include <pgdesk/ui/plan/planfeature.h>
#include <pgdesk/ui/plan/planview.h>

#include "plan/plantree.h"

#include <pgdesk/core/plan/plan.h>

#include <QAction>
#include <QFileInfo>
#include <QMainWindow>
#include <QTabWidget>

namespace pgdesk::ui {

PlanFeature* PlanFeature::of(const QWidget& window) {
    return Workbench::featureOf<PlanFeature>(window);
}

void PlanFeature::initialize(Workbench& workbench) {
    m_workbench = &workbench;
    QAction* openPlan = workbench.addMenuAction(MenuId::File, 130, QStringLiteral("openPlanAction"),
                                                themedIcon(QStringLiteral("view-process-tree")),
                                                tr("Open Plan…"), [this] { askPlanFile(); });
    openPlan->setToolTip(
        tr("Open a saved EXPLAIN (FORMAT JSON): the JSON, psql's output of it or an auto_explain log"));
}

void PlanFeature::askPlanFile() {
    const QString path = chooseFileToOpen(m_workbench->window(), tr("Open Plan"),
                                          tr("Plans (*.json *.txt *.log);;All files (*)"));
    if (!path.isEmpty())
        openPlanFile(path);
}

void PlanFeature::openPlanFile(const QString& path) {
    jobSlot(this, QStringLiteral("openPlanJob"))
        ->start([path](const std::shared_ptr<core::CancelToken>&) { return readPlanFile(path); },
                [this, path](std::shared_ptr<const core::Plan> plan) {
                    showPlan(std::move(plan), QFileInfo(path).fileName());
                },
                [this](const BackgroundFailure& failure) {
                    m_workbench->showMessage(tr("Could not open the plan: %1").arg(failure.message), 10000);
                });
}

PlanView* PlanFeature::showPlan(std::shared_ptr<const core::Plan> plan, const QString& name) {
    QTabWidget* tabs = m_workbench->tabs();
    auto* view = new PlanView(tabs);
    view->setPlan(plan);
    view->setSummary(planTimesSummary(*plan));
    m_workbench->addTab(view, themedIcon(QStringLiteral("view-process-tree")), tr("Plan: %1").arg(name),
                        name);
    view->setName(name);
    const auto showCompared = [this, tabs, view, name](std::shared_ptr<const core::Plan> other,
                                                       const QString& otherName) {
        auto* compare = new PlanCompareView(tabs);
        compare->setPlans(std::move(other), view->plan(), otherName, name);
        m_workbench->addTab(compare, QIcon(), tr("Plans compared"));
    };
    connect(view, &PlanView::compareWith, this, showCompared);
    connect(view, &PlanView::compareRequested, this, [this, view, showCompared] {
        const QString path = chooseFileToOpen(m_workbench->window(), tr("Compare With a Saved Plan"),
                                              tr("Plans (*.json *.txt *.log);;All files (*)"));
        if (path.isEmpty())
            return;
        jobSlot(view, QStringLiteral("comparePlanJob"))
            ->start([path](const std::shared_ptr<core::CancelToken>&) { return readPlanFile(path); },
                    [showCompared, path](std::shared_ptr<const core::Plan> other) {
                        showCompared(std::move(other), QFileInfo(path).fileName());
                    },
                    [this](const BackgroundFailure& failure) {
                        m_workbench->showMessage(tr("Could not open the plan: %1").arg(failure.message),
                                                 10000);
                    });
    });
    return view;
}

} // namespace pgdesk::ui
