// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/plan/plan.h>

#include <QAbstractTableModel>

#include <memory>

namespace pgdesk::ui {

// The Analysis table: one row per node in pre-order, with its times, rows, misestimate, buffers, I/O
// time, rows removed and conditions. Sorting (through a proxy) uses SortRole: numbers as numbers.
class PlanAnalysisModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Node,
        Exclusive,
        Share,
        Total,
        RowsEstimated,
        Rows,
        Loops,
        Misestimate,
        SharedHit,
        SharedRead,
        SharedDirtied,
        SharedWritten,
        TempRead,
        TempWritten,
        IoTime,
        RowsRemoved,
        Conditions,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int NodeIdRole = Qt::UserRole + 2;

    explicit PlanAnalysisModel(QObject* parent = nullptr);

    void setPlan(std::shared_ptr<const core::Plan> plan);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant number(const core::PlanNode& n, int column) const; // the sort value, null when not known

    std::shared_ptr<const core::Plan> m_plan;
    double m_total = 0;
};

} // namespace pgdesk::ui
