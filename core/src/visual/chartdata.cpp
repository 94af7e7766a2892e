// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/visual/chartdata.h>

#include <pgdesk/core/base/exactdecimal.h>

#include <QHash>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>

namespace pgdesk::core {

namespace {

constexpr qint64 msPerSecond = 1000;
constexpr qint64 msPerMinute = 60 * msPerSecond;
constexpr qint64 msPerHour = 60 * msPerMinute;
constexpr qint64 msPerDay = 24 * msPerHour;

// Proleptic Gregorian calendar, astronomical years (1 BC is year 0), H. Hinnant's algorithms: QDate has no
// year 0 and is slower for a hundred thousand rows.
qint64 daysFromCivil(qint64 y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct Civil {
    qint64 year;
    int month;
    int day;
};

Civil civilFromDays(qint64 z) {
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int d = int(doy - (153 * mp + 2) / 5 + 1);
    const int m = int(mp < 10 ? mp + 3 : mp - 9);
    return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

qint64 floorDiv(qint64 a, qint64 b) {
    qint64 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

QString normalizedType(const QString& typeName) {
    QString t = typeName.trimmed().toLower();
    t.remove(QRegularExpression(QStringLiteral("\\([^)]*\\)")));
    t = t.simplified();
    if (t.startsWith(QLatin1String("pg_catalog.")))
        t = t.mid(11);
    return t;
}

// PostgreSQL prints NaN, Infinity and -Infinity; QString::toDouble would also take "inf" and "nan" as C does.
std::optional<double> parseNumber(const QString& text) {
    if (text.isNull())
        return std::nullopt;
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

QString categoryKey(const QString& text) {
    // A NULL and an empty text are two categories: QHash takes QString() and "" as one key.
    return text.isNull() ? QStringLiteral("\x01") : QLatin1Char('\x02') + text;
}

// One "other" point: the sum, at one x, of the groups past the cap.
struct OtherSum {
    QString xText;
    ExactDecimal exact;
    double approx = 0;
    bool any = false;    // some group had a value here
    bool exactOk = true; // every value read as a decimal (else the double is printed)
};

} // namespace

bool ChartData::isEmpty() const {
    return pointCount() == 0;
}

int ChartData::pointCount() const {
    int n = 0;
    for (const ChartSeries& s : series)
        n += int(s.points.size());
    return n;
}

bool isNumericType(const QString& typeName) {
    static const QStringList numeric = {
        QStringLiteral("int2"),
        QStringLiteral("int4"),
        QStringLiteral("int8"),
        QStringLiteral("smallint"),
        QStringLiteral("integer"),
        QStringLiteral("int"),
        QStringLiteral("bigint"),
        QStringLiteral("numeric"),
        QStringLiteral("decimal"),
        QStringLiteral("float4"),
        QStringLiteral("float8"),
        QStringLiteral("real"),
        QStringLiteral("double precision"),
        QStringLiteral("float"),
        QStringLiteral("oid"),
    };
    return numeric.contains(normalizedType(typeName));
}

AxisKind axisKindForType(const QString& typeName) {
    static const QStringList times = {
        QStringLiteral("date"),
        QStringLiteral("timestamp"),
        QStringLiteral("timestamptz"),
        QStringLiteral("timestamp without time zone"),
        QStringLiteral("timestamp with time zone"),
        QStringLiteral("time"),
        QStringLiteral("time without time zone"),
    };
    const QString t = normalizedType(typeName);
    if (t.endsWith(QLatin1String("[]")) || t.startsWith(QLatin1Char('_')))
        return AxisKind::Category;
    if (isNumericType(t))
        return AxisKind::Number;
    if (times.contains(t))
        return AxisKind::Time;
    return AxisKind::Category;
}

bool parsePgTimestamp(const QString& text, qint64* msecs) {
    // DateStyle ISO: the date, a time with up to six fraction digits, an offset of hours, minutes and
    // (historic local mean times) seconds, " BC". A time of day alone for the time type.
    static const QRegularExpression full(
        QStringLiteral("^(\\d{4,})-(\\d{2})-(\\d{2})(?:[ T](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?)?"
                       "(?:([+-])(\\d{2})(?::(\\d{2}))?(?::(\\d{2}))?)?( BC)?$"));
    static const QRegularExpression timeOnly(QStringLiteral("^(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?$"));
    const QString t = text.trimmed();
    const auto fractionMs = [](const QString& digits) {
        return digits.isEmpty() ? 0 : (digits + QStringLiteral("00")).left(3).toInt();
    };
    qint64 result = 0;
    if (const QRegularExpressionMatch m = full.match(t); m.hasMatch()) {
        qint64 year = m.captured(1).toLongLong();
        const int month = m.captured(2).toInt();
        const int day = m.captured(3).toInt();
        const int hour = m.captured(4).toInt();
        const int minute = m.captured(5).toInt();
        const int second = m.captured(6).toInt();
        if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60)
            return false;
        if (!m.captured(12).isEmpty())
            year = 1 - year; // 1 BC is astronomical year 0
        result = daysFromCivil(year, month, day) * msPerDay + hour * msPerHour + minute * msPerMinute +
                 second * msPerSecond + fractionMs(m.captured(7));
        if (!m.captured(8).isEmpty()) {
            const qint64 offset = m.captured(9).toInt() * msPerHour + m.captured(10).toInt() * msPerMinute +
                                  m.captured(11).toInt() * msPerSecond;
            // Local time is UTC plus the offset.
            result -= m.captured(8) == QLatin1String("+") ? offset : -offset;
        }
    } else if (const QRegularExpressionMatch m = timeOnly.match(t); m.hasMatch()) {
        const int hour = m.captured(1).toInt();
        const int minute = m.captured(2).toInt();
        const int second = m.captured(3).toInt();
        if (hour > 24 || minute > 59 || second > 60)
            return false;
        result = hour * msPerHour + minute * msPerMinute + second * msPerSecond + fractionMs(m.captured(4));
    } else {
        return false; // infinity, -infinity, another DateStyle
    }
    if (msecs)
        *msecs = result;
    return true;
}

ChartData chartDataFromRows(const QList<ChartColumn>& columns, const QList<QStringList>& rows,
                            const ChartOptions& options) {
    ChartData data;
    const int columnCount = int(columns.size());
    if (options.xColumn < 0 || options.xColumn >= columnCount)
        return data;
    QList<int> yColumns;
    for (int y : options.yColumns)
        if (y >= 0 && y < columnCount)
            yColumns << y;
    if (yColumns.isEmpty())
        return data;
    const int yCount = int(yColumns.size());
    const bool grouped = options.groupColumn >= 0 && options.groupColumn < columnCount;
    const int maxGroups = std::max(1, options.maxGroups);

    data.xKind = axisKindForType(columns[options.xColumn].typeName);
    data.xLabel = columns[options.xColumn].name;
    if (yCount == 1)
        data.yLabel = columns[yColumns.first()].name;

    QHash<QString, int> categoryIndex;
    QHash<QString, int> groupIndex; // group key → series block
    QStringList otherGroupKeys;     // distinct groups past the cap
    // Per y column, the other groups' sums keyed by x (a category's index or the number or time).
    QList<QMap<double, OtherSum>> other(yCount);

    const auto addSeriesBlock = [&](const QString& group, bool hasGroup) {
        for (int j = 0; j < yCount; ++j) {
            ChartSeries s;
            const QString column = columns[yColumns[j]].name;
            const QString groupName = group.isNull() ? QStringLiteral("NULL") : group;
            if (!hasGroup)
                s.name = column;
            else if (yCount == 1)
                s.name = groupName;
            else
                s.name = groupName + QStringLiteral(" · ") + column;
            data.series << s;
        }
    };
    if (!grouped)
        addSeriesBlock(QString(), false);

    for (const QStringList& row : rows) {
        const QString xText = options.xColumn < row.size() ? row[options.xColumn] : QString();
        double x = 0;
        switch (data.xKind) {
        case AxisKind::Category: {
            const QString key = categoryKey(xText);
            auto it = categoryIndex.constFind(key);
            if (it == categoryIndex.constEnd()) {
                it = categoryIndex.insert(key, int(data.categories.size()));
                data.categories << xText;
            }
            x = *it;
            break;
        }
        case AxisKind::Number: {
            const std::optional<double> v = parseNumber(xText);
            if (!v) {
                ++data.skippedRows;
                continue;
            }
            x = *v;
            break;
        }
        case AxisKind::Time: {
            qint64 ms = 0;
            if (xText.isNull() || !parsePgTimestamp(xText, &ms)) {
                ++data.skippedRows;
                continue;
            }
            x = double(ms);
            break;
        }
        }

        int block = 0;
        bool toOther = false;
        if (grouped) {
            const QString group = options.groupColumn < row.size() ? row[options.groupColumn] : QString();
            const QString key = categoryKey(group);
            auto it = groupIndex.constFind(key);
            if (it != groupIndex.constEnd()) {
                block = *it;
                toOther = block < 0;
            } else if (groupIndex.size() - otherGroupKeys.size() < maxGroups) {
                block = int(data.series.size()) / yCount;
                groupIndex.insert(key, block);
                addSeriesBlock(group, true);
            } else {
                groupIndex.insert(key, -1);
                otherGroupKeys << key;
                toOther = true;
            }
        }

        for (int j = 0; j < yCount; ++j) {
            const QString yText = yColumns[j] < row.size() ? row[yColumns[j]] : QString();
            const std::optional<double> y = parseNumber(yText);
            if (toOther) {
                OtherSum& sum = other[j][x];
                sum.xText = xText;
                if (y) {
                    sum.any = true;
                    sum.approx += *y;
                    if (const std::optional<ExactDecimal> exact = ExactDecimal::parse(yText))
                        sum.exact = sum.exact + *exact;
                    else
                        sum.exactOk = false;
                }
                continue;
            }
            ChartPoint p;
            p.x = x;
            p.xText = xText;
            p.yText = yText;
            p.yNull = !y;
            p.y = y.value_or(0);
            data.series[block * yCount + j].points << p;
        }
    }

    data.otherGroups = int(otherGroupKeys.size());
    if (data.otherGroups > 0) {
        for (int j = 0; j < yCount; ++j) {
            ChartSeries s;
            s.isOther = true;
            if (yCount > 1)
                s.name = columns[yColumns[j]].name;
            for (auto it = other[j].cbegin(); it != other[j].cend(); ++it) {
                ChartPoint p;
                p.x = it.key();
                p.xText = it->xText;
                p.yNull = !it->any;
                p.y = it->approx;
                if (it->any)
                    p.yText = it->exactOk ? it->exact.toString() : QString::number(it->approx, 'g', 17);
                s.points << p;
            }
            data.series << s;
        }
    }

    // Lines are drawn in x order, whatever ORDER BY the query had.
    if (data.xKind != AxisKind::Category)
        for (ChartSeries& s : data.series)
            std::stable_sort(s.points.begin(), s.points.end(),
                             [](const ChartPoint& a, const ChartPoint& b) { return a.x < b.x; });
    return data;
}

NiceTicks niceTicks(double min, double max, int maxTicks) {
    NiceTicks result;
    if (!std::isfinite(min) || !std::isfinite(max)) {
        min = 0;
        max = 1;
    }
    if (max < min)
        std::swap(min, max);
    if (max == min) {
        const double widen = min == 0 ? 1 : std::abs(min) * 0.1;
        min -= widen;
        max += widen;
    }
    maxTicks = std::max(2, maxTicks);
    const double rough = (max - min) / (maxTicks - 1);
    double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    // A relative tolerance, so that 0.3 / 0.1 counts as 3 steps and not as 3.0000000000000004.
    const auto covering = [&](double step, double* lo, double* hi) {
        *lo = std::floor(min / step + 1e-9) * step;
        *hi = std::ceil(max / step - 1e-9) * step;
        return qint64(std::llround((*hi - *lo) / step)) + 1;
    };
    double step = magnitude;
    double lo = 0;
    double hi = 0;
    // A range across zero takes three ticks whatever the step: when none fits, the smallest step with the
    // fewest ticks (never a step grown a millionfold looking for two).
    qint64 bestCount = std::numeric_limits<qint64>::max();
    double bestStep = magnitude;
    bool found = false;
    for (int attempt = 0; attempt < 8 && !found; ++attempt) {
        for (double m : {1.0, 2.0, 5.0}) {
            step = m * magnitude;
            const qint64 count = covering(step, &lo, &hi);
            if (count < bestCount) {
                bestCount = count;
                bestStep = step;
            }
            if (count <= maxTicks) {
                found = true;
                break;
            }
        }
        if (!found)
            magnitude *= 10;
    }
    if (!found) {
        step = bestStep;
        covering(step, &lo, &hi);
    }
    result.step = step;
    result.min = lo;
    result.max = hi;
    const qint64 count = qint64(std::llround((hi - lo) / step)) + 1;
    for (qint64 i = 0; i < count; ++i) {
        double t = (std::llround(lo / step) + i) * step;
        if (std::abs(t) < step * 1e-9)
            t = 0;
        result.ticks << t;
    }
    result.decimals = std::max(0, int(-std::floor(std::log10(step) + 1e-9)));
    return result;
}

TimeTicks timeTicks(qint64 minMs, qint64 maxMs, int maxTicks) {
    if (maxMs < minMs)
        std::swap(minMs, maxMs);
    maxTicks = std::max(2, maxTicks);
    struct Candidate {
        TimeUnit unit;
        int step;
    };
    static const std::array candidates = {
        Candidate{TimeUnit::Millisecond, 1},   Candidate{TimeUnit::Millisecond, 2},
        Candidate{TimeUnit::Millisecond, 5},   Candidate{TimeUnit::Millisecond, 10},
        Candidate{TimeUnit::Millisecond, 20},  Candidate{TimeUnit::Millisecond, 50},
        Candidate{TimeUnit::Millisecond, 100}, Candidate{TimeUnit::Millisecond, 200},
        Candidate{TimeUnit::Millisecond, 500}, Candidate{TimeUnit::Second, 1},
        Candidate{TimeUnit::Second, 2},        Candidate{TimeUnit::Second, 5},
        Candidate{TimeUnit::Second, 10},       Candidate{TimeUnit::Second, 15},
        Candidate{TimeUnit::Second, 30},       Candidate{TimeUnit::Minute, 1},
        Candidate{TimeUnit::Minute, 2},        Candidate{TimeUnit::Minute, 5},
        Candidate{TimeUnit::Minute, 10},       Candidate{TimeUnit::Minute, 15},
        Candidate{TimeUnit::Minute, 30},       Candidate{TimeUnit::Hour, 1},
        Candidate{TimeUnit::Hour, 2},          Candidate{TimeUnit::Hour, 3},
        Candidate{TimeUnit::Hour, 6},          Candidate{TimeUnit::Hour, 12},
        Candidate{TimeUnit::Day, 1},           Candidate{TimeUnit::Day, 2},
        Candidate{TimeUnit::Week, 1},          Candidate{TimeUnit::Week, 2},
        Candidate{TimeUnit::Month, 1},         Candidate{TimeUnit::Month, 2},
        Candidate{TimeUnit::Month, 3},         Candidate{TimeUnit::Month, 6},
    };

    const auto fixedMs = [](TimeUnit unit) -> qint64 {
        switch (unit) {
        case TimeUnit::Millisecond:
            return 1;
        case TimeUnit::Second:
            return msPerSecond;
        case TimeUnit::Minute:
            return msPerMinute;
        case TimeUnit::Hour:
            return msPerHour;
        case TimeUnit::Day:
            return msPerDay;
        case TimeUnit::Week:
            return 7 * msPerDay;
        default:
            return 0; // months and years have no fixed length
        }
    };
    // Ticks of a calendar step, at most `limit` (+1 to tell that it is too many).
    const auto ticksFor = [&](TimeUnit unit, qint64 step, int limit) {
        QList<qint64> ticks;
        if (const qint64 unitMs = fixedMs(unit)) {
            const qint64 stepMs = unitMs * step;
            // Weeks start on Monday: 1970-01-05 is the first one after the epoch.
            const qint64 origin = unit == TimeUnit::Week ? 4 * msPerDay : 0;
            qint64 t = floorDiv(minMs - origin, stepMs) * stepMs + origin;
            if (t < minMs)
                t += stepMs;
            for (; t <= maxMs && ticks.size() <= limit; t += stepMs)
                ticks << t;
            return ticks;
        }
        const Civil start = civilFromDays(floorDiv(minMs, msPerDay));
        if (unit == TimeUnit::Month) {
            qint64 index = start.year * 12 + (start.month - 1);
            index =
                floorDiv(index + step - 1, step) * step; // the first aligned month at or after min's month
            for (; ticks.size() <= limit; index += step) {
                const qint64 t =
                    daysFromCivil(floorDiv(index, 12), int(index - floorDiv(index, 12) * 12) + 1, 1) *
                    msPerDay;
                if (t < minMs)
                    continue;
                if (t > maxMs)
                    break;
                ticks << t;
            }
        } else {
            for (qint64 year = floorDiv(start.year + step - 1, step) * step; ticks.size() <= limit;
                 year += step) {
                const qint64 t = daysFromCivil(year, 1, 1) * msPerDay;
                if (t < minMs)
                    continue;
                if (t > maxMs)
                    break;
                ticks << t;
            }
        }
        return ticks;
    };

    TimeTicks result;
    bool found = false;
    for (const Candidate& c : candidates) {
        QList<qint64> ticks = ticksFor(c.unit, c.step, maxTicks);
        if (ticks.size() <= maxTicks) {
            result.unit = c.unit;
            result.step = c.step;
            result.ticks = ticks;
            found = true;
            break;
        }
    }
    if (!found) {
        // Years in 1-2-5 steps, as many as the range needs.
        const double years = double(maxMs - minMs) / (365.2425 * msPerDay);
        qint64 step = std::max<qint64>(1, qint64(niceTicks(0, years, maxTicks).step));
        for (;;) {
            QList<qint64> ticks = ticksFor(TimeUnit::Year, step, maxTicks);
            if (ticks.size() <= maxTicks) {
                result.unit = TimeUnit::Year;
                result.step = int(std::min<qint64>(step, std::numeric_limits<int>::max()));
                result.ticks = ticks;
                break;
            }
            const qint64 digits = qint64(std::pow(10.0, std::floor(std::log10(double(step)))));
            const qint64 lead = step / digits;
            step = lead == 1 ? 2 * digits : lead == 2 ? 5 * digits : 10 * digits;
        }
    }

    switch (result.unit) {
    case TimeUnit::Millisecond:
        result.format = QStringLiteral("HH:mm:ss.zzz");
        result.contextFormat = QStringLiteral("yyyy-MM-dd");
        break;
    case TimeUnit::Second:
        result.format = QStringLiteral("HH:mm:ss");
        result.contextFormat = QStringLiteral("yyyy-MM-dd");
        break;
    case TimeUnit::Minute:
    case TimeUnit::Hour:
        result.format = QStringLiteral("HH:mm");
        result.contextFormat = QStringLiteral("yyyy-MM-dd");
        break;
    case TimeUnit::Day:
    case TimeUnit::Week:
        result.format = QStringLiteral("MM-dd");
        result.contextFormat = QStringLiteral("yyyy");
        break;
    case TimeUnit::Month:
        result.format = QStringLiteral("yyyy-MM");
        break;
    case TimeUnit::Year:
        result.format = QStringLiteral("yyyy");
        break;
    }
    return result;
}

} // namespace pgdesk::core
