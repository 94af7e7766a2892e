// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/notebook/notebook.h>

#include <pgdesk/core/base/errors.h>

#include <QCoreApplication>
#include <QRegularExpression>

namespace pgdesk::core {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pgdesk::core::Notebook", text);
}

const QString kResultKind = QStringLiteral("pgnb-result");

QString kindName(NotebookCellKind kind) {
    switch (kind) {
    case NotebookCellKind::Sql:
        return QStringLiteral("sql");
    case NotebookCellKind::Parameters:
        return QStringLiteral("params");
    case NotebookCellKind::Chart:
        return QStringLiteral("chart");
    case NotebookCellKind::Markdown:
        break;
    }
    return {};
}

// The file's lines, each with its line end ("\n" or "\r\n"; the last may have none).
QStringList linesOf(const QString& text) {
    QStringList out;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype end = text.indexOf(u'\n', start);
        if (end < 0) {
            out << text.mid(start);
            break;
        }
        out << text.mid(start, end + 1 - start);
        start = end + 1;
    }
    return out;
}

struct Fence {
    QString marks; // "```", "~~~~"
    QString info;  // trimmed
};

// A fence line as CommonMark has it: up to three spaces, three or more ` or ~, an info string (no ` in it
// after backticks).
std::optional<Fence> fenceOf(const QString& line) {
    static const QRegularExpression kFence(QStringLiteral("^ {0,3}(`{3,}|~{3,})([^\\r\\n]*)\\r?\\n?$"));
    const QRegularExpressionMatch m = kFence.match(line);
    if (!m.hasMatch())
        return std::nullopt;
    const QString marks = m.captured(1);
    const QString info = m.captured(2).trimmed();
    if (marks.startsWith(u'`') && info.contains(u'`'))
        return std::nullopt;
    return Fence{marks, info};
}

bool closes(const QString& line, const QString& opening) {
    const std::optional<Fence> f = fenceOf(line);
    return f && f->info.isEmpty() && f->marks.at(0) == opening.at(0) && f->marks.size() >= opening.size();
}

std::optional<NotebookCellKind> cellKind(const QString& word) {
    if (word == QLatin1String("sql"))
        return NotebookCellKind::Sql;
    if (word == QLatin1String("params"))
        return NotebookCellKind::Parameters;
    if (word == QLatin1String("chart"))
        return NotebookCellKind::Chart;
    return std::nullopt;
}

QString unquoted(const QString& value) {
    if (value.size() >= 2 && value.startsWith(u'\'') && value.endsWith(u'\''))
        return value.mid(1, value.size() - 2).replace(QStringLiteral("''"), QStringLiteral("'"));
    if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
        return value.mid(1, value.size() - 2);
    return value;
}

} // namespace

Notebook parseNotebook(const QString& text) {
    Notebook notebook;
    const QStringList lines = linesOf(text);
    QString markdown;
    int markdownLine = 0;
    const auto flushMarkdown = [&] {
        if (markdown.isEmpty())
            return;
        NotebookCell cell;
        cell.text = markdown;
        cell.line = markdownLine;
        notebook.cells << cell;
        markdown.clear();
    };
    QString foreignFence; // inside ```python …: nothing in it opens a cell
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& line = lines[i];
        const std::optional<Fence> fence = foreignFence.isEmpty() ? fenceOf(line) : std::nullopt;
        const QString word = fence ? fence->info.section(u' ', 0, 0) : QString();
        const std::optional<NotebookCellKind> kind = cellKind(word);
        const bool result = fence && word == kResultKind;
        if (!kind && !result) {
            if (!foreignFence.isEmpty() && closes(line, foreignFence))
                foreignFence.clear();
            else if (fence)
                foreignFence = fence->marks;
            if (markdown.isEmpty())
                markdownLine = int(i) + 1;
            markdown += line;
            continue;
        }
        // A runnable cell (or a saved result): its body runs to the closing fence, or to the end.
        NotebookCell cell;
        cell.line = int(i) + 1;
        cell.fence = fence->marks;
        cell.opening = line;
        cell.title = fence->info.section(u' ', 1).trimmed();
        qsizetype j = i + 1;
        for (; j < lines.size() && !closes(lines[j], fence->marks); ++j)
            cell.text += lines[j];
        if (j < lines.size())
            cell.closing = lines[j];
        i = j;
        if (result) {
            // After its cell (nothing between): that cell's saved result; elsewhere it stays text.
            if (markdown.isEmpty() && !notebook.cells.isEmpty() && notebook.cells.last().isCode()) {
                notebook.cells.last().savedResult = cell.text;
            } else {
                if (markdown.isEmpty())
                    markdownLine = cell.line;
                markdown += cell.opening + cell.text + cell.closing;
            }
            continue;
        }
        flushMarkdown();
        cell.kind = *kind;
        notebook.cells << cell;
    }
    flushMarkdown();
    return notebook;
}

