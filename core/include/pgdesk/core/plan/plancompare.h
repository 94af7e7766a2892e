// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/plan/plan.h>

#include <QList>

namespace pgdesk::core {

// One row of a comparison: a node of the first plan, of the second, or of both when they match.
struct PlanNodePair {
    int before = -1; // node id in the first plan, -1 when the node is new in the second
    int after = -1;  // node id in the second plan, -1 when the node is gone
    int depth = 0;   // for indenting: the matched (or single) node's depth
};

struct PlanComparison {
    QList<PlanNodePair> pairs; // in the order of a pre-order walk over both trees
    int matched = 0;
    int changed = 0; // matched with another node type (Seq Scan → Index Scan on the same table)
};

// Matches the nodes of two plans of (usually) the same statement: roots with roots, then each node's
// children as an alignment of the two child lists. Scans match scans of the same table and alias (a Seq
// Scan and an Index Scan on it are one node that changed); other nodes match nodes of the same type, or of
// another type at the same place (a Hash Join that became a Nested Loop). Linear in the nodes but for the
// alignment, which is quadratic in the children of one node (1,000 partitions: a million cheap steps).
PlanComparison comparePlans(const Plan& before, const Plan& after);

// Shared blocks a node touched (hit + read), inclusive; 0 without BUFFERS.
inline qint64 sharedBlocks(const PlanNode& n) {
    return n.buffers.sharedHit + n.buffers.sharedRead;
}

} // namespace pgdesk::core
