// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/ui/browse/tablebrowser.h>
#include <pgdesk/ui/common/feature.h>

#include <QPointer>
#include <QStringList>

class QDockWidget;

namespace pgdesk::core {
class ChangeSet;
}

namespace pgdesk::ui {

class ObjectBrowser;
class SelectionSummary;
class Workbench;

// The browse folder's part of the window: the object tree (a dock; View ▸ Objects, Connection ▸ Refresh
// objects; Structure and CREATE script in its context menus), table tabs (opened from the tree, the start
// page, other features' requests; saved with the session; titled by name, or schema.name where two would
// read alike), Edit ▸ Batch operation…, and the status bar's selection summary and running operation of
// the table tab in front.
class BrowseFeature final : public Feature {
    Q_OBJECT
public:
    using Feature::Feature;
    static BrowseFeature* of(const QWidget& window);
    void initialize(Workbench& workbench) override;

    ObjectBrowser* objectBrowser() const { return m_objects; }
    // A table's tab on `database` (empty: the session's own; `schema` empty: found along the search path);
    // nullptr without a session or when the profile pins another database.
    TableBrowser* openTable(const QString& schema, const QString& name, const QString& database = {});
    TableBrowser* currentTableBrowser() const;
    // A table ("schema.table" or a bare name on the search path) to open, with `view`, once the next session
    // is up (in place of the profile's saved tabs).
    void setTableToOpen(const QString& qualifiedName, const TableView& view = {});
    // "schema.table" of every open table tab, in tab order ("database: schema.table" for a database other
    // than the session's own).
    QStringList openTables() const;

private:
    void addTreeEntries();
    void retitleTableTabs();
    void showOperation();   // the current table tab's running operation, with Cancel
    void followSelection(); // the status bar's selection summary: the current tab's Data page grid
    void stage(const QString& database, const QString& schema, const QString& table,
               const core::ChangeSet& changes);

    Workbench* m_workbench = nullptr;
    ObjectBrowser* m_objects = nullptr;
    QDockWidget* m_objectsDock = nullptr;
    SelectionSummary* m_summary = nullptr;
};

} // namespace pgdesk::ui
