// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/ui/common/feature.h>

#include <QString>

class QWidget;

namespace pgdesk::ui {

class DataCompareDialog;
class PrivilegesView;
class SchemaCompareView;
class TableDesigner;
class Workbench;

// The schema folder's part of the window: the table designer (Design… and New Table… in the object tree),
// the privilege matrix, the schema compare (Connection ▸ Compare schemas…, Compare Schema… of a schema) and
// the data compare (Compare Data… of a table, its changes staged in the table's tab).
class SchemaFeature final : public Feature {
    Q_OBJECT
public:
    using Feature::Feature;
    static SchemaFeature* of(const QWidget& window);
    void initialize(Workbench& workbench) override;

    // The table designer on `table` of `schema` (a new table when `table` is empty), one tab per table;
    // once it applies, the tree, the table's open tabs and completion read the new shape.
    TableDesigner* openTableDesigner(const QString& schema, const QString& table,
                                     const QString& database = {});
    // The privilege matrix of a table, or of a schema (`table` empty).
    PrivilegesView* openPrivileges(const QString& schema, const QString& table, const QString& database = {});
    // A tab comparing `schema` with another (both sides start on it: the user picks the other).
    SchemaCompareView* openSchemaCompare(const QString& schema, const QString& database = {});
    // The data compare of a table; its changes are staged in the table's tab.
    DataCompareDialog* openDataCompare(const QString& schema, const QString& table,
                                       const QString& database = {});

private:
    void addTreeEntries();

    Workbench* m_workbench = nullptr;
};

} // namespace pgdesk::ui
