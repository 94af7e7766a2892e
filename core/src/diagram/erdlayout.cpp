// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/diagram/erdlayout.h>

#include <QHash>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace pgdesk::core {

namespace {

int findRoot(QList<int>& parent, int v) {
    while (parent[v] != v) {
        parent[v] = parent[parent[v]];
        v = parent[v];
    }
    return v;
}

struct Component {
    QList<int> nodes;         // in the graph's order
    QList<QList<int>> layers; // node indexes, left to right, each in its final order
    QRectF bounds;
};

// Layers for one component: referencing tables left of referenced ones. A depth-first walk along the keys
// (child to parent) drops the edges that close a cycle; a node's rank is the longest path to a table that
// references nothing, and its layer counts from the left.
QList<QList<int>> layersOf(const QList<int>& nodes, const QList<QList<int>>& parents) {
    QHash<int, int> state; // 0 unseen, 1 on the walk, 2 done
    QHash<int, int> rank;
    for (const int start : nodes) {
        if (state.value(start))
            continue;
        // Iterative DFS: (node, next parent to look at); a node's rank is known when it is done.
        QList<std::pair<int, int>> stack{{start, 0}};
        state[start] = 1;
        while (!stack.isEmpty()) {
            auto& [v, next] = stack.last();
            if (next < parents[v].size()) {
                const int p = parents[v][next++];
                if (!state.value(p)) {
                    state[p] = 1;
                    stack.append({p, 0});
                }
                continue;
            }
            int r = 0;
            for (const int p : parents[v]) {
                if (state.value(p) == 2) // a parent still on the walk closes a cycle: not counted
                    r = std::max(r, rank.value(p) + 1);
            }
            rank[v] = r;
            state[v] = 2;
            stack.removeLast();
        }
    }
    int top = 0;
    for (const int v : nodes)
        top = std::max(top, rank.value(v));
    QList<QList<int>> layers(top + 1);
    for (const int v : nodes)
        layers[top - rank.value(v)] << v;
    return layers;
}

// Barycenter sweeps: each node placed by the mean position of its neighbours in the layer just swept.
void orderLayers(QList<QList<int>>& layers, const QList<QList<int>>& neighbours, int nodeCount) {
    QList<double> position(nodeCount, 0);
    const auto number = [&](const QList<int>& layer) {
        for (int i = 0; i < layer.size(); ++i)
            position[layer[i]] = i;
    };
    for (const QList<int>& layer : std::as_const(layers))
        number(layer);
    QList<int> layerOf(nodeCount, -1);
    for (int l = 0; l < layers.size(); ++l) {
        for (const int v : std::as_const(layers[l]))
            layerOf[v] = l;
    }
    const auto sweep = [&](int l, int from) {
        QList<std::pair<double, int>> keyed;
        keyed.reserve(layers[l].size());
        for (const int v : std::as_const(layers[l])) {
            double sum = 0;
            int count = 0;
            for (const int n : neighbours[v]) {
                if (layerOf[n] == from) {
                    sum += position[n];
                    ++count;
                }
            }
            keyed.append({count ? sum / count : position[v], v});
        }
        std::stable_sort(keyed.begin(), keyed.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (int i = 0; i < keyed.size(); ++i)
            layers[l][i] = keyed[i].second;
        number(layers[l]);
    };
    for (int round = 0; round < 4; ++round) {
        for (int l = 1; l < layers.size(); ++l)
            sweep(l, l - 1);
        for (int l = int(layers.size()) - 2; l >= 0; --l)
            sweep(l, l + 1);
    }
}

double attachY(const QRectF& box, const ErdTable& table, const QString& column, const ErdLayoutOptions& o) {
    if (o.rowHeight > 0) {
        for (int i = 0; i < table.columns.size(); ++i) {
            if (table.columns[i].name == column)
                return std::min(box.bottom(), box.top() + o.headerHeight + (i + 0.5) * o.rowHeight);
        }
    }
    return box.center().y();
}

} // namespace

ErdLayout layoutErd(const ErdGraph& graph, const QList<QSizeF>& sizes, const ErdLayoutOptions& o) {
    const int n = int(graph.tables.size());
    ErdLayout out;
    out.boxes.resize(n);
    QList<QList<int>> parents(n);
    QList<QList<int>> neighbours(n);
    QList<int> root(n);
    std::iota(root.begin(), root.end(), 0);
    for (const ErdEdge& e : graph.edges) {
        if (e.from < 0 || e.to < 0 || e.from >= n || e.to >= n || e.isSelfReference())
            continue;
        if (!parents[e.from].contains(e.to))
            parents[e.from] << e.to;
        neighbours[e.from] << e.to;
        neighbours[e.to] << e.from;
        root[findRoot(root, e.from)] = findRoot(root, e.to);
    }
    const auto size = [&](int v) { return v < sizes.size() ? sizes[v] : QSizeF(120, 40); };

    // Each connected group laid out on its own, at the origin.
    QHash<int, int> componentOf;
    QList<Component> components;
    for (int v = 0; v < n; ++v) {
        const int r = findRoot(root, v);
        if (!componentOf.contains(r)) {
            componentOf.insert(r, int(components.size()));
            components.append(Component{});
        }
        components[componentOf.value(r)].nodes << v;
    }
    for (Component& c : components) {
        c.layers = layersOf(c.nodes, parents);
        orderLayers(c.layers, neighbours, n);
        double x = 0;
        QList<std::pair<QList<int>, double>> columns; // boxes of one wrapped column and its x
        double tallest = 0;
        QList<double> heights;
        for (const QList<int>& layer : std::as_const(c.layers)) {
            // A layer taller than the limit wraps into several columns side by side.
            QList<int> column;
            double height = 0;
            double width = 0;
            const auto flush = [&] {
                if (column.isEmpty())
                    return;
                columns.append({column, x});
                heights << height - o.boxGap;
                tallest = std::max(tallest, height - o.boxGap);
                x += width + o.layerGap;
                column.clear();
                height = 0;
                width = 0;
            };
            for (const int v : layer) {
                const QSizeF s = size(v);
                if (!column.isEmpty() && height + s.height() > o.maxColumnHeight)
                    flush();
                column << v;
                height += s.height() + o.boxGap;
                width = std::max(width, s.width());
            }
            flush();
        }
        for (int i = 0; i < columns.size(); ++i) {
            double y = (tallest - heights[i]) / 2; // each column centred on the tallest
            for (const int v : std::as_const(columns[i].first)) {
                out.boxes[v] = QRectF(QPointF(columns[i].second, y), size(v));
                y += size(v).height() + o.boxGap;
            }
        }
        c.bounds = QRectF(0, 0, std::max(0.0, x - o.layerGap), tallest);
    }

    // Groups packed in rows (largest first) about 16:9 overall.
    double area = 0;
    double widest = 0;
    for (const Component& c : std::as_const(components)) {
        area += (c.bounds.width() + o.layerGap) * (c.bounds.height() + o.boxGap * 2);
        widest = std::max(widest, c.bounds.width());
    }
    const double rowWidth = std::max(widest, std::sqrt(area * 16.0 / 9.0));
    QList<int> order(components.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return components[a].bounds.height() > components[b].bounds.height();
    });
    double x = 0;
    double y = 0;
    double rowHeight = 0;
    for (const int i : std::as_const(order)) {
        const Component& c = components[i];
        if (x > 0 && x + c.bounds.width() > rowWidth) {
            x = 0;
            y += rowHeight + o.boxGap * 2;
            rowHeight = 0;
        }
        for (const int v : c.nodes)
            out.boxes[v].translate(x, y);
        x += c.bounds.width() + o.layerGap;
        rowHeight = std::max(rowHeight, c.bounds.height());
    }

