// SPDX-License-Identifier: GPL-3.0-or-later
// Reading the server's log file: through the connection (pg_current_logfile, pg_read_binary_file) or from
// a local file, from a backlog of its last bytes, then what is added, following the server's rotation.
#include <pgdesk/core/server/serverlog.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/param.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>

#include <QFile>
#include <QRegularExpression>

namespace pgdesk::core {

namespace {

// Where the first whole entry starts in bytes read from the middle of a file.
qsizetype recordStart(const QByteArray& bytes, LogFormat format) {
    if (format ==
        LogFormat::Csv) { // a CSV record may hold line breaks: the next line that starts with a time
        static const QRegularExpression time(QStringLiteral("\\n\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"));
        const auto m = time.match(QString::fromLatin1(bytes));
        return m.hasMatch() ? m.capturedStart() + 1 : bytes.size();
    }
    const qsizetype newline = bytes.indexOf('\n');
    return newline < 0 ? bytes.size() : newline + 1;
}

} // namespace

LogLocation ServerLogReader::current() {
    const bool json = m_connection.serverVersion() >= 150000; // jsonlog came with PostgreSQL 15
    const Result access = m_connection.exec(QStringLiteral(
        "SELECT has_function_privilege('pg_current_logfile(text)', 'EXECUTE'), "
        "has_function_privilege('pg_read_binary_file(text, bigint, bigint, boolean)', 'EXECUTE') AND "
        "has_function_privilege('pg_stat_file(text, boolean)', 'EXECUTE'), current_user, "
        "current_setting('logging_collector'), current_setting('log_destination')"));
    if (access.text(0, 0) != QLatin1String("t") || access.text(0, 1) != QLatin1String("t")) {
        ErrorInfo info;
        info.kind = ErrorKind::PermissionDenied;
        info.message = QStringLiteral("%1 may not read the server's log").arg(access.text(0, 2));
        info.hint =
            QStringLiteral(
                "A superuser may allow it: GRANT EXECUTE ON FUNCTION pg_current_logfile(text), "
                "pg_stat_file(text, boolean), pg_read_binary_file(text, bigint, bigint, boolean) TO %1 "
                "(and GRANT pg_read_server_files TO %1 when the log directory is outside the data "
                "directory). Or open the log file itself.")
                .arg(m_connection.quoteIdentifier(access.text(0, 2)));
        throwError(info);
    }
    const Result r = m_connection.exec(
        QStringLiteral("SELECT %1, pg_current_logfile('csvlog'), pg_current_logfile('stderr'), "
                       "current_setting('log_line_prefix'), current_setting('log_timezone')")
            .arg(json ? QStringLiteral("pg_current_logfile('jsonlog')") : QStringLiteral("NULL::text")));
    LogLocation location;
    location.linePrefix = r.text(0, 3);
    location.zone = QTimeZone(r.text(0, 4).toUtf8());
    if (!location.zone.isValid())
        location.zone = QTimeZone::utc();
    if (!r.isNull(0, 0)) {
        location.path = r.text(0, 0);
        location.format = LogFormat::Json;
    } else if (!r.isNull(0, 1)) {
        location.path = r.text(0, 1);
        location.format = LogFormat::Csv;
    } else if (!r.isNull(0, 2)) {
        location.path = r.text(0, 2);
        location.format = LogFormat::Stderr;
    } else {
        ErrorInfo info;
        info.kind = ErrorKind::NotFound;
        info.message =
            access.text(0, 3) == QLatin1String("on")
                ? QStringLiteral("the server's logging collector writes no file now")
                : QStringLiteral("the server writes its log to its standard error (logging_collector "
                                 "= off, log_destination = %1), not to a file it can give")
                      .arg(access.text(0, 4));
        info.hint = QStringLiteral("Set logging_collector = on (a restart) to read the log through the "
                                   "connection, or open the file the server's output goes to.");
        throwError(info);
    }
    location.size = size(location.path);
    return location;
}

qint64 ServerLogReader::size(const QString& path) {
    const Result r =
        m_connection.exec(QStringLiteral("SELECT size FROM pg_stat_file($1, true)"), {param(path)});
    return r.rowCount() == 0 || r.isNull(0, 0) ? 0 : r.text(0, 0).toLongLong();
}

QByteArray ServerLogReader::read(const QString& path, qint64 offset, qint64 length) {
    const Result r =
        m_connection.exec(QStringLiteral("SELECT pg_read_binary_file($1, $2::bigint, $3::bigint, true)"),
                          {param(path), param(offset), param(length)});
    if (r.isNull(0, 0))
        return {};
    const QByteArray hex = r.bytes(0, 0); // bytea in the text format: \x and two hex digits a byte
    return QByteArray::fromHex(hex.mid(2));
}

struct LogTail::Impl {
    Connection* connection = nullptr; // null: a local file
    QString path;
    LogLocation location;
    LogParser parser{LogFormat::Stderr};
    qint64 offset = 0;
    qint64 backlog = 0;
    bool started = false;
    bool atEnd = false;

