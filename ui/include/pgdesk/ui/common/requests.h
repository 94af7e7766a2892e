// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the shell and the features ask of a feature they may not include (Workbench::request): each request
// is answered by the one feature that registered for it (Workbench::handle). A feature that may include
// another calls it directly instead.

#include <pgdesk/core/editing/changeset.h>

#include <QString>

namespace pgdesk::ui {

// The connect feature: open a saved profile's session (after its commands are trusted, with a password
// prompt when the server asks), a DSN's, or the connection manager.
struct OpenProfileRequest {
    QString name;
};
struct OpenDsnRequest {
    QString dsn;
};
struct ManageConnectionsRequest {};

// The browse feature: a table's tab (`schema` empty: found along the search path) on `database` (empty:
// the session's own).
struct OpenTableRequest {
    QString schema;
    QString name;
    QString database;
};

// The browse feature: `changes` staged in the tab of that table (opened when it is not), as the user's own
// edits to review and apply (Compare Data's result).
struct StageChangesRequest {
    QString database;
    QString schema;
    QString table;
    core::ChangeSet changes;
};

// The query feature: a new query tool on the session's current database, holding `sql` (not run).
struct OpenQueryToolRequest {
    QString sql;
};

} // namespace pgdesk::ui
