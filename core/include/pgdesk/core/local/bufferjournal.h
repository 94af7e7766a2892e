// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace pgdesk::core {

// One query tool's unsaved text, as last autosaved.
struct BufferEntry {
    QString id;       // the tool's own key, unique per tab and process
    QString profile;  // whose session the tool was on (the history key)
    QString filePath; // the .sql file it edits; empty for an untitled buffer
    QString text;
    qint64 pid = 0;    // the process that wrote it
    QDateTime savedAt; // UTC
};

// Unsaved query tool buffers kept on disk (SQLite through Qt Sql) so that a crash or a killed process does
// not lose them, as ChangeJournal does for staged edits: the tool writes its text after a few idle
// seconds, clears it when saved, discarded or closed normally, and on start the window offers back what
// processes no longer running left. Every write is its own committed transaction (WAL). The file is
// readable by its owner only: it holds SQL with data in it.
//
// Qt Sql connections belong to the thread that made them: use one BufferJournal per thread.
class BufferJournal final {
public:
    // Opens the journal at `path`, creating the file and its folder if needed. ConfigurationError when the
    // file cannot be opened or is not a buffer journal.
    explicit BufferJournal(const QString& path = defaultPath());
    ~BufferJournal();
    BufferJournal(const BufferJournal&) = delete;
    BufferJournal& operator=(const BufferJournal&) = delete;

    // GenericDataLocation/pgdesk/buffers.sqlite (~/.local/share/pgdesk/buffers.sqlite).
    static QString defaultPath();

    // Stores `entry` under its id, replacing what was there; pid and savedAt are this process and now.
    void save(const BufferEntry& entry);
    void clear(const QString& id);
    // The buffers of `profile` left by processes that are gone (crashed or killed), oldest first.
    QList<BufferEntry> orphans(const QString& profile) const;

    const QString& path() const { return m_path; }

private:
    QString m_path;
    QString m_connectionName;
};

} // namespace pgdesk::core
