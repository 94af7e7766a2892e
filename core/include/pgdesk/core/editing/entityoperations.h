// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace pgdesk::core {

class RowStatementBuilder;

// Column → exact text value (std::nullopt = SQL NULL). Values never pass through double.
using Row = QList<std::pair<QString, std::optional<QString>>>;
// Row-key columns → values; must name exactly TableInfo::conventions.rowKey.
using Key = Row;

// One row as the server returned it, plus its version for optimistic concurrency.
struct RowResult {
    QStringList columns;                  // all of the table's columns, in table order
    QList<std::optional<QString>> values; // exact text, std::nullopt = NULL
    QString version;                      // xmin of the row version; pass back as expectedVersion

    // The value of one column; std::nullopt when NULL or absent.
    std::optional<QString> value(const QString& column) const;
};

// Row operations on one table, on a caller-owned connection that may be inside a Transaction (so they
// compose inside atomic()). Values always travel as $n parameters cast to the column's catalog type, and
// identifiers are quoted with quoteIdentifier(): no user text ever becomes SQL, except in execute() and
// scalar(), which are the explicit raw-SQL passthrough.
//
// Versions are xmin: they change when another transaction writes the row, not when the same transaction
// writes it again (so inside one atomic() block a row keeps its version).
class EntityOperations {
public:
    // The connection must outlive this object; the table description is copied.
    EntityOperations(Connection& connection, const TableInfo& table);

    // INSERT … RETURNING *, xmin. Omitted columns get their defaults. Unknown column → NotFound; generated
    // or GENERATED ALWAYS identity columns, or a column named twice → ConfigurationError.
    RowResult create(const Row& values);
    // COPY table (columns) FROM STDIN in text format: one statement, so any bad row fails the whole copy
    // and nothing is inserted (IntegrityError / DataError from the server). Returns the rows copied. Rows of
    // the wrong width → ConfigurationError before anything is sent.
    qint64 bulkCreate(const QStringList& columns, const QList<QList<std::optional<QString>>>& rows);

    // By row key; std::nullopt when no row has that key.
    std::optional<RowResult> get(const Key& key);
    // Some columns of one row, whole (a page may have brought them cut: QuerySpec::valueLimit), in the
    // order asked; std::nullopt when no row has that key. With expectedVersion, the row must still be that
    // version (else ConflictError "row changed since it was read"), so the values belong with the rest of
    // the row as read. Unknown column → NotFound; a key matching several rows → ConfigurationError.
    std::optional<QList<std::optional<QString>>> values(const Key& key, const QStringList& columns,
                                                        const QString& expectedVersion = {});
    // As get(); NotFound "no row in schema.table with key …" when absent.
    RowResult getOrThrow(const Key& key);

    // UPDATE … SET set (plus updated_at = now() when the table has such a column, it is not in `set` and no
    // trigger maintains it) WHERE key [AND xmin = expectedVersion]. Exactly one row must match: when none
    // does but the key exists → ConflictError "row changed since it was read"; when the key does not exist
    // → NotFound. An empty `set` with no updated_at column to touch → ConfigurationError.
    RowResult update(const Key& key, const Row& set, const QString& expectedVersion = {});
    // Hard DELETE with the same exactly-one-row rule as update().
    void remove(const Key& key, const QString& expectedVersion = {});
    // Per conventions.softDelete: deleted_at = now() / deleted flag = true / active flag = false, plus
    // updated_at as in update(). A table without a soft-delete convention → ConfigurationError.
    RowResult softDelete(const Key& key);
    // The reverse of softDelete(): NULL / false / true.
    RowResult restore(const Key& key);

    // Raw SQL passthrough (one statement, extended protocol, values as parameters).
    Result execute(const QString& sql, const Params& params = {});
    // The first column of the first row; std::nullopt when there is no row or the value is NULL.
    std::optional<QString> scalar(const QString& sql, const Params& params = {});

    const TableInfo& table() const { return m_table; }

private:
    RowResult setSoftDeleted(const Key& key, bool deleted); // softDelete/restore per convention
    bool keyExists(const Key& key);
    // UPDATE … SET assignments (plus updated_at) WHERE key [AND xmin]; `b` holds the assignments' values.
    RowResult updateWith(RowStatementBuilder& b, const Key& key, QStringList assignments,
                         const QStringList& setColumns, const QString& expectedVersion);
    [[noreturn]] void throwNoMatch(const Key& key, bool versioned);

    Connection& m_connection;
    TableInfo m_table;
};

} // namespace pgdesk::core
