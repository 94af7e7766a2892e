// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/server/serverlog.h>

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <deque>

namespace pgdesk::ui {

// The server log's entries, oldest first; bounded: past kMaxRows the oldest go (a log followed for days
// keeps its memory flat). Errors in the error colour, warnings in the warning colour.
class ServerLogModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        SeverityColumn,
        StateColumn,
        ProcessColumn,
        WhoColumn,
        MessageColumn,
        ColumnCount
    };
    static constexpr int kMaxRows = 100000;

    explicit ServerLogModel(QObject* parent = nullptr);

    void append(const QList<core::LogEntry>& entries);
    void clear();
    const core::LogEntry& entry(int row) const { return m_rows[size_t(row)]; }
    // Every entry kept, for the grouped errors.
    QList<core::LogEntry> entries() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::deque<core::LogEntry> m_rows;
};

// Filters a ServerLogModel with core::LogFilter (severity, time, database, user, SQLSTATE, text).
class ServerLogFilter final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ServerLogFilter(QObject* parent = nullptr);
    void setFilter(const core::LogFilter& filter);
    const core::LogFilter& filter() const { return m_filter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    core::LogFilter m_filter;
};

} // namespace pgdesk::ui
