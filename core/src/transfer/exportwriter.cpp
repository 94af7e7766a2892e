// SPDX-License-Identifier: GPL-3.0-or-later
// The export driver: one COPY … TO STDOUT of the filtered, sorted select, streamed into a temporary file
// that is renamed over the target only when everything succeeded. Encoders: exportformats.cpp (JSON,
// NDJSON, SQL, Markdown) and exportxlsx.cpp.
#include "transfer/exportencoder.h"
#include "transfer/parallelexport.h"
#include <pgdesk/core/session/copy.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/queryengine.h>
#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/session/transaction.h>
#include <pgdesk/core/transfer/exportwriter.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QThread>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>

namespace pgdesk::core {

using exporting::ExportColumn;
using exporting::Field;
using exporting::OutputBuffer;
using exporting::RowEncoder;

QString exportFormatName(ExportFormat format) {
    switch (format) {
    case ExportFormat::Csv:
        return QStringLiteral("csv");
    case ExportFormat::Tsv:
        return QStringLiteral("tsv");
    case ExportFormat::Json:
        return QStringLiteral("json");
    case ExportFormat::NdJson:
        return QStringLiteral("ndjson");
    case ExportFormat::Sql:
        return QStringLiteral("sql");
    case ExportFormat::Markdown:
        return QStringLiteral("markdown");
    case ExportFormat::Xlsx:
        return QStringLiteral("xlsx");
    }
    return {};
}

std::optional<ExportFormat> exportFormatFromName(const QString& name) {
    const QString n = name.toLower();
    for (ExportFormat f : {ExportFormat::Csv, ExportFormat::Tsv, ExportFormat::Json, ExportFormat::NdJson,
                           ExportFormat::Sql, ExportFormat::Markdown, ExportFormat::Xlsx}) {
        if (n == exportFormatName(f))
            return f;
    }
    if (n == QLatin1String("md"))
        return ExportFormat::Markdown;
    if (n == QLatin1String("jsonl"))
        return ExportFormat::NdJson;
    return std::nullopt;
}

std::optional<ExportFormat> exportFormatForPath(const QString& path) {
    const QString suffix = QFileInfo(path).suffix();
    return suffix.isEmpty() ? std::nullopt : exportFormatFromName(suffix);
}

namespace {

bool isIdentifierChar(QChar c) {
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$');
}

// The end (exclusive) of the token starting at i that must be copied as it is — a quoted string or
// identifier, a comment or a dollar-quoted string — or i when none starts there.
qsizetype skipQuoted(const QString& sql, qsizetype i) {
    const qsizetype n = sql.size();
    const QChar c = sql.at(i);
    const auto at = [&](qsizetype k) { return k < n ? sql.at(k) : QChar(); };
    if (c == QLatin1Char('\'')) {
        // E'…' strings take backslash escapes; standard strings only double their quotes.
        const bool escapes = i > 0 &&
                             (sql.at(i - 1) == QLatin1Char('E') || sql.at(i - 1) == QLatin1Char('e')) &&
                             (i < 2 || !isIdentifierChar(sql.at(i - 2)));
        for (qsizetype k = i + 1; k < n; ++k) {
            if (escapes && sql.at(k) == QLatin1Char('\\')) {
                ++k;
            } else if (sql.at(k) == QLatin1Char('\'')) {
                if (at(k + 1) == QLatin1Char('\''))
                    ++k;
                else
                    return k + 1;
            }
        }
        return n;
    }
    if (c == QLatin1Char('"')) {
        for (qsizetype k = i + 1; k < n; ++k) {
            if (sql.at(k) == QLatin1Char('"')) {
                if (at(k + 1) == QLatin1Char('"'))
                    ++k;
                else
                    return k + 1;
            }
        }
        return n;
    }
    if (c == QLatin1Char('-') && at(i + 1) == QLatin1Char('-')) {
        const qsizetype end = sql.indexOf(QLatin1Char('\n'), i);
        return end < 0 ? n : end + 1;
    }
    if (c == QLatin1Char('/') && at(i + 1) == QLatin1Char('*')) {
        int depth = 0; // block comments nest in PostgreSQL
        for (qsizetype k = i; k < n; ++k) {
            if (sql.at(k) == QLatin1Char('/') && at(k + 1) == QLatin1Char('*')) {
                ++depth;
                ++k;
            } else if (sql.at(k) == QLatin1Char('*') && at(k + 1) == QLatin1Char('/')) {
                ++k;
                if (--depth == 0)
                    return k + 1;
            }
        }
        return n;
    }
    if (c == QLatin1Char('$') && !(i > 0 && isIdentifierChar(sql.at(i - 1))) && !at(i + 1).isDigit()) {
        // $tag$ … $tag$ (tag empty or an identifier without $).
        qsizetype k = i + 1;
        while (k < n && sql.at(k) != QLatin1Char('$') &&
               (sql.at(k).isLetterOrNumber() || sql.at(k) == QLatin1Char('_')))
            ++k;
        if (k < n && sql.at(k) == QLatin1Char('$')) {
            const QString tag = sql.mid(i, k - i + 1);
            const qsizetype close = sql.indexOf(tag, k + 1);
            return close < 0 ? n : close + tag.size();
        }
    }
    return i;
}

} // namespace

QString inlineParameters(const QString& sql, const QStringList& literals, qsizetype verbatimFrom,
                         qsizetype verbatimLength) {
    QString out;
    out.reserve(sql.size() + 64);
    const qsizetype n = sql.size();
    qsizetype i = 0;
    while (i < n) {
        if (i == verbatimFrom && verbatimLength > 0) {
            out += QStringView(sql).mid(i, verbatimLength);
            i += verbatimLength;
            continue;
        }
        const qsizetype skipped = skipQuoted(sql, i);
        if (skipped > i) {
            // A quoted token never runs into the verbatim span: the builder closes its own quotes.
            out += QStringView(sql).mid(i, skipped - i);
            i = skipped;
            continue;
        }
        const QChar c = sql.at(i);
        if (c == QLatin1Char('$') && i + 1 < n && sql.at(i + 1).isDigit() &&
            !(i > 0 && isIdentifierChar(sql.at(i - 1)))) {
            qsizetype k = i + 1;
            while (k < n && sql.at(k).isDigit())
                ++k;
            bool ok = false;
            const qsizetype number = QStringView(sql).mid(i + 1, k - i - 1).toLongLong(&ok);
            if (!ok || number < 1 || number > literals.size())
                throwError(
                    ErrorKind::Configuration,
                    QStringLiteral("no value for parameter $%1").arg(QStringView(sql).mid(i + 1, k - i - 1)));
            out += literals.at(number - 1);
            i = k;
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

QString exportSelectSql(Connection& connection, const QuerySpec& spec, const TableInfo& table, bool viewOrder,
                        bool includeGenerated) {
    // Without sort keys there is no ORDER BY at all unless the grid's order is asked for: the builder
    // would append the row key (for stable paging), which costs an index scan or a sort of the whole result.
    TableInfo source = table;
    if (spec.sort.isEmpty() && !viewOrder)
        source.conventions.rowKey.clear();
    const BuiltQuery q = buildSelectQuery(spec, source, false, !includeGenerated);
    QStringList literals;
    for (const Param& p : q.params)
        literals << (p ? connection.quoteLiteral(QString::fromUtf8(*p)) : QStringLiteral("NULL"));
    qsizetype from = -1;
    qsizetype length = 0;
    if (!spec.sql.isEmpty() && spec.sqlParams.isEmpty()) {
        // The user's query is copied as written: only the builder's own text holds placeholders. A query
        // with placeholders of its own ($1 … $k, sqlParams) has them inlined like the builder's: COPY
        // takes no parameters.
        const QString source = querySource(spec.sql);
        from = q.sql.indexOf(source);
        length = source.size();
    }
    return inlineParameters(q.sql, literals, from, length);
}

namespace {

QList<ColumnInfo> exportedColumns(const TableInfo& table, const ExportOptions& options) {
    QList<ColumnInfo> columns;
    for (const ColumnInfo& c : table.columns) {
        if (!c.isGenerated || options.includeGenerated)
            columns << c;
    }
    return columns;
}

// Whether COPY reads the whole plain table by name: when nothing narrows or orders it. COPY table reads the
// heap directly and is markedly faster than COPY (SELECT …) through the executor, with the same bytes.
// Views, partitioned tables and query sources need the select, and so do the grid's key order and
// generated columns (COPY table refuses them by name, 42P10); unless asked for, generated columns are left
// out, as psql's \copy table leaves them (COPY FROM could not load them back).
bool copiesByName(const QuerySpec& spec, const TableInfo& table, const ExportOptions& options) {
    const bool keyOrder = options.viewOrder && !table.conventions.rowKey.isEmpty();
    const bool generated =
        options.includeGenerated && std::any_of(table.columns.begin(), table.columns.end(),
                                                [](const ColumnInfo& c) { return c.isGenerated; });
    return spec.sql.isEmpty() && spec.sort.isEmpty() && table.kind == RelationKind::Table && !keyOrder &&
           !generated && !buildSelectQuery(spec, table).hasCondition;
}

QString quotedRelation(const TableInfo& table) {
    return quoteIdentifier(table.schema) + QLatin1Char('.') + quoteIdentifier(table.name);
}

QString quotedColumns(const TableInfo& table, const ExportOptions& options) {
    QStringList columns;
    for (const ColumnInfo& c : exportedColumns(table, options))
        columns << quoteIdentifier(c.name);
    return columns.join(QStringLiteral(", "));
}

// What COPY reads: the table by name (copiesByName), else the filtered, sorted select.
QString copySource(Connection& connection, const QuerySpec& spec, const TableInfo& table,
                   const ExportOptions& options) {
    if (copiesByName(spec, table, options)) {
        const QString columns = quotedColumns(table, options);
        // A table without columns has no list to give: "t ()" is a syntax error.
        return columns.isEmpty() ? quotedRelation(table)
                                 : quotedRelation(table) + QStringLiteral(" (") + columns + QLatin1Char(')');
    }
    return QLatin1Char('(') +
           exportSelectSql(connection, spec, table, options.viewOrder, options.includeGenerated) +
           QLatin1Char(')');
}

// Why an export that asked for more streams (jobs ≠ 1) runs as one; nullopt when it may copy page ranges.
std::optional<QString> singleStreamReason(const Connection& connection, const QuerySpec& spec,
                                          const TableInfo& table, const ExportOptions& options, bool byName,
                                          bool canOpen) {
    if (options.format != ExportFormat::Csv && options.format != ExportFormat::Tsv)
        return QStringLiteral("only CSV and TSV are exported in parallel");
    if (!spec.sql.isEmpty())
        return QStringLiteral("a query's rows come from one statement");
    if (table.kind != RelationKind::Table)
        return QStringLiteral("only a plain table is read in ranges of its pages");
    if (!byName)
        return QStringLiteral("filtered or sorted rows, the key's order or generated columns come from one "
                              "statement");
    if (connection.serverVersion() < 140000)
        return QStringLiteral("PostgreSQL before 14 cannot scan ranges of a table's pages");
    if (connection.profile().pooler != PoolerMode::None)
        return QStringLiteral("through a transaction pooler the connections could not share a snapshot");
    if (!connection.isIdle())
        return QStringLiteral("inside an open transaction, whose changes other connections could not see");
    if (!canOpen)
        return QStringLiteral("no other connection could be opened");
    return std::nullopt;
}

// The export's transaction: its own READ ONLY one on an idle connection, else a savepoint inside the
// caller's that is rolled back at the end (undoing the SET LOCALs, and anything a query source wrote).
class ExportScope final {
public:
    // `snapshot`: REPEATABLE READ, so the snapshot exported for parallel streams is the one this reads.
    ExportScope(Connection& connection, bool isoDates, bool snapshot = false)
        : m_connection(connection) {
        if (connection.isIdle()) {
            TransactionOptions options;
            options.readOnly = true;
            if (snapshot)
                options.isolation = IsolationLevel::RepeatableRead;
            m_transaction.emplace(connection, options);
        } else {
            connection.exec(QStringLiteral("SAVEPOINT pgdesk_export"));
            m_savepoint = true;
        }
        // A large table's scan may otherwise start where another scan of it left off (synchronized scans,
        // tables over a quarter of shared_buffers): from the first page, its rows always come in the same
        // order, the order parallel streams write. pg_dump turns them off for the same reason.
        QStringList settings{QStringLiteral("SET LOCAL synchronize_seqscans = off")};
        if (connection.parameterStatus("client_encoding") != QLatin1String("UTF8"))
            settings << QStringLiteral("SET LOCAL client_encoding = 'UTF8'");
        if (isoDates) // SQL reloads anywhere and XLSX parses dates: both need ISO output
            settings << QStringLiteral("SET LOCAL DateStyle = 'ISO'")
                     << QStringLiteral("SET LOCAL IntervalStyle = 'postgres'");
        connection.exec(settings.join(QStringLiteral("; ")));
    }
    ~ExportScope() {
        if (m_savepoint) {
            try {
                endSavepoint();
            } catch (...) {
                // Nothing more to do here: the caller's transaction reports its own state.
            }
        }
    }
    ExportScope(const ExportScope&) = delete;
    ExportScope& operator=(const ExportScope&) = delete;

    void finish() {
        if (m_transaction)
            m_transaction->commit();
        else if (m_savepoint)
            endSavepoint();
    }

private:
    void endSavepoint() {
        m_savepoint = false;
        m_connection.exec(
            QStringLiteral("ROLLBACK TO SAVEPOINT pgdesk_export; RELEASE SAVEPOINT pgdesk_export"));
    }

    Connection& m_connection;
    std::optional<Transaction> m_transaction;
    bool m_savepoint = false;
};

// A file next to the target (".name.XXXXXX.part"), created readable by the user alone (0600, as backups
// are: exported rows are the database's data) and removed unless commit() renamed it over the target. No
// fsync: like psql's \copy, the export leaves durability to the file system; the rename alone keeps
// half-written files from view. A symbolic link is followed (the file it points to is replaced, the link
// stays). A target that exists but is not a regular file (a device such as /dev/null, a FIFO) is written
// directly: renaming over it would replace the device with a file.
class TempFile final {
public:
    explicit TempFile(const QString& path) {
        QFileInfo info(path);
        if (info.isSymLink()) {
            const QString resolved = info.canonicalFilePath();
            info = QFileInfo(resolved.isEmpty() ? info.symLinkTarget() : resolved);
        }
        m_target = info.absoluteFilePath();
        if (info.exists() && !info.isFile()) {
            m_direct = true;
            m_file.setFileName(m_target);
            if (!m_file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
                throwError(ErrorKind::Configuration,
                           QStringLiteral("cannot write to %1: %2").arg(m_target, m_file.errorString()));
            return;
        }
        for (int attempt = 0; attempt < 100; ++attempt) {
            const QString suffix = QString::number(QRandomGenerator::global()->generate() % 0xFFFFFF, 36);
            m_file.setFileName(
                info.absoluteDir().filePath(QStringLiteral(".%1.%2.part").arg(info.fileName(), suffix)));
            if (m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered,
                            QFileDevice::ReadOwner | QFileDevice::WriteOwner))
                return;
            if (m_file.error() != QFileDevice::OpenError || !QFileInfo::exists(m_file.fileName()))
                break;
        }
        throwError(
            ErrorKind::Configuration,
            QStringLiteral("cannot create a file in %1: %2").arg(info.absolutePath(), m_file.errorString()));
    }
    ~TempFile() {
        if (!m_committed && !m_direct) {
            m_file.close();
            QFile::remove(m_file.fileName());
        }
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    QFile& file() { return m_file; }
    QString path() const { return m_file.fileName(); }
    QString target() const { return m_target; }
    bool isDirect() const { return m_direct; }

    void commit() {
        m_file.close();
        if (m_direct) {
            m_committed = true;
            return;
        }
        if (QFileInfo::exists(m_target)) // replacing a file keeps its permissions, as an editor would
            QFile::setPermissions(m_file.fileName(), QFile::permissions(m_target));
        const QByteArray from = QFile::encodeName(m_file.fileName());
        const QByteArray to = QFile::encodeName(m_target);
        if (std::rename(from.constData(), to.constData()) != 0)
            throwOutputError(m_target, QString::fromLocal8Bit(std::strerror(errno)));
        m_committed = true;
    }

private:
    QString m_target;
    QFile m_file;
    bool m_direct = false;
    bool m_committed = false;
};

void validate(const ExportOptions& o) {
    const QString encoding = o.encoding.toUpper().remove(QLatin1Char('-'));
    if (!encoding.isEmpty() && encoding != QLatin1String("UTF8"))
        throwConfigurationError(QStringLiteral("encoding"),
                                QStringLiteral("only UTF-8 exports are supported, not %1").arg(o.encoding));
    const bool delimited = o.format == ExportFormat::Csv || o.format == ExportFormat::Tsv;
    if (o.delimiter) {
        if (!delimited)
            throwConfigurationError(QStringLiteral("delimiter"),
                                    QStringLiteral("a delimiter applies to CSV and TSV only"));
        const QChar d = *o.delimiter;
        if (d.unicode() == 0 || d.unicode() > 127 || d == QLatin1Char('"') || d == QLatin1Char('\r') ||
            d == QLatin1Char('\n'))
            throwConfigurationError(QStringLiteral("delimiter"),
                                    QStringLiteral("the delimiter must be one ASCII character other than a "
                                                   "double quote, CR or LF"));
    }
    if (o.nullText.contains(QLatin1Char('\r')) || o.nullText.contains(QLatin1Char('\n')))
        throwConfigurationError(QStringLiteral("null"),
                                QStringLiteral("the NULL text cannot hold line breaks"));
    if (delimited) {
        const QChar d =
            o.delimiter.value_or(o.format == ExportFormat::Tsv ? QLatin1Char('\t') : QLatin1Char(','));
        if (o.nullText.contains(d) || o.nullText.contains(QLatin1Char('"')))
            throwConfigurationError(
                QStringLiteral("null"),
                QStringLiteral("the NULL text cannot hold the delimiter or a double quote"));
    }
}

// Calls the progress callback at most once per interval.
class ProgressReporter final {
public:
    ProgressReporter(const ExportProgressCallback& callback, int intervalMs, std::optional<qint64> expected)
        : m_callback(callback)
        , m_intervalMs(intervalMs)
        , m_expected(expected) {
        m_timer.start();
    }
    // Cheap enough per row: the clock is read every 256 rows (`everyRow`: the caller already thins out).
    void row(qint64 rows, const std::function<qint64()>& bytes, bool everyRow = true) {
        if (!m_callback || (everyRow && (rows & 255) != 0) || m_timer.elapsed() < m_last + m_intervalMs)
            return;
        m_last = m_timer.elapsed();
        report(rows, bytes(), false);
    }
    void packing(qint64 rows, qint64 bytes) { report(rows, bytes, false, true); }
    void report(qint64 rows, qint64 bytes, bool finished, bool packing = false) {
        if (!m_callback)
            return;
        ExportProgress p;
        p.rows = rows;
        p.bytes = bytes;
        p.finished = finished;
        p.packing = packing;
        if (finished)
            p.percent = 100;
        else if (m_expected && *m_expected > 0)
            p.percent = int(std::min<qint64>(99, rows * 100 / *m_expected));
        m_callback(p);
    }

private:
    const ExportProgressCallback& m_callback;
    int m_intervalMs;
    std::optional<qint64> m_expected;
    QElapsedTimer m_timer;
    qint64 m_last = 0;
};

} // namespace

ExportWriter::ExportWriter(Connection& connection)
    : m_connection(connection)
    , m_cancelHandle(connection.cancelHandle()) {
}

void ExportWriter::setProgressCallback(ExportProgressCallback callback, int intervalMs) {
    m_progress = std::move(callback);
    m_progressIntervalMs = std::max(0, intervalMs);
}

void ExportWriter::cancel() {
    m_cancelled = true;
    if (m_onServer)
        m_cancelHandle.cancel(); // a COPY still waiting for its first row stops now
    std::lock_guard lock(m_streamsMutex);
    for (const CancelHandle& stream : m_streams)
        stream.cancel();
}

ExportResult ExportWriter::exportTo(const QuerySpec& spec, const TableInfo& table, const QString& path,
                                    const ExportOptions& given) {
    validate(given);
    ExportOptions options = given;
    // INSERTs naming a generated column could not load back (the server refuses them): SQL never has them.
    if (options.format == ExportFormat::Sql)
        options.includeGenerated = false;
    QElapsedTimer timer;
    timer.start();
    const QFileInfo target(path);
    if (path.isEmpty() || target.isDir())
        throwConfigurationError(QStringLiteral("path"), QStringLiteral("not a file name: \"%1\"").arg(path));
    if (!target.absoluteDir().exists())
        throwConfigurationError(QStringLiteral("path"),
                                QStringLiteral("the folder %1 does not exist").arg(target.absolutePath()));
    const auto throwIfCancelled = [this] {
        if (m_cancelled)
            throwError(ErrorKind::QueryCanceled, QStringLiteral("export cancelled"));
    };
    m_onServer = true;
    struct OffServer {
        std::atomic<bool>& flag;
        ~OffServer() { flag = false; }
    } offServer{m_onServer};
    throwIfCancelled();

    const ExportFormat format = options.format;
    const bool csv = format == ExportFormat::Csv || format == ExportFormat::Tsv;
    std::optional<QString> oneStream; // why more streams were asked for but one runs
    // What the ranges copy: the table's stored order, where the caller lets it replace the key's.
    ExportOptions inRanges = options;
    if (options.storedOrderWhenParallel && spec.sort.isEmpty())
        inRanges.viewOrder = false;
    if (options.jobs != 1)
        oneStream = singleStreamReason(m_connection, spec, table, options,
                                       copiesByName(spec, table, inRanges), bool(m_open));
    bool parallel = options.jobs != 1 && !oneStream;
    ExportScope scope(m_connection, format == ExportFormat::Sql || format == ExportFormat::Xlsx, parallel);
    exporting::RangeCopy ranges;
    if (parallel) {
        const Result size = m_connection.exec(
            QStringLiteral("SELECT pg_relation_size($1::regclass), current_setting('block_size')::int8"),
            {quotedRelation(table).toUtf8()});
        const qint64 bytes = size.text(0, 0).toLongLong();
        ranges.jobs = options.jobs > 0 ? options.jobs : std::clamp(QThread::idealThreadCount(), 2, 4);
        if (options.jobs == 0 && bytes < kParallelExportMinBytes) {
            parallel = false;
            oneStream = QStringLiteral("the table is small (%1 MiB): one stream is as fast").arg(bytes >> 20);
        } else {
            ranges.pages = bytes / std::max<qint64>(1, size.text(0, 1).toLongLong());
            ranges.snapshot = m_connection.exec(QStringLiteral("SELECT pg_export_snapshot()")).text(0, 0);
            ranges.relation = quotedRelation(table);
            ranges.columns = quotedColumns(table, options);
            ranges.header = options.header;
        }
    }
    std::optional<qint64> expected = options.expectedRows;
    if (!expected && m_progress)
        expected = QueryEngine(m_connection).estimateCount(spec, table);

    // CSV and TSV are quoted here from COPY's text format (CsvLines), except from servers after 17, whose
    // CSV rules this side does not know yet: those send CSV themselves.
    const bool csvHere = csv && m_connection.serverVersion() < 180000;
    QString copy = QStringLiteral("COPY ") + copySource(m_connection, spec, table, options) +
                   QStringLiteral(" TO STDOUT");
    const QChar delimiter =
        options.delimiter.value_or(format == ExportFormat::Tsv ? QLatin1Char('\t') : QLatin1Char(','));
    if (csv && !csvHere) {
        ranges.options = QStringLiteral("FORMAT csv, DELIMITER %1, NULL %2")
                             .arg(m_connection.quoteLiteral(QString(delimiter)),
                                  m_connection.quoteLiteral(options.nullText));
        copy += QStringLiteral(" (FORMAT csv, HEADER %1, DELIMITER %2, NULL %3)")
                    .arg(options.header ? QStringLiteral("true") : QStringLiteral("false"),
                         m_connection.quoteLiteral(QString(delimiter)),
                         m_connection.quoteLiteral(options.nullText));
    }

    QList<ExportColumn> columns;
    for (const ColumnInfo& c : exportedColumns(table, options))
        columns << ExportColumn{c.name.toUtf8(), c};
    std::optional<exporting::CsvLines> csvLines;
    if (csvHere) {
        csvLines.emplace(char(delimiter.toLatin1()), options.nullText.toStdString(), int(columns.size()));
        ranges.csv = &*csvLines;
        if (options.header)
            ranges.prefix = csvLines->header(columns);
    }

    // Declared before the encoder, so a failed XLSX workbook is freed before its file is removed.
    TempFile temp(path);
    OutputBuffer out(&temp.file(), path);
    std::unique_ptr<RowEncoder> encoder;
    if (format == ExportFormat::Xlsx)
        encoder =
            exporting::makeXlsxEncoder(options, columns, temp.path(), m_cancelled, !temp.isDirect(), path);
    else if (!csv)
        encoder = exporting::makeTextEncoder(options, columns, table, out);
    if (encoder)
        encoder->begin();

    ProgressReporter progress(m_progress, m_progressIntervalMs, expected);
    const auto bytesSoFar = [&]() -> qint64 { return encoder ? encoder->bytes() : out.bytes(); };
    qint64 rows = 0;
    bool headerPending = csv && !csvHere && options.header;
    std::vector<Field> fields;
    std::string scratch;
    std::string line;
    const auto onRow = [&](const char* data, int size) {
        if (csvHere) {
            line.clear();
            csvLines->append(line, std::string_view(data, size_t(size)));
            out.append(line);
        } else if (csv) {
            out.append(std::string_view(data, size_t(size)));
            if (headerPending) {
                headerPending = false; // the header line is COPY's first message
                return;
            }
        } else {
            const std::string_view line(data,
                                        size > 0 && data[size - 1] == '\n' ? size_t(size) - 1 : size_t(size));
            exporting::splitCopyTextRow(line, fields, scratch);
            if (fields.size() != size_t(columns.size()))
                throwError(ErrorKind::Query,
                           QStringLiteral("the export expected %1 columns, the server sent %2")
                               .arg(columns.size())
                               .arg(fields.size()));
            encoder->row(fields);
        }
        ++rows;
        progress.row(rows, bytesSoFar);
    };

    ExportResult result;
    qint64 parallelBytes = 0;
    if (parallel) {
        const auto onStream = [this](const CancelHandle& handle) {
            std::lock_guard lock(m_streamsMutex);
            m_streams << handle;
            if (m_cancelled)
                handle.cancel();
        };
        const auto copied = exporting::copyRanges(m_connection, m_open, ranges, &temp.file(), path,
                                                  m_cancelled, onStream, [&](qint64 soFar, qint64 bytes) {
                                                      progress.row(
                                                          soFar, [bytes] { return bytes; }, false);
                                                  });
        {
            std::lock_guard lock(m_streamsMutex);
            m_streams.clear();
        }
        rows = copied.rows;
        parallelBytes = copied.bytes;
        result.streams = copied.streams;
    } else {
        out.append(ranges.prefix);               // the header line, when this side writes it
        pq::CopyOut copyOut(m_connection, copy); // a failure midway cancels and drains it
        bool cancelSent = false;
        while (const auto data = copyOut.next()) {
            if (m_cancelled) {
                if (!cancelSent)
                    cancelSent = m_cancelHandle.cancel();
                continue; // the server stops soon; what it still sends is dropped
            }
            onRow(data->data(), int(data->size()));
        }
        copyOut.finish();
    }
    if (oneStream)
        result.singleStreamReason = *oneStream;
    m_onServer = false; // what is left (the XLSX zipping) runs here, and the connection is idle
    throwIfCancelled(); // the COPY may have ended before the cancel reached the server

    if (encoder) {
        if (format == ExportFormat::Xlsx)
            progress.packing(rows, bytesSoFar()); // zipping takes a while: say so
        encoder->finish();
        result.inexactNumbers = encoder->inexactNumbers;
        result.truncatedCells = encoder->truncatedCells;
        result.sheets = encoder->sheets;
    }
    out.flush();
    throwIfCancelled();
    scope.finish();
    temp.commit();

    result.path = temp.target();
    result.rows = rows;
    if (!options.includeGenerated)
        for (const ColumnInfo& c : table.columns)
            if (c.isGenerated && !spec.omitColumns.contains(c.name))
                result.omittedGenerated << c.name;
    result.bytes = !temp.isDirect() ? QFileInfo(result.path).size() : parallel ? parallelBytes : bytesSoFar();
    result.elapsedMs = timer.elapsed();
    progress.report(rows, result.bytes, true);
    return result;
}

} // namespace pgdesk::core
