// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/catalog/catalogreader.h>
#include <pgdesk/core/catalog/profileconventions.h>
#include <pgdesk/core/compare/datacompare.h>

#include "compare/keymerge.h"
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/transaction.h>

#include <memory>
#include <optional>

namespace pgdesk::core {

namespace {

const ColumnInfo* columnOf(const TableInfo& table, const QString& name) {
    for (const ColumnInfo& c : table.columns)
        if (c.name == name)
            return &c;
    return nullptr;
}

// One side read through a cursor, a batch at a time.
class SideReader final {
public:
    SideReader(Connection& connection, const QString& cursor, const QString& query, int fetchRows)
        : m_connection(connection)
        , m_cursor(quoteIdentifier(cursor))
        , m_fetch(QStringLiteral("FETCH FORWARD %1 FROM %2").arg(fetchRows).arg(m_cursor)) {
        m_connection.exec(QStringLiteral("DECLARE %1 NO SCROLL CURSOR FOR %2").arg(m_cursor, query));
        fetch();
    }

    bool atEnd() const { return m_row >= m_batch.rowCount(); }
    const Result& batch() const { return m_batch; }
    int row() const { return m_row; }
    qint64 read() const { return m_read; }

    void advance() {
        ++m_read;
        if (++m_row >= m_batch.rowCount() && !m_done)
            fetch();
    }

private:
    void fetch() {
        m_batch = m_connection.exec(m_fetch);
        m_row = 0;
        m_done = m_batch.rowCount() == 0;
    }

