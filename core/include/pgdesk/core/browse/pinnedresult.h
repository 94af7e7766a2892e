// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/base/param.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace pgdesk::core {

class Connection;

// A query result kept as it was (a pinned result): its columns and every row, values as PostgreSQL's
// exact text. Rows stay in memory up to a limit; the rest go to a local file that is unlinked as soon as
// it is open, so nothing of it outlives the process, killed or not; memory then holds 8 bytes a row.
class PinnedResult {
public:
    struct Column {
        QString name;
        quint32 type = 0; // the type's oid; 0 when not known
    };
    using Row = QList<std::optional<QString>>;
    static constexpr qint64 kDefaultMemoryLimit = 64LL * 1024 * 1024;

    explicit PinnedResult(QList<Column> columns, qint64 memoryLimit = kDefaultMemoryLimit);
    ~PinnedResult();
    PinnedResult(PinnedResult&&) noexcept;
    PinnedResult& operator=(PinnedResult&&) noexcept;

    const QList<Column>& columns() const { return m_columns; }
    QStringList columnNames() const;
    int columnIndex(const QString& name) const; // -1 when there is none
    qint64 rowCount() const { return m_memoryRows.size() + m_offsets.size(); }
    // Throws (ErrorKind::Configuration, naming the file's folder) when the spill file cannot be written or
    // read.
    void append(const Row& row);
    Row row(qint64 index) const;
    bool spilled() const { return !m_offsets.isEmpty(); }
    qint64 memoryBytes() const { return m_memoryBytes; }

    // Where it came from, for its tab: the statement and when it was pinned.
    QString sql;
    QString pinnedAt;

private:
    QList<Column> m_columns;
    qint64 m_limit;
    qint64 m_memoryBytes = 0;
    QList<Row> m_memoryRows;
    QList<qint64> m_offsets; // of the rows in the file, after the memory's
    struct Spill;
    std::unique_ptr<Spill> m_spill;
};

// Every row of `sql` read into a pinned result through a cursor in a REPEATABLE READ READ ONLY transaction
// (one snapshot, nothing written), `fetchRows` at a time. `progress` gets the rows read; false cancels
// (QueryCanceled).
PinnedResult pinQuery(Connection& connection, const QString& sql, const Params& params = {},
                      const std::function<bool(qint64 rows)>& progress = {},
                      qint64 memoryLimit = PinnedResult::kDefaultMemoryLimit, int fetchRows = 5000);

} // namespace pgdesk::core
