// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/notebook/notebookrunner.h>

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace pgdesk::core {

enum class NotebookReportFormat { Markdown, Html };

struct NotebookReportFile {
    QString name; // beside the report: "report-chart1.svg"
    QByteArray data;
};

struct NotebookReport {
    QString text;                    // the report
    QList<NotebookReportFile> files; // Markdown: the charts it links to; HTML keeps them inline
};

struct NotebookReportOptions {
    NotebookReportFormat format = NotebookReportFormat::Markdown;
    QString title;       // the HTML page's title; empty: the notebook's first heading, else "Notebook"
    QString chartPrefix; // Markdown: chart files are "<prefix>-chart1.svg", "-chart2.svg" … in order
    QString profile;     // said at the top: where it ran
    QString ranAt;       // said at the top: when (ISO 8601)
    int maxRows = 100;   // rows shown of each result (the rest counted)
    // Draws a chart as SVG (the caller's painter: core draws nothing); none: charts are left out, said so.
    std::function<QByteArray(const ChartData&, ChartType)> drawSvg;
};

// Pure: the report of a run, for an incident report or a runbook: the Markdown text as written, each SQL
// cell with its statements' results as tables (NULL shown as NULL, the rest counted), notices and the error
// that stopped the run, each chart drawn, cells not reached said so. HTML is one self-contained page: the
// Markdown rendered by md4c (raw HTML in a cell is shown as text, never passed through), values escaped, the
// charts inline, and a Content-Security-Policy that lets no script run, so a notebook from elsewhere cannot
// make its report act in a browser.
NotebookReport notebookReport(const Notebook& notebook, const QList<NotebookCellRun>& runs,
                              const NotebookReportOptions& options);

// Pure: what one cell's run showed, as Markdown: each statement's rows as a table (up to `maxRows`, the rest
// counted) or its command tag, its notices, and the error that stopped it. What the report shows under the
// cell, and what the window writes into the file as the cell's saved result when asked.
QString notebookCellResultMarkdown(const NotebookCellRun& run, int maxRows);

// Pure: a result as a GitHub Markdown table: | and line breaks in values escaped, NULL as *NULL*.
QString markdownTable(const StatementResult& result, int maxRows);

// Pure: Markdown as HTML (md4c, GitHub dialect: tables, strikethrough, autolinks; raw HTML not passed).
QString markdownToHtml(const QString& markdown);

} // namespace pgdesk::core
