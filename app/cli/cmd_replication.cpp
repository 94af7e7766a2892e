// SPDX-License-Identifier: GPL-3.0-or-later
// replication, slots, publications, subscriptions and changes: the server's replication (core/server).
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "output.h"
#include "tablelookup.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/server/changefeed.h>
#include <pgdesk/core/server/replication.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <chrono>

namespace pgdesk::cli {

namespace {

QJsonValue numberOrNull(qint64 value) {
    return value < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QJsonValue secondsOrNull(double value) {
    return value < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QString bytesOrBlank(qint64 bytes) {
    return bytes < 0 ? QString() : core::sizeText(bytes);
}

QString secondsOrBlank(double seconds) {
    return seconds < 0 ? QString() : QStringLiteral("%1 s").arg(seconds, 0, 'f', seconds < 10 ? 3 : 0);
}

QJsonArray stringArray(const QStringList& list) {
    QJsonArray a;
    for (const QString& s : list)
        a.append(s);
    return a;
}

QJsonObject standbyJson(const core::StandbyInfo& s) {
    return QJsonObject{
        {QStringLiteral("pid"), s.pid},
        {QStringLiteral("user"), s.user},
        {QStringLiteral("application_name"), s.application},
        {QStringLiteral("client_addr"), textOrNull(s.clientAddress)},
        {QStringLiteral("state"), s.state},
        {QStringLiteral("sync_state"), s.syncState},
        {QStringLiteral("sync_priority"), s.syncPriority},
        {QStringLiteral("sent_lsn"), textOrNull(s.sentLsn)},
        {QStringLiteral("write_lsn"), textOrNull(s.writeLsn)},
        {QStringLiteral("flush_lsn"), textOrNull(s.flushLsn)},
        {QStringLiteral("replay_lsn"), textOrNull(s.replayLsn)},
        {QStringLiteral("send_lag_bytes"), numberOrNull(s.sendLagBytes)},
        {QStringLiteral("replay_lag_bytes"), numberOrNull(s.replayLagBytes)},
        {QStringLiteral("write_lag_seconds"), secondsOrNull(s.writeLagSeconds)},
        {QStringLiteral("flush_lag_seconds"), secondsOrNull(s.flushLagSeconds)},
        {QStringLiteral("replay_lag_seconds"), secondsOrNull(s.replayLagSeconds)},
        {QStringLiteral("slot_name"), textOrNull(s.slotName)},
        {QStringLiteral("logical"), s.logical},
    };
}

QJsonObject slotJson(const core::ReplicationSlot& s) {
    return QJsonObject{
        {QStringLiteral("slot_name"), s.name},
        {QStringLiteral("slot_type"), s.type},
        {QStringLiteral("plugin"), textOrNull(s.plugin)},
        {QStringLiteral("database"), textOrNull(s.database)},
        {QStringLiteral("temporary"), s.temporary},
        {QStringLiteral("active"), s.active},
        {QStringLiteral("active_pid"), s.activePid ? QJsonValue(s.activePid) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("restart_lsn"), textOrNull(s.restartLsn)},
        {QStringLiteral("confirmed_flush_lsn"), textOrNull(s.confirmedFlushLsn)},
        {QStringLiteral("retained_bytes"), numberOrNull(s.retainedBytes)},
        {QStringLiteral("wal_status"), textOrNull(s.walStatus)},
        {QStringLiteral("safe_wal_size"), numberOrNull(s.safeWalBytes)},
        {QStringLiteral("xmin_age"), numberOrNull(s.xminAge)},
        {QStringLiteral("catalog_xmin_age"), numberOrNull(s.catalogXminAge)},
        {QStringLiteral("two_phase"), s.twoPhase},
        {QStringLiteral("used_by"),
         s.activePid ? QJsonValue(QJsonObject{{QStringLiteral("application_name"), s.usedByApplication},
                                              {QStringLiteral("client_addr"), textOrNull(s.usedByClient)},
                                              {QStringLiteral("backend_type"), s.usedByBackendType}})
                     : QJsonValue(QJsonValue::Null)},
    };
}

QJsonArray alertsJson(const QList<core::SlotAlert>& alerts) {
    QJsonArray a;
    for (const core::SlotAlert& alert : alerts)
        a.append(QJsonObject{{QStringLiteral("slot_name"), alert.slot},
                             {QStringLiteral("message"), alert.message}});
    return a;
}

QList<QStringList> slotRows(const QList<core::ReplicationSlot>& slotList) {
    QList<QStringList> rows;
    for (const core::ReplicationSlot& s : slotList) {
        QString usedBy;
        if (s.activePid)
            usedBy = QStringLiteral("PID %1 %2").arg(s.activePid).arg(s.usedByApplication).trimmed();
        rows << QStringList{s.name,
                            s.type + (s.temporary ? QStringLiteral(" (temporary)") : QString()),
                            s.plugin,
                            s.database,
                            s.active ? QStringLiteral("yes") : QStringLiteral("no"),
                            usedBy,
                            bytesOrBlank(s.retainedBytes),
                            s.walStatus,
                            s.xminAge < 0 ? QString() : QString::number(s.xminAge),
                            s.catalogXminAge < 0 ? QString() : QString::number(s.catalogXminAge)};
    }
    return rows;
}

const QStringList kSlotHeaders{QStringLiteral("slot"),         QStringLiteral("type"),
                               QStringLiteral("plugin"),       QStringLiteral("database"),
                               QStringLiteral("active"),       QStringLiteral("used by"),
                               QStringLiteral("WAL retained"), QStringLiteral("wal status"),
                               QStringLiteral("xmin age"),     QStringLiteral("catalog xmin age")};

void printAlerts(Invocation& inv, const QList<core::SlotAlert>& alerts) {
    for (const core::SlotAlert& alert : alerts)
        inv.err << "pgdesk-cli: warning: " << alert.message << '\n';
}

// --alert-retained MB: an inactive slot retaining more WAL than this is flagged (default 1024 MB).
qint64 parseAlertLimit(const QString& text) {
    bool ok = false;
    const qint64 mb = text.toLongLong(&ok);
    if (!ok || mb < 0)
        throw UsageError{QStringLiteral("--alert-retained wants megabytes (0 or more)")};
    return mb * 1024 * 1024;
}

constexpr qint64 kDefaultAlertBytes = 1024LL * 1024 * 1024;

} // namespace

// replication: this server's place (primary or standby and its upstream), its standbys and its slots.
int cmdReplication(Invocation& inv) {
    qint64 alertBytes = kDefaultAlertBytes;
    for (qsizetype i = 0; i < inv.args.size(); ++i) {
        if (inv.args[i] == QLatin1String("--alert-retained"))
            alertBytes = parseAlertLimit(optionValue(inv.args, i));
        else
            throw UsageError{QStringLiteral("replication takes only --alert-retained MB")};
    }
    const Format format = parseFormat(inv.global.format, {Format::Table, Format::Json});
    auto connection = connect(inv);
    core::ReplicationReader reader(connection);
    const core::RecoveryState recovery = reader.recovery();
    const QList<core::StandbyInfo> standbys = reader.standbys();
    const QList<core::ReplicationSlot> slotList = reader.replicationSlots();
    const QList<core::SlotAlert> alerts = core::slotAlerts(slotList, alertBytes);

    if (format == Format::Json) {
        QJsonArray standbyArray, slotArray;
        for (const auto& s : standbys)
            standbyArray.append(standbyJson(s));
        for (const auto& s : slotList)
            slotArray.append(slotJson(s));
        QJsonValue upstream(QJsonValue::Null);
        if (recovery.inRecovery)
            upstream = QJsonObject{
                {QStringLiteral("host"), textOrNull(recovery.upstreamHost)},
                {QStringLiteral("port"), numberOrNull(recovery.upstreamPort)},
                {QStringLiteral("status"), textOrNull(recovery.receiverStatus)},
                {QStringLiteral("slot_name"), textOrNull(recovery.receiverSlot)},
                {QStringLiteral("received_lsn"), textOrNull(recovery.receivedLsn)},
                {QStringLiteral("replayed_lsn"), textOrNull(recovery.replayedLsn)},
                {QStringLiteral("replay_lag_bytes"), numberOrNull(recovery.replayLagBytes)},
                {QStringLiteral("replay_delay_seconds"), numberOrNull(recovery.replayDelaySeconds)}};
        printJson(inv.out, QJsonObject{{QStringLiteral("in_recovery"), recovery.inRecovery},
                                       {QStringLiteral("current_lsn"), textOrNull(recovery.currentLsn)},
                                       {QStringLiteral("upstream"), upstream},
                                       {QStringLiteral("standbys"), standbyArray},
                                       {QStringLiteral("slots"), slotArray},
                                       {QStringLiteral("alerts"), alertsJson(alerts)}});
        return ExitOk;
    }
    if (recovery.inRecovery) {
        inv.out << "standby of " << recovery.upstreamHost
                << (recovery.upstreamPort > 0 ? QStringLiteral(":%1").arg(recovery.upstreamPort) : QString())
                << " ("
                << (recovery.receiverStatus.isEmpty() ? QStringLiteral("no WAL receiver")
                                                      : recovery.receiverStatus)
                << "), received " << recovery.receivedLsn << ", replayed " << recovery.replayedLsn;
        if (recovery.replayLagBytes >= 0)
            inv.out << ", " << core::sizeText(recovery.replayLagBytes) << " to replay";
        inv.out << '\n';
    } else {
        inv.out << "primary at " << recovery.currentLsn << '\n';
    }
    inv.out << "\nstandbys and walsenders:\n";
    QList<QStringList> rows;
    for (const auto& s : standbys)
        rows << QStringList{QString::number(s.pid),
                            s.application,
                            s.clientAddress.isEmpty() ? QStringLiteral("local") : s.clientAddress,
                            s.logical ? QStringLiteral("logical") : QStringLiteral("physical"),
                            s.state,
                            s.syncState,
                            s.slotName,
                            bytesOrBlank(s.replayLagBytes),
                            secondsOrBlank(s.replayLagSeconds)};
    printTable(inv.out,
               {QStringLiteral("pid"), QStringLiteral("application"), QStringLiteral("client"),
                QStringLiteral("kind"), QStringLiteral("state"), QStringLiteral("sync"),
                QStringLiteral("slot"), QStringLiteral("replay lag"), QStringLiteral("replay lag time")},
               rows);
    inv.out << "\nslots:\n";
    printTable(inv.out, kSlotHeaders, slotRows(slotList));
    printAlerts(inv, alerts);
    return ExitOk;
}

// slots [--alert-retained MB] | slots --drop NAME: the replication slots, what they retain and who uses them.
int cmdSlots(Invocation& inv) {
    qint64 alertBytes = kDefaultAlertBytes;
    QString drop;
    for (qsizetype i = 0; i < inv.args.size(); ++i) {
        if (inv.args[i] == QLatin1String("--alert-retained"))
            alertBytes = parseAlertLimit(optionValue(inv.args, i));
        else if (inv.args[i] == QLatin1String("--drop"))
            drop = optionValue(inv.args, i);
        else
            throw UsageError{QStringLiteral("slots takes --alert-retained MB or --drop NAME")};
    }
    const Format format = parseFormat(inv.global.format, {Format::Table, Format::Json});
    auto connection = connect(inv);
    core::ReplicationReader reader(connection);
    if (!drop.isEmpty()) {
        const core::WriteAccess access =
            writeAccess(inv, connection.profile(), QStringLiteral("slots --drop"));
        // What the slot is first, so the user sees what a standby or subscriber loses with it.
        for (const core::ReplicationSlot& s : reader.replicationSlots())
            if (s.name == drop)
                inv.err << "pgdesk-cli: dropping " << s.type << " slot \"" << s.name << '"'
                        << (s.plugin.isEmpty() ? QString()
                                               : QStringLiteral(" (%1 on %2)").arg(s.plugin, s.database))
                        << ", retaining " << bytesOrBlank(s.retainedBytes)
                        << ": whatever streamed from it must be set up again\n";
        reader.dropSlot(drop, access);
        inv.out << "dropped replication slot " << drop << '\n';
        return ExitOk;
    }
    const QList<core::ReplicationSlot> slotList = reader.replicationSlots();
    const QList<core::SlotAlert> alerts = core::slotAlerts(slotList, alertBytes);
    if (format == Format::Json) {
        QJsonArray slotArray;
        for (const auto& s : slotList)
            slotArray.append(slotJson(s));
        printJson(inv.out, QJsonObject{{QStringLiteral("slots"), slotArray},
                                       {QStringLiteral("alerts"), alertsJson(alerts)}});
        return ExitOk;
    }
    printTable(inv.out, kSlotHeaders, slotRows(slotList));
    printAlerts(inv, alerts);
    return ExitOk;
}

// publications: each publication with what it publishes, its tables with their column lists and row filters.
int cmdPublications(Invocation& inv) {
    if (!inv.args.isEmpty()) {
        const QString& verb = inv.args.first();
        if (verb == QLatin1String("create") || verb == QLatin1String("alter") ||
            verb == QLatin1String("drop"))
            return cmdPublicationChange(inv);
        throw UsageError{QStringLiteral("publications takes create, alter or drop, not \"%1\"").arg(verb)};
    }
    const Format format = parseFormat(inv.global.format, {Format::Table, Format::Json});
    auto connection = connect(inv);
    const QList<core::Publication> pubs = core::ReplicationReader(connection).publications();
    if (format == Format::Json) {
        QJsonArray array;
        for (const core::Publication& p : pubs) {
            QJsonArray tables;
            for (const core::PublishedTable& t : p.tables)
                tables.append(QJsonObject{
                    {QStringLiteral("schema"), t.schema},
                    {QStringLiteral("name"), t.name},
                    {QStringLiteral("columns"),
                     t.columns.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(stringArray(t.columns))},
                    {QStringLiteral("row_filter"), textOrNull(t.rowFilter)}});
            array.append(
                QJsonObject{{QStringLiteral("name"), p.name},
                            {QStringLiteral("owner"), p.owner},
                            {QStringLiteral("all_tables"), p.allTables},
                            {QStringLiteral("publish"),
                             stringArray(p.publishText().split(QStringLiteral(", "), Qt::SkipEmptyParts))},
                            {QStringLiteral("via_root"), p.viaRoot},
                            {QStringLiteral("schemas"), stringArray(p.schemas)},
                            {QStringLiteral("tables"), tables}});
        }
        printJson(inv.out, QJsonObject{{QStringLiteral("publications"), array}});
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const core::Publication& p : pubs) {
        const QString what =
            p.allTables
                ? QStringLiteral("all tables")
                : (p.schemas.isEmpty() ? QString()
                                       : QStringLiteral("schemas ") + p.schemas.join(QStringLiteral(", ")));
        if (p.tables.isEmpty())
            rows << QStringList{p.name, p.publishText(), what, QString(), QString(), QString()};
        for (const core::PublishedTable& t : p.tables)
            rows << QStringList{p.name,
                                p.publishText(),
                                what,
                                t.schema + QLatin1Char('.') + t.name,
                                t.columns.join(QStringLiteral(", ")),
                                t.rowFilter};
    }
    printTable(inv.out,
               {QStringLiteral("publication"), QStringLiteral("publish"), QStringLiteral("for"),
                QStringLiteral("table"), QStringLiteral("columns"), QStringLiteral("row filter")},
               rows);
    return ExitOk;
}

// subscriptions: this database's subscriptions, their apply worker, errors and the state of each table.
int cmdSubscriptions(Invocation& inv) {
    if (!inv.args.isEmpty()) {
        static const QStringList verbs{QStringLiteral("create"),  QStringLiteral("enable"),
                                       QStringLiteral("disable"), QStringLiteral("refresh"),
                                       QStringLiteral("skip"),    QStringLiteral("drop")};
        if (verbs.contains(inv.args.first()))
            return cmdSubscriptionChange(inv);
        throw UsageError{
            QStringLiteral("subscriptions takes create, enable, disable, refresh, skip or drop, not \"%1\"")
                .arg(inv.args.first())};
    }
    const Format format = parseFormat(inv.global.format, {Format::Table, Format::Json});
    auto connection = connect(inv);
    const QList<core::Subscription> subs = core::ReplicationReader(connection).subscriptions();
    if (format == Format::Json) {
        QJsonArray array;
        for (const core::Subscription& s : subs) {
            QJsonArray tables;
            for (const core::SubscribedTable& t : s.tables)
                tables.append(QJsonObject{{QStringLiteral("schema"), t.schema},
                                          {QStringLiteral("name"), t.name},
                                          {QStringLiteral("state"), QString(t.state)},
                                          {QStringLiteral("state_name"), t.stateName()},
                                          {QStringLiteral("lsn"), textOrNull(t.lsn)}});
            array.append(
                QJsonObject{{QStringLiteral("name"), s.name},
                            {QStringLiteral("owner"), s.owner},
                            {QStringLiteral("enabled"), s.enabled},
                            {QStringLiteral("slot_name"), textOrNull(s.slotName)},
                            {QStringLiteral("publications"), stringArray(s.publications)},
                            {QStringLiteral("worker_pid"),
                             s.workerRunning ? QJsonValue(s.workerPid) : QJsonValue(QJsonValue::Null)},
                            {QStringLiteral("received_lsn"), textOrNull(s.receivedLsn)},
                            {QStringLiteral("latest_end_lsn"), textOrNull(s.latestEndLsn)},
                            {QStringLiteral("last_message_seconds"), numberOrNull(s.lastMessageSeconds)},
                            {QStringLiteral("apply_error_count"), s.applyErrors},
                            {QStringLiteral("sync_error_count"), s.syncErrors},
                            {QStringLiteral("tables"), tables}});
        }
        printJson(inv.out, QJsonObject{{QStringLiteral("subscriptions"), array}});
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const core::Subscription& s : subs) {
        const QString worker = !s.enabled        ? QStringLiteral("disabled")
                               : s.workerRunning ? QStringLiteral("PID %1").arg(s.workerPid)
                                                 : QStringLiteral("not running");
        const QString errors = QStringLiteral("%1 apply, %2 sync").arg(s.applyErrors).arg(s.syncErrors);
        if (s.tables.isEmpty())
            rows << QStringList{
                s.name, s.publications.join(QStringLiteral(", ")), worker, errors, QString(), QString()};
        for (const core::SubscribedTable& t : s.tables)
            rows << QStringList{s.name, s.publications.join(QStringLiteral(", ")), worker,
                                errors, t.schema + QLatin1Char('.') + t.name,      t.stateName()};
    }
    printTable(inv.out,
               {QStringLiteral("subscription"), QStringLiteral("publications"), QStringLiteral("worker"),
                QStringLiteral("errors"), QStringLiteral("table"), QStringLiteral("state")},
               rows);
    for (const core::Subscription& s : subs)
        if (s.applyErrors + s.syncErrors > 0)
            inv.err << "pgdesk-cli: warning: subscription " << s.name << " has failed "
                    << s.applyErrors + s.syncErrors << " time(s); the server log has each error\n";
    return ExitOk;
}

namespace {

// `old` of a key-only tuple holds the key columns alone; `new` leaves out unchanged TOASTed columns.
QJsonValue valuesJson(const core::RowChange& c, bool old) {
    const QList<std::optional<QString>>& values = old ? c.oldValues : c.newValues;
    if (values.isEmpty())
        return QJsonValue(QJsonValue::Null);
    QJsonObject o;
    for (qsizetype i = 0; i < values.size() && i < c.columns.size(); ++i) {
        if (old ? (c.oldKeyOnly && !c.keyColumns.value(i)) : c.unchanged.contains(int(i)))
            continue;
        o.insert(c.columns[i], values[i] ? QJsonValue(*values[i]) : QJsonValue(QJsonValue::Null));
    }
    return o;
}

} // namespace

// changes TABLE… [--count N] [--timeout S]: every committed INSERT, UPDATE, DELETE and TRUNCATE of the tables
// as NDJSON, from a temporary logical slot that the server drops when this process ends.
int cmdChanges(Invocation& inv) {
    QStringList names;
    qint64 count = -1;
    double timeout = -1;
    for (qsizetype i = 0; i < inv.args.size(); ++i) {
        const QString& arg = inv.args[i];
        if (arg == QLatin1String("--count")) {
            bool ok = false;
            count = optionValue(inv.args, i).toLongLong(&ok);
            if (!ok || count < 1)
                throw UsageError{QStringLiteral("--count wants a whole number of at least 1")};
        } else if (arg == QLatin1String("--timeout")) {
            bool ok = false;
            timeout = optionValue(inv.args, i).toDouble(&ok);
            if (!ok || timeout < 0)
                throw UsageError{QStringLiteral("--timeout wants seconds (0 or more)")};
        } else if (arg.startsWith(QLatin1String("--"))) {
            throw UsageError{QStringLiteral("changes: unknown option %1").arg(arg)};
        } else {
            names << arg;
        }
    }
    if (names.isEmpty())
        throw UsageError{QStringLiteral("changes takes one or more TABLE names")};
    auto connection = connect(inv);
    QList<core::FeedTable> tables;
    for (const QString& name : std::as_const(names)) {
        const core::TableInfo info = readTable(connection, name, false);
        tables << core::FeedTable{info.schema, info.name};
    }
    // The feed's publication is a catalog write: a production profile needs --allow-write (exit 9).
    const core::WriteAccess access = writeAccess(inv, connection.profile(), QStringLiteral("changes"));
    core::ChangeFeed feed(connection, tables);
    feed.start(access);
    inv.err << "pgdesk-cli: reading changes from slot " << feed.slotName() << '\n';
    for (const QString& table : feed.insertOnlyTables())
        inv.err << "pgdesk-cli: note: " << table
                << " has no replica identity (no primary key): its inserts "
                   "and truncates are shown, its updates and deletes cannot be\n";
    inv.err.flush();
    using Clock = std::chrono::steady_clock;
    const auto deadline = timeout < 0 ? Clock::time_point::max()
                                      : Clock::now() + std::chrono::milliseconds(qint64(timeout * 1000));
    qint64 printed = 0;
    while ((count < 0 || printed < count) && Clock::now() < deadline) {
        const QList<core::RowChange> changes = feed.poll();
        for (const core::RowChange& c : changes) {
            QJsonArray unchanged;
            for (int i : c.unchanged)
                unchanged.append(c.columns.value(i));
            QJsonObject line{{QStringLiteral("lsn"), c.lsn},
                             {QStringLiteral("xid"), qint64(c.xid)},
                             {QStringLiteral("commit_time"), c.commitTime},
                             {QStringLiteral("schema"), c.schema},
                             {QStringLiteral("table"), c.table},
                             {QStringLiteral("op"), c.kindName()},
                             {QStringLiteral("old"), valuesJson(c, true)},
                             {QStringLiteral("new"), valuesJson(c, false)}};
            if (!unchanged.isEmpty())
                line.insert(QStringLiteral("unchanged"), unchanged);
            inv.out << QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact)) << '\n';
            if (++printed == count)
                break;
        }
        inv.out.flush();
        if (changes.isEmpty())
            QThread::msleep(100);
    }
    feed.stop();
    return ExitOk;
}

} // namespace pgdesk::cli
