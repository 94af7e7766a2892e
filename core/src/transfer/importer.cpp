// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/transfer/importer.h>

#include "transfer/csvtext.h"
#include <pgdesk/core/session/copy.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/joinedthread.h>
#include <pgdesk/core/base/param.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/editing/rowstatementbuilder.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/transaction.h>
#include <pgdesk/core/transfer/clipboardtable.h>
#include <pgdesk/core/transfer/recordsource.h>
#include <pgdesk/core/transfer/rowencoding.h>

#include <QIODevice>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>

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

Importer::Importer(Connection& connection, NewTable table)
    : m_connection(connection)
    , m_create(std::move(table)) {
}

namespace {

// A type as written ("numeric(12,2)", "timestamptz", "varchar(20)[]"): the name the server resolves and a
// trailing (p) or (p,s) re-written from its numbers, with the brackets after it.
struct WrittenType {
    QString name;
    QString suffix;
};

WrittenType splitModifiers(const QString& written) {
    static const QRegularExpression modifiers(
        QStringLiteral("^(.+?)\\s*\\(\\s*([0-9]+)\\s*(?:,\\s*(-?[0-9]+)\\s*)?\\)\\s*((?:\\[\\s*\\]\\s*)*)$"));
    WrittenType type{written.trimmed(), {}};
    if (const auto m = modifiers.match(type.name); m.hasMatch()) {
        type.name = m.captured(1);
        type.suffix = QStringLiteral("(%1").arg(m.captured(2).toLongLong());
        if (m.capturedLength(3) > 0)
            type.suffix += QStringLiteral(",%1").arg(m.captured(3).toLongLong());
        type.suffix +=
            QStringLiteral(")") + QStringLiteral("[]").repeated(int(m.captured(4).count(QLatin1Char('['))));
    }
    return type;
}

// The server's format_type text of each name (to_regtype), none for a name it does not know. One statement
// for all; a name the server cannot even parse fails it, and then each is asked alone, so that the refusal
// names its column.
QList<std::optional<QString>> resolveTypeNames(Connection& connection, const QStringList& names) {
    QList<std::optional<QString>> resolved(names.size());
    const auto read = [&](const Result& r) {
        for (int i = 0; i < r.rowCount() && i < resolved.size(); ++i) {
            if (!r.isNull(i, 0))
                resolved[i] = r.text(i, 0);
        }
    };
    try {
        if (!names.contains(QString())) {
            read(connection.exec(
                QStringLiteral("SELECT format_type(to_regtype(n), NULL) "
                               "FROM unnest($1::text[]) WITH ORDINALITY AS u(n, i) ORDER BY i"),
                {param(arrayLiteral(names))}));
            return resolved;
        }
    } catch (const Error&) {
    }
    for (int i = 0; i < names.size(); ++i) {
        if (names[i].isEmpty())
            continue;
        try {
            const Result r = connection.exec(QStringLiteral("SELECT format_type(to_regtype($1), NULL)"),
                                             {param(names[i])});
            if (!r.isNull(0, 0))
                resolved[i] = r.text(0, 0);
        } catch (const Error&) { // a syntax error in the name: as unknown as a missing one
        }
    }
    return resolved;
}

} // namespace

