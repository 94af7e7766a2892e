// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

class QTreeWidget;
class QWidget;

namespace pgdesk::ui {

// EXPLAIN (FORMAT JSON) as an indented tree: node (type, relation, index, join), estimated and actual
// rows, loops, cost, actual time. `summary` gets "Planning 0.1 ms · Execution 2.3 ms" when the plan has
// them. An unreadable plan gives an empty tree.
QTreeWidget* createPlanTree(const QByteArray& json, QWidget* parent, QString* summary = nullptr);

} // namespace pgdesk::ui
