// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/session/canceltoken.h>

#include <pgdesk/core/base/errors.h>

namespace pgdesk::core {

void CancelToken::cancel() {
    // Under the lock: the scope cannot end meanwhile and hand the connection back to a pool, where a late
    // PQcancel would stop whatever runs on it next.
    std::lock_guard lock(m_mutex);
    m_cancelled = true;
    if (m_handle.isValid())
        m_handle.cancel();
}

bool CancelToken::isCancelled() const {
    std::lock_guard lock(m_mutex);
    return m_cancelled;
}

void CancelToken::throwIfCancelled() const {
    if (isCancelled())
        throwError(ErrorKind::QueryCanceled, QStringLiteral("cancelled"));
}

int CancelToken::attachedBackendPid() const {
    std::lock_guard lock(m_mutex);
    return m_backendPid;
}

CancelToken::Scope::Scope(const std::shared_ptr<CancelToken>& token, Connection& connection)
    : m_token(token) {
    if (!m_token)
        return;
    std::lock_guard lock(m_token->m_mutex);
    if (m_token->m_cancelled)
        throwError(ErrorKind::QueryCanceled, QStringLiteral("cancelled"));
    m_token->m_handle = connection.cancelHandle();
    m_token->m_backendPid = connection.backendPid();
}

CancelToken::Scope::~Scope() {
    if (!m_token)
        return;
    std::lock_guard lock(m_token->m_mutex);
    m_token->m_handle = {};
    m_token->m_backendPid = 0;
}

} // namespace pgdesk::core
