// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "output.h"

#include <pgdesk/core/admin/activityreader.h>
#include <pgdesk/core/base/errors.h>

#include <QJsonArray>
#include <QJsonObject>

namespace pgdesk::cli {

namespace {

QJsonValue secondsOrNull(qint64 seconds) {
    return seconds < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(seconds);
}

// "42 s", "3 min 5 s", "2 h 10 min", "3 d 4 h": an age read at a glance; JSON keeps the seconds.
QString age(qint64 seconds) {
    if (seconds < 0)
        return {};
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds);
    if (seconds < 3600)
        return QStringLiteral("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    if (seconds < 86400)
        return QStringLiteral("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    return QStringLiteral("%1 d %2 h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

QString pids(const QList<int>& list) {
    QStringList parts;
    for (int pid : list)
        parts << QString::number(pid);
    return parts.join(QStringLiteral(", "));
}

QJsonObject sessionJson(const core::BackendActivity& s) {
    QJsonArray blockedBy;
    for (int pid : s.blockedBy)
        blockedBy.append(pid);
    return QJsonObject{
        {QStringLiteral("pid"), s.pid},
        {QStringLiteral("user"), textOrNull(s.user)},
        {QStringLiteral("database"), textOrNull(s.database)},
        {QStringLiteral("application_name"), s.application},
        {QStringLiteral("client_addr"), textOrNull(s.clientAddress)},
        {QStringLiteral("client_port"),
         s.clientPort < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(s.clientPort)},
        {QStringLiteral("backend_type"), s.backendType},
        {QStringLiteral("state"), textOrNull(s.state)},
        {QStringLiteral("wait_event_type"), textOrNull(s.waitEventType)},
        {QStringLiteral("wait_event"), textOrNull(s.waitEvent)},
        {QStringLiteral("query"), s.query},
        {QStringLiteral("backend_start"), textOrNull(s.backendStart)},
        {QStringLiteral("xact_start"), textOrNull(s.transactionStart)},
        {QStringLiteral("query_start"), textOrNull(s.queryStart)},
        {QStringLiteral("state_change"), textOrNull(s.stateChange)},
        {QStringLiteral("backend_seconds"), secondsOrNull(s.backendSeconds)},
        {QStringLiteral("xact_seconds"), secondsOrNull(s.transactionSeconds)},
        {QStringLiteral("query_seconds"), secondsOrNull(s.querySeconds)},
        {QStringLiteral("state_seconds"), secondsOrNull(s.stateSeconds)},
        {QStringLiteral("blocked_by"), blockedBy},
        {QStringLiteral("lock_mode"), textOrNull(s.waitingLockMode)},
        {QStringLiteral("lock_type"), textOrNull(s.waitingLockType)},
        {QStringLiteral("blocks_others"), s.blocksOthers},
    };
}

void notePooler(Invocation& inv, const core::ActivityReader& reader) {
    if (reader.throughPooler())
        inv.err << "pgdesk-cli: note: connected through a transaction pooler: these are the server's "
                   "backends (the pooler's server connections), not the pooler's client sessions\n";
}

int parsePid(Invocation& inv, const QString& command) {
    bool ok = false;
    const int pid = inv.args.size() == 1 ? inv.args.first().toInt(&ok) : 0;
    if (!ok || pid <= 0)
        throw UsageError{
            QStringLiteral("%1 takes one PID (a server process id, see pgdesk-cli activity)").arg(command)};
    return pid;
}

} // namespace

// activity [--blocking]: the server's processes from pg_stat_activity, with who blocks whom.
int cmdActivity(Invocation& inv) {
    bool blockingOnly = false;
    for (const QString& arg : std::as_const(inv.args)) {
        if (arg == QLatin1String("--blocking"))
            blockingOnly = true;
        else
            throw UsageError{QStringLiteral("activity takes only --blocking")};
    }
    const Format format = parseFormat(inv.global.format, {Format::Table, Format::Json});
    auto connection = connect(inv);
    core::ActivityReader reader(connection);
    QList<core::BackendActivity> sessions = reader.sessions();
    if (blockingOnly)
        sessions = core::lockInvolved(sessions);
    notePooler(inv, reader);

    if (format == Format::Json) {
        JsonArrayPrinter array(inv.out, QStringLiteral("sessions"));
        for (const auto& s : std::as_const(sessions))
            array.append(sessionJson(s));
        array.finish();
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const auto& s : std::as_const(sessions)) {
        QString query = s.query.simplified();
        if (query.size() > 60)
            query = query.left(60) + QChar(0x2026);
        const QString wait =
            s.waitEventType.isEmpty() ? QString() : s.waitEventType + QLatin1Char(':') + s.waitEvent;
        const QString client = s.clientAddress.isEmpty()
                                   ? (s.clientPort == -1 && s.backendType == QLatin1String("client backend")
                                          ? QStringLiteral("local")
                                          : QString())
                                   : s.clientAddress;
        rows << QStringList{QString::number(s.pid),
                            s.user,
                            s.database,
                            s.application,
                            client,
                            s.state.isEmpty() ? s.backendType : s.state,
                            wait,
                            age(s.transactionSeconds),
                            pids(s.blockedBy),
                            s.waitingLockMode,
                            query};
    }
    printTable(inv.out,
               {QStringLiteral("pid"), QStringLiteral("user"), QStringLiteral("database"),
                QStringLiteral("application"), QStringLiteral("client"), QStringLiteral("state"),
                QStringLiteral("wait"), QStringLiteral("xact age"), QStringLiteral("blocked by"),
                QStringLiteral("lock"), QStringLiteral("query")},
               rows);
    return ExitOk;
}

// cancel PID / terminate PID: pg_cancel_backend / pg_terminate_backend. No such process is exit 6, a role
// that may not signal it exit 4 (42501).
int cmdSignalBackend(Invocation& inv, bool terminate) {
    const QString command = terminate ? QStringLiteral("terminate") : QStringLiteral("cancel");
    const int pid = parsePid(inv, command);
    auto connection = connect(inv);
    // A signal to another session is refused on a production profile without --allow-write (exit 9).
    const core::WriteAccess access = writeAccess(inv, connection.profile(), command);
    core::ActivityReader reader(connection);
    notePooler(inv, reader);
    const bool sent = terminate ? reader.terminateBackend(pid, access) : reader.cancelBackend(pid, access);
    if (!sent)
        core::throwError(core::ErrorKind::NotFound,
                         QStringLiteral("PID %1 is not a PostgreSQL server process").arg(pid));
    inv.out << (terminate ? "terminated" : "cancel requested for") << " PID " << pid << '\n';
    return ExitOk;
}

int cmdCancel(Invocation& inv) {
    return cmdSignalBackend(inv, false);
}

int cmdTerminate(Invocation& inv) {
    return cmdSignalBackend(inv, true);
}

} // namespace pgdesk::cli
