// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <pgdesk/core/session/connection.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>

namespace pgdesk::core {

class SshTunnel;

// Backup and restore through the installed pg_dump / pg_restore / psql: finding them, their versions, and
// the exact command for a backup or a restore. Pure except for finding and probing programs; the run
// itself is DumpRunner (dumprunner.h).

enum class DumpFormat { Custom, Plain, Directory };

QString dumpFormatName(DumpFormat format); // "custom", "plain", "directory"
// Accepts those names in any case; throws ConfigurationError.
DumpFormat dumpFormatFromString(const QString& text);
// A backup's format from what is on disk: a folder with toc.dat, a file starting "PGDMP", else plain SQL.
DumpFormat detectDumpFormat(const QString& path);

enum class DumpContent { All, SchemaOnly, DataOnly };

struct DumpTable {
    QString schema;
    QString name;
    bool operator==(const DumpTable&) const = default;
};

struct BackupOptions {
    DumpFormat format = DumpFormat::Custom;
    QStringList schemas;     // -n each; empty with no tables = the whole database
    QList<DumpTable> tables; // -t each
    DumpContent content = DumpContent::All;
    bool noOwner = false;
    bool noPrivileges = false;
    int jobs = 1;         // directory format only
    int compression = -1; // 0..9 for custom and directory; -1 = pg_dump's default
};

struct RestoreOptions {
    QString database;   // an existing database, always named explicitly (never the profile's by default)
    bool clean = false; // drop the archive's objects first (--clean --if-exists); custom/directory only
    bool noOwner = false;
    bool singleTransaction = true; // a failed restore leaves nothing behind
};

// One installed program and the version it reports.
struct DumpProgram {
    QString name;        // "pg_dump"
    QString path;        // absolute
    int version = 0;     // server_version_num style: 150004
    QString versionText; // "15.4"
};

// What a command does, which decides how its progress is read.
enum class DumpKind { Backup, Restore, PlainRestore };

struct DumpCommand {
    DumpKind kind = DumpKind::Backup;
    QString program; // absolute path
    QStringList arguments;
    // PG* variables for the connection (never a password: DumpRunner adds PGPASSFILE for that).
    QList<std::pair<QString, QString>> environment;
    QString outputPath; // a backup's target; the runner writes next to it and renames on success
    QString inputPath;  // a restore's archive
    // Behind SSH (routeThroughTunnel): the session's tunnel, kept up while the command exists.
    std::shared_ptr<SshTunnel> tunnel;
    // A plain restore's file was checked by guardPlainRestore() (else DumpRunner does it before starting).
    bool scriptGuarded = false;

    // The command as one shell line, every word quoted as needed, with the environment in front:
    // "PGHOST=/tmp PGDATABASE=shop pg_dump --format=custom …". Contains no secret.
    QString displayText(bool withEnvironment = true) const;
};

// PATH's folders, then /usr/lib/postgresql/<major>/bin, the highest major first.
QStringList dumpSearchFolders();
// "pg_dump (PostgreSQL) 15.4 (Debian 15.4-1)" → 150004; "… 9.6.24" → 90624; 0 when there is no version.
int parseProgramVersion(const QString& versionOutput);
// 150004 → "15.4"; 90624 → "9.6.24".
QString versionNumText(int version);
// Runs `path --version` (5 s at most); nullopt when it does not run or prints no version.
std::optional<DumpProgram> probeDumpProgram(const QString& name, const QString& path);
// The newest `name` (pg_dump, pg_restore, psql) in `folders`. Throws ConfigurationError when there is none,
// or when serverVersion > 0 and its major version is older than the server's, naming the package to install.
DumpProgram findDumpProgram(const QString& name, int serverVersion,
                            const QStringList& folders = dumpSearchFolders());

// pg_dump's pattern for exactly this name: double-quoted (quotes doubled), so case, dots and * ? are literal.
QString dumpNamePattern(const QString& name);
QString dumpTablePattern(const DumpTable& table); // "\"s\".\"t\""
// POSIX shell quoting of one word: left bare when safe, else in single quotes.
QString shellQuote(const QString& word);

// The profile's connection settings as libpq environment variables (PGHOST, PGPORT, PGSSLMODE, …), with
// PGDATABASE = database. Throws ConfigurationError for a keyword libpq reads from no variable.
QList<std::pair<QString, QString>> dumpEnvironment(const ConnectionProfile& profile, const QString& database);

// pg_dump of the profile's database into outputPath. Throws ConfigurationError for contradictory options.
DumpCommand backupCommand(const DumpProgram& pgDump, const ConnectionProfile& profile,
                          const BackupOptions& options, const QString& outputPath);
// pg_restore (custom, directory) or psql -f (plain) of inputPath into options.database.
DumpCommand restoreCommand(const DumpProgram& program, const ConnectionProfile& profile,
                           const RestoreOptions& options, DumpFormat format, const QString& inputPath);

// ---- Plain SQL restores: what psql would do besides running SQL ---------------------------------------

// One line of a plain SQL file that a restore refuses: a psql meta-command (`\!`, `\connect`, `\copy`, …) or
// COPY … PROGRAM. `what` is the command word ("\!", "\connect", "COPY … PROGRAM").
struct PlainScriptLine {
    qint64 line = 0; // 1-based
    QString what;
    bool operator==(const PlainScriptLine&) const = default;
};

struct PlainScriptCheck {
    bool readable = false;
    QList<PlainScriptLine> refused;
    int copyBlocks = 0;  // COPY … FROM stdin statements: the tables with data
    QString restrictKey; // the file's own `\restrict KEY` (pg_dump 17.6, 16.10, 15.14 … and later)
};

// Reads a plain SQL file line by line with the SQL lexer, as psql would (a backslash outside quotes,
// comments and dollar quotes starts a meta-command; COPY … FROM stdin data runs up to `\.`), never the whole
// file at once. Allowed: only what pg_dump writes — `\restrict KEY` before any SQL, `\unrestrict KEY` with
// the same key at the end, and COPY data. Everything else is refused.
PlainScriptCheck checkPlainScript(const QString& path);
// Whether this psql (server_version_num style) has `\restrict` (18, 17.6, 16.10, 15.14, 14.19, 13.22 on).
bool psqlHasRestrict(int psqlVersion);
// For a plain restore: refuses the file (ConfigurationError listing the lines, "line 12: \!") before
// anything runs, and when psql has restricted mode and the file does not enter it itself, starts psql with
// `\restrict <random key>` so no meta-command can run afterwards. Reads the whole file: off the GUI thread.
PlainScriptCheck guardPlainRestore(DumpCommand& command, int psqlVersion);

// For a profile behind an SSH tunnel: points the command's PG* variables at the tunnel's local end
// (PGHOSTADDR 127.0.0.1 and its port; PGHOST kept for TLS verification) and keeps the tunnel with the
// command. Nothing for a profile without SSH. Starts ssh when it is not up, so it may block: call it off
// the GUI thread. Throws SshError naming the hop.
void routeThroughTunnel(DumpCommand& command, const ConnectionProfile& profile);

// The tables whose data a backup with these options dumps (the progress bar's total); 0 for schema only.
int dumpTableCount(Connection& connection, const BackupOptions& options);
// Tables with data in an archive: "TABLE DATA" entries of `pg_restore --list`, or COPY blocks of a plain
// file. -1 when it cannot be read.
int archiveTableCount(const QString& pgRestorePath, DumpFormat format, const QString& path);

} // namespace pgdesk::core
