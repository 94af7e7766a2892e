// SPDX-License-Identifier: GPL-3.0-or-later
// Reading PostgreSQL's log in its three formats (stderr with log_line_prefix, csvlog, jsonlog), filtering
// it, grouping its errors and reading its deadlock reports. Reading the file itself: serverlogreader.cpp.
#include <pgdesk/core/server/serverlog.h>

#include "server/loglabels.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace pgdesk::core {

namespace {

constexpr qsizetype kMaxLine = 16 << 20;

const QStringList& severities() {
    static const QStringList list = {
        QStringLiteral("DEBUG5"), QStringLiteral("DEBUG4"),  QStringLiteral("DEBUG3"),
        QStringLiteral("DEBUG2"), QStringLiteral("DEBUG1"),  QStringLiteral("INFO"),
        QStringLiteral("NOTICE"), QStringLiteral("WARNING"), QStringLiteral("ERROR"),
        QStringLiteral("LOG"),    QStringLiteral("FATAL"),   QStringLiteral("PANIC")};
    return list;
}

// Built from its parts, never through the local time zone: QDateTime::fromString() in local time has glibc
// stat /etc/localtime once a call (800,000 stats for 8 MB of log, two thirds of the time).
QDateTime parseTime(const QString& text, const QTimeZone& zone) {
    static const QRegularExpression re(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?(?: (\\S+))?$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch()) {
        bool ok = false; // %n: seconds since the epoch with milliseconds
        const double epoch = text.toDouble(&ok);
        return ok ? QDateTime::fromMSecsSinceEpoch(qint64(epoch * 1000), Qt::UTC) : QDateTime();
    }
    const auto part = [&m](int i) { return m.captured(i).toInt(); };
    const QDate date(part(1), part(2), part(3));
    const QTime time(part(4), part(5), part(6), (m.captured(7) + QStringLiteral("00")).left(3).toInt());
    const QString tz = m.captured(8);
    static const QRegularExpression offset(QStringLiteral("^([+-])(\\d{2}):?(\\d{2})?$"));
    if (tz == QLatin1String("UTC") || tz == QLatin1String("GMT"))
        return QDateTime(date, time, Qt::UTC);
    if (const auto o = offset.match(tz); o.hasMatch()) {
        const int seconds = (o.captured(2).toInt() * 3600 + o.captured(3).toInt() * 60) *
                            (o.captured(1) == QLatin1String("-") ? -1 : 1);
        return QDateTime(date, time, Qt::OffsetFromUTC, seconds);
    }
    // No zone, or an abbreviation (CET, EST): the server's log_timezone says which.
    return QDateTime(date, time, zone);
}

// log_line_prefix as a regular expression; `fields` gets the escape letter of each capture.
QRegularExpression prefixExpression(const QString& prefix, QList<QChar>& fields) {
    QString re = QStringLiteral("^");
    bool optional = false;
    for (qsizetype i = 0; i < prefix.size(); ++i) {
        if (prefix[i] != QLatin1Char('%') || i + 1 >= prefix.size()) {
            re += QRegularExpression::escape(QString(prefix[i]));
            continue;
        }
        ++i;
        while (i < prefix.size() && (prefix[i] == QLatin1Char('-') || prefix[i].isDigit()))
            ++i; // padding (%-10u): the value is padded with spaces, trimmed below
        if (i >= prefix.size())
            break;
        const QChar c = prefix[i];
        QString capture;
        switch (c.toLatin1()) {
        case 'm':
            capture = QStringLiteral("(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}(?: \\S+)?)");
            break;
        case 't':
        case 's':
            capture = QStringLiteral("(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?: \\S+)?)");
            break;
        case 'n':
            capture = QStringLiteral("(\\d+\\.\\d{3})");
            break;
        case 'p':
        case 'l':
        case 'x':
        case 'Q':
            capture = QStringLiteral("(\\s*\\d+\\s*)");
            break;
        case 'P':
            capture = QStringLiteral("(\\s*\\d*\\s*)");
            break;
        case 'e':
            capture = QStringLiteral("([0-9A-Z]{5})");
            break;
        case 'c':
            capture = QStringLiteral("([0-9a-f]+\\.[0-9a-f]+)");
            break;
        case 'q':
            re += QStringLiteral("(?:");
            optional = true;
            continue;
        case '%':
            re += QStringLiteral("%");
            continue;
        default:
            capture = QStringLiteral("(.*?)");
            break; // %u %d %a %r %h %b %i %v
        }
        re += capture;
        fields << c;
    }
    if (optional)
        re += QStringLiteral(")?");
    // The severity or label, in English or as a server with another lc_messages writes it.
    re += QStringLiteral("(%1):  (.*)$").arg(logLabelPattern());
    return QRegularExpression(re);
}

QString* fieldOf(LogEntry& e, const QString& label) {
    if (label == QLatin1String("DETAIL"))
        return &e.detail;
    if (label == QLatin1String("HINT"))
        return &e.hint;
    if (label == QLatin1String("CONTEXT"))
        return &e.context;
    if (label == QLatin1String("STATEMENT"))
        return &e.statement;
    if (label == QLatin1String("QUERY"))
        return &e.internalQuery;
    if (label == QLatin1String("LOCATION"))
        return &e.location;
    return nullptr;
}

// 00000 (successful completion) is what stderr and csvlog write for a message without an error; jsonlog
// leaves it out. Empty in all three.
QString errorState(const QString& code) {
    return code == QLatin1String("00000") ? QString() : code;
}

QString jsonString(const QJsonObject& o, const char* key) {
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? QString::number(qint64(v.toDouble())) : v.toString();
}

} // namespace

