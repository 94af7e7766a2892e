// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace pgdesk::core {

class Connection;

// One database of the server, as the object tree's top level and the CLI's `databases` show it.
struct DatabaseInfo {
    QString name;
    QString owner;
    QString encoding;
    QString comment;       // COMMENT ON DATABASE, empty when none
    qint64 sizeBytes = -1; // pg_database_size; -1 when the server would not tell
    bool isTemplate = false;

    bool operator==(const DatabaseInfo&) const = default;
};

// The databases the connected role may open: datallowconn and CONNECT privilege (a database it may not
// connect to would only fail when expanded). Templates only when asked. Name order, byte-wise as the
// server sorts "C". One round trip. Without their sizes (sizeBytes -1) when Skip: pg_database_size stats
// every file of each database (130 ms for one of 40,000 relations); databaseSizes() has them by name.
enum class DatabaseSizes { Read, Skip };
QList<DatabaseInfo> listDatabases(Connection& connection, bool includeTemplates = false,
                                  DatabaseSizes sizes = DatabaseSizes::Read);
QHash<QString, qint64> databaseSizes(Connection& connection, bool includeTemplates = false);

} // namespace pgdesk::core
