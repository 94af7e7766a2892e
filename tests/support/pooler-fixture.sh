#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CTest fixture: a pgbouncer in transaction pooling mode in front of the `cluster` fixture's server.
#   pooler-fixture.sh setup STATEFILE CLUSTER_STATEFILE   starts it and writes its folder into STATEFILE
#   pooler-fixture.sh cleanup STATEFILE                   stops it and removes the folder
#
# The folder's env file holds PGDESK_POOLER_HOST/PORT (TCP) and PGDESK_POOLER_DIR (also its unix socket
# folder). Databases: every database of the cluster under its own name (pool of 2 server connections per
# database and user), and `pgdesk_pool1`, an alias of pgdesk_demo with ONE server connection, so that
# all its clients provably share one server session (leak tests). Startup `options` are NOT ignored:
# a client that sends them is refused, as by a default pgbouncer. Users: postgres trusted, pgdesk_auth
# with its SCRAM password (pgbouncer logs in to the server with it).
set -euo pipefail
state=$2
pgbouncer=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop() {
  local dir=$1
  if [ -f "$dir/pgbouncer.pid" ]; then
    local pid
    pid=$(cat "$dir/pgbouncer.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$dir"
}

case $1 in
setup)
  [ -x "$pgbouncer" ] || { echo "pooler-fixture: pgbouncer is not installed (run scripts/install-deps)" >&2; exit 1; }
  if [ -f "$state" ]; then stop "$(cat "$state")"; fi
  cluster=$(cat "$3")
  # shellcheck disable=SC1091
  . "$cluster/env"
  dir=$(mktemp -d /tmp/pgdesk-pooler.XXXXXX)
  chmod 755 "$dir"
  echo "$dir" >"$state"
  cat >"$dir/userlist.txt" <<USERS
"postgres" ""
"$PGDESK_AUTH_USER" "$PGDESK_AUTH_PASSWORD"
USERS
  cat >"$dir/hba.conf" <<HBA
local all postgres trust
host  all postgres 127.0.0.1/32 trust
local all all scram-sha-256
host  all all 127.0.0.1/32 scram-sha-256
HBA
  chmod 600 "$dir/userlist.txt"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$dir"; fi
  started=0
  for _ in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 30000))
    port_free "$port" || continue
    cat >"$dir/pgbouncer.ini" <<INI
[databases]
pgdesk_pool1 = host=$PGDESK_PGHOST port=$PGDESK_PGPORT dbname=pgdesk_demo pool_size=1
* = host=$PGDESK_PGHOST port=$PGDESK_PGPORT

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir = $dir
auth_type = hba
auth_hba_file = $dir/hba.conf
auth_file = $dir/userlist.txt
pool_mode = transaction
default_pool_size = 2
reserve_pool_size = 0
max_client_conn = 300
ignore_startup_parameters = extra_float_digits
query_wait_timeout = 60
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
admin_users = postgres
INI
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir/pgbouncer.ini"; fi
    as_owner "$pgbouncer" -d "$dir/pgbouncer.ini" || continue
    for _ in $(seq 50); do port_free "$port" || { started=1; break; }; sleep 0.1; done
    [ $started -eq 1 ] && break
  done
  [ $started -eq 1 ] || { echo "pooler-fixture: pgbouncer did not start" >&2; cat "$dir/pgbouncer.log" >&2 || true; exit 1; }
  cat >"$dir/env" <<ENV
PGDESK_POOLER_HOST=127.0.0.1
PGDESK_POOLER_PORT=$port
PGDESK_POOLER_DIR=$dir
ENV
  cat "$dir/env"
  ;;
cleanup)
  if [ -f "$state" ]; then stop "$(cat "$state")"; fi
  rm -f "$state"
  ;;
esac
