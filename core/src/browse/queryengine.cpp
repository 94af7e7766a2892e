// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/session/rowstream.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/browse/queryengine.h>
#include <pgdesk/core/browse/sqlbuilder.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/transaction.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace pgdesk::core {

namespace {

// SQLSTATEs of a value that does not convert to the type it is cast to.
bool isCastFailure(const Error& e) {
    static const QStringList states{QStringLiteral("22P02"), QStringLiteral("22007"), QStringLiteral("22008"),
                                    QStringLiteral("22003"), QStringLiteral("22023")};
    return states.contains(e.sqlState());
}

[[noreturn]] void throwNamed(const Error& e, const CastValue& cast) {
    ErrorInfo info = e.info();
    info.message = QStringLiteral("invalid value \"%1\" for column \"%2\" (%3): %4")
                       .arg(cast.value, cast.column, cast.type, e.message());
    info.column = cast.column;
    throwError(info);
}

// Rethrows a failed cast as a DataError that names the column and the value. The server's message
// usually quotes the value; otherwise (e.g. numeric field overflow) each value is cast on its own, which
// needs a usable connection (the page's own transaction is already rolled back by then).
[[noreturn]] void rethrowCastError(const Error& e, const QList<CastValue>& casts, Connection& connection) {
    if (!isCastFailure(e) || !e.info().column.isEmpty()) // not a cast, or already named
        throw;
    for (const CastValue& cast : casts) {
        if (e.message().contains(QLatin1Char('"') + cast.value + QLatin1Char('"')))
            throwNamed(e, cast);
    }
    if (!connection.inFailedTransaction()) {
        for (const CastValue& cast : casts) {
            try {
                connection.exec(QStringLiteral("SELECT $1::") + cast.type, {param(cast.value)});
            } catch (const DataError& probe) {
                throwNamed(probe, cast);
            } catch (const QueryError&) {
                // Not this value's problem (or the type itself is odd): keep looking.
            }
        }
    }
    throw;
}

// Where a value of a cut column (BuiltQuery::cutColumns) must be cut to show at most `limit` characters,
// or nullopt when the server's prefix is the whole value: it sent limit + 1 when there was more. bytea
// (\x and two hex digits a byte) was cut when its wholeBytes exceed the limit. In a SQL_ASCII database
// left() counts bytes, and so does this.
std::optional<size_t> cutLength(std::string_view v, bool bytes, qint64 wholeBytes, bool sqlAscii, int limit) {
    if (bytes)
        return wholeBytes > limit ? std::optional(std::min(v.size(), 2 + 2 * size_t(limit))) : std::nullopt;
    if (v.size() <= size_t(limit))
        return std::nullopt; // never more characters than bytes
    if (sqlAscii)
        return size_t(limit);
    int characters = 0;
    for (size_t i = 0; i < v.size(); ++i) {
        if ((static_cast<unsigned char>(v[i]) & 0xC0) == 0x80)
            continue; // a UTF-8 continuation byte
        if (characters++ == limit)
            return i; // the first character beyond the limit starts here
    }
    return std::nullopt;
}

} // namespace

QueryEngine::QueryEngine(Connection& connection)
    : m_connection(connection) {
}

Result QueryEngine::run(const BuiltQuery& query) {
    return m_connection.exec(query.sql, query.params);
}

Page QueryEngine::fetchPage(const QuerySpec& spec, const TableInfo& table, const RowSink& sink) {
    QElapsedTimer timer;
    timer.start();
    Page page;
    try {
        if (m_connection.isIdle()) {
            // The page and its count see one snapshot; READ ONLY guards against any surprise write.
            TransactionOptions options;
            options.isolation = IsolationLevel::RepeatableRead;
            options.readOnly = true;
            Transaction tx(m_connection, options);
            page = fetch(spec, table, sink);
            tx.commit();
        } else {
            page = fetch(spec, table, sink);
        }
    } catch (const DataError& e) {
        // The filter's values (a cursor's come from the server's own output).
        rethrowCastError(e, buildCountQuery(spec, table).casts, m_connection);
    }
    page.elapsedMs = timer.elapsed();
    return page;
}

