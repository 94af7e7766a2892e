// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/profiles/connectionprofile.h>
#include <pgdesk/core/schema/tabledesign.h>
#include <pgdesk/core/server/replication.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdesk::core {

// Publications written as the designer writes a table: pure statements (names quoted, row filters checked to
// be one balanced fragment), staged, previewed with their locks and applied by SchemaApplier in one
// transaction under lock_timeout. Adding or dropping a table takes SHARE UPDATE EXCLUSIVE on it (and on its
// partitions), which waits behind a long transaction on it but blocks no read or write.

// CREATE PUBLICATION for `p`: FOR ALL TABLES, or its listed tables (column lists, row filters) and its
// schemas (TABLES IN SCHEMA), WITH its publish options. ConfigurationError for one that cannot be written.
QList<DesignStatement> createPublicationStatements(const Publication& p);

// What makes `before` (as the server has it) into `after`: the tables dropped, those whose column list or
// row filter changed dropped and added again, those added, the schemas, the options, the owner, the name
// last. FOR ALL TABLES cannot be switched by ALTER (ConfigurationError: drop and create instead).
QList<DesignStatement> alterPublicationStatements(const Publication& before, const Publication& after);

// DROP PUBLICATION: destructive (its subscribers stop receiving changes), so applied only once confirmed.
QList<DesignStatement> dropPublicationStatements(const QString& name);

// A subscription to create. The password is kept apart from the connection string: it goes into the
// statement sent and nowhere else; every shown and logged form of the statement masks it
// (maskStatementSecrets). The server keeps it in pg_subscription.subconninfo, which only superusers read;
// a publisher reached through the subscriber server's own ~/.pgpass needs none.
struct NewSubscription {
    QString name;
    QString connection; // the publisher as the subscriber's server reaches it: "host=… dbname=… user=…"
    std::optional<QString> password;
    QStringList publications;
    bool enabled = true;
    bool copyData = true;   // the tables' existing rows are copied first
    bool createSlot = true; // false: the slot already exists on the publisher (slotName)
    QString slotName;       // empty: the subscription's name
    bool binary = false;
    bool streaming = false; // large transactions streamed while in progress
    bool twoPhase = false;
    bool disableOnError = false;
    QString synchronousCommit; // empty: the server's default (off)
};

// CREATE SUBSCRIPTION: outside a transaction when it creates the slot on the publisher (as PostgreSQL
// requires), else a step of the one transaction. ConfigurationError for a missing name, connection or
// publication, a password written into the connection string (it belongs in `password`, where it is kept
// out of what is shown), or a synchronous_commit PostgreSQL does not know.
QList<DesignStatement> createSubscriptionStatements(const NewSubscription& subscription);

// The connection string a subscriber's server uses to reach the publisher of `profile`: its host, port,
// database, user and sslmode, nothing that names a file on this machine (certificates, a service file) and no
// password (NewSubscription::password carries it).
QString publisherConnection(const ConnectionProfile& profile);

// What can be done to an existing subscription from here.
enum class SubscriptionAction {
    Enable,  // ALTER SUBSCRIPTION … ENABLE: its apply worker starts
    Disable, // … DISABLE: the worker stops; the publisher's slot keeps its WAL meanwhile
    Refresh, // … REFRESH PUBLICATION: tables added to the publication since are synchronised (copy_data)
    Skip,    // … SKIP (lsn = …): the failing remote transaction that ends at `lsn` is skipped
    Drop,    // DROP SUBSCRIPTION: also drops its slot on the publisher (destructive: confirmed first)
};

// The statement of `action`: REFRESH and DROP talk to the publisher and may not run in a transaction block
// (Phase::Outside). `lsn` for Skip ("0/14C0378": ConfigurationError when it is not an LSN); `copyData` for
// Refresh (false: the new tables start empty and receive only new changes).
QList<DesignStatement> subscriptionStatements(const QString& name, SubscriptionAction action,
                                              const QString& lsn = {}, bool copyData = true);

// "schema.table [(column, …)] [WHERE (expression)]": a table of a publication as the CLI takes it; unquoted
// names folded to lower case, a name without a schema left without one (the caller resolves it).
PublishedTable publishedTableFromText(const QString& text);

} // namespace pgdesk::core
