// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "output.h"
#include "specoptions.h"
#include "tablelookup.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/transfer/rowencoding.h>
#include <pgdesk/core/visual/chartdata.h>
#include <pgdesk/core/visual/chartquery.h>
#include <pgdesk/paint/chartpainter.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

namespace pgdesk::cli {

namespace {

std::optional<core::ChartType> chartTypeFromName(const QString& name) {
    static const QStringList names{"bar", "line", "area", "scatter", "pie"};
    const qsizetype i = names.indexOf(name.toLower());
    return i < 0 ? std::nullopt : std::optional(core::ChartType(i));
}

} // namespace

// chart (TABLE | --query SQL) --x COL --y COL[,COL] [--group COL] [--bucket
// minute|hour|day|week|month|quarter|year]
//       [--width N] [--aggregate sum|avg|count|min|max|none] [--type bar|line|area|scatter|pie] [--size WxH]
//       [--title TEXT] [--sample PERCENT] [the browse filters] -o FILE.svg|png: the view aggregated on the
//       server (GROUP BY), so a chart of ten million rows reads a few hundred, drawn by the window's own
//       painter; --sample reads that share of the table's pages only (an estimate, counts and sums scaled).
int cmdChart(Invocation& inv) {
    core::QuerySpec spec;
    core::ChartQuerySpec chart;
    QString tableName;
    QString query;
    QString output;
    QString title;
    QStringList ys;
    std::optional<core::ChartAggregate> aggregate;
    core::ChartType type = core::ChartType::Bar;
    QSize size(960, 540);
    const QStringList& a = inv.args;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString& arg = a.at(i);
        const auto value = [&] { return optionValue(a, i); };
        if (parseSpecOption(
                a, i,
                spec)) // --filter --any --search --deleted (a --sort is ignored: groups are ordered by X)
            continue;
        if (arg == QLatin1String("--query")) {
            query = value();
        } else if (arg == QLatin1String("-o") || arg == QLatin1String("--output")) {
            output = value();
        } else if (arg == QLatin1String("--x")) {
            chart.xColumn = parseColumnList(arg, value()).value(0);
        } else if (arg == QLatin1String("--y")) {
            ys << parseColumnList(arg, value());
        } else if (arg == QLatin1String("--group")) {
            chart.groupColumn = parseColumnList(arg, value()).value(0);
        } else if (arg == QLatin1String("--bucket")) {
            const QString name = value();
            const auto bucket = core::timeBucketFromName(name);
            if (!bucket || *bucket == core::TimeBucket::None)
                throw UsageError{
                    QStringLiteral("--bucket takes minute, hour, day, week, month, quarter or year")};
            chart.bucket = *bucket;
        } else if (arg == QLatin1String("--width")) {
            chart.numberWidth = value();
        } else if (arg == QLatin1String("--aggregate")) {
            aggregate = core::chartAggregateFromName(value());
            if (!aggregate)
                throw UsageError{QStringLiteral("--aggregate takes sum, avg, count, min, max or none")};
        } else if (arg == QLatin1String("--type")) {
            const auto t = chartTypeFromName(value());
            if (!t)
                throw UsageError{QStringLiteral("--type takes bar, line, area, scatter or pie")};
            type = *t;
        } else if (arg == QLatin1String("--size")) {
            const QStringList wh = value().split(QLatin1Char('x'));
            size = QSize(wh.value(0).toInt(), wh.value(1).toInt());
            if (wh.size() != 2 || size.width() < 100 || size.height() < 100 || size.width() > 10000 ||
                size.height() > 10000)
                throw UsageError{QStringLiteral("--size wants WIDTHxHEIGHT in pixels, 100 to 10000 each")};
        } else if (arg == QLatin1String("--title")) {
            title = value();
        } else if (arg == QLatin1String("--sample")) {
            bool ok = false;
            chart.samplePercent = value().toDouble(&ok);
            if (!ok || !(chart.samplePercent > 0) || chart.samplePercent > 100)
                throw UsageError{
                    QStringLiteral("--sample takes a percentage of the table's pages, above 0 to 100")};
        } else if (arg.startsWith(QLatin1String("-")) || !tableName.isEmpty()) {
            throw UsageError{QStringLiteral("chart: unexpected argument \"%1\"").arg(arg)};
        } else {
            tableName = arg;
        }
    }
    if (tableName.isEmpty() == query.isEmpty())
        throw UsageError{QStringLiteral("chart needs a TABLE or --query SQL (not both)")};
    if (chart.xColumn.isEmpty() || ys.isEmpty())
        throw UsageError{QStringLiteral("chart needs --x COLUMN and --y COLUMN[,COLUMN]")};
    if (!output.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive) &&
        !output.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
        throw UsageError{QStringLiteral("chart needs -o FILE.svg or FILE.png")};
    if (!query.isEmpty()) {
        if (const auto problem = core::queryExportProblem(query))
            throw UsageError{QStringLiteral("chart --query takes only a query that writes nothing (got %1)")
                                 .arg(*problem)};
    }
    // Scatter plots the rows themselves unless told to aggregate; the others sum by default.
    const core::ChartAggregate each = aggregate.value_or(
        type == core::ChartType::Scatter ? core::ChartAggregate::None : core::ChartAggregate::Sum);
    for (const QString& y : std::as_const(ys)) {
        const bool star = y == QLatin1String("*");
        chart.series << core::ChartSeriesSpec{star ? QString() : y,
                                              star ? core::ChartAggregate::Count : each};
    }

