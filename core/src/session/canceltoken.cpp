// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/session/canceltoken.h>

#include <pgdesk/core/base/errors.h>

namespace pgdesk::core {

void CancelToken::cancel() {
    // Under the lock: the scope cannot end meanwhile and hand the connection back to a pool, where a late
    // PQcancel would stop whatever runs on it next.
    std::lock_guard lock(m_mutex);
    m_cancelled = true;
    for (Attached& a : m_attached)
        if (a.handle.isValid())
            a.handle.cancel();
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
    return m_attached.empty() ? 0 : m_attached.back().backendPid;
}

CancelToken::Scope::Scope(const std::shared_ptr<CancelToken>& token, Connection& connection)
    : m_token(token) {
    if (!m_token)
        return;
    std::lock_guard lock(m_token->m_mutex);
    if (m_token->m_cancelled)
        throwError(ErrorKind::QueryCanceled, QStringLiteral("cancelled"));
    m_id = ++m_token->m_nextScope;
    m_token->m_attached.push_back({m_id, connection.cancelHandle(), connection.backendPid()});
}

CancelToken::Scope::~Scope() {
    if (!m_token)
        return;
    std::lock_guard lock(m_token->m_mutex);
    std::erase_if(m_token->m_attached, [this](const Attached& a) { return a.scope == m_id; });
}

} // namespace pgdesk::core
