// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/editing/entityoperations.h>

#include <pgdesk/core/session/copy.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/editing/rowstatementbuilder.h>

#include <exception>

namespace pgdesk::core {

std::optional<QString> RowResult::value(const QString& column) const {
    const qsizetype i = columns.indexOf(column);
    return i < 0 ? std::nullopt : values.at(i);
}

namespace {

// COPY text format; NULL is \N.
void appendCopyValue(QByteArray& out, const std::optional<QString>& value) {
    if (value)
        pq::appendCopyText(out, value->toUtf8());
    else
        out += "\\N";
}

} // namespace

EntityOperations::EntityOperations(Connection& connection, const TableInfo& table)
    : m_connection(connection)
    , m_table(table) {
}

bool EntityOperations::keyExists(const Key& key) {
    RowStatementBuilder b(m_table);
    const QString where = b.keyCondition(key);
    return m_connection.exec(QStringLiteral("SELECT 1 FROM %1 WHERE %2").arg(b.target(), where), b.params())
               .rowCount() > 0;
}

void EntityOperations::throwNoMatch(const Key& key, bool versioned) {
    // Told apart with a second look: the key is there, so the version (or a concurrent writer) is at fault.
    if (keyExists(key))
        throwError(ErrorKind::Conflict, versioned ? QStringLiteral("row changed since it was read")
                                                  : QStringLiteral("row changed since it was read (no row "
                                                                   "matched although the key exists)"));
    throwError(ErrorKind::NotFound,
               QStringLiteral("no row in %1 with key %2").arg(m_table.qualifiedName(), describeKey(key)));
}

RowResult EntityOperations::create(const Row& values) {
    RowStatementBuilder b(m_table);
    const QString returning = returningRowAndVersion(m_table);
    if (values.isEmpty()) {
        const Result r = m_connection.exec(
            QStringLiteral("INSERT INTO %1 DEFAULT VALUES").arg(b.target()) + returning, Params{});
        return rowFromReturning(r, 0);
    }
    QStringList columns;
    QStringList placeholders;
    for (const auto& [name, value] : values) {
        const ColumnInfo& c = b.column(name);
        RowStatementBuilder::requireWritable(c);
        if (columns.contains(quoteIdentifier(c.name)))
            throwError(ErrorKind::Configuration, QStringLiteral("column \"%1\" given twice").arg(name));
        columns << quoteIdentifier(c.name);
        placeholders << b.bindColumn(c, value);
    }
    const QString sql =
        QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
            .arg(b.target(), columns.join(QStringLiteral(", ")), placeholders.join(QStringLiteral(", "))) +
        returning;
    return rowFromReturning(m_connection.exec(sql, b.params()), 0);
}

qint64 EntityOperations::bulkCreate(const QStringList& columns,
                                    const QList<QList<std::optional<QString>>>& rows) {
    if (columns.isEmpty())
        throwError(ErrorKind::Configuration, QStringLiteral("bulk create needs at least one column"));
    const RowStatementBuilder b(m_table);
    QStringList quoted;
    for (const QString& name : columns) {
        const ColumnInfo& c = b.column(name);
        RowStatementBuilder::requireWritable(c);
        if (quoted.contains(quoteIdentifier(c.name)))
            throwError(ErrorKind::Configuration, QStringLiteral("column \"%1\" given twice").arg(name));
        quoted << quoteIdentifier(c.name);
    }
    // Checked before anything is sent, so a malformed batch never starts a COPY.
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows.at(i).size() != columns.size())
            throwError(ErrorKind::Configuration, QStringLiteral("row %1 has %2 values for %3 columns")
                                                     .arg(i + 1)
                                                     .arg(rows.at(i).size())
                                                     .arg(columns.size()));
    }
    if (rows.isEmpty())
        return 0;
    const QString statement =
        QStringLiteral("COPY %1 (%2) FROM STDIN").arg(b.target(), quoted.join(QStringLiteral(", ")));
    constexpr qsizetype kChunk = 1 << 20;
    qsizetype next = 0;
    return pq::copyIn(m_connection, statement, [&](QByteArray& buffer) {
        while (next < rows.size() && buffer.size() < kChunk) {
            const auto& row = rows.at(next++);
            for (qsizetype i = 0; i < row.size(); ++i) {
                if (i > 0)
                    buffer += '\t';
                appendCopyValue(buffer, row.at(i));
            }
            buffer += '\n';
        }
        return next < rows.size();
    });
}

std::optional<RowResult> EntityOperations::get(const Key& key) {
    RowStatementBuilder b(m_table);
    const QString where = b.keyCondition(key);
    const Result r = m_connection.exec(selectRowAndVersion(m_table, b, where), b.params());
    if (r.rowCount() == 0)
        return std::nullopt;
    return rowFromReturning(r, 0);
}

