// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/page.h>
#include <pgdesk/core/catalog/catalog.h>

#include <QModelIndexList>
#include <QString>

#include <functional>

class QAbstractItemModel;
class QTableView;
class QMenu;
class QWidget;

namespace pgdesk::ui {

// Edit ▸ Copy as / the grid's "Copy as" submenu: the selected cells of a grid as text in an export format,
// written by the core's export encoders (core/rowencoding.h), so a copied selection is what an export of
// those rows would write.
enum class CopyAsFormat { Csv, Tsv, Json, Markdown, SqlInsert };

// The selection as rows × selected columns: every row with a selected cell, every column with one, both in
// model order. Values are the model's exact text (Qt::EditRole; invalid is NULL). columns describes each
// model column (by position); table is the INSERT's target (a query result's: "query", to edit). CSV, TSV
// and Markdown start with a header line; NULL is empty in them (CSV/TSV quote '' as ""), JSON null, SQL
// NULL.
QString cellsAs(CopyAsFormat format, const QAbstractItemModel& model, const QModelIndexList& cells,
                const QList<core::ColumnInfo>& columns, const core::TableInfo& table);

// The description of each page column (by position): the table's column of the same name when the table
// has one (its type category, identity, generated), else from the type name the page carries.
QList<core::ColumnInfo> columnInfosFor(const QList<core::PageColumn>& pageColumns,
                                       const core::TableInfo& table);

// The block Copy as copies: every cell of the rows × columns the selection touches (the current cell when
// nothing is selected).
QModelIndexList selectionBlock(const QTableView& view);

// A "Copy as" submenu added to menu (CSV, TSV, JSON, Markdown, SQL INSERT); copy runs with the format
// chosen. With copyWhole (a grid whose selection is one cell: a table of one value is rarely what is
// wanted), a "Whole result" section offers the same formats for every loaded row. Returns the submenu.
QMenu* addCopyAsMenu(QMenu* menu, const std::function<void(CopyAsFormat)>& copy,
                     const std::function<void(CopyAsFormat)>& copyWhole = {});
// Whether the view's selection is at most one cell (Copy as then offers the whole result).
bool selectsOneCell(const QTableView& view);

} // namespace pgdesk::ui
