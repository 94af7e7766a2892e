// SPDX-License-Identifier: GPL-3.0-or-later
#include "notebook/notebookresultmodel.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace pgdesk::ui {

NotebookResultModel::NotebookResultModel(core::Page page, QObject* parent)
    : QAbstractTableModel(parent)
    , m_page(std::move(page)) {
}

int NotebookResultModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_page.rows.size());
}

int NotebookResultModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_page.columns.size());
}

QVariant NotebookResultModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const std::optional<QString>& value = m_page.rows[index.row()].value(index.column());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return value ? QVariant(*value) : QVariant(QStringLiteral("NULL"));
    case Qt::ForegroundRole:
        return value ? QVariant() : QVariant(QGuiApplication::palette().color(QPalette::PlaceholderText));
    case Qt::FontRole:
        if (!value) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case Qt::UserRole:
        return !value;
    default:
        return {};
    }
}

QVariant NotebookResultModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return section >= 0 && section < m_page.columns.size() ? QVariant(m_page.columns[section].name)
                                                           : QVariant();
}

} // namespace pgdesk::ui
