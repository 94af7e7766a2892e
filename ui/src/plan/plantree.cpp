// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/plantree.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTreeWidget>

namespace pgdesk::ui {

namespace {

QString number(const QJsonValue& v, int decimals) {
    if (v.isUndefined() || v.isNull())
        return {};
    return QLocale().toString(v.toDouble(), 'f', decimals);
}

QString text(const QJsonObject& node, const char* key) {
    return node.value(QLatin1String(key)).toString();
}

// What the node works on, as psql writes it after " on ": the relation (schema-qualified when the plan is
// VERBOSE), CTE, function or tuplestore, then the alias when it differs; a subquery or VALUES list by its
// alias alone.
QString scanTarget(const QJsonObject& node) {
    QString name;
    for (const char* key :
         {"Relation Name", "CTE Name", "Function Name", "Table Function Name", "Tuplestore Name"}) {
        name = text(node, key);
        if (!name.isEmpty())
            break;
    }
    const QString alias = text(node, "Alias");
    if (name.isEmpty())
        return alias;
    const QString schema = text(node, "Schema");
    QString target = schema.isEmpty() ? name : schema + QLatin1Char('.') + name;
    if (!alias.isEmpty() && alias != name)
        target += QLatin1Char(' ') + alias;
    return target;
}

// The node's line as psql's text EXPLAIN writes it ("Parallel Seq Scan on public.customer c", "Index Scan
// Backward using customer_pkey on customer", "Hash Left Join", "Insert on t"), the strategy of an aggregate
// or set operation in parentheses ("Aggregate (Hashed)", psql's HashAggregate) and a subplan's name last.
QString nodeLabel(const QJsonObject& node) {
    const QString type = text(node, "Node Type");
    QString label;
    if (node.value(QStringLiteral("Parallel Aware")).toBool())
        label += QStringLiteral("Parallel ");
    if (node.value(QStringLiteral("Async Capable")).toBool())
        label += QStringLiteral("Async ");
    const QString partial = text(node, "Partial Mode"); // Simple, Partial or Finalize
    if (!partial.isEmpty() && partial != QLatin1String("Simple"))
        label += partial + QLatin1Char(' ');

    const QString operation = text(node, "Operation"); // ModifyTable: Insert, Update, Delete, Merge
    const QString join = text(node, "Join Type");
    if (type == QLatin1String("ModifyTable") && !operation.isEmpty()) {
        label += operation;
    } else if (!join.isEmpty() && join != QLatin1String("Inner")) {
        // "Hash Join" + Left = "Hash Left Join"; "Nested Loop" + Left = "Nested Loop Left Join".
        QString method = type;
        if (method.endsWith(QLatin1String(" Join")))
            method.chop(5);
        label += QStringLiteral("%1 %2 Join").arg(method, join);
    } else {
        label += type;
    }
    const QString command = text(node, "Command"); // SetOp: Intersect, Except…
    if (!command.isEmpty())
        label += QLatin1Char(' ') + command;
    const QString strategy = text(node, "Strategy"); // Aggregate, SetOp: Plain, Sorted, Hashed, Mixed
    if (!strategy.isEmpty() && strategy != QLatin1String("Plain"))
        label += QStringLiteral(" (%1)").arg(strategy);
    if (text(node, "Scan Direction") == QLatin1String("Backward"))
        label += QStringLiteral(" Backward");

    const QString index = text(node, "Index Name");
    const QString target = scanTarget(node);
    if (!index.isEmpty())
        label +=
            (target.isEmpty() ? QStringLiteral(" on ") : QStringLiteral(" using ")) + index; // bitmap: on
    if (!target.isEmpty())
        label += QStringLiteral(" on ") + target;
    const QString subplan = text(node, "Subplan Name"); // "SubPlan 1", "InitPlan 1 (returns $0)", "CTE x"
    if (!subplan.isEmpty())
        label += QStringLiteral(" [%1]").arg(subplan);
    return label;
}

void addNode(const QJsonObject& node, QTreeWidget* tree, QTreeWidgetItem* parent) {
    QStringList columns;
    const bool analyzed = node.contains(QStringLiteral("Actual Rows"));
    columns << nodeLabel(node) << number(node.value(QStringLiteral("Plan Rows")), 0)
            << (analyzed ? number(node.value(QStringLiteral("Actual Rows")), 0) : QString())
            << (analyzed ? number(node.value(QStringLiteral("Actual Loops")), 0) : QString())
            << QStringLiteral("%1..%2").arg(number(node.value(QStringLiteral("Startup Cost")), 2),
                                            number(node.value(QStringLiteral("Total Cost")), 2))
            << (analyzed ? number(node.value(QStringLiteral("Actual Total Time")), 3) : QString());
    auto* item = parent ? new QTreeWidgetItem(parent, columns) : new QTreeWidgetItem(tree, columns);
    for (int c = 1; c < columns.size(); ++c)
        item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    // Everything else the node says, as a tooltip (filters, conditions, buffers…).
    QStringList details;
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (it.key() == QLatin1String("Plans"))
            continue;
        const QJsonValue v = it.value();
        QString text;
        if (v.isString())
            text = v.toString();
        else if (v.isDouble())
            text = QString::number(v.toDouble());
        else if (v.isBool())
            text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else if (v.isArray())
            text = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
        else if (v.isObject())
            text = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        details << QStringLiteral("%1: %2").arg(it.key(), text);
    }
    item->setToolTip(0, details.join(QLatin1Char('\n')));
    for (const QJsonValue& child : node.value(QStringLiteral("Plans")).toArray())
        addNode(child.toObject(), tree, item);
}

} // namespace

QTreeWidget* createPlanTree(const QByteArray& json, QWidget* parent, QString* summary) {
    auto* tree = new QTreeWidget(parent);
    tree->setObjectName(QStringLiteral("planTree"));
    tree->setHeaderLabels({QObject::tr("Node"), QObject::tr("Rows (est.)"), QObject::tr("Rows"),
                           QObject::tr("Loops"), QObject::tr("Cost"), QObject::tr("Time (ms)")});
    tree->setAlternatingRowColors(true);
    tree->setUniformRowHeights(true);
    const QJsonObject top = QJsonDocument::fromJson(json).array().at(0).toObject();
    if (top.contains(QStringLiteral("Plan")))
        addNode(top.value(QStringLiteral("Plan")).toObject(), tree, nullptr);
    tree->expandAll();
    // The node column always fits its longest line at its depth (a wide plan scrolls sideways rather than
    // cut "Gather Merge" to "Gather M…"); the number columns fit their values and stay narrow.
    tree->header()->setStretchLastSection(false);
    for (int c = 0; c < tree->columnCount(); ++c)
        tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    tree->setTextElideMode(Qt::ElideNone);
    if (summary) {
        QStringList parts;
        if (top.contains(QStringLiteral("Planning Time")))
            parts << QObject::tr("Planning %1 ms").arg(number(top.value(QStringLiteral("Planning Time")), 3));
        if (top.contains(QStringLiteral("Execution Time")))
            parts
                << QObject::tr("Execution %1 ms").arg(number(top.value(QStringLiteral("Execution Time")), 3));
        *summary = parts.join(QStringLiteral(" · "));
    }
    return tree;
}

} // namespace pgdesk::ui
