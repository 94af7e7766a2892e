// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/notebook/notebookrunner.h>
#include <pgdesk/core/session/pool.h>

#include <functional>
#include <memory>
#include <mutex>

namespace pgdesk::ui {

// The worker side of one notebook, as QuerySession is of a query tool: a connection checked out of the
// session's pool for the notebook's whole life (a temporary table one cell makes is there for the next, as
// in `pgdesk-cli notebook run`), and core's NotebookRunner on it. Every method but cancel() does libpq
// work: worker threads only, one at a time. The last owner (a worker) closes the connection.
class NotebookSession final {
public:
    explicit NotebookSession(std::shared_ptr<core::Pool> pool);
    ~NotebookSession(); // closes the connection rather than returning it: its session state is the notebook's
    NotebookSession(const NotebookSession&) = delete;
    NotebookSession& operator=(const NotebookSession&) = delete;

    core::NotebookCellRun runCell(const core::Notebook& notebook, int index,
                                  const QList<core::NotebookCellRun>& earlier,
                                  const core::NotebookRunOptions& options);
    QList<core::NotebookCellRun> runAll(const core::Notebook& notebook,
                                        const core::NotebookRunOptions& options,
                                        const std::function<void(const core::NotebookCellRun&)>& each);
    void cancel(); // any thread

private:
    core::NotebookRunner& runner();
    void drop();
    template <class Fn> auto guarded(Fn fn);

    std::shared_ptr<core::Pool> m_pool;
    std::mutex m_mutex;
    core::PooledConnection m_connection;
    std::unique_ptr<core::NotebookRunner> m_runner;
    std::mutex m_cancelMutex;
    core::NotebookRunner* m_cancelTarget = nullptr;
};

} // namespace pgdesk::ui
