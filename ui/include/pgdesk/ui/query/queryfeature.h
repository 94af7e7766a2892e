// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/ui/common/feature.h>

#include <QString>

class QWidget;

namespace pgdesk::ui {

class QueryTool;
class SqlLogDock;
class Workbench;

// The query folder's part of the window: query tool tabs (Query ▸ New query tool, Open SQL file…, recent
// files; the tree's "New query tool" and "Query in a new query tool"; saved with the session with their
// SQL; the text crashed processes left unsaved recovered when a session opens), File ▸ Export view… of a
// query result, and the SQL log dock (View ▸ SQL log).
class QueryFeature final : public Feature {
    Q_OBJECT
public:
    using Feature::Feature;
    static QueryFeature* of(const QWidget& window);
    void initialize(Workbench& workbench) override;

    // A query tool tab on the current session (nullptr without one), on `database`; empty: the database of
    // the tree's current item.
    QueryTool* openQueryTool(const QString& database = {});
    // `path` in a new query tool (nullptr without a session or when unreadable).
    QueryTool* openSqlFile(const QString& path);
    // Query tools for the text that crashed or killed PgDesk processes left unsaved on this session's
    // profile (core::BufferJournal); called when a session opens. How many.
    int recoverQueryBuffers();
    SqlLogDock* sqlLog() const { return m_sqlLog; }

private:
    void addMenus();
    void addTreeEntries();

    Workbench* m_workbench = nullptr;
    SqlLogDock* m_sqlLog = nullptr;
    int m_queryTools = 0; // numbers the query tool tabs
};

} // namespace pgdesk::ui
