// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/session/writeunlock.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdesk::core {

class Connection;

// Replication as the server reports it: who streams from it, the slots that hold WAL and VACUUM back,
// what it publishes and what it subscribes to. Each listing is one statement, so its figures describe one
// moment; LSNs and byte counts are computed on the server (pg_wal_lsn_diff), ages too (now() - …). Text is
// PostgreSQL's own; an empty text or -1 stands for NULL.

// This server's own place: a primary, or a standby replaying from its upstream.
struct RecoveryState {
    bool inRecovery = false;
    QString currentLsn;  // a primary's pg_current_wal_lsn(), a standby's last received (or replayed) LSN
    QString receivedLsn; // standby: pg_last_wal_receive_lsn()
    QString replayedLsn; // standby: pg_last_wal_replay_lsn()
    qint64 replayLagBytes = -1;     // standby: received − replayed
    qint64 replayDelaySeconds = -1; // standby: now() − the last replayed transaction's commit time
    QString upstreamHost; // standby: pg_stat_wal_receiver.sender_host (a socket folder or an address)
    int upstreamPort = -1;
    QString receiverStatus; // standby: "streaming", "catchup" …; empty when no WAL receiver runs
    QString receiverSlot;   // standby: the upstream slot it streams from
};

// A standby (or a logical subscriber's walsender) streaming from this server: pg_stat_replication.
struct StandbyInfo {
    int pid = 0;
    QString user;
    QString application;   // the standby's cluster_name or application_name ("walreceiver", a subscription)
    QString clientAddress; // empty for a unix socket
    QString state;         // "streaming", "catchup", "backup" …
    QString syncState;     // "async", "sync", "potential", "quorum"
    int syncPriority = 0;
    QString sentLsn, writeLsn, flushLsn, replayLsn;
    qint64 sendLagBytes = -1;   // current − sent
    qint64 replayLagBytes = -1; // current − replayed (what a failover would lose from a sync standby's view)
    double writeLagSeconds = -1, flushLagSeconds = -1, replayLagSeconds = -1; // NULL while idle
    QString slotName;     // the slot it streams through, if any
    bool logical = false; // a logical walsender (a subscription or pg_recvlogical), not a physical standby
};

// A replication slot: pg_replication_slots with what it costs.
struct ReplicationSlot {
    QString name;
    QString type;     // "physical" or "logical"
    QString plugin;   // logical: the output plugin
    QString database; // logical: its database
    bool temporary = false;
    bool active = false;
    int activePid = 0; // 0 when inactive
    QString restartLsn;
    QString confirmedFlushLsn; // logical
    qint64 retainedBytes = -1; // WAL kept for it: current LSN − restart_lsn; -1 when it holds none
    QString walStatus;         // "reserved", "extended", "unreserved", "lost"
    qint64 safeWalBytes =
        -1;              // safe_wal_size: bytes left before it is lost (-1 without max_slot_wal_keep_size)
    qint64 xminAge = -1; // age(xmin): transactions VACUUM may not clean up behind it
    qint64 catalogXminAge = -1; // age(catalog_xmin): the same for the system catalogs
    bool twoPhase = false;
    // Who uses it, from pg_stat_activity of the active pid (empty when inactive): the application and
    // client of the walsender, or the backend of a temporary slot.
    QString usedByApplication;
    QString usedByClient;
    QString usedByBackendType;
};

// A publication (PostgreSQL 15: tables, schemas, row filters and column lists).
struct PublishedTable {
    QString schema;
    QString name;
    QStringList columns; // the column list; empty = every column
    QString rowFilter;   // the WHERE of the row filter, as the server prints it; empty = every row
    bool listed = false; // named by the publication (FOR TABLE), not only through its schemas or ALL TABLES
    bool operator==(const PublishedTable&) const = default;
};

struct Publication {
    QString name;
    QString owner;
    bool allTables = false;
    bool insert = true, update = true, deletes = true, truncate = true;
    bool viaRoot = false;
    QStringList schemas;          // FOR TABLES IN SCHEMA
    QList<PublishedTable> tables; // every table it publishes (those of its schemas included)
    QString publishText() const;  // "insert, update, delete, truncate" as the publish option spells it
};

// A subscription of this server (pg_subscription of the current database) with its workers and tables.
struct SubscribedTable {
    QString schema;
    QString name;
    QChar state;               // pg_subscription_rel.srsubstate: i, d, f, s, r
    QString stateName() const; // "initialize", "data copy", "finished copy", "synchronized", "ready"
    QString lsn;               // srsublsn
};

struct Subscription {
    QString name;
    QString owner;
    bool enabled = false;
    QString slotName;
    QStringList publications;
    bool workerRunning = false; // an apply worker (pg_stat_subscription.pid) exists
    int workerPid = 0;
    QString receivedLsn;
    QString latestEndLsn;
    qint64 lastMessageSeconds = -1; // now() − last_msg_receipt_time: how long the upstream has been quiet
    qint64 applyErrors = 0;         // pg_stat_subscription_stats.apply_error_count
    qint64 syncErrors = 0;          // sync_error_count
    QList<SubscribedTable> tables;
};

// A slot that should worry someone, for the dashboard and the tree.
struct SlotAlert {
    QString slot;
    QString message; // "inactive slot "x" retains 1.2 GB of WAL", "slot "x" has lost WAL it needs" …
};

class ReplicationReader final {
public:
    explicit ReplicationReader(Connection& connection);

    RecoveryState recovery();
    QList<StandbyInfo> standbys();
    QList<ReplicationSlot> replicationSlots();
    QList<Publication> publications();
    QList<Subscription> subscriptions();

    // Drops the slot. Refused (Conflict) while a process uses it: the caller shows who (usedBy…) first. On
    // a production profile only with the guard's key (the server does not refuse it in a read-only
    // session, so the guard does). NotFound when there is no such slot.
    void dropSlot(const QString& name, const WriteAccess& write = {});

private:
    Connection& m_connection;
};

// Inactive slots retaining more than `retainedLimitBytes`, slots whose WAL is lost or unreserved, and slots
// whose xmin holds VACUUM back by more than `xminAgeLimit` transactions; in the slots' order.
QList<SlotAlert> slotAlerts(const QList<ReplicationSlot>& list, qint64 retainedLimitBytes,
                            qint64 xminAgeLimit = 100'000'000);

// "1.2 GB", "512 kB", "0 bytes": pg_size_pretty's units, one decimal from kB up.
QString sizeText(qint64 bytes);

} // namespace pgdesk::core