    Connection& m_connection;
    QString m_cursor;
    QString m_fetch;
    Result m_batch;
    int m_row = 0;
    qint64 m_read = 0;
    bool m_done = false;
};

// Each side in one snapshot, with the settings that make two servers print values alike.
void beginSnapshot(Transaction& transaction) {
    for (const char* setting : {"SET LOCAL TimeZone = 'UTC'", "SET LOCAL DateStyle = 'ISO, YMD'",
                                "SET LOCAL IntervalStyle = 'postgres'", "SET LOCAL extra_float_digits = 1"})
        transaction.connection().exec(QLatin1String(setting));
}

std::optional<QString> valueAt(const Result& r, int row, int column) {
    if (r.isNull(row, column))
        return std::nullopt;
    return r.text(row, column);
}

} // namespace

DataCompareResult compareTableData(Connection& source, Connection& target, const DataCompareSpec& spec,
                                   const std::function<bool(qint64 rows)>& progress) {
    // With each profile's conventions: the row key is the one the change set is applied by
    // (readTableForProfile, as the window's table tab and `pgdesk-cli apply` read the table).
    const TableInfo t = spec.targetSchema.isEmpty()
                            ? readTableForProfile(target, spec.targetTable)
                            : readTableForProfile(target, spec.targetSchema, spec.targetTable);
    const TableInfo s = spec.sourceSchema.isEmpty()
                            ? readTableForProfile(source, spec.sourceTable)
                            : readTableForProfile(source, spec.sourceSchema, spec.sourceTable);
    DataCompareResult result;
    result.key = t.conventions.rowKey;
    if (result.key.isEmpty() || t.conventions.rowKeySource == QLatin1String("ctid"))
        throwError(
            ErrorKind::Configuration,
            QStringLiteral("%1 has no primary key or NOT NULL unique key to compare rows by").arg(t.name));
    for (const QString& k : result.key)
        if (!columnOf(s, k))
            throwError(ErrorKind::Configuration,
                       QStringLiteral("the source table has no column %1 (a key column of the target)")
                           .arg(quoteIdentifier(k)));
    QStringList others;
    for (const ColumnInfo& c : t.columns) {
        const ColumnInfo* sc = columnOf(s, c.name);
        if (!sc || c.isGenerated || sc->isGenerated)
            result.leftOut << c.name;
        else if (!result.key.contains(c.name))
            others << c.name;
    }
    for (const ColumnInfo& c : s.columns)
        if (!columnOf(t, c.name))
            result.leftOut << c.name;
    result.columns = result.key + others;

    // Integer keys in their own order (the key's index reads them so); any other by its text's bytes.
    QList<bool> numeric;
    QStringList select;
    QStringList order;
    for (const QString& k : result.key) {
        const bool integer = columnOf(t, k)->category == TypeCategory::Integer &&
                             columnOf(s, k)->category == TypeCategory::Integer;
        numeric << integer;
        order << (integer ? quoteIdentifier(k)
                          : QStringLiteral("%1::text COLLATE \"C\"").arg(quoteIdentifier(k)));
    }
    for (const QString& c : std::as_const(result.columns))
        select << quoteIdentifier(c);
    const auto query = [&](const TableInfo& table, bool withVersion) {
        // ONLY leaves out an inheritance child's rows; a partitioned table's rows are all in its partitions.
        return QStringLiteral("SELECT %1%2 FROM %3%4.%5 ORDER BY %6")
            .arg(select.join(QStringLiteral(", ")), withVersion ? QStringLiteral(", xmin::text") : QString(),
                 table.kind == RelationKind::Table ? QStringLiteral("ONLY ") : QString(),
                 quoteIdentifier(table.schema), quoteIdentifier(table.name),
                 order.join(QStringLiteral(", ")));
    };
    const bool versioned = t.versionReadable;
    const int versionColumn = int(result.columns.size());

    TransactionOptions snapshot;
    snapshot.isolation = IsolationLevel::RepeatableRead;
    snapshot.readOnly = true;
    const bool shared = &source == &target;
    Transaction targetTransaction(target, snapshot);
    beginSnapshot(targetTransaction);
    std::optional<Transaction> sourceTransaction;
    if (!shared) {
        sourceTransaction.emplace(source, snapshot);
        beginSnapshot(*sourceTransaction);
    }
    const int fetchRows = std::max(100, spec.fetchRows);
    SideReader a(source, QStringLiteral("pgdesk_compare_source"), query(s, false), fetchRows);
    SideReader b(target, QStringLiteral("pgdesk_compare_target"), query(t, versioned), fetchRows);

    const int keyCount = int(result.key.size());
    const auto compareKeys = [&]() {
        for (int i = 0; i < keyCount; ++i) {
            if (numeric[i]) {
                const qint64 x = a.batch().bytes(a.row(), i).toLongLong();
                const qint64 y = b.batch().bytes(b.row(), i).toLongLong();
                if (x != y)
                    return x < y ? -1 : 1;
            } else if (const int c = a.batch().view(a.row(), i).compare(b.batch().view(b.row(), i)); c != 0) {
                return c < 0 ? -1 : 1;
            }
        }
        return 0;
    };
    const auto keyOf = [&](const SideReader& side) {
        Key key;
        for (int i = 0; i < keyCount; ++i)
            key.append({result.key[i], valueAt(side.batch(), side.row(), i)});
        return key;
    };
    const auto versionOf = [&] { return versioned ? b.batch().text(b.row(), versionColumn) : QString(); };
    ChangeSet changes(t);
    qint64 nextReport = 0;
    mergeByKey(
        a, b, compareKeys,
        [&] {
            Row values;
            for (int i = 0; i < result.columns.size(); ++i)
                values.append({result.columns[i], valueAt(a.batch(), a.row(), i)});
            changes.changes.append(Change{ChangeOp::Insert, {}, {}, values, {}, {}});
            ++result.onlyInSource;
        },
        [&] {
            changes.changes.append(Change{ChangeOp::Delete, keyOf(b), versionOf(), {}, {}, {}});
            ++result.onlyInTarget;
        },
        [&] {
            Row set;
            Row original;
            for (int i = keyCount; i < result.columns.size(); ++i) {
                const bool aNull = a.batch().isNull(a.row(), i);
                const bool bNull = b.batch().isNull(b.row(), i);
                if (aNull == bNull && (aNull || a.batch().view(a.row(), i) == b.batch().view(b.row(), i)))
                    continue;
                set.append({result.columns[i], valueAt(a.batch(), a.row(), i)});
                original.append({result.columns[i], valueAt(b.batch(), b.row(), i)});
                ++result.differentByColumn[result.columns[i]];
            }
            if (set.isEmpty()) {
                ++result.same;
            } else {
                changes.changes.append(Change{ChangeOp::Update, keyOf(b), versionOf(), set, original, {}});
                ++result.different;
            }
        },
        [&] {
            if (progress && a.read() + b.read() >= nextReport) {
                if (!progress(a.read() + b.read()))
                    throwError(ErrorKind::QueryCanceled, QStringLiteral("the data compare was cancelled"));
                nextReport = a.read() + b.read() + fetchRows;
            }
        });
    result.sourceRows = a.read();
    result.targetRows = b.read();
    result.changes = std::move(changes);
    if (progress)
        progress(a.read() + b.read());
    return result;
}

} // namespace pgdesk::core
