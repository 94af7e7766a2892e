// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/local/queryhistory.h>
#include <pgdesk/core/sqltext/secretmask.h>

#include <pgdesk/core/local/localdatabase.h>

#include <pgdesk/core/base/errors.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <atomic>

namespace pgdesk::core {

namespace {

const localdb::Names kNames{QStringLiteral("history"), QStringLiteral("query history")};

[[noreturn]] void fail(const QString& path, const QString& what, const QSqlError& error) {
    localdb::fail(kNames, path, what, error);
}

QSqlQuery exec(const QSqlDatabase& db, const QString& path, const QString& sql,
               const QVariantList& values = {}) {
    return localdb::exec(kNames, db, path, sql, values);
}

} // namespace

QString QueryHistory::defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/pgdesk/history.sqlite");
}

QueryHistory::QueryHistory(const QString& path, int cap)
    : m_path(path)
    // `folded` is the SQL case-folded by Qt (Unicode, unlike SQLite's ASCII-only lower()), searched with
    // instr() so that no character of the search text is a wildcard.
    , m_connectionName(localdb::open(
          kNames, path, QStringLiteral("pgdesk-history"),
          {QStringLiteral("CREATE TABLE IF NOT EXISTS history (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                          " profile TEXT NOT NULL, sql TEXT NOT NULL, folded TEXT NOT NULL,"
                          " started_ms INTEGER NOT NULL, duration_ms INTEGER NOT NULL,"
                          " row_count INTEGER NOT NULL, error TEXT NOT NULL)"),
           QStringLiteral("CREATE INDEX IF NOT EXISTS history_profile ON history (profile, id)")},
          QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000")))
    , m_cap(std::max(1, cap)) {
}

QueryHistory::~QueryHistory() {
    localdb::close(m_connectionName);
}

qint64 QueryHistory::add(const QString& profile, const QString& text, const QDateTime& started,
                         qint64 durationMs, qint64 rows, const QString& error) {
    const QString sql = maskStatementSecrets(text); // the file outlives the process: no password in it
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        fail(m_path, QStringLiteral("cannot begin"), db.lastError());
    try {
        const QSqlQuery insert = exec(
            db, m_path,
            QStringLiteral("INSERT INTO history (profile, sql, folded, started_ms, duration_ms, row_count,"
                           " error) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {profile, sql, sql.toCaseFolded(), started.toMSecsSinceEpoch(), durationMs, rows,
             error.isNull() ? QString(QLatin1String("")) : error});
        const qint64 id = insert.lastInsertId().toLongLong();
        // Keep the newest m_cap entries of this profile.
        exec(db, m_path,
             QStringLiteral("DELETE FROM history WHERE profile = ? AND id <= (SELECT id FROM history"
                            " WHERE profile = ? ORDER BY id DESC LIMIT 1 OFFSET ?)"),
             {profile, profile, m_cap});
        if (!db.commit())
            fail(m_path, QStringLiteral("cannot commit"), db.lastError());
        return id;
    } catch (...) {
        db.rollback();
        throw;
    }
}

QList<HistoryEntry> QueryHistory::search(const QString& profile, const QString& text, int limit) const {
    QSqlQuery q = exec(QSqlDatabase::database(m_connectionName, false), m_path,
                       QStringLiteral("SELECT id, profile, sql, started_ms, duration_ms, row_count, error"
                                      " FROM history WHERE profile = ? AND instr(folded, coalesce(?, '')) > 0"
                                      " ORDER BY id DESC LIMIT ?"),
                       {profile, text.toCaseFolded(), std::max(0, limit)});
    QList<HistoryEntry> out;
    while (q.next()) {
        HistoryEntry e;
        e.id = q.value(0).toLongLong();
        e.profile = q.value(1).toString();
        e.sql = q.value(2).toString();
        e.started = QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC);
        e.durationMs = q.value(4).toLongLong();
        e.rows = q.value(5).toLongLong();
        e.error = q.value(6).toString();
        out << e;
    }
    return out;
}

void QueryHistory::clear(const QString& profile) {
    exec(QSqlDatabase::database(m_connectionName, false), m_path,
         QStringLiteral("DELETE FROM history WHERE profile = ?"), {profile});
}

qint64 QueryHistory::count(const QString& profile) const {
    QSqlQuery q = exec(QSqlDatabase::database(m_connectionName, false), m_path,
                       QStringLiteral("SELECT count(*) FROM history WHERE profile = ?"), {profile});
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace pgdesk::core
