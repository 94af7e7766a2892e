// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/page.h>
#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/catalog/catalog.h>

#include <functional>
#include <memory>

namespace pgdesk::core {
class CancelToken;
class Pool;
} // namespace pgdesk::core

namespace pgdesk::ui {

// What a TableFeed asks of the server during one job, on the job's thread: one connection for the whole
// job, attached to the job's cancel token while it lives. The feed's own logic (page arithmetic, block
// scheduling, totals) sits above this, so unit tests drive it with synthetic pages (tests/ui/tst_tablefeed).
class FeedConnection {
public:
    virtual ~FeedConnection() = default;
    // The table as the profile sees it (its convention overrides applied).
    virtual core::TableInfo readTable(const QString& schema, const QString& table) = 0;
    virtual bool isStandby() = 0;
    virtual core::Page fetchPage(const core::QuerySpec& spec, const core::TableInfo& table) = 0;
    virtual qint64 exactCount(const core::QuerySpec& spec, const core::TableInfo& table) = 0;
};

using FeedConnector =
    std::function<std::unique_ptr<FeedConnection>(const std::shared_ptr<core::CancelToken>&)>;

// A pooled connection and the core query engine.
FeedConnector poolConnector(std::shared_ptr<core::Pool> pool);

} // namespace pgdesk::ui
