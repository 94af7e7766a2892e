// SPDX-License-Identifier: GPL-3.0-or-later
// The CLI's surface in one place: each command's name, handler and help (its synopsis lines, then what it
// does), and the exit codes. run() dispatches from it, --help is made from it, and scripts/check-cli-surface
// (test quality.cli_surface) holds docs/CLI.md and the man page to the forms and exit codes it lists.
#include "commandtable.h"

#include "commands.h"
#include "exitcodes.h"

namespace pgdesk::cli {

namespace {

// In the order --help lists them. Help lines: a synopsis at two spaces ("  diff [SCHEMA_A …"), what it
// does at column 25.
const CommandEntry kCommands[] = {
    {"profiles", cmdProfiles,
     R"(  profiles list         the saved profiles
  profiles show NAME    one profile, never its password
  profiles add NAME (--dsn DSN | --host H --port P --database D --user U) [options]
         [--environment none|development|test|staging|production] [--colour '#rrggbb']
         [--folder 'Clients/Acme'] [--password-stdin] [--replace]
                        save a profile (options: docs/CLI.md); a production profile's
                        sessions are read-only until --allow-write
  profiles remove NAME  delete a profile and its keychain entry
  profiles test [NAME]  connect and report the user, the server version and the time it took
  profiles set-ssh-secret NAME
                        store the SSH password or key passphrase of the profile's tunnel in the
                        keychain, read from the first line of standard input
  profiles import-services [FILE]... [--replace]
                        profiles from pg_service.conf entries (default: libpq's locations); a
                        profile of the same name is kept and nothing imported unless --replace
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
)"},
    {"query", cmdQuery,
     R"(  query SQL             run one statement and print its rows
  query (SQL | --file FILE|-) [--param NAME=VALUE]...
                        a script, statement by statement (autocommit: the ones before a
                        failing statement stay committed unless the script opened BEGIN), the
                        last result printed; stops at the first error naming its statement
                        and line (exit 4); :NAME (and $N with --param N=VALUE) are bound as
                        parameters, never pasted into the SQL; a missing one runs nothing
)"},
    {"explain", cmdExplain,
     R"(  explain (--query SQL | --file FILE|- | --plan PLAN.json|-) [--analyze] [--buffers]
         [--settings] [--wal] [--no-timing] [--keep-changes] [--param NAME=VALUE]...
         [--format text|json]
                        the plan of one statement with each node's inclusive and exclusive
                        time, rows estimated and actual, misestimate, and the hotspots (docs/
                        plans.md); --analyze runs it and rolls its changes back unless
                        --keep-changes (refused on production for a statement that may write,
                        without --allow-write); --plan reads a saved EXPLAIN (FORMAT JSON) (the
                        JSON, psql's output of it or an auto_explain log) with no connection
)"},
    {"statements", cmdStatements,
     R"(  statements [--interval SECONDS] [--top N] [--format text|json]
                        the statements that ran in the SECONDS (default 5) between two snapshots
                        of pg_stat_statements, the largest total time first (default top 20):
                        calls, total/mean/max ms, rows, shared blocks hit/read, temp blocks;
                        --interval 0: everything since the statistics were reset; PgDesk's own
                        reads left out; exit 6 when pg_stat_statements is not available
  statements --suggest-indexes [--top N] [--format text|json]
                        indexes the workload's predicates ask for (pg_qualstats), each checked
                        with what-if plans of its example queries (hypopg), by plan cost saved;
                        nothing is built; exit 6 naming what is missing
)"},
    {"mcp", cmdMcp,
     R"(  mcp --profile NAME [--allow-write] [--row-limit N] [--statement-timeout MS] [--log FILE]
                        an MCP server for AI agents on standard input and output (tools:
                        list_schemas, list_tables, describe_table, query, explain, analyze_locks;
                        each table a resource): read-only unless --allow-write on a profile that
                        is not production, at most N rows a query (1000), every call logged to
                        FILE as NDJSON; it stops when standard input closes
)"},
    {"locks", cmdLocks,
     R"(  locks (--query SQL | --file FILE|-) [--trace] [--format text|json]
                        per statement, the lock it takes on each table (partitions, referenced
                        tables and default partitions included), the tables it rewrites or reads
                        whole, with their sizes, and the safer pattern; nothing runs, except with
                        --trace: the script runs in a transaction that is rolled back and the
                        locks, rewrites and scans the server saw are compared (refused on
                        production, exit 9)
)"},
    {"alter", cmdAlter,
     R"(  alter TABLE CHANGE... [--dry-run] [--lock-timeout MS] [--format text|json]
                        change a table as the designer does; CHANGE is --add-column "name type
                        [DEFAULT …] [NOT NULL]", --drop-column C, --rename-column A=B, --set-type
                        "C type [USING …]", --set-not-null C, --drop-not-null C, --set-default
                        C=EXPR, --drop-default C, --comment-column C=TEXT, --add-index C[,C],
                        --add-unique-index C[,C], --drop-index NAME, --add-check EXPR,
                        --add-foreign-key C[,C]=TABLE[(C[,C])], --drop-constraint NAME, --rename
                        NAME, --owner ROLE, --comment TEXT, --enable-rls, --disable-rls,
                        --force-rls, --no-force-rls, --add-policy "name [AS RESTRICTIVE] [FOR
                        cmd] [TO role,…] [USING (expr)] [WITH CHECK (expr)]", --drop-policy
                        NAME; --dry-run prints the statements with
                        their locks; else one transaction under lock_timeout (default 5000 ms),
                        then validations and CONCURRENTLY builds each on its own (exit 4 when one
                        fails; a busy table names who holds it)
)"},
    {"diff", cmdDiff,
     R"(  diff [SCHEMA_A SCHEMA_B] [--source-dsn DSN | --source-profile NAME | --source-file FILE.sql]
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
)"},
    {"data-diff", cmdDataDiff,
     R"(  data-diff TABLE [--source-table T] (--source-dsn DSN | --source-profile NAME)
            [--target-dsn DSN | --target-profile NAME] [-o CHANGES.json] [--format text|json]
                        compare the rows of two tables by the target's key, both read in key
                        order in a snapshot (bounded memory): same, different (by column), only
                        in source, only in target; -o writes the change set that makes the
                        target equal (pgdesk-cli apply takes it: conflicts are detected); exit 0
                        when equal, 1 when they differ
)"},
    {"grant", cmdGrant,
     R"(  grant PRIVILEGE[,PRIVILEGE] on [table|schema|default-tables-in] NAME to ROLE
        [--columns C[,C]] [--with-grant-option] [--dry-run]
  grant ROLE to MEMBER [--admin] [--dry-run]
                        the GRANT printed, then applied (production needs --allow-write);
                        "public" is PUBLIC
)"},
    {"revoke", cmdRevoke,
     R"(  revoke PRIVILEGE[,PRIVILEGE] on [table|schema|default-tables-in] NAME from ROLE
         [--columns C[,C]] [--dry-run]
  revoke ROLE from MEMBER [--dry-run]
                        the REVOKE printed, then applied (production needs --allow-write);
                        "public" is PUBLIC
)"},
    {"tables", cmdTables,
     R"(  tables [--schema S]   list tables and views with row estimates, key and soft delete
)"},
    {"describe", cmdDescribe,
     R"(  describe TABLE        columns, keys, foreign keys, checks and detected conventions
  describe TABLE --structure
                        the whole structure: columns, constraints, indexes, triggers, policies,
                        partitions, options, privileges, sizes and statistics
  describe TABLE --ddl  its CREATE script (with partitions, sequences, indexes, constraints,
                        triggers, policies, comments, owner and grants), in an order that loads
)"},
    {"ddl", cmdDdl,
     R"(  ddl SCHEMA...         the CREATE script of whole schemas: types, functions, aggregates, operators,
                        casts, sequences, tables, views (each after what it depends on), indexes,
                        keys, triggers, policies, publications, comments, owners, grants, default
                        privileges, event triggers
)"},
    {"browse", cmdBrowse,
     R"(  browse TABLE [--filter "COLUMN OPERATION [VALUE]"]... [--any] [--search TEXT]
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
)"},
    {"export", cmdExport,
     R"(  export (TABLE | --query SQL) [the browse options --filter --any --search --sort --deleted]
         --format csv|tsv|json|ndjson|sql|xlsx|markdown -o FILE [--no-header] [--delimiter C]
         [--null TEXT] [--json-numbers] [--sql-table NAME] [--include-generated]
         [--jobs N|auto]
                        stream every matching row to FILE (COPY-exact CSV; written under a
                        temporary name and renamed when complete, so Ctrl-C leaves no file);
                        --format defaults to FILE's extension; --query takes one SELECT,
                        VALUES, TABLE or WITH … SELECT; --jobs: a whole table's CSV/TSV read by
                        N connections under one snapshot, the same bytes (auto: from 64 MiB)
)"},
    {"apply", cmdApply,
     R"(  apply (CHANGESET.json|- | --proposal ID) [--dry-run]
                        apply a change set ({"table":…,"changes":[…]}, see README) in one
                        transaction; every edited row must still be at the version it was
                        read at, else exit 5 listing the conflicts and nothing is written;
                        --proposal applies one an agent proposed (mcp's propose_changes);
                        --dry-run prints the SQL and sends nothing
)"},
    {"import", cmdImport,
     R"(  import TABLE FILE|- [--format csv|xlsx|json|ndjson] [--sheet NAME] [--header|--no-header]
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
)"},
    {"chart", nullptr,
     R"(  chart (TABLE | --query SQL) --x COL --y COL[,COL] [--group COL]
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
)"},
    {"erd", nullptr,
     R"(  erd [TABLE [--depth N] | --schema S]... [--format mermaid|dot|svg|png]
      [--collapsed] [-o FILE]
                        the ER diagram of TABLE's neighbourhood (tables within N
                        foreign-key steps either way, default 1), of several tables and
                        the keys among them, or of whole schemas (default: the search
                        path's first); Mermaid or DOT text, or SVG/PNG drawn as the
                        window draws it; --format defaults to FILE's extension, else
                        mermaid; --collapsed shows table names only
)"},
    {"notebook", nullptr,
     R"(  notebook run FILE [--param NAME=VALUE]... [-o REPORT.md|REPORT.html] [--rows N]
                        run a .pgnb.md notebook's cells in order (SQL cells with the
                        params cells' values, --param winning; chart cells drawn from
                        the rows above) and write its report: Markdown (charts as SVG
                        files beside it) or one HTML page; without -o the Markdown goes
                        to standard output; stops at the first failing cell (its exit
                        code); production refuses a writing cell without --allow-write;
                        --format json lists each cell's outcome
)"},
    {"listen", cmdListen,
     R"(  listen CHANNEL... [--count N] [--timeout S]
                        LISTEN on a connection of its own and print each notification as
                        an NDJSON line {"time","channel","payload","pid"}; stops after N
                        notifications or S seconds (exit 0); refused through a
                        transaction-mode pooler (exit 2)
)"},
    {"activity", cmdActivity,
     R"(  activity [--blocking] the server's processes (pg_stat_activity): user, database, client,
                        state, wait event, transaction age, blocked by (pg_blocking_pids) with
                        the lock mode waited for, query; --blocking: only blocked and blocking
                        sessions; --format table or json
)"},
    {"cancel", cmdCancel,
     R"(  cancel PID            cancel the statement server process PID runs (pg_cancel_backend)
)"},
    {"terminate", cmdTerminate,
     R"(  terminate PID         end server process PID's session (pg_terminate_backend); exit 6
                        when PID is no server process, 4 when the role may not signal it
)"},
    {"maintain", cmdMaintain,
     R"(  maintain OBJECT (--vacuum [--full] [--freeze] [--analyze] | --analyze |
         --reindex [--concurrently] | --refresh [--concurrently]) [--dry-run] [--progress]
                        VACUUM, ANALYZE, REINDEX or REFRESH MATERIALIZED VIEW on exactly one
                        table, index or materialized view, on a connection of its own outside
                        any transaction; the statement is shown on stderr first (--dry-run:
                        printed, not run); progress on stderr on a terminal or with
                        --progress; CONCURRENTLY where the server refuses it is exit 2
)"},
    {"backup", cmdBackup,
     R"(  backup -o PATH [--format custom|plain|directory] [--schema S]... [--table T]...
         [--schema-only|--data-only] [--jobs N] [--compress N] [--no-owner] [--no-privileges]
         [--print-command]
                        pg_dump of the database (or schemas, or tables) to PATH; the newest
                        installed pg_dump, refused when older than the server; the password in a
                        temporary pgpass file, never on a command line; written under a
                        temporary name and renamed when complete; --print-command prints the
                        exact command instead (format: PATH's .sql means plain, else custom)
)"},
    {"restore", cmdRestore,
     R"(  restore PATH --database DB [--clean] [--no-owner] [--yes] [--print-command]
                        pg_restore (custom, directory) or psql (plain) into the existing
                        database DB in one transaction; asks to type DB's name unless --yes
                        (refused without a terminal and without --yes)
)"},
    {"sizes", cmdSizes,
     R"(  sizes [SCHEMA] [--limit N]
                        the largest tables, partitioned tables and materialized views (of every
                        user schema, or SCHEMA), measured exactly: total, table, TOAST, indexes,
                        estimated rows; --limit defaults to 20, 0 lists all; --format json
)"},
    {"roles", cmdRoles,
     R"(  roles [--all]         roles with their attributes (superuser, create role/DB, login,
                        replication, bypass RLS, connection limit, valid until) and memberships
                        (admin option marked); --all adds the predefined pg_* roles
)"},
    {"databases", cmdDatabases,
     R"(  databases [--templates]
                        the server's databases the role may connect to (name, owner,
                        encoding, size, comment); templates with --templates
)"},
    {"grants", cmdGrants,
     R"(  grants TABLE | --schema NAME | --function [SCHEMA.]NAME
                        the privileges on one object (aclexplode of its ACL, the owner's
                        defaults when it has none): grantee, privilege, grantable, grantor; a
                        table's column privileges too; exit 6 when there is no such object
)"},
    {"replication", cmdReplication,
     R"(  replication [--alert-retained MB]
                        this server as primary or standby (its upstream, what it received and
                        replayed), its standbys and logical walsenders (state, sync, lag in
                        bytes and time) and its slots; --format json
)"},
    {"slots", cmdSlots,
     R"(  slots [--alert-retained MB]
                        replication slots: type, plugin, active and who uses it, WAL retained,
                        wal_status, xmin and catalog_xmin ages; warns on stderr of an inactive
                        slot retaining more than MB (default 1024), lost or unreserved WAL,
                        and VACUUM held back; --format json
  slots --drop NAME     drops an inactive slot after naming what it retains (an active one is
                        refused, exit 5; production needs --allow-write, exit 9)
)"},
    {"publications", cmdPublications,
     R"(  publications          each publication: what it publishes (insert, update, delete,
                        truncate), its schemas and tables with column lists and row filters;
                        --format json
  publications create NAME [--all-tables | --table "T [(C,…)] [WHERE (EXPR)]"... --schema S...]
               [--publish insert,update,delete,truncate] [--via-root] [--owner ROLE]
  publications alter NAME [--add-table "T [(C,…)] [WHERE (EXPR)]"]... [--drop-table T]...
               [--add-schema S]... [--drop-schema S]... [--publish LIST] [--via-root|--no-via-root]
               [--owner ROLE] [--rename NEW]
  publications drop NAME
                        each with [--dry-run] [--lock-timeout MS]: the statements with the lock
                        each takes (a table added or dropped: SHARE UPDATE EXCLUSIVE), or
                        applied in one transaction; production needs --allow-write
)"},
    {"subscriptions", cmdSubscriptions,
     R"(  subscriptions         this database's subscriptions: publications, apply worker, last
                        message, apply and sync error counts, each table's state; --format json
  subscriptions create NAME --publication P[,P…] (--publisher-profile PROFILE |
               --connection CONNINFO [--publisher-password-stdin]) [--no-copy-data]
               [--disabled] [--slot-name S] [--no-create-slot] [--binary] [--streaming]
               [--two-phase] [--disable-on-error] [--synchronous-commit MODE] [--dry-run]
                        CREATE SUBSCRIPTION; the publisher's password from PROFILE's keychain
                        or password command, or standard input, never the command line, and
                        masked in what is printed and logged
  subscriptions (enable|disable|drop) NAME [--dry-run]
  subscriptions refresh NAME [--no-copy-data] [--dry-run]
  subscriptions skip NAME --lsn LSN [--dry-run]
                        ALTER SUBSCRIPTION … ENABLE, DISABLE, REFRESH PUBLICATION (the tables
                        its publications added; outside a transaction), SKIP the failing
                        transaction finishing at LSN; DROP SUBSCRIPTION (and its slot on the
                        publisher); production needs --allow-write
)"},
    {"changes", cmdChanges,
     R"(  changes TABLE... [--count N] [--timeout S]
                        every committed INSERT, UPDATE, DELETE and TRUNCATE of the tables as
                        NDJSON {"lsn","xid","commit_time","schema","table","op","old","new"}
                        from a temporary logical slot (dropped when the command ends, however
                        it ends); needs wal_level = logical and the REPLICATION attribute;
                        production needs --allow-write (it creates a publication)
)"},
    {"extensions", cmdExtensions,
     R"(  extensions [--installed]
                        the database's extensions (installed first, then those the server
                        offers): installed and default version, schema, the versions an
                        update reaches, whether a superuser is needed; --format json
  extensions install NAME [--schema S] [--version V] [--cascade] [--dry-run]
  extensions update NAME [--to V] [--dry-run]
  extensions drop NAME [--cascade] [--dry-run]
                        CREATE / ALTER … UPDATE / DROP EXTENSION in a transaction with a
                        lock timeout, the statement printed; drop names what depends on the
                        extension first and refuses (exit 5) without --cascade; --dry-run
                        prints the statement only; production needs --allow-write
)"},
    {"jobs", cmdJobs,
     R"(  jobs [--runs] [--job ID] [--failed] [--limit N]
                        pg_cron's jobs (connect to the database cron.database_name names):
                        schedule, command, database, user, active, the latest run, failures
                        of the runs kept; --runs the run history newest first (default 100),
                        of one job or failures only; --format json
  jobs schedule --schedule CRON --command SQL [--name N] [--database D] [--user U]
      [--inactive] [--dry-run]
  jobs alter ID|NAME [--schedule CRON] [--command SQL] [--database D] [--user U] [--dry-run]
  jobs enable ID|NAME [--dry-run]
  jobs disable ID|NAME [--dry-run]
  jobs unschedule ID|NAME [--dry-run]
                        cron.schedule_in_database / alter_job (only what changes) /
                        unschedule in a transaction with a lock timeout, values as
                        parameters, the statement printed with them; --dry-run prints it
                        only; production needs --allow-write
)"},
    {"partman", cmdPartman,
     R"(  partman
                        pg_partman's partition sets: parent, control column, interval,
                        premake, retention, how many partitions, the oldest and newest;
                        --format json
  partman create PARENT --control COLUMN [--interval I] [--premake N] [--dry-run]
  partman alter PARENT [--premake N] [--retention INTERVAL|none] [--keep-table|--drop-table]
      [--dry-run]
  partman maintain PARENT [--drop-past-retention] [--dry-run]
                        create_parent (a table PARTITION BY RANGE, native; interval daily by
                        default), premake and retention changed in part_config (what is not
                        given stays; --drop-table makes retention drop old partitions
                        instead of detaching them), run_maintenance now (makes partitions
                        and applies retention; where retention drops, only with
                        --drop-past-retention, else exit 5); production needs --allow-write
)"},
    {"tablespaces", cmdTablespaces,
     R"(  tablespaces [--script]
                        the server's tablespaces: owner, location, size (where the role may
                        ask), options, how many of this database's relations are in each;
                        --script their CREATE TABLESPACE statements; --format json
  tablespaces move TABLE --to TABLESPACE [--dry-run] [--lock-timeout MS]
                        ALTER TABLE … SET TABLESPACE, after printing what it locks (ACCESS
                        EXCLUSIVE) and copies, with a time estimate; in a transaction with
                        a lock timeout (default 5000 ms); production needs --allow-write
)"},
    {"event-triggers", cmdEventTriggers,
     R"(  event-triggers [--script]
                        the database's event triggers: event, function, enabled, tags,
                        owner; --script their CREATE EVENT TRIGGER statements; --format json
)"},
    {"rls", cmdRls,
     R"(  rls TABLE --as ROLE [--limit N]
                        the table as ROLE reads it (SET ROLE in a read-only transaction that
                        is rolled back): its rows (default 1000), the permissive policies
                        that admit each, whether ROLE may update and delete it; the table's
                        policies and which apply to ROLE with --format json
)"},
    {"log", cmdLog,
     R"(  log [--file PATH [--line-prefix P]] [--since T] [--until T] [--min-severity LEVEL]
      [--errors] [--database D] [--user U] [--sqlstate CODE] [--grep TEXT]
      [--backlog MB|all] [--follow [--timeout S]]
                        the server's log: the file it writes now (jsonlog, csvlog or stderr,
                        read with pg_read_binary_file; needs superuser or the grants the
                        error names) or a file (.json, .csv, else stderr with the server's
                        log_line_prefix, default "%m [%p] "); the last 4 MB (--backlog),
                        then with --follow what is added, across rotations; T is a time
                        (2026-11-28 10:00, ISO 8601) or an age (30s, 10m, 2h, 1d);
                        LEVEL ranks as log_min_messages does (LOG above ERROR);
                        --errors keeps ERROR, FATAL and PANIC only;
                        --format json prints NDJSON
  log --grouped [filters]
                        errors (ERROR, FATAL, PANIC) grouped by SQLSTATE and message with
                        numbers and quoted values taken out, largest group first
  log --deadlocks [--dot] [filters]
                        each deadlock: who waited for which lock held by whom, and what
                        each ran; --dot writes Graphviz DOT
  log --plans [filters]
                        auto_explain plans (text or JSON) analysed as explain prints them
)"},
};

