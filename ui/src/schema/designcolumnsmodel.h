// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/schema/tabledesign.h>

#include <QAbstractTableModel>

#include <functional>

namespace pgdesk::ui {

// The columns of a table design as the designer shows them: the table's columns with the staged changes
// replayed over them (renamed, retyped, added, dropped), or a new table's columns. Editing a cell stages the
// matching change (a rename, a type change, NOT NULL, a default, a comment); a column added and edited again
// keeps one ADD COLUMN. Every change of the design goes through modify(), which keeps the undo history.
class DesignColumnsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    // Identity, Generated and Collation are part of a new column's definition (shown, not changed, on an
    // existing one: PostgreSQL changes them only by recreating the column).
    enum Column { Name, Type, NotNull, Default, Identity, Generated, Collation, Comment, State, ColumnCount };
    enum class RowState { Existing, Added, Changed, Dropped };

    explicit DesignColumnsModel(QObject* parent = nullptr);

    // The table's columns as the catalog has them (empty for a new table) and the design staged on them.
    void setTable(QList<core::ColumnInfo> columns, core::TableDesign design);
    const core::TableDesign& design() const { return m_design; }
    // Applies `edit` to the design (undo remembers the design before it) and shows the result.
    void modify(const std::function<void(core::TableDesign&)>& edit);
    bool canUndo() const { return !m_undo.isEmpty(); }
    void undo();
    // Forgets every staged change (the design of a new table keeps its name).
    void discard();

    void addColumn();
    void dropColumn(int row);
    RowState rowState(int row) const;
    QString columnName(int row) const; // as it will be after the changes
    QStringList columnNames() const;   // the columns not dropped

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void designChanged();

private:
    struct Row {
        core::ColumnSpec spec;
        RowState state = RowState::Existing;
        int addIndex = -1; // the AddColumn change (existing table) or the column (new table) it comes from
    };
    void replay();
    void edit(int row, int column, const QVariant& value);

    QList<core::ColumnInfo> m_base;
    core::TableDesign m_design;
    QList<core::TableDesign> m_undo;
    QList<Row> m_rows;
};

} // namespace pgdesk::ui
