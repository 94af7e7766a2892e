// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/filechooser.h>
#include <pgdesk/ui/plan/planview.h>

#include "plan/plananalysismodel.h"
#include "plan/plangraphview.h"
#include "plan/plantext.h"
#include "plan/plantree.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/ui/common/icons.h>

#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <utility>

namespace pgdesk::ui {

PlanView::PlanView(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("planView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("planSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_graph = new PlanGraphView(this);
    QAction* zoomIn = bar->addAction(tr("Zoom In"), m_graph, &PlanGraphView::zoomIn);
    zoomIn->setObjectName(QStringLiteral("planZoomIn"));
    QAction* zoomOut = bar->addAction(tr("Zoom Out"), m_graph, &PlanGraphView::zoomOut);
    zoomOut->setObjectName(QStringLiteral("planZoomOut"));
    QAction* fit = bar->addAction(tr("Fit"), m_graph, &PlanGraphView::fit);
    fit->setObjectName(QStringLiteral("planFit"));
    bar->addSeparator();
    QAction* save =
        bar->addAction(themedIcon(QStringLiteral("document-save")), tr("Save Plan…"), this, &PlanView::save);
    save->setObjectName(QStringLiteral("planSave"));
    // The button compares with the previous plan when there is one, else asks for a file; its menu lists
    // every plan open in the window.
    QAction* compare = bar->addAction(tr("Compare With…"), this, [this] {
        if (m_previous)
            emit compareWith(m_previous, tr("Previous plan"));
        else
            emit compareRequested();
    });
    compare->setObjectName(QStringLiteral("planCompare"));
    compare->setToolTip(tr("Show this plan beside another: the previous plan of this tab, another open plan "
                           "or a saved plan"));
    m_compareMenu = new QMenu(this);
    m_compareMenu->setObjectName(QStringLiteral("planCompareMenu"));
    connect(m_compareMenu, &QMenu::aboutToShow, this, &PlanView::fillCompareMenu);
    compare->setMenu(m_compareMenu);
    if (auto* button = qobject_cast<QToolButton*>(bar->widgetForAction(compare)))
        button->setPopupMode(QToolButton::MenuButtonPopup);
    m_tryIndex = bar->addAction(tr("Try an Index…"), this, [this] {
        if (m_selected >= 0)
            emit tryIndexRequested(m_selected);
    });
    m_tryIndex->setObjectName(QStringLiteral("planTryIndex"));
    m_tryIndex->setToolTip(tr("The plan with a hypothetical index (hypopg) on the selected scan's filtered "
                              "columns, beside this one; nothing is built"));
    m_tryIndex->setEnabled(false);
    m_tryIndex->setVisible(false); // offered by owners that can plan the statement again
    layout->addWidget(bar);
    layout->addWidget(m_summary);

    m_model = new PlanAnalysisModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(PlanAnalysisModel::SortRole);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("planAnalysis"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PlanAnalysisModel::Node, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setResizeContentsPrecision(200);

    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("planPages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_graph, tr("Graph"));
    m_pages->addTab(m_table, tr("Analysis"));
    m_textPage = new QWidget(this);
    auto* textLayout = new QVBoxLayout(m_textPage);
    textLayout->setContentsMargins(0, 0, 0, 0);
    m_pages->addTab(m_textPage, tr("Text"));
    connect(m_pages, &QTabWidget::currentChanged, this, [this] {
        if (m_pages->currentWidget() == m_textPage)
            textTree();
    });

    auto* side = new QSplitter(Qt::Vertical, this);
    auto* hotspotBox = new QWidget(side);
    auto* hotspotLayout = new QVBoxLayout(hotspotBox);
    hotspotLayout->setContentsMargins(0, 0, 0, 0);
    auto* hotspotTitle = new QLabel(tr("Hotspots"), hotspotBox);
    QFont bold = hotspotTitle->font();
    bold.setBold(true);
    hotspotTitle->setFont(bold);
    m_hotspots = new QListWidget(hotspotBox);
    m_hotspots->setObjectName(QStringLiteral("planHotspots"));
    m_hotspots->setWordWrap(true);
    hotspotTitle->setBuddy(m_hotspots);
    hotspotLayout->addWidget(hotspotTitle);
    hotspotLayout->addWidget(m_hotspots);
    m_details = new QPlainTextEdit(side);
    m_details->setObjectName(QStringLiteral("planDetails"));
    m_details->setReadOnly(true);
    m_details->setAccessibleName(tr("Node details"));
    side->addWidget(hotspotBox);
    side->addWidget(m_details);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_pages);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    connect(m_graph, &PlanGraphView::nodeSelected, this, [this](int id) {
        if (!m_selecting)
            selectNode(id);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (!m_selecting && current.isValid())
                    selectNode(current.data(PlanAnalysisModel::NodeIdRole).toInt());
            });
    connect(m_hotspots, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_selecting && row >= 0)
            selectNode(m_hotspots->item(row)->data(Qt::UserRole).toInt());
    });
}

PlanView::~PlanView() = default;

void PlanView::setPlan(std::shared_ptr<const core::Plan> plan) {
    m_plan = std::move(plan);
    m_selected = -1;
    m_tryIndex->setEnabled(false);
    m_graph->setPlan(m_plan);
    m_model->setPlan(m_plan);
    m_table->resizeColumnsToContents(); // sized by the first rows (setResizeContentsPrecision)
    // The text tree is made when it is first looked at: a 1,000-node tree costs more than the graph.
    delete m_tree;
    m_tree = nullptr;
    if (m_pages->currentWidget() == m_textPage)
        textTree();
    m_hotspots->clear();
    m_details->clear();
    if (!m_plan)
        return;
    for (const core::PlanHotspot& h : m_plan->hotspots) {
        auto* item = new QListWidgetItem(PlanText::hotspot(*m_plan, h), m_hotspots);
        item->setData(Qt::UserRole, h.id);
    }
    if (m_plan->hotspots.isEmpty())
        m_hotspots->addItem(m_plan->analysed ? tr("No node took measurable time.")
                                             : tr("Hotspots need times: run Explain Analyze."));
    else
        selectNode(m_plan->hotspots.first().id); // where the time goes, shown and described at once
}

void PlanView::fillCompareMenu() {
    m_compareMenu->clear();
    if (m_previous)
        m_compareMenu->addAction(tr("Previous Plan of This Tab"), this,
                                 [this] { emit compareWith(m_previous, tr("Previous plan")); });
    // The other plans of the window: plan tabs and query tools' plans, in the order they were made.
    const QList<PlanView*> views = window()->findChildren<PlanView*>();
    for (PlanView* other : views) {
        if (other == this || !other->plan())
            continue;
        const QString name = other->name().isEmpty() ? tr("Plan") : other->name();
        QAction* a = m_compareMenu->addAction(
            name, this, [this, plan = other->plan(), name] { emit compareWith(plan, name); });
        a->setToolTip(other->m_summary->text());
    }
    if (!m_compareMenu->isEmpty())
        m_compareMenu->addSeparator();
    m_compareMenu->addAction(tr("Saved Plan File…"), this, &PlanView::compareRequested);
}

void PlanView::setTryIndexAvailable(bool available) {
    m_tryIndexAvailable = available;
    m_tryIndex->setVisible(available);
    if (m_selected >= 0)
        selectNode(m_selected); // recomputes whether the selected node can have one
}

void PlanView::setSummary(const QString& text) {
    m_summary->setText(text);
}

void PlanView::selectNode(int id) {
    if (!m_plan || id < 0 || id >= m_plan->nodes.size())
        return;
    m_selecting = true;
    m_selected = id;
    m_graph->selectNode(id);
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(PlanAnalysisModel::NodeIdRole).toInt() == id) {
            m_table->setCurrentIndex(index);
            m_table->scrollTo(index);
            break;
        }
    }
    if (m_tree)
        selectInTree(id);
    for (int row = 0; row < m_hotspots->count(); ++row)
        if (m_hotspots->item(row)->data(Qt::UserRole).toInt() == id &&
            m_hotspots->item(row)->data(Qt::UserRole).isValid())
            m_hotspots->setCurrentRow(row);
    showDetails(id);
    const core::PlanNode& n = m_plan->nodes[id];
    m_tryIndex->setEnabled(m_tryIndexAvailable && !n.table.isEmpty() && !n.conditions.isEmpty() &&
                           n.nodeType.contains(QLatin1String("Scan")));
    m_selecting = false;
}

