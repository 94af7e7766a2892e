// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/admin/largestrelationsmodel.h>

#include <pgdesk/ui/grid/celltext.h>

#include <QGuiApplication>
#include <QLocale>

namespace pgdesk::ui {

namespace {

QString kindText(core::RelationKind kind) {
    switch (kind) {
    case core::RelationKind::PartitionedTable:
        return LargestRelationsModel::tr("partitioned table");
    case core::RelationKind::MaterializedView:
        return LargestRelationsModel::tr("materialized view");
    default:
        return LargestRelationsModel::tr("table");
    }
}

} // namespace

LargestRelationsModel::LargestRelationsModel(QObject* parent)
    : QAbstractTableModel(parent) {
}

void LargestRelationsModel::setRelations(QList<core::RelationSize> relations) {
    beginResetModel();
    m_relations = std::move(relations);
    endResetModel();
}

int LargestRelationsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_relations.size());
}

int LargestRelationsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 LargestRelationsModel::bytesOf(const core::RelationSize& r, int column) {
    switch (column) {
    case TotalColumn:
        return r.totalBytes;
    case TableColumn:
        return r.tableBytes;
    case ToastColumn:
        return r.toastBytes;
    case IndexesColumn:
        return r.indexesBytes;
    default:
        return -1;
    }
}

QVariant LargestRelationsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::RelationSize& r = m_relations.at(index.row());
    const int column = index.column();
    const qint64 bytes = bytesOf(r, column);
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn) // a name is data: isolated, so a right-to-left name keeps its order
            return isolatedIn(QGuiApplication::layoutDirection(), r.qualifiedName());
        if (column == KindColumn)
            return kindText(r.kind);
        if (column == RowsColumn)
            return r.estimatedRows < 0 ? QString() : QLocale().toString(qRound64(r.estimatedRows));
        return QLocale().formattedDataSize(bytes);
    case Qt::ToolTipRole:
        if (bytes >= 0)
            return tr("%1 bytes").arg(QLocale().toString(bytes));
        if (column == RowsColumn)
            return r.estimatedRows < 0 ? tr("Never analyzed: no estimate")
                                       : tr("Estimated from the statistics");
        return r.qualifiedName();
    case Qt::TextAlignmentRole:
        return column >= TotalColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case SortRole:
        if (bytes >= 0)
            return bytes;
        if (column == RowsColumn)
            return r.estimatedRows;
        if (column == KindColumn)
            return kindText(r.kind);
        return r.qualifiedName();
    default:
        return {};
    }
}

QVariant LargestRelationsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Relation");
    case KindColumn:
        return tr("Kind");
    case TotalColumn:
        return tr("Total");
    case TableColumn:
        return tr("Table");
    case ToastColumn:
        return tr("TOAST");
    case IndexesColumn:
        return tr("Indexes");
    case RowsColumn:
        return tr("Rows (estimate)");
    default:
        return {};
    }
}

} // namespace pgdesk::ui
