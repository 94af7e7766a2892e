// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace pgdesk::core {

// The order a script creates its objects in: each after what it depends on, as pg_depend says, the way
// pg_dump sorts its objects (DdlWriter's scripts, the schema compare's migrations).
struct LoadOrderItem {
    QString key;    // "catalog:oid", as ddlsql::dependenciesSql() names objects
    int rank = 0;   // ties, and cycles, go to the lower rank first: types before functions before tables …
    qint64 oid = 0; // then creation order
};

// (dependent key, referenced key); keys that name no item are ignored.
using DependencyEdges = QList<QPair<QString, QString>>;

// Indexes into `items`, each after those it depends on. A cycle (which pg_depend allows, e.g. a table
// whose default calls a function returning that table's rows) is broken at its lowest-ranked item.
QList<qsizetype> loadOrder(const QList<LoadOrderItem>& items, const DependencyEdges& edges);

} // namespace pgdesk::core
