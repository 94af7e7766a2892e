// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/editing/changeset.h>

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>

namespace pgdesk::core {

class Connection;

struct DataCompareSpec {
    QString sourceSchema; // empty: the search path
    QString sourceTable;
    QString targetSchema;
    QString targetTable;
    int fetchRows = 10000; // rows a side reads at a time (memory: two such batches and the changes)
};

struct DataCompareResult {
    QStringList key;     // the target's row key, which both sides are read in the order of
    QStringList columns; // compared: in both tables, readable, not generated
    QStringList leftOut; // in one table only, or generated (the change set cannot write them)
    qint64 sourceRows = 0;
    qint64 targetRows = 0;
    qint64 same = 0;
    qint64 different = 0;
    qint64 onlyInSource = 0;
    qint64 onlyInTarget = 0;
    QHash<QString, qint64> differentByColumn;
    // What makes the target's rows equal to the source's: inserts, updates (the changed columns, the row's
    // version and the values read, so Apply detects a row changed meanwhile) and deletes by key.
    ChangeSet changes;
};

// Streams both tables in the order of the target's row key (its profile's override first, as apply reads it;
// a cursor on each side, in a REPEATABLE READ READ ONLY transaction, so each side is one consistent snapshot)
// and merges them: memory holds two batches and the changes, whatever the tables' sizes. Values are compared
// as PostgreSQL's text, both sessions in UTC with ISO dates. Text-like keys are ordered by their bytes
// (COLLATE "C") on both sides, so two servers with other collations agree. `progress` gets the rows read so
// far; returning false cancels (QueryCanceled). Throws ConfigurationError when the target has no row key or
// the source lacks a key column.
DataCompareResult compareTableData(Connection& source, Connection& target, const DataCompareSpec& spec,
                                   const std::function<bool(qint64 rows)>& progress = {});

} // namespace pgdesk::core