    // The size of the file read and, for a server, the file it writes now: one statement a poll (the
    // privileges were checked when the tail was made).
    struct Probe {
        qint64 size = 0;
        QString current; // empty for a local file, or when the server writes no file now
    };
    Probe probe() {
        if (!connection)
            return {QFile(path).size(), {}};
        const bool json = connection->serverVersion() >= 150000;
        const Result r =
            connection->exec(QStringLiteral("SELECT (SELECT size FROM pg_stat_file($1, true)), coalesce(%1"
                                            "pg_current_logfile('csvlog'), pg_current_logfile('stderr'))")
                                 .arg(json ? QStringLiteral("pg_current_logfile('jsonlog'), ") : QString()),
                             {param(path)});
        return {r.isNull(0, 0) ? 0 : r.text(0, 0).toLongLong(), r.text(0, 1)};
    }

    QByteArray readAt(qint64 at, qint64 length) {
        if (connection)
            return ServerLogReader(*connection).read(path, at, length);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throwError(ErrorKind::NotFound,
                       QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        file.seek(at);
        return file.read(length);
    }

    void restart(qint64 from) {
        parser = LogParser(location.format, location.linePrefix, location.zone);
        offset = from;
        parser.setStartOffset(from);
    }

    QList<LogEntry> readMore(qint64 chunk, qint64 size) {
        QList<LogEntry> out;
        if (!started) {
            started = true;
            restart(std::max<qint64>(0, size - backlog));
            if (offset > 0) { // from the first whole entry of the backlog
                const QByteArray head = readAt(offset, std::min<qint64>(size - offset, 1 << 20));
                const qsizetype skip = recordStart(head, location.format);
                restart(offset + skip);
            }
        } else if (size < offset) { // truncated (log_truncate_on_rotation): from its start
            out << parser.flush();
            restart(0);
        }
        if (size > offset) {
            const QByteArray bytes = readAt(offset, std::min(chunk, size - offset));
            offset += bytes.size();
            out << parser.feed(bytes);
        }
        atEnd = offset >= size;
        return out;
    }
};

LogTail::LogTail()
    : d(std::make_unique<Impl>()) {
}
LogTail::~LogTail() = default;
LogTail::LogTail(LogTail&&) noexcept = default;
LogTail& LogTail::operator=(LogTail&&) noexcept = default;

LogTail LogTail::ofServer(Connection& connection, qint64 backlog) {
    LogTail tail;
    tail.d->connection = &connection;
    tail.d->location = ServerLogReader(connection).current();
    tail.d->path = tail.d->location.path;
    tail.d->backlog = backlog;
    return tail;
}

LogTail LogTail::ofFile(const QString& path, qint64 backlog, const QString& linePrefix) {
    if (!QFile::exists(path))
        throwError(ErrorKind::NotFound, QStringLiteral("there is no file %1").arg(path));
    LogTail tail;
    tail.d->path = path;
    tail.d->location.path = path;
    tail.d->location.format = formatOfFile(path);
    tail.d->location.linePrefix = linePrefix;
    tail.d->backlog = backlog;
    return tail;
}

QList<LogEntry> LogTail::poll(qint64 chunk) {
    const Impl::Probe probe = d->probe();
    QList<LogEntry> out = d->readMore(chunk, probe.size);
    if (d->atEnd && !probe.current.isEmpty() && probe.current != d->path) {
        // Caught up, and the server has moved to another file (rotation, or a format turned on). What the
        // old file got between the probe's two answers is read first; the new file's format, prefix and
        // zone are asked again (a rotation is rare, a poll is every second).
        out << d->readMore(chunk, d->probe().size);
        out << d->parser.flush();
        d->location = ServerLogReader(*d->connection).current();
        d->path = d->location.path;
        d->restart(0);
        out << d->readMore(chunk, d->location.size);
    }
    if (d->atEnd)
        out << d->parser.takeComplete();
    return out;
}

void LogTail::setConnection(Connection& connection) {
    if (d->connection)
        d->connection = &connection;
}

bool LogTail::atEnd() const {
    return d->atEnd;
}

QList<LogEntry> LogTail::finish() {
    return d->parser.flush();
}

const QString& LogTail::path() const {
    return d->path;
}

LogFormat LogTail::format() const {
    return d->location.format;
}

} // namespace pgdesk::core
