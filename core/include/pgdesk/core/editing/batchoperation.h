// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/editing/entityoperations.h>
#include <pgdesk/core/session/atomic.h>
#include <pgdesk/core/session/connection.h>

#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace pgdesk::core {

enum class BatchAction { SetColumn, SoftDelete, Restore, HardDelete };
QString batchActionName(BatchAction action); // "set_column", "soft_delete", "restore", "hard_delete"

struct BatchRequest {
    BatchAction action = BatchAction::SetColumn;
    QString column;               // SetColumn: the column to set
    std::optional<QString> value; // SetColumn: its new value as PostgreSQL text (nullopt = NULL)
};

struct BatchOptions {
    int chunkSize = 1000; // keys per statement, for key lists
    // After each chunk: keys done so far and in all (for a filter: once, with the rows changed).
    std::function<void(qint64 done, qint64 total)> progress;
    // Checked before each chunk; when set, the transaction rolls back and QueryCanceled is thrown.
    const std::atomic_bool* cancel = nullptr;
    // The count the user confirmed (countAffected()); another number at the end → ConflictError, rolled back.
    std::optional<qint64> expectedCount;
    AtomicOptions atomic; // transaction options (default: the profile's) and retries
};

struct BatchResult {
    qint64 affected = 0; // rows changed (or deleted)
    int chunks = 0;      // statements sent (in the last attempt)
    int attempts = 0;
    qint64 elapsedMs = 0;
};

// One action on many rows of a table, in one transaction: on a list of row keys (sent in chunks, as arrays:
// one parameter per key column whatever the chunk's size) or on every row a browse QuerySpec matches (its
// filter, search and soft-delete scope; one statement). countAffected() first tells how many rows the action
// would change, so the UI can ask for confirmation with a number; run() changes exactly those.
//
// Rules as for single rows (RowStatementBuilder): the value is cast to the column's type, generated columns
// are refused, updated_at = now() unless a trigger maintains it, soft delete per the table's convention. Soft
// delete only touches rows that are not deleted yet (and restore only deleted ones), so their deletion time
// stays what it was. Tables without a row key are refused.
class BatchOperation final {
public:
    // ConfigurationError / NotFound when the request cannot apply to the table.
    BatchOperation(TableInfo table, BatchRequest request);

    qint64 countAffected(Connection& connection, const QList<Key>& keys) const;
    qint64 countAffected(Connection& connection, const QuerySpec& spec) const;
    // On a connection that is not inside a transaction. Serialization failures retry the whole batch.
    BatchResult run(Connection& connection, const QList<Key>& keys, const BatchOptions& options = {}) const;
    BatchResult run(Connection& connection, const QuerySpec& spec, const BatchOptions& options = {}) const;

    const TableInfo& table() const { return m_table; }
    const BatchRequest& request() const { return m_request; }

private:
    struct Statement {
        QString sql;
        Params params;
    };
    // "UPDATE … SET … WHERE <rows> AND <state>" (or DELETE, or with count: SELECT count(*)); `rows` is the
    // row condition with its parameters seeded first.
    Statement statement(const QString& rows, const Params& rowParams, bool count) const;
    Statement forKeys(const QList<Key>& keys, qsizetype from, qsizetype count, bool countOnly) const;
    Statement forSpec(const QuerySpec& spec, bool countOnly) const;
    void checkExpected(const BatchOptions& options, qint64 affected) const;

    TableInfo m_table;
    BatchRequest m_request;
};

} // namespace pgdesk::core
