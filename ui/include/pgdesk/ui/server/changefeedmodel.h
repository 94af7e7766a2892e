// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/server/changefeed.h>

#include <QAbstractTableModel>
#include <QSet>
#include <QSortFilterProxyModel>

#include <deque>

namespace pgdesk::ui {

// The changes a feed delivered, oldest first; bounded: past kMaxRows the oldest go first (memory stays flat
// however long the feed runs). A row shows when it committed, the operation, the table, the key, the values
// (new ones; a delete's old ones) and, for an update, the old values the replica identity gave.
class ChangeFeedModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        OperationColumn,
        TableColumn,
        KeyColumn,
        ValuesColumn,
        OldValuesColumn,
        ColumnCount
    };
    static constexpr int kMaxRows = 100000;
    // The role a filter reads: the whole row's values as one text (column names and values).
    static constexpr int SearchRole = Qt::UserRole + 1;

    explicit ChangeFeedModel(QObject* parent = nullptr);

    void append(const QList<core::RowChange>& changes);
    void clear();
    const core::RowChange& change(int row) const { return m_rows[size_t(row)]; }
    qint64 received() const { return m_received; } // since the last clear(), the dropped ones included

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "name = 'Ann', note = NULL": a row's values as a person reads them (NULL unquoted, TOAST left alone
    // named).
    static QString valuesText(const core::RowChange& change, bool old);
    static QString keyText(const core::RowChange& change);

private:
    std::deque<core::RowChange> m_rows;
    qint64 m_received = 0;
};

// Filters a ChangeFeedModel by table, by operation and by a text found in any value (case ignored).
class ChangeFeedFilter final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ChangeFeedFilter(QObject* parent = nullptr);

    void setTable(const QString& qualifiedName);                  // "schema.table"; empty: every table
    void setOperations(const QSet<core::RowChange::Kind>& kinds); // empty: every operation
    void setText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_table;
    QSet<core::RowChange::Kind> m_kinds;
    QString m_text;
};

} // namespace pgdesk::ui
