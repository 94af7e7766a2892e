// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog/catalog.h>

#include <QList>
#include <QString>

namespace pgdesk::core {

class Connection;

// The disk space of one table, partitioned table or materialized view, measured exactly (the
// pg_*_size functions stat the files). The parts add up: totalBytes = tableBytes + toastBytes + indexesBytes.
// A partitioned table's are the sums over its leaf partitions (which are listed on their own too).
struct RelationSize {
    QString schema;
    QString name;
    RelationKind kind = RelationKind::Table;
    qint64 tableBytes = 0;     // pg_table_size without TOAST: the main fork, free space and visibility maps
    qint64 toastBytes = 0;     // pg_total_relation_size(reltoastrelid): the TOAST table and its index
    qint64 indexesBytes = 0;   // pg_indexes_size
    qint64 totalBytes = 0;     // pg_total_relation_size
    double estimatedRows = -1; // reltuples (summed over partitions); -1 when never analyzed

    QString qualifiedName() const { return schema + QLatin1Char('.') + name; }
};

// Reads sizes in one statement, under CatalogReader's short lock_timeout (measuring a relation waits for
// a lock another session's uncommitted DDL holds on it). The CLI's `sizes` and the Largest relations tab.
class SizeReader final {
public:
    explicit SizeReader(Connection& connection);

    // The largest relations of `schema` (every user schema when empty), largest first, at most `limit`
    // (all when limit <= 0). Throws NotFound for a schema that does not exist.
    QList<RelationSize> largestRelations(const QString& schema, int limit);

private:
    Connection& m_connection;
};

} // namespace pgdesk::core
