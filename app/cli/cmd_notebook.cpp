// SPDX-License-Identifier: GPL-3.0-or-later
// notebook run FILE [--param NAME=VALUE]... [-o REPORT.md|REPORT.html] [--rows N]: a `.pgnb.md` notebook run
// cell by cell through core's NotebookRunner (what the window's notebook runs too), its report written for
// an incident report or a runbook. Linked into pgdesk-cli-draw: the charts are drawn by the window's painter.
#include "cliapp.h"
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "output.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/notebook/notebookreport.h>
#include <pgdesk/paint/chartpainter.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

namespace pgdesk::cli {

namespace {

void save(const QString& path, const QByteArray& data) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        core::throwOutputError(path, file.errorString());
}

QString kindName(core::NotebookCellKind kind) {
    switch (kind) {
    case core::NotebookCellKind::Sql:
        return QStringLiteral("sql");
    case core::NotebookCellKind::Parameters:
        return QStringLiteral("params");
    case core::NotebookCellKind::Chart:
        return QStringLiteral("chart");
    case core::NotebookCellKind::Markdown:
        break;
    }
    return QStringLiteral("markdown");
}

} // namespace

int cmdNotebook(Invocation& inv) {
    const QStringList& args = inv.args;
    if (args.value(0) != QLatin1String("run") || args.size() < 2 || args[1].startsWith(QLatin1String("--")))
        throw UsageError{
            QStringLiteral("notebook takes: run FILE [--param NAME=VALUE]... [-o REPORT.md|.html]")};
    const QString path = args[1];
    QString output;
    core::NotebookRunOptions options;
    core::NotebookReportOptions report;
    for (qsizetype i = 2; i < args.size(); ++i) {
        const QString& o = args[i];
        if (o == QLatin1String("-o") || o == QLatin1String("--output")) {
            output = optionValue(args, i);
        } else if (o == QLatin1String("--param")) {
            const QString value = optionValue(args, i);
            const qsizetype eq = value.indexOf(u'=');
            if (eq <= 0)
                throw UsageError{QStringLiteral("--param takes NAME=VALUE, not \"%1\"").arg(value)};
            options.parameters.insert(value.left(eq).trimmed(), value.mid(eq + 1).toUtf8());
        } else if (o == QLatin1String("--rows")) {
            bool ok = false;
            report.maxRows = optionValue(args, i).toInt(&ok);
            if (!ok || report.maxRows < 0)
                throw UsageError{
                    QStringLiteral("--rows takes how many rows of each result the report shows")};
        } else {
            throw UsageError{QStringLiteral("notebook run: unknown option \"%1\"").arg(o)};
        }
    }
    const bool html = output.endsWith(QLatin1String(".html"), Qt::CaseInsensitive) ||
                      output.endsWith(QLatin1String(".htm"), Qt::CaseInsensitive);
    if (!output.isEmpty() && !html && !output.endsWith(QLatin1String(".md"), Qt::CaseInsensitive))
        throw UsageError{QStringLiteral("notebook run writes its report as -o FILE.md or FILE.html")};
    const QString format = inv.global.format.isEmpty() ? QStringLiteral("text") : inv.global.format;
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        throw UsageError{QStringLiteral("notebook: --format takes text or json, not \"%1\"").arg(format)};

    QFile file;
    if (!openInput(file, path))
        core::throwError(core::ErrorKind::NotFound,
                         QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    const core::Notebook notebook = core::parseNotebook(QString::fromUtf8(file.readAll()));

    auto connection = connect(inv);
    // The guard per cell: without --allow-write a production profile's writing cell is refused (exit 9).
    if (inv.global.allowWrite)
        options.write = writeAccess(inv, connection.profile(), QStringLiteral("notebook run"));
    core::NotebookRunner runner(connection);
    const QList<core::NotebookCellRun> runs = runner.runAll(notebook, options);

    report.format = html ? core::NotebookReportFormat::Html : core::NotebookReportFormat::Markdown;
    report.profile =
        connection.profile().name.isEmpty() ? connection.profile().database : connection.profile().name;
    report.ranAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    report.chartPrefix = QFileInfo(output).completeBaseName();
    if (!output.isEmpty())
        report.drawSvg = [](const core::ChartData& data, core::ChartType type) {
            paint::ChartPainter painter;
            return painter.renderSvg(data, type, paint::ChartStyle::light(), QSize(960, 540));
        };
    const core::NotebookReport written = core::notebookReport(notebook, runs, report);
    if (!output.isEmpty()) {
        const QDir dir = QFileInfo(output).absoluteDir();
        for (const core::NotebookReportFile& f : written.files)
            save(dir.filePath(f.name), f.data);
        save(output, written.text.toUtf8());
    }

    if (format == QLatin1String("json")) {
        QJsonArray cells;
        for (const core::NotebookCellRun& run : runs) {
            const core::NotebookCell& cell = notebook.cells[run.cell];
            QJsonObject o{{QStringLiteral("cell"), run.cell},
                          {QStringLiteral("kind"), kindName(cell.kind)},
                          {QStringLiteral("line"), cell.line},
                          {QStringLiteral("ok"), run.ok()}};
            if (!run.ok())
                o.insert(QStringLiteral("error"), run.error);
            if (run.sql) {
                QJsonArray statements;
                for (const core::StatementResult& s : run.sql->statements)
                    statements << QJsonObject{{QStringLiteral("status"), s.commandStatus},
                                              {QStringLiteral("rows"), double(s.rowCount)}};
                o.insert(QStringLiteral("statements"), statements);
            }
            cells << o;
        }
        printJson(inv.out, QJsonObject{{QStringLiteral("cells"), cells},
                                       {QStringLiteral("report"), output.isEmpty() ? QJsonValue() : output}});
    } else if (output.isEmpty()) {
        inv.out << written.text;
    } else {
        inv.err << "pgdesk-cli: wrote " << output << '\n';
    }
    for (const core::NotebookCellRun& run : runs)
        if (!run.ok()) {
            inv.err << "pgdesk-cli: the cell at line " << notebook.cells[run.cell].line << ": " << run.error
                    << '\n';
            return run.errorInfo ? exitCodeFor(core::Error(*run.errorInfo)) : ExitSql;
        }
    return ExitOk;
}

} // namespace pgdesk::cli
