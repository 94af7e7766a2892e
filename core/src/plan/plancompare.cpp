// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/plan/plancompare.h>

#include <algorithm>
#include <vector>

namespace pgdesk::core {

namespace {

// How well two nodes match; 0: they are different nodes.
int score(const PlanNode& a, const PlanNode& b) {
    if (!a.relation.isEmpty() || !b.relation.isEmpty()) {
        if (a.relation != b.relation || a.alias != b.alias)
            return 0;
        return a.nodeType == b.nodeType ? 4 : 3;
    }
    if (!a.cteName.isEmpty() || !b.cteName.isEmpty())
        return a.cteName == b.cteName ? 3 : 0;
    if (a.subplanName != b.subplanName && (!a.subplanName.isEmpty() || !b.subplanName.isEmpty()))
        return 0;
    return a.nodeType == b.nodeType ? 2 : 1;
}

// Iterative, with a stack of what is left to do in pre-order: plans thousands of nodes deep are read.
struct Matcher {
    const Plan& before;
    const Plan& after;
    PlanComparison out;

    struct Step {
        int a; // a node of `before`, or -1
        int b; // a node of `after`, or -1: with a, a match; alone, a subtree on one side only
    };
    std::vector<Step> m_todo;

    void run(Step first) {
        m_todo.push_back(first);
        while (!m_todo.empty()) {
            const Step s = m_todo.back();
            m_todo.pop_back();
            if (s.a >= 0 && s.b >= 0)
                match(s.a, s.b);
            else
                onlyOne(s.a >= 0 ? before : after, s.a >= 0 ? s.a : s.b, s.a >= 0);
        }
    }

    // The steps of one node's children, in their order: pushed last first.
    void later(const std::vector<Step>& steps) { m_todo.insert(m_todo.end(), steps.rbegin(), steps.rend()); }

    void onlyOne(const Plan& plan, int id, bool isBefore) {
        // The node and its whole subtree exist on one side only.
        const PlanNode& n = plan.nodes[id];
        out.pairs << PlanNodePair{isBefore ? id : -1, isBefore ? -1 : id, n.depth};
        std::vector<Step> steps;
        for (int c : n.children)
            steps.push_back(isBefore ? Step{c, -1} : Step{-1, c});
        later(steps);
    }

    void match(int a, int b) {
        const PlanNode& x = before.nodes[a];
        const PlanNode& y = after.nodes[b];
        out.pairs << PlanNodePair{a, b, y.depth};
        ++out.matched;
        if (x.nodeType != y.nodeType)
            ++out.changed;
        const QList<int>& xs = x.children;
        const QList<int>& ys = y.children;
        // Weighted alignment of the two child lists (keeps their order; the best total score wins).
        const size_t n = size_t(xs.size()), m = size_t(ys.size());
        std::vector<int> best((n + 1) * (m + 1), 0);
        const auto at = [m](size_t i, size_t j) { return i * (m + 1) + j; };
        for (size_t i = n; i-- > 0;)
            for (size_t j = m; j-- > 0;) {
                const int s = score(before.nodes[xs[qsizetype(i)]], after.nodes[ys[qsizetype(j)]]);
                best[at(i, j)] = std::max(
                    {best[at(i + 1, j)], best[at(i, j + 1)], s > 0 ? s + best[at(i + 1, j + 1)] : 0});
            }
        std::vector<Step> steps;
        size_t i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m) {
                const int s = score(before.nodes[xs[qsizetype(i)]], after.nodes[ys[qsizetype(j)]]);
                if (s > 0 && best[at(i, j)] == s + best[at(i + 1, j + 1)]) {
                    steps.push_back({xs[qsizetype(i++)], ys[qsizetype(j++)]});
                    continue;
                }
            }
            if (i < n && (j == m || best[at(i, j)] == best[at(i + 1, j)]))
                steps.push_back({xs[qsizetype(i++)], -1});
            else
                steps.push_back({-1, ys[qsizetype(j++)]});
        }
        later(steps);
    }
};

} // namespace

PlanComparison comparePlans(const Plan& before, const Plan& after) {
    Matcher m{before, after, {}, {}};
    if (!before.nodes.isEmpty() && !after.nodes.isEmpty() && score(before.root(), after.root()) > 0) {
        m.run({0, 0});
        return m.out;
    }
    if (!before.nodes.isEmpty())
        m.run({0, -1});
    if (!after.nodes.isEmpty())
        m.run({-1, 0});
    return m.out;
}

} // namespace pgdesk::core
