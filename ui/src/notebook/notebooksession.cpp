// SPDX-License-Identifier: GPL-3.0-or-later
#include "notebook/notebooksession.h"

namespace pgdesk::ui {

core::NotebookCellRun NotebookSession::runCell(const core::Notebook& notebook, int index,
                                               const QList<core::NotebookCellRun>& earlier,
                                               const core::NotebookRunOptions& options) {
    return m_held.guarded(
        [&](core::NotebookRunner& r) { return r.runCell(notebook, index, earlier, options); });
}

QList<core::NotebookCellRun>
NotebookSession::runAll(const core::Notebook& notebook, const core::NotebookRunOptions& options,
                        const std::function<void(const core::NotebookCellRun&)>& each) {
    return m_held.guarded([&](core::NotebookRunner& r) { return r.runAll(notebook, options, each); });
}

} // namespace pgdesk::ui
