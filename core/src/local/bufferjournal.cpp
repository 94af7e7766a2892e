// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/local/bufferjournal.h>

#include <pgdesk/core/local/localdatabase.h>

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <cerrno>
#include <signal.h>

namespace pgdesk::core {

namespace {

const localdb::Names kNames{QStringLiteral("buffers"), QStringLiteral("query buffer journal")};

// Whether process `pid` still runs (then its buffers are its own, not left behind).
bool isRunning(qint64 pid) {
    if (pid <= 0)
        return false;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

} // namespace

QString BufferJournal::defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/pgdesk/buffers.sqlite");
}

BufferJournal::BufferJournal(const QString& path)
    : m_path(path)
    , m_connectionName(localdb::open(
          kNames, path, QStringLiteral("pgdesk-buffers"),
          {QStringLiteral("CREATE TABLE IF NOT EXISTS buffers (id TEXT PRIMARY KEY, profile TEXT NOT NULL,"
                          " file TEXT NOT NULL, text TEXT NOT NULL, pid INTEGER NOT NULL,"
                          " saved_ms INTEGER NOT NULL)")},
          QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"))) {
}

BufferJournal::~BufferJournal() {
    localdb::close(m_connectionName);
}

void BufferJournal::save(const BufferEntry& entry) {
    localdb::exec(kNames, QSqlDatabase::database(m_connectionName, false), m_path,
                  QStringLiteral("INSERT OR REPLACE INTO buffers (id, profile, file, text, pid, saved_ms)"
                                 " VALUES (?, ?, ?, ?, ?, ?)"),
                  {entry.id, entry.profile,
                   entry.filePath.isNull() ? QString(QLatin1String("")) : entry.filePath,
                   entry.text.isNull() ? QString(QLatin1String("")) : entry.text,
                   QCoreApplication::applicationPid(), QDateTime::currentMSecsSinceEpoch()});
}

void BufferJournal::clear(const QString& id) {
    localdb::exec(kNames, QSqlDatabase::database(m_connectionName, false), m_path,
                  QStringLiteral("DELETE FROM buffers WHERE id = ?"), {id});
}

QList<BufferEntry> BufferJournal::orphans(const QString& profile) const {
    QSqlQuery q = localdb::exec(
        kNames, QSqlDatabase::database(m_connectionName, false), m_path,
        QStringLiteral("SELECT id, profile, file, text, pid, saved_ms FROM buffers WHERE profile = ?"
                       " ORDER BY saved_ms, id"),
        {profile});
    QList<BufferEntry> out;
    while (q.next()) {
        BufferEntry e;
        e.id = q.value(0).toString();
        e.profile = q.value(1).toString();
        e.filePath = q.value(2).toString();
        e.text = q.value(3).toString();
        e.pid = q.value(4).toLongLong();
        e.savedAt = QDateTime::fromMSecsSinceEpoch(q.value(5).toLongLong(), Qt::UTC);
        if (!isRunning(e.pid))
            out << e;
    }
    return out;
}

} // namespace pgdesk::core
