// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/editing/changeset.h>
#include <pgdesk/core/profiles/connectionprofile.h>

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace pgdesk::core {

// One change set left staged in the journal.
struct JournalEntry {
    QString profile;
    QString table; // ChangeSet::table
    ChangeSet changes;
    QDateTime stagedAt; // last time it was written, UTC
};

// The journal's name for the session of `profile`: its name, or for a session opened from a DSN (no name)
// "dsn:user@host:port/database" (plus "?service=…"), never the password, so that the same DSN opened again
// finds what it staged before a crash.
QString journalKey(const ConnectionProfile& profile);

// Staged change sets per connection profile and table, kept on disk (SQLite through Qt Sql) so that edits
// survive a crash or a quit: the editor writes the whole change set at each stage, clears it after a
// successful apply or a discard, and lists what is left on start to offer it back. Every write is its own
// committed SQLite transaction (WAL, synchronous=NORMAL), so a killed process loses nothing it staged. The
// file is readable by its owner only: it holds data values.
//
// The SQLite connection lives on the journal's own thread: every call is queued there in order, so the
// editor can hand over a stage without waiting for it (stageLater()) and still read back what it staged.
// Calls are thread-safe.
class ChangeJournal final {
public:
    // Opens the journal at `path`, creating the file and its folder if needed. ConfigurationError when the
    // file cannot be opened or is not a journal.
    explicit ChangeJournal(const QString& path = defaultPath());
    ~ChangeJournal();
    ChangeJournal(const ChangeJournal&) = delete;
    ChangeJournal& operator=(const ChangeJournal&) = delete;

    // QStandardPaths::AppDataLocation/journal.sqlite (~/.local/share/pgdesk/pgdesk/journal.sqlite).
    static QString defaultPath();

    // Stores the change set for (profile, changes.table), replacing what was there; an empty change set
    // clears the entry instead.
    void stage(const QString& profile, const ChangeSet& changes);
    // stage() without waiting for it (the editor stages on the GUI thread at every edit). Stages of one entry
    // still queued are merged into the latest; anything called afterwards sees it written. A failure is kept
    // for writeError().
    void stageLater(const QString& profile, const ChangeSet& changes);
    // The failure of the last write stageLater() queued; empty when it worked.
    QString writeError() const;
    void clear(const QString& profile, const QString& table);
    std::optional<ChangeSet> load(const QString& profile, const QString& table) const;
    // Everything staged, oldest first (on start: what earlier sessions left). Entries that no longer read as
    // change sets are skipped (and left in place), never fatal.
    QList<JournalEntry> entries() const;

    const QString& path() const { return m_path; }

private:
    class Worker;
    QString m_path;
    QString m_connection; // the Qt Sql connection's name, used on the worker only
    std::unique_ptr<Worker> m_worker;
};

} // namespace pgdesk::core
