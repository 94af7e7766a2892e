// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/browse/browsefeature.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/workbench.h>
#include <pgdesk/ui/diagram/diagramfeature.h>
#include <pgdesk/ui/diagram/erdview.h>
#include <pgdesk/ui/schema/schemafeature.h>

#include <QAction>
#include <QTabWidget>

namespace pgdesk::ui {

DiagramFeature* DiagramFeature::of(const QWidget& window) {
    return Workbench::featureOf<DiagramFeature>(window);
}

void DiagramFeature::initialize(Workbench& workbench) {
    m_workbench = &workbench;
    QAction* erd = workbench.addMenuAction(
        MenuId::Connection, 180, QStringLiteral("erdAction"), themedIcon(QStringLiteral("view-list-tree")),
        tr("ER &diagram…"), [this] {
            // Of the table in front (its neighbourhood), else of the search path's first schema.
            const QString db = m_workbench->currentDatabase();
            if (auto* browser = m_workbench->currentTab<TableBrowser>(); browser && browser->table())
                openErd(browser->table()->schema, browser->table()->name, db);
            else
                openErd(QStringLiteral("public"), {}, db);
        });
    erd->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    erd->setToolTip(tr("Tables and their foreign keys: of the table in front, else of the schema"));
    TreeEntry table{
        TreeObject::Node::Relation,
        160,
        QStringLiteral("treeErdAction"),
        QStringLiteral("view-list-tree"),
        tr("ER diagram"),
        [this](const TreeObject& o) { openErd(o.schema, o.name, o.database); },
        [](const TreeObject& o) { return o.isTable() || o.relationKind == QLatin1String("foreign_table"); }};
    workbench.addTreeEntry(table);
    TreeEntry schema{TreeObject::Node::Schema,
                     120,
                     QStringLiteral("treeSchemaErdAction"),
                     QStringLiteral("view-list-tree"),
                     tr("ER diagram of the schema"),
                     [this](const TreeObject& o) { openErd(o.schema, QString(), o.database); }};
    workbench.addTreeEntry(schema);
}

ErdView* DiagramFeature::openErd(const QString& schema, const QString& table, const QString& database) {
    const auto pool = m_workbench->poolFor(database);
    if (!pool)
        return nullptr;
    ErdScope scope;
    if (table.isEmpty())
        scope.schemas << schema;
    else
        scope.tables.append({schema, table});
    auto* view = new ErdView(pool, scope, m_workbench->tabs());
    connect(view, &ErdView::openTableRequested, this, [this, database](const QString& s, const QString& t) {
        if (auto* browse = m_workbench->feature<BrowseFeature>())
            browse->openTable(s, t, database);
    });
    connect(view, &ErdView::structureRequested, this, [this, database](const QString& s, const QString& t) {
        auto* browse = m_workbench->feature<BrowseFeature>();
        if (TableBrowser* browser = browse ? browse->openTable(s, t, database) : nullptr)
            browser->showStructure();
    });
    connect(view, &ErdView::designRequested, this, [this, database](const QString& s, const QString& t) {
        if (auto* schemaFeature = m_workbench->feature<SchemaFeature>())
            schemaFeature->openTableDesigner(s, t, database);
    });
    m_workbench->addTab(view, themedIcon(QStringLiteral("view-list-tree")), table.isEmpty() ? schema : table,
                        table.isEmpty() ? tr("ER diagram of schema %1").arg(schema)
                                        : tr("ER diagram around %1.%2").arg(schema, table));
    return view;
}

} // namespace pgdesk::ui
