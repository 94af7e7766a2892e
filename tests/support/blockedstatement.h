// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/connection.h>

#include <QString>

#include <exception>
#include <thread>

namespace pgdesk::test {

// A statement run on a thread of its own, for tests where it waits on a lock another session holds. If the
// test ends (or fails) while it still runs, it is cancelled (PQcancel) and its thread joined, so a failed
// assertion never leaves a running std::thread behind.
class BlockedStatement final {
public:
    BlockedStatement(core::Connection& connection, const QString& sql)
        : m_connection(connection)
        , m_thread([this, sql] {
            try {
                m_connection.exec(sql);
            } catch (...) {
                m_error = std::current_exception();
            }
        }) {}
    ~BlockedStatement() {
        if (m_thread.joinable()) {
            m_connection.cancelHandle().cancel();
            m_thread.join();
        }
    }
    BlockedStatement(const BlockedStatement&) = delete;
    BlockedStatement& operator=(const BlockedStatement&) = delete;

    // Waits for the statement to end: the SQLSTATE of the QueryCanceled it ended with ("57014"), else an
    // empty string (it succeeded or failed otherwise).
    QString canceledState() {
        m_thread.join();
        if (!m_error)
            return {};
        try {
            std::rethrow_exception(m_error);
        } catch (const core::QueryCanceled& e) {
            return e.sqlState();
        } catch (...) {
            return {};
        }
    }

private:
    core::Connection& m_connection;
    std::exception_ptr m_error;
    std::thread m_thread; // last: started once the members it uses exist
};

} // namespace pgdesk::test