QString logEntryText(const LogEntry& e) {
    QString line = e.timeText;
    if (line.isEmpty() && e.time.isValid())
        line = e.time.toUTC().toString(Qt::ISODateWithMs);
    if (e.pid)
        line += QStringLiteral(" [%1]").arg(e.pid);
    if (!e.user.isEmpty() || !e.database.isEmpty())
        line += QStringLiteral(" %1@%2").arg(e.user, e.database);
    if (!e.severity.isEmpty())
        line += QLatin1Char(' ') + e.severity;
    if (!e.sqlstate.isEmpty())
        line += QLatin1Char(' ') + e.sqlstate;
    line += QStringLiteral(": ") + e.message;
    line = line.trimmed() + QLatin1Char('\n');
    for (const auto& [label, text] :
         {std::pair{QStringLiteral("DETAIL"), e.detail}, std::pair{QStringLiteral("HINT"), e.hint},
          std::pair{QStringLiteral("CONTEXT"), e.context},
          std::pair{QStringLiteral("STATEMENT"), e.statement}}) {
        if (text.isEmpty())
            continue;
        QString body = text; // its continuation lines under the label's text
        body.replace(QLatin1Char('\n'), QStringLiteral("\n    "));
        line += QStringLiteral("  %1: %2\n").arg(label, body);
    }
    return line;
}

int severityRank(const QString& severity) {
    return int(severities().indexOf(severity.toUpper()));
}

struct LogParser::Impl {
    LogFormat format;
    QTimeZone zone;
    QRegularExpression prefix;
    QList<QChar> fields;
    QByteArray buffer;
    qint64 bufferOffset = 0; // file offset of buffer[0]
    bool skippingLongLine = false;
    std::optional<LogEntry> pending; // stderr: the entry its following lines may add to
    QString* openField = nullptr;    // where a tab-led continuation line goes

    // csv state: one record may run over lines
    QList<QByteArray> csvFields;
    QByteArray csvField;
    bool csvQuoted = false;
    bool csvAfterQuote = false;
    qint64 csvRecordOffset = -1;

    void stderrLine(const QString& line, qint64 offset, QList<LogEntry>& out) {
        if (line.startsWith(QLatin1Char('\t'))) {
            if (pending && openField)
                *openField += QLatin1Char('\n') + line.mid(1);
            return; // a continuation of an entry that began before what was read
        }
        const auto m = prefix.match(line);
        if (!m.hasMatch()) {
            if (line.trimmed().isEmpty())
                return;
            // Not written by the logging code (a library, a crashed child's last words): an entry of its own.
            finishEntry(out);
            LogEntry e;
            e.message = line;
            e.offset = offset;
            out << e;
            return;
        }
        const int labelAt = int(fields.size()) + 1;
        const QString label = englishLogLabel(m.captured(labelAt)); // "FEHLER" read as ERROR
        const QString text = m.captured(labelAt + 1);
        LogEntry e;
        e.offset = offset;
        for (qsizetype f = 0; f < fields.size(); ++f) {
            const QString value = m.captured(int(f) + 1).trimmed();
            switch (fields[f].toLatin1()) {
            case 'm':
            case 't':
            case 'n':
                e.timeText = value;
                e.time = parseTime(value, zone);
                break;
            case 'p':
                e.pid = value.toLongLong();
                break;
            case 'u':
                e.user = value;
                break;
            case 'd':
                e.database = value;
                break;
            case 'a':
                e.application = value;
                break;
            case 'r':
            case 'h':
                e.remote = value;
                break;
            case 'b':
                e.backendType = value;
                break;
            case 'e':
                e.sqlstate = errorState(value);
                break;
            default:
                break;
            }
        }
        if (LogEntry probe; fieldOf(probe, label)) { // DETAIL, HINT, …: a part of the entry before it
            if (pending && (e.pid == 0 || pending->pid == 0 || e.pid == pending->pid)) {
                QString* field = fieldOf(*pending, label);
                *field = text;
                openField = field;
            }
            return; // else the start of what was read, or another process's: nothing to add it to
        }
        finishEntry(out);
        e.severity = label;
        // The stderr format appends a cursor position to the message; csvlog and jsonlog keep it apart.
        static const QRegularExpression cursor(QStringLiteral(" at character \\d+$"));
        e.message = text;
        e.message.remove(cursor);
        pending = e;
        openField = &pending->message;
    }

