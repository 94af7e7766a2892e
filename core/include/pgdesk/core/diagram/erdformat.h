// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// An ER diagram as text other tools draw: Mermaid (erDiagram) for documentation, DOT for Graphviz.

#include <pgdesk/core/diagram/erdgraph.h>

#include <QString>

namespace pgdesk::core {

// Pure: a Mermaid erDiagram. Entities are t0, t1 … with the qualified name as their alias; each column as
// `type name PK, FK` (type and name cut to the characters Mermaid's grammar takes, the exact name then kept
// in the attribute's comment); one relationship per foreign key, referencing table first: `}o` many (`|o`
// when the key is unique), `||` exactly one parent (`o|` when a key column may be NULL), `--` when the key is
// part of the referencing table's primary key (identifying), else `..`; labelled with the key's name. Every
// name is escaped: a `"` becomes #quot;, a line break a space, so no name can end a string or a line.
QString erdToMermaid(const ErdGraph& graph);

// Pure: a Graphviz digraph (rankdir LR). Nodes t0, t1 … with an HTML-like table label (the qualified name,
// then each column with its type and PK/FK, escaped as XML); `collapsed` shows names only. One edge per
// foreign key from the referencing column's port to the referenced one's, crow's foot ends (crowodot or
// teeodot at the referencing end, tee or teeodot at the referenced one) and the key's name as tooltip.
QString erdToDot(const ErdGraph& graph, bool collapsed = false);

} // namespace pgdesk::core
