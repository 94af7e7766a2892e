// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "tablelookup.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/diagram/erdformat.h>
#include <pgdesk/core/diagram/erdgraph.h>
#include <pgdesk/core/diagram/erdlayout.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/paint/erdpainter.h>

#include <QFile>
#include <QSaveFile>

namespace pgdesk::cli {

// erd [TABLE [--depth N] | --schema S]... [--format mermaid|dot|svg|png] [--collapsed] [-o FILE]: the ER
// diagram of a table's neighbourhood (depth 1 by default), of whole schemas, or of the search path's first
// schema; Mermaid and DOT as text, SVG and PNG drawn by the window's own painter and layout.
int cmdErd(Invocation& inv) {
    QStringList tables;
    QStringList schemas;
    int depth = 1;
    bool depthGiven = false;
    bool collapsed = false;
    QString output;
    const QStringList& a = inv.args;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString& arg = a.at(i);
        const auto value = [&] { return optionValue(a, i); };
        if (arg == QLatin1String("--depth")) {
            bool ok = false;
            depth = value().toInt(&ok);
            if (!ok || depth < 0 || depth > 50)
                throw UsageError{QStringLiteral("--depth takes a number of foreign-key steps, 0 to 50")};
            depthGiven = true;
        } else if (arg == QLatin1String("--schema")) {
            schemas << value();
        } else if (arg == QLatin1String("--collapsed")) {
            collapsed = true;
        } else if (arg == QLatin1String("-o") || arg == QLatin1String("--output")) {
            output = value();
        } else if (arg.startsWith(QLatin1Char('-'))) {
            throw UsageError{QStringLiteral("erd: unknown option %1").arg(arg)};
        } else {
            tables << arg;
        }
    }
    if (!tables.isEmpty() && !schemas.isEmpty())
        throw UsageError{QStringLiteral("erd draws TABLE's neighbourhood or --schema S, not both")};
    if (depthGiven && tables.size() != 1)
        throw UsageError{QStringLiteral("--depth goes with one TABLE")};
    QString format = inv.global.format;
    if (format.isEmpty() || format == QLatin1String("table")) { // by the output's extension, else Mermaid
        const QString suffix = output.section(QLatin1Char('.'), -1).toLower();
        format = output.contains(QLatin1Char('.')) &&
                         QStringList{"mermaid", "mmd", "dot", "gv", "svg", "png"}.contains(suffix)
                     ? suffix
                     : QStringLiteral("mermaid");
        if (format == QLatin1String("mmd"))
            format = QStringLiteral("mermaid");
        if (format == QLatin1String("gv"))
            format = QStringLiteral("dot");
    }
    if (!QStringList{"mermaid", "dot", "svg", "png"}.contains(format))
        throw UsageError{QStringLiteral("erd --format takes mermaid, dot, svg or png, not %1").arg(format)};
    if (format == QLatin1String("png") && output.isEmpty())
        throw UsageError{QStringLiteral("erd --format png writes a file: give -o FILE.png")};

    auto connection = connect(inv);
    core::ErdGraph graph;
    if (tables.size() == 1) {
        const core::TableInfo t = readTable(connection, tables.first(), false);
        graph = core::readErdNeighbourhood(connection, t.schema, t.name, depth);
    } else if (!tables.isEmpty()) { // chosen tables and the keys among them
        QList<std::pair<QString, QString>> chosen;
        for (const QString& name : std::as_const(tables)) {
            const core::TableInfo t = readTable(connection, name, false);
            chosen.append({t.schema, t.name});
        }
        graph = core::readErdTables(connection, chosen);
    } else {
        if (schemas.isEmpty())
            schemas << connection.exec(QStringLiteral("SELECT current_schema()")).text(0, 0);
        graph = core::readErdSchemas(connection, schemas);
    }

    if (format == QLatin1String("mermaid") || format == QLatin1String("dot")) {
        const QByteArray text =
            (format == QLatin1String("dot") ? core::erdToDot(graph, collapsed) : core::erdToMermaid(graph))
                .toUtf8();
        if (output.isEmpty()) {
            inv.out << QString::fromUtf8(text);
            return ExitOk;
        }
        QSaveFile file(output);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
            core::throwOutputError(output, file.errorString());
        return ExitOk;
    }
    paint::ErdPainter painter(paint::ErdStyle::light());
    const core::ErdLayout layout =
        core::layoutErd(graph, painter.boxSizes(graph, collapsed), painter.layoutOptions(collapsed));
    if (output.isEmpty()) { // SVG to standard output
        inv.out << QString::fromUtf8(painter.renderSvg(graph, layout, collapsed));
        return ExitOk;
    }
    QString error;
    if (!painter.save(output, graph, layout, collapsed, &error))
        core::throwOutputError(output, error);
    return ExitOk;
}

} // namespace pgdesk::cli
