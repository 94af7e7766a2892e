// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace pgdesk::core {

// What an AI agent proposed through `pgdesk-cli mcp` and a person applies or discards: a change set for a
// table (propose_changes) or a migration script (propose_migration), with who proposed it and when. Nothing
// an agent proposes runs until a person applies it: in the table's tab, whose bar offers it as staged
// edits (previewed and applied with conflict detection like any), or with `pgdesk-cli apply --proposal ID`
// under the usual production guard.
struct Proposal {
    enum class Kind { Changes, Migration };
    // Staged: taken into a table tab's staged edits, where the person applies or discards them.
    enum class Status { Pending, Staged, Applied, Discarded };
    qint64 id = 0;
    QString profile; // journalKey() of the profile it is for
    Kind kind = Kind::Changes;
    QString table;        // Changes: the change set's table ("schema.table"); Migration: empty
    QString body;         // the change set's JSON (apply's format), or the migration's SQL
    QString analysis;     // JSON: the SQL preview and the checks' findings, or the statements' locks
    QString summary;      // one line: "2 updates, 1 insert to public.customer"
    QString proposedBy;   // the agent's client ("claude-code 2.1.0")
    QDateTime proposedAt; // UTC
    Status status = Status::Pending;
};

// "changes", "migration"; "pending", "staged", "applied", "discarded".
QString proposalKindName(Proposal::Kind kind);
QString proposalStatusName(Proposal::Status status);

// The proposals, kept beside the window's staged edits (its change journal's file,
// ~/.local/share/pgdesk/pgdesk/journal.sqlite, table `proposals`): readable by its owner only, shared by
// every process of the user (a server writes, the window reads), each write committed at once.
class ProposalStore final {
public:
    // Opens the store at `path`. ConfigurationError when it cannot.
    explicit ProposalStore(const QString& path = defaultPath());
    ~ProposalStore();
    ProposalStore(const ProposalStore&) = delete;
    ProposalStore& operator=(const ProposalStore&) = delete;
    static QString defaultPath();

    // Stores a pending proposal; its id (proposal.id and status are ignored).
    qint64 add(const Proposal& proposal);
    std::optional<Proposal> get(qint64 id) const;
    // Pending proposals of `profile`, oldest first; of one table's changes when `table` is given.
    QList<Proposal> pending(const QString& profile, const QString& table = {}) const;
    // Pending → staged, applied or discarded; false when it was no longer pending (another window, another
    // process took it).
    bool settle(qint64 id, Proposal::Status status);

private:
    QString m_path;
    QString m_connection;
};

} // namespace pgdesk::core
