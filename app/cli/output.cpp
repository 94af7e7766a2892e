// SPDX-License-Identifier: GPL-3.0-or-later
#include "output.h"
#include "cliapp.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pgdesk::cli {

Format parseFormat(const QString& text, const QList<Format>& allowed) {
    Format f;
    if (text.isEmpty() || text == QLatin1String("table"))
        f = Format::Table;
    else if (text == QLatin1String("csv"))
        f = Format::Csv;
    else if (text == QLatin1String("json"))
        f = Format::Json;
    else
        throw UsageError{QStringLiteral("unknown format \"%1\"").arg(text)};
    if (!allowed.contains(f))
        throw UsageError{QStringLiteral("format \"%1\" is not supported here").arg(text)};
    return f;
}

QStringList columnTypeNames(core::Connection& connection, const core::Result& result) {
    QStringList oids;
    for (int c = 0; c < result.columnCount(); ++c)
        oids << QString::number(result.columnType(c));
    QStringList names;
    if (oids.isEmpty())
        return names;
    const auto types = connection.exec(
        QStringLiteral(
            "select t.oid::text, format_type(t.oid, null) from pg_type t where t.oid = any($1::oid[])"),
        {core::param(QStringLiteral("{") + oids.join(QLatin1Char(',')) + QStringLiteral("}"))});
    for (const auto& oid : oids) {
        QString name = QStringLiteral("unknown");
        for (int r = 0; r < types.rowCount(); ++r)
            if (types.text(r, 0) == oid)
                name = types.text(r, 1);
        names << name;
    }
    return names;
}

QString csvField(const QString& value, bool isNull) {
    if (isNull)
        return {};
    const bool quote = value.isEmpty() || value.contains(QLatin1Char(',')) ||
                       value.contains(QLatin1Char('"')) || value.contains(QLatin1Char('\n')) ||
                       value.contains(QLatin1Char('\r'));
    if (!quote)
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

void printJson(QTextStream& out, const QJsonValue& value) {
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

JsonArrayPrinter::JsonArrayPrinter(QTextStream& out, const QString& key)
    : m_out(out) {
    m_out << "{\n    \"" << key << "\": ["; // keys are plain ASCII names: nothing to escape
}

void JsonArrayPrinter::append(const QJsonObject& element) {
    if (!m_raw.isEmpty())
        writeRaw(); // in the order given
    // An element at depth 2: each line of its own indented text moved in by 8 spaces, converted once.
    const QByteArray json = QJsonDocument(element).toJson(QJsonDocument::Indented);
    const qsizetype end = json.endsWith('\n') ? json.size() - 1 : json.size();
    // One pass (QByteArray::replace searched for each line break: a sixth of `tables` on 10,000 relations).
    QByteArray text;
    text.reserve(end + end / 4 + 16);
    text.append(m_empty ? "\n        " : ",\n        ");
    for (qsizetype i = 0; i < end; ++i) {
        text.append(json[i]);
        if (json[i] == '\n')
            text.append("        ", 8);
    }
    m_empty = false;
    m_out << QString::fromUtf8(text);
}

void JsonArrayPrinter::appendRaw(const QByteArray& elementText) {
    m_raw.append(m_empty ? "\n        " : ",\n        ");
    m_raw.append(elementText);
    m_empty = false;
    if (m_raw.size() >= (1 << 20))
        writeRaw();
}

// UTF-8 as it is to the stream's device when it has one (QTextStream writes UTF-8): through a QString
// and back it was a sixth of `tables --format json` on 10,000 relations.
void JsonArrayPrinter::writeRaw() {
    if (QIODevice* device = m_out.device()) {
        m_out.flush();
        device->write(m_raw);
    } else {
        m_out << QString::fromUtf8(m_raw);
    }
    m_raw.clear();
}

void JsonArrayPrinter::finish() {
    writeRaw();
    m_out << "\n    ]\n}\n";
}

void printTable(QTextStream& out, const QStringList& headers, const QList<QStringList>& rows) {
    QList<qsizetype> widths;
    for (const auto& h : headers)
        widths << h.size();
    for (const auto& row : rows)
        for (qsizetype c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], row[c].size());
    auto line = [&](const QStringList& cells) {
        QStringList padded;
        for (qsizetype c = 0; c < cells.size(); ++c)
            padded << cells[c].leftJustified(widths[c]);
        out << QStringLiteral(" ") << padded.join(QStringLiteral(" | ")).trimmed() << '\n';
    };
    line(headers);
    QStringList rule;
    for (auto w : widths)
        rule << QString(w, QLatin1Char('-'));
    out << QStringLiteral("-") << rule.join(QStringLiteral("-+-")) << QStringLiteral("-\n");
    for (const auto& row : rows)
        line(row);
}

void printResult(QTextStream& out, Format format, const core::Result& result, const QStringList& typeNames,
                 qint64 elapsedMs) {
    const int columns = result.columnCount();
    switch (format) {
    case Format::Json: {
        QJsonArray cols;
        for (int c = 0; c < columns; ++c)
            cols.append(QJsonObject{{QStringLiteral("name"), result.columnName(c)},
                                    {QStringLiteral("type"), typeNames.value(c)}});
        QJsonArray rows;
        for (int r = 0; r < result.rowCount(); ++r) {
            QJsonArray row;
            for (int c = 0; c < columns; ++c)
                row.append(result.isNull(r, c) ? QJsonValue() : QJsonValue(result.text(r, c)));
            rows.append(row);
        }
        QJsonObject o{{QStringLiteral("columns"), cols},
                      {QStringLiteral("rows"), rows},
                      {QStringLiteral("row_count"), result.rowCount()},
                      {QStringLiteral("command"), result.commandTag()},
                      {QStringLiteral("elapsed_ms"), elapsedMs}};
        if (columns == 0)
            o[QStringLiteral("affected_rows")] = result.affectedRows();
        printJson(out, o);
        break;
    }
    case Format::Csv: {
        if (columns == 0) {
            out << result.commandTag() << '\n';
            break;
        }
        QStringList header;
        for (int c = 0; c < columns; ++c)
            header << csvField(result.columnName(c), false);
        out << header.join(QLatin1Char(',')) << "\r\n";
        for (int r = 0; r < result.rowCount(); ++r) {
            QStringList fields;
            for (int c = 0; c < columns; ++c)
                fields << csvField(result.text(r, c), result.isNull(r, c));
            out << fields.join(QLatin1Char(',')) << "\r\n";
        }
        break;
    }
    case Format::Table: {
        if (columns == 0) {
            out << result.commandTag() << '\n';
            break;
        }
        QStringList headers;
        for (int c = 0; c < columns; ++c)
            headers << result.columnName(c);
        QList<QStringList> rows;
        for (int r = 0; r < result.rowCount(); ++r) {
            QStringList row;
            for (int c = 0; c < columns; ++c)
                row << result.text(r, c);
            rows << row;
        }
        printTable(out, headers, rows);
        out << QStringLiteral("(%1 row%2)\n").arg(result.rowCount()).arg(result.rowCount() == 1 ? "" : "s");
        break;
    }
    }
}

} // namespace pgdesk::cli
