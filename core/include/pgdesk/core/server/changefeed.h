// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/session/writeunlock.h>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdesk::core {

class Connection;

// One committed row change as logical decoding gives it. Values are PostgreSQL's exact output text
// (std::nullopt for NULL). `oldValues` is what the table's replica identity gives: the key columns of a
// DELETE, and of an UPDATE that changed the key (DEFAULT), every column (FULL), nothing (NOTHING); empty when
// not given. A column in `unchanged` is an unchanged TOASTed value the server did not send (its value in
// newValues is nullopt, which does not mean NULL).
struct RowChange {
    enum class Kind { Insert, Update, Delete, Truncate };
    Kind kind = Kind::Insert;
    QString lsn;        // the change's WAL position
    quint32 xid = 0;    // its transaction
    QString commitTime; // the transaction's commit time, ISO 8601 UTC with microseconds
    QString schema;
    QString table; // for a TRUNCATE, one RowChange per table
    QStringList columns;
    QList<bool> keyColumns; // per column: part of the replica identity
    QList<std::optional<QString>> oldValues;
    bool oldKeyOnly = false; // oldValues holds the key columns only (the others are nullopt, not NULL)
    QList<std::optional<QString>> newValues;
    QList<int> unchanged;

    QString kindName() const; // "insert", "update", "delete", "truncate"
};

// The pgoutput protocol (version 1, text values) as pg_logical_slot_get_binary_changes returns it: one
// message a row. Keeps the relations the stream announced; a message that is cut short or names a relation
// it never announced is a Data error (nothing is guessed).
class PgOutputDecoder final {
public:
    // Decodes one message; appends the row changes it carries (none for BEGIN, COMMIT, RELATION …).
    // `lsn` is the row's lsn column. Changes get the transaction's xid and commit time at its COMMIT, so
    // they are held until then: take() returns those of committed transactions only.
    void decode(const QByteArray& message, const QString& lsn);
    QList<RowChange> take();

private:
    struct Relation {
        QString schema, name;
        QStringList columns;
        QList<bool> key;
    };
    QHash<quint32, Relation> m_relations;
    QList<RowChange> m_open; // changes of the transaction being decoded
    QList<RowChange> m_done;
    quint32 m_xid = 0;
};

// test_decoding's text output (with include-xids and include-timestamp) as pg_logical_slot_get_changes
// returns it, one line a row: `BEGIN xid`, `table s.t: INSERT: col[type]:value …`, `COMMIT xid (at time)`.
// The feed's way when the role may not create a publication. Names come quoted as quote_identifier writes
// them, values as test_decoding prints them (numbers and booleans bare, the rest in single quotes with ''
// inside, `null`, `unchanged-toast-datum`). Key columns are known only where an old key is printed. Changes
// are held until their COMMIT, whose time (the session in UTC) they get; a line it cannot read is a Data
// error.
class TestDecodingDecoder final {
public:
    void decode(const QString& line, const QString& lsn);
    QList<RowChange> take();

private:
    QList<RowChange> m_open;
    QList<RowChange> m_done;
    quint32 m_xid = 0;
};

// What a feed reads: the tables (schema-qualified, as the user picked them).
struct FeedTable {
    QString schema;
    QString name;
};

// A live feed of committed changes to some tables, from a temporary logical replication slot (pgoutput)
// and a publication of those tables, both named pgdesk_feed_<backend pid>. A table without a replica
// identity (no primary key, REPLICA IDENTITY NOTHING) goes into a second publication, pgdesk_feedi_<pid>,
// that publishes inserts and truncates only: published for updates, the server would refuse the
// application's UPDATE and DELETE on it. Its updates and deletes are not seen (insertOnlyTables()). A role
// that may not create a publication (no CREATE on the database) reads through test_decoding instead, which
// needs none: every change is seen, old rows as far as the replica identity gives them (plugin()). The slot
// belongs to the session: the server drops it when the connection ends however it ends (a killed PgDesk
// included), so a paused or forgotten feed never holds WAL past its connection. The publication is dropped by
// stop(); one a killed process left behind is dropped by the next feed started on that server (its pid is
// gone). The connection is the feed's own and must not be used by anything else while the feed runs.
class ChangeFeed final {
public:
    ChangeFeed(Connection& connection, QList<FeedTable> tables);
    ~ChangeFeed(); // stop(), errors swallowed
    ChangeFeed(const ChangeFeed&) = delete;
    ChangeFeed& operator=(const ChangeFeed&) = delete;

    // Checks wal_level (Configuration error naming the setting when it is not logical), creates the
    // publication and the slot. Changes committed from then on are seen. The publication is a catalog write:
    // on a production profile it needs the guard's key (`write`), or the guard's refusal is thrown.
    void start(const WriteAccess& write = {});
    // The changes committed since the last poll, at most about `maxChanges` messages (a transaction is never
    // split, so one large transaction comes whole), in commit order.
    QList<RowChange> poll(int maxChanges = 10000);
    // Drops the slot and the publication; the feed can be started again.
    void stop();

    bool isRunning() const { return !m_slot.isEmpty(); }
    // "schema.name" of the tables whose updates and deletes the feed cannot see (no replica identity).
    const QStringList& insertOnlyTables() const { return m_insertOnly; }
    // The output plugin the slot decodes with: "pgoutput", or "test_decoding" for a role that may not create
    // a publication (its old rows come only as far as test_decoding prints them).
    QString plugin() const {
        return m_textPlugin ? QStringLiteral("test_decoding") : QStringLiteral("pgoutput");
    }
    const QString& slotName() const { return m_slot; }

private:
    Connection& m_connection;
    QList<FeedTable> m_tables;
    WriteAccess m_write;
    QString m_slot;
    QString m_publications; // the publication_names option: one or both of them
    QStringList m_insertOnly;
    PgOutputDecoder m_decoder;
    // No publication could be made (the role lacks CREATE on the database): test_decoding, every change of
    // the database decoded and those of the feed's tables kept.
    bool m_textPlugin = false;
    TestDecodingDecoder m_textDecoder;
};

} // namespace pgdesk::core
