// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/snippetlibrary.h"

#include <QFileInfo>

namespace pgdesk::ui {

SnippetLibrary& SnippetLibrary::instance() {
    static SnippetLibrary library;
    return library;
}

SnippetLibrary::SnippetLibrary()
    : m_folder(core::defaultSnippetFolder()) {
}

void SnippetLibrary::setFolder(const QString& folder) {
    m_folder = folder;
    reload();
}

void SnippetLibrary::reload() {
    m_snippets = core::loadSnippets(m_folder);
    m_seen = QFileInfo(m_folder).lastModified();
    m_loaded = true;
}

const QList<core::Snippet>& SnippetLibrary::snippets() {
    if (!m_loaded || QFileInfo(m_folder).lastModified() != m_seen)
        reload();
    return m_snippets;
}

const core::Snippet* SnippetLibrary::find(const QString& prefix) {
    for (const core::Snippet& s : snippets())
        if (s.prefix == prefix)
            return &s;
    return nullptr;
}

QString SnippetLibrary::save(const core::Snippet& snippet) {
    const QString path = core::saveSnippet(snippet, m_folder);
    reload();
    return path;
}

} // namespace pgdesk::ui
