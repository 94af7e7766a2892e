// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/transfer/exportwriter.h>

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace pgdesk::core {

// Rows already in memory (a grid's selection: Copy as) written in an export format by the export engine's own
// encoders, so a copied selection reads exactly as an exported file would: values are PostgreSQL's exact
// text (numerics and timestamps untouched), NULL is JSON null, SQL NULL, and in CSV/TSV the NULL text
// unquoted while '' equal to it is quoted (""), as COPY … (FORMAT csv) writes them.
using TextRow = QList<std::optional<QString>>;

// columns: name and type of each value of a row (category decides booleans, JSON and numbers; generated
// columns are left out of SQL, identity ALWAYS gets OVERRIDING SYSTEM VALUE). table: the INSERT target when
// options.sqlTable is empty ("query" for a RelationKind::Query or unnamed table). XLSX is refused
// (ConfigurationError): it is a file, not text.
QByteArray encodeRows(const QList<ColumnInfo>& columns, const QList<TextRow>& rows, const TableInfo& table,
                      const ExportOptions& options);

// Pure: one CSV field as COPY … (FORMAT csv) writes it: quoted when it holds the delimiter, a double
// quote, CR or LF, equals the NULL text, or (singleColumn) is exactly \. ; quotes doubled.
void appendCsvField(QByteArray& out, const QByteArray& value, char delimiter, const QByteArray& nullText,
                    bool singleColumn);

// Pure: the category of a built-in type as the catalog names it ("integer", "numeric(30,10)",
// "timestamp with time zone", "jsonb", "text[]"); Other for names it does not know.
TypeCategory categoryForTypeName(const QString& typeName);

// Pure: why SQL is not a plain read that an export can run again (one SELECT, VALUES, TABLE or WITH …
// SELECT writing and locking nothing, as the statement splitter classifies it), in words ("INSERT",
// "2 statements", "a SELECT that writes or locks rows: …"); nullopt when it is one. Asked by the CLI's
// `export --query` and `chart --query` and by the export dialog.
std::optional<QString> queryExportProblem(const QString& sql);

} // namespace pgdesk::core