    // Lines: from the referencing column's row to the referenced one's, with a vertical run between the
    // boxes; around the right side when they share a column, a small loop for a self-reference.
    for (const ErdEdge& e : graph.edges) {
        QList<QPointF> route;
        if (e.from >= 0 && e.to >= 0 && e.from < n && e.to < n) {
            const QRectF& a = out.boxes[e.from];
            const QRectF& b = out.boxes[e.to];
            double ya = attachY(a, graph.tables[e.from], e.fromColumns.value(0), o);
            double yb = attachY(b, graph.tables[e.to], e.toColumns.value(0), o);
            if (e.isSelfReference() && std::abs(ya - yb) < 6)
                yb = std::min(a.bottom() - 2, ya + 12);
            if (!e.isSelfReference() && b.left() >= a.right()) {
                const double mid = (a.right() + b.left()) / 2;
                route = {{a.right(), ya}, {mid, ya}, {mid, yb}, {b.left(), yb}};
            } else if (!e.isSelfReference() && b.right() <= a.left()) {
                const double mid = (b.right() + a.left()) / 2;
                route = {{a.left(), ya}, {mid, ya}, {mid, yb}, {b.right(), yb}};
            } else {
                const double side = std::max(a.right(), b.right()) + o.boxGap;
                route = {{a.right(), ya}, {side, ya}, {side, yb}, {b.right(), yb}};
            }
        }
        out.routes << route;
    }
    QRectF bounds;
    for (const QRectF& r : std::as_const(out.boxes))
        bounds = bounds.isNull() ? r : bounds.united(r);
    for (const QList<QPointF>& route : std::as_const(out.routes)) {
        for (const QPointF& p : route)
            bounds = bounds.united(QRectF(p, QSizeF(1, 1)));
    }
    out.bounds = bounds.adjusted(-o.boxGap, -o.boxGap, o.boxGap, o.boxGap);
    return out;
}

} // namespace pgdesk::core
