// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/server/replication.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>
#include <pgdesk/core/session/writeguard.h>

#include <QHash>

#include <algorithm>
#include <tuple>

namespace pgdesk::core {

namespace {

// The server's WAL position: a standby has no pg_current_wal_lsn() (it errors during recovery), so there the
// last received LSN stands in (replayed when nothing was received, as after a restore from archive).
const char* const kCurrentLsn =
    "(CASE WHEN pg_is_in_recovery() THEN coalesce(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()) "
    "ELSE pg_current_wal_lsn() END)";

qint64 integerOr(const Result& r, int row, int column, qint64 fallback = -1) {
    return r.isNull(row, column) ? fallback : r.text(row, column).toLongLong();
}

double secondsOr(const Result& r, int row, int column) {
    return r.isNull(row, column) ? -1.0 : r.text(row, column).toDouble();
}

bool flag(const Result& r, int row, int column) {
    return r.text(row, column) == QLatin1String("t");
}

// text[] as PostgreSQL prints it for plain names ({a,b,"c d"}): the names, quotes removed.
QStringList nameArray(const QString& text) {
    QStringList out;
    if (text.size() < 2)
        return out;
    QString current;
    bool quoted = false, any = false;
    for (qsizetype i = 1; i < text.size() - 1; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('\\') && i + 1 < text.size() - 1)
                current += text.at(++i);
            else if (c == QLatin1Char('"'))
                quoted = false;
            else
                current += c;
        } else if (c == QLatin1Char('"')) {
            quoted = any = true;
        } else if (c == QLatin1Char(',')) {
            out << current;
            current.clear();
            any = false;
        } else {
            current += c;
            any = true;
        }
    }
    if (any || !current.isEmpty())
        out << current;
    return out;
}

} // namespace

QString Publication::publishText() const {
    QStringList parts;
    if (insert)
        parts << QStringLiteral("insert");
    if (update)
        parts << QStringLiteral("update");
    if (deletes)
        parts << QStringLiteral("delete");
    if (truncate)
        parts << QStringLiteral("truncate");
    return parts.join(QStringLiteral(", "));
}

QString SubscribedTable::stateName() const {
    switch (state.unicode()) {
    case 'i':
        return QStringLiteral("initialize");
    case 'd':
        return QStringLiteral("data copy");
    case 'f':
        return QStringLiteral("finished copy");
    case 's':
        return QStringLiteral("synchronized");
    case 'r':
        return QStringLiteral("ready");
    default:
        return QString(state);
    }
}

ReplicationReader::ReplicationReader(Connection& connection)
    : m_connection(connection) {
}

RecoveryState ReplicationReader::recovery() {
    const Result r = m_connection.exec(
        QStringLiteral("SELECT pg_is_in_recovery(), %1, pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn(), "
                       "pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::bigint, "
                       "CASE WHEN pg_is_in_recovery() THEN "
                       "floor(extract(epoch FROM now() - pg_last_xact_replay_timestamp()))::bigint END, "
                       "w.sender_host, w.sender_port, w.status, w.slot_name "
                       "FROM (SELECT 1) one LEFT JOIN pg_stat_wal_receiver w ON true")
            .arg(QLatin1String(kCurrentLsn)),
        {});
    RecoveryState s;
    if (r.rowCount() == 0)
        return s;
    s.inRecovery = flag(r, 0, 0);
    s.currentLsn = r.text(0, 1);
    s.receivedLsn = r.text(0, 2);
    s.replayedLsn = r.text(0, 3);
    s.replayLagBytes = integerOr(r, 0, 4);
    s.replayDelaySeconds = integerOr(r, 0, 5);
    s.upstreamHost = r.text(0, 6);
    s.upstreamPort = static_cast<int>(integerOr(r, 0, 7));
    s.receiverStatus = r.text(0, 8);
    s.receiverSlot = r.text(0, 9);
    return s;
}

