// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/local/bufferjournal.h>

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>

class QFileSystemWatcher;
class QPlainTextEdit;
class QTimer;

namespace pgdesk::ui {

// What a query tool's text is kept in: the .sql file it was opened from or saved to (UTF-8, written
// through QSaveFile, with the line endings the file had), watched for changes made outside, and an
// autosave of the unsaved text in core::BufferJournal a few idle seconds after each edit, so that a crash
// loses nothing; the autosave is cleared when the text is saved, discarded or the tool closed normally.
class QueryFile final : public QObject {
    Q_OBJECT
public:
    // `profile`: the session's history key, which the autosave is filed under.
    QueryFile(QPlainTextEdit* editor, QString profile, QObject* parent = nullptr);
    ~QueryFile() override;

    static constexpr int kAutosaveDelayMs = 2000;
    static constexpr int kRecentFiles = 10;

    const QString& path() const { return m_path; }
    bool isModified() const;
    // The document's text exactly (no-break spaces kept; lines joined with "\n").
    QString text() const;

    // Reads `path` into the editor (unmodified); false with `error` set when it cannot be read.
    bool open(const QString& path, QString* error);
    // Writes the text to `path` (which becomes the tool's file); false with `error` set on failure.
    bool saveTo(const QString& path, QString* error);
    // Reads the file again, dropping unsaved changes.
    bool reload(QString* error);

    // The autosave's key, unique per tool and process.
    const QString& bufferId() const { return m_bufferId; }
    // Writes the autosave now (when modified; clears it otherwise). False when the journal failed.
    bool autosaveNow();
    void discardAutosave();
    // Takes in what a dead process left: its text (modified) and file; its entry moves to this tool.
    void recover(const core::BufferEntry& entry);
    // Whether the buffer was recovered after a crash (not yet saved).
    bool isRecovered() const { return m_recovered; }

    // The .sql files opened or saved last, newest first.
    static QStringList recentFiles();
    static void noteRecentFile(const QString& path);

signals:
    void pathChanged();
    // The file changed on disk while the text has unsaved changes: the tool asks what to do.
    void changedOutside();
    // The file changed on disk and the unmodified text was read again.
    void reloaded();
    void autosaveFailed(const QString& error);

private:
    core::BufferJournal* journal();
    void watch();
    void onFileChanged();

    QPlainTextEdit* m_editor;
    QString m_profile;
    QString m_path;
    QString m_bufferId;
    QByteArray m_diskBytes; // what the file held when last read or written
    bool m_crlf = false;    // the file's lines end with \r\n
    bool m_recovered = false;
    bool m_journalFailed = false;
    QFileSystemWatcher* m_watcher = nullptr;
    QTimer* m_autosave = nullptr;
    std::unique_ptr<core::BufferJournal> m_journal;
};

} // namespace pgdesk::ui
