// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/requests.h>
#include <pgdesk/ui/common/workbench.h>
#include <pgdesk/ui/schema/datacomparedialog.h>
#include <pgdesk/ui/schema/privilegesview.h>
#include <pgdesk/ui/schema/schemacompareview.h>
#include <pgdesk/ui/schema/schemafeature.h>
#include <pgdesk/ui/schema/tabledesigner.h>

#include <pgdesk/core/session/pool.h>

#include <QAction>
#include <QMainWindow>
#include <QTabWidget>

namespace pgdesk::ui {

SchemaFeature* SchemaFeature::of(const QWidget& window) {
    return Workbench::featureOf<SchemaFeature>(window);
}

void SchemaFeature::initialize(Workbench& workbench) {
    m_workbench = &workbench;
    workbench.addMenuAction(
        MenuId::Connection, 160, QStringLiteral("compareSchemasAction"), QIcon(), tr("&Compare schemas…"),
        [this] { openSchemaCompare(QStringLiteral("public"), m_workbench->currentDatabase()); });
    addTreeEntries();
}

void SchemaFeature::addTreeEntries() {
    using Node = TreeObject::Node;
    const auto isTable = [](const TreeObject& o) { return o.isTable(); };
    TreeEntry design{Node::Relation,
                     130,
                     QStringLiteral("treeDesignAction"),
                     QStringLiteral("document-edit"),
                     tr("Design…"),
                     [this](const TreeObject& o) { openTableDesigner(o.schema, o.name, o.database); },
                     isTable};
    TreeEntry privileges{Node::Relation,
                         140,
                         QStringLiteral("treePrivilegesAction"),
                         {},
                         tr("Privileges…"),
                         [this](const TreeObject& o) { openPrivileges(o.schema, o.name, o.database); }};
    TreeEntry compareData{Node::Relation,
                          150,
                          QStringLiteral("treeCompareDataAction"),
                          {},
                          tr("Compare Data…"),
                          [this](const TreeObject& o) { openDataCompare(o.schema, o.name, o.database); },
                          isTable};
    TreeEntry newTable{Node::Schema,
                       100,
                       QStringLiteral("treeNewTableAction"),
                       QStringLiteral("document-new"),
                       tr("New Table…"),
                       [this](const TreeObject& o) { openTableDesigner(o.schema, QString(), o.database); }};
    TreeEntry schemaPrivileges{
        Node::Schema,
        130,
        QStringLiteral("treeSchemaPrivilegesAction"),
        {},
        tr("Privileges…"),
        [this](const TreeObject& o) { openPrivileges(o.schema, QString(), o.database); }};
    TreeEntry compareSchema{Node::Schema,
                            140,
                            QStringLiteral("treeCompareSchemaAction"),
                            {},
                            tr("Compare Schema…"),
                            [this](const TreeObject& o) { openSchemaCompare(o.schema, o.database); }};
    for (TreeEntry* e : {&design, &privileges, &compareData, &newTable, &schemaPrivileges, &compareSchema})
        m_workbench->addTreeEntry(*e);
}

TableDesigner* SchemaFeature::openTableDesigner(const QString& schema, const QString& table,
                                                const QString& database) {
    const auto pool = m_workbench->poolFor(database);
    if (!pool) {
        m_workbench->showMessage(tr("Connect first: the designer changes the current session's tables"),
                                 5000);
        return nullptr;
    }
    if (!table.isEmpty())
        // One designer per table: its staged design is one.
        if (auto* open = m_workbench->activateTab<TableDesigner>([&](TableDesigner* d) {
                return d->property("designSchema") == schema && d->property("designTable") == table;
            }))
            return open;
    QTabWidget* tabs = m_workbench->tabs();
    auto* designer = new TableDesigner(pool, schema, table, tabs);
    designer->setProperty("designSchema", schema);
    designer->setProperty("designTable", table);
    m_workbench->addTab(designer, themedIcon(QStringLiteral("document-edit")),
                        table.isEmpty() ? tr("New table") : tr("Design: %1").arg(table),
                        table.isEmpty() ? tr("A new table in %1").arg(schema)
                                        : tr("Table designer: %1.%2").arg(schema, table));
    connect(designer, &TableDesigner::applied, this,
            [this, pool, designer, tabs, oldTable = table](const QString& schema, const QString& name) {
                designer->setProperty("designTable", name);
                tabs->setTabText(tabs->indexOf(designer), tr("Design: %1").arg(name));
                m_workbench->noteCatalogChange({pool, schema, name, oldTable});
            });
    return designer;
}

PrivilegesView* SchemaFeature::openPrivileges(const QString& schema, const QString& table,
                                              const QString& database) {
    const auto pool = m_workbench->poolFor(database);
    if (!pool)
        return nullptr;
    core::PrivilegeTarget target;
    target.kind = table.isEmpty() ? core::PrivilegeTarget::Kind::Schema : core::PrivilegeTarget::Kind::Table;
    target.schema = schema;
    target.name = table;
    auto* view = new PrivilegesView(pool, target, m_workbench->tabs());
    m_workbench->addTab(view, QIcon(), tr("Privileges: %1").arg(table.isEmpty() ? schema : table),
                        table.isEmpty() ? tr("Privileges on schema %1").arg(schema)
                                        : tr("Privileges on %1.%2").arg(schema, table));
    return view;
}

SchemaCompareView* SchemaFeature::openSchemaCompare(const QString& schema, const QString& database) {
    const auto pool = m_workbench->poolFor(database);
    if (!pool)
        return nullptr;
    auto* view = new SchemaCompareView([this](const QString& db) { return m_workbench->poolFor(db); },
                                       database.isEmpty() ? pool->profile().database : database, schema,
                                       m_workbench->tabs());
    m_workbench->addTab(view, QIcon(), tr("Compare: %1").arg(schema), tr("Schema compare and migration"));
    view->setFocus();
    // What the migration changed shows in the tree and the completion.
    connect(view, &SchemaCompareView::applyFinished, this, [this, pool, schema](bool applied) {
        if (applied)
            m_workbench->noteCatalogChange({pool, schema, {}, {}});
    });
    return view;
}

DataCompareDialog* SchemaFeature::openDataCompare(const QString& schema, const QString& table,
                                                  const QString& database) {
    const auto pool = m_workbench->poolFor(database);
    if (!pool)
        return nullptr;
    const QString db = database.isEmpty() ? pool->profile().database : database;
    auto* dialog = new DataCompareDialog([this](const QString& name) { return m_workbench->poolFor(name); },
                                         db, schema, table, m_workbench->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DataCompareDialog::stageRequested, this,
            [this](const QString& targetDb, const QString& targetSchema, const QString& targetTable,
                   const core::ChangeSet& changes) {
                m_workbench->request(StageChangesRequest{targetDb, targetSchema, targetTable, changes});
            });
    dialog->open();
    return dialog;
}

} // namespace pgdesk::ui