constexpr ExitCodeEntry kExitCodes[] = {
    {ExitOk, R"(success)"},
    {ExitDifferent, R"(diff: the schemas differ (after --apply: still differ); data-diff: the rows differ)"},
    {ExitUsage, R"(usage or configuration error)"},
    {ExitConnection, R"(connection or authentication error)"},
    {ExitSql, R"(SQL error (the message shows the SQLSTATE), a statement or lock timeout too)"},
    {ExitConflict, R"(conflict: nothing was applied)"},
    {ExitNotFound, R"(not found (profile, table, column or row))"},
    {ExitUnknown, R"(apply: the connection was lost during COMMIT and the server could not be
asked afterwards; all of the change set was applied or none (re-read first:
running it again repeats its inserts))"},
    {ExitTool, R"(backup or restore: pg_dump, pg_restore or psql failed (its error lines
are shown); no backup was written, nothing was restored)"},
    {ExitGuarded, R"(production guard: the profile's environment is production and the command
writes (apply, import, restore, maintain, cancel, terminate, a writing
query) without --allow-write, or a query holds a statement the guard
refuses (BEGIN READ WRITE, SET default_transaction_read_only, COPY …
PROGRAM, ALTER SYSTEM, DO, CALL, VACUUM …: README); nothing was written
(a query's write was refused by the server, 25006))"},
    {ExitOutput, R"(the output file could not be written (disk full, I/O error): export
leaves no partial file behind)"},
    {ExitCancelled, R"(cancelled by the user (Ctrl-C or SIGTERM))"},
};

// Every code run() can return is explained, once.
constexpr bool listsEveryExitCode() {
    for (int code : {ExitOk, ExitDifferent, ExitUsage, ExitConnection, ExitSql, ExitConflict, ExitNotFound,
                     ExitUnknown, ExitTool, ExitGuarded, ExitOutput, ExitCancelled}) {
        int found = 0;
        for (const ExitCodeEntry& e : kExitCodes)
            found += e.code == code ? 1 : 0;
        if (found != 1)
            return false;
    }
    return std::size(kExitCodes) == 12;
}
static_assert(listsEveryExitCode(), "kExitCodes must explain each exit code of exitcodes.h once");

} // namespace

std::span<const CommandEntry> commandTable() {
    return kCommands;
}

std::span<const ExitCodeEntry> exitCodeTable() {
    return kExitCodes;
}

const CommandEntry* findCommand(const QString& name) {
    for (const CommandEntry& c : kCommands)
        if (name == QLatin1String(c.name))
            return &c;
    return nullptr;
}

QString helpText() {
    QString text = QStringLiteral(
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

)");
    text += QStringLiteral("Commands:\n");
    for (const CommandEntry& c : kCommands)
        text += QString::fromUtf8(c.help);
    text += QStringLiteral("\nExit codes:\n");
    for (const ExitCodeEntry& e : kExitCodes) {
        const QStringList lines = QString::fromUtf8(e.meaning).split(QLatin1Char('\n'));
        text += QStringLiteral("  %1").arg(int(e.code), -5) + lines.first() + QLatin1Char('\n');
        for (qsizetype i = 1; i < lines.size(); ++i)
            text += QStringLiteral("       ") + lines.at(i) + QLatin1Char('\n');
    }
    return text;
}

} // namespace pgdesk::cli
