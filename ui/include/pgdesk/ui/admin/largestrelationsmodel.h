// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/admin/sizereader.h>

#include <QAbstractTableModel>

namespace pgdesk::ui {

// core::SizeReader's largest relations as a table: sizes shown in the locale's units, the exact bytes in
// the tooltip, and SortRole holding the numbers a sort proxy orders by.
class LargestRelationsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        KindColumn,
        TotalColumn,
        TableColumn,
        ToastColumn,
        IndexesColumn,
        RowsColumn,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit LargestRelationsModel(QObject* parent = nullptr);

    void setRelations(QList<core::RelationSize> relations);
    const QList<core::RelationSize>& relations() const { return m_relations; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    static qint64 bytesOf(const core::RelationSize& r, int column);

    QList<core::RelationSize> m_relations;
};

} // namespace pgdesk::ui
