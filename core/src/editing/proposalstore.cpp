// SPDX-License-Identifier: GPL-3.0-or-later
#include <pgdesk/core/editing/proposalstore.h>
#include <pgdesk/core/local/localdatabase.h>

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>

namespace pgdesk::core {

namespace {

const localdb::Names kNames{QStringLiteral("proposals"), QStringLiteral("proposal store")};

Proposal proposalOf(const QSqlQuery& q) {
    Proposal p;
    p.id = q.value(0).toLongLong();
    p.profile = q.value(1).toString();
    p.kind = q.value(2).toString() == QLatin1String("migration") ? Proposal::Kind::Migration
                                                                 : Proposal::Kind::Changes;
    p.table = q.value(3).toString();
    p.body = q.value(4).toString();
    p.analysis = q.value(5).toString();
    p.summary = q.value(6).toString();
    p.proposedBy = q.value(7).toString();
    p.proposedAt = QDateTime::fromMSecsSinceEpoch(q.value(8).toLongLong(), Qt::UTC);
    const QString status = q.value(9).toString();
    p.status = status == QLatin1String("staged")      ? Proposal::Status::Staged
               : status == QLatin1String("applied")   ? Proposal::Status::Applied
               : status == QLatin1String("discarded") ? Proposal::Status::Discarded
                                                      : Proposal::Status::Pending;
    return p;
}

const char* const kColumns =
    "id, profile, kind, table_name, body, analysis, summary, proposed_by, proposed_ms, status";

} // namespace

QString proposalKindName(Proposal::Kind kind) {
    return kind == Proposal::Kind::Migration ? QStringLiteral("migration") : QStringLiteral("changes");
}

QString proposalStatusName(Proposal::Status status) {
    switch (status) {
    case Proposal::Status::Staged:
        return QStringLiteral("staged");
    case Proposal::Status::Applied:
        return QStringLiteral("applied");
    case Proposal::Status::Discarded:
        return QStringLiteral("discarded");
    case Proposal::Status::Pending:
        break;
    }
    return QStringLiteral("pending");
}

QString ProposalStore::defaultPath() {
    // The window's journal file (its AppDataLocation, organization and application "pgdesk"), named whole:
    // pgdesk-cli, which writes proposals, has other application names.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/pgdesk/pgdesk/journal.sqlite");
}

ProposalStore::ProposalStore(const QString& path)
    : m_path(path)
    , m_connection(localdb::open(
          kNames, path, QStringLiteral("pgdesk-proposals"),
          {QStringLiteral("CREATE TABLE IF NOT EXISTS proposals (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                          " profile TEXT NOT NULL, kind TEXT NOT NULL, table_name TEXT NOT NULL,"
                          " body TEXT NOT NULL, analysis TEXT NOT NULL, summary TEXT NOT NULL,"
                          " proposed_by TEXT NOT NULL, proposed_ms INTEGER NOT NULL, status TEXT NOT NULL)"),
           QStringLiteral("CREATE INDEX IF NOT EXISTS proposals_pending ON proposals (profile, status, id)")},
          QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"))) {
}

ProposalStore::~ProposalStore() {
    localdb::close(m_connection);
}

qint64 ProposalStore::add(const Proposal& p) {
    const QSqlQuery q = localdb::exec(
        kNames, QSqlDatabase::database(m_connection, false), m_path,
        QStringLiteral(
            "INSERT INTO proposals (profile, kind, table_name, body, analysis, summary, proposed_by,"
            " proposed_ms, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending')"),
        {p.profile, proposalKindName(p.kind), p.table.isNull() ? QStringLiteral("") : p.table, p.body,
         p.analysis.isNull() ? QStringLiteral("") : p.analysis, p.summary,
         p.proposedBy.isNull() ? QStringLiteral("") : p.proposedBy,
         (p.proposedAt.isValid() ? p.proposedAt : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch()});
    return q.lastInsertId().toLongLong();
}

std::optional<Proposal> ProposalStore::get(qint64 id) const {
    QSqlQuery q = localdb::exec(
        kNames, QSqlDatabase::database(m_connection, false), m_path,
        QStringLiteral("SELECT %1 FROM proposals WHERE id = ?").arg(QLatin1String(kColumns)), {id});
    if (!q.next())
        return std::nullopt;
    return proposalOf(q);
}

QList<Proposal> ProposalStore::pending(const QString& profile, const QString& table) const {
    QSqlQuery q = localdb::exec(
        kNames, QSqlDatabase::database(m_connection, false), m_path,
        QStringLiteral("SELECT %1 FROM proposals WHERE profile = ? AND status = 'pending'"
                       " AND (? = '' OR table_name = ?) ORDER BY id")
            .arg(QLatin1String(kColumns)),
        {profile, table.isNull() ? QStringLiteral("") : table, table.isNull() ? QStringLiteral("") : table});
    QList<Proposal> out;
    while (q.next())
        out << proposalOf(q);
    return out;
}

bool ProposalStore::settle(qint64 id, Proposal::Status status) {
    const QSqlQuery q =
        localdb::exec(kNames, QSqlDatabase::database(m_connection, false), m_path,
                      QStringLiteral("UPDATE proposals SET status = ? WHERE id = ? AND status = 'pending'"),
                      {proposalStatusName(status), id});
    return q.numRowsAffected() == 1;
}

} // namespace pgdesk::core
