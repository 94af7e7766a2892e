// SPDX-License-Identifier: GPL-3.0-or-later
// Rows in memory through the export engine's encoders (exportformats.cpp), plus the CSV rules of
// COPY … (FORMAT csv) for CSV and TSV, which the engine otherwise leaves to the server.
#include "transfer/exportencoder.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/sqltext/statementsplitter.h>
#include <pgdesk/core/transfer/rowencoding.h>

#include <QBuffer>
#include <QHash>

#include <string_view>
#include <vector>

namespace pgdesk::core {

void appendCsvField(QByteArray& out, const QByteArray& value, char delimiter, const QByteArray& nullText,
                    bool singleColumn) {
    std::string field;
    exporting::appendCsvField(field, std::string_view(value.constData(), size_t(value.size())), delimiter,
                              std::string_view(nullText.constData(), size_t(nullText.size())), singleColumn);
    out.append(field.data(), qsizetype(field.size()));
}

TypeCategory categoryForTypeName(const QString& typeName) {
    QString name = typeName.trimmed().toLower();
    if (name.endsWith(QLatin1String("[]")))
        return TypeCategory::Array;
    if (const qsizetype paren = name.indexOf(QLatin1Char('(')); paren >= 0) // numeric(30,10), varchar(20)
        name = name.left(paren).trimmed() + name.mid(name.indexOf(QLatin1Char(')'), paren) + 1);
    static const QHash<QString, TypeCategory> known{
        {QStringLiteral("boolean"), TypeCategory::Boolean},
        {QStringLiteral("smallint"), TypeCategory::Integer},
        {QStringLiteral("integer"), TypeCategory::Integer},
        {QStringLiteral("bigint"), TypeCategory::Integer},
        {QStringLiteral("numeric"), TypeCategory::Numeric},
        {QStringLiteral("real"), TypeCategory::Float},
        {QStringLiteral("double precision"), TypeCategory::Float},
        {QStringLiteral("text"), TypeCategory::Text},
        {QStringLiteral("character varying"), TypeCategory::Text},
        {QStringLiteral("character"), TypeCategory::Text},
        {QStringLiteral("name"), TypeCategory::Text},
        {QStringLiteral("uuid"), TypeCategory::Uuid},
        {QStringLiteral("date"), TypeCategory::Date},
        {QStringLiteral("time without time zone"), TypeCategory::Time},
        {QStringLiteral("time with time zone"), TypeCategory::Time},
        {QStringLiteral("timestamp without time zone"), TypeCategory::Timestamp},
        {QStringLiteral("timestamp with time zone"), TypeCategory::Timestamp},
        {QStringLiteral("interval"), TypeCategory::Interval},
        {QStringLiteral("json"), TypeCategory::Json},
        {QStringLiteral("jsonb"), TypeCategory::Json},
        {QStringLiteral("bytea"), TypeCategory::Bytea},
        {QStringLiteral("inet"), TypeCategory::Network},
        {QStringLiteral("cidr"), TypeCategory::Network},
        {QStringLiteral("macaddr"), TypeCategory::Network},
        {QStringLiteral("tsvector"), TypeCategory::TsVector},
    };
    return known.value(name, TypeCategory::Other);
}

std::optional<QString> queryExportProblem(const QString& sql) {
    const QList<SqlStatement> statements = splitStatements(sql);
    if (statements.size() == 1 && statements.first().pageable)
        return std::nullopt;
    if (statements.isEmpty())
        return QStringLiteral("nothing");
    if (statements.size() > 1)
        return QStringLiteral("%1 statements").arg(statements.size());
    const QString keyword = statements.first().keyword;
    if (keyword == QLatin1String("SELECT") || keyword == QLatin1String("WITH"))
        return QStringLiteral(
                   "a %1 that writes or locks rows: INTO, FOR UPDATE/SHARE or INSERT/UPDATE/DELETE "
                   "inside WITH")
            .arg(keyword);
    return keyword.isEmpty() ? QStringLiteral("\"%1\"").arg(sql) : keyword;
}

namespace {

QByteArray encodeCsv(const QList<ColumnInfo>& columns, const QList<TextRow>& rows,
                     const ExportOptions& options) {
    const char delimiter = char(
        options.delimiter.value_or(options.format == ExportFormat::Tsv ? QLatin1Char('\t') : QLatin1Char(','))
            .toLatin1());
    const QByteArray nullText = options.nullText.toUtf8();
    const bool single = columns.size() == 1;
    QByteArray out;
    if (options.header) {
        for (qsizetype c = 0; c < columns.size(); ++c) {
            if (c > 0)
                out += delimiter;
            appendCsvField(out, columns.at(c).name.toUtf8(), delimiter, nullText, single);
        }
        out += '\n';
    }
    for (const TextRow& row : rows) {
        for (qsizetype c = 0; c < columns.size(); ++c) {
            if (c > 0)
                out += delimiter;
            const std::optional<QString> value = c < row.size() ? row.at(c) : std::nullopt;
            if (!value)
                out += nullText; // COPY writes the NULL text as it is
            else
                appendCsvField(out, value->toUtf8(), delimiter, nullText, single);
        }
        out += '\n';
    }
    return out;
}

} // namespace

QByteArray encodeRows(const QList<ColumnInfo>& columns, const QList<TextRow>& rows, const TableInfo& table,
                      const ExportOptions& options) {
    if (options.format == ExportFormat::Csv || options.format == ExportFormat::Tsv)
        return encodeCsv(columns, rows, options);
    if (options.format == ExportFormat::Xlsx)
        throwConfigurationError(QStringLiteral("format"),
                                QStringLiteral("an XLSX workbook is a file: export it instead"));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    exporting::OutputBuffer out(&buffer, QStringLiteral("the clipboard"));
    QList<exporting::ExportColumn> exportColumns;
    for (const ColumnInfo& c : columns)
        exportColumns << exporting::ExportColumn{c.name.toUtf8(), c};
    const auto encoder = exporting::makeTextEncoder(options, exportColumns, table, out);
    encoder->begin();
    std::vector<exporting::Field> fields;
    QList<QByteArray> texts; // the row's UTF-8, which the fields point into
    for (const TextRow& row : rows) {
        texts.clear();
        fields.clear();
        for (qsizetype c = 0; c < columns.size(); ++c)
            texts << (c < row.size() && row.at(c) ? row.at(c)->toUtf8() : QByteArray());
        for (qsizetype c = 0; c < columns.size(); ++c) {
            const bool null = c >= row.size() || !row.at(c);
            fields.push_back(exporting::Field{
                std::string_view(texts.at(c).constData(), size_t(texts.at(c).size())), null});
        }
        encoder->row(fields);
    }
    encoder->finish();
    out.flush();
    return bytes;
}

} // namespace pgdesk::core
