// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/completion/snippets.h>

#include <QDateTime>
#include <QList>
#include <QString>

namespace pgdesk::ui {

// The snippets every SQL editor of the process offers: the shipped library and the user's folder
// (core::loadSnippets), read again when the folder's listing changed since (a snippet saved, or a file put
// there by git). A few small files: read on the GUI thread, which does no libpq work here.
class SnippetLibrary final {
public:
    static SnippetLibrary& instance();
    const QList<core::Snippet>& snippets();
    const core::Snippet* find(const QString& prefix);
    // Saves the user's snippet into the folder (core::saveSnippet) and reads the folder again.
    QString save(const core::Snippet& snippet);
    QString folder() const { return m_folder; }
    // Tests: another folder, read now.
    void setFolder(const QString& folder);

private:
    SnippetLibrary();
    void reload();

    QString m_folder;
    QDateTime m_seen; // the folder's modification time when it was read
    bool m_loaded = false;
    QList<core::Snippet> m_snippets;
};

} // namespace pgdesk::ui
