// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/visual/chartquery.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>

#include <algorithm>

namespace pgdesk::core {

namespace {

const QStringList kAggregates{"none", "count", "sum", "avg", "min", "max"};
const QStringList kBuckets{"none", "minute", "hour", "day", "week", "month", "quarter", "year"};

const ColumnInfo& columnOf(const TableInfo& table, const QString& name) {
    if (const ColumnInfo* c = table.column(name))
        return *c;
    throwError(ErrorKind::NotFound,
               QStringLiteral("%1 has no column \"%2\"").arg(table.qualifiedName(), name));
}

bool isNumber(const ColumnInfo& c) {
    return c.category == TypeCategory::Integer || c.category == TypeCategory::Numeric ||
           c.category == TypeCategory::Float;
}

bool isTime(const ColumnInfo& c) {
    return c.category == TypeCategory::Date || c.category == TypeCategory::Timestamp;
}

// The type a result column is read as: PostgreSQL's own names, as chart data parses them.
QString resultType(const ColumnInfo& c) {
    switch (c.category) {
    case TypeCategory::Integer:
    case TypeCategory::Numeric:
    case TypeCategory::Float:
        return QStringLiteral("numeric");
    case TypeCategory::Date:
        return QStringLiteral("date");
    case TypeCategory::Timestamp:
        return c.baseTypeName.contains(QLatin1String("with time zone")) ? QStringLiteral("timestamptz")
                                                                        : QStringLiteral("timestamp");
    default:
        return QStringLiteral("text");
    }
}

} // namespace

std::optional<ChartAggregate> chartAggregateFromName(const QString& name) {
    const qsizetype i = kAggregates.indexOf(name.toLower());
    return i < 0 ? std::nullopt : std::optional(ChartAggregate(i));
}

std::optional<TimeBucket> timeBucketFromName(const QString& name) {
    const qsizetype i = kBuckets.indexOf(name.toLower());
    return i < 0 ? std::nullopt : std::optional(TimeBucket(i));
}

QString chartAggregateName(ChartAggregate aggregate) {
    return kAggregates.value(int(aggregate));
}

QString timeBucketName(TimeBucket bucket) {
    return kBuckets.value(int(bucket));
}

double chartSamplePercent(const TableInfo& table, double rowsWanted) {
    const bool sampleable = table.kind == RelationKind::Table ||
                            table.kind == RelationKind::PartitionedTable ||
                            table.kind == RelationKind::MaterializedView;
    if (!sampleable || rowsWanted <= 0 || table.estimatedRows < 10 * rowsWanted)
        return 0;
    return std::clamp(100.0 * rowsWanted / table.estimatedRows, 0.01, 10.0);
}

ChartQuery buildChartQuery(const QuerySpec& view, const TableInfo& table, const ChartQuerySpec& spec) {
    if (spec.series.isEmpty())
        throwError(ErrorKind::Configuration, QStringLiteral("a chart needs at least one Y series"));
    const ColumnInfo& x = columnOf(table, spec.xColumn);
    const bool raw = spec.series.first().aggregate == ChartAggregate::None;
    for (const ChartSeriesSpec& s : spec.series) {
        if ((s.aggregate == ChartAggregate::None) != raw)
            throwError(ErrorKind::Configuration,
                       QStringLiteral("raw values and aggregates cannot be mixed in one chart"));
    }
    // The inner select names each source column once: the view's WHERE filters it.
    QStringList inner{quoteIdentifier(x.name)};
    const auto use = [&inner](const ColumnInfo& c) {
        const QString q = quoteIdentifier(c.name);
        if (!inner.contains(q))
            inner << q;
        return QStringLiteral("s.") + q;
    };
    ChartQuery out;
    out.aggregated = !raw;
    out.samplePercent = spec.samplePercent;
    // The view's statement (sampled or not) with a throwaway select list: its parameter count numbers ours.
    const auto filteredWith = [&](const QString& selectList) {
        return spec.samplePercent > 0 ? buildSampledSelect(view, table, selectList, spec.samplePercent)
                                      : buildFilteredSelect(view, table, selectList);
    };
    const qsizetype viewParams = filteredWith(QStringLiteral("1")).params.size();
    QString xExpression = QStringLiteral("s.") + quoteIdentifier(x.name);
    out.types << resultType(x);
    Params extra;
    if (spec.bucket != TimeBucket::None) {
        if (!isTime(x))
            throwError(ErrorKind::Configuration,
                       QStringLiteral("a %1 bucket needs a date or timestamp column; \"%2\" is %3")
                           .arg(timeBucketName(spec.bucket), x.name, x.typeName));
        xExpression = QStringLiteral("date_trunc('%1', %2)").arg(timeBucketName(spec.bucket), xExpression);
        if (x.category == TypeCategory::Date)
            xExpression += QStringLiteral("::date"); // a day stays a day, not a midnight timestamp
    } else if (!spec.numberWidth.isEmpty()) {
        if (!isNumber(x))
            throwError(
                ErrorKind::Configuration,
                QStringLiteral("a bucket width needs a number column; \"%1\" is %2").arg(x.name, x.typeName));
        extra << param(spec.numberWidth);
        // Numbered after the view's own parameters (their count does not depend on the select list).
        const QString width = QStringLiteral("$%1::numeric").arg(viewParams + extra.size());
        xExpression = QStringLiteral("floor(%1 / %2) * %2").arg(xExpression, width);
        out.types[0] = QStringLiteral("numeric");
    }
    QStringList select{xExpression + QStringLiteral(" AS x")};
    out.columns << QStringLiteral("x");
    if (!spec.groupColumn.isEmpty()) {
        const ColumnInfo& g = columnOf(table, spec.groupColumn);
        select << use(g) + QStringLiteral(" AS g");
        out.columns << QStringLiteral("g");
        out.types << QStringLiteral("text");
        out.groupIndex = 1;
    }
    for (qsizetype i = 0; i < spec.series.size(); ++i) {
        const ChartSeriesSpec& s = spec.series[i];
        QString value;
        if (s.aggregate == ChartAggregate::Count && s.column.isEmpty()) {
            value = QStringLiteral("count(*)");
        } else {
            const ColumnInfo& c = columnOf(table, s.column);
            const QString ref = use(c);
            if (s.aggregate == ChartAggregate::Count) {
                value = QStringLiteral("count(%1)").arg(ref);
            } else if (s.aggregate == ChartAggregate::Min || s.aggregate == ChartAggregate::Max ||
                       s.aggregate == ChartAggregate::None) {
                if (!isNumber(c))
                    throwError(ErrorKind::Configuration,
                               QStringLiteral("a Y value needs a number column; \"%1\" is %2")
                                   .arg(c.name, c.typeName));
                value = s.aggregate == ChartAggregate::None
                            ? ref
                            : QStringLiteral("%1(%2)").arg(chartAggregateName(s.aggregate), ref);
            } else {
                if (!isNumber(c))
                    throwError(ErrorKind::Configuration,
                               QStringLiteral("%1 needs a number column; \"%2\" is %3")
                                   .arg(chartAggregateName(s.aggregate), c.name, c.typeName));
                value = QStringLiteral("%1(%2)").arg(chartAggregateName(s.aggregate), ref);
            }
        }
        if (spec.samplePercent > 0 &&
            (s.aggregate == ChartAggregate::Count || s.aggregate == ChartAggregate::Sum)) {
            // A total over a sample of the pages, scaled to the whole table: an estimate, as the chart says.
            extra << param(QString::number(100.0 / spec.samplePercent, 'g', 17));
            value = QStringLiteral("round(%1 * $%2::float8)").arg(value).arg(viewParams + extra.size());
        }
        out.yIndexes << int(out.columns.size());
        out.columns << QStringLiteral("y%1").arg(i + 1);
        out.types << QStringLiteral("numeric");
        select << value + QStringLiteral(" AS y%1").arg(i + 1);
    }
    // The view's own statement, parameters first; the width (if any) numbered after them.
    BuiltQuery filtered = filteredWith(inner.join(QStringLiteral(", ")));
    const QString selectList = select.join(QStringLiteral(", "));
    filtered.params += extra;
    const QString keys = out.groupIndex >= 0 ? QStringLiteral("1, 2") : QStringLiteral("1");
    out.query = filtered;
    if (raw) {
        out.query.sql = QStringLiteral("SELECT %1\n  FROM (%2) s\n WHERE %3 IS NOT NULL\n LIMIT %4")
                            .arg(selectList, filtered.sql, xExpression, QString::number(spec.maxRows + 1));
    } else {
        out.query.sql = QStringLiteral("SELECT %1\n  FROM (%2) s\n GROUP BY %3\n ORDER BY %3\n LIMIT %4")
                            .arg(selectList, filtered.sql, keys, QString::number(spec.maxRows + 1));
    }
    return out;
}

} // namespace pgdesk::core
