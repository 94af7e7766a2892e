// SPDX-License-Identifier: GPL-3.0-or-later
// The snippet library PgDesk ships: each administration query runs as it is on PostgreSQL 12 and later
// (tst_snippets runs every one on the test server), each statement shape has its placeholders.
#include <pgdesk/core/completion/snippets.h>

namespace pgdesk::core {

QList<Snippet> shippedSnippets() {
    const auto s = [](const char* prefix, const char* name, const char* description, const char* body) {
        return Snippet{QString::fromUtf8(name), QString::fromUtf8(prefix), QString::fromUtf8(description),
                       QString::fromUtf8(body), QString()};
    };
    return {
        s("blocking", "blocking sessions", "who waits for whom, the longest waiting first",
          "SELECT blocked.pid AS blocked_pid, blocked.usename AS blocked_user,\n"
          "       now() - blocked.query_start AS waiting_for, blocking.pid AS blocking_pid,\n"
          "       blocking.usename AS blocking_user, blocking.state AS blocking_state,\n"
          "       blocked.query AS blocked_query, blocking.query AS blocking_query\n"
          "FROM pg_stat_activity AS blocked\n"
          "JOIN LATERAL unnest(pg_blocking_pids(blocked.pid)) AS b(pid) ON true\n"
          "JOIN pg_stat_activity AS blocking ON blocking.pid = b.pid\n"
          "ORDER BY waiting_for DESC;$0"),
        s("long_running", "long-running queries", "statements running longer than a while",
          "SELECT pid, usename, datname, state, now() - query_start AS running_for,\n"
          "       wait_event_type, wait_event, query\n"
          "FROM pg_stat_activity\n"
          "WHERE state <> 'idle' AND pid <> pg_backend_pid()\n"
          "  AND now() - query_start > interval '${1:5 minutes}'\n"
          "ORDER BY running_for DESC;$0"),
        s("bloat", "table bloat (dead rows)",
          "tables with the most dead rows, their share and size, last vacuum",
          "SELECT schemaname, relname, n_live_tup, n_dead_tup,\n"
          "       round(100.0 * n_dead_tup / nullif(n_live_tup + n_dead_tup, 0), 1) AS dead_pct,\n"
          "       pg_size_pretty(pg_total_relation_size(relid)) AS total_size,\n"
          "       last_vacuum, last_autovacuum\n"
          "FROM pg_stat_user_tables\n"
          "WHERE n_dead_tup >= ${1:1000}\n"
          "ORDER BY n_dead_tup DESC;$0"),
        s("unused_indexes", "unused indexes",
          "indexes never scanned since the statistics were reset, largest first",
          "SELECT s.schemaname, s.relname AS table_name, s.indexrelname AS index_name, s.idx_scan,\n"
          "       pg_size_pretty(pg_relation_size(s.indexrelid)) AS index_size\n"
          "FROM pg_stat_user_indexes AS s\n"
          "JOIN pg_index AS i ON i.indexrelid = s.indexrelid\n"
          "WHERE s.idx_scan = 0 AND NOT i.indisunique AND NOT i.indisprimary\n"
          "ORDER BY pg_relation_size(s.indexrelid) DESC;$0"),
        s("slots_wal", "slots retaining WAL", "replication slots and the WAL each keeps, most first",
          "SELECT slot_name, slot_type, database, active, active_pid,\n"
          "       pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) AS retained_wal,\n"
          "       wal_status, safe_wal_size\n"
          "FROM pg_replication_slots\n"
          "ORDER BY pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn) DESC NULLS LAST;$0"),
        s("cache_hit", "cache hit ratio", "the share of block reads served from shared buffers, per database",
          "SELECT datname, blks_hit, blks_read,\n"
          "       round(100.0 * blks_hit / nullif(blks_hit + blks_read, 0), 2) AS hit_pct\n"
          "FROM pg_stat_database\n"
          "WHERE datname IS NOT NULL\n"
          "ORDER BY datname;$0"),
        s("table_sizes", "largest tables", "tables, materialized views and their indexes by total size",
          "SELECT n.nspname AS schema_name, c.relname AS table_name,\n"
          "       pg_size_pretty(pg_total_relation_size(c.oid)) AS total,\n"
          "       pg_size_pretty(pg_relation_size(c.oid)) AS heap,\n"
          "       pg_size_pretty(pg_indexes_size(c.oid)) AS indexes\n"
          "FROM pg_class AS c\n"
          "JOIN pg_namespace AS n ON n.oid = c.relnamespace\n"
          "WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')\n"
          "ORDER BY pg_total_relation_size(c.oid) DESC\n"
          "LIMIT ${1:20};$0"),
        s("locks", "locks on relations", "locks held and awaited on tables and indexes, the awaited first",
          "SELECT l.relation::regclass AS relation, l.mode, l.granted, a.pid, a.usename, a.state,\n"
          "       now() - a.query_start AS running_for, a.query\n"
          "FROM pg_locks AS l\n"
          "JOIN pg_stat_activity AS a ON a.pid = l.pid\n"
          "WHERE l.relation IS NOT NULL AND a.pid <> pg_backend_pid()\n"
          "ORDER BY l.granted, relation;$0"),
        s("vacuum_progress", "vacuum progress", "VACUUM running now and how far it is",
          "SELECT p.pid, p.datname, p.relid::regclass AS table_name, p.phase,\n"
          "       round(100.0 * p.heap_blks_scanned / nullif(p.heap_blks_total, 0), 1) AS scanned_pct,\n"
          "       p.index_vacuum_count, a.query\n"
          "FROM pg_stat_progress_vacuum AS p\n"
          "JOIN pg_stat_activity AS a ON a.pid = p.pid;$0"),
        s("sel", "select rows", "SELECT … FROM … WHERE … LIMIT",
          "SELECT ${2:*}\nFROM ${1:table_name}\nWHERE ${3:true}\nLIMIT ${4:100};$0"),
        s("ins", "insert a row", "INSERT INTO … (…) VALUES (…) RETURNING *",
          "INSERT INTO ${1:table_name} (${2:columns})\nVALUES (${3:values})\nRETURNING *;$0"),
        s("upd", "update rows", "UPDATE … SET … WHERE …",
          "UPDATE ${1:table_name}\nSET ${2:column_name} = ${3:value}\nWHERE ${4:condition};$0"),
        s("cte", "common table expression", "WITH name AS (…) SELECT … FROM name",
          "WITH ${1:name} AS (\n    ${2:SELECT 1}\n)\nSELECT *\nFROM $1;$0"),
        s("fn", "SQL function", "CREATE OR REPLACE FUNCTION … LANGUAGE sql",
          "CREATE OR REPLACE FUNCTION ${1:name}(${2:arguments})\nRETURNS ${3:integer}\nLANGUAGE sql\n"
          "STABLE\nAS \\$\\$\n    ${4:SELECT 1}\n\\$\\$;$0"),
    };
}

} // namespace pgdesk::core
