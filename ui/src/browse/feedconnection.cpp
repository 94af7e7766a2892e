// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/ui/browse/feedconnection.h>

#include <pgdesk/core/browse/queryengine.h>
#include <pgdesk/core/catalog/profileconventions.h>
#include <pgdesk/core/session/canceltoken.h>
#include <pgdesk/core/session/pool.h>
#include <pgdesk/core/session/standby.h>

namespace pgdesk::ui {

namespace {
class PooledFeedConnection final : public FeedConnection {
public:
    PooledFeedConnection(core::Pool& pool, const std::shared_ptr<core::CancelToken>& token)
        : m_connection(pool.acquire())
        , m_scope(token, *m_connection) {}
    core::TableInfo readTable(const QString& schema, const QString& table) override {
        return core::readTableForProfile(*m_connection, schema, table);
    }
    bool isStandby() override { return core::isStandby(*m_connection); }
    core::Page fetchPage(const core::QuerySpec& spec, const core::TableInfo& table) override {
        return core::QueryEngine(*m_connection).fetchPage(spec, table);
    }
    qint64 exactCount(const core::QuerySpec& spec, const core::TableInfo& table) override {
        return core::QueryEngine(*m_connection).exactCount(spec, table);
    }

private:
    core::PooledConnection m_connection;
    core::CancelToken::Scope m_scope; // after the connection: detached before it goes back to the pool
};
} // namespace

FeedConnector poolConnector(std::shared_ptr<core::Pool> pool) {
    return [pool = std::move(pool)](const std::shared_ptr<core::CancelToken>& token) {
        return std::make_unique<PooledFeedConnection>(*pool, token);
    };
}

} // namespace pgdesk::ui
