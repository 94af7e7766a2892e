#pragma once

#include <QModelIndexList>
#include <QString>

class QAbstractItemModel;

namespace pgdesk::ui {

// Pure text helpers for cells. Values are PostgreSQL's exact text: nothing here parses numbers.

// The selected cells as tab-separated lines (rows and columns in view order, gaps left empty), the way
// spreadsheets paste them: a value containing a tab, newline or double quote is quoted with "" escapes;
// NULL is empty. headers adds the column names as the first line.
QString cellsAsTsv(const QAbstractItemModel& model, QModelIndexList cells, bool headers);

// JSON re-indented for reading, token by token: numbers, strings and key order stay exactly as written
// (QJsonDocument would round numbers through double). Text that is not JSON comes back unchanged.
QString indentJson(const QString& json);

// "\x0a1b2c…" (bytea hex output) → "3 bytes  0a 1b 2c"; at most `previewBytes` bytes shown, then "…".
QString byteaSummary(const QString& hexText, int previewBytes = 8);

} // namespace pgdesk::ui
