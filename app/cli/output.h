// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/session/connection.h>

#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace pgdesk::cli {

enum class Format { Table, Csv, Json };

// Parses --format; throws UsageError for anything not in `allowed`.
Format parseFormat(const QString& text,
                   const QList<Format>& allowed = {Format::Table, Format::Csv, Format::Json});

// Type names (format_type) for the columns of a result, looked up in one round trip.
QStringList columnTypeNames(core::Connection& connection, const core::Result& result);

// Prints rows: table (aligned, like psql), csv (RFC 4180; NULL is an empty field, empty text is ""),
// or json ({"columns":[{"name","type"}],"rows":[[…]],"row_count":N,"command":…,"elapsed_ms":…}; values
// are PostgreSQL's text, NULL is null).
void printResult(QTextStream& out, Format format, const core::Result& result, const QStringList& typeNames,
                 qint64 elapsedMs);

// A table of plain strings (for listings such as `profiles list`).
void printTable(QTextStream& out, const QStringList& headers, const QList<QStringList>& rows);

QString csvField(const QString& value, bool isNull);
// JSON null for empty text (a field the server left unset), the text otherwise.
inline QJsonValue textOrNull(const QString& text) {
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}
void printJson(QTextStream& out, const QJsonValue& value);
// `{"key": [ … ]}` written element by element, byte for byte as printJson() would write it whole: a listing
// of 10,000 tables never exists as one QJsonDocument (that took a third of `tables`' time and 80 MB).
class JsonArrayPrinter final {
public:
    JsonArrayPrinter(QTextStream& out, const QString& key);
    void append(const QJsonObject& element);
    // An element already written at depth 2 (IndentedJsonWriter(text, 2)), without a trailing newline.
    void appendRaw(const QByteArray& elementText);
    void finish();

private:
    void writeRaw();

    QTextStream& m_out;
    QByteArray m_raw; // appendRaw()'s text not yet written
    bool m_empty = true;
};

} // namespace pgdesk::cli
