// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/base/param.h>
#include <pgdesk/core/visual/chartdata.h>

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace pgdesk::core {

// A notebook as a plain file (`.pgnb.md`): Markdown, read by any editor, diffed in git, rendered by any
// forge, with its runnable cells in fenced code blocks named by their info string:
//
//   ```sql                      a SQL cell: one statement or a script, `:name` parameters bound
//   ```params                   a parameter cell: `name = value` lines (value as text; NULL for SQL NULL;
//                               quotes kept as typed), in force for the cells below it
//   ```chart                    a chart cell: `key: value` lines (type, x, y, group, title) drawing the
//                               rows of the nearest SQL cell above
//   ```pgnb-result              what a run showed, written after its cell only when asked (privacy);
//                               read back as that cell's saved result, never run
//
// Everything else, other fenced blocks included (```python), is Markdown text. The info string may carry
// a title after the kind (```sql Slow queries). Fences are ``` or ~~~ (three or more, as CommonMark), so a
// cell may hold a shorter fence of its own. Parsing and writing back a notebook without results gives the
// same text, byte for byte.
enum class NotebookCellKind { Markdown, Sql, Parameters, Chart };

struct NotebookCell {
    NotebookCellKind kind = NotebookCellKind::Markdown;
    QString text;  // Markdown: the text as written (its line ends included); a code cell: its body
    QString title; // after the kind in the info string; empty when none
    QString fence; // "```" or "~~~~": how the file fences it (a new cell: "```")
    // The fence lines as the file wrote them (line end included), so that writing back changes nothing;
    // empty (a new cell, or one whose kind or title changed): written from fence, kind and title.
    QString opening;
    QString closing;
    QString savedResult; // the body of the ```pgnb-result block after it, if the file has one
    int line = 0;        // 1-based line of its first line (its fence) in the file; 0 for a new cell

    bool isCode() const { return kind != NotebookCellKind::Markdown; }
    bool operator==(const NotebookCell&) const = default;
};

struct Notebook {
    QList<NotebookCell> cells;
    bool operator==(const Notebook&) const = default;
};

// Pure: the cells of a notebook file. A fence left open runs to the end of the file (its cell ends there).
Notebook parseNotebook(const QString& text);

// Pure: the file text. `withResults`: each cell's savedResult as a ```pgnb-result block after it; without,
// none is written (what a run showed stays on this machine unless the user asks).
QString writeNotebook(const Notebook& notebook, bool withResults = false);

// Pure: the values a parameter cell sets: `name = value` per line; blank lines and lines starting with #
// or -- are comments; the value is the text after `=` with the spaces around it trimmed; `NULL` (any case)
// is SQL NULL, 'NULL' in single quotes the text NULL, any other quoted value its text without the quotes
// ('' inside for one '). ConfigurationError (field "parameters", naming the line) for a line without `=`
// or a name that is not a letter or _ followed by letters, digits and _.
QMap<QString, Param> notebookParameters(const NotebookCell& cell);

// What a chart cell asks for.
struct NotebookChart {
    ChartType type = ChartType::Bar;
    QString x;
    QStringList y;
    QString group; // empty: none
    QString title;
};

// Pure: a chart cell's `key: value` lines (type: bar|line|area|scatter|pie, x: COLUMN, y: COLUMN[, …],
// group: COLUMN, title: TEXT). ConfigurationError (field "chart") for an unknown key or type, or no x or y.
NotebookChart notebookChart(const NotebookCell& cell);
// Pure: the chart as a chart cell's lines (what notebookChart reads back the same), for the window's chart
// options: type, x, y (comma-separated), then group and title when set.
QString notebookChartText(const NotebookChart& chart);

} // namespace pgdesk::core
