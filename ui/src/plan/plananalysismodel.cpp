// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/plananalysismodel.h"

#include "plan/plantext.h"

#include <QLocale>

namespace pgdesk::ui {

PlanAnalysisModel::PlanAnalysisModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

void PlanAnalysisModel::setPlan(std::shared_ptr<const core::Plan> plan) {
    beginResetModel();
    m_plan = std::move(plan);
    m_total = m_plan ? m_plan->exclusiveSum() : 0;
    endResetModel();
}

int PlanAnalysisModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_plan ? 0 : int(m_plan->nodes.size());
}

int PlanAnalysisModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanAnalysisModel::number(const core::PlanNode& n, int column) const {
    const bool timed = n.analysed && n.timed;
    switch (column) {
    case Exclusive:
        return timed ? QVariant(n.exclusiveMs) : QVariant();
    case Share:
        return timed && m_total > 0 ? QVariant(n.exclusiveMs / m_total * 100) : QVariant();
    case Total:
        return timed ? QVariant(n.totalMs) : QVariant();
    case RowsEstimated:
        return n.planRows;
    case Rows:
        return n.analysed ? QVariant(n.actualRows) : QVariant();
    case Loops:
        return n.analysed ? QVariant(n.loops) : QVariant();
    case Misestimate:
        return n.misestimate ? QVariant(core::misestimateMagnitude(n)) : QVariant();
    case SharedHit:
        return n.buffers.any ? QVariant(n.buffers.sharedHit) : QVariant();
    case SharedRead:
        return n.buffers.any ? QVariant(n.buffers.sharedRead) : QVariant();
    case SharedDirtied:
        return n.buffers.any ? QVariant(n.buffers.sharedDirtied) : QVariant();
    case SharedWritten:
        return n.buffers.any ? QVariant(n.buffers.sharedWritten) : QVariant();
    case TempRead:
        return n.buffers.any ? QVariant(n.buffers.tempRead) : QVariant();
    case TempWritten:
        return n.buffers.any ? QVariant(n.buffers.tempWritten) : QVariant();
    case IoTime:
        return n.buffers.any ? QVariant(n.buffers.ioReadMs + n.buffers.ioWriteMs) : QVariant();
    case RowsRemoved: {
        const double removed =
            n.rowsRemovedByFilter + n.rowsRemovedByJoinFilter + n.rowsRemovedByIndexRecheck;
        return n.analysed ? QVariant(removed) : QVariant();
    }
    default:
        return {};
    }
}

QVariant PlanAnalysisModel::data(const QModelIndex& index, int role) const {
    if (!m_plan || !index.isValid() || index.row() >= m_plan->nodes.size())
        return {};
    const core::PlanNode& n = m_plan->nodes[index.row()];
    const int column = index.column();
    if (role == NodeIdRole)
        return n.id;
    if (column == Node) {
        if (role == Qt::DisplayRole)
            return QString(n.depth * 2, QLatin1Char(' ')) + n.title();
        if (role == SortRole)
            return n.id;
        if (role == Qt::ToolTipRole)
            return PlanText::toolTip(n);
        return {};
    }
    if (column == Conditions) {
        if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != SortRole)
            return {};
        QStringList parts;
        for (const auto& [label, condition] : n.conditions)
            parts << label + QStringLiteral(": ") + condition;
        return parts.join(role == Qt::ToolTipRole ? QStringLiteral("\n") : QStringLiteral(" · "));
    }
    const QVariant value = number(n, column);
    switch (role) {
    case SortRole:
        return value.isValid() ? value : QVariant(-1.0);
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::DisplayRole: {
        if (!value.isValid())
            return {};
        if (column == Exclusive || column == Total || column == IoTime)
            return QLocale().toString(value.toDouble(), 'f', 3);
        if (column == Share)
            return QLocale().toString(value.toDouble(), 'f', 1);
        if (column == Misestimate)
            return PlanText::misestimateBadge(n);
        return PlanText::count(value.toDouble());
    }
    default:
        return {};
    }
}

QVariant PlanAnalysisModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Node:
        return tr("Node");
    case Exclusive:
        return tr("Exclusive (ms)");
    case Share:
        return tr("Exclusive %");
    case Total:
        return tr("Total (ms)");
    case RowsEstimated:
        return tr("Rows (est.)");
    case Rows:
        return tr("Rows");
    case Loops:
        return tr("Loops");
    case Misestimate:
        return tr("Misestimate");
    case SharedHit:
        return tr("Shared hit");
    case SharedRead:
        return tr("Shared read");
    case SharedDirtied:
        return tr("Dirtied");
    case SharedWritten:
        return tr("Written");
    case TempRead:
        return tr("Temp read");
    case TempWritten:
        return tr("Temp written");
    case IoTime:
        return tr("I/O (ms)");
    case RowsRemoved:
        return tr("Rows removed");
    case Conditions:
        return tr("Conditions");
    default:
        return {};
    }
}

} // namespace pgdesk::ui