void Importer::prepareNewTable() {
    NewTable spec = std::move(*m_create);
    m_create.reset();
    if (spec.name.trimmed().isEmpty())
        throwError(ErrorKind::Configuration, QStringLiteral("the new table needs a name"));
    if (spec.columns.isEmpty() || spec.columns.size() != spec.types.size())
        throwError(ErrorKind::Configuration,
                   QStringLiteral("the new table needs a type for each of its columns"));
    if (spec.schema.isEmpty()) {
        const Result r = m_connection.exec(QStringLiteral("SELECT current_schema()"));
        if (r.isNull(0, 0))
            throwError(ErrorKind::Configuration,
                       QStringLiteral("no schema on the search path to create the table in: name one"));
        spec.schema = r.text(0, 0);
    }
    TableInfo table;
    table.schema = spec.schema;
    table.name = spec.name;
    table.kind = RelationKind::Table;
    QList<WrittenType> written;
    QStringList typeNames;
    for (const QString& type : std::as_const(spec.types)) {
        written << splitModifiers(type);
        typeNames << written.last().name;
    }
    const QList<std::optional<QString>> resolved = resolveTypeNames(m_connection, typeNames);
    QStringList definitions;
    for (qsizetype i = 0; i < spec.columns.size(); ++i) {
        const QString& name = spec.columns[i];
        if (name.isEmpty())
            throwError(ErrorKind::Configuration,
                       QStringLiteral("column %1 of the new table has no name").arg(i + 1));
        if (!resolved[i])
            throwError(ErrorKind::Configuration,
                       QStringLiteral("column %1: \"%2\" is not a type this database knows")
                           .arg(name, spec.types[i]));
        ColumnInfo column;
        column.name = name;
        column.number = int(i + 1);
        column.typeName = *resolved[i] + written[i].suffix;
        column.baseTypeName = column.typeName;
        column.category = categoryForTypeName(column.typeName);
        definitions << quoteIdentifier(name) + QLatin1Char(' ') + column.typeName;
        table.columns << column;
    }
    m_createStatement = QStringLiteral("CREATE TABLE %1.%2 (%3)")
                            .arg(quoteIdentifier(table.schema), quoteIdentifier(table.name),
                                 definitions.join(QStringLiteral(", ")));
    m_table = std::move(table);
}

bool recordNamesColumns(const QStringList& record, const QStringList& columns) {
    QSet<QString> seen;
    for (const QString& field : record) {
        const QString name = headerFieldName(field);
        if (name.isEmpty() || !columns.contains(name) || seen.contains(name))
            return false;
        seen.insert(name);
    }
    return !seen.isEmpty();
}

bool recordNamesAnyColumn(const QStringList& record, const QStringList& columns) {
    const QStringList matched = matchHeaderToColumns(record, columns);
    return std::any_of(matched.begin(), matched.end(), [](const QString& m) { return !m.isEmpty(); });
}

QStringList firstCsvRecord(QIODevice& input, char delimiter) {
    QByteArray head = input.peek(1 << 20);
    // A whole small file whose only record has no line end; a pipe may have given only part of its bytes.
    if (!input.isSequential() && head.size() == input.size() && !head.isEmpty() && !head.endsWith('\n') &&
        !head.endsWith('\r'))
        head += '\n';
    return parseCsvRecords(head, delimiter, 1).value(0);
}

