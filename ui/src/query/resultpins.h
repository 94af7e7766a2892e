// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/pinnedresult.h>
#include <pgdesk/core/compare/resultcompare.h>

#include <QAbstractTableModel>
#include <QCache>
#include <QWidget>

#include <memory>

class QLabel;
class QTableView;

namespace pgdesk::ui {

class PageModel;

// A grid's rows kept as they are (a result that is not a plain query: the rows that were kept).
std::shared_ptr<core::PinnedResult> pinnedFromModel(const PageModel& model, const QString& sql);

// A pinned result's rows as a grid reads them: a row read from the spill file serves every cell and role
// painted of it, a few thousand rows kept.
class PinnedRows {
public:
    explicit PinnedRows(std::shared_ptr<const core::PinnedResult> result);
    const core::PinnedResult& result() const { return *m_result; }
    const core::PinnedResult::Row& row(qint64 n) const;

private:
    std::shared_ptr<const core::PinnedResult> m_result;
    mutable QCache<qint64, core::PinnedResult::Row> m_rows{4096};
};

// A pinned result's rows for a grid.
class PinnedResultModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit PinnedResultModel(std::shared_ptr<const core::PinnedResult> result, QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    PinnedRows m_rows;
};

// A pinned result's tab: what it is ("Pinned 10:42 · 1,204 rows · select …") over its grid. It stays when
// the query runs again; it goes when its tab is closed.
class PinnedResultView final : public QWidget {
    Q_OBJECT
public:
    PinnedResultView(std::shared_ptr<const core::PinnedResult> result, QWidget* parent = nullptr);
    std::shared_ptr<const core::PinnedResult> result() const { return m_result; }
    QTableView* view() const { return m_view; }

private:
    std::shared_ptr<const core::PinnedResult> m_result;
    QTableView* m_view = nullptr;
};

// Two results next to each other, their vertical scrolling joined (row n beside row n).
class SideBySideView final : public QWidget {
    Q_OBJECT
public:
    SideBySideView(std::shared_ptr<const core::PinnedResult> left,
                   std::shared_ptr<const core::PinnedResult> right, const QString& leftName,
                   const QString& rightName, QWidget* parent = nullptr);
    PinnedResultView* left() const { return m_left; }
    PinnedResultView* right() const { return m_right; }

private:
    PinnedResultView* m_left = nullptr;
    PinnedResultView* m_right = nullptr;
};

// The rows two results differ in, in key order: a first column says how ("−" only left, "+" only right,
// "≠" changed), then the compared columns; a changed cell shows "left → right", coloured, an only-left row
// in red, an only-right row in green. Kind is in Qt::UserRole ("left", "right", "changed") and a changed
// cell says so in Qt::UserRole + 1, for tests and accessibility.
class ResultCompareModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    ResultCompareModel(std::shared_ptr<const core::PinnedResult> left,
                       std::shared_ptr<const core::PinnedResult> right, core::ResultComparison comparison,
                       QObject* parent = nullptr);
    const core::ResultComparison& comparison() const { return m_comparison; }
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    PinnedRows m_left;
    PinnedRows m_right;
    core::ResultComparison m_comparison;
};

// A compare's tab: the counts and the key over the differing rows.
class ResultCompareView final : public QWidget {
    Q_OBJECT
public:
    ResultCompareView(std::shared_ptr<const core::PinnedResult> left,
                      std::shared_ptr<const core::PinnedResult> right, core::ResultComparison comparison,
                      const QString& leftName, const QString& rightName, QWidget* parent = nullptr);
    ResultCompareModel* model() const { return m_model; }
    QLabel* summary() const { return m_summary; }

private:
    ResultCompareModel* m_model = nullptr;
    QLabel* m_summary = nullptr;
};

} // namespace pgdesk::ui
