// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/ui/common/feature.h>

#include <QString>

class QAction;
class QWidget;

namespace pgdesk::ui {

class ExportDialog;
class ImportDialog;
class Workbench;

// The transfer folder's part of the window: File ▸ Export view… (a table tab's view; other kinds of tab
// add their own handler, Workbench::addTabHandler), Import into table… and Import into new table…, and the
// tree's Export…, Import… and Import into new table….
class TransferFeature final : public Feature {
    Q_OBJECT
public:
    using Feature::Feature;
    static TransferFeature* of(const QWidget& window);
    void initialize(Workbench& workbench) override;

    // File ▸ Export view… (Ctrl+E): the current table tab's view (filter, search, sort, scope) to a file, or
    // what another kind of tab in front exports (a query tool's result). The dialog of a table tab's export.
    ExportDialog* exportCurrentView();
    // File ▸ Import into table… (Ctrl+Shift+I): a CSV, XLSX, JSON or NDJSON file into the current tab's
    // table (not a view); the tab reloads after a successful import.
    ImportDialog* importIntoCurrentTable();
    // A new table made from a file, in `schema` (empty: the current tab's, else the search path's first).
    ImportDialog* importIntoNewTable(const QString& schema = {}, const QString& database = {});
    // The tree's "Import…": the table's tab opens, and the import once it knows the table.
    void importInto(const QString& schema, const QString& name, const QString& database = {});

private:
    void addTreeEntries();

    Workbench* m_workbench = nullptr;
    QAction* m_export = nullptr;
};

} // namespace pgdesk::ui
