// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/completion/completion.h>

#include <QList>
#include <QString>

namespace pgdesk::core {

// A named piece of SQL with placeholders, as editors have them (TextMate's and VS Code's syntax):
// `${1:table}` a stop with its default text, `$1` or `${1}` an empty one, the same number again a second
// place of the same stop, `$0` where the cursor ends (the end of the text when there is none), `\$` a dollar
// sign. A `$` followed by anything else (`$$`, `$body$`, `$1` inside a dollar-quoted body is still a stop) is
// text.
struct Snippet {
    QString name;        // "blocking sessions": what the library lists
    QString prefix;      // "blocking": the word that offers it in completion
    QString description; // a line saying what it is for
    QString body;
    QString path; // the user's file it comes from; empty for one PgDesk ships
};

// A snippet's body made text, and where its stops are in it.
struct SnippetExpansion {
    QString text;
    struct Stop {
        int number = 0;      // 1, 2, …; 0 is where the cursor ends
        qsizetype start = 0; // in text
        qsizetype length = 0;
    };
    QList<Stop> stops; // in the order Tab visits them: 1, 2, … (each number's places together), then 0
};

// Pure: the snippets whose prefix begins with the word being typed at `cursor` (case aside), as completion
// proposals of kind Snippet (text and label: the prefix; detail: the name), in `snippets`' order. None
// inside strings, comments or quoted names, after a `.`, or before anything is typed.
QList<CompletionItem> snippetCompletions(const QList<Snippet>& snippets, const QString& sql, int cursor);

// Pure: the text and stops of `body`.
SnippetExpansion expandSnippet(const QString& body);

// Pure: a snippet file: leading `-- name:`, `-- prefix:` and `-- description:` lines (any order, all
// optional), then the body (trailing blank lines dropped). Without a name the file's base name is used;
// without a prefix the name with spaces as underscores.
Snippet parseSnippetFile(const QString& baseName, const QString& text);

// Pure: the file text of `s` (what parseSnippetFile reads back).
QString snippetFileText(const Snippet& s);

// The snippets PgDesk ships: administration queries people look up again and again (blocking sessions,
// long-running queries, table bloat, unused indexes, slots retaining WAL, cache hit ratio, sizes) and common
// statement shapes with their placeholders.
QList<Snippet> shippedSnippets();

// $XDG_CONFIG_HOME/pgdesk/snippets (~/.config/pgdesk/snippets): one plain `.sql` file per snippet, so a team
// can keep them in git and share the folder.
QString defaultSnippetFolder();

// The shipped snippets and the user's (`*.sql` in `folder`, read now; unreadable files skipped), a user's
// snippet replacing a shipped one of the same prefix; sorted by prefix.
QList<Snippet> loadSnippets(const QString& folder = defaultSnippetFolder());

// Writes `s` as `<folder>/<prefix>.sql` (the folder made if needed); returns the path. ConfigurationError
// for a prefix that is not a word, OutputError (field output_file) when it cannot be written.
QString saveSnippet(const Snippet& s, const QString& folder = defaultSnippetFolder());

} // namespace pgdesk::core
