// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliapp.h"
#include "commands.h"
#include "connect.h"
#include "exitcodes.h"
#include "sshoptions.h"

#include <pgdesk/core/base/errors.h>
#include <pgdesk/core/session/version.h>

#include <cstdio>

namespace pgdesk::cli {

QString helpText() {
    return QStringLiteral(
        R"(Usage: pgdesk-cli [global options] COMMAND [arguments]

PgDesk from the command line: the same core as the desktop application.

Global options:
  --profile NAME        use the saved connection profile NAME
  --dsn DSN             connect with a URI (postgresql://…) or key=value string
  --database DB         another database of the profile's or DSN's server (same user,
                        settings and password); refused when the profile pins its database
  --format FORMAT       output format: table (default), csv or json
  --password-stdin      read the password from standard input
  --allow-write         write on a production profile: apply, import, restore,
                        maintain, cancel, terminate and writing queries are refused
                        there without it (exit 9)
  --ssh [USER@]HOST[:PORT]
                        reach the server through an SSH tunnel (the system's ssh; a ~/.ssh/config
                        alias works as-is); host and port are then as seen from that SSH host
  --ssh-identity FILE   --ssh-jump HOP1,HOP2   --ssh-agent | --ssh-no-agent
  --ssh-config FILE     --ssh-host-key ask|strict (unknown keys: ask on the terminal, or refuse)
                        also over a profile's SSH settings; failures exit 3 naming the hop
  -h, --help            show this help
  -v, --version         show the version

Commands:
  profiles list|show NAME|add NAME …|remove NAME|test NAME|
         import-services [FILE]... [--replace]
  profiles add NAME … [--environment none|development|test|staging|production]
         [--colour '#rrggbb'] [--folder 'Clients/Acme']
                        a production profile's sessions are read-only until --allow-write
  profiles export [NAME]... [--include-commands] > FILE.json
                        the profiles (all, or those named) as JSON, never with a password;
                        password commands and SSH config files only with --include-commands
  profiles import FILE.json [--replace] [--trust-commands]
                        adds the file's profiles (at most 1 MiB); an existing name is refused
                        unless --replace; their commands never run until trusted
  profiles trust NAME   shows the commands an imported profile runs when it connects and
                        trusts them
  profiles set-convention NAME TABLE [--row-key C1,C2] [--soft-delete none|deleted_at[:COL]|
         flag:COL|active:COL] [--created-at COL|none] [--updated-at COL|none]
         [--label-column COL|none] [--no-check]
                        override the detected row key, soft delete, timestamps or picker label of TABLE
  profiles clear-convention NAME TABLE
  query SQL             run one statement and print its rows
  query (SQL | --file FILE|-) [--param NAME=VALUE]...
                        a script, statement by statement (autocommit: the ones before a
                        failing statement stay committed unless the script opened BEGIN), the
                        last result printed; stops at the first error naming its statement
                        and line (exit 4); :NAME (and $N with --param N=VALUE) are bound as
                        parameters, never pasted into the SQL; a missing one runs nothing
  explain (--query SQL | --file FILE|- | --plan PLAN.json|-) [--analyze] [--buffers]
         [--settings] [--wal] [--no-timing] [--keep-changes] [--param NAME=VALUE]...
         [--format text|json]
                        the plan of one statement with each node's inclusive and exclusive
                        time, rows estimated and actual, misestimate, and the hotspots (docs/
                        plans.md); --analyze runs it and rolls its changes back unless
                        --keep-changes (refused on production for a statement that may write,
                        without --allow-write); --plan reads a saved EXPLAIN (FORMAT JSON) (the
                        JSON, psql's output of it or an auto_explain log) with no connection
  statements [--interval SECONDS] [--top N] [--format text|json]
                        the statements that ran in the SECONDS (default 5) between two snapshots
                        of pg_stat_statements, the largest total time first (default top 20):
                        calls, total/mean/max ms, rows, shared blocks hit/read, temp blocks;
                        --interval 0: everything since the statistics were reset; PgDesk's own
                        reads left out; exit 6 when pg_stat_statements is not available
  statements --suggest-indexes [--top N] [--format text|json]
                        indexes the workload's predicates ask for (pg_qualstats), each checked
                        with what-if plans of its example queries (hypopg), by plan cost saved;
                        nothing is built; exit 6 naming what is missing
  locks (--query SQL | --file FILE|-) [--trace] [--format text|json]
                        per statement, the lock it takes on each table (partitions, referenced
                        tables and default partitions included), the tables it rewrites or reads
                        whole, with their sizes, and the safer pattern; nothing runs, except with
                        --trace: the script runs in a transaction that is rolled back and the
                        locks, rewrites and scans the server saw are compared (refused on
                        production, exit 9)
  alter TABLE CHANGE... [--dry-run] [--lock-timeout MS] [--format text|json]
                        change a table as the designer does; CHANGE is --add-column "name type
                        [DEFAULT …] [NOT NULL]", --drop-column C, --rename-column A=B, --set-type
                        "C type [USING …]", --set-not-null C, --drop-not-null C, --set-default
                        C=EXPR, --drop-default C, --comment-column C=TEXT, --add-index C[,C],
                        --add-unique-index C[,C], --drop-index NAME, --add-check EXPR,
                        --add-foreign-key C[,C]=TABLE[(C[,C])], --drop-constraint NAME, --rename
                        NAME, --owner ROLE, --comment TEXT; --dry-run prints the statements with
                        their locks; else one transaction under lock_timeout (default 5000 ms),
                        then validations and CONCURRENTLY builds each on its own (exit 4 when one
                        fails; a busy table names who holds it)
  diff [SCHEMA_A SCHEMA_B] [--source-dsn DSN | --source-profile NAME | --source-file FILE.sql]
       [--source-schema S] [--target-dsn DSN | --target-profile NAME | --target-file FILE.sql]
       [--target-schema S] [--script FILE] [--apply [--allow-destructive]] [--lock-timeout MS]
       [--fill TABLE.COLUMN=VALUE]... [--using TABLE.COLUMN=EXPRESSION]... [--format text|json]
                        compare two schemas (a side without a connection option uses --dsn or
                        --profile; the schema defaults to public; a file is loaded into a
                        database made for it and dropped after): every object that differs,
                        with its lines; exit 0 when equal, 1 when they differ. --script writes
                        the migration that makes TARGET equal to SOURCE ("-- DESTRUCTIVE: why"
                        before each step that can lose data); --apply runs it on the target in
                        one transaction (destructive steps need --allow-destructive, production
                        --allow-write) and compares again; --fill gives the value of a NOT NULL
                        column the target's rows lack (SQL: 'x', 0, now()), --using the
                        expression a type change converts with
  data-diff TABLE [--source-table T] (--source-dsn DSN | --source-profile NAME)
            [--target-dsn DSN | --target-profile NAME] [-o CHANGES.json] [--format text|json]
                        compare the rows of two tables by the target's key, both read in key
                        order in a snapshot (bounded memory): same, different (by column), only
                        in source, only in target; -o writes the change set that makes the
                        target equal (pgdesk-cli apply takes it: conflicts are detected); exit 0
                        when equal, 1 when they differ
  grant PRIVILEGE[,PRIVILEGE] on [table|schema|default-tables-in] NAME to ROLE
        [--columns C[,C]] [--with-grant-option] [--dry-run]
  grant ROLE to MEMBER [--admin] [--dry-run]
  revoke PRIVILEGE[,PRIVILEGE] on [table|schema|default-tables-in] NAME from ROLE
         [--columns C[,C]] [--dry-run]
  revoke ROLE from MEMBER [--dry-run]
                        the GRANT or REVOKE printed, then applied (production needs
                        --allow-write); "public" is PUBLIC
  tables [--schema S]   list tables and views with row estimates, key and soft delete
  describe TABLE        columns, keys, foreign keys, checks and detected conventions
  describe TABLE --structure
                        the whole structure: columns, constraints, indexes, triggers, policies,
                        partitions, options, privileges, sizes and statistics
  describe TABLE --ddl  its CREATE script (with partitions, sequences, indexes, constraints,
                        triggers, policies, comments, owner and grants), in an order that loads
  ddl SCHEMA...         the CREATE script of whole schemas: types, functions, aggregates, operators,
                        casts, sequences, tables, views (each after what it depends on), indexes,
                        keys, triggers, policies, publications, comments, owners, grants, default
                        privileges, event triggers
  browse TABLE [--filter "COLUMN OPERATION [VALUE]"]... [--any] [--search TEXT]
         [--sort COLUMN[:asc|:desc]]... [--page N | --after CURSOR | --before CURSOR | --last]
         [--page-size N] [--deleted active|deleted|all] [--count exact|estimate|none]
                        one page of a table, filtered and sorted on the server; operations:
                        equal not_equal less_than less_than_or_equal greater_than
                        greater_than_or_equal in_list not_in_list (comma-separated) like ilike
                        (a LIKE pattern found anywhere in the text: % any text, _ one character,
                        \ before them literal) starts_with ends_with contains (literal text)
                        is_null is_not_null between (A,B) array_contains array_overlaps
                        json_path_equal (PATH VALUE, a.b) json_contains full_text; a COLUMN with
                        spaces (in --filter, --sort, --columns, --row-key) is "double-quoted",
                        "" for a quote
  export (TABLE | --query SQL) [the browse options --filter --any --search --sort --deleted]
         --format csv|tsv|json|ndjson|sql|xlsx|markdown -o FILE [--no-header] [--delimiter C]
         [--null TEXT] [--json-numbers] [--sql-table NAME] [--include-generated]
         [--jobs N|auto]
                        stream every matching row to FILE (COPY-exact CSV; written under a
                        temporary name and renamed when complete, so Ctrl-C leaves no file);
                        --format defaults to FILE's extension; --query takes one SELECT,
                        VALUES, TABLE or WITH … SELECT; --jobs: a whole table's CSV/TSV read by
                        N connections under one snapshot, the same bytes (auto: from 64 MiB)
  apply CHANGESET.json|- [--dry-run]
                        apply a change set ({"table":…,"changes":[…]}, see README) in one
                        transaction; every edited row must still be at the version it was
                        read at, else exit 5 listing the conflicts and nothing is written;
                        --dry-run prints the SQL and sends nothing
  import TABLE FILE|- [--format csv|xlsx|json|ndjson] [--sheet NAME] [--header|--no-header]
         [--delimiter C] [--null TEXT] [--columns C1,C2] [--create]
                        load a file with COPY in one transaction: every row or none; a bad
                        row is named by its place (line, JSON object, sheet row) and column;
                        --format defaults to FILE's extension (else csv); JSON is an array
                        of objects, NDJSON one object per line, their keys name the columns;
                        XLSX reads the first sheet or --sheet, --header for a header row;
                        into a table, a CSV/XLSX first record of its column names is a
                        header (--no-header imports it as data);
                        --format json with a .csv file prints the summary as JSON;
                        --create makes TABLE first, in the same transaction, its columns
                        named by the fields and typed from the first 1,000 records
  chart (TABLE | --query SQL) --x COL --y COL[,COL] [--group COL]
        [--bucket minute|hour|day|week|month|quarter|year] [--width N]
        [--aggregate sum|avg|count|min|max|none] [--type bar|line|area|scatter|pie]
        [--size WxH] [--title TEXT] [--sample PERCENT] [--filter …]... [--search TEXT]
        -o FILE.svg|png
                        draw a chart: the view grouped by X on the server (its filters
                        applied; dates and timestamps by --bucket, numbers by --width),
                        one aggregate per Y column (default sum; scatter: the values; *
                        counts rows), one series per --group value; --sample reads that
                        share of the table's pages only (an estimate: counts and sums
                        scaled); --format json prints the file, series, points and the SQL
  erd [TABLE [--depth N] | --schema S]... [--format mermaid|dot|svg|png]
      [--collapsed] [-o FILE]
                        the ER diagram of TABLE's neighbourhood (tables within N
                        foreign-key steps either way, default 1), of several tables and
                        the keys among them, or of whole schemas (default: the search
                        path's first); Mermaid or DOT text, or SVG/PNG drawn as the
                        window draws it; --format defaults to FILE's extension, else
                        mermaid; --collapsed shows table names only
  listen CHANNEL... [--count N] [--timeout S]
                        LISTEN on a connection of its own and print each notification as
                        an NDJSON line {"time","channel","payload","pid"}; stops after N
                        notifications or S seconds (exit 0); refused through a
                        transaction-mode pooler (exit 2)
  activity [--blocking] the server's processes (pg_stat_activity): user, database, client,
                        state, wait event, transaction age, blocked by (pg_blocking_pids) with
                        the lock mode waited for, query; --blocking: only blocked and blocking
                        sessions; --format table or json
  cancel PID            cancel the statement server process PID runs (pg_cancel_backend)
  terminate PID         end server process PID's session (pg_terminate_backend); exit 6
                        when PID is no server process, 4 when the role may not signal it
  maintain OBJECT (--vacuum [--full] [--freeze] [--analyze] | --analyze |
         --reindex [--concurrently] | --refresh [--concurrently]) [--dry-run] [--progress]
                        VACUUM, ANALYZE, REINDEX or REFRESH MATERIALIZED VIEW on exactly one
                        table, index or materialized view, on a connection of its own outside
                        any transaction; the statement is shown on stderr first (--dry-run:
                        printed, not run); progress on stderr on a terminal or with
                        --progress; CONCURRENTLY where the server refuses it is exit 2
  backup -o PATH [--format custom|plain|directory] [--schema S]... [--table T]...
         [--schema-only|--data-only] [--jobs N] [--compress N] [--no-owner] [--no-privileges]
         [--print-command]
                        pg_dump of the database (or schemas, or tables) to PATH; the newest
                        installed pg_dump, refused when older than the server; the password in a
                        temporary pgpass file, never on a command line; written under a
                        temporary name and renamed when complete; --print-command prints the
                        exact command instead (format: PATH's .sql means plain, else custom)
  restore PATH --database DB [--clean] [--no-owner] [--yes] [--print-command]
                        pg_restore (custom, directory) or psql (plain) into the existing
                        database DB in one transaction; asks to type DB's name unless --yes
                        (refused without a terminal and without --yes)
  sizes [SCHEMA] [--limit N]
                        the largest tables, partitioned tables and materialized views (of every
                        user schema, or SCHEMA), measured exactly: total, table, TOAST, indexes,
                        estimated rows; --limit defaults to 20, 0 lists all; --format json
  roles [--all]         roles with their attributes (superuser, create role/DB, login,
                        replication, bypass RLS, connection limit, valid until) and memberships
                        (admin option marked); --all adds the predefined pg_* roles
  databases [--templates]
                        the server's databases the role may connect to (name, owner,
                        encoding, size, comment); templates with --templates
  grants TABLE | --schema NAME | --function [SCHEMA.]NAME
                        the privileges on one object (aclexplode of its ACL, the owner's
                        defaults when it has none): grantee, privilege, grantable, grantor; a
                        table's column privileges too; exit 6 when there is no such object

Exit codes:
  0    success
  1    diff: the schemas differ (after --apply: still differ); data-diff: the rows differ
  2    usage or configuration error
  3    connection or authentication error
  4    SQL error (the message shows the SQLSTATE), a statement or lock timeout too
  5    conflict: nothing was applied
  6    not found (profile, table, column or row)
  7    apply: the connection was lost during COMMIT and the server could not be
       asked afterwards; all of the change set was applied or none (re-read first:
       running it again repeats its inserts)
  8    backup or restore: pg_dump, pg_restore or psql failed (its error lines
       are shown); no backup was written, nothing was restored
  9    production guard: the profile's environment is production and the command
       writes (apply, import, restore, maintain, cancel, terminate, a writing
       query) without --allow-write, or a query holds a statement the guard
       refuses (BEGIN READ WRITE, SET default_transaction_read_only, COPY …
       PROGRAM, ALTER SYSTEM, DO, CALL, VACUUM …: README); nothing was written
       (a query's write was refused by the server, 25006)
  10   the output file could not be written (disk full, I/O error): export
       leaves no partial file behind
  130  cancelled by the user (Ctrl-C or SIGTERM)
)");
}

QString optionValue(const QStringList& args, qsizetype& i) {
    if (i + 1 >= args.size())
        throw UsageError{QStringLiteral("%1 needs a value").arg(args.at(i))};
    return args.at(++i);
}

bool openInput(QFile& file, const QString& path) {
    if (path == QLatin1String("-"))
        return file.open(stdin, QIODevice::ReadOnly);
    file.setFileName(path);
    return file.open(QIODevice::ReadOnly);
}

namespace {

DrawCommands g_drawCommands; // set once by pgdesk-cli-draw's main() before run()

// A global option at args[i] (with its value, i moved onto it) into `global`; false when args[i] is not one.
bool takeGlobalOption(const QStringList& args, qsizetype& i, GlobalOptions& global, bool database) {
    const QString& a = args.at(i);
    if (a == QLatin1String("--profile"))
        global.profile = optionValue(args, i);
    else if (a == QLatin1String("--dsn"))
        global.dsn = optionValue(args, i);
    else if (a == QLatin1String("--format"))
        global.format = optionValue(args, i);
    else if (database && a == QLatin1String("--database"))
        global.database = optionValue(args, i);
    else if (a == QLatin1String("--password-stdin"))
        global.passwordStdin = true;
    else if (a == QLatin1String("--allow-write"))
        global.allowWrite = true;
    else if (isSshOption(a))
        global.ssh << a << (sshOptionTakesValue(a) ? optionValue(args, i) : QString());
    else
        return false;
    return true;
}

} // namespace

void setDrawCommands(const DrawCommands& commands) {
    g_drawCommands = commands;
}

namespace {
QtMessageHandler g_qtHandler = nullptr; // Qt's own, for the messages that are PgDesk's
}

void keepQtMessagesOwn() {
    if (!qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        return;
    g_qtHandler =
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext& context, const QString& text) {
            // PgDesk's own categories (pgdesk.sql: a profile's echo of its statements) print as they always
            // did.
            const bool own = context.category && qstrncmp(context.category, "pgdesk", 6) == 0;
            if (!own && type != QtCriticalMsg && type != QtFatalMsg)
                return;
            if (g_qtHandler)
                g_qtHandler(type, context, text);
            else
                std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, text)));
        });
}

