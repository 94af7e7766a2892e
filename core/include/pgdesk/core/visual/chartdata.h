// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace pgdesk::core {

// The series a chart draws, from result rows as text (exact texts kept, time axes in UTC), and the ticks of
// its axes. Drawn by paint/'s ChartPainter, in the chart tab and by `pgdesk-cli chart` alike.

enum class ChartType { Bar, Line, Area, Scatter, Pie };
enum class AxisKind { Category, Number, Time };

struct ChartPoint {
    // Category: the category's index in ChartData::categories; Number: the value; Time: msecs since the
    // epoch, UTC.
    double x = 0;
    QString xText;      // the x value as the server printed it (the category itself for categories)
    double y = 0;       // for drawing only; 0 when yNull
    QString yText;      // the y value exactly as the server printed it: tooltips and labels show this
    bool yNull = false; // NULL, or no finite number ("NaN", "Infinity"): a gap in a line
};

struct ChartSeries {
    // The y column's name, the group's value ("NULL" for NULL), or "group · column" for both. The "other"
    // series has the column's name only (empty for one y column): the painter names it in the user's
    // language.
    QString name;
    bool isOther = false; // the sum, at each x, of the groups past ChartOptions::maxGroups
    QList<ChartPoint> points;
};

struct ChartData {
    AxisKind xKind = AxisKind::Category;
    QString title;
    QString subtitle; // e.g. "first 1,000 rows of the result"
    QString xLabel;
    QString yLabel;
    // Category x: the distinct x values in first-seen order (a NULL x is a null QString in the list);
    // every series' point for a category has x = its index here.
    QStringList categories;
    QList<ChartSeries> series; // Number and Time x: each series' points sorted by x
    int skippedRows = 0;       // rows left out: NULL, unreadable or infinite x (numbers and times)
    int otherGroups = 0;       // groups summed into the "other" series (0: none was)

    bool isEmpty() const;
    int pointCount() const;
};

struct ChartColumn {
    QString name;
    QString typeName; // PostgreSQL's: int4, numeric(12,2), timestamp with time zone, timestamptz, text, …
};

struct ChartOptions {
    int xColumn = 0;
    QList<int> yColumns;  // one series each (per group)
    int groupColumn = -1; // -1: none; else one series per distinct value, in first-seen order
    int maxGroups = 20;   // groups past this many are summed into one "other" series
};

// Rows hold each value as PostgreSQL's text, a null QString for NULL. Text types (and any type not numeric
// or a date/time) make a category x; int2/4/8, numeric, float4/8 and oid a number x; date, timestamp,
// timestamptz and time a time x. Y values are read as numbers; their text is kept as it is.
ChartData chartDataFromRows(const QList<ChartColumn>& columns, const QList<QStringList>& rows,
                            const ChartOptions& options);

// The axis kind PostgreSQL's type name makes (modifiers and array types allowed: "numeric(10,2)").
AxisKind axisKindForType(const QString& typeName);
bool isNumericType(const QString& typeName);

// PostgreSQL's ISO output of date, timestamp, timestamptz and time ("2024-03-01", "2024-03-01 12:00:00.5+01",
// "0044-03-15 BC", "12:30:00") as msecs since the epoch, UTC (a time: since midnight of 1970-01-01).
// False for infinity, -infinity and text that is none of these.
bool parsePgTimestamp(const QString& text, qint64* msecs);

struct NiceTicks {
    double min = 0;   // the first tick, at or below the range's minimum
    double max = 0;   // the last tick, at or above its maximum
    double step = 0;  // 1, 2 or 5 × 10^n
    int decimals = 0; // digits after the point that tell every tick apart
    QList<double> ticks;
};

// Ticks covering [min, max] in 1-2-5 steps, at most maxTicks of them (at least 2). An empty range (min ==
// max) is widened around its value.
NiceTicks niceTicks(double min, double max, int maxTicks);

enum class TimeUnit { Millisecond, Second, Minute, Hour, Day, Week, Month, Year };

struct TimeTicks {
    TimeUnit unit = TimeUnit::Day;
    int step = 1;          // in units: 15 minutes, 3 months, 10 years
    QList<qint64> ticks;   // msecs since the epoch, UTC, calendar aligned, within [min, max]
    QString format;        // a QDateTime format for a tick's label: "HH:mm", "yyyy-MM-dd", "yyyy-MM", "yyyy"
    QString contextFormat; // for units under a day: the date, to show where it changes ("yyyy-MM-dd")
};

// Calendar-aligned ticks (UTC) within [minMs, maxMs], at most maxTicks: seconds, minutes and hours at round
// multiples, days from midnight, weeks from Monday, months from January (1, 2, 3 or 6), years at multiples
// of 1, 2, 5, 10 … The smallest step that fits is chosen.
TimeTicks timeTicks(qint64 minMs, qint64 maxMs, int maxTicks);

} // namespace pgdesk::core
