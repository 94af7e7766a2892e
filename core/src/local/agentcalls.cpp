// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/local/agentcalls.h>

#include <pgdesk/core/local/localdatabase.h>
#include <pgdesk/core/local/queryhistory.h>
#include <pgdesk/core/sqltext/secretmask.h>

#include <pgdesk/core/base/errors.h>

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace pgdesk::core {

namespace {

const localdb::Names kNames{QStringLiteral("history"), QStringLiteral("agent call log")};

QString text(const QString& s) {
    return s.isNull() ? QStringLiteral("") : s; // NOT NULL columns
}

} // namespace

QString AgentCallLog::defaultPath() {
    return QueryHistory::defaultPath();
}

AgentCallLog::AgentCallLog(const QString& path, int keep)
    : m_path(path)
    , m_connection(localdb::open(
          kNames, path, QStringLiteral("pgdesk-agentcalls"),
          {QStringLiteral("CREATE TABLE IF NOT EXISTS agent_calls (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                          " at_ms INTEGER NOT NULL, profile TEXT NOT NULL, client TEXT NOT NULL,"
                          " tool TEXT NOT NULL, statement TEXT NOT NULL, row_count INTEGER NOT NULL,"
                          " refused INTEGER NOT NULL, message TEXT NOT NULL)")},
          QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000")))
    , m_keep(std::max(1, keep)) {
}

AgentCallLog::~AgentCallLog() {
    localdb::close(m_connection);
}

qint64 AgentCallLog::add(const AgentCall& call) {
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        localdb::fail(kNames, m_path, QStringLiteral("cannot begin"), db.lastError());
    try {
        const QSqlQuery insert = localdb::exec(
            kNames, db, m_path,
            QStringLiteral("INSERT INTO agent_calls (at_ms, profile, client, tool, statement, row_count,"
                           " refused, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {(call.at.isValid() ? call.at : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch(),
             text(call.profile), text(call.client), text(call.tool),
             text(maskStatementSecrets(call.statement)), call.rows, call.refused ? 1 : 0,
             text(call.message)});
        const qint64 id = insert.lastInsertId().toLongLong();
        localdb::exec(kNames, db, m_path, QStringLiteral("DELETE FROM agent_calls WHERE id <= ?"),
                      {id - m_keep});
        if (!db.commit())
            localdb::fail(kNames, m_path, QStringLiteral("cannot commit"), db.lastError());
        return id;
    } catch (...) {
        db.rollback();
        throw;
    }
}

QList<AgentCall> AgentCallLog::after(qint64 afterId, int limit) const {
    // The newest `limit` above afterId, then oldest first.
    QSqlQuery q = localdb::exec(
        kNames, QSqlDatabase::database(m_connection, false), m_path,
        QStringLiteral("SELECT id, at_ms, profile, client, tool, statement, row_count, refused, message FROM"
                       " (SELECT * FROM agent_calls WHERE id > ? ORDER BY id DESC LIMIT ?) ORDER BY id"),
        {afterId, limit});
    QList<AgentCall> out;
    while (q.next()) {
        AgentCall c;
        c.id = q.value(0).toLongLong();
        c.at = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
        c.profile = q.value(2).toString();
        c.client = q.value(3).toString();
        c.tool = q.value(4).toString();
        c.statement = q.value(5).toString();
        c.rows = q.value(6).toLongLong();
        c.refused = q.value(7).toInt() != 0;
        c.message = q.value(8).toString();
        out << c;
    }
    return out;
}

qint64 AgentCallLog::lastId() const {
    QSqlQuery q = localdb::exec(kNames, QSqlDatabase::database(m_connection, false), m_path,
                                QStringLiteral("SELECT coalesce(max(id), 0) FROM agent_calls"));
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace pgdesk::core
