// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/admin/loadorder.h>

#include <QHash>
#include <QSet>

#include <set>
#include <tuple>

namespace pgdesk::core {

QList<qsizetype> loadOrder(const QList<LoadOrderItem>& items, const DependencyEdges& edges) {
    QHash<QString, qsizetype> byKey;
    for (qsizetype i = 0; i < items.size(); ++i)
        byKey.insert(items[i].key, i);
    QList<int> waitingFor(items.size(), 0);
    QList<QList<qsizetype>> dependents(items.size());
    QSet<QPair<qsizetype, qsizetype>> seen;
    for (const auto& [dependent, referenced] : edges) {
        const qsizetype from = byKey.value(dependent, -1);
        const qsizetype to = byKey.value(referenced, -1);
        if (from < 0 || to < 0 || from == to || seen.contains({from, to}))
            continue;
        seen.insert({from, to});
        ++waitingFor[from];
        dependents[to] << from;
    }
    // Kahn's algorithm, taking the lowest (rank, oid) of those ready, so the order is stable.
    using Entry = std::tuple<int, qint64, qsizetype>;
    const auto entry = [&](qsizetype i) { return Entry{items[i].rank, items[i].oid, i}; };
    std::set<Entry> ready;
    std::set<Entry> remaining;
    for (qsizetype i = 0; i < items.size(); ++i) {
        remaining.insert(entry(i));
        if (waitingFor[i] == 0)
            ready.insert(entry(i));
    }
    QList<qsizetype> order;
    order.reserve(items.size());
    while (!remaining.empty()) {
        // Nothing ready with items left: a cycle; its lowest-ranked item goes first.
        const Entry next = ready.empty() ? *remaining.begin() : *ready.begin();
        ready.erase(next);
        remaining.erase(next);
        const qsizetype i = std::get<2>(next);
        order << i;
        waitingFor[i] = -1;
        for (qsizetype d : std::as_const(dependents[i]))
            if (waitingFor[d] > 0 && --waitingFor[d] == 0)
                ready.insert(entry(d));
    }
    return order;
}

} // namespace pgdesk::core