QStringList firstXlsxRecord(const QString& path, const QString& sheet) {
    const RecordPreview preview = previewRecords(path, ImportFormat::Xlsx, sheet, false, 1);
    QStringList fields;
    for (const auto& v : preview.records.value(0))
        fields << v.value_or(QString());
    return fields;
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

void Importer::requireTable() {
    if (m_create)
        prepareNewTable();
    if (m_table.kind != RelationKind::Table && m_table.kind != RelationKind::PartitionedTable)
        throwError(ErrorKind::Configuration,
                   QStringLiteral("%1 is not a table: import needs a table").arg(m_table.qualifiedName()));
}

qint64 Importer::copy(const QString& statement, const std::function<QString(qint64 line)>& locate,
                      const WriteAccess& write, const std::function<bool(QByteArray&)>& produce) {
    const WriteScope unlocked(m_connection, write);
    Transaction tx(m_connection);
    if (!m_createStatement.isEmpty())
        m_connection.exec(m_createStatement); // rolled back with the rows if any of them fails
    qint64 rows = 0;
    try {
        rows = pq::copyIn(m_connection, statement, produce);
    } catch (const Error& e) {
        // The server says where the bad row is ("COPY t, line 5, column price: \"abc\""): lead with it,
        // the line told as the file's own place of that record.
        ErrorInfo info = e.info();
        const QString where = info.context.section(QLatin1Char('\n'), 0, 0);
        const QString prefix = QStringLiteral("COPY %1, line ").arg(m_table.name);
        if (where.startsWith(prefix)) {
            const QString rest = where.mid(prefix.size());
            qsizetype digits = 0;
            while (digits < rest.size() && rest[digits].isDigit())
                ++digits;
            const QString place = locate(rest.left(digits).toLongLong());
            QString detail = rest.mid(digits);
            if (detail.startsWith(QLatin1Char(':')))
                detail.clear(); // the whole line's text follows: the message says enough
            info.message = place + detail + QStringLiteral(": ") + info.message;
        }
        throwError(info);
    }
    tx.commit();
    return rows;
}

namespace {

// Reads and encodes records on a thread of its own while the caller sends them: the server parses one
// chunk while the next is made, so on two cores reading JSON or a sheet no longer adds to the copy's time.
class ChunkProducer final {
public:
    using Make = std::function<bool(QByteArray& chunk, qint64& bytesRead)>; // false after the last chunk

    explicit ChunkProducer(Make make)
        : m_make(std::move(make))
        , m_thread([this] { run(); }) {}
    ~ChunkProducer() { stop(); }
    ChunkProducer(const ChunkProducer&) = delete;
    ChunkProducer& operator=(const ChunkProducer&) = delete;

    // The next chunk and the bytes read up to it; false at the end. Rethrows what reading threw.
    bool next(QByteArray& chunk, qint64& bytesRead) {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [this] { return !m_chunks.empty() || m_done; });
        if (!m_chunks.empty()) {
            chunk = std::move(m_chunks.front().first);
            bytesRead = m_chunks.front().second;
            m_chunks.pop_front();
            m_space.notify_one();
            return true;
        }
        if (m_error)
            std::rethrow_exception(m_error);
        return false;
    }

    // Stops reading and waits for the thread: the source is the caller's alone again.
    void stop() {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_space.notify_all();
        m_thread.join(); // run() hands its error over through next(): nothing escapes it
    }

private:
    void run() {
        try {
            for (;;) {
                {
                    std::unique_lock lock(m_mutex);
                    m_space.wait(lock, [this] { return m_chunks.size() < 3 || m_stop; });
                    if (m_stop)
                        break;
                }
                QByteArray chunk;
                qint64 bytes = 0;
                const bool more = m_make(chunk, bytes);
                {
                    std::lock_guard lock(m_mutex);
                    if (!chunk.isEmpty())
                        m_chunks.emplace_back(std::move(chunk), bytes);
                }
                m_ready.notify_one();
                if (!more)
                    break;
            }
        } catch (...) {
            std::lock_guard lock(m_mutex);
            m_error = std::current_exception();
        }
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_ready.notify_all();
    }

    Make m_make;
    std::mutex m_mutex;
    std::condition_variable m_ready; // a chunk is there, or the end
    std::condition_variable m_space; // room for another chunk, or stop
    std::deque<std::pair<QByteArray, qint64>> m_chunks;
    std::exception_ptr m_error;
    bool m_done = false;
    bool m_stop = false;
    JoinedThread m_thread; // last: started once everything it uses is made
};

} // namespace

namespace {

// What COPY … (FORMAT csv) refuses, in its words: the CSV no longer reaches the server as CSV, so its checks
// are made here.
void checkCsvOptions(const ImportOptions& options) {
    const char d = options.delimiter;
    const QString field = QStringLiteral("delimiter");
    if (d == '\n' || d == '\r')
        throwConfigurationError(field, QStringLiteral("COPY delimiter cannot be newline or carriage return"));
    if (d == '"')
        throwConfigurationError(field, QStringLiteral("COPY delimiter and quote must be different"));
    if (d == 0 || (d & 0x80) != 0)
        throwConfigurationError(field, QStringLiteral("COPY delimiter must be a single one-byte character"));
    const QString null = options.nullText;
    if (null.contains(QLatin1Char('\n')) || null.contains(QLatin1Char('\r')))
        throwConfigurationError(
            QStringLiteral("null"),
            QStringLiteral("COPY null representation cannot use newline or carriage return"));
    if (null.contains(QLatin1Char(d)))
        throwConfigurationError(
            QStringLiteral("null"),
            QStringLiteral("COPY delimiter character must not appear in the NULL specification"));
    if (null.contains(QLatin1Char('"')))
        throwConfigurationError(
            QStringLiteral("null"),
            QStringLiteral("CSV quote character must not appear in the NULL specification"));
}

} // namespace

