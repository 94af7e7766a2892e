// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/notebook/notebookrunner.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/writeguard.h>
#include <pgdesk/core/sqltext/statementsplitter.h>

#include <QCoreApplication>

namespace pgdesk::core {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pgdesk::core::NotebookRunner", text);
}

// The result a chart cell draws: the last statement that returned rows, of the nearest SQL cell above that
// ran.
const StatementResult* rowsAbove(const Notebook& notebook, int index, const QList<NotebookCellRun>& earlier) {
    for (int i = index - 1; i >= 0; --i) {
        if (notebook.cells[i].kind != NotebookCellKind::Sql)
            continue;
        for (const NotebookCellRun& run : earlier)
            if (run.cell == i && run.sql)
                for (qsizetype s = run.sql->statements.size() - 1; s >= 0; --s)
                    if (run.sql->statements[s].returnsRows)
                        return &run.sql->statements[s];
        return nullptr; // the nearest SQL cell has not run (or returned no rows)
    }
    return nullptr;
}

// On a locked production session: the cell's first statement that may write (or that the guard refuses
// outright) refuses the whole cell, naming it and its line in the notebook.
void refuseWrites(const ConnectionProfile& profile, const NotebookCell& cell) {
    const QList<SqlStatement> statements = splitStatements(cell.text);
    for (int i = 0; i < statements.size(); ++i) {
        const std::optional<QString> refused = guardRefusal(statements[i].text);
        if (!refused && !statementMayWrite(statements[i]))
            continue;
        GuardRefusal refusal;
        refusal.index = i;
        refusal.offset = statements[i].offset;
        refusal.statement = statements[i].text;
        refusal.reason = refused.value_or(tr("it may write"));
        const int line = cell.line + 1 + int(cell.text.left(statements[i].offset).count(u'\n'));
        throwGuardRefusal(profile.name, refusal, int(statements.size()), line);
    }
}

} // namespace

QMap<QString, Param> parametersBefore(const Notebook& notebook, int index) {
    QMap<QString, Param> values;
    for (int i = 0; i < index && i < notebook.cells.size(); ++i)
        if (notebook.cells[i].kind == NotebookCellKind::Parameters)
            values.insert(notebookParameters(notebook.cells[i]));
    return values;
}

ChartData notebookChartData(const NotebookChart& chart, const StatementResult& rows) {
    const Page& page = rows.page;
    const auto column = [&](const QString& name) {
        for (int c = 0; c < page.columns.size(); ++c)
            if (page.columns[c].name == name)
                return c;
        throwConfigurationError(QStringLiteral("chart"),
                                tr("The rows above have no column \"%1\" (they have %2).").arg(name, [&] {
                                    QStringList names;
                                    for (const PageColumn& p : page.columns)
                                        names << p.name;
                                    return names.join(QStringLiteral(", "));
                                }()));
    };
    ChartOptions options;
    options.xColumn = column(chart.x);
    for (const QString& y : chart.y)
        options.yColumns << column(y);
    if (!chart.group.isEmpty())
        options.groupColumn = column(chart.group);
    QList<ChartColumn> columns;
    for (const PageColumn& c : page.columns)
        columns << ChartColumn{c.name, c.type};
    QList<QStringList> text;
    text.reserve(page.rows.size());
    for (const auto& row : page.rows) {
        QStringList values;
        for (const std::optional<QString>& v : row)
            values << (v ? *v : QString());
        text << values;
    }
    ChartData data = chartDataFromRows(columns, text, options);
    data.title = chart.title;
    data.xLabel = chart.x;
    if (rows.rowCount > page.rows.size())
        data.subtitle = tr("the first %1 of %2 rows").arg(page.rows.size()).arg(rows.rowCount);
    return data;
}

NotebookRunner::NotebookRunner(Connection& connection)
    : m_runner(connection) {
}

NotebookRunner::~NotebookRunner() = default;

bool NotebookRunner::cancel() {
    return m_runner.cancel();
}

NotebookCellRun NotebookRunner::runCell(const Notebook& notebook, int index,
                                        const QList<NotebookCellRun>& earlier,
                                        const NotebookRunOptions& options) {
    NotebookCellRun out;
    out.cell = index;
    if (index < 0 || index >= notebook.cells.size())
        return out;
    const NotebookCell& cell = notebook.cells[index];
    try {
        switch (cell.kind) {
        case NotebookCellKind::Markdown:
            break;
        case NotebookCellKind::Parameters:
            notebookParameters(cell); // said wrong here, not in the cell that uses it
            break;
        case NotebookCellKind::Sql: {
            const ConnectionProfile& profile = m_runner.connection().profile();
            const bool locked = profile.writeGuarded() && !options.write;
            if (locked) // the guard per cell, decided by the lexer before anything of the cell is sent
                refuseWrites(profile, cell);
            ScriptRunOptions run;
            run.write = options.write;
            run.parameters = parametersBefore(notebook, index);
            run.parameters.insert(options.parameters);
            run.pageSize = options.rowLimit;
            run.streamLimit = options.rowLimit;
            out.sql = m_runner.run(cell.text, run);
            if (out.sql->error) {
                out.error = out.sql->error->text;
                out.errorInfo = out.sql->error->info;
                if (locked && out.errorInfo->sqlState == QLatin1String("25006"))  // the read-only session's
                    out.errorInfo->field = QString::fromLatin1(kWriteGuardField); // refusal: the guard's
            } else if (out.sql->cancelled) {
                out.error = tr("Cancelled.");
            }
            break;
        }
        case NotebookCellKind::Chart: {
            const NotebookChart chart = notebookChart(cell);
            const StatementResult* rows = rowsAbove(notebook, index, earlier);
            if (!rows)
                throwConfigurationError(
                    QStringLiteral("chart"),
                    tr("A chart draws the rows of the SQL cell above it: run that first."));
            out.chart = notebookChartData(chart, *rows);
            out.chartType = chart.type;
            break;
        }
        }
    } catch (const Error& e) {
        out.error = e.displayText();
        out.errorInfo = e.info();
    }
    return out;
}

QList<NotebookCellRun> NotebookRunner::runAll(const Notebook& notebook, const NotebookRunOptions& options,
                                              const std::function<void(const NotebookCellRun&)>& each) {
    QList<NotebookCellRun> runs;
    for (int i = 0; i < notebook.cells.size(); ++i) {
        if (!notebook.cells[i].isCode())
            continue;
        runs << runCell(notebook, i, runs, options);
        if (each)
            each(runs.last());
        if (!runs.last().ok())
            break;
    }
    return runs;
}

} // namespace pgdesk::core
