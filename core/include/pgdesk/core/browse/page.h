// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>

namespace pgdesk::core {

struct PageColumn {
    QString name;
    QString type; // the column's type name from the catalog ("numeric(12,2)")
    // What the grid's header shows when it differs from name: an editable query result names its columns
    // after the table's (edits address them), and keeps the query's alias ("n" for name as n) here.
    QString label = {};
    quint32 typeOid = 0; // the type's OID as the server sent it with the rows; 0 before any row came
};

// A value a page brought cut (QuerySpec::valueLimit).
struct CutValue {
    int column = 0;
    qint64 wholeBytes = -1; // bytea: the whole value's size (the server knows it without reading it); else -1
    bool operator==(const CutValue&) const = default;
};
inline const CutValue* findCut(const QList<CutValue>& cuts, int column) {
    for (const CutValue& c : cuts)
        if (c.column == column)
            return &c;
    return nullptr;
}

// One page of a table browse, rows in display order.
struct Page {
    QList<PageColumn> columns;
    QList<QList<std::optional<QString>>> rows; // exact text output, nullopt = NULL
    // Editable relations only (a table or partitioned table with a row key), else both empty: the row
    // key's columns (all of them are in columns) and one version per row (xmin as text, parallel to rows)
    // for optimistic concurrency checks on edits.
    QStringList keyColumns;
    QList<QString> versions;
    // QuerySpec::valueLimit: when a value came cut, parallel to rows, each row's cut values (by column,
    // ascending); empty when nothing was cut. A cut value is a prefix of the whole: never edit or filter
    // by it.
    QList<QList<CutValue>> cut;
    int valueLimit = 0;
    bool isCut(qsizetype row, int column) const { return cutValue(row, column) != nullptr; }
    const CutValue* cutValue(qsizetype row, int column) const { return findCut(cut.value(row), column); }
    QList<int> cutColumns(qsizetype row) const {
        QList<int> columns;
        for (const CutValue& c : cut.value(row))
            columns << c.column;
        return columns;
    }
    QString nextCursor; // empty: no next page (or the table has no row key: use page numbers)
    QString prevCursor; // empty: no previous page known
    // Rows follow this page in the result's order (known for forward pages from the look-ahead row, and
    // for pages read backwards before a cursor); works without a row key, unlike nextCursor.
    bool hasMore = false;
    std::optional<qint64> total;
    bool totalIsEstimate = true;
    int pageSize = 0;
    qint64 elapsedMs = 0;
};

} // namespace pgdesk::core
