// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The server's tablespaces and the database's event triggers: listed with their CREATE scripts; a table
// moved to another tablespace (a rewrite under ACCESS EXCLUSIVE, which the lock analysis names first).
#include <pgdesk/core/session/writeunlock.h>

#include <QList>
#include <QString>
#include <QStringList>

namespace pgdesk::core {

class Connection;

struct TablespaceInfo {
    QString name;
    QString owner;
    QString location; // empty for pg_default and pg_global (the data directory)
    qint64 bytes =
        -1; // -1: this role may not ask (pg_tablespace_size needs CREATE on it or pg_read_all_stats)
    QStringList options; // seq_page_cost=1.1, …
    QString comment;
    qint64 relations = 0; // tables, indexes and materialized views of this database in it
    bool operator==(const TablespaceInfo&) const = default;
};

struct EventTriggerInfo {
    QString name;
    QString event; // ddl_command_start, ddl_command_end, sql_drop, table_rewrite
    QString owner;
    QString function; // schema-qualified and quoted: SQL
    QChar enabled;    // O origin and local, D disabled, R replica, A always
    QStringList tags; // WHEN TAG IN (…); empty: every command
    QString comment;
    bool operator==(const EventTriggerInfo&) const = default;
};

class TablespaceReader final {
public:
    explicit TablespaceReader(Connection& connection)
        : m_connection(connection) {}
    // Every tablespace of the server, by name, in one statement.
    QList<TablespaceInfo> tablespaces();
    // This database's event triggers, by name.
    QList<EventTriggerInfo> eventTriggers();

private:
    Connection& m_connection;
};

// CREATE TABLESPACE (LOCATION, OWNER, WITH options) and its COMMENT; pg_default and pg_global are the
// cluster's own: a comment saying so. Names quoted, the location and comment as literals.
QString tablespaceScript(const TablespaceInfo& tablespace);
// CREATE EVENT TRIGGER … ON event [WHEN TAG IN (…)] EXECUTE FUNCTION …(), the ALTER … ENABLE that is not
// the default, and its COMMENT.
QString eventTriggerScript(const EventTriggerInfo& trigger);
// ALTER TABLE schema.table SET TABLESPACE tablespace (LockAnalyzer says what it locks and rewrites).
QString moveTableSql(const QString& schema, const QString& table, const QString& tablespace);

} // namespace pgdesk::core
