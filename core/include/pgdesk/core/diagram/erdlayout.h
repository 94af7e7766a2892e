// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where an ER diagram's boxes and lines go: a layered layout of its own (no Graphviz needed), linear in the
// size of the graph, so a schema of thousands of tables is laid out in well under a second on a worker and
// the view only pans and zooms afterwards (3,000 tables: 4 ms, docs/BENCHMARKS.md). Tall layers wrap into
// several columns; lines run at right angles from the key's row of one box to the other's.

#include <pgdesk/core/diagram/erdgraph.h>

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

namespace pgdesk::core {

struct ErdLayoutOptions {
    double layerGap = 80;    // between columns of boxes (the lines run there)
    double boxGap = 24;      // between boxes of one column, and between groups
    double headerHeight = 0; // where a key's line meets its box: the row of its first column, below the
    double rowHeight = 0;    // header; 0 for both: the middle of the box (boxes collapsed to their names)
    double maxColumnHeight = 2400; // a column of more boxes than fit wraps into several
};

struct ErdLayout {
    QList<QRectF> boxes;          // per table, in the graph's order
    QList<QList<QPointF>> routes; // per edge: a polyline from the referencing box to the referenced one
    QRectF bounds;                // of everything, with the boxes' gap around it
};

// Pure: boxes of the given sizes (one per table) in layers, referencing tables left of the tables they
// reference (cycles broken where a depth-first walk meets them), ordered within each layer by where their
// neighbours are (barycenters, a few sweeps) so that lines cross less; unconnected groups packed in rows of
// about 16:9. No two boxes overlap. The same graph and sizes always give the same layout.
ErdLayout layoutErd(const ErdGraph& graph, const QList<QSizeF>& sizes, const ErdLayoutOptions& options = {});

} // namespace pgdesk::core
