// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QObject>
#include <QString>

namespace pgdesk::ui {

// The desktop application's preferences, in one place that owns their QSettings keys
// ($XDG_CONFIG_HOME/pgdesk/pgdesk.conf). Read on every call (QSettings caches), so a change made by the
// preferences dialog is what the next reader sees; instance() emits changed() after it, and the open
// grids follow at once. Values only ever change how things are shown: what is edited, copied or exported
// stays PostgreSQL's exact text.
class UiSettings final : public QObject {
    Q_OBJECT
public:
    enum class Theme { System, Light, Dark };
    enum class DateTimeDisplay {
        AsSent, // exactly as the server prints it (ISO 8601 with the default DateStyle)
        Locale  // the language's short date format, time to the second (display only)
    };

    // The one object whose changed() the open tabs listen to.
    static UiSettings* instance();

    // Rows per page of a newly opened table; 0 is continuous scrolling ("Scroll"). The table browser's
    // own page size choice writes it too, so new tabs open the way the last one was set.
    static int pageSize();
    static void setPageSize(int rows);
    static QList<int> pageSizeChoices(); // the sizes offered, 0 (Scroll) last
    // How NULL is drawn in the grids (the empty string always shows as nothing).
    static QString nullText();
    static void setNullText(const QString& text);
    static DateTimeDisplay dateTimeDisplay();
    static void setDateTimeDisplay(DateTimeDisplay display);
    // The grids' font; the application's font unless one was chosen.
    static bool hasGridFont();
    static QFont gridFont();
    static void setGridFont(const QFont& font); // QFont() → back to the application's font
    // Show the SQL preview and ask before applying staged changes (Ctrl+S).
    static bool confirmBeforeApply();
    static void setConfirmBeforeApply(bool confirm);
    // The query tool asks before UPDATE or DELETE without WHERE, TRUNCATE and DROP (with the planner's
    // estimate of the rows): on by default; production profiles always ask.
    static bool confirmSweeping();
    // The SQL editors take vim's keys (core::VimEngine) rather than the usual ones.
    static bool vimMode();
    static void setVimMode(bool on);
    static void setConfirmSweeping(bool confirm);
    // An inactive replication slot retaining more WAL than this is flagged (replication view, dashboard).
    static qint64 slotAlertBytes();
    static void setSlotAlertBytes(qint64 bytes);
    static Theme theme();
    static void setTheme(Theme theme);
    // "" follows the system's language; else "en", "de" or "fa". Takes effect on the next start.
    static QString language();
    static void setLanguage(const QString& code);
    // The language to load: the preference, else the first of the system's UI languages PgDesk has.
    static QString effectiveLanguage();
    static QStringList languages(); // the codes PgDesk is translated to, "en" first

    // Tables of a profile opted in to editing by row position (ctid).
    static bool editsByCtid(const QString& profile, const QString& qualifiedTable);
    static void setEditsByCtid(const QString& profile, const QString& qualifiedTable);

    // The connection manager's folders: those collapsed, and those made that hold no profile yet.
    static QStringList collapsedProfileFolders();
    static void setCollapsedProfileFolders(const QStringList& paths);
    static QStringList emptyProfileFolders();
    static void setEmptyProfileFolders(const QStringList& paths);

    // Tells the open windows that preferences changed (the dialog calls it after saving them).
    void notifyChanged();

signals:
    void changed();

private:
    using QObject::QObject;
};

} // namespace pgdesk::ui
