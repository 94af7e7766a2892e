#include <pgdesk/core/changejournal.h>

#include "localdatabase.h"

#include <pgdesk/core/errors.h>

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

const localdb::Names kNames{QStringLiteral("journal"), QStringLiteral("change journal")};

QSqlQuery exec(const QSqlDatabase& db, const QString& path, const QString& sql,
               const QVariantList& values = {}) {
    return localdb::exec(kNames, db, path, sql, values);
}

} // namespace

QString ChangeJournal::defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/journal.sqlite");
}

// WAL with synchronous = NORMAL: a committed stage is in the OS's hands, so it survives the process being
// killed or crashing, without an fsync per edit (the editor stages on the GUI thread; FULL cost 1–5 ms per
// cell). Only a power loss can take the last stages.
ChangeJournal::ChangeJournal(const QString& path)
    : m_path(path)
    , m_connectionName(localdb::open(
          kNames, path, QStringLiteral("pgdesk-journal"),
          {QStringLiteral("PRAGMA synchronous = NORMAL"),
           QStringLiteral(
               "CREATE TABLE IF NOT EXISTS staged (profile TEXT NOT NULL, table_name TEXT NOT NULL,"
               " change_set TEXT NOT NULL, staged_at TEXT NOT NULL, seq INTEGER NOT NULL,"
               " PRIMARY KEY (profile, table_name))")})) {
}

ChangeJournal::~ChangeJournal() {
    localdb::close(m_connectionName);
}

void ChangeJournal::stage(const QString& profile, const ChangeSet& changes) {
    if (changes.isEmpty()) {
        clear(profile, changes.table);
        return;
    }
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    exec(db, m_path,
         // seq orders the entries by last write even within one clock tick.
         QStringLiteral("INSERT INTO staged (profile, table_name, change_set, staged_at, seq)"
                        " VALUES (?, ?, ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM staged))"
                        " ON CONFLICT (profile, table_name) DO UPDATE SET change_set = excluded.change_set,"
                        " staged_at = excluded.staged_at, seq = excluded.seq"),
         {profile, changes.table, QString::fromUtf8(changes.toJsonText(false)),
          QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
}

void ChangeJournal::clear(const QString& profile, const QString& table) {
    exec(QSqlDatabase::database(m_connectionName, false), m_path,
         QStringLiteral("DELETE FROM staged WHERE profile = ? AND table_name = ?"), {profile, table});
}

std::optional<ChangeSet> ChangeJournal::load(const QString& profile, const QString& table) const {
    QSqlQuery q = exec(QSqlDatabase::database(m_connectionName, false), m_path,
                       QStringLiteral("SELECT change_set FROM staged WHERE profile = ? AND table_name = ?"),
                       {profile, table});
    if (!q.next())
        return std::nullopt;
    return ChangeSet::fromJsonText(q.value(0).toString().toUtf8());
}

QList<JournalEntry> ChangeJournal::entries() const {
    QSqlQuery q = exec(QSqlDatabase::database(m_connectionName, false), m_path,
                       QStringLiteral("SELECT profile, table_name, change_set, staged_at FROM staged"
                                      " ORDER BY seq"));
    QList<JournalEntry> out;
    while (q.next()) {
        try {
            JournalEntry e{q.value(0).toString(), q.value(1).toString(),
                           ChangeSet::fromJsonText(q.value(2).toString().toUtf8()),
                           QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs)};
            out << e;
        } catch (const ConfigurationError&) {
            // Written by another version, or damaged: skipped, so one bad entry never hides the others.
        }
    }
    return out;
}

} // namespace pgdesk::core
