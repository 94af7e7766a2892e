#include <pgdesk/core/entityoperations.h>

#include <pgdesk/core/errors.h>
#include <pgdesk/core/sqlbuilder.h>

#include <libpq-fe.h>

#include <QSet>

#include <exception>

namespace pgdesk::core {

std::optional<QString> RowResult::value(const QString& column) const {
    const qsizetype i = columns.indexOf(column);
    return i < 0 ? std::nullopt : values.at(i);
}

namespace {

const QString kNoRowKey = QStringLiteral("table has no row key; editing by ctid is an explicit opt-in");

// The type a value is cast to. Domains use their base type (as the query builder does), and type modifiers
// are dropped: an explicit cast to varchar(5) or bit(3) would silently truncate, whereas without the
// modifier the assignment to the column applies it and fails loudly on values that do not fit.
QString castType(const ColumnInfo& c) {
    QString type = c.typeName;
    if ((!c.domainName.isEmpty() || type.isEmpty()) && !c.baseTypeName.isEmpty())
        type = c.baseTypeName;
    // "interval day to second(3)": the field restriction is a modifier too.
    if (type.startsWith(QLatin1String("interval")))
        return type.endsWith(QLatin1String("[]")) ? QStringLiteral("interval[]") : QStringLiteral("interval");
    QString out;
    out.reserve(type.size());
    bool quoted = false;
    for (qsizetype i = 0; i < type.size(); ++i) {
        const QChar ch = type.at(i);
        if (ch == QLatin1Char('"'))
            quoted = !quoted;
        if (!quoted && ch == QLatin1Char('(')) {
            // Skip "(digits[,digits])" outside quoted names.
            qsizetype j = i + 1;
            while (j < type.size() &&
                   (type.at(j).isDigit() || type.at(j) == QLatin1Char(',') || type.at(j) == QLatin1Char(' ')))
                ++j;
            if (j < type.size() && type.at(j) == QLatin1Char(')') && j > i + 1) {
                i = j;
                continue;
            }
        }
        out += ch;
    }
    return out;
}

// Every statement returns the row followed by xmin, so the version is always the last column.
const QString kReturning = QStringLiteral(" RETURNING *, xmin");

RowResult rowFrom(const Result& r, int row) {
    RowResult out;
    const int n = r.columnCount() - 1;
    for (int c = 0; c < n; ++c) {
        out.columns << r.columnName(c);
        out.values << (r.isNull(row, c) ? std::nullopt : std::optional<QString>(r.text(row, c)));
    }
    out.version = r.text(row, n);
    return out;
}

QString placeholder(const Params& params) {
    return QLatin1Char('$') + QString::number(params.size());
}

// COPY text format: backslash, tab, newline and carriage return are escaped; NULL is \N. UTF-8 never
// uses these bytes inside multi-byte sequences, so escaping bytewise is safe.
void appendCopyValue(QByteArray& out, const std::optional<QString>& value) {
    if (!value) {
        out += "\\N";
        return;
    }
    const QByteArray bytes = value->toUtf8();
    for (const char ch : bytes) {
        switch (ch) {
        case '\\':
            out += "\\\\";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            out += ch;
        }
    }
}

} // namespace

EntityOperations::EntityOperations(Connection& connection, const TableInfo& table)
    : m_connection(connection)
    , m_table(table) {
}

QString EntityOperations::target() const {
    return quoteIdentifier(m_table.schema) + QLatin1Char('.') + quoteIdentifier(m_table.name);
}

const ColumnInfo& EntityOperations::column(const QString& name) const {
    if (const ColumnInfo* c = m_table.column(name))
        return *c;
    throwError(ErrorKind::NotFound,
               QStringLiteral("column \"%1\" does not exist in table %2").arg(name, m_table.qualifiedName()));
}

void EntityOperations::requireWritable(const ColumnInfo& c) const {
    if (c.isGenerated)
        throwError(ErrorKind::Configuration,
                   QStringLiteral("column \"%1\" is a generated column and cannot be written").arg(c.name));
    if (c.isIdentity && c.identityAlways)
        throwError(ErrorKind::Configuration,
                   QStringLiteral("column \"%1\" is GENERATED ALWAYS AS IDENTITY and cannot be written")
                       .arg(c.name));
}

void EntityOperations::requireRowKey() const {
    if (m_table.conventions.rowKey.isEmpty())
        throwError(ErrorKind::Configuration, kNoRowKey);
}

QString EntityOperations::keyCondition(const Key& key, Params& params) const {
    requireRowKey();
    const QStringList& rowKey = m_table.conventions.rowKey;
    QSet<QString> named;
    for (const auto& [name, value] : key) {
        if (!rowKey.contains(name) || named.contains(name))
            throwError(ErrorKind::Configuration,
                       QStringLiteral("key columns must be exactly the row key (%1) of %2")
                           .arg(rowKey.join(QStringLiteral(", ")), m_table.qualifiedName()));
        if (!value)
            throwError(ErrorKind::Configuration,
                       QStringLiteral("key column \"%1\" cannot be NULL").arg(name));
        named.insert(name);
    }
    if (named.size() != rowKey.size())
        throwError(ErrorKind::Configuration,
                   QStringLiteral("key columns must be exactly the row key (%1) of %2")
                       .arg(rowKey.join(QStringLiteral(", ")), m_table.qualifiedName()));
    // In row-key order, so the statement text is the same whatever order the caller used.
    QStringList parts;
    for (const QString& name : rowKey) {
        for (const auto& [keyName, value] : key) {
            if (keyName != name)
                continue;
            const ColumnInfo& c = column(name);
            params << param(*value);
            parts << QStringLiteral("%1 = %2::%3")
                         .arg(quoteIdentifier(c.name), placeholder(params), castType(c));
        }
    }
    return parts.join(QStringLiteral(" AND "));
}

QString EntityOperations::describeKey(const Key& key) const {
    QStringList parts;
    for (const auto& [name, value] : key)
        parts << name + QLatin1Char('=') + value.value_or(QStringLiteral("NULL"));
    return QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

bool EntityOperations::keyExists(const Key& key) {
    Params params;
    const QString where = keyCondition(key, params);
    return m_connection.exec(QStringLiteral("SELECT 1 FROM %1 WHERE %2").arg(target(), where), params)
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
    if (values.isEmpty()) {
        const Result r = m_connection.exec(
            QStringLiteral("INSERT INTO %1 DEFAULT VALUES").arg(target()) + kReturning, Params{});
        return rowFrom(r, 0);
    }
    QStringList columns;
    QStringList placeholders;
    Params params;
    for (const auto& [name, value] : values) {
        const ColumnInfo& c = column(name);
        requireWritable(c);
        if (columns.contains(quoteIdentifier(c.name)))
            throwError(ErrorKind::Configuration, QStringLiteral("column \"%1\" given twice").arg(name));
        columns << quoteIdentifier(c.name);
        params << (value ? param(*value) : nullParam());
        placeholders << placeholder(params) + QStringLiteral("::") + castType(c);
    }
    const QString sql =
        QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
            .arg(target(), columns.join(QStringLiteral(", ")), placeholders.join(QStringLiteral(", "))) +
        kReturning;
    return rowFrom(m_connection.exec(sql, params), 0);
}

qint64 EntityOperations::bulkCreate(const QStringList& columns,
                                    const QList<QList<std::optional<QString>>>& rows) {
    if (columns.isEmpty())
        throwError(ErrorKind::Configuration, QStringLiteral("bulk create needs at least one column"));
    QStringList quoted;
    for (const QString& name : columns) {
        const ColumnInfo& c = column(name);
        requireWritable(c);
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
    pg_conn* conn = m_connection.native();
    if (!conn)
        throwError(ErrorKind::Connection, QStringLiteral("not connected"));
    // The data is sent as UTF-8, like every parameter; another client encoding would garble it.
    if (QByteArray(pg_encoding_to_char(PQclientEncoding(conn))) != "UTF8")
        throwError(ErrorKind::Configuration, QStringLiteral("bulk create needs client_encoding UTF8"));

    const QString statement =
        QStringLiteral("COPY %1 (%2) FROM STDIN").arg(target(), quoted.join(QStringLiteral(", ")));
    m_connection.check(PQexec(conn, statement.toUtf8().constData()), statement);

    // From here the connection is in COPY IN state: whatever happens, end the copy and drain the results
    // so the connection stays usable.
    constexpr qsizetype kChunk = 1 << 20;
    QByteArray buffer;
    buffer.reserve(kChunk + 4096);
    bool sendFailed = false;
    const auto flush = [&] {
        if (!buffer.isEmpty() && PQputCopyData(conn, buffer.constData(), int(buffer.size())) != 1)
            sendFailed = true;
        buffer.clear();
    };
    const char* abortMessage = nullptr;
    std::exception_ptr pending;
    try {
        for (const auto& row : rows) {
            for (qsizetype i = 0; i < row.size(); ++i) {
                if (i > 0)
                    buffer += '\t';
                appendCopyValue(buffer, row.at(i));
            }
            buffer += '\n';
            if (buffer.size() >= kChunk)
                flush();
            if (sendFailed)
                break;
        }
        flush();
    } catch (...) {
        // Rethrown once the aborted copy is drained, so the caller sees the real cause.
        pending = std::current_exception();
        abortMessage = "aborted by client";
    }
    PQputCopyEnd(conn, abortMessage);

    pg_result* failed = nullptr;
    qint64 copied = -1;
    while (pg_result* r = PQgetResult(conn)) {
        const ExecStatusType status = PQresultStatus(r);
        if (status == PGRES_COMMAND_OK && !failed) {
            copied = QByteArray(PQcmdTuples(r)).toLongLong();
            PQclear(r);
        } else if (!failed && status != PGRES_COMMAND_OK) {
            failed = r;
        } else {
            PQclear(r);
        }
        if (status == PGRES_COPY_IN) // cannot happen after PQputCopyEnd; never loop forever
            break;
    }
    if (pending) {
        if (failed)
            PQclear(failed);
        std::rethrow_exception(pending);
    }
    if (failed)
        m_connection.throwLastError(statement, failed);
    if (copied < 0 || sendFailed)
        m_connection.throwLastError(statement, nullptr);
    return copied;
}

std::optional<RowResult> EntityOperations::get(const Key& key) {
    Params params;
    const QString where = keyCondition(key, params);
    const Result r =
        m_connection.exec(QStringLiteral("SELECT *, xmin FROM %1 WHERE %2").arg(target(), where), params);
    if (r.rowCount() == 0)
        return std::nullopt;
    return rowFrom(r, 0);
}

RowResult EntityOperations::getOrThrow(const Key& key) {
    if (auto row = get(key))
        return std::move(*row);
    throwError(ErrorKind::NotFound,
               QStringLiteral("no row in %1 with key %2").arg(m_table.qualifiedName(), describeKey(key)));
}

RowResult EntityOperations::updateWith(const Key& key, QStringList assignments, Params params,
                                       const QStringList& setColumns, const QString& expectedVersion) {
    const Conventions& conv = m_table.conventions;
    if (!conv.updatedAtColumn.isEmpty() && !conv.updatedAtByTrigger &&
        !setColumns.contains(conv.updatedAtColumn) && m_table.column(conv.updatedAtColumn))
        assignments << quoteIdentifier(conv.updatedAtColumn) + QStringLiteral(" = now()");
    if (assignments.isEmpty())
        throwError(ErrorKind::Configuration, QStringLiteral("nothing to update"));
    QString where = keyCondition(key, params);
    if (!expectedVersion.isEmpty()) {
        params << param(expectedVersion);
        where += QStringLiteral(" AND xmin = %1::xid").arg(placeholder(params));
    }
    const QString sql = QStringLiteral("UPDATE %1 SET %2 WHERE %3")
                            .arg(target(), assignments.join(QStringLiteral(", ")), where) +
                        kReturning;
    const Result r = m_connection.exec(sql, params);
    // The row key is unique by construction (primary key or NOT NULL unique), so more than one row cannot
    // match; zero rows means a stale version or a missing key.
    if (r.rowCount() == 0)
        throwNoMatch(key, !expectedVersion.isEmpty());
    return rowFrom(r, 0);
}

RowResult EntityOperations::update(const Key& key, const Row& set, const QString& expectedVersion) {
    requireRowKey();
    QStringList assignments;
    QStringList setColumns;
    Params params;
    for (const auto& [name, value] : set) {
        const ColumnInfo& c = column(name);
        requireWritable(c);
        if (setColumns.contains(c.name))
            throwError(ErrorKind::Configuration, QStringLiteral("column \"%1\" given twice").arg(name));
        setColumns << c.name;
        params << (value ? param(*value) : nullParam());
        assignments
            << QStringLiteral("%1 = %2::%3").arg(quoteIdentifier(c.name), placeholder(params), castType(c));
    }
    return updateWith(key, assignments, params, setColumns, expectedVersion);
}

void EntityOperations::remove(const Key& key, const QString& expectedVersion) {
    Params params;
    QString where = keyCondition(key, params);
    if (!expectedVersion.isEmpty()) {
        params << param(expectedVersion);
        where += QStringLiteral(" AND xmin = %1::xid").arg(placeholder(params));
    }
    const Result r =
        m_connection.exec(QStringLiteral("DELETE FROM %1 WHERE %2").arg(target(), where), params);
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
    requireRowKey();
    const Conventions& conv = m_table.conventions;
    QString value;
    switch (conv.softDelete) {
    case SoftDeleteKind::DeletedAtTimestamp:
        value = deleted ? QStringLiteral("now()") : QStringLiteral("NULL");
        break;
    case SoftDeleteKind::DeletedFlag:
        value = deleted ? QStringLiteral("true") : QStringLiteral("false");
        break;
    case SoftDeleteKind::ActiveFlag:
        value = deleted ? QStringLiteral("false") : QStringLiteral("true");
        break;
    case SoftDeleteKind::None:
        throwError(ErrorKind::Configuration,
                   QStringLiteral("table %1 has no soft-delete convention").arg(m_table.qualifiedName()));
    }
    return updateWith(key, {quoteIdentifier(conv.softDeleteColumn) + QStringLiteral(" = ") + value}, {},
                      {conv.softDeleteColumn}, {});
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
