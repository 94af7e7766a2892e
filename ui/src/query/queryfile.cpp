// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/queryfile.h"

#include <pgdesk/core/base/errors.h>

#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QSettings>
#include <QTextDocument>
#include <QTimer>
#include <QUuid>

namespace pgdesk::ui {

namespace {

const QString kRecentKey = QStringLiteral("query/recentFiles");

} // namespace

QueryFile::QueryFile(QPlainTextEdit* editor, QString profile, QObject* parent)
    : QObject(parent)
    , m_editor(editor)
    , m_profile(std::move(profile))
    , m_bufferId(QUuid::createUuid().toString(QUuid::WithoutBraces)) {
    m_watcher = new QFileSystemWatcher(this);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &QueryFile::onFileChanged);
    m_autosave = new QTimer(this);
    m_autosave->setSingleShot(true);
    m_autosave->setInterval(kAutosaveDelayMs);
    connect(m_autosave, &QTimer::timeout, this, &QueryFile::autosaveNow);
    connect(m_editor->document(), &QTextDocument::contentsChanged, m_autosave, qOverload<>(&QTimer::start));
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, [this](bool modified) {
        if (!modified) {
            m_autosave->stop();
            discardAutosave();
        }
    });
}

QueryFile::~QueryFile() {
    // Closed normally: what was autosaved is not a crash's leftover. (The window keeps unsaved text of
    // open tabs in its session on quit.)
    discardAutosave();
}

bool QueryFile::isModified() const {
    return m_editor->document()->isModified();
}

QString QueryFile::text() const {
    // toPlainText() turns no-break spaces into spaces; the raw text keeps them.
    return m_editor->document()->toRawText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
}

bool QueryFile::open(const QString& path, QString* error) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return false;
    }
    const QByteArray bytes = f.readAll();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_diskBytes = bytes;
    m_crlf = bytes.contains("\r\n");
    QString content = QString::fromUtf8(bytes);
    if (m_crlf)
        content.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    m_editor->setPlainText(content);
    m_editor->document()->setModified(false);
    m_recovered = false;
    const bool changed = absolute != m_path;
    m_path = absolute;
    watch();
    noteRecentFile(m_path);
    if (changed)
        emit pathChanged();
    return true;
}

bool QueryFile::reload(QString* error) {
    const QTextCursor cursor = m_editor->textCursor();
    const int position = cursor.position();
    if (!open(m_path, error))
        return false;
    QTextCursor c = m_editor->textCursor();
    c.setPosition(std::min(position, m_editor->document()->characterCount() - 1));
    m_editor->setTextCursor(c);
    return true;
}

bool QueryFile::saveTo(const QString& path, QString* error) {
    QString content = text();
    if (m_crlf)
        content.replace(QLatin1Char('\n'), QLatin1String("\r\n"));
    const QByteArray bytes = content.toUtf8();
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        *error = f.errorString();
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_diskBytes = bytes;
    const bool changed = absolute != m_path;
    m_path = absolute;
    m_recovered = false;
    watch();
    noteRecentFile(m_path);
    m_editor->document()->setModified(false); // clears the autosave
    if (changed)
        emit pathChanged();
    return true;
}

void QueryFile::watch() {
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!m_path.isEmpty() && QFileInfo::exists(m_path))
        m_watcher->addPath(m_path);
}

void QueryFile::onFileChanged() {
    // QSaveFile (ours or an editor's) replaces the file: the watch goes with the old one; watch the new.
    watch();
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly))
        return; // removed or unreadable: the text stays, Save writes it again
    const QByteArray bytes = f.readAll();
    if (bytes == m_diskBytes)
        return; // our own save, or a touch
    if (isModified()) {
        m_diskBytes = bytes; // asked once per change
        emit changedOutside();
        return;
    }
    QString error;
    if (reload(&error))
        emit reloaded();
}

core::BufferJournal* QueryFile::journal() {
    if (!m_journal && !m_journalFailed) {
        try {
            m_journal = std::make_unique<core::BufferJournal>();
        } catch (const core::Error& e) {
            m_journalFailed = true;
            emit autosaveFailed(e.info().message);
        }
    }
    return m_journal.get();
}

bool QueryFile::autosaveNow() {
    m_autosave->stop();
    // On the GUI thread: one small local SQLite write after seconds of idle, never a server call.
    try {
        if (!isModified()) {
            discardAutosave();
            return true;
        }
        core::BufferJournal* j = journal();
        if (!j)
            return false;
        j->save(core::BufferEntry{m_bufferId, m_profile, m_path, text(), 0, {}});
        return true;
    } catch (const core::Error& e) {
        emit autosaveFailed(e.info().message);
        return false;
    }
}

void QueryFile::discardAutosave() {
    if (!m_journal)
        return; // nothing was ever written by this tool
    try {
        m_journal->clear(m_bufferId);
    } catch (const core::Error&) {
        // Left behind: offered back once as a crash's leftover, harmless.
    }
}

void QueryFile::recover(const core::BufferEntry& entry) {
    m_path = entry.filePath;
    if (!m_path.isEmpty()) {
        QFile f(m_path);
        if (f.open(QIODevice::ReadOnly)) {
            m_diskBytes = f.readAll();
            m_crlf = m_diskBytes.contains("\r\n");
        }
        watch();
    }
    m_editor->setPlainText(entry.text);
    m_editor->document()->setModified(true);
    m_recovered = true;
    emit pathChanged();
    // Filed under this tool now: written before the dead process's entry goes, so a crash in between
    // loses nothing.
    if (autosaveNow() && m_journal) {
        try {
            m_journal->clear(entry.id);
        } catch (const core::Error&) {
        }
    }
}

QStringList QueryFile::recentFiles() {
    return QSettings().value(kRecentKey).toStringList();
}

void QueryFile::noteRecentFile(const QString& path) {
    QSettings settings;
    QStringList files = settings.value(kRecentKey).toStringList();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kRecentFiles)
        files.removeLast();
    settings.setValue(kRecentKey, files);
}

} // namespace pgdesk::ui