qint64 Importer::importCsv(QIODevice& input, const ImportOptions& options,
                           const std::function<void(const ImportProgress&)>& progress,
                           const std::atomic<bool>* cancel) {
    requireTable();
    checkCsvOptions(options);
    // The header decides the columns; it is skipped again where the file is read (COPY's HEADER, or
    // CsvToCopyText), so the bytes stay whole.
    QStringList header;
    if (options.header) {
        const QByteArray head = input.peek(1 << 20);
        const auto records = parseCsvRecords(head, options.delimiter, 1);
        if (records.isEmpty())
            throwError(ErrorKind::Configuration, QStringLiteral("the file has no header line"));
        header = records.first();
    }
    ImportOptions chosen = options;
    if (chosen.columns.isEmpty() && !m_createStatement.isEmpty()) {
        for (const ColumnInfo& c : std::as_const(m_table.columns))
            chosen.columns << c.name;
    }
    const QStringList columns = targetColumns(chosen, header);
    QStringList quoted;
    for (const QString& c : columns)
        quoted << quoteIdentifier(c);
    const QString target = QStringLiteral("COPY %1.%2 (%3) FROM STDIN ")
                               .arg(quoteIdentifier(m_table.schema), quoteIdentifier(m_table.name),
                                    quoted.join(QStringLiteral(", ")));
    ImportProgress state;
    state.totalBytes = input.isSequential() ? -1 : input.size();
    const auto cancelled = [cancel] {
        if (cancel && cancel->load())
            throwError(ErrorKind::QueryCanceled, QStringLiteral("import cancelled: nothing was written"));
    };
    // A piece of the input, waiting for a pipe's next bytes; empty at its end.
    const auto read = [&input] {
        QByteArray piece = input.read(1 << 20);
        if (piece.isEmpty() && !input.atEnd() && input.waitForReadyRead(-1))
            piece = input.read(1 << 20);
        return piece;
    };

    if (m_connection.serverVersion() < 180000) {
        // COPY's text format, made from the CSV on a thread of its own (CsvToCopyText, the server's own
        // rules up to 17): the server parses it about 20 % faster, and the server is what an import waits
        // for. Each record is one text line, so the server's line n is the file's record n, after the header.
        CsvToCopyText text(options.delimiter, options.nullText.toUtf8(), options.header);
        qint64 bytesRead = 0;
        ChunkProducer producer([&](QByteArray& chunk, qint64& bytes) {
            chunk.reserve((1 << 20) + (64 << 10));
            bool more = true;
            while (more && chunk.size() < (1 << 20)) {
                const QByteArray piece = read();
                bytesRead += piece.size();
                if (piece.isEmpty()) {
                    text.finish(chunk);
                    more = false;
                } else {
                    more = text.feed(piece.constData(), piece.size(), chunk); // false after a \. line
                }
            }
            bytes = bytesRead;
            return more;
        });
        const auto locate = [header = options.header, &producer](qint64 line) {
            producer.stop(); // the input is read on the producer's thread until then
            return QStringLiteral("line %1").arg(header ? line + 1 : line);
        };
        return copy(target + QStringLiteral("(FORMAT text)"), locate, options.write, [&](QByteArray& chunk) {
            cancelled();
            if (!producer.next(chunk, state.bytes))
                return false;
            if (progress)
                progress(state);
            return true;
        });
    }

    const QString statement =
        target + QStringLiteral("(FORMAT csv, HEADER %1, DELIMITER %2, NULL %3)")
                     .arg(options.header ? QStringLiteral("true") : QStringLiteral("false"),
                          m_connection.quoteLiteral(QString(QLatin1Char(options.delimiter))),
                          m_connection.quoteLiteral(options.nullText));
    const auto line = [](qint64 n) { return QStringLiteral("line %1").arg(n); };
    return copy(statement, line, options.write, [&](QByteArray& chunk) {
        cancelled();
        chunk = read();
        state.bytes += chunk.size();
        if (progress)
            progress(state);
        return !chunk.isEmpty() || !input.atEnd();
    });
}

