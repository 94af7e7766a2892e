// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/notebook/notebook.h>
#include <pgdesk/core/notebook/notebookrunner.h>

#include <QMap>
#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QScrollArea;
class QVBoxLayout;

namespace pgdesk::core {
class Pool;
}

namespace pgdesk::ui {

class JobSlot;
class NotebookCellWidget;
class NotebookSession;
class WriteUnlockButton;

// A notebook (`.pgnb.md`, core/notebook) in a tab: its cells one under another, SQL and parameter and chart
// cells edited in place, text cells shown rendered until edited, each code cell run with Ctrl+Enter or its
// Run button, Run All from the top (stopping at the first failing cell), results under each cell. The cells
// run on the notebook's own connection (NotebookSession) through core's NotebookRunner, the same object
// `pgdesk-cli notebook run` uses, so a notebook saved here runs the same there. On a production profile a
// cell that may write is refused until Unlock writing. Save writes the cells back (a file opened and saved
// unchanged stays byte for byte the same); what runs showed goes into the file only with "Keep results in
// the file". Export report… writes what the CLI's -o writes.
class NotebookView final : public QWidget {
    Q_OBJECT
public:
    NotebookView(std::shared_ptr<core::Pool> pool, QWidget* parent = nullptr);
    ~NotebookView() override;

    // Reads `path` (ConfigurationError/NotFound as thrown by the file read: the caller shows it).
    void openFile(const QString& path);
    void setNotebook(const core::Notebook& notebook, const QString& path = {});
    // The notebook as edited now (each cell's text from its editor).
    core::Notebook notebook() const;
    QString filePath() const { return m_path; }
    bool isModified() const { return m_modified; }
    // Writes the notebook to `path` (empty: the file it came from); false with the reason shown when it
    // cannot be written.
    bool save(const QString& path = {});
    void setKeepResults(bool keep);
    // Writes the report (Markdown with its charts beside it, or HTML by the extension), as the CLI does.
    bool exportReport(const QString& path);

    void runCell(int index);
    void runAll();
    void stop();
    bool isRunning() const;
    // Adds a cell of `kind` after the current one (at the end when none is current); returns its index.
    int addCell(core::NotebookCellKind kind);
    void removeCell(int index);
    // Moves the cell at `index` above the visible cell before it (up) or below the one after it (down), with
    // its result; false at the top or the bottom.
    bool moveCell(int index, bool up);

    int cellCount() const { return int(m_cells.size()); }
    NotebookCellWidget* cellWidget(int index) const { return m_cells.value(index); }
    const QMap<int, core::NotebookCellRun>& runs() const { return m_runs; }
    QString statusText() const;
    WriteUnlockButton* unlockButton() const { return m_unlock; }

signals:
    void cellFinished(int index);
    void runFinished();
    void modifiedChanged(bool modified);
    void titleChanged(const QString& title);

private:
    void rebuild();
    void setModified(bool modified);
    void showRun(const core::NotebookCellRun& run);
    void setStatus(const QString& text, bool error = false);
    core::NotebookRunOptions runOptions() const;
    QList<core::NotebookCellRun> earlierRuns(int index) const;
    int indexOf(const NotebookCellWidget* cell) const;

    std::shared_ptr<core::Pool> m_pool;
    std::shared_ptr<NotebookSession> m_session;
    core::Notebook m_notebook; // the cells as read; their text is taken from the editors when needed
    QString m_path;
    bool m_modified = false;
    bool m_keepResults = false;
    QList<NotebookCellWidget*> m_cells; // parallel to m_notebook.cells (blank text cells hidden)
    QMap<int, core::NotebookCellRun> m_runs;
    int m_current = -1;
    QScrollArea* m_scroll = nullptr;
    QWidget* m_page = nullptr;
    QVBoxLayout* m_column = nullptr;
    QLabel* m_status = nullptr;
    QCheckBox* m_keep = nullptr;
    WriteUnlockButton* m_unlock = nullptr;
    JobSlot* m_job = nullptr;
};

} // namespace pgdesk::ui
