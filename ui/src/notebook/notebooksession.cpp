// SPDX-License-Identifier: GPL-3.0-or-later
#include "notebook/notebooksession.h"

#include <pgdesk/core/base/errors.h>

namespace pgdesk::ui {

NotebookSession::NotebookSession(std::shared_ptr<core::Pool> pool)
    : m_pool(std::move(pool)) {
}

NotebookSession::~NotebookSession() {
    std::lock_guard lock(m_mutex);
    drop();
}

void NotebookSession::drop() {
    {
        std::lock_guard lock(m_cancelMutex);
        m_cancelTarget = nullptr;
    }
    m_runner.reset();
    if (m_connection) {
        m_connection.invalidate();
        m_connection.release();
    }
}

core::NotebookRunner& NotebookSession::runner() {
    if (m_runner && m_connection && m_connection->isOpen())
        return *m_runner;
    drop();
    m_connection = m_pool->acquire();
    m_runner = std::make_unique<core::NotebookRunner>(*m_connection);
    std::lock_guard lock(m_cancelMutex);
    m_cancelTarget = m_runner.get();
    return *m_runner;
}

template <class Fn> auto NotebookSession::guarded(Fn fn) {
    std::lock_guard lock(m_mutex);
    try {
        return fn(runner());
    } catch (const core::ConnectionError&) {
        if (!m_connection || !m_connection->isOpen())
            drop();
        throw;
    }
}

core::NotebookCellRun NotebookSession::runCell(const core::Notebook& notebook, int index,
                                               const QList<core::NotebookCellRun>& earlier,
                                               const core::NotebookRunOptions& options) {
    return guarded([&](core::NotebookRunner& r) { return r.runCell(notebook, index, earlier, options); });
}

QList<core::NotebookCellRun>
NotebookSession::runAll(const core::Notebook& notebook, const core::NotebookRunOptions& options,
                        const std::function<void(const core::NotebookCellRun&)>& each) {
    return guarded([&](core::NotebookRunner& r) { return r.runAll(notebook, options, each); });
}

void NotebookSession::cancel() {
    std::lock_guard lock(m_cancelMutex);
    if (m_cancelTarget)
        m_cancelTarget->cancel();
}

} // namespace pgdesk::ui
