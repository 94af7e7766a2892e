// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/ui/common/feature.h>

#include <QString>

class QWidget;

namespace pgdesk::ui {

class ChangeFeedView;
class ReplicationView;
class Workbench;

// The server folder's part of the window: Connection ▸ Replication and Change feed…, and the tree's
// "Watch changes" on a table. One replication tab per session; a change feed tab per feed.
class ServerFeature final : public Feature {
    Q_OBJECT
public:
    using Feature::Feature;
    static ServerFeature* of(const QWidget& window);
    void initialize(Workbench& workbench) override;

    ReplicationView* openReplication();
    // A new change feed tab; with `table` ("schema.table") named, the feed starts on it at once.
    ChangeFeedView* openChangeFeed(const QString& table = {}, const QString& database = {});

private:
    Workbench* m_workbench = nullptr;
};

} // namespace pgdesk::ui
