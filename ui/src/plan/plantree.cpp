// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/plantree.h"

#include "plan/plantext.h"

#include <QHeaderView>
#include <QLocale>
#include <QTreeWidget>

namespace pgdesk::ui {

QTreeWidget* createPlanTree(const core::Plan& plan, QWidget* parent) {
    auto* tree = new QTreeWidget(parent);
    tree->setObjectName(QStringLiteral("planTree"));
    tree->setHeaderLabels({QObject::tr("Node"), QObject::tr("Rows (est.)"), QObject::tr("Rows"),
                           QObject::tr("Loops"), QObject::tr("Cost"), QObject::tr("Time (ms)")});
    tree->setAlternatingRowColors(true);
    tree->setUniformRowHeights(true);
    const QLocale locale;
    QList<QTreeWidgetItem*> items;
    for (const core::PlanNode& n : plan.nodes) {
        QString label = n.title();
        if (!n.subplanName.isEmpty()) // "SubPlan 1", "InitPlan 1 (returns $0)", "CTE x"
            label += QStringLiteral(" [%1]").arg(n.subplanName);
        const QStringList columns{label,
                                  locale.toString(n.planRows, 'f', 0),
                                  n.analysed ? locale.toString(n.actualRows, 'f', 0) : QString(),
                                  n.analysed ? locale.toString(n.loops, 'f', 0) : QString(),
                                  QStringLiteral("%1..%2").arg(locale.toString(n.startupCost, 'f', 2),
                                                               locale.toString(n.totalCost, 'f', 2)),
                                  n.analysed && n.timed ? locale.toString(n.actualTotalMs, 'f', 3)
                                                        : QString()};
        auto* item =
            n.parent < 0 ? new QTreeWidgetItem(tree, columns) : new QTreeWidgetItem(items[n.parent], columns);
        for (int c = 1; c < columns.size(); ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(0, PlanText::toolTip(n));
        item->setData(0, Qt::UserRole, n.id);
        items << item;
    }
    tree->expandAll();
    // The node column always fits its longest line at its depth (a wide plan scrolls sideways rather than
    // cut "Gather Merge" to "Gather M…"); the number columns fit their values and stay narrow.
    tree->header()->setStretchLastSection(false);
    for (int c = 0; c < tree->columnCount(); ++c)
        tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    tree->setTextElideMode(Qt::ElideNone);
    return tree;
}

QString planTimesSummary(const core::Plan& plan) {
    QStringList parts;
    if (plan.planningMs)
        parts << QObject::tr("Planning %1 ms").arg(QLocale().toString(*plan.planningMs, 'f', 3));
    if (plan.executionMs)
        parts << QObject::tr("Execution %1 ms").arg(QLocale().toString(*plan.executionMs, 'f', 3));
    return parts.join(QStringLiteral(" · "));
}

} // namespace pgdesk::ui
