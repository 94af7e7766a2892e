// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/scriptrunner.h>
#include <pgdesk/core/notebook/notebook.h>
#include <pgdesk/core/visual/chartdata.h>

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace pgdesk::core {

// What running one cell gave: a SQL cell's run (its statements' results, or the error it stopped at), a
// chart cell's data, or why the cell could not run (a parameter line, a chart naming a column the rows lack).
struct NotebookCellRun {
    int cell = -1; // its index in the notebook
    std::optional<ScriptRun> sql;
    std::optional<ChartData> chart;
    ChartType chartType = ChartType::Bar;
    QString error; // empty when it ran; else what stopped it (a SQL error's display text too)
    std::optional<ErrorInfo> errorInfo; // the error itself (its kind, SQLSTATE, the guard's field)
    bool ok() const { return error.isEmpty(); }
};

struct NotebookRunOptions {
    // A production profile's key (writeunlock.h): without it, a cell that may write is refused by the guard
    // before it is sent and the session is read-only (the server refuses what the lexer let through).
    WriteAccess write;
    int rowLimit = 1000; // rows kept of each statement's result (a page for plain queries)
    // Values given from outside (`pgdesk-cli notebook run --param`): they win over the parameter cells'.
    QMap<QString, Param> parameters;
};

// Runs a notebook's cells on one connection, as the query tool runs a script (ScriptRunner: each statement
// alone, `:name` parameters bound, never written into the SQL): the window cell by cell, `pgdesk-cli
// notebook run` all of them, through the same object. A cell sees the parameters of every parameter cell
// above it (a later cell may change a value); a chart cell draws the rows of the last statement of the
// nearest SQL cell above that ran. Markdown cells do nothing. One thread at a time, as the connection;
// cancel() from any.
class NotebookRunner final {
public:
    explicit NotebookRunner(Connection& connection);
    ~NotebookRunner();
    NotebookRunner(const NotebookRunner&) = delete;
    NotebookRunner& operator=(const NotebookRunner&) = delete;

    // Cell `index` with the results of the cells run before it (`earlier`, any order; for a chart cell).
    NotebookCellRun runCell(const Notebook& notebook, int index, const QList<NotebookCellRun>& earlier,
                            const NotebookRunOptions& options = {});
    // Every runnable cell from the first on, stopping after the first that fails (its run is the last one).
    // `each` (optional) hears of every cell as it finishes: the window shows results as they come.
    QList<NotebookCellRun> runAll(const Notebook& notebook, const NotebookRunOptions& options = {},
                                  const std::function<void(const NotebookCellRun&)>& each = {});
    bool cancel();

private:
    ScriptRunner m_runner;
};

// Pure: the parameters in force for cell `index`: those of every parameter cell above it, later ones
// overriding earlier ones. Throws as notebookParameters().
QMap<QString, Param> parametersBefore(const Notebook& notebook, int index);

// Pure: a chart of `rows` (the last statement's result of a SQL cell run) as a chart cell asks for it.
// ConfigurationError naming a column the result does not have.
ChartData notebookChartData(const NotebookChart& chart, const StatementResult& rows);

} // namespace pgdesk::core
