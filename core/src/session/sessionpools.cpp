// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/session/sessionpools.h>

#include <pgdesk/core/base/errors.h>

namespace pgdesk::core {

std::shared_ptr<SessionPools> SessionPools::create(std::shared_ptr<Pool> primary, QString primaryDatabase) {
    return std::shared_ptr<SessionPools>(new SessionPools(std::move(primary), std::move(primaryDatabase)));
}

SessionPools::SessionPools(std::shared_ptr<Pool> primary, QString primaryDatabase)
    : m_primary(std::move(primary))
    , m_primaryDatabase(primaryDatabase.isEmpty() ? m_primary->profile().database
                                                  : std::move(primaryDatabase)) {
}

bool SessionPools::allowsOtherDatabases() const {
    return !m_primary->profile().pinDatabase;
}

std::shared_ptr<Pool> SessionPools::pool(const QString& database) {
    if (database.isEmpty() || database == m_primaryDatabase)
        return m_primary;
    if (!allowsOtherDatabases())
        throwError(ErrorKind::Configuration,
                   QStringLiteral("the profile \"%1\" is pinned to the database \"%2\"")
                       .arg(m_primary->profile().name, m_primaryDatabase));
    std::lock_guard lock(m_mutex);
    auto& pool = m_others[database];
    if (!pool) {
        // The same server, user and settings; only the database differs. An explicit dbname wins over a
        // service file's, so profiles that name a service work too.
        ConnectionProfile profile = m_primary->profile();
        profile.database = database;
        pool = Pool::create(std::move(profile), m_primary->password());
        if (m_observer)
            pool->setStatementObserver(m_observer);
    }
    return pool;
}

QList<std::pair<QString, std::shared_ptr<Pool>>> SessionPools::pools() const {
    QList<std::pair<QString, std::shared_ptr<Pool>>> out{{m_primaryDatabase, m_primary}};
    std::lock_guard lock(m_mutex);
    for (const auto& [name, pool] : m_others)
        out.append({name, pool});
    return out;
}

void SessionPools::setStatementObserver(StatementObserver observer) {
    m_primary->setStatementObserver(observer);
    std::lock_guard lock(m_mutex);
    for (const auto& [name, pool] : m_others)
        pool->setStatementObserver(observer);
    m_observer = std::move(observer);
}

void SessionPools::dispose() {
    m_primary->dispose();
    std::lock_guard lock(m_mutex);
    for (const auto& [name, pool] : m_others)
        pool->dispose();
}

} // namespace pgdesk::core
