// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/session/pool.h>

#include <QList>
#include <QString>

#include <map>
#include <memory>
#include <mutex>
#include <utility>

namespace pgdesk::core {

// The pools of one session, one per database of the server: the primary pool (the profile's database,
// opened with the session) and, made on first use, a pool for every other database the user opens an
// object of. They share the profile (with its database replaced), its password and its statement
// observer; each keeps the profile's pool settings. Thread-safe. Making a pool opens no connection.
class SessionPools final {
public:
    // `primaryDatabase`: the database the primary pool is connected to (the server's current_database(),
    // since a profile may leave it to libpq's defaults).
    static std::shared_ptr<SessionPools> create(std::shared_ptr<Pool> primary, QString primaryDatabase);

    std::shared_ptr<Pool> primary() const { return m_primary; }
    const QString& primaryDatabase() const { return m_primaryDatabase; }
    // Whether other databases may be opened: not when the profile pins its database.
    bool allowsOtherDatabases() const;

    // The pool of `database` (empty = the primary). Throws ConfigurationError for another database when
    // the profile pins its own.
    std::shared_ptr<Pool> pool(const QString& database);
    // The pools made so far, primary first, then by name.
    QList<std::pair<QString, std::shared_ptr<Pool>>> pools() const;

    // Installed on every pool, those made later too.
    void setStatementObserver(StatementObserver observer);
    // Closes the idle connections of every pool (Pool::dispose).
    void dispose();

private:
    SessionPools(std::shared_ptr<Pool> primary, QString primaryDatabase);

    const std::shared_ptr<Pool> m_primary;
    const QString m_primaryDatabase;
    mutable std::mutex m_mutex;
    std::map<QString, std::shared_ptr<Pool>> m_others;
    StatementObserver m_observer;
};

} // namespace pgdesk::core
