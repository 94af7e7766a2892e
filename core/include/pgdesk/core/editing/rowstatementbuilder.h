// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/catalog/catalog.h>
#include <pgdesk/core/editing/entityoperations.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace pgdesk::core {

// Turns a value into a SQL literal for previews ('it''s', E'a\\b'); NULL is handled by the caller.
using LiteralQuoter = std::function<QString(const QString& value)>;

// What every row statement returns and every re-read selects: the row followed by its xmin, so the version
// is the last column. "*, xmin", or, when the role may read only some columns (column privileges), those
// by name followed by xmin or, when the role may not read it, NULL::xid (an empty version).
QString rowAndVersionList(const TableInfo& table);
// " RETURNING " + rowAndVersionList(table).
QString returningRowAndVersion(const TableInfo& table);
class RowStatementBuilder;
// "SELECT " + rowAndVersionList(table) + " FROM " + the builder's target + " WHERE " + `where` (a condition
// the builder made, its values the builder's parameters): one row as read, for get() and conflict read-backs.
QString selectRowAndVersion(const TableInfo& table, const RowStatementBuilder& builder, const QString& where);
// One returned row: all columns but the last, which is the version (xmin). `columns`, when given, are the
// result's column names as columnNames() reads them (shared between rows, which saves allocations).
RowResult rowFromReturning(const Result& result, int row, const QStringList* columns = nullptr);
// The names of all columns of a RETURNING *, xmin result but the last.
QStringList columnNames(const Result& result);
// A one-dimensional text[] literal, every element double-quoted with \ and " escaped, nullopt as NULL:
// exact for any text (set-based statements send a column of values as one such parameter).
QString textArrayLiteral(const QList<std::optional<QString>>& elements);
// "(id=7, name=NULL)", for messages.
QString describeKey(const Key& key);
// Many rows by key in one statement the key's index answers: "SELECT k1, k2, xmin, c1, c2 FROM table WHERE
// (k1, k2) IN (SELECT * FROM unnest($1::text[]::type[], $2::text[]::type[]))", one text[] parameter per key
// column (keyValues[k]: that column's value in each row, in order). Key columns, then the version, then
// `columns`.
BatchStatement selectByKeys(const TableInfo& table, const QList<QList<std::optional<QString>>>& keyValues,
                            const QStringList& columns);

// Builds the pieces of one row statement (INSERT / UPDATE / DELETE … RETURNING) on one table, so that
// EntityOperations, the change-set applier and batch operations follow the same rules: values are $n
// parameters cast to the column's type, identifiers are quoted, generated columns are refused, a key
// names exactly the row key, soft delete and updated_at follow the table's conventions. With a
// LiteralQuoter the values are written as literals instead (SQL previews; never executed).
// Parameters accumulate across calls: use one builder per statement. The table must outlive it.
class RowStatementBuilder final {
public:
    explicit RowStatementBuilder(const TableInfo& table, LiteralQuoter quoter = {});

    // "schema"."table"
    QString target() const;
    // The column by exact name; NotFound when the table has none.
    const ColumnInfo& column(const QString& name) const;

    // "$n::type" (or a literal in preview mode); no cast when type is empty. nullopt binds NULL.
    QString bind(const std::optional<QString>& value, const QString& type = {});
    // bind() cast to the column's type (see castType()).
    QString bindColumn(const ColumnInfo& column, const std::optional<QString>& value);

    // Throws ConfigurationError when the table has no row key.
    void requireRowKey() const;
    // `"k1" = $1::t1 AND "k2" = $2::t2` in row-key order. The key must name exactly the row key columns,
    // none NULL, none twice: else ConfigurationError.
    QString keyCondition(const Key& key);
    // `ctid = $n::tid`: the physical position, for tables without a key whose user opted in.
    QString ctidCondition(const QString& ctid);
    // `xmin = $n::xid`: the row version read before.
    QString versionCondition(const QString& version);
    // The guard of an update when the role may not read row versions: each column in `original` still holds
    // the value it was read with, compared as the column type's text (`"c"::text IS NOT DISTINCT FROM
    // ($n::type)::text`), which works for every type, json and point too. Empty for an empty `original`.
    QString originalCondition(const Row& original);
    // `"c" = $n::type` per column of `set`, then `"c" = DEFAULT` per column of `defaults`, each checked
    // writable and named once; the column names are appended to *columns.
    QStringList assignments(const Row& set, QStringList* columns, const QStringList& defaults = {});
    // `"updated_at" = now()` when the table has an updated-at column that no trigger maintains and the
    // statement does not set it itself (setColumns); else empty.
    QString touchUpdatedAt(const QStringList& setColumns) const;
    // `"deleted_at" = now()` / `"is_deleted" = true` / `"is_active" = false` (deleted), or the reverse.
    // ConfigurationError for a table without a soft-delete convention.
    QString softDeleteAssignment(bool deleted) const;

    // `"deleted_at" IS NULL` (deleted false) or `"deleted_at" IS NOT NULL` (true), and for flags the same
    // split as the browser's Active / Deleted views (a NULL flag counts as false). ConfigurationError for a
    // table without a soft-delete convention.
    QString softDeletedCondition(bool deleted) const;
    // For statements that embed SQL with its own $1..$n (a browse query as a subquery): those parameters
    // come first, and values bound later are numbered after them. Only before anything is bound.
    void seedParams(const Params& params);

    const Params& params() const { return m_params; }
    // Every non-NULL value cast to a column's type, in parameter order: a failed cast can then be blamed
    // on its column.
    const QList<CastValue>& casts() const { return m_casts; }
    bool isPreview() const { return static_cast<bool>(m_quoter); }

    // The type a value for the column is cast to: domains use their base type, and type modifiers are
    // dropped (an explicit cast to varchar(5) would silently truncate, whereas the assignment to the
    // column applies the modifier and fails loudly).
    static QString castType(const ColumnInfo& column);
    // ConfigurationError for generated columns and GENERATED ALWAYS identity columns.
    static void requireWritable(const ColumnInfo& column);

private:
    const TableInfo& m_table;
    LiteralQuoter m_quoter;
    Params m_params;
    QList<CastValue> m_casts;
};

} // namespace pgdesk::core
