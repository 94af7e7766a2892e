// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QtGlobal>

namespace pgdesk::core {

// One run of the query tool.
struct HistoryEntry {
    qint64 id = 0;
    QString profile;
    QString sql;
    QDateTime started; // UTC, millisecond precision
    qint64 durationMs = 0;
    qint64 rows = -1; // rows returned or affected by the last statement; -1 when none said
    QString error;    // empty when the run succeeded
};

// The query tool's history per connection profile, kept locally in SQLite through Qt Sql (WAL, a busy
// timeout so that two windows can write at once). Each profile keeps its newest `cap` entries; older ones
// are pruned as new ones come. The file is readable by its owner only: it holds SQL with data in it.
//
// Qt Sql connections belong to the thread that made them: make one QueryHistory per thread that needs it
// (it opens its own named connection and closes it when destroyed); cheap enough for each worker job.
class QueryHistory final {
public:
    static constexpr int kDefaultCap = 10000;

    // Opens (creating the file, its folder and its table if needed). ConfigurationError when the file
    // cannot be opened or is not a history.
    explicit QueryHistory(const QString& path = defaultPath(), int cap = kDefaultCap);
    ~QueryHistory();
    QueryHistory(const QueryHistory&) = delete;
    QueryHistory& operator=(const QueryHistory&) = delete;

    // QStandardPaths::GenericDataLocation + "/pgdesk/history.sqlite" (~/.local/share/pgdesk/history.sqlite).
    static QString defaultPath();

    // Records a run and prunes the profile's oldest entries beyond the cap. Returns the entry's id.
    qint64 add(const QString& profile, const QString& sql, const QDateTime& started, qint64 durationMs,
               qint64 rows, const QString& error = {});
    // The profile's entries whose SQL contains `text` (case-insensitively, Unicode case folding; `%`, `_`
    // and `\` are just characters), newest first, at most `limit`. Empty text: the newest entries.
    QList<HistoryEntry> search(const QString& profile, const QString& text = {}, int limit = 200) const;
    // Forgets the profile's history.
    void clear(const QString& profile);
    qint64 count(const QString& profile) const;

    const QString& path() const { return m_path; }

private:
    QString m_path;
    QString m_connectionName;
    int m_cap;
};

} // namespace pgdesk::core