    auto connection = connect(inv);
    core::TableInfo table;
    if (!query.isEmpty()) {
        table = core::CatalogReader(connection).describeQuery(query);
        spec.sql = query;
    } else {
        table = readTable(connection, tableName, true);
        spec.schema = table.schema;
        spec.table = table.name;
    }
    QElapsedTimer timer;
    timer.start();
    const core::ChartQuery built = core::buildChartQuery(spec, table, chart);
    const core::Result result = connection.exec(built.query.sql, built.query.params);
    const qint64 queryMs = timer.elapsed();
    // Series are named by what they show ("sum(amount)"), not by the statement's aliases.
    QList<core::ChartColumn> columns;
    for (int c = 0; c < built.columns.size(); ++c)
        columns << core::ChartColumn{built.columns[c], built.types[c]};
    for (int i = 0; i < built.yIndexes.size(); ++i) {
        const core::ChartSeriesSpec& s = chart.series[i];
        columns[built.yIndexes[i]].name =
            s.column.isEmpty() ? QStringLiteral("count(*)")
            : s.aggregate == core::ChartAggregate::None
                ? s.column
                : QStringLiteral("%1(%2)").arg(core::chartAggregateName(s.aggregate), s.column);
    }
    QList<QStringList> rows;
    const int kept = std::min(result.rowCount(), chart.maxRows);
    for (int r = 0; r < kept; ++r) {
        QStringList row;
        for (int c = 0; c < result.columnCount(); ++c)
            row << (result.isNull(r, c) ? QString() : result.text(r, c));
        rows << row;
    }
    core::ChartOptions options;
    options.xColumn = 0;
    options.groupColumn = built.groupIndex;
    options.yColumns = built.yIndexes;
    core::ChartData data = core::chartDataFromRows(columns, rows, options);
    data.title =
        title.isEmpty() ? (query.isEmpty() ? table.qualifiedName() : QStringLiteral("query")) : title;
    data.xLabel = chart.bucket == core::TimeBucket::None
                      ? chart.xColumn
                      : QStringLiteral("%1 (%2)").arg(chart.xColumn, core::timeBucketName(chart.bucket));
    if (result.rowCount() > chart.maxRows)
        data.subtitle = QStringLiteral("the first %1 %2 of more")
                            .arg(chart.maxRows)
                            .arg(built.aggregated ? "groups" : "rows");
    if (chart.samplePercent > 0) // counts and sums scaled from the sample: say it is an estimate
        data.subtitle += (data.subtitle.isEmpty() ? QString() : QStringLiteral("; ")) +
                         QStringLiteral("estimated from %1 % of the table").arg(chart.samplePercent);
    paint::ChartPainter painter;
    QString error;
    if (!painter.save(output, data, type, paint::ChartStyle::light(), size, 1, &error))
        core::throwOutputError(output, error);
    if (inv.global.format == QLatin1String("json")) {
        printJson(inv.out, QJsonObject{{QStringLiteral("file"), output},
                                       {QStringLiteral("points"), data.pointCount()},
                                       {QStringLiteral("series"), int(data.series.size())},
                                       {QStringLiteral("rows_read"), result.rowCount()},
                                       {QStringLiteral("query_ms"), queryMs},
                                       {QStringLiteral("sql"), built.query.sql}});
    } else {
        inv.out << QStringLiteral("wrote %1: %2 series, %3 points from %4 rows the server sent (%5 ms)\n")
                       .arg(output)
                       .arg(data.series.size())
                       .arg(data.pointCount())
                       .arg(result.rowCount())
                       .arg(queryMs);
    }
    return ExitOk;
}

} // namespace pgdesk::cli