    void finishEntry(QList<LogEntry>& out) {
        if (pending)
            out << *pending;
        pending.reset();
        openField = nullptr;
    }

    void jsonLine(const QByteArray& line, qint64 offset, QList<LogEntry>& out) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.isEmpty())
            return;
        LogEntry e;
        e.offset = offset;
        e.timeText = jsonString(o, "timestamp");
        e.time = parseTime(e.timeText, zone);
        e.pid = o.value(QLatin1String("pid")).toInteger();
        e.user = jsonString(o, "user");
        e.database = jsonString(o, "dbname");
        e.application = jsonString(o, "application_name");
        e.remote = jsonString(o, "remote_host");
        e.backendType = jsonString(o, "backend_type");
        e.severity = englishLogLabel(jsonString(o, "error_severity"));
        e.sqlstate = errorState(jsonString(o, "state_code"));
        e.message = jsonString(o, "message");
        e.detail = jsonString(o, "detail");
        e.hint = jsonString(o, "hint");
        e.context = jsonString(o, "context");
        e.statement = jsonString(o, "statement");
        e.internalQuery = jsonString(o, "internal_query");
        const QString function = jsonString(o, "func_name");
        if (!function.isEmpty())
            e.location = QStringLiteral("%1, %2:%3")
                             .arg(function, jsonString(o, "file_name"), jsonString(o, "file_line_num"));
        out << e;
    }

    void csvRecord(QList<LogEntry>& out) {
        const auto f = [this](int i) {
            return i < csvFields.size() ? QString::fromUtf8(csvFields[i]) : QString();
        };
        LogEntry e;
        e.offset = csvRecordOffset;
        e.timeText = f(0);
        e.time = parseTime(e.timeText, zone);
        e.user = f(1);
        e.database = f(2);
        e.pid = f(3).toLongLong();
        e.remote = f(4);
        e.severity = englishLogLabel(f(11));
        e.sqlstate = errorState(f(12));
        e.message = f(13);
        e.detail = f(14);
        e.hint = f(15);
        e.internalQuery = f(16);
        e.context = f(18);
        e.statement = f(19);
        e.location = f(21);
        e.application = f(22);
        e.backendType = f(23);
        if (csvFields.size() >= 12)
            out << e;
        csvFields.clear();
        csvRecordOffset = -1;
    }

    void csvBytes(const QByteArray& bytes, qint64 offset, QList<LogEntry>& out) {
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            const char c = bytes[i];
            if (csvRecordOffset < 0)
                csvRecordOffset = offset + i;
            if (csvQuoted) {
                if (c == '"') {
                    csvQuoted = false;
                    csvAfterQuote = true;
                } else if (csvField.size() < kMaxLine) {
                    csvField += c;
                }
                continue;
            }
            if (c == '"') {
                if (csvAfterQuote)
                    csvField += '"'; // "" inside a quoted field
                csvQuoted = true;
                csvAfterQuote = false;
            } else if (c == ',') {
                csvFields << csvField;
                csvField.clear();
                csvAfterQuote = false;
            } else if (c == '\n') {
                csvFields << csvField;
                csvField.clear();
                csvAfterQuote = false;
                csvRecord(out);
            } else if (c != '\r') {
                csvField += c;
                csvAfterQuote = false;
            }
        }
    }
};

LogParser::LogParser(LogFormat format, QString linePrefix, QTimeZone zone)
    : d(std::make_unique<Impl>()) {
    d->format = format;
    d->zone = std::move(zone);
    d->prefix = prefixExpression(linePrefix, d->fields);
}

