// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/transfer/importer.h>

#include "session/pq/copy.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/editing/rowstatementbuilder.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/transaction.h>

#include <QIODevice>

namespace pgdesk::core {

QList<QStringList> parseCsvRecords(const QByteArray& data, char delimiter, int maxRecords) {
    QList<QStringList> records;
    QStringList record;
    QByteArray field;
    bool quoted = false;
    bool fieldStarted = false;
    const auto endField = [&] {
        record << QString::fromUtf8(field);
        field.clear();
        fieldStarted = false;
    };
    for (qsizetype i = 0; i < data.size() && records.size() < maxRecords; ++i) {
        const char c = data[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < data.size() && data[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == '"' && !fieldStarted) {
            quoted = fieldStarted = true;
        } else if (c == delimiter) {
            endField();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n')
                ++i;
            endField();
            records << record;
            record.clear();
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    return records;
}

Importer::Importer(Connection& connection, TableInfo table)
    : m_connection(connection)
    , m_table(std::move(table)) {
}

QStringList Importer::targetColumns(const ImportOptions& options, const QStringList& headerLine) const {
    QStringList names = options.columns;
    if (names.isEmpty() && options.header)
        names = headerLine;
    if (names.isEmpty()) {
        for (const ColumnInfo& c : m_table.columns) {
            if (!c.isGenerated && !c.identityAlways)
                names << c.name;
        }
    }
    const RowStatementBuilder b(m_table);
    QStringList seen;
    for (const QString& name : std::as_const(names)) {
        const ColumnInfo& c = b.column(name); // NotFound names the column
        RowStatementBuilder::requireWritable(c);
        if (seen.contains(c.name))
            throwError(ErrorKind::Configuration, QStringLiteral("column \"%1\" given twice").arg(name));
        seen << c.name;
    }
    return seen;
}

qint64 Importer::importCsv(QIODevice& input, const ImportOptions& options,
                           const std::function<void(const ImportProgress&)>& progress,
                           const std::atomic<bool>* cancel) {
    if (m_table.kind != RelationKind::Table && m_table.kind != RelationKind::PartitionedTable)
        throwError(ErrorKind::Configuration,
                   QStringLiteral("%1 is not a table: import needs a table").arg(m_table.qualifiedName()));
    // The header decides the columns; COPY skips it again itself (HEADER true), so the bytes stay whole.
    QStringList header;
    if (options.header) {
        const QByteArray head = input.peek(1 << 20);
        const auto records = parseCsvRecords(head, options.delimiter, 1);
        if (records.isEmpty())
            throwError(ErrorKind::Configuration, QStringLiteral("the file has no header line"));
        header = records.first();
    }
    const QStringList columns = targetColumns(options, header);
    QStringList quoted;
    for (const QString& c : columns)
        quoted << quoteIdentifier(c);
    const QString statement =
        QStringLiteral("COPY %1.%2 (%3) FROM STDIN (FORMAT csv, HEADER %4, DELIMITER %5, NULL %6)")
            .arg(quoteIdentifier(m_table.schema), quoteIdentifier(m_table.name),
                 quoted.join(QStringLiteral(", ")),
                 options.header ? QStringLiteral("true") : QStringLiteral("false"),
                 m_connection.quoteLiteral(QString(QLatin1Char(options.delimiter))),
                 m_connection.quoteLiteral(options.nullText));

    ImportProgress state;
    state.totalBytes = input.isSequential() ? -1 : input.size();
    const WriteScope unlocked(m_connection, options.write);
    Transaction tx(m_connection);
    qint64 rows = 0;
    try {
        rows = pq::copyIn(m_connection, statement, [&](QByteArray& chunk) {
            if (cancel && cancel->load())
                throwError(ErrorKind::QueryCanceled, QStringLiteral("import cancelled: nothing was written"));
            chunk = input.read(1 << 20);
            if (chunk.isEmpty() && !input.atEnd() && input.waitForReadyRead(-1))
                chunk = input.read(1 << 20);
            state.bytes += chunk.size();
            if (progress)
                progress(state);
            return !chunk.isEmpty() || !input.atEnd();
        });
    } catch (const Error& e) {
        // The server says where the bad row is ("COPY t, line 5, column price: \"abc\""): lead with it.
        ErrorInfo info = e.info();
        const QString where = info.context.section(QLatin1Char('\n'), 0, 0);
        if (where.startsWith(QLatin1String("COPY ")))
            info.message = where.section(QLatin1Char(','), 1).trimmed() + QStringLiteral(": ") + info.message;
        throwError(info);
    }
    tx.commit();
    return rows;
}

} // namespace pgdesk::core
