// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/notebook/notebookreport.h>

#include <QCoreApplication>

#include <md4c-html.h>

namespace pgdesk::core {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pgdesk::core::NotebookReport", text);
}

QString escapeMarkdownCell(const QString& value) {
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        if (c == u'|' || c == u'\\' || c == u'`' || c == u'*' || c == u'_' || c == u'<' || c == u'[')
            out += u'\\';
        if (c == u'\n')
            out += QStringLiteral("<br>");
        else if (c != u'\r')
            out += c;
    }
    return out;
}

// A fence longer than any run of backticks in the text, so nothing in it ends the block.
QString fenceFor(const QString& text) {
    int longest = 0, run = 0;
    for (const QChar c : text) {
        run = c == u'`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return QString(std::max(3, longest + 1), u'`');
}

QString codeBlock(const QString& info, const QString& text) {
    const QString fence = fenceFor(text);
    return fence + info + u'\n' + text + (text.endsWith(u'\n') ? QString() : QStringLiteral("\n")) + fence +
           QStringLiteral("\n\n");
}

QString htmlTable(const StatementResult& result, int maxRows) {
    QString out = QStringLiteral("<table>\n<thead><tr>");
    for (const PageColumn& c : result.page.columns)
        out += QStringLiteral("<th>%1</th>").arg(c.name.toHtmlEscaped());
    out += QStringLiteral("</tr></thead>\n<tbody>\n");
    const qsizetype shown = std::min<qsizetype>(result.page.rows.size(), maxRows);
    for (qsizetype r = 0; r < shown; ++r) {
        out += QStringLiteral("<tr>");
        for (const std::optional<QString>& v : result.page.rows[r])
            out += v ? QStringLiteral("<td>%1</td>").arg(v->toHtmlEscaped())
                     : QStringLiteral("<td class=\"null\">NULL</td>");
        out += QStringLiteral("</tr>\n");
    }
    return out + QStringLiteral("</tbody>\n</table>\n");
}

QString rowsSaid(const StatementResult& result, int maxRows) {
    const qsizetype shown = std::min<qsizetype>(result.page.rows.size(), maxRows);
    const qint64 total = std::max<qint64>(result.rowCount, result.page.rows.size());
    return total > shown ? tr("%1 of %2 rows shown").arg(shown).arg(total)
                         : (total == 1 ? tr("1 row") : tr("%1 rows").arg(total));
}

QString firstHeading(const Notebook& notebook) {
    for (const NotebookCell& cell : notebook.cells)
        if (!cell.isCode())
            for (const QString& line : cell.text.split(u'\n'))
                if (line.startsWith(QLatin1String("# ")))
                    return line.mid(2).trimmed();
    return {};
}

} // namespace

QString markdownTable(const StatementResult& result, int maxRows) {
    const Page& page = result.page;
    if (page.columns.isEmpty())
        return {};
    QStringList header, rule;
    for (const PageColumn& c : page.columns) {
        header << escapeMarkdownCell(c.name);
        rule << QStringLiteral("---");
    }
    QString out = QStringLiteral("| ") + header.join(QStringLiteral(" | ")) + QStringLiteral(" |\n| ") +
                  rule.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    const qsizetype shown = std::min<qsizetype>(page.rows.size(), maxRows);
    for (qsizetype r = 0; r < shown; ++r) {
        QStringList cells;
        for (const std::optional<QString>& v : page.rows[r])
            cells << (v ? escapeMarkdownCell(*v) : QStringLiteral("*NULL*"));
        out += QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    }
    return out;
}

QString notebookCellResultMarkdown(const NotebookCellRun& run, int maxRows) {
    QString out;
    const auto note = [&](const QString& text) {
        out += QStringLiteral("*%1*\n\n").arg(escapeMarkdownCell(text));
    };
    if (run.sql)
        for (const StatementResult& s : run.sql->statements) {
            for (const QString& n : s.notices)
                note(n.trimmed());
            if (s.returnsRows) {
                out += markdownTable(s, maxRows) + u'\n';
                note(rowsSaid(s, maxRows));
            } else {
                note(s.commandStatus);
            }
        }
    if (!run.ok())
        out += QStringLiteral("**%1**\n\n").arg(tr("Error")) + codeBlock(QStringLiteral("text"), run.error);
    return out;
}

QString markdownToHtml(const QString& markdown) {
    const QByteArray in = markdown.toUtf8();
    QByteArray out;
    md_html(
        in.constData(), MD_SIZE(in.size()),
        [](const MD_CHAR* text, MD_SIZE size, void* sink) {
            static_cast<QByteArray*>(sink)->append(text, size);
        },
        &out, MD_DIALECT_GITHUB | MD_FLAG_NOHTML, 0);
    return QString::fromUtf8(out);
}

NotebookReport notebookReport(const Notebook& notebook, const QList<NotebookCellRun>& runs,
                              const NotebookReportOptions& options) {
    const bool html = options.format == NotebookReportFormat::Html;
    NotebookReport report;
    QString body;
    const auto markdown = [&](const QString& text) { body += html ? markdownToHtml(text) : text; };
    const auto code = [&](const QString& info, const QString& text) {
        body += html ? QStringLiteral("<pre><code class=\"language-%1\">%2</code></pre>\n")
                           .arg(info, text.toHtmlEscaped())
                     : codeBlock(info, text);
    };
    const auto note = [&](const QString& text) {
        body += html ? QStringLiteral("<p class=\"note\">%1</p>\n").arg(text.toHtmlEscaped())
                     : QStringLiteral("*%1*\n\n").arg(escapeMarkdownCell(text));
    };
    if (!options.profile.isEmpty() || !options.ranAt.isEmpty())
        note(tr("Ran on %1 at %2.").arg(options.profile, options.ranAt));

    bool stopped = false;
    for (int i = 0; i < notebook.cells.size(); ++i) {
        const NotebookCell& cell = notebook.cells[i];
        if (cell.kind == NotebookCellKind::Markdown) {
            markdown(cell.text);
            continue;
        }
        const NotebookCellRun* run = nullptr;
        for (const NotebookCellRun& r : runs)
            if (r.cell == i)
                run = &r;
        switch (cell.kind) {
        case NotebookCellKind::Sql:
        case NotebookCellKind::Parameters:
            code(cell.kind == NotebookCellKind::Sql ? QStringLiteral("sql") : QStringLiteral("params"),
                 cell.text);
            break;
        case NotebookCellKind::Chart:
        case NotebookCellKind::Markdown:
            break;
        }
        if (!run) {
            if (!stopped && cell.kind != NotebookCellKind::Parameters)
                note(tr("Not run."));
            continue;
        }
        if (!html) // the statements' results and the error, as the window saves them under the cell
            body += notebookCellResultMarkdown(*run, options.maxRows);
        else if (run->sql)
            for (const StatementResult& s : run->sql->statements) {
                for (const QString& n : s.notices)
                    note(n.trimmed());
                if (s.returnsRows) {
                    body += htmlTable(s, options.maxRows);
                    note(rowsSaid(s, options.maxRows));
                } else {
                    note(s.commandStatus);
                }
            }
        if (run->chart) {
            const QString title = run->chart->title.isEmpty() ? tr("Chart") : run->chart->title;
            if (!options.drawSvg) {
                note(tr("%1: not drawn here.").arg(title));
            } else if (html) {
                body +=
                    QStringLiteral("<figure><img alt=\"%1\" src=\"data:image/svg+xml;base64,%2\"></figure>\n")
                        .arg(title.toHtmlEscaped(),
                             QString::fromLatin1(options.drawSvg(*run->chart, run->chartType).toBase64()));
            } else {
                const QString name =
                    QStringLiteral("%1-chart%2.svg").arg(options.chartPrefix).arg(report.files.size() + 1);
                report.files << NotebookReportFile{name, options.drawSvg(*run->chart, run->chartType)};
                body += QStringLiteral("![%1](%2)\n\n").arg(escapeMarkdownCell(title), name);
            }
        }
        if (!run->ok()) {
            if (html)
                body += QStringLiteral("<pre class=\"error\">%1</pre>\n").arg(run->error.toHtmlEscaped());
            note(tr("The run stopped here."));
            stopped = true;
        }
    }
    if (!html) {
        report.text = body;
        return report;
    }
    QString title = options.title.isEmpty() ? firstHeading(notebook) : options.title;
    if (title.isEmpty())
        title = tr("Notebook");
    report.text =
        QStringLiteral(
            "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
            "style-src 'unsafe-inline'\">\n<title>%1</title>\n<style>\n"
            "body { font-family: sans-serif; max-width: 72em; margin: 2em auto; padding: 0 1em; }\n"
            "table { border-collapse: collapse; margin: 0.5em 0; }\n"
            "th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: start; vertical-align: top; "
            "}\n"
            "td.null { color: #888; font-style: italic; }\n"
            "pre { background: #f6f8fa; padding: 0.6em; overflow-x: auto; }\n"
            "pre.error { background: #fdecea; color: #8a1f11; }\n"
            ".note { color: #666; font-size: 0.9em; }\n"
            "</style>\n</head>\n<body>\n")
            .arg(title.toHtmlEscaped()) +
        body + QStringLiteral("</body>\n</html>\n");
    return report;
}

} // namespace pgdesk::core