LogParser::~LogParser() = default;
LogParser::LogParser(LogParser&&) noexcept = default;
LogParser& LogParser::operator=(LogParser&&) noexcept = default;

void LogParser::setStartOffset(qint64 offset) {
    d->bufferOffset = offset;
}

QList<LogEntry> LogParser::feed(const QByteArray& bytes) {
    QList<LogEntry> out;
    if (d->format == LogFormat::Csv) {
        d->csvBytes(bytes, d->bufferOffset, out);
        d->bufferOffset += bytes.size();
        return out;
    }
    d->buffer += bytes;
    qsizetype start = 0;
    for (;;) {
        qsizetype end = d->buffer.indexOf('\n', start);
        if (end < 0 && d->buffer.size() - start > kMaxLine)
            end = start + kMaxLine; // a line that never ends is cut, the rest of it skipped
        if (end < 0)
            break;
        const bool newline = d->buffer.at(end) == '\n';
        const bool skipped = std::exchange(d->skippingLongLine, !newline);
        QByteArray line = d->buffer.mid(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        const qint64 offset = d->bufferOffset + start;
        start = newline ? end + 1 : end;
        if (skipped)
            continue;
        if (d->format == LogFormat::Json)
            d->jsonLine(line, offset, out);
        else
            d->stderrLine(QString::fromUtf8(line), offset, out);
    }
    d->buffer.remove(0, start);
    d->bufferOffset += start;
    return out;
}

QList<LogEntry> LogParser::flush() {
    QList<LogEntry> out =
        feed(d->buffer.isEmpty() || d->buffer.endsWith('\n') ? QByteArray() : QByteArray("\n"));
    if (d->format == LogFormat::Stderr)
        d->finishEntry(out);
    if (d->format == LogFormat::Csv && (!d->csvFields.isEmpty() || !d->csvField.isEmpty())) {
        d->csvFields << d->csvField;
        d->csvField.clear();
        d->csvRecord(out);
    }
    return out;
}

QList<LogEntry> LogParser::takeComplete() {
    QList<LogEntry> out;
    if (d->format == LogFormat::Stderr && d->buffer.isEmpty())
        d->finishEntry(out);
    return out;
}

LogFormat formatOfFile(const QString& path) {
    if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        return LogFormat::Csv;
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return LogFormat::Json;
    return LogFormat::Stderr;
}

bool LogFilter::matches(const LogEntry& e) const {
    if (!minSeverity.isEmpty() && severityRank(e.severity) < severityRank(minSeverity))
        return false;
    if (errorsOnly && (severityRank(e.severity) < severityRank(QStringLiteral("ERROR")) ||
                       e.severity.compare(QLatin1String("LOG"), Qt::CaseInsensitive) == 0))
        return false;
    if (from.isValid() && (!e.time.isValid() || e.time < from))
        return false;
    if (until.isValid() && (!e.time.isValid() || e.time > until))
        return false;
    if (!database.isEmpty() && e.database != database)
        return false;
    if (!user.isEmpty() && e.user != user)
        return false;
    if (!sqlstate.isEmpty() && !e.sqlstate.startsWith(sqlstate, Qt::CaseInsensitive))
        return false;
    if (!text.isEmpty()) {
        const bool found =
            e.message.contains(text, Qt::CaseInsensitive) || e.detail.contains(text, Qt::CaseInsensitive) ||
            e.hint.contains(text, Qt::CaseInsensitive) || e.context.contains(text, Qt::CaseInsensitive) ||
            e.statement.contains(text, Qt::CaseInsensitive);
        if (!found)
            return false;
    }
    return true;
}

QList<LogErrorGroup> groupErrors(const QList<LogEntry>& entries) {
    static const QRegularExpression quoted(QStringLiteral("'(?:[^']|'')*'"));
    static const QRegularExpression number(QStringLiteral("\\b\\d+(?:\\.\\d+)?\\b"));
    QList<LogErrorGroup> groups;
    QHash<QString, qsizetype> index;
    const int error = severityRank(QStringLiteral("ERROR"));
    for (const LogEntry& e : entries) {
        const int rank = severityRank(e.severity);
        if (rank < error || e.severity == QLatin1String("LOG"))
            continue; // ERROR, FATAL, PANIC
        QString pattern = e.message;
        pattern.replace(quoted, QStringLiteral("'?'"));
        pattern.replace(number, QStringLiteral("N"));
        const QString key = e.severity + QLatin1Char('\x1f') + e.sqlstate + QLatin1Char('\x1f') + pattern;
        qsizetype at = index.value(key, -1);
        if (at < 0) {
            at = groups.size();
            index.insert(key, at);
            LogErrorGroup g;
            g.severity = e.severity;
            g.sqlstate = e.sqlstate;
            g.pattern = pattern;
            g.first = e.time;
            groups << g;
        }
        LogErrorGroup& g = groups[at];
        ++g.count;
        if (e.time.isValid() && (!g.first.isValid() || e.time < g.first))
            g.first = e.time;
        if (!g.last.isValid() || (e.time.isValid() && e.time >= g.last))
            g.last = e.time;
        g.example = e;
    }
    std::stable_sort(groups.begin(), groups.end(),
                     [](const LogErrorGroup& a, const LogErrorGroup& b) { return a.count > b.count; });
    return groups;
}

std::optional<DeadlockReport> deadlockOf(const LogEntry& entry) {
    if (entry.sqlstate != QLatin1String("40P01") && entry.message != QLatin1String("deadlock detected"))
        return std::nullopt;
    static const QRegularExpression wait(
        QStringLiteral("Process (\\d+) waits for (\\S+) on (.+?); blocked by process (\\d+)\\."));
    static const QRegularExpression statement(QStringLiteral("(?:^|\\n)Process (\\d+): "));
    DeadlockReport report;
    report.victim = entry.pid;
    report.time = entry.time;
    for (auto it = wait.globalMatch(entry.detail); it.hasNext();) {
        const auto m = it.next();
        report.waits << DeadlockWait{m.captured(1).toLongLong(), m.captured(4).toLongLong(), m.captured(2),
                                     m.captured(3)};
    }
    if (report.waits.isEmpty())
        return std::nullopt;
    // "Process 12: UPDATE …" up to the next "\nProcess N: ": a statement may span lines.
    QList<QRegularExpressionMatch> starts;
    for (auto it = statement.globalMatch(entry.detail); it.hasNext();)
        starts << it.next();
    for (qsizetype i = 0; i < starts.size(); ++i) {
        const qsizetype from = starts[i].capturedEnd(0);
        const qsizetype to = i + 1 < starts.size() ? starts[i + 1].capturedStart(0) : entry.detail.size();
        report.processes << DeadlockProcess{starts[i].captured(1).toLongLong(),
                                            entry.detail.mid(from, to - from)};
    }
    for (const DeadlockWait& w : std::as_const(report.waits))
        for (qint64 pid : {w.waiter, w.blocker})
            if (std::none_of(report.processes.cbegin(), report.processes.cend(),
                             [pid](const DeadlockProcess& p) { return p.pid == pid; }))
                report.processes << DeadlockProcess{pid, {}};
    return report;
}

QString deadlockDot(const DeadlockReport& report) {
    const auto quote = [](QString text) {
        text.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('"'), QLatin1String("\\\""));
        text.replace(QLatin1Char('\n'), QLatin1String("\\n")).replace(QLatin1Char('\r'), QString());
        return QLatin1Char('"') + text + QLatin1Char('"');
    };
    QString dot = QStringLiteral("digraph deadlock {\n  rankdir=LR;\n  node [shape=box];\n");
    for (const DeadlockProcess& p : report.processes) {
        QString label = QStringLiteral("process %1").arg(p.pid);
        if (p.pid == report.victim)
            label += QStringLiteral(" (cancelled)");
        if (!p.statement.isEmpty())
            label += QLatin1Char('\n') +
                     (p.statement.size() > 120 ? p.statement.left(119) + QChar(0x2026) : p.statement);
        dot += QStringLiteral("  p%1 [label=%2%3];\n")
                   .arg(p.pid)
                   .arg(quote(label), p.pid == report.victim ? QStringLiteral(", color=red") : QString());
    }
    for (const DeadlockWait& w : report.waits)
        dot += QStringLiteral("  p%1 -> p%2 [label=%3];\n")
                   .arg(w.waiter)
                   .arg(w.blocker)
                   .arg(quote(QStringLiteral("waits for %1 on %2").arg(w.lockMode, w.target)));
    return dot + QStringLiteral("}\n");
}

bool isAutoExplain(const LogEntry& entry) {
    static const QRegularExpression re(QStringLiteral("^duration: [\\d.]+ ms  plan:"));
    return entry.severity == QLatin1String("LOG") && re.match(entry.message).hasMatch();
}

} // namespace pgdesk::core