qint64 Importer::importRecords(RecordSource& source, const ImportOptions& options,
                               const std::function<void(const ImportProgress&)>& progress,
                               const std::atomic<bool>* cancel) {
    requireTable();
    const QStringList fields = source.fieldNames();
    QStringList mapping = options.columns;
    if (mapping.isEmpty() && !m_createStatement.isEmpty()) {
        for (const ColumnInfo& c : std::as_const(m_table.columns))
            mapping << c.name;
    } else if (mapping.isEmpty() && options.header) {
        mapping = fields;
    } else if (mapping.isEmpty()) { // no names: the table's writable columns in order, as for CSV
        mapping = targetColumns(options, {});
        if (fields.size() > mapping.size())
            throwError(ErrorKind::Configuration,
                       QStringLiteral("the file has %1 fields, the table %2 columns to fill")
                           .arg(fields.size())
                           .arg(mapping.size()));
        mapping = mapping.mid(0, fields.size());
    }
    if (mapping.size() != fields.size())
        throwError(ErrorKind::Configuration, QStringLiteral("%1 target columns for %2 fields of the file")
                                                 .arg(mapping.size())
                                                 .arg(fields.size()));
    QList<int> kept; // field indexes sent, in order
    QStringList named;
    for (int i = 0; i < mapping.size(); ++i) {
        if (!mapping[i].isEmpty()) {
            kept << i;
            named << mapping[i];
        }
    }
    if (kept.isEmpty())
        throwError(ErrorKind::Configuration, QStringLiteral("no field of the file goes to a column"));
    ImportOptions checked = options;
    checked.columns = named;
    QList<bool> raw(fields.size(), false);
    for (int k = 0; k < kept.size(); ++k) {
        const ColumnInfo* c = m_table.column(named[k]);
        raw[kept[k]] = c && c->category == TypeCategory::Json;
    }
    source.setRawJson(raw);
    QStringList quoted;
    for (const QString& c : targetColumns(checked, {}))
        quoted << quoteIdentifier(c);
    const QString statement = QStringLiteral("COPY %1.%2 (%3) FROM STDIN (FORMAT text)")
                                  .arg(quoteIdentifier(m_table.schema), quoteIdentifier(m_table.name),
                                       quoted.join(QStringLiteral(", ")));

    ImportProgress state;
    state.totalBytes = source.totalBytes();
    QList<ImportValue> record;
    // Where the record being encoded stands: a long value is encoded over several chunks, so no chunk (nor
    // libpq's buffer) holds a copy of it.
    bool inRecord = false;
    qsizetype field = 0;
    qsizetype offset = 0; // within that field's value
    ChunkProducer producer([&](QByteArray& chunk, qint64& bytesRead) {
        constexpr qsizetype kFull = 1 << 20;
        chunk.reserve(kFull + 4096);
        bool more = true;
        while (chunk.size() < kFull) {
            if (!inRecord) {
                if (!(more = source.next(record)))
                    break;
                inRecord = true;
                field = offset = 0;
            }
            for (; field < kept.size(); ++field) {
                if (field > 0 && offset == 0)
                    chunk.append('\t');
                const ImportValue& v = record[kept[field]];
                if (!v) {
                    chunk.append("\\N", 2);
                    continue;
                }
                const qsizetype take =
                    std::min(v->size() - offset, std::max<qsizetype>(kFull - chunk.size(), 4096));
                pq::appendCopyText(chunk, v->constData() + offset, take);
                offset += take;
                if (offset < v->size())
                    break; // the chunk is full: the rest goes in the next ones
                offset = 0;
            }
            if (field < kept.size())
                break;
            chunk.append('\n');
            inRecord = false;
        }
        bytesRead = source.bytesRead();
        return more;
    });
    // Each record is one line of COPY text, so the server's line number is the record's.
    const auto locate = [&source, &producer](qint64 line) {
        producer.stop(); // the source is read on the producer's thread until then
        return source.recordLocation(line - 1);
    };
    return copy(statement, locate, options.write, [&](QByteArray& chunk) {
        if (cancel && cancel->load())
            throwError(ErrorKind::QueryCanceled, QStringLiteral("import cancelled: nothing was written"));
        if (!producer.next(chunk, state.bytes))
            return false;
        if (progress)
            progress(state);
        return true;
    });
}

} // namespace pgdesk::core
