// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/queryspec.h>

#include <QLocale>
#include <QModelIndexList>
#include <QString>

#include <optional>

class QAbstractItemModel;

namespace pgdesk::ui {

class PageModel;

// Pure text helpers for cells. Values are PostgreSQL's exact text: nothing here parses numbers.

// The selected cells as tab-separated lines (rows and columns in view order, gaps left empty), the way
// spreadsheets paste them: a value containing a tab, newline or double quote is quoted with "" escapes;
// NULL is empty. headers adds the column names as the first line.
QString cellsAsTsv(const QAbstractItemModel& model, QModelIndexList cells, bool headers);

// "Filter by this value" / "Exclude this value" for a cell of a PageModel: = / ≠ its value as read, or
// IS [NOT] NULL; nullopt while the row is not loaded.
std::optional<core::Condition> conditionForCell(const PageModel& model, const QModelIndex& cell,
                                                bool exclude);

// JSON re-indented for reading, token by token: numbers, strings and key order stay exactly as written
// (QJsonDocument would round numbers through double). Text that is not JSON comes back unchanged.
QString indentJson(const QString& json);

// "\x0a1b2c…" (bytea hex output) → "3 bytes  0a 1b 2c"; at most `previewBytes` bytes shown, then "…".
// wholeBytes: the value's size when hexText is only its beginning (a value a page brought cut).
QString byteaSummary(const QString& hexText, int previewBytes = 8, qint64 wholeBytes = -1);

// The number that picks a translated message's plural form (tr(…, nullptr, n) takes an int): counts beyond
// int pick the form of a large number. The text shows the real count through %1.
int pluralCount(qint64 n);

// A date or timestamp (its type as the catalog names it) in the locale's short date format and the time to
// the second, any zone offset kept as sent: "2024-03-05 14:03:01.5+01" → "05.03.24 14:03:01 +01" in
// German. nullopt for other types and for text that is not ISO (infinity, BC dates, another DateStyle).
// For display only: the exact text stays what is edited, copied and exported.
std::optional<QString> localDateTimeText(const QString& text, const QString& type,
                                         const QLocale& locale = QLocale());

// Data (values, names, SQL, timestamps) shown in a right-to-left layout is put in a Unicode bidi isolate:
// the paragraph around it would otherwise reorder its parts (an ISO timestamp's time before its date,
// `we"ird; drop table x;--` with ";--" in front). For display only: what is copied, edited or exported
// never carries the marks.
enum class Isolate {
    FirstStrong, // FSI … PDI: its first letter decides, so Persian text still reads right to left; text
                 // without letters (numbers, timestamps) reads left to right
    LeftToRight, // LRI … PDI: text written left to right whatever it contains (SQL, JSON, timestamps)
};
// The text in an isolate, each line in its own (an isolate ends with its paragraph).
QString isolated(const QString& text, Isolate how = Isolate::FirstStrong);
// How values of a column type (as the catalog names it) are isolated: text (and bytea's translated
// summary) by its first letter, everything else (numbers, timestamps, JSON, arrays, …) left to right.
Isolate isolationFor(const QString& type);
// isolated() in a right-to-left layout; unchanged (and unmarked) in a left-to-right one, where the
// paragraph's direction is the data's own.
QString isolatedIn(Qt::LayoutDirection layout, const QString& text, Isolate how = Isolate::FirstStrong);

} // namespace pgdesk::ui