QList<StandbyInfo> ReplicationReader::standbys() {
    const Result r = m_connection.exec(
        QStringLiteral(
            "SELECT s.pid, coalesce(s.usename::text, ''), coalesce(s.application_name, ''), "
            "coalesce(host(s.client_addr), ''), coalesce(s.state, ''), coalesce(s.sync_state, ''), "
            "coalesce(s.sync_priority, 0), s.sent_lsn, s.write_lsn, s.flush_lsn, s.replay_lsn, "
            "pg_wal_lsn_diff(%1, s.sent_lsn)::bigint, pg_wal_lsn_diff(%1, s.replay_lsn)::bigint, "
            "extract(epoch FROM s.write_lag), extract(epoch FROM s.flush_lag), extract(epoch FROM "
            "s.replay_lag), "
            "coalesce(sl.slot_name::text, ''), coalesce(sl.slot_type = 'logical', false) "
            "FROM pg_stat_replication s LEFT JOIN pg_replication_slots sl ON sl.active_pid = s.pid "
            "ORDER BY s.application_name, s.pid")
            .arg(QLatin1String(kCurrentLsn)),
        {});
    QList<StandbyInfo> out;
    for (int row = 0; row < r.rowCount(); ++row) {
        StandbyInfo s;
        s.pid = r.text(row, 0).toInt();
        s.user = r.text(row, 1);
        s.application = r.text(row, 2);
        s.clientAddress = r.text(row, 3);
        s.state = r.text(row, 4);
        s.syncState = r.text(row, 5);
        s.syncPriority = r.text(row, 6).toInt();
        s.sentLsn = r.text(row, 7);
        s.writeLsn = r.text(row, 8);
        s.flushLsn = r.text(row, 9);
        s.replayLsn = r.text(row, 10);
        s.sendLagBytes = integerOr(r, row, 11);
        s.replayLagBytes = integerOr(r, row, 12);
        s.writeLagSeconds = secondsOr(r, row, 13);
        s.flushLagSeconds = secondsOr(r, row, 14);
        s.replayLagSeconds = secondsOr(r, row, 15);
        s.slotName = r.text(row, 16);
        s.logical = flag(r, row, 17);
        out << s;
    }
    return out;
}

QList<ReplicationSlot> ReplicationReader::replicationSlots() {
    const Result r = m_connection.exec(
        QStringLiteral(
            "SELECT s.slot_name, s.slot_type, coalesce(s.plugin::text, ''), coalesce(s.database::text, ''), "
            "s.temporary, s.active, coalesce(s.active_pid, 0), s.restart_lsn, s.confirmed_flush_lsn, "
            "pg_wal_lsn_diff(%1, s.restart_lsn)::bigint, coalesce(s.wal_status, ''), s.safe_wal_size, "
            "age(s.xmin), age(s.catalog_xmin), s.two_phase, "
            "coalesce(a.application_name, ''), coalesce(host(a.client_addr), ''), coalesce(a.backend_type, "
            "'') "
            "FROM pg_replication_slots s LEFT JOIN pg_stat_activity a ON a.pid = s.active_pid "
            "ORDER BY s.slot_name")
            .arg(QLatin1String(kCurrentLsn)),
        {});
    QList<ReplicationSlot> out;
    for (int row = 0; row < r.rowCount(); ++row) {
        ReplicationSlot s;
        s.name = r.text(row, 0);
        s.type = r.text(row, 1);
        s.plugin = r.text(row, 2);
        s.database = r.text(row, 3);
        s.temporary = flag(r, row, 4);
        s.active = flag(r, row, 5);
        s.activePid = r.text(row, 6).toInt();
        s.restartLsn = r.text(row, 7);
        s.confirmedFlushLsn = r.text(row, 8);
        s.retainedBytes = integerOr(r, row, 9);
        s.walStatus = r.text(row, 10);
        s.safeWalBytes = integerOr(r, row, 11);
        s.xminAge = integerOr(r, row, 12);
        s.catalogXminAge = integerOr(r, row, 13);
        s.twoPhase = flag(r, row, 14);
        s.usedByApplication = r.text(row, 15);
        s.usedByClient = r.text(row, 16);
        s.usedByBackendType = r.text(row, 17);
        out << s;
    }
    return out;
}