QTreeWidget* PlanView::textTree() {
    if (m_tree || !m_plan)
        return m_tree;
    m_tree = createPlanTree(*m_plan, m_textPage);
    m_textPage->layout()->addWidget(m_tree);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (!m_selecting && item)
            selectNode(item->data(0, Qt::UserRole).toInt());
    });
    if (m_selected >= 0) {
        const bool selecting = std::exchange(m_selecting, true);
        selectInTree(m_selected);
        m_selecting = selecting;
    }
    return m_tree;
}

void PlanView::selectInTree(int id) {
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        if ((*it)->data(0, Qt::UserRole).toInt() == id) {
            m_tree->setCurrentItem(*it);
            break;
        }
}

void PlanView::showDetails(int id) {
    const core::PlanNode& n = m_plan->nodes[id];
    const double total = m_plan->exclusiveSum();
    m_details->setPlainText(
        n.title() + QLatin1Char('\n') +
        PlanText::nodeLines(n, total > 0 ? n.exclusiveMs / total : 0).join(QLatin1Char('\n')) +
        QStringLiteral("\n\n") + PlanText::toolTip(n));
}

bool PlanView::saveTo(const QString& path, QString* error) const {
    if (!m_plan) {
        if (error)
            *error = tr("There is no plan to save.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_plan->json) != m_plan->json.size() ||
        !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void PlanView::save() {
    const QString path = chooseFileToSave(this, tr("Save Plan"), QStringLiteral("plan.json"),
                                          tr("Plans (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveTo(path, &error))
        m_summary->setText(tr("Could not save the plan: %1").arg(error));
}

std::shared_ptr<const core::Plan> readPlanFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        core::throwConfigurationError(QStringLiteral("file"),
                                      QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    return std::make_shared<const core::Plan>(core::parsePlan(file.readAll()));
}

} // namespace pgdesk::ui
