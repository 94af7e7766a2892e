#!/usr/bin/env bash
# Runs one test with its own XDG folders (config, data, cache) inside a private D-Bus session with an
# unlocked gnome-keyring: a real Secret Service, headless, that never touches the user's own keyring.
set -euo pipefail
t=$(mktemp -d /tmp/pgdesk-home.XXXXXX)
trap 'rm -rf "$t"' EXIT
mkdir -p "$t/config" "$t/data" "$t/cache" "$t/run"
chmod 700 "$t/run"
export HOME="$t" XDG_CONFIG_HOME="$t/config" XDG_DATA_HOME="$t/data" XDG_CACHE_HOME="$t/cache" XDG_RUNTIME_DIR="$t/run"
export QT_QPA_PLATFORM=offscreen
unset PGHOST PGPORT PGUSER PGDATABASE PGPASSWORD PGSERVICE PGSERVICEFILE PGPASSFILE
# shellcheck disable=SC2016
# The keyring daemon outlives this script when a test is killed: it must not inherit the runner's
# descriptors (ctest's output pipes, a build lock), or whoever waits on them waits forever.
dbus-run-session -- bash -c '
  keyring() {
    for fd in /proc/$BASHPID/fd/*; do
      fd=${fd##*/}; [ "$fd" -gt 2 ] && eval "exec $fd>&-"
    done
    exec gnome-keyring-daemon --unlock --components=secrets 2>/dev/null
  }
  eval "$(echo -n pgdesk-test | (keyring) | sed "s/^/export /")"
  "$@"
' run-isolated "$@"
