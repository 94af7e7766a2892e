// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/completionlistmodel.h"

namespace pgdesk::ui {

CompletionListModel::CompletionListModel(QObject* parent)
    : QAbstractListModel(parent) {
}

void CompletionListModel::setItems(QList<core::CompletionItem> items) {
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
}

const core::CompletionItem* CompletionListModel::item(int row) const {
    return row >= 0 && row < m_items.size() ? &m_items[row] : nullptr;
}

int CompletionListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant CompletionListModel::data(const QModelIndex& index, int role) const {
    const core::CompletionItem* it = index.isValid() ? item(index.row()) : nullptr;
    if (!it)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return it->label;
    case DetailRole:
        return it->detail.isEmpty() ? kindName(it->kind)
                                    : kindName(it->kind) + QStringLiteral(" · ") + it->detail;
    case Qt::ToolTipRole:
        return it->detail.isEmpty() ? QVariant() : QVariant(it->label + QLatin1Char(' ') + it->detail);
    case InsertTextRole:
        return it->text;
    default:
        return {};
    }
}

QString CompletionListModel::kindName(core::CompletionItem::Kind kind) {
    switch (kind) {
    case core::CompletionItem::Keyword:
        return tr("keyword");
    case core::CompletionItem::Schema:
        return tr("schema");
    case core::CompletionItem::Table:
        return tr("table");
    case core::CompletionItem::View:
        return tr("view");
    case core::CompletionItem::Column:
        return tr("column");
    case core::CompletionItem::Function:
        return tr("function");
    case core::CompletionItem::Type:
        return tr("type");
    case core::CompletionItem::Alias:
        return tr("alias");
    case core::CompletionItem::Cte:
        return tr("query name");
    case core::CompletionItem::JoinCondition:
        return tr("join condition");
    case core::CompletionItem::Snippet:
        return tr("snippet");
    }
    return {};
}

} // namespace pgdesk::ui
