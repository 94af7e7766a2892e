// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/ui/common/feature.h>

#include <QString>

class QWidget;

namespace pgdesk::ui {

class ChangeFeedView;
class ExtensionsView;
class JobsView;
class ReplicationView;
class SeeAsRoleView;
class ServerLogView;
class Workbench;

// The server folder's part of the window: Connection ▸ Replication, Change feed…, Server log, Scheduled
// jobs and Extensions, and the tree's "Watch changes" and "See as role…" on a table. One replication, log,
// jobs and extensions tab per session; a change feed tab per feed.
class ServerFeature final : public Feature {
    Q_OBJECT
public:
    using Feature::Feature;
    static ServerFeature* of(const QWidget& window);
    void initialize(Workbench& workbench) override;

    ReplicationView* openReplication();
    // A new change feed tab; with `table` ("schema.table") named, the feed starts on it at once.
    ChangeFeedView* openChangeFeed(const QString& table = {}, const QString& database = {});
    // The session's server log (one tab a session); with `file`, or with no session (asked for), a local
    // log file in a tab of its own.
    ServerLogView* openServerLog(const QString& file = {});
    // pg_cron's jobs and pg_partman's partition sets of the session's server (one tab a session).
    JobsView* openJobs();
    // The current database's extensions (one tab a session).
    ExtensionsView* openExtensions();
    // A table as a role chosen in the tab reads it (the tree's See as role… on a table).
    SeeAsRoleView* openSeeAsRole(const QString& schema, const QString& table, const QString& database = {});

private:
    Workbench* m_workbench = nullptr;
};

} // namespace pgdesk::ui