int run(const QStringList& arguments) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    try {
        GlobalOptions global;
        QStringList rest;
        for (qsizetype i = 0; i < arguments.size(); ++i) {
            const QString& a = arguments[i];
            if (!rest.isEmpty()) {
                // Global options may also follow the command; everything else belongs to it. Restore's and
                // profiles add's own --database stay theirs.
                const bool ownDatabase =
                    rest.first() == QLatin1String("restore") || rest.first() == QLatin1String("profiles");
                if (!takeGlobalOption(arguments, i, global, !ownDatabase))
                    rest << a;
                continue;
            }
            if (a == QLatin1String("-h") || a == QLatin1String("--help") || a == QLatin1String("help")) {
                out << helpText();
                return ExitOk;
            }
            if (a == QLatin1String("-v") || a == QLatin1String("--version")) {
                out << "pgdesk-cli " << core::pgdeskVersion() << " (Qt " << core::qtVersion() << ", libpq "
                    << core::libpqVersion() << ")\n";
                return ExitOk;
            }
            if (takeGlobalOption(arguments, i, global, true))
                continue;
            if (a.startsWith(QLatin1String("--")))
                throw UsageError{QStringLiteral("unknown option %1").arg(a)};
            rest << a;
        }
        if (rest.isEmpty())
            throw UsageError{QStringLiteral("no command given")};
        const QString command = rest.takeFirst();
        // The password is the first line of standard input, read before a command reads the rest (a
        // change set or CSV given as "-"); later asks get the same line.
        if (global.passwordStdin)
            readPasswordFromStdin();
        installTerminalPrompter();
        Invocation inv{rest, global, out, err};
        if (command == QLatin1String("profiles"))
            return cmdProfiles(inv);
        if (command == QLatin1String("query"))
            return cmdQuery(inv);
        if (command == QLatin1String("explain"))
            return cmdExplain(inv);
        if (command == QLatin1String("statements"))
            return cmdStatements(inv);
        if (command == QLatin1String("locks"))
            return cmdLocks(inv);
        if (command == QLatin1String("alter"))
            return cmdAlter(inv);
        if (command == QLatin1String("diff"))
            return cmdDiff(inv);
        if (command == QLatin1String("data-diff"))
            return cmdDataDiff(inv);
        if (command == QLatin1String("grant"))
            return cmdGrant(inv);
        if (command == QLatin1String("revoke"))
            return cmdRevoke(inv);
        if (command == QLatin1String("browse"))
            return cmdBrowse(inv);
        if (command == QLatin1String("tables"))
            return cmdTables(inv);
        if (command == QLatin1String("describe"))
            return cmdDescribe(inv);
        if (command == QLatin1String("ddl"))
            return cmdDdl(inv);
        if (command == QLatin1String("export"))
            return cmdExport(inv);
        if (command == QLatin1String("apply"))
            return cmdApply(inv);
        if (command == QLatin1String("import"))
            return cmdImport(inv);
        if (command == QLatin1String("listen"))
            return cmdListen(inv);
        if (command == QLatin1String("chart") || command == QLatin1String("erd")) {
            const auto draw = command == QLatin1String("chart") ? g_drawCommands.chart : g_drawCommands.erd;
            if (!draw)
                throw UsageError{command +
                                 QStringLiteral(" is drawn by pgdesk-cli-draw, which is neither beside "
                                                "pgdesk-cli nor in its ../libexec/pgdesk")};
            return draw(inv);
        }
        if (command == QLatin1String("activity"))
            return cmdActivity(inv);
        if (command == QLatin1String("cancel"))
            return cmdCancel(inv);
        if (command == QLatin1String("terminate"))
            return cmdTerminate(inv);
        if (command == QLatin1String("maintain"))
            return cmdMaintain(inv);
        if (command == QLatin1String("backup"))
            return cmdBackup(inv);
        if (command == QLatin1String("restore"))
            return cmdRestore(inv);
        if (command == QLatin1String("sizes"))
            return cmdSizes(inv);
        if (command == QLatin1String("roles"))
            return cmdRoles(inv);
        if (command == QLatin1String("grants"))
            return cmdGrants(inv);
        if (command == QLatin1String("databases"))
            return cmdDatabases(inv);
        throw UsageError{QStringLiteral("unknown command \"%1\"").arg(command)};
    } catch (const UsageError& e) {
        err << "pgdesk-cli: " << e.message << "\nTry 'pgdesk-cli --help'.\n";
        return ExitUsage;
    } catch (const core::Error& e) {
        err << "pgdesk-cli: " << e.displayText() << '\n';
        return exitCodeFor(e);
    } catch (const std::exception& e) {
        err << "pgdesk-cli: " << QString::fromUtf8(e.what()) << '\n';
        return exitCodeFor(e);
    }
}

} // namespace pgdesk::cli
