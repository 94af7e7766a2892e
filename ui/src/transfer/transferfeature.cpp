// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/browse/browsefeature.h>
#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/common/icons.h>
#include <pgdesk/ui/common/workbench.h>
#include <pgdesk/ui/edit/editsession.h>
#include <pgdesk/ui/edit/tableeditor.h>
#include <pgdesk/ui/transfer/exportdialog.h>
#include <pgdesk/ui/transfer/importdialog.h>
#include <pgdesk/ui/transfer/transferfeature.h>

#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/session/pool.h>

#include <QAction>
#include <QMainWindow>

namespace pgdesk::ui {

TransferFeature* TransferFeature::of(const QWidget& window) {
    return Workbench::featureOf<TransferFeature>(window);
}

void TransferFeature::initialize(Workbench& workbench) {
    m_workbench = &workbench;
    m_export = workbench.addMenuAction(MenuId::File, 100, QStringLiteral("exportAction"),
                                       themedIcon(QStringLiteral("document-export")), tr("&Export view…"),
                                       [this] { exportCurrentView(); });
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    workbench.addToToolBar(300, m_export);
    workbench.addTabHandler(
        m_export, {[](QWidget* tab) { return qobject_cast<TableBrowser*>(tab) != nullptr; },
                   [this](QWidget* tab) {
                       auto* browser = static_cast<TableBrowser*>(tab);
                       auto* dialog =
                           new ExportDialog(browser->pool(), browser->spec(), m_workbench->window());
                       dialog->setAttribute(Qt::WA_DeleteOnClose);
                       dialog->open();
                   }});
    workbench.enableWith(m_export, [this] {
        QWidget* tab = m_workbench->tabs()->currentWidget();
        return tab && m_workbench->acceptsTab(m_export, tab);
    });

    QAction* import = workbench.addMenuAction(
        MenuId::File, 110, QStringLiteral("importAction"), themedIcon(QStringLiteral("document-import")),
        tr("&Import into table…"), [this] { importIntoCurrentTable(); });
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    workbench.addToToolBar(310, import);
    workbench.enableWith(import, [this] { return m_workbench->currentTab<TableBrowser>() != nullptr; });
    workbench.addMenuAction(MenuId::File, 120, QStringLiteral("importNewTableAction"),
                            themedIcon(QStringLiteral("document-import")), tr("Import into &new table…"),
                            [this] { importIntoNewTable(); });
    addTreeEntries();
}

void TransferFeature::addTreeEntries() {
    using Node = TreeObject::Node;
    TreeEntry exportEntry{Node::Relation,
                          200,
                          QStringLiteral("treeExportAction"),
                          QStringLiteral("document-export"),
                          tr("Export…"),
                          [this](const TreeObject& o) {
                              const auto pool = m_workbench->poolFor(o.database);
                              if (!pool)
                                  return;
                              core::QuerySpec spec;
                              spec.schema = o.schema;
                              spec.table = o.name;
                              auto* dialog = new ExportDialog(pool, spec, m_workbench->window());
                              dialog->setAttribute(Qt::WA_DeleteOnClose);
                              dialog->open();
                          }};
    TreeEntry importEntry{Node::Relation,
                          210,
                          QStringLiteral("treeImportAction"),
                          QStringLiteral("document-import"),
                          tr("Import…"),
                          [this](const TreeObject& o) { importInto(o.schema, o.name, o.database); },
                          [](const TreeObject& o) { return o.isTable(); },
                          tr("Only tables take imported rows")};
    TreeEntry newTable{Node::Schema,
                       110,
                       QStringLiteral("treeImportNewTableAction"),
                       QStringLiteral("document-import"),
                       tr("Import into new table…"),
                       [this](const TreeObject& o) { importIntoNewTable(o.schema, o.database); }};
    for (TreeEntry* e : {&exportEntry, &importEntry, &newTable})
        m_workbench->addTreeEntry(*e);
}

ExportDialog* TransferFeature::exportCurrentView() {
    if (m_workbench->hasSession()) {
        if (auto* browser = m_workbench->currentTab<TableBrowser>()) {
            auto* dialog = new ExportDialog(browser->pool(), browser->spec(), m_workbench->window());
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
            return dialog;
        }
        if (m_workbench->runTabHandler(m_export))
            return nullptr;
    }
    m_workbench->showMessage(
        tr("Open a table or a query result first: Export writes the current table view or query result"),
        5000);
    return nullptr;
}

ImportDialog* TransferFeature::importIntoCurrentTable() {
    auto* browser = m_workbench->currentTab<TableBrowser>();
    if (!browser || !m_workbench->hasSession()) {
        m_workbench->showMessage(tr("Open a table first: Import loads a file into the current table"), 5000);
        return nullptr;
    }
    const std::optional<core::TableInfo>& table = browser->table();
    if (!table) {
        m_workbench->showMessage(tr("The table is still loading: try again in a moment"), 5000);
        return nullptr;
    }
    if (browser->isStandby()) {
        m_workbench->showMessage(EditSession::standbyReason(), 5000);
        return nullptr;
    }
    if (table->kind != core::RelationKind::Table && table->kind != core::RelationKind::PartitionedTable) {
        m_workbench->showMessage(tr("%1 is not a table: import needs a table").arg(table->qualifiedName()),
                                 5000);
        return nullptr;
    }
    if (browser->editor()->refuseWhileLocked()) { // the tab's guard bar says why, with Unlock writing
        m_workbench->showMessage(tr("Writing is locked on this production tab: unlock writing to import"),
                                 5000);
        return nullptr;
    }
    auto* dialog =
        new ImportDialog(browser->pool(), core::tableWithoutCtidKey(*table), m_workbench->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::finished, browser, [browser](bool ok) {
        if (ok)
            browser->reload();
    });
    dialog->open();
    return dialog;
}

void TransferFeature::importInto(const QString& schema, const QString& name, const QString& database) {
    auto* browse = m_workbench->feature<BrowseFeature>();
    TableBrowser* browser = browse ? browse->openTable(schema, name, database) : nullptr;
    if (!browser)
        return;
    if (browser->table()) {
        importIntoCurrentTable();
        return;
    }
    // Once: the first page brings the table's description, which the import dialog needs.
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(browser, &TableBrowser::pageLoaded, this, [this, browser, once] {
        disconnect(*once);
        if (m_workbench->currentTab<TableBrowser>() == browser)
            importIntoCurrentTable();
    });
}

ImportDialog* TransferFeature::importIntoNewTable(const QString& schema, const QString& database) {
    const auto pool = m_workbench->poolFor(database);
    if (!pool) {
        m_workbench->showMessage(tr("Connect first: the new table is made in a database"), 5000);
        return nullptr;
    }
    QString into = schema;
    if (into.isEmpty()) {
        if (auto* browser = m_workbench->currentTab<TableBrowser>(); browser && browser->table())
            into = browser->table()->schema;
    }
    auto* dialog = new ImportDialog(pool, into, m_workbench->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::tableCreated, this,
            [this, pool, database](const QString& createdSchema, const QString& name) {
                m_workbench->noteCatalogChange({pool, createdSchema, {}, {}});
                if (auto* browse = m_workbench->feature<BrowseFeature>())
                    browse->openTable(createdSchema, name, database);
            });
    dialog->open();
    return dialog;
}

} // namespace pgdesk::ui
