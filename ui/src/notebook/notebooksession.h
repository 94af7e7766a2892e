// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/heldsession.h"

#include <pgdesk/core/notebook/notebookrunner.h>
#include <pgdesk/core/session/pool.h>

#include <functional>
#include <memory>

namespace pgdesk::ui {

// The worker side of one notebook, as QuerySession is of a query tool: core's NotebookRunner on a
// connection held for the notebook's whole life (HeldSession: a temporary table one cell makes is there for
// the next, as in `pgdesk-cli notebook run`). Every method but cancel() does libpq work: worker threads
// only, one at a time. The last owner (a worker) closes the connection.
class NotebookSession final {
public:
    explicit NotebookSession(std::shared_ptr<core::Pool> pool)
        : m_held(std::move(pool)) {}
    NotebookSession(const NotebookSession&) = delete;
    NotebookSession& operator=(const NotebookSession&) = delete;

    core::NotebookCellRun runCell(const core::Notebook& notebook, int index,
                                  const QList<core::NotebookCellRun>& earlier,
                                  const core::NotebookRunOptions& options);
    QList<core::NotebookCellRun> runAll(const core::Notebook& notebook,
                                        const core::NotebookRunOptions& options,
                                        const std::function<void(const core::NotebookCellRun&)>& each);
    void cancel() { m_held.cancel(); } // any thread

private:
    HeldSession<core::NotebookRunner> m_held;
};

} // namespace pgdesk::ui