std::optional<QList<std::optional<QString>>>
EntityOperations::values(const Key& key, const QStringList& columns, const QString& expectedVersion) {
    RowStatementBuilder b(m_table);
    QString where = b.keyCondition(key);
    if (!expectedVersion.isEmpty())
        where += QStringLiteral(" AND ") + b.versionCondition(expectedVersion);
    QStringList select;
    for (const QString& name : columns) {
        if (!m_table.column(name))
            throwError(ErrorKind::NotFound,
                       QStringLiteral("no column \"%1\" in %2").arg(name, m_table.qualifiedName()));
        select << m_connection.quoteIdentifier(name);
    }
    if (select.isEmpty())
        select << QStringLiteral("1");
    const Result r = m_connection.exec(QStringLiteral("SELECT %1 FROM %2 WHERE %3 LIMIT 2")
                                           .arg(select.join(QStringLiteral(", ")), b.target(), where),
                                       b.params());
    if (r.rowCount() > 1)
        throwError(ErrorKind::Configuration, QStringLiteral("the key %1 matches more than one row of %2")
                                                 .arg(describeKey(key), m_table.qualifiedName()));
    if (r.rowCount() == 0) {
        if (!expectedVersion.isEmpty() && keyExists(key))
            throwError(ErrorKind::Conflict, QStringLiteral("row changed since it was read"));
        return std::nullopt;
    }
    QList<std::optional<QString>> out;
    for (int c = 0; c < int(columns.size()); ++c)
        out << (r.isNull(0, c) ? std::nullopt : std::optional<QString>(r.text(0, c)));
    return out;
}

RowResult EntityOperations::getOrThrow(const Key& key) {
    if (auto row = get(key))
        return std::move(*row);
    throwError(ErrorKind::NotFound,
               QStringLiteral("no row in %1 with key %2").arg(m_table.qualifiedName(), describeKey(key)));
}

RowResult EntityOperations::updateWith(RowStatementBuilder& b, const Key& key, QStringList assignments,
                                       const QStringList& setColumns, const QString& expectedVersion) {
    if (const QString touch = b.touchUpdatedAt(setColumns); !touch.isEmpty())
        assignments << touch;
    if (assignments.isEmpty())
        throwError(ErrorKind::Configuration, QStringLiteral("nothing to update"));
    QString where = b.keyCondition(key);
    if (!expectedVersion.isEmpty())
        where += QStringLiteral(" AND ") + b.versionCondition(expectedVersion);
    const QString sql = QStringLiteral("UPDATE %1 SET %2 WHERE %3")
                            .arg(b.target(), assignments.join(QStringLiteral(", ")), where) +
                        returningRowAndVersion(m_table);
    const Result r = m_connection.exec(sql, b.params());
    // The row key is unique by construction (primary key or NOT NULL unique), so more than one row cannot
    // match; zero rows means a stale version or a missing key.
    if (r.rowCount() == 0)
        throwNoMatch(key, !expectedVersion.isEmpty());
    return rowFromReturning(r, 0);
}

RowResult EntityOperations::update(const Key& key, const Row& set, const QString& expectedVersion) {
    RowStatementBuilder b(m_table);
    b.requireRowKey();
    QStringList setColumns;
    const QStringList assignments = b.assignments(set, &setColumns);
    return updateWith(b, key, assignments, setColumns, expectedVersion);
}

void EntityOperations::remove(const Key& key, const QString& expectedVersion) {
    RowStatementBuilder b(m_table);
    QString where = b.keyCondition(key);
    if (!expectedVersion.isEmpty())
        where += QStringLiteral(" AND ") + b.versionCondition(expectedVersion);
    const Result r =
        m_connection.exec(QStringLiteral("DELETE FROM %1 WHERE %2").arg(b.target(), where), b.params());
    if (r.affectedRows() == 0)
        throwNoMatch(key, !expectedVersion.isEmpty());
}

RowResult EntityOperations::softDelete(const Key& key) {
    return setSoftDeleted(key, true);
}

RowResult EntityOperations::restore(const Key& key) {
    return setSoftDeleted(key, false);
}

RowResult EntityOperations::setSoftDeleted(const Key& key, bool deleted) {
    RowStatementBuilder b(m_table);
    b.requireRowKey();
    const QString assignment = b.softDeleteAssignment(deleted);
    return updateWith(b, key, {assignment}, {m_table.conventions.softDeleteColumn}, {});
}

Result EntityOperations::execute(const QString& sql, const Params& params) {
    return m_connection.exec(sql, params);
}

std::optional<QString> EntityOperations::scalar(const QString& sql, const Params& params) {
    const Result r = m_connection.exec(sql, params);
    if (r.rowCount() == 0 || r.columnCount() == 0 || r.isNull(0, 0))
        return std::nullopt;
    return r.text(0, 0);
}

} // namespace pgdesk::core
