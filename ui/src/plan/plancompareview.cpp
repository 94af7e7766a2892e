// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/plan/plancompareview.h>

#include "plan/plangraphview.h"
#include "plan/plantext.h"

#include <pgdesk/ui/common/theme.h>

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace pgdesk::ui {

namespace {

enum Column {
    BeforeNode,
    AfterNode,
    BeforeExclusive,
    AfterExclusive,
    Change,
    BeforeTotal,
    AfterTotal,
    BeforeBlocks,
    AfterBlocks,
    ColumnCount
};

QString signedMs(double ms) {
    return (ms > 0 ? QStringLiteral("+") : QString()) + QLocale().toString(ms, 'f', 3);
}

} // namespace

PlanCompareView::PlanCompareView(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("planCompare"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("planCompareSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("planCompareNote"));
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->hide();
    layout->addWidget(m_note);
    auto* graphs = new QSplitter(Qt::Horizontal, this);
    m_before = new PlanGraphView(graphs);
    m_before->setObjectName(QStringLiteral("planCompareBefore"));
    m_after = new PlanGraphView(graphs);
    m_after->setObjectName(QStringLiteral("planCompareAfter"));
    graphs->addWidget(m_before);
    graphs->addWidget(m_after);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("planCompareTable"));
    m_table->setHorizontalHeaderLabels({tr("First plan"), tr("Second plan"), tr("Exclusive (ms), first"),
                                        tr("Exclusive (ms), second"), tr("Change (ms)"),
                                        tr("Total (ms), first"), tr("Total (ms), second"),
                                        tr("Shared blocks, first"), tr("Shared blocks, second")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(graphs);
    split->addWidget(m_table);
    layout->addWidget(split, 1);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) { selectRow(row); });
}

void PlanCompareView::setPlans(std::shared_ptr<const core::Plan> before,
                               std::shared_ptr<const core::Plan> after, const QString& beforeName,
                               const QString& afterName) {
    m_beforePlan = std::move(before);
    m_afterPlan = std::move(after);
    m_comparison = core::comparePlans(*m_beforePlan, *m_afterPlan);
    m_before->setPlan(m_beforePlan);
    m_after->setPlan(m_afterPlan);
    m_table->horizontalHeaderItem(BeforeNode)->setText(beforeName);
    m_table->horizontalHeaderItem(AfterNode)->setText(afterName);
    m_table->setRowCount(int(m_comparison.pairs.size()));
    const QLocale locale;
    for (int row = 0; row < m_comparison.pairs.size(); ++row) {
        const core::PlanNodePair& p = m_comparison.pairs[row];
        const core::PlanNode* a = p.before >= 0 ? &m_beforePlan->nodes[p.before] : nullptr;
        const core::PlanNode* b = p.after >= 0 ? &m_afterPlan->nodes[p.after] : nullptr;
        const QString indent(p.depth * 2, QLatin1Char(' '));
        const auto set = [&](int column, const QString& text, bool number) {
            auto* item = new QTableWidgetItem(text);
            if (number)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, item);
        };
        set(BeforeNode, a ? indent + a->title() : tr("(not in this plan)"), false);
        set(AfterNode, b ? indent + b->title() : tr("(not in this plan)"), false);
        const auto ms = [&](const core::PlanNode* n, double value) {
            return n && n->analysed && n->timed ? locale.toString(value, 'f', 3) : QString();
        };
        set(BeforeExclusive, ms(a, a ? a->exclusiveMs : 0), true);
        set(AfterExclusive, ms(b, b ? b->exclusiveMs : 0), true);
        const double change = (b ? b->exclusiveMs : 0) - (a ? a->exclusiveMs : 0);
        set(Change, (a && a->timed) || (b && b->timed) ? signedMs(change) : QString(), true);
        if (change < 0)
            m_table->item(row, Change)->setForeground(successColor());
        else if (change > 0)
            m_table->item(row, Change)->setForeground(errorColor());
        set(BeforeTotal, ms(a, a ? a->totalMs : 0), true);
        set(AfterTotal, ms(b, b ? b->totalMs : 0), true);
        set(BeforeBlocks, a && a->buffers.any ? locale.toString(core::sharedBlocks(*a)) : QString(), true);
        set(AfterBlocks, b && b->buffers.any ? locale.toString(core::sharedBlocks(*b)) : QString(), true);
        if (a && b && a->nodeType != b->nodeType)
            for (int c : {BeforeNode, AfterNode})
                m_table->item(row, c)->setBackground(cellBackground(CellMark::Edited));
    }
    m_table->resizeColumnsToContents();
    m_summary->setText(summary());
}

QString PlanCompareView::summary() const {
    if (!m_beforePlan || !m_afterPlan)
        return {};
    QStringList parts;
    const auto exec = [](const core::Plan& p) { return p.executionMs ? *p.executionMs : p.root().totalMs; };
    if (m_beforePlan->analysed && m_afterPlan->analysed) {
        const double a = exec(*m_beforePlan), b = exec(*m_afterPlan);
        parts << tr("Execution %1 → %2").arg(PlanText::milliseconds(a), PlanText::milliseconds(b));
        if (a > 0 && b > 0)
            parts << (b <= a ? tr("%1× faster").arg(QLocale().toString(a / b, 'f', 2))
                             : tr("%1× slower").arg(QLocale().toString(b / a, 'f', 2)));
    } else {
        parts << tr("Cost %1 → %2")
                     .arg(QLocale().toString(m_beforePlan->root().totalCost, 'f', 2),
                          QLocale().toString(m_afterPlan->root().totalCost, 'f', 2));
    }
    if (m_beforePlan->root().buffers.any && m_afterPlan->root().buffers.any)
        parts << tr("shared blocks %1 → %2")
                     .arg(QLocale().toString(core::sharedBlocks(m_beforePlan->root())),
                          QLocale().toString(core::sharedBlocks(m_afterPlan->root())));
    parts << tr("%n node(s) matched", nullptr, m_comparison.matched);
    if (m_comparison.changed > 0)
        parts << tr("%n changed", nullptr, m_comparison.changed);
    return parts.join(QStringLiteral(" · "));
}

void PlanCompareView::setNote(const QString& text) {
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

QString PlanCompareView::note() const {
    return m_note->text();
}

void PlanCompareView::selectRow(int row) {
    if (row < 0 || row >= m_comparison.pairs.size())
        return;
    if (m_table->currentRow() != row)
        m_table->setCurrentCell(row, 0);
    const core::PlanNodePair& p = m_comparison.pairs[row];
    if (p.before >= 0)
        m_before->selectNode(p.before);
    if (p.after >= 0)
        m_after->selectNode(p.after);
}

} // namespace pgdesk::ui
