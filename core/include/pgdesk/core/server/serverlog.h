// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <memory>
#include <optional>

namespace pgdesk::core {

class Connection;

// One entry of the server's log: a message with the DETAIL, HINT, CONTEXT and STATEMENT lines that follow
// it. Fields the log format does not carry are empty (stderr carries only what log_line_prefix has).
struct LogEntry {
    QDateTime time;   // invalid when the format has no time
    QString timeText; // as written
    qint64 pid = 0;
    QString user;
    QString database;
    QString application;
    QString remote;
    QString backendType;
    QString severity; // LOG, ERROR, … as written (English unless lc_messages says otherwise)
    QString sqlstate;
    QString message;
    QString detail;
    QString hint;
    QString context;
    QString statement; // the statement that caused it ("STATEMENT:" / query)
    QString internalQuery;
    QString location;
    qint64 offset = -1; // where in the file it starts (bytes)
};

enum class LogFormat { Stderr, Csv, Json };

// The entry as a person reads it: the head line (time, [pid], user@database, severity, SQLSTATE: message),
// then DETAIL, HINT, CONTEXT and STATEMENT each on its own indented line. What `pgdesk-cli log` prints and
// the window's detail pane shows.
QString logEntryText(const LogEntry& entry);

// The severities in the order log_min_messages ranks them for the server log (LOG above ERROR); -1 for
// one PostgreSQL does not write.
int severityRank(const QString& severity);

// Reads a log incrementally: feed() the bytes as they come (any split), each call gives the entries that
// are complete; flush() gives the last one at the end. Bounded: a line or CSV record over 16 MiB is cut.
class LogParser final {
public:
    // `linePrefix`: the server's log_line_prefix, for the stderr format; `zone`: its log_timezone, for
    // times written with an abbreviation (CET) rather than an offset.
    LogParser(LogFormat format, QString linePrefix = QStringLiteral("%m [%p] "),
              QTimeZone zone = QTimeZone::utc());
    ~LogParser();
    LogParser(LogParser&&) noexcept;
    LogParser& operator=(LogParser&&) noexcept;

    QList<LogEntry> feed(const QByteArray& bytes);
    QList<LogEntry> flush();
    // The stderr entry still open when no partial line is left: the collector writes an entry whole, so at
    // the end of what was written it is complete (a tail calls this when it has caught up).
    QList<LogEntry> takeComplete();
    // Bytes given so far, and where in the file the first of them was (set before the first feed()).
    void setStartOffset(qint64 offset);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// The format a file name says (.csv, .json; anything else stderr).
LogFormat formatOfFile(const QString& path);

struct LogFilter {
    QString minSeverity;     // entries ranked below it are left out; empty: all
    bool errorsOnly = false; // ERROR, FATAL and PANIC only (minSeverity ERROR keeps LOG, ranked above it)
    QDateTime from;          // invalid: no bound
    QDateTime until;
    QString database;
    QString user;
    QString sqlstate; // a class ("23") or a code ("23505")
    QString text;     // in the message, detail, hint, context or statement, case-insensitive

    bool matches(const LogEntry& e) const;
};

// Errors grouped as people read them: the same severity, SQLSTATE and message with numbers and quoted
// values taken out; largest group first.
struct LogErrorGroup {
    QString severity;
    QString sqlstate;
    QString pattern; // the message with numbers as N and '…' values as '?'
    int count = 0;
    QDateTime first;
    QDateTime last;
    LogEntry example; // the latest
};
QList<LogErrorGroup> groupErrors(const QList<LogEntry>& entries);

// A deadlock the server reported (ERROR 40P01): who waited for whom, on what, running which statement.
struct DeadlockWait {
    qint64 waiter = 0;
    qint64 blocker = 0;
    QString lockMode; // ShareLock, ExclusiveLock, …
    QString target;   // "transaction 1234", "relation 16384 of database 5", "tuple (0,1) of relation …"
};
struct DeadlockProcess {
    qint64 pid = 0;
    QString statement;
};
struct DeadlockReport {
    QList<DeadlockWait> waits;
    QList<DeadlockProcess> processes; // in the order the report names them
    qint64 victim = 0;                // the process whose transaction was cancelled (the entry's pid)
    QDateTime time;
};
// nullopt when the entry is not a deadlock report.
std::optional<DeadlockReport> deadlockOf(const LogEntry& entry);
// The report as Graphviz DOT text: a node per process, an edge per wait. Names are escaped.
QString deadlockDot(const DeadlockReport& report);

// Whether the entry is an auto_explain plan ("duration: … plan:"), and its plan text for parsePlan().
bool isAutoExplain(const LogEntry& entry);

// Where the server writes its log, and reading it through the connection (pg_current_logfile,
// pg_read_binary_file): allowed to superusers and to roles granted EXECUTE on those functions (and
// pg_read_server_files for files outside the data directory).
struct LogLocation {
    QString path; // as pg_current_logfile() gives it: relative to the data directory or absolute
    LogFormat format = LogFormat::Stderr;
    QString linePrefix;
    QTimeZone zone = QTimeZone::utc();
    qint64 size = 0;
};

class ServerLogReader final {
public:
    explicit ServerLogReader(Connection& connection)
        : m_connection(connection) {}
    // The file the server writes now, preferring jsonlog, then csvlog, then stderr where several are on.
    // Throws NotFound (with the setting to change) when no collector writes a file, PermissionDenied
    // (with the GRANT that would allow it) when this role may not read it.
    LogLocation current();
    qint64 size(const QString& path);
    QByteArray read(const QString& path, qint64 offset, qint64 length);

private:
    Connection& m_connection;
};

// Follows a log: the server's current file through a connection (following rotation to the next file),
// or a local file. Each poll() reads what was added, at most `chunk` bytes.
class LogTail final {
public:
    // The last `backlog` bytes of the file first (from the first whole line).
    static LogTail ofServer(Connection& connection, qint64 backlog = 4 << 20);
    static LogTail ofFile(const QString& path, qint64 backlog = 4 << 20,
                          const QString& linePrefix = QStringLiteral("%m [%p] "));
    ~LogTail();
    LogTail(LogTail&&) noexcept;
    LogTail& operator=(LogTail&&) noexcept;

    // Entries complete so far; at the end of the file the last one too (takeComplete()).
    // A server tail reads through this connection from now on: a pool's connection for each poll (the
    // window's), or the one it was made with (the CLI's). It must be open when poll() runs.
    void setConnection(Connection& connection);
    QList<LogEntry> poll(qint64 chunk = 8 << 20);
    bool atEnd() const;       // the last poll() read to the end of the file
    QList<LogEntry> finish(); // the entry still open at the end
    const QString& path() const;
    LogFormat format() const;

private:
    LogTail();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace pgdesk::core