Page QueryEngine::fetch(const QuerySpec& spec, const TableInfo& table, const RowSink& sink) {
    // Without a row key there is no keyset: the last page is found by counting.
    if (spec.page.last && table.conventions.rowKey.isEmpty()) {
        QuerySpec numbered = spec;
        numbered.page.last = false;
        const qint64 count = exactCount(spec, table);
        numbered.page.pageNumber = std::max<qint64>(1, (count + spec.page.pageSize - 1) / spec.page.pageSize);
        return fetch(numbered, table, sink);
    }

    const BuiltQuery q = buildPageQuery(spec, table, true);
    const int size = spec.page.pageSize;

    Page page;
    page.pageSize = size;
    for (const QString& name : q.columns) {
        QString type;
        for (const ColumnInfo& c : table.columns) {
            if (c.name == name)
                type = c.typeName;
        }
        page.columns << PageColumn{name, type};
    }
    if (q.keyed)
        page.keyColumns = table.conventions.rowKey;
    page.valueLimit = q.valueLimit;
    const bool sqlAscii =
        q.valueLimit > 0 && m_connection.parameterStatus("server_encoding") == QLatin1String("SQL_ASCII");
    bool anyCut = false;
    const bool columnsFromResult = q.columns.isEmpty();
    const bool sinkWhileFetching = sink && !q.backwards;
    int received = 0;
    bool typed = false;
    // Rows are taken as they arrive (single-row mode), never the whole result at once.
    pq::RowStream stream(m_connection, q.sql, q.params);
    while (const auto part = stream.next()) {
        if (part->kind != pq::RowStream::Kind::Row && part->kind != pq::RowStream::Kind::Rows)
            continue;
        const Result& r = part->result;
        // The hidden version column, when selected, is the last one.
        const int shownColumns = r.columnCount() - (q.selectsVersion ? 1 : 0) - q.sizeColumns;
        if (columnsFromResult && page.columns.isEmpty()) {
            for (int c = 0; c < shownColumns; ++c)
                page.columns << PageColumn{r.columnName(c), QString()};
        }
        if (!typed) { // the types the server sent, once
            typed = true;
            for (int c = 0; c < std::min<int>(shownColumns, int(page.columns.size())); ++c)
                page.columns[c].typeOid = quint32(r.columnType(c));
        }
        for (int row = 0; row < r.rowCount(); ++row) {
            if (++received > size)
                continue; // the look-ahead row: proves there is a next page, not shown
            QList<std::optional<QString>> values;
            values.reserve(shownColumns);
            for (int c = 0; c < shownColumns; ++c)
                values << (r.isNull(row, c) ? std::nullopt : std::optional<QString>(r.text(row, c)));
            QList<CutValue> cutHere;
            for (const BuiltQuery::CutColumn& cc : q.cutColumns) {
                if (cc.index >= shownColumns || r.isNull(row, cc.index))
                    continue;
                const std::string_view v = r.view(row, cc.index);
                const qint64 bytes = cc.sizeColumn >= 0 ? r.text(row, cc.sizeColumn).toLongLong() : -1;
                if (const auto keep = cutLength(v, cc.bytes, bytes, sqlAscii, q.valueLimit)) {
                    values[cc.index] = QString::fromUtf8(v.data(), qsizetype(*keep));
                    cutHere << CutValue{cc.index, bytes};
                }
            }
            anyCut = anyCut || !cutHere.isEmpty();
            page.cut << std::move(cutHere);
            page.rows << std::move(values);
            if (q.selectsVersion)
                page.versions << r.text(row, shownColumns);
            if (sinkWhileFetching)
                sink(page.rows.last());
        }
    }
    const bool hasMore = received > size;
    page.hasMore = q.backwards ? !spec.page.beforeCursor.isEmpty() : hasMore;
    if (!anyCut)
        page.cut.clear();
    if (q.backwards) {
        std::reverse(page.rows.begin(), page.rows.end());
        std::reverse(page.versions.begin(), page.versions.end());
        std::reverse(page.cut.begin(), page.cut.end());
        if (sink) {
            for (const auto& row : std::as_const(page.rows))
                sink(row);
        }
    }

    const auto cursorFor = [&](const QList<std::optional<QString>>& row) {
        Cursor cursor;
        cursor.signature = q.sortSignature;
        for (const QString& name : q.sortColumns)
            cursor.values << row.at(q.columns.indexOf(name));
        return encodeCursor(cursor);
    };
    const bool startsAtTop = spec.page.afterCursor.isEmpty() && q.offset == 0;
    if (q.keyset && !page.rows.isEmpty()) {
        if (!q.backwards) {
            if (hasMore)
                page.nextCursor = cursorFor(page.rows.last());
            if (!startsAtTop)
                page.prevCursor = cursorFor(page.rows.first());
        } else {
            if (hasMore)
                page.prevCursor = cursorFor(page.rows.first());
            if (!spec.page.beforeCursor.isEmpty())
                page.nextCursor = cursorFor(page.rows.last());
        }
    }

    // A page that holds every row already knows the exact total.
    const bool wholeTable = !hasMore && ((!q.backwards && startsAtTop) || spec.page.last);
    switch (spec.count) {
    case CountMode::None:
        break;
    case CountMode::Exact:
        page.total = wholeTable ? page.rows.size() : exactCount(spec, table);
        page.totalIsEstimate = false;
        break;
    case CountMode::Estimate:
        if (wholeTable) {
            page.total = page.rows.size();
            page.totalIsEstimate = false;
        } else {
            // Never below what this page proves to exist.
            const qint64 seen = q.offset + page.rows.size() + (hasMore ? 1 : 0);
            page.total = std::max(estimateCount(spec, table), seen);
            page.totalIsEstimate = true;
        }
        break;
    }
    return page;
}

qint64 QueryEngine::exactCount(const QuerySpec& spec, const TableInfo& table) {
    const BuiltQuery q = buildCountQuery(spec, table);
    try {
        return run(q).text(0, 0).toLongLong();
    } catch (const DataError& e) {
        rethrowCastError(e, q.casts, m_connection);
    }
}

qint64 QueryEngine::estimateCount(const QuerySpec& spec, const TableInfo& table) {
    const BuiltQuery q = buildExplainEstimate(spec, table);
    if (!q.hasCondition && table.estimatedRows > 0)
        return std::llround(table.estimatedRows);
    try {
        const QJsonDocument plan = QJsonDocument::fromJson(run(q).bytes(0, 0));
        const double rows = plan.array()
                                .at(0)
                                .toObject()
                                .value(QStringLiteral("Plan"))
                                .toObject()
                                .value(QStringLiteral("Plan Rows"))
                                .toDouble();
        return std::llround(rows);
    } catch (const DataError& e) {
        rethrowCastError(e, q.casts, m_connection);
    }
}

} // namespace pgdesk::core
