// SPDX-License-Identifier: GPL-3.0-or-later
// log: the server's log (core/server/serverlog.h), through the connection or from a file, filtered; its
// errors grouped, its deadlocks as who waited for whom, its auto_explain plans analysed.
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "output.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/plan/plan.h>
#include <pgdesk/core/server/serverlog.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QThread>

#include <chrono>
#include <limits>

namespace pgdesk::cli {

namespace {

enum class LogView { Entries, Grouped, Deadlocks, Plans };

// "2026-11-28 10:00", ISO 8601 with a zone, or an age: 30s, 10m, 2h, 1d.
QDateTime parseWhen(const QString& text, const char* option) {
    static const QRegularExpression age(QStringLiteral("^(\\d+)([smhd])$"));
    if (const auto m = age.match(text); m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const qint64 unit = m.captured(2) == QLatin1String("s")   ? 1
                            : m.captured(2) == QLatin1String("m") ? 60
                            : m.captured(2) == QLatin1String("h") ? 3600
                                                                  : 86400;
        return QDateTime::currentDateTimeUtc().addSecs(-n * unit);
    }
    for (const QString& format : {QStringLiteral("yyyy-MM-dd HH:mm:ss"), QStringLiteral("yyyy-MM-dd HH:mm"),
                                  QStringLiteral("yyyy-MM-dd")}) {
        const QDateTime t = QDateTime::fromString(text, format);
        if (t.isValid())
            return t; // local time, as a user types it
    }
    const QDateTime iso = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (iso.isValid())
        return iso;
    throw UsageError{
        QStringLiteral("%1 wants a time (2026-11-28 10:00, ISO 8601) or an age (30s, 10m, 2h, 1d)")
            .arg(QLatin1String(option))};
}

QString timeOf(const core::LogEntry& e) {
    return e.time.isValid() ? e.time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonObject entryJson(const core::LogEntry& e) {
    return QJsonObject{{QStringLiteral("time"), textOrNull(timeOf(e))},
                       {QStringLiteral("pid"), e.pid ? QJsonValue(e.pid) : QJsonValue()},
                       {QStringLiteral("user"), textOrNull(e.user)},
                       {QStringLiteral("database"), textOrNull(e.database)},
                       {QStringLiteral("application"), textOrNull(e.application)},
                       {QStringLiteral("severity"), textOrNull(e.severity)},
                       {QStringLiteral("sqlstate"), textOrNull(e.sqlstate)},
                       {QStringLiteral("message"), e.message},
                       {QStringLiteral("detail"), textOrNull(e.detail)},
                       {QStringLiteral("hint"), textOrNull(e.hint)},
                       {QStringLiteral("context"), textOrNull(e.context)},
                       {QStringLiteral("statement"), textOrNull(e.statement)}};
}

// A labelled block under an entry, as core::logEntryText() indents DETAIL and the others.
QString indented(const QString& label, const QString& text) {
    QString body = text;
    body.replace(QLatin1Char('\n'), QStringLiteral("\n    "));
    return QStringLiteral("  %1: %2\n").arg(label, body);
}

QJsonObject deadlockJson(const core::DeadlockReport& r) {
    QJsonArray waits, processes;
    for (const core::DeadlockWait& w : r.waits)
        waits.append(QJsonObject{{QStringLiteral("waiter"), w.waiter},
                                 {QStringLiteral("blocker"), w.blocker},
                                 {QStringLiteral("lock_mode"), w.lockMode},
                                 {QStringLiteral("target"), w.target}});
    for (const core::DeadlockProcess& p : r.processes)
        processes.append(QJsonObject{{QStringLiteral("pid"), p.pid},
                                     {QStringLiteral("statement"), textOrNull(p.statement)}});
    return QJsonObject{
        {QStringLiteral("time"),
         textOrNull(r.time.isValid() ? r.time.toUTC().toString(Qt::ISODateWithMs) : QString())},
        {QStringLiteral("cancelled_pid"), r.victim},
        {QStringLiteral("waits"), waits},
        {QStringLiteral("processes"), processes}};
}

QString deadlockText(const core::DeadlockReport& r) {
    QString text =
        QStringLiteral("deadlock at %1; process %2 was cancelled\n")
            .arg(r.time.isValid() ? r.time.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("?"))
            .arg(r.victim);
    for (const core::DeadlockWait& w : r.waits)
        text += QStringLiteral("  %1 waits for %2 on %3, held by %4\n")
                    .arg(w.waiter)
                    .arg(w.lockMode, w.target)
                    .arg(w.blocker);
    for (const core::DeadlockProcess& p : r.processes)
        if (!p.statement.isEmpty())
            text += indented(QString::number(p.pid), p.statement);
    return text;
}

class Printer {
public:
    Printer(Invocation& inv, LogView view, Format format, bool dot)
        : m_inv(inv)
        , m_view(view)
        , m_format(format)
        , m_dot(dot) {}

    void add(const QList<core::LogEntry>& entries, const core::LogFilter& filter) {
        for (const core::LogEntry& e : entries) {
            if (!filter.matches(e))
                continue;
            switch (m_view) {
            case LogView::Entries:
                if (m_format == Format::Json)
                    line(QJsonDocument(entryJson(e)).toJson(QJsonDocument::Compact));
                else
                    m_inv.out << core::logEntryText(e);
                break;
            case LogView::Grouped:
                m_kept << e;
                break;
            case LogView::Deadlocks:
                if (const auto report = core::deadlockOf(e)) {
                    if (m_dot)
                        m_inv.out << core::deadlockDot(*report);
                    else if (m_format == Format::Json)
                        line(QJsonDocument(deadlockJson(*report)).toJson(QJsonDocument::Compact));
                    else
                        m_inv.out << deadlockText(*report);
                }
                break;
            case LogView::Plans:
                if (core::isAutoExplain(e))
                    plan(e);
                break;
            }
        }
        m_inv.out.flush();
    }

    void finish() {
        if (m_view != LogView::Grouped)
            return;
        const QList<core::LogErrorGroup> groups = core::groupErrors(m_kept);
        if (m_format == Format::Json) {
            QJsonArray array;
            for (const core::LogErrorGroup& g : groups)
                array.append(QJsonObject{
                    {QStringLiteral("count"), g.count},
                    {QStringLiteral("severity"), g.severity},
                    {QStringLiteral("sqlstate"), textOrNull(g.sqlstate)},
                    {QStringLiteral("pattern"), g.pattern},
                    {QStringLiteral("first"),
                     textOrNull(g.first.isValid() ? g.first.toUTC().toString(Qt::ISODateWithMs) : QString())},
                    {QStringLiteral("last"),
                     textOrNull(g.last.isValid() ? g.last.toUTC().toString(Qt::ISODateWithMs) : QString())},
                    {QStringLiteral("example"), entryJson(g.example)}});
            printJson(m_inv.out, array);
            return;
        }
        QList<QStringList> rows;
        for (const core::LogErrorGroup& g : groups)
            rows << QStringList{QString::number(g.count), g.severity, g.sqlstate,
                                g.last.isValid() ? g.last.toUTC().toString(Qt::ISODate) : QString(),
                                g.pattern};
        printTable(m_inv.out,
                   {QStringLiteral("count"), QStringLiteral("severity"), QStringLiteral("sqlstate"),
                    QStringLiteral("last"), QStringLiteral("message")},
                   rows);
    }

private:
    void line(const QByteArray& json) { m_inv.out << QString::fromUtf8(json) << '\n'; }

    void plan(const core::LogEntry& e) {
        try {
            const core::Plan p = core::parsePlan(e.message.toUtf8());
            if (m_format == Format::Json) {
                QJsonObject o{{QStringLiteral("time"), textOrNull(timeOf(e))},
                              {QStringLiteral("pid"), e.pid},
                              {QStringLiteral("query"), textOrNull(p.queryText)},
                              {QStringLiteral("plan"), core::planToJson(p)}};
                line(QJsonDocument(o).toJson(QJsonDocument::Compact));
            } else {
                m_inv.out << QStringLiteral("plan at %1 [%2]\n").arg(e.timeText).arg(e.pid);
                if (!p.queryText.isEmpty())
                    m_inv.out << indented(QStringLiteral("Query"), p.queryText);
                m_inv.out << core::planToText(p) << '\n';
            }
        } catch (const core::ConfigurationError& error) {
            m_inv.err << "pgdesk-cli: note: a plan at " << e.timeText
                      << " could not be read: " << error.message() << '\n';
        }
    }

    Invocation& m_inv;
    LogView m_view;
    Format m_format;
    bool m_dot;
    QList<core::LogEntry> m_kept;
};

} // namespace

int cmdLog(Invocation& inv) {
    QString file, linePrefix = QStringLiteral("%m [%p] ");
    core::LogFilter filter;
    LogView view = LogView::Entries;
    bool follow = false, dot = false;
    double timeout = -1;
    qint64 backlog = 4 << 20;
    const auto setView = [&view](LogView v) {
        if (view != LogView::Entries)
            throw UsageError{QStringLiteral("log takes one of --grouped, --deadlocks, --plans")};
        view = v;
    };
    for (qsizetype i = 0; i < inv.args.size(); ++i) {
        const QString& arg = inv.args[i];
        if (arg == QLatin1String("--file")) {
            file = optionValue(inv.args, i);
        } else if (arg == QLatin1String("--line-prefix")) {
            linePrefix = optionValue(inv.args, i);
        } else if (arg == QLatin1String("--since")) {
            filter.from = parseWhen(optionValue(inv.args, i), "--since");
        } else if (arg == QLatin1String("--until")) {
            filter.until = parseWhen(optionValue(inv.args, i), "--until");
        } else if (arg == QLatin1String("--min-severity")) {
            filter.minSeverity = optionValue(inv.args, i).toUpper();
            if (core::severityRank(filter.minSeverity) < 0)
                throw UsageError{
                    QStringLiteral("--min-severity wants DEBUG5 … DEBUG1, INFO, NOTICE, WARNING, ERROR, "
                                   "LOG, FATAL or PANIC")};
        } else if (arg == QLatin1String("--errors")) {
            filter.errorsOnly = true;
        } else if (arg == QLatin1String("--database")) {
            filter.database = optionValue(inv.args, i);
        } else if (arg == QLatin1String("--user")) {
            filter.user = optionValue(inv.args, i);
        } else if (arg == QLatin1String("--sqlstate")) {
            filter.sqlstate = optionValue(inv.args, i).toUpper();
        } else if (arg == QLatin1String("--grep")) {
            filter.text = optionValue(inv.args, i);
        } else if (arg == QLatin1String("--backlog")) {
            const QString value = optionValue(inv.args, i);
            bool ok = false;
            const double megabytes = value.toDouble(&ok);
            if (value == QLatin1String("all"))
                backlog = std::numeric_limits<qint64>::max();
            else if (ok && megabytes >= 0)
                backlog = megabytes >= 8e12 ? std::numeric_limits<qint64>::max() // past any file: all of it
                                            : qint64(megabytes * (1 << 20));
            else
                throw UsageError{QStringLiteral("--backlog wants megabytes (0 or more) or all")};
        } else if (arg == QLatin1String("--follow")) {
            follow = true;
        } else if (arg == QLatin1String("--timeout")) {
            bool ok = false;
            timeout = optionValue(inv.args, i).toDouble(&ok);
            if (!ok || timeout < 0)
                throw UsageError{QStringLiteral("--timeout wants seconds (0 or more)")};
        } else if (arg == QLatin1String("--grouped")) {
            setView(LogView::Grouped);
        } else if (arg == QLatin1String("--deadlocks")) {
            setView(LogView::Deadlocks);
        } else if (arg == QLatin1String("--plans")) {
            setView(LogView::Plans);
        } else if (arg == QLatin1String("--dot")) {
            dot = true;
        } else {
            throw UsageError{QStringLiteral("log: unknown option %1").arg(arg)};
        }
    }
    if (dot && view != LogView::Deadlocks)
        throw UsageError{QStringLiteral("--dot goes with --deadlocks")};
    if (follow && view == LogView::Grouped)
        throw UsageError{QStringLiteral("--grouped counts what was read: it does not go with --follow")};
    const Format format = parseFormat(inv.global.format, {Format::Table, Format::Json});
    std::optional<core::Connection> connection;
    std::optional<core::LogTail> tail;
    if (file.isEmpty()) {
        connection.emplace(connect(inv));
        tail.emplace(core::LogTail::ofServer(*connection, backlog));
        inv.err << "pgdesk-cli: reading the server's log " << tail->path() << '\n';
        inv.err.flush();
    } else {
        tail.emplace(core::LogTail::ofFile(file, backlog, linePrefix));
    }
    Printer printer(inv, view, format, dot);
    using Clock = std::chrono::steady_clock;
    const auto deadline = timeout < 0 ? Clock::time_point::max()
                                      : Clock::now() + std::chrono::milliseconds(qint64(timeout * 1000));
    // What is in the file now, then (--follow) what is added.
    for (;;) {
        const QList<core::LogEntry> entries = tail->poll();
        printer.add(entries, filter);
        if (!tail->atEnd())
            continue;
        if (!follow || Clock::now() >= deadline)
            break;
        QThread::msleep(500);
    }
    printer.add(tail->finish(), filter);
    printer.finish();
    return ExitOk;
}

} // namespace pgdesk::cli
