// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/grid/copyas.h>

#include <pgdesk/core/transfer/rowencoding.h>
#include <pgdesk/ui/common/icons.h>

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QMap>
#include <QMenu>
#include <QTableView>

namespace pgdesk::ui {

namespace {

core::ExportOptions optionsFor(CopyAsFormat format) {
    core::ExportOptions options;
    switch (format) {
    case CopyAsFormat::Csv:
        options.format = core::ExportFormat::Csv;
        break;
    case CopyAsFormat::Tsv:
        options.format = core::ExportFormat::Tsv;
        break;
    case CopyAsFormat::Json:
        options.format = core::ExportFormat::Json;
        break;
    case CopyAsFormat::Markdown:
        options.format = core::ExportFormat::Markdown;
        break;
    case CopyAsFormat::SqlInsert:
        options.format = core::ExportFormat::Sql;
        break;
    }
    return options;
}

} // namespace

QString cellsAs(CopyAsFormat format, const QAbstractItemModel& model, const QModelIndexList& cells,
                const QList<core::ColumnInfo>& columns, const core::TableInfo& table) {
    if (cells.isEmpty())
        return {};
    QMap<int, bool> rows; // sorted
    QMap<int, bool> selectedColumns;
    for (const QModelIndex& i : cells) {
        rows.insert(i.row(), true);
        selectedColumns.insert(i.column(), true);
    }
    QList<core::ColumnInfo> chosen;
    for (auto c = selectedColumns.cbegin(); c != selectedColumns.cend(); ++c) {
        core::ColumnInfo info;
        if (c.key() < columns.size())
            info = columns.at(c.key());
        if (info.name.isEmpty())
            info.name = model.headerData(c.key(), Qt::Horizontal, Qt::DisplayRole).toString();
        chosen << info;
    }
    QList<core::TextRow> values;
    for (auto r = rows.cbegin(); r != rows.cend(); ++r) {
        core::TextRow row;
        for (auto c = selectedColumns.cbegin(); c != selectedColumns.cend(); ++c) {
            const QVariant v = model.index(r.key(), c.key()).data(Qt::EditRole); // exact text; invalid: NULL
            row << (v.isValid() ? std::optional<QString>(v.toString()) : std::nullopt);
        }
        values << row;
    }
    return QString::fromUtf8(core::encodeRows(chosen, values, table, optionsFor(format)));
}

QList<core::ColumnInfo> columnInfosFor(const QList<core::PageColumn>& pageColumns,
                                       const core::TableInfo& table) {
    QList<core::ColumnInfo> infos;
    // A query's columns may repeat a name: its description matches the page by position.
    const bool byPosition =
        table.kind == core::RelationKind::Query && table.columns.size() == pageColumns.size();
    for (qsizetype i = 0; i < pageColumns.size(); ++i) {
        const core::PageColumn& p = pageColumns.at(i);
        core::ColumnInfo info;
        if (byPosition) {
            info = table.columns.at(i);
        } else if (const core::ColumnInfo* c = table.column(p.name)) {
            info = *c;
        } else {
            info.typeName = p.type;
            info.category = core::categoryForTypeName(p.type);
        }
        info.name = p.name;
        infos << info;
    }
    return infos;
}

QModelIndexList selectionBlock(const QTableView& view) {
    QModelIndexList cells = view.selectionModel()->selectedIndexes();
    if (cells.isEmpty() && view.currentIndex().isValid())
        cells << view.currentIndex();
    QMap<int, bool> rows;
    QMap<int, bool> columns;
    for (const QModelIndex& i : std::as_const(cells)) {
        rows.insert(i.row(), true);
        columns.insert(i.column(), true);
    }
    QModelIndexList block;
    for (auto r = rows.cbegin(); r != rows.cend(); ++r)
        for (auto c = columns.cbegin(); c != columns.cend(); ++c)
            block << view.model()->index(r.key(), c.key());
    return block;
}

bool selectsOneCell(const QTableView& view) {
    return view.selectionModel()->selectedIndexes().size() <= 1;
}

QMenu* addCopyAsMenu(QMenu* menu, const std::function<void(CopyAsFormat)>& copy,
                     const std::function<void(CopyAsFormat)>& copyWhole) {
    QMenu* sub = menu->addMenu(themedIcon(QStringLiteral("edit-copy")),
                               QCoreApplication::translate("pgdesk::ui::CopyAs", "Copy as"));
    sub->setObjectName(QStringLiteral("copyAsMenu"));
    const auto addFormats = [sub, menu](const std::function<void(CopyAsFormat)>& run, const char* prefix) {
        for (const auto& [format, text, name] :
             {std::tuple{CopyAsFormat::Csv, QT_TRANSLATE_NOOP("pgdesk::ui::CopyAs", "CSV"), "Csv"},
              {CopyAsFormat::Tsv, QT_TRANSLATE_NOOP("pgdesk::ui::CopyAs", "TSV"), "Tsv"},
              {CopyAsFormat::Json, QT_TRANSLATE_NOOP("pgdesk::ui::CopyAs", "JSON"), "Json"},
              {CopyAsFormat::Markdown, QT_TRANSLATE_NOOP("pgdesk::ui::CopyAs", "Markdown"), "Markdown"},
              {CopyAsFormat::SqlInsert, QT_TRANSLATE_NOOP("pgdesk::ui::CopyAs", "SQL INSERT"),
               "SqlInsert"}}) {
            QAction* a = sub->addAction(QCoreApplication::translate("pgdesk::ui::CopyAs", text));
            a->setObjectName(QLatin1String(prefix) + QLatin1String(name));
            QObject::connect(a, &QAction::triggered, menu, [run, f = format] { run(f); });
        }
    };
    addFormats(copy, "copyAs");
    if (copyWhole) {
        sub->addSection(QCoreApplication::translate("pgdesk::ui::CopyAs", "Whole result"));
        addFormats(copyWhole, "copyWholeAs");
    }
    return sub;
}

} // namespace pgdesk::ui
