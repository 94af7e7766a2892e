// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/page.h>

#include <QAbstractTableModel>

namespace pgdesk::ui {

// One statement's rows under a notebook cell: the page the runner kept (at most its row limit, so memory
// is bounded by it), PostgreSQL's text as it is, NULL shown as NULL in the muted colour and told from empty
// text (Qt::UserRole is true for NULL).
class NotebookResultModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit NotebookResultModel(core::Page page, QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    core::Page m_page;
};

} // namespace pgdesk::ui
