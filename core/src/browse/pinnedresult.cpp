// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/browse/pinnedresult.h>

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/base/sqlquote.h>
#include <pgdesk/core/session/connection.h>
#include <pgdesk/core/session/result.h>
#include <pgdesk/core/session/transaction.h>

#include <QCoreApplication>
#include <QDataStream>
#include <QDateTime>
#include <QDir>
#include <QTemporaryFile>

namespace pgdesk::core {

struct PinnedResult::Spill {
    QTemporaryFile file;
};

namespace {

qint64 rowBytes(const PinnedResult::Row& row) {
    qint64 bytes = 16 + 8 * row.size();
    for (const auto& value : row)
        if (value)
            bytes += value->size() * 2 + 24;
    return bytes;
}

[[noreturn]] void spillFailed(const QString& what) {
    throwError(ErrorKind::Configuration,
               QStringLiteral("a pinned result could not %1 its rows in %2").arg(what, QDir::tempPath()));
}

} // namespace

PinnedResult::PinnedResult(QList<Column> columns, qint64 memoryLimit)
    : m_columns(std::move(columns))
    , m_limit(memoryLimit) {
}

PinnedResult::~PinnedResult() = default;
PinnedResult::PinnedResult(PinnedResult&&) noexcept = default;
PinnedResult& PinnedResult::operator=(PinnedResult&&) noexcept = default;

QStringList PinnedResult::columnNames() const {
    QStringList names;
    for (const Column& c : m_columns)
        names << c.name;
    return names;
}

int PinnedResult::columnIndex(const QString& name) const {
    for (qsizetype i = 0; i < m_columns.size(); ++i)
        if (m_columns[i].name == name)
            return int(i);
    return -1;
}

void PinnedResult::append(const Row& row) {
    const qint64 bytes = rowBytes(row);
    if (m_offsets.isEmpty() && m_memoryBytes + bytes <= m_limit) {
        m_memoryRows << row;
        m_memoryBytes += bytes;
        return;
    }
    if (!m_spill) {
        m_spill = std::make_unique<Spill>();
        m_spill->file.setFileTemplate(QDir::temp().filePath(
            QStringLiteral("pgdesk-pin-%1-XXXXXX").arg(QCoreApplication::applicationPid())));
        if (!m_spill->file.open())
            spillFailed(QStringLiteral("keep"));
        // Unlinked at once: the open file is ours alone and goes with the process.
        QFile::remove(m_spill->file.fileName());
        m_spill->file.setAutoRemove(false);
    }
    QFile& file = m_spill->file;
    const qint64 at = file.size();
    if (!file.seek(at))
        spillFailed(QStringLiteral("keep"));
    QDataStream out(&file);
    out << qint32(row.size());
    for (const auto& value : row) {
        out << bool(value.has_value());
        if (value)
            out << *value;
    }
    if (out.status() != QDataStream::Ok)
        spillFailed(QStringLiteral("keep"));
    m_offsets << at;
    m_memoryBytes += 8;
}

PinnedResult::Row PinnedResult::row(qint64 index) const {
    if (index < m_memoryRows.size())
        return m_memoryRows.at(index);
    QFile& file = m_spill->file;
    if (!file.seek(m_offsets.at(index - m_memoryRows.size())))
        spillFailed(QStringLiteral("read"));
    QDataStream in(&file);
    qint32 count = 0;
    in >> count;
    Row out;
    out.reserve(count);
    for (qint32 i = 0; i < count; ++i) {
        bool present = false;
        in >> present;
        if (present) {
            QString value;
            in >> value;
            out << value;
        } else {
            out << std::nullopt;
        }
    }
    if (in.status() != QDataStream::Ok)
        spillFailed(QStringLiteral("read"));
    return out;
}

PinnedResult pinQuery(Connection& connection, const QString& sql, const Params& params,
                      const std::function<bool(qint64 rows)>& progress, qint64 memoryLimit, int fetchRows) {
    TransactionOptions snapshot;
    snapshot.isolation = IsolationLevel::RepeatableRead;
    snapshot.readOnly = true;
    Transaction transaction(connection, snapshot);
    const QString cursor = QStringLiteral("pgdesk_pin");
    QString body = sql.trimmed();
    while (body.endsWith(u';'))
        body = body.chopped(1).trimmed();
    connection.exec(QStringLiteral("DECLARE %1 NO SCROLL CURSOR FOR %2").arg(quoteIdentifier(cursor), body),
                    params);
    const QString fetch =
        QStringLiteral("FETCH FORWARD %1 FROM %2").arg(std::max(1, fetchRows)).arg(quoteIdentifier(cursor));
    std::optional<PinnedResult> pinned;
    for (;;) {
        const Result batch = connection.exec(fetch);
        if (!pinned) {
            QList<PinnedResult::Column> columns;
            for (int c = 0; c < batch.columnCount(); ++c)
                columns << PinnedResult::Column{batch.columnName(c), batch.columnType(c)};
            pinned.emplace(columns, memoryLimit);
            pinned->sql = sql;
            pinned->pinnedAt = QDateTime::currentDateTime().toString(Qt::ISODate);
        }
        for (int r = 0; r < batch.rowCount(); ++r) {
            PinnedResult::Row row;
            row.reserve(batch.columnCount());
            for (int c = 0; c < batch.columnCount(); ++c)
                row << (batch.isNull(r, c) ? std::nullopt : std::optional<QString>(batch.text(r, c)));
            pinned->append(row);
        }
        if (progress && !progress(pinned->rowCount()))
            throwError(ErrorKind::QueryCanceled, QStringLiteral("pinning the result was cancelled"));
        if (batch.rowCount() < fetchRows)
            break;
    }
    transaction.commit();
    return std::move(*pinned);
}

} // namespace pgdesk::core