QString writeNotebook(const Notebook& notebook, bool withResults) {
    QString out;
    const auto block = [&out](const QString& opening, const QString& fence, const QString& info,
                              const QString& body, const QString& closing) {
        const QString marks = fence.isEmpty() ? QStringLiteral("```") : fence;
        if (!out.isEmpty() && !out.endsWith(u'\n'))
            out += u'\n';
        out += opening.isEmpty() ? marks + info + u'\n' : opening;
        if (!out.endsWith(u'\n')) // a file that ends on its opening fence line
            out += u'\n';
        out += body;
        if (!body.isEmpty() && !body.endsWith(u'\n'))
            out += u'\n';
        out += closing.isEmpty() ? marks + u'\n' : closing;
    };
    for (const NotebookCell& cell : notebook.cells) {
        if (!cell.isCode()) {
            out += cell.text;
            continue;
        }
        // A body holding a line like our fence would end the cell early: fence it with one mark more.
        QString fence = cell.fence.isEmpty() ? QStringLiteral("```") : cell.fence;
        QString opening = cell.opening, closing = cell.closing;
        for (const QString& line : linesOf(cell.text + u'\n' + cell.savedResult))
            while (closes(line, fence)) {
                fence += fence.at(0);
                opening.clear();
                closing.clear();
            }
        block(opening, fence, kindName(cell.kind) + (cell.title.isEmpty() ? QString() : u' ' + cell.title),
              cell.text, closing);
        if (withResults && !cell.savedResult.isEmpty())
            block({}, fence, kResultKind, cell.savedResult, {});
    }
    return out;
}

QMap<QString, Param> notebookParameters(const NotebookCell& cell) {
    static const QRegularExpression kName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    QMap<QString, Param> values;
    const QStringList lines = cell.text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(QLatin1String("--")))
            continue;
        const qsizetype eq = line.indexOf(u'=');
        const QString name = eq < 0 ? QString() : line.left(eq).trimmed();
        if (eq < 0 || !kName.match(name).hasMatch())
            throwConfigurationError(QStringLiteral("parameters"),
                                    tr("Line %1 of the parameter cell is not \"name = value\": %2")
                                        .arg(cell.line + int(i) + 1)
                                        .arg(line));
        const QString value = line.mid(eq + 1).trimmed();
        if (value.compare(QLatin1String("NULL"), Qt::CaseInsensitive) == 0)
            values.insert(name, std::nullopt);
        else
            values.insert(name, unquoted(value).toUtf8());
    }
    return values;
}

NotebookChart notebookChart(const NotebookCell& cell) {
    static const QStringList kTypes{QStringLiteral("bar"), QStringLiteral("line"), QStringLiteral("area"),
                                    QStringLiteral("scatter"), QStringLiteral("pie")};
    NotebookChart chart;
    for (const QString& raw : cell.text.split(u'\n')) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype colon = line.indexOf(u':');
        const QString key = colon < 0 ? line : line.left(colon).trimmed().toLower();
        const QString value = colon < 0 ? QString() : line.mid(colon + 1).trimmed();
        if (key == QLatin1String("type")) {
            const qsizetype t = kTypes.indexOf(value.toLower());
            if (t < 0)
                throwConfigurationError(
                    QStringLiteral("chart"),
                    tr("A chart's type is bar, line, area, scatter or pie, not \"%1\".").arg(value));
            chart.type = ChartType(t);
        } else if (key == QLatin1String("x")) {
            chart.x = value;
        } else if (key == QLatin1String("y")) {
            for (const QString& y : value.split(u',', Qt::SkipEmptyParts))
                if (!y.trimmed().isEmpty())
                    chart.y << y.trimmed();
        } else if (key == QLatin1String("group")) {
            chart.group = value;
        } else if (key == QLatin1String("title")) {
            chart.title = value;
        } else {
            throwConfigurationError(
                QStringLiteral("chart"),
                tr("A chart cell takes type, x, y, group and title, not \"%1\".").arg(key));
        }
    }
    if (chart.x.isEmpty() || chart.y.isEmpty())
        throwConfigurationError(
            QStringLiteral("chart"),
            tr("A chart cell needs \"x: column\" and \"y: column\" (line %1).").arg(cell.line));
    return chart;
}

QString notebookChartText(const NotebookChart& chart) {
    static const QStringList kTypes{QStringLiteral("bar"), QStringLiteral("line"), QStringLiteral("area"),
                                    QStringLiteral("scatter"), QStringLiteral("pie")};
    // One line each: a line break in a value would end it early (and read back as a key of its own).
    const auto one = [](const QString& v) { return v.simplified(); };
    QString out = QStringLiteral("type: %1\nx: %2\n").arg(kTypes.value(int(chart.type)), one(chart.x));
    QStringList ys;
    for (const QString& y : chart.y)
        ys << one(y);
    out += QStringLiteral("y: %1\n").arg(ys.join(QStringLiteral(", ")));
    if (!chart.group.isEmpty())
        out += QStringLiteral("group: %1\n").arg(one(chart.group));
    if (!chart.title.isEmpty())
        out += QStringLiteral("title: %1\n").arg(one(chart.title));
    return out;
}

} // namespace pgdesk::core