QList<Publication> ReplicationReader::publications() {
    const Result pubs = m_connection.exec(
        QStringLiteral(
            "SELECT p.pubname, pg_get_userbyid(p.pubowner), p.puballtables, p.pubinsert, p.pubupdate, "
            "p.pubdelete, p.pubtruncate, p.pubviaroot, "
            "coalesce((SELECT array_agg(n.nspname::text ORDER BY n.nspname) "
            "FROM pg_publication_namespace pn JOIN pg_namespace n ON n.oid = pn.pnnspid "
            "WHERE pn.pnpubid = p.oid), '{}') "
            "FROM pg_publication p ORDER BY p.pubname"),
        {});
    QList<Publication> out;
    QHash<QString, qsizetype> index;
    for (int row = 0; row < pubs.rowCount(); ++row) {
        Publication p;
        p.name = pubs.text(row, 0);
        p.owner = pubs.text(row, 1);
        p.allTables = flag(pubs, row, 2);
        p.insert = flag(pubs, row, 3);
        p.update = flag(pubs, row, 4);
        p.deletes = flag(pubs, row, 5);
        p.truncate = flag(pubs, row, 6);
        p.viaRoot = flag(pubs, row, 7);
        p.schemas = nameArray(pubs.text(row, 8));
        index.insert(p.name, out.size());
        out << p;
    }
    if (out.isEmpty())
        return out;
    // pg_publication_tables (15) names each table once per publication, with its column list and row filter;
    // a publication FOR ALL TABLES lists every table there too.
    const Result tables = m_connection.exec(
        QStringLiteral("SELECT pubname, schemaname, tablename, coalesce(array_to_string(attnames, ','), ''), "
                       "coalesce(rowfilter, ''), attnames IS NULL "
                       "FROM pg_publication_tables ORDER BY pubname, schemaname, tablename"),
        {});
    for (int row = 0; row < tables.rowCount(); ++row) {
        const auto it = index.constFind(tables.text(row, 0));
        if (it == index.constEnd())
            continue;
        PublishedTable t;
        t.schema = tables.text(row, 1);
        t.name = tables.text(row, 2);
        t.rowFilter = tables.text(row, 4);
        out[*it].tables << t;
    }
    // The tables it names, with their column lists (attnames lists every column when there is no list, so
    // the catalog is asked directly). A partitioned table it names is not in pg_publication_tables unless it
    // publishes via the root (its partitions are): it is added here.
    const Result lists = m_connection.exec(
        QStringLiteral("SELECT p.pubname, n.nspname, c.relname, "
                       "(SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(pr.prattrs::int2[]) "
                       "WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = pr.prrelid AND "
                       "a.attnum = k.attnum), coalesce(pg_get_expr(pr.prqual, pr.prrelid), '') "
                       "FROM pg_publication_rel pr JOIN pg_publication p ON p.oid = pr.prpubid "
                       "JOIN pg_class c ON c.oid = pr.prrelid JOIN pg_namespace n ON n.oid = c.relnamespace"),
        {});
    for (int row = 0; row < lists.rowCount(); ++row) {
        const auto it = index.constFind(lists.text(row, 0));
        if (it == index.constEnd())
            continue;
        QList<PublishedTable>& tables = out[*it].tables;
        auto t = std::find_if(tables.begin(), tables.end(), [&](const PublishedTable& t) {
            return t.schema == lists.text(row, 1) && t.name == lists.text(row, 2);
        });
        if (t == tables.end()) {
            PublishedTable named;
            named.schema = lists.text(row, 1);
            named.name = lists.text(row, 2);
            named.rowFilter = lists.text(row, 4);
            tables << named;
            t = tables.end() - 1;
        }
        t->listed = true;
        if (!lists.isNull(row, 3))
            t->columns = nameArray(lists.text(row, 3));
    }
    for (Publication& p : out)
        std::sort(p.tables.begin(), p.tables.end(), [](const PublishedTable& a, const PublishedTable& b) {
            return std::tie(a.schema, a.name) < std::tie(b.schema, b.name);
        });
    return out;
}

