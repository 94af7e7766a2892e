// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/ui/common/feature.h>

#include <QString>

#include <memory>

class QWidget;

namespace pgdesk::core {
struct Plan;
}

namespace pgdesk::ui {

class PlanView;
class Workbench;

// The plan folder's part of the window: File ▸ Open Plan… and plan tabs, each with its Compare With….
class PlanFeature final : public Feature {
    Q_OBJECT
public:
    using Feature::Feature;
    static PlanFeature* of(const QWidget& window);
    void initialize(Workbench& workbench) override;

    // A saved plan read on a worker, then shown in a plan tab of its own (no connection needed); a file that
    // holds no plan is said in the status bar.
    void openPlanFile(const QString& path);
    // Asks for the file, then openPlanFile().
    void askPlanFile();
    // A plan in a tab of its own; its Compare With… asks for a second plan file.
    PlanView* showPlan(std::shared_ptr<const core::Plan> plan, const QString& name);

private:
    Workbench* m_workbench = nullptr;
};

} // namespace pgdesk::ui
