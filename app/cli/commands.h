// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cliapp.h"

#include <pgdesk/core/browse/queryspec.h>
#include <pgdesk/core/catalog/catalog.h>

namespace pgdesk::cli {

// One function per command; each returns the exit code or throws (mapped in run()).
int cmdProfiles(Invocation& inv);
// profiles export [NAME]... and profiles import FILE [--replace] (cmd_profiletransfer.cpp).
int profilesExport(Invocation& inv, const QStringList& names);
int profilesImport(Invocation& inv, const QStringList& args);
int profilesTrust(Invocation& inv, const QStringList& args);
int cmdQuery(Invocation& inv);
// --param NAME=VALUE (or N=VALUE for $N) into `params`; returns NAME. Throws UsageError when malformed or
// given twice.
QString addParamOption(const QString& text, QMap<QString, core::Param>& params);
// explain (--query SQL | --file F | --plan PLAN.json) [--analyze] [--buffers] …: cmd_explain.cpp.
int cmdExplain(Invocation& inv);
// statements [--interval SECONDS] [--top N]: pg_stat_statements between two snapshots (cmd_statements.cpp).
int cmdStatements(Invocation& inv);
// locks (--query SQL | --file F) [--trace]: the lock analysis of DDL (cmd_locks.cpp).
int cmdLocks(Invocation& inv);
int cmdMcp(Invocation& inv);
// alter TABLE --add-column … [--dry-run]: the table designer's changes (cmd_alter.cpp).
int cmdAlter(Invocation& inv);
// grant/revoke PRIVILEGES on OBJECT to/from ROLE, or ROLE to/from MEMBER (cmd_grant.cpp).
int cmdGrant(Invocation& inv);
// diff [SCHEMA_A SCHEMA_B | --source-… --target-…] [--script F] [--apply]: schema compare (cmd_diff.cpp).
int cmdDiff(Invocation& inv);
// data-diff TABLE --source-dsn … [-o CHANGES.json]: data compare as a change set (cmd_diff.cpp).
int cmdDataDiff(Invocation& inv);
int cmdRevoke(Invocation& inv);
int cmdBrowse(Invocation& inv);
int cmdTables(Invocation& inv);
int cmdDescribe(Invocation& inv);
int cmdDdl(Invocation& inv);
int cmdExport(Invocation& inv);
int cmdApply(Invocation& inv);
int cmdImport(Invocation& inv);
// listen CHANNEL… [--count N] [--timeout S]: notifications as NDJSON (cmd_listen.cpp).
// chart (TABLE | --query SQL) --x C --y C[,C] … -o FILE.svg|png: aggregated on the server (cmd_chart.cpp).
int cmdChart(Invocation& inv);
int cmdErd(Invocation& inv);
// notebook run FILE …: a .pgnb.md notebook run and its report written, charts drawn (cmd_notebook.cpp).
int cmdNotebook(Invocation& inv);
// chart, erd and notebook draw with QtGui: they are linked into pgdesk-cli-draw only (drawmain.cpp), which
// gives them to run() here; without them run() says so.
struct DrawCommands {
    int (*chart)(Invocation&) = nullptr;
    int (*erd)(Invocation&) = nullptr;
    int (*notebook)(Invocation&) = nullptr;
};
void setDrawCommands(const DrawCommands& commands);
int cmdListen(Invocation& inv);
int cmdActivity(Invocation& inv);
int cmdCancel(Invocation& inv);
int cmdTerminate(Invocation& inv);
int cmdMaintain(Invocation& inv);
int cmdBackup(Invocation& inv);
int cmdRestore(Invocation& inv);
int cmdSizes(Invocation& inv);
int cmdRoles(Invocation& inv);
int cmdGrants(Invocation& inv);
int cmdDatabases(Invocation& inv);
// replication, slots, publications, subscriptions, changes: core/server (cmd_replication.cpp).
int cmdReplication(Invocation& inv);
int cmdSlots(Invocation& inv);
int cmdPublications(Invocation& inv);
int cmdPublicationChange(Invocation& inv);  // publications create | alter | drop (cmd_publish.cpp)
int cmdSubscriptionChange(Invocation& inv); // subscriptions enable | disable | refresh | skip | drop
int cmdSubscriptions(Invocation& inv);
int cmdChanges(Invocation& inv);
// extensions [--installed] | install | update | drop (cmd_extensions.cpp).
int cmdExtensions(Invocation& inv);
// jobs (pg_cron) and partman (pg_partman): list, schedule/alter/…, create/alter/maintain (cmd_jobs.cpp).
int cmdJobs(Invocation& inv);
int cmdPartman(Invocation& inv);
// tablespaces [--script] | move TABLE --to TS; event-triggers [--script] (cmd_tablespaces.cpp).
int cmdTablespaces(Invocation& inv);
int cmdEventTriggers(Invocation& inv);
// rls TABLE --as ROLE [--limit N]: a table as another role sees it (cmd_rls.cpp).
int cmdRls(Invocation& inv);
// log [--file PATH] [filters] [--follow] [--grouped | --deadlocks [--dot] | --plans]: the server's log
// (cmd_log.cpp).
int cmdLog(Invocation& inv);

// browse and export: a line on standard error when the table's soft-delete convention hides rows
// (stdout stays the data), naming the column and --deleted all.
void noteHiddenRows(Invocation& inv, const core::TableInfo& table, core::SoftDeleteScope scope);
// "pgdesk-cli: note: columns secret, salary are not read (no SELECT privilege on them)" on stderr.
void noteHiddenColumns(Invocation& inv, const core::TableInfo& table);

} // namespace pgdesk::cli