QList<Subscription> ReplicationReader::subscriptions() {
    // pg_subscription is shared by the cluster; its table states (pg_subscription_rel) belong to the
    // subscription's own database, so only that database's subscriptions are listed. subconninfo is left out:
    // it may hold a password, and only superusers may read it.
    const Result subs = m_connection.exec(
        QStringLiteral(
            "SELECT s.subname, pg_get_userbyid(s.subowner), s.subenabled, coalesce(s.subslotname::text, ''), "
            "array_to_string(s.subpublications, ','), w.pid, coalesce(w.received_lsn::text, ''), "
            "coalesce(w.latest_end_lsn::text, ''), "
            "floor(extract(epoch FROM now() - w.last_msg_receipt_time))::bigint, "
            "coalesce(st.apply_error_count, 0), coalesce(st.sync_error_count, 0), s.oid "
            "FROM pg_subscription s "
            "LEFT JOIN pg_stat_subscription w ON w.subid = s.oid AND w.relid IS NULL "
            "LEFT JOIN pg_stat_subscription_stats st ON st.subid = s.oid "
            "WHERE s.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            "ORDER BY s.subname"),
        {});
    QList<Subscription> out;
    QHash<QString, qsizetype> index;
    for (int row = 0; row < subs.rowCount(); ++row) {
        Subscription s;
        s.name = subs.text(row, 0);
        s.owner = subs.text(row, 1);
        s.enabled = flag(subs, row, 2);
        s.slotName = subs.text(row, 3);
        s.publications = subs.text(row, 4).split(QLatin1Char(','), Qt::SkipEmptyParts);
        s.workerRunning = !subs.isNull(row, 5);
        s.workerPid = subs.text(row, 5).toInt();
        s.receivedLsn = subs.text(row, 6);
        s.latestEndLsn = subs.text(row, 7);
        s.lastMessageSeconds = integerOr(subs, row, 8);
        s.applyErrors = integerOr(subs, row, 9, 0);
        s.syncErrors = integerOr(subs, row, 10, 0);
        index.insert(subs.text(row, 11), out.size());
        out << s;
    }
    if (out.isEmpty())
        return out;
    const Result tables = m_connection.exec(
        QStringLiteral("SELECT r.srsubid, n.nspname, c.relname, r.srsubstate, coalesce(r.srsublsn::text, '') "
                       "FROM pg_subscription_rel r JOIN pg_class c ON c.oid = r.srrelid "
                       "JOIN pg_namespace n ON n.oid = c.relnamespace ORDER BY n.nspname, c.relname"),
        {});
    for (int row = 0; row < tables.rowCount(); ++row) {
        const auto it = index.constFind(tables.text(row, 0));
        if (it == index.constEnd())
            continue;
        SubscribedTable t;
        t.schema = tables.text(row, 1);
        t.name = tables.text(row, 2);
        const QString state = tables.text(row, 3);
        t.state = state.isEmpty() ? QChar() : state.at(0);
        t.lsn = tables.text(row, 4);
        out[*it].tables << t;
    }
    return out;
}

void ReplicationReader::dropSlot(const QString& name, const WriteAccess& write) {
    if (m_connection.profile().writeGuarded() && !write && !m_connection.writesUnlocked())
        throwWriteGuarded(m_connection.profile(),
                          QStringLiteral("dropping replication slot \"%1\"").arg(name));
    const Result r = m_connection.exec(
        QStringLiteral("SELECT active_pid FROM pg_replication_slots WHERE slot_name = $1"), {param(name)});
    if (r.rowCount() == 0)
        throwError(ErrorKind::NotFound, QStringLiteral("there is no replication slot \"%1\"").arg(name));
    if (!r.isNull(0, 0))
        throwError(
            ErrorKind::Conflict,
            QStringLiteral("replication slot \"%1\" is in use by PID %2: stop what streams from it first")
                .arg(name, r.text(0, 0)));
    m_connection.exec(QStringLiteral("SELECT pg_drop_replication_slot($1)"), {param(name)});
}

QList<SlotAlert> slotAlerts(const QList<ReplicationSlot>& list, qint64 retainedLimitBytes,
                            qint64 xminAgeLimit) {
    QList<SlotAlert> out;
    for (const ReplicationSlot& s : list) {
        if (s.walStatus == QLatin1String("lost"))
            out << SlotAlert{s.name,
                             QStringLiteral("slot \"%1\" has lost WAL it needs: what streams from it must "
                                            "be set up again")
                                 .arg(s.name)};
        else if (!s.active && s.retainedBytes > retainedLimitBytes)
            out << SlotAlert{s.name, QStringLiteral("inactive slot \"%1\" retains %2 of WAL")
                                         .arg(s.name, sizeText(s.retainedBytes))};
        else if (s.walStatus == QLatin1String("unreserved"))
            out << SlotAlert{s.name, QStringLiteral("slot \"%1\" is about to lose WAL it needs (%2 left)")
                                         .arg(s.name, sizeText(qMax<qint64>(s.safeWalBytes, 0)))};
        else if (std::max(s.xminAge, s.catalogXminAge) > xminAgeLimit)
            out << SlotAlert{s.name, QStringLiteral("slot \"%1\" holds VACUUM back by %2 transactions")
                                         .arg(s.name)
                                         .arg(std::max(s.xminAge, s.catalogXminAge))};
    }
    return out;
}

QString sizeText(qint64 bytes) {
    if (bytes < 1024)
        return bytes == 1 ? QStringLiteral("1 byte") : QStringLiteral("%1 bytes").arg(bytes);
    static const char* const units[] = {"kB", "MB", "GB", "TB", "PB"};
    double value = static_cast<double>(bytes) / 1024.0;
    int unit = 0;
    while (value >= 1024.0 && unit < 4) {
        value /= 1024.0;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(value, 0, 'f', 1).arg(QLatin1String(units[unit]));
}

} // namespace pgdesk::core
